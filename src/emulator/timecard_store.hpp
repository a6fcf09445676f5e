// Timecard entry writes and lookups shared by the company, project and bulk routes: each
// checks the request, stores the record, records the change and replies.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "emulator/services.hpp"
#include "emulator/timecard_request.hpp"

namespace crewsync::emulator {

constexpr const char* kTimecardEntriesResource = "Timecard Entries";

// Gives the company its standard time types if it has none yet (see timecard_time_types.hpp);
// every timecard route calls it once the caller is authorized.
void PrepareTimecards(Services& s, Company& company);

// The company's project named by `id_text`, or null with 404 sent.
const Json* FindProject(const Company& company, const std::string& id_text,
                        httplib::Response& response);

// Project routes: the company comes from the Procore-Company-Id header and the project (the
// path's first group) must be one of its projects (404 otherwise). Returns the project id, 0
// with the error sent.
RecordId AuthorizeProject(Services& s, const httplib::Request& request, httplib::Response& response,
                          Caller& caller);

// The company's entry named by `id_text` that is not deleted (and belongs to `project_id`
// unless 0), or null with 404 sent.
const Json* FindLiveEntry(const Company& company, const std::string& id_text, RecordId project_id,
                          httplib::Response& response);

// Creates an entry of `project_id` from a v1.0 `timecard_entry` object: 201 with the record,
// 422 on invalid fields, 409 when origin_id is taken.
void CreateEntry(Services& s, const Caller& caller, RecordId project_id, const Json& fields,
                 httplib::Response& response);

// Applies a v1.0 PATCH to `stored` (moving it to `new_project_id` unless 0): 200 with the
// record, 422 or 409 as CreateEntry.
void UpdateEntry(Services& s, const Caller& caller, const Json& stored, RecordId new_project_id,
                 const Json& fields, httplib::Response& response);

// Soft-deletes `stored` (sets deleted_at): 200 with the deleted record.
void DeleteEntry(Services& s, const Caller& caller, const Json& stored,
                 httplib::Response& response);

// 409 {"message", "errors": {"origin_id": ["has already been taken"]}}.
void ReplyOriginTaken(httplib::Response& response, RecordId holder);

// Which entries a list shows. Deleted entries are listed only when `deleted_at` is given, and
// then only those deleted in that range.
struct EntryFilter {
    RecordId project_id = 0;  // 0: every project
    std::vector<RecordId> ids;
    std::vector<RecordId> party_ids;
    std::vector<RecordId> created_by_ids;
    std::optional<TextRange> updated_at;
    std::optional<TextRange> deleted_at;
    std::string start_date;  // inclusive; "" for open
    std::string end_date;

    bool Matches(const Json& record) const;
};

// The ids of the company's entries that `filter` lets through, in id order.
std::vector<RecordId> FilterEntries(const Company& company, const EntryFilter& filter);

// Replies 200 with one page of `ids` (pre-rendered records, or [{id}] when `ids_only`) and
// the page headers.
void ReplyEntryPage(Services& s, const httplib::Request& request, httplib::Response& response,
                    const Company& company, const std::vector<RecordId>& ids,
                    const PageRequest& page, bool ids_only);

}  // namespace crewsync::emulator
