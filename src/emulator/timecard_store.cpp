#include "emulator/timecard_store.hpp"

#include <algorithm>

#include "emulator/http_support.hpp"
#include "emulator/project_record.hpp"
#include "emulator/timecard_entry.hpp"
#include "emulator/timecard_time_types.hpp"

namespace crewsync::emulator {
namespace {

bool Contains(const std::vector<RecordId>& ids, RecordId id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

RecordId NestedId(const Json& record, const char* field) {
    const auto it = record.find(field);
    return it != record.end() && it->is_object() ? it->value("id", RecordId{0}) : 0;
}

}  // namespace

void PrepareTimecards(Services& s, Company& company) { SeedTimecardTimeTypes(company, s.state); }

const Json* FindProject(const Company& company, const std::string& id_text,
                        httplib::Response& response) {
    const RecordId id = IdParam(id_text);
    const Json* project = id ? VisibleProject(company, id) : nullptr;  // hidden: 404
    if (!project) ReplyError(response, 404, "Project " + id_text + " not found");
    return project;
}

RecordId AuthorizeProject(Services& s, const httplib::Request& request, httplib::Response& response,
                          Caller& caller) {
    if (!s.Authorize(request, response, true, caller)) return 0;
    PrepareTimecards(s, *caller.company);
    const Json* project = FindProject(*caller.company, request.matches[1], response);
    return project ? project->at("id").get<RecordId>() : 0;
}

const Json* FindLiveEntry(const Company& company, const std::string& id_text, RecordId project_id,
                          httplib::Response& response) {
    const RecordId id = IdParam(id_text);
    const Json* entry = id ? company.timecard_entries.Find(id) : nullptr;
    if (entry && (!entry->value("deleted_at", Json()).is_null() ||
                  (project_id && NestedId(*entry, "project") != project_id))) {
        entry = nullptr;
    }
    if (!entry) ReplyError(response, 404, "Timecard entry " + id_text + " not found");
    return entry;
}

void ReplyOriginTaken(httplib::Response& response, RecordId holder) {
    Reply(response, 409,
          Json{{"message",
                "origin_id has already been taken by timecard entry " + std::to_string(holder)},
               {"errors", {{"origin_id", Json::array({"has already been taken"})}}}});
}

void CreateEntry(Services& s, const Caller& caller, RecordId project_id, const Json& fields,
                 httplib::Response& response) {
    Company& company = *caller.company;
    EntryValues values;
    values.project_id = project_id;
    const Json errors = ReadEntryValues(company, fields, OriginIdType::kInteger, "", values);
    if (!errors.empty()) return Reply(response, 422, Json{{"errors", errors}});
    if (const RecordId holder = EntryWithOrigin(company, values.origin_id, 0)) {
        return ReplyOriginTaken(response, holder);
    }
    const RecordId id = s.state.NextId();
    const std::string now = IsoSeconds(s.clock.Now());
    company.timecard_entries.Put(
        EntryRecord(company, values, id, CreatedByOf(company, caller.user_id), now, now));
    s.Changed(caller, kTimecardEntriesResource, "create", id, project_id);
    ReplyText(response, 201, company.timecard_entries.Rendered(id));
}

void UpdateEntry(Services& s, const Caller& caller, const Json& stored, RecordId new_project_id,
                 const Json& fields, httplib::Response& response) {
    Company& company = *caller.company;
    const RecordId id = stored.at("id").get<RecordId>();
    EntryValues values = ValuesOf(stored);
    if (new_project_id) values.project_id = new_project_id;
    const Json errors = ReadEntryValues(company, fields, OriginIdType::kInteger, "", values);
    if (!errors.empty()) return Reply(response, 422, Json{{"errors", errors}});
    if (fields.contains("origin_id")) {
        if (const RecordId holder = EntryWithOrigin(company, values.origin_id, id)) {
            return ReplyOriginTaken(response, holder);
        }
    }
    Json record = EntryRecord(company, values, id, stored.value("created_by", Json()),
                              stored.value("created_at", ""), IsoSeconds(s.clock.Now()));
    company.timecard_entries.Put(std::move(record));
    s.Changed(caller, kTimecardEntriesResource, "update", id, values.project_id);
    ReplyText(response, 200, company.timecard_entries.Rendered(id));
}

void DeleteEntry(Services& s, const Caller& caller, const Json& stored,
                 httplib::Response& response) {
    Company& company = *caller.company;
    const RecordId id = stored.at("id").get<RecordId>();
    const RecordId project_id = NestedId(stored, "project");
    Json* record = company.timecard_entries.FindMutable(id);
    const std::string now = IsoSeconds(s.clock.Now());
    (*record)["deleted_at"] = now;
    (*record)["updated_at"] = now;
    company.timecard_entries.Touched(id);
    s.Changed(caller, kTimecardEntriesResource, "delete", id, project_id);
    ReplyText(response, 200, company.timecard_entries.Rendered(id));
}

bool EntryFilter::Matches(const Json& record) const {
    const Json deleted = record.value("deleted_at", Json());
    if (deleted_at) {
        if (!deleted.is_string() || !deleted_at->Holds(deleted.get<std::string>())) return false;
    } else if (!deleted.is_null()) {
        return false;
    }
    if (project_id && NestedId(record, "project") != project_id) return false;
    if (!ids.empty() && !Contains(ids, record.value("id", RecordId{0}))) return false;
    if (!party_ids.empty() && !Contains(party_ids, NestedId(record, "party"))) return false;
    if (!created_by_ids.empty() && !Contains(created_by_ids, NestedId(record, "created_by"))) {
        return false;
    }
    if (updated_at && !updated_at->Holds(record.value("updated_at", ""))) return false;
    const std::string date = record.value("date", "");
    if (!start_date.empty() && date < start_date) return false;
    if (!end_date.empty() && date > end_date) return false;
    return true;
}

std::vector<RecordId> FilterEntries(const Company& company, const EntryFilter& filter) {
    std::vector<RecordId> ids;
    for (const auto& [id, record] : company.timecard_entries.All()) {
        if (filter.Matches(record)) ids.push_back(id);
    }
    return ids;
}

void ReplyEntryPage(Services& s, const httplib::Request& request, httplib::Response& response,
                    const Company& company, const std::vector<RecordId>& ids,
                    const PageRequest& page, bool ids_only) {
    const auto total = static_cast<std::int64_t>(ids.size());
    const std::int64_t first = PageStart(page, total);
    const std::int64_t end = std::min(total, first + page.per_page);
    SetPageHeaders(request, response, s.https, total, page);
    if (ids_only) {
        Json out = Json::array();
        for (std::int64_t i = first; i < end; ++i) {
            out.push_back({{"id", ids[static_cast<std::size_t>(i)]}});
        }
        return Reply(response, 200, out);
    }
    std::vector<const std::string*> rendered;
    rendered.reserve(static_cast<std::size_t>(end - first));
    for (std::int64_t i = first; i < end; ++i) {
        rendered.push_back(&company.timecard_entries.Rendered(ids[static_cast<std::size_t>(i)]));
    }
    ReplyText(response, 200, JsonArray(rendered));
}

}  // namespace crewsync::emulator
