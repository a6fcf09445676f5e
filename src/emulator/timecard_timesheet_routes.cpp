// Timesheets (procore-api.md §9.4): a project's timesheets, each with its entries, and the
// company's timecard data grouped by person.
#include <algorithm>
#include <map>
#include <tuple>

#include "emulator/clock.hpp"
#include "emulator/http_support.hpp"
#include "emulator/timecard_entry.hpp"
#include "emulator/timecard_routes.hpp"
#include "emulator/timecard_store.hpp"
#include "emulator/timecard_time.hpp"
#include "emulator/timecard_timesheet.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kTimesheetsResource = "Timesheets";

RecordId NestedId(const Json& record, const char* field) {
    const auto it = record.find(field);
    return it != record.end() && it->is_object() ? it->value("id", RecordId{0}) : 0;
}

// The live entries of each of the project's timesheets, in id order.
std::map<RecordId, Json> EntriesByTimesheet(const Company& company, RecordId project_id) {
    std::map<RecordId, Json> grouped;
    for (const auto& [id, entry] : company.timecard_entries.All()) {
        const RecordId timesheet = NestedId(entry, "timesheet");
        if (timesheet == 0 || NestedId(entry, "project") != project_id ||
            !entry.value("deleted_at", Json()).is_null()) {
            continue;
        }
        auto [it, added] = grouped.try_emplace(timesheet, Json::array());
        it->second.push_back(entry);
    }
    return grouped;
}

Json TimesheetView(const Json& timesheet, const std::map<RecordId, Json>& entries) {
    Json view = timesheet;
    const auto it = entries.find(timesheet.at("id").get<RecordId>());
    view["timecard_entries"] = it == entries.end() ? Json::array() : it->second;
    return view;
}

void CreateTimesheet(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const RecordId project_id = AuthorizeProject(s, request, response, caller);
    if (project_id == 0) return;
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "timesheet", body, fields)) return;
    const Json date = fields.value("date", Json());
    if (date.is_null() || date == "") return ReplyInvalid(response, "date", "can't be blank");
    if (!date.is_string() || !IsIsoDate(date.get<std::string>())) {
        return ReplyInvalid(response, "date", "must be a date as YYYY-MM-DD");
    }
    Company& company = *caller.company;
    const RecordId id = s.state.NextId();
    const Json& timesheet = company.timesheets.Put(
        NewTimesheet(company, id, project_id, date.get<std::string>(),
                     CreatedByOf(company, caller.user_id), IsoSeconds(s.clock.Now())));
    s.Changed(caller, kTimesheetsResource, "create", id, project_id);
    Reply(response, 201, TimesheetView(timesheet, {}));
}

// filters[updated_at] and filters[date] (ranges), page and per_page.
void ListTimesheets(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const RecordId project_id = AuthorizeProject(s, request, response, caller);
    if (project_id == 0) return;
    PageRequest page;
    if (!ReadPage(request, response, 100, 1000, page)) return;
    std::optional<TextRange> updated_at;
    std::optional<TextRange> dates;
    if (!ReadRangeFilter(request, response, "filters[updated_at]", updated_at) ||
        !ReadRangeFilter(request, response, "filters[date]", dates)) {
        return;
    }
    const Company& company = *caller.company;
    std::vector<const Json*> listed;
    for (const auto& [id, timesheet] : company.timesheets.All()) {
        if (TimesheetProject(timesheet) != project_id) continue;
        if (updated_at && !updated_at->Holds(timesheet.value("updated_at", ""))) continue;
        // The range's ends are ISO texts; a date sorts before the same day's times.
        if (dates && !dates->Holds(timesheet.value("date", "") + "T00:00:00Z")) continue;
        listed.push_back(&timesheet);
    }
    const auto total = static_cast<std::int64_t>(listed.size());
    const std::int64_t first = PageStart(page, total);
    const std::int64_t end = std::min(total, first + page.per_page);
    const auto entries = EntriesByTimesheet(company, project_id);
    Json out = Json::array();
    for (std::int64_t i = first; i < end; ++i) {
        out.push_back(TimesheetView(*listed[static_cast<std::size_t>(i)], entries));
    }
    SetPageHeaders(request, response, s.https, total, page);
    Reply(response, 200, out);
}

void ShowTimesheet(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const RecordId project_id = AuthorizeProject(s, request, response, caller);
    if (project_id == 0) return;
    const Company& company = *caller.company;
    const RecordId id = IdParam(request.matches[2]);
    const Json* timesheet = id ? company.timesheets.Find(id) : nullptr;
    if (!timesheet || TimesheetProject(*timesheet) != project_id) {
        return ReplyError(response, 404,
                          "Timesheet " + std::string(request.matches[2]) + " not found");
    }
    Reply(response, 200, TimesheetView(*timesheet, EntriesByTimesheet(company, project_id)));
}

// An entry as the company timecard data shows it: the entry plus the timesheet's status.
Json TimecardDataEntry(const Json& entry) {
    Json view = entry;
    const Json timesheet = entry.value("timesheet", Json());
    view["timesheet_status"] = timesheet.is_object() ? timesheet.value("status", Json()) : Json();
    view["timecard_type"] = nullptr;
    view["full_cost_code"] = nullptr;
    return view;
}

// The current work week (Monday–Sunday, UTC) unless start_date and end_date are both given;
// filters[updated_at] and filters[deleted_at] as for entries. One item per person (entries
// without a party form one item with party null), ordered by party id; paginated by person.
void CompanyTimecardData(Services& s, const httplib::Request& request,
                         httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PrepareTimecards(s, *caller.company);
    PageRequest page;
    if (!ReadPage(request, response, 100, 1000, page)) return;
    EntryFilter filter;
    if (!ReadDateParam(request, response, "start_date", filter.start_date) ||
        !ReadDateParam(request, response, "end_date", filter.end_date) ||
        !ReadRangeFilter(request, response, "filters[updated_at]", filter.updated_at) ||
        !ReadRangeFilter(request, response, "filters[deleted_at]", filter.deleted_at)) {
        return;
    }
    if (filter.start_date.empty() != filter.end_date.empty()) {
        return ReplyError(response, 400, "start_date and end_date must be given together");
    }
    if (filter.start_date.empty()) {
        std::tie(filter.start_date, filter.end_date) = WorkWeekOf(s.clock.Now());
    }
    const Company& company = *caller.company;
    std::map<RecordId, Json> by_party;  // party id (0: none) → item
    for (const auto& [id, entry] : company.timecard_entries.All()) {
        if (!filter.Matches(entry)) continue;
        const RecordId party = NestedId(entry, "party");
        auto [it, added] = by_party.try_emplace(party);
        if (added) {
            it->second = Json{{"party", entry.value("party", Json())},
                              {"timecard_entries", Json::array()},
                              {"other_hours", Json::array()}};
        }
        it->second["timecard_entries"].push_back(TimecardDataEntry(entry));
    }
    const auto total = static_cast<std::int64_t>(by_party.size());
    const std::int64_t first = PageStart(page, total);
    Json out = Json::array();
    std::int64_t index = 0;
    for (auto& [party, item] : by_party) {
        if (index >= first && index < first + page.per_page) out.push_back(std::move(item));
        ++index;
    }
    SetPageHeaders(request, response, s.https, total, page);
    Reply(response, 200, out);
}

}  // namespace

void AddTimesheetRoutes(httplib::Server& server, Services& s) {
    const std::string project = R"(/rest/v1\.0/projects/(\d+)/timesheets)";
    server.Post(project, [&s](const auto& req, auto& res) { CreateTimesheet(s, req, res); });
    server.Get(project, [&s](const auto& req, auto& res) { ListTimesheets(s, req, res); });
    server.Get(project + R"(/(\d+))",
               [&s](const auto& req, auto& res) { ShowTimesheet(s, req, res); });
    server.Get(R"(/rest/v1\.0/companies/(\d+)/timesheets)",
               [&s](const auto& req, auto& res) { CompanyTimecardData(s, req, res); });
}

}  // namespace crewsync::emulator
