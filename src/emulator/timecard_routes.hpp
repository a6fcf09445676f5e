// The parts AddTimecardRoutes (routes.hpp) is made of, one file each.
#pragma once

#include <httplib.h>

#include "emulator/services.hpp"

namespace crewsync::emulator {

// /rest/v1.0/companies/{company_id}/timecard_entries[/{id}] and
// /rest/v1.0/projects/{project_id}/timecard_entries[/{id}].
void AddTimecardEntryRoutes(httplib::Server& server, Services& services);
// POST /rest/v1.1/projects/{project_id}/project_timecard_entries/bulk_create.
void AddTimecardBulkRoutes(httplib::Server& server, Services& services);
// Project timesheets and the company's timecard data (/companies/{company_id}/timesheets).
void AddTimesheetRoutes(httplib::Server& server, Services& services);

}  // namespace crewsync::emulator
