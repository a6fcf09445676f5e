// Timecard entries at company and project level, v1.0 (procore-api.md §9.3).
#include "emulator/http_support.hpp"
#include "emulator/project_record.hpp"
#include "emulator/timecard_routes.hpp"
#include "emulator/timecard_store.hpp"
#include "emulator/timecard_time.hpp"

namespace crewsync::emulator {
namespace {

// The body's top-level project_id as one of the company's projects: 0 with 422 sent when it
// is missing or unknown (and required), 0 without a reply when absent and optional.
RecordId BodyProject(const Company& company, const Json& body, bool required,
                     httplib::Response& response) {
    const Json given = body.value("project_id", Json());
    const auto id = BodyId(given);
    if (id && *id == 0) {
        if (required) ReplyInvalid(response, "project_id", "can't be blank");
        return 0;
    }
    if (!id || !VisibleProject(company, *id)) {
        ReplyInvalid(response, "project_id", "project not found");
        return 0;
    }
    return *id;
}

// The company's list: filters[id][], filters[party_id][], filters[updated_at],
// filters[deleted_at], start_date and end_date.
void ListCompanyEntries(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PrepareTimecards(s, *caller.company);
    PageRequest page;
    if (!ReadPage(request, response, 100, 1000, page)) return;
    const std::string view = Param(request, "serializer_view");
    if (!view.empty() && view != "ids_only" && view != "compact_with_date_range") {
        return ReplyError(response, 400,
                          "serializer_view must be ids_only or compact_with_date_range");
    }
    EntryFilter filter;
    if (!ReadIdFilter(request, response, "filters[id]", filter.ids) ||
        !ReadIdFilter(request, response, "filters[party_id]", filter.party_ids) ||
        !ReadRangeFilter(request, response, "filters[updated_at]", filter.updated_at) ||
        !ReadRangeFilter(request, response, "filters[deleted_at]", filter.deleted_at) ||
        !ReadDateParam(request, response, "start_date", filter.start_date) ||
        !ReadDateParam(request, response, "end_date", filter.end_date)) {
        return;
    }
    const Company& company = *caller.company;
    ReplyEntryPage(s, request, response, company, FilterEntries(company, filter), page,
                   view == "ids_only");
}

void CreateCompanyEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PrepareTimecards(s, *caller.company);
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "timecard_entry", body, fields)) return;
    const RecordId project_id = BodyProject(*caller.company, body, true, response);
    if (project_id == 0) return;
    CreateEntry(s, caller, project_id, fields, response);
}

void ShowCompanyEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    const Company& company = *caller.company;
    const Json* entry = FindLiveEntry(company, request.matches[2], 0, response);
    if (!entry) return;
    ReplyText(response, 200, company.timecard_entries.Rendered(entry->at("id").get<RecordId>()));
}

// project_id may move the entry to another project of the company; without it the entry
// stays where it is (Procore's OAS lists project_id as required here).
void UpdateCompanyEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PrepareTimecards(s, *caller.company);
    const Json* entry = FindLiveEntry(*caller.company, request.matches[2], 0, response);
    if (!entry) return;
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "timecard_entry", body, fields)) return;
    RecordId project_id = 0;
    if (!body.value("project_id", Json()).is_null()) {
        project_id = BodyProject(*caller.company, body, false, response);
        if (project_id == 0) return;
    }
    UpdateEntry(s, caller, *entry, project_id, fields, response);
}

void DeleteCompanyEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    const Json* entry = FindLiveEntry(*caller.company, request.matches[2], 0, response);
    if (!entry) return;
    DeleteEntry(s, caller, *entry, response);
}

// Like Procore's daily-log lists: today's entries unless log_date (one day) or
// start_date/end_date (inclusive range) say otherwise; filters[created_by_id][].
void ListProjectEntries(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const RecordId project_id = AuthorizeProject(s, request, response, caller);
    if (project_id == 0) return;
    PageRequest page;
    if (!ReadPage(request, response, 100, 1000, page)) return;
    EntryFilter filter;
    filter.project_id = project_id;
    std::string log_date;
    if (!ReadDateParam(request, response, "log_date", log_date) ||
        !ReadDateParam(request, response, "start_date", filter.start_date) ||
        !ReadDateParam(request, response, "end_date", filter.end_date) ||
        !ReadIdFilter(request, response, "filters[created_by_id]", filter.created_by_ids)) {
        return;
    }
    if (!log_date.empty()) {
        filter.start_date = filter.end_date = log_date;
    } else if (filter.start_date.empty() && filter.end_date.empty()) {
        filter.start_date = filter.end_date = DateOf(s.clock.Now());
    }
    const Company& company = *caller.company;
    ReplyEntryPage(s, request, response, company, FilterEntries(company, filter), page, false);
}

void CreateProjectEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const RecordId project_id = AuthorizeProject(s, request, response, caller);
    if (project_id == 0) return;
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "timecard_entry", body, fields)) return;
    CreateEntry(s, caller, project_id, fields, response);
}

// The live entry named by the path (second group) in the path's project; null with the error
// sent.
const Json* FindProjectEntry(Services& s, const httplib::Request& request,
                             httplib::Response& response, Caller& caller) {
    const RecordId project_id = AuthorizeProject(s, request, response, caller);
    if (project_id == 0) return nullptr;
    return FindLiveEntry(*caller.company, request.matches[2], project_id, response);
}

void ShowProjectEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const Json* entry = FindProjectEntry(s, request, response, caller);
    if (!entry) return;
    ReplyText(response, 200,
              caller.company->timecard_entries.Rendered(entry->at("id").get<RecordId>()));
}

void UpdateProjectEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const Json* entry = FindProjectEntry(s, request, response, caller);
    if (!entry) return;
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "timecard_entry", body, fields)) return;
    UpdateEntry(s, caller, *entry, 0, fields, response);
}

void DeleteProjectEntry(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    const Json* entry = FindProjectEntry(s, request, response, caller);
    if (!entry) return;
    DeleteEntry(s, caller, *entry, response);
}

}  // namespace

void AddTimecardEntryRoutes(httplib::Server& server, Services& s) {
    const std::string company = R"(/rest/v1\.0/companies/(\d+)/timecard_entries)";
    server.Get(company, [&s](const auto& req, auto& res) { ListCompanyEntries(s, req, res); });
    server.Post(company, [&s](const auto& req, auto& res) { CreateCompanyEntry(s, req, res); });
    server.Get(company + R"(/(\d+))",
               [&s](const auto& req, auto& res) { ShowCompanyEntry(s, req, res); });
    server.Patch(company + R"(/(\d+))",
                 [&s](const auto& req, auto& res) { UpdateCompanyEntry(s, req, res); });
    server.Delete(company + R"(/(\d+))",
                  [&s](const auto& req, auto& res) { DeleteCompanyEntry(s, req, res); });

    const std::string project = R"(/rest/v1\.0/projects/(\d+)/timecard_entries)";
    server.Get(project, [&s](const auto& req, auto& res) { ListProjectEntries(s, req, res); });
    server.Post(project, [&s](const auto& req, auto& res) { CreateProjectEntry(s, req, res); });
    server.Get(project + R"(/(\d+))",
               [&s](const auto& req, auto& res) { ShowProjectEntry(s, req, res); });
    server.Patch(project + R"(/(\d+))",
                 [&s](const auto& req, auto& res) { UpdateProjectEntry(s, req, res); });
    server.Delete(project + R"(/(\d+))",
                  [&s](const auto& req, auto& res) { DeleteProjectEntry(s, req, res); });
}

}  // namespace crewsync::emulator
