// Timecard time types, entries and timesheets (procore-api.md §9.3, §9.4); the entry and
// timesheet routes live in timecard_*_routes.cpp.
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"
#include "emulator/timecard_routes.hpp"
#include "emulator/timecard_store.hpp"

namespace crewsync::emulator {
namespace {

// [{id, time_type}] as the OAS lists them; entries embed the fuller record.
void ListTimeTypes(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PrepareTimecards(s, *caller.company);
    Json out = Json::array();
    for (const auto& [id, type] : caller.company->timecard_time_types.All()) {
        out.push_back({{"id", id}, {"time_type", type.value("time_type", "")}});
    }
    Reply(response, 200, out);
}

}  // namespace

void AddTimecardRoutes(httplib::Server& server, Services& s) {
    server.Get(R"(/rest/v1\.0/companies/(\d+)/timecard_time_types)",
               [&s](const auto& req, auto& res) { ListTimeTypes(s, req, res); });
    AddTimecardEntryRoutes(server, s);
    AddTimecardBulkRoutes(server, s);
    AddTimesheetRoutes(server, s);
}

}  // namespace crewsync::emulator
