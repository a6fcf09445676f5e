// Timecard entries at company level (v1.0), their v1.1 bulk create on one project, and
// project timesheets (procore-api.md §9.3, §9.4).
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "procore/client_fields.hpp"
#include "procore/client_support.hpp"
#include "procore/procore_client.hpp"
#include "procore/resource_json.hpp"

namespace crewsync::procore {
namespace {

using internal::CallName;
using internal::CompanyPath;
using internal::Dump;
using internal::Json;

// Procore's bulk_create maximum.
constexpr std::size_t kMaxBulkEntries = 25;

// Entries' JSON records by origin_id (as text).
using EntriesByOrigin = std::map<std::string, Json>;

std::string EntryPath(const ApiTransport& transport, ProcoreId id) {
    return CompanyPath(transport, "v1.0", fmt::format("/timecard_entries/{}", id));
}

// {"project_id": N, "timecard_entry": {…}}; project_id only when the fields set it.
Result<Json> EntryBody(const TimecardFields& fields) {
    CREWSYNC_ASSIGN_OR_RETURN(Json entry, internal::TimecardObject(fields));
    Json body = {{"timecard_entry", std::move(entry)}};
    if (fields.project_id) body["project_id"] = *fields.project_id;
    return body;
}

// The company's entries from `first_date` to `last_date` of `parties` (any date or party when
// not given) whose origin_id is in `wanted`. Procore has no origin_id filter on entries.
Result<EntriesByOrigin> FindEntries(ApiTransport& transport, int per_page,
                                    const std::optional<std::string>& first_date,
                                    const std::optional<std::string>& last_date,
                                    const std::set<ProcoreId>& parties,
                                    const std::set<std::string>& wanted) {
    ApiRequest request;
    request.path = CompanyPath(transport, "v1.0", "/timecard_entries");
    if (first_date) request.query.emplace_back("start_date", *first_date);
    if (last_date) request.query.emplace_back("end_date", *last_date);
    for (const ProcoreId party : parties) {
        request.query.emplace_back("filters[party_id][]", std::to_string(party));
    }
    const std::string call = CallName(request);
    EntriesByOrigin found;
    const auto on_page = [&](const Page& page) -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(const Json doc,
                                  internal::ParseAnswer(call, page.response.body));
        if (!doc.is_array()) return Ok();
        for (const Json& record : doc) {
            if (!record.is_object()) continue;
            std::string origin_id;
            internal::ObjectReader reader(record);
            reader.Text("origin_id", origin_id);
            if (reader.ok() && wanted.count(origin_id) > 0) found[origin_id] = record;
        }
        return Ok();
    };
    CREWSYNC_TRY(ForEachPage(transport, std::move(request), per_page, on_page));
    return found;
}

// After an unanswered bulk create: Procore creates all of a batch or none, so either every
// origin_id of the batch is there (the answer is made up from the records) or none is.
Result<std::optional<http::HttpResponse>> FindBulkCreated(
    ApiTransport& transport, int per_page, const std::vector<TimecardFields>& batch) {
    std::set<std::string> wanted;
    std::set<ProcoreId> parties;
    std::vector<std::string> dates;
    for (const TimecardFields& entry : batch) {
        wanted.insert(*entry.origin_id);
        if (entry.party_id) parties.insert(*entry.party_id);
        if (entry.date) dates.push_back(*entry.date);
    }
    // Narrowed only by what every entry has: an entry without a party or date could be anywhere.
    if (std::any_of(batch.begin(), batch.end(), [](const auto& e) { return !e.party_id; })) {
        parties.clear();
    }
    std::optional<std::string> first_date, last_date;
    if (!dates.empty() && dates.size() == batch.size()) {
        const auto [first, last] = std::minmax_element(dates.begin(), dates.end());
        first_date = *first;
        last_date = *last;
    }
    CREWSYNC_ASSIGN_OR_RETURN(
        EntriesByOrigin found,
        FindEntries(transport, per_page, first_date, last_date, parties, wanted));
    if (found.empty()) return std::optional<http::HttpResponse>();
    if (found.size() != wanted.size()) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("a bulk create of {} timecard entries went unanswered and {} of "
                                "their origin_ids exist now; it was not sent again",
                                wanted.size(), found.size()));
    }
    Json entries = Json::array();
    for (const TimecardFields& entry : batch) entries.push_back(found[*entry.origin_id]);
    return std::optional<http::HttpResponse>(
        internal::FoundResponse(Dump(Json{{"timecard_entries", std::move(entries)}})));
}

Result<TimecardEntry> CallForEntry(ApiTransport& transport, const ApiRequest& request) {
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport.Call(request));
    return internal::DecodeObject(CallName(request), response.body, internal::ReadTimecardEntry);
}

Result<std::vector<TimecardEntry>> DecodeBulkAnswer(const std::string& call,
                                                    const std::string& body) {
    CREWSYNC_ASSIGN_OR_RETURN(const Json doc, internal::ParseAnswer(call, body));
    const Json& entries = doc.is_object() ? doc.value("timecard_entries", Json()) : doc;
    return internal::DecodeArrayValue(call, entries, internal::ReadTimecardEntry);
}

}  // namespace

Result<std::vector<TimecardEntry>> ProcoreClient::ListTimecardEntries(
    const TimecardQuery& query) {
    ApiRequest request;
    request.path = CompanyPath(transport_, "v1.0", "/timecard_entries");
    if (query.start_date) request.query.emplace_back("start_date", FormatDate(*query.start_date));
    if (query.end_date) request.query.emplace_back("end_date", FormatDate(*query.end_date));
    for (const ProcoreId party : query.party_ids) {
        request.query.emplace_back("filters[party_id][]", std::to_string(party));
    }
    const std::string call = CallName(request);
    const internal::PageDecoder<TimecardEntry> decode = [&](std::string_view body) {
        return internal::DecodeArray(call, body, internal::ReadTimecardEntry);
    };
    std::vector<TimecardEntry> entries;
    CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request),
                                        options_.timecards_per_page, decode, {}, entries));
    return entries;
}

Result<TimecardEntry> ProcoreClient::CreateTimecardEntry(const TimecardFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = CompanyPath(transport_, "v1.0", "/timecard_entries");
    CREWSYNC_ASSIGN_OR_RETURN(const Json body, EntryBody(fields));
    request.json_body = Dump(body);
    request.replay = Replay::kCreate;
    const Json origin = body["timecard_entry"].value("origin_id", Json());
    if (origin.is_number_integer()) {
        // As Procore writes it back: the number's digits ("007" was sent as 7).
        const std::string origin_id = origin.dump();
        request.find_created = [this, fields, origin_id]()
            -> Result<std::optional<http::HttpResponse>> {
            std::set<ProcoreId> parties;
            if (fields.party_id) parties.insert(*fields.party_id);
            CREWSYNC_ASSIGN_OR_RETURN(
                EntriesByOrigin found,
                FindEntries(transport_, options_.timecards_per_page, fields.date, fields.date,
                            parties, {origin_id}));
            if (found.empty()) return std::optional<http::HttpResponse>();
            return std::optional<http::HttpResponse>(
                internal::FoundResponse(Dump(found.begin()->second)));
        };
    }
    return CallForEntry(transport_, request);
}

Result<TimecardEntry> ProcoreClient::UpdateTimecardEntry(ProcoreId id,
                                                         const TimecardFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = EntryPath(transport_, id);
    CREWSYNC_ASSIGN_OR_RETURN(const Json body, EntryBody(fields));
    request.json_body = Dump(body);
    return CallForEntry(transport_, request);
}

Status ProcoreClient::DeleteTimecardEntry(ProcoreId id) {
    ApiRequest request;
    request.method = http::Method::kDelete;
    request.path = EntryPath(transport_, id);
    return internal::CallDelete(transport_, request);
}

Result<std::vector<TimecardEntry>> ProcoreClient::BulkCreateTimecardEntries(
    ProcoreId project_id, const std::vector<TimecardFields>& entries) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].project_id && *entries[i].project_id != project_id) {
            return Fail(ErrorCode::kInvalidArgument,
                        fmt::format("timecard entry {} is for project {}, not {}: a bulk create "
                                    "writes one project's entries",
                                    i, *entries[i].project_id, project_id));
        }
    }
    const std::size_t batch = std::clamp<std::size_t>(options_.timecard_batch, 1, kMaxBulkEntries);
    std::vector<TimecardEntry> created;
    for (std::size_t begin = 0; begin < entries.size(); begin += batch) {
        const std::vector<TimecardFields> part(
            entries.begin() + static_cast<std::ptrdiff_t>(begin),
            entries.begin() + static_cast<std::ptrdiff_t>(std::min(entries.size(), begin + batch)));
        Json items = Json::array();
        bool every_origin = true;
        for (const TimecardFields& entry : part) {
            items.push_back(internal::BulkTimecardItem(entry, project_id));
            every_origin = every_origin && entry.origin_id && !entry.origin_id->empty();
        }
        ApiRequest request;
        request.method = http::Method::kPost;
        request.path = fmt::format("/rest/v1.1/projects/{}/project_timecard_entries/bulk_create",
                                   project_id);
        request.json_body = Dump(Json{{"timecard_entries", std::move(items)}});
        request.replay = Replay::kCreate;
        if (every_origin) {
            request.find_created = [this, part]() {
                return FindBulkCreated(transport_, options_.timecards_per_page, part);
            };
        }
        CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
        CREWSYNC_ASSIGN_OR_RETURN(std::vector<TimecardEntry> some,
                                  DecodeBulkAnswer(CallName(request), response.body));
        for (TimecardEntry& entry : some) created.push_back(std::move(entry));
    }
    return created;
}

Result<std::vector<Timesheet>> ProcoreClient::ListTimesheets(ProcoreId project_id) {
    ApiRequest request;
    request.path = fmt::format("/rest/v1.0/projects/{}/timesheets", project_id);
    const std::string call = CallName(request);
    const internal::PageDecoder<Timesheet> decode = [&](std::string_view body) {
        return internal::DecodeArray(call, body, internal::ReadTimesheet);
    };
    std::vector<Timesheet> timesheets;
    CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request),
                                        options_.timecards_per_page, decode, {}, timesheets));
    for (Timesheet& timesheet : timesheets) {
        if (timesheet.project_id == 0) timesheet.project_id = project_id;
    }
    return timesheets;
}

Result<Timesheet> ProcoreClient::CreateTimesheet(ProcoreId project_id, const Date& date) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = fmt::format("/rest/v1.0/projects/{}/timesheets", project_id);
    request.json_body = Dump(Json{{"timesheet", {{"date", FormatDate(date)}}}});
    request.replay = Replay::kCreate;
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
    CREWSYNC_ASSIGN_OR_RETURN(
        Timesheet timesheet,
        internal::DecodeObject(CallName(request), response.body, internal::ReadTimesheet));
    if (timesheet.project_id == 0) timesheet.project_id = project_id;
    return timesheet;
}

}  // namespace crewsync::procore
