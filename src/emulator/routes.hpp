// The emulator's routes, one file per part of Procore's API.
#pragma once

#include <httplib.h>

#include "emulator/services.hpp"

namespace crewsync::emulator {

// /oauth/token, /oauth/token/info, /oauth/revoke, /oauth/authorize.
void AddOAuthRoutes(httplib::Server& server, Services& services);
// /rest/v1.0/me, /rest/v1.0/companies.
void AddIdentityRoutes(httplib::Server& server, Services& services);
// /__emulator/…: reset, call counters, clock, state, rate limits.
void AddAdminRoutes(httplib::Server& server, Services& services);
// /__emulator/permissions: the tool permissions of an application's service account.
void AddPermissionRoutes(httplib::Server& server, Services& services);
// Company users, v1.0–v1.3: list, show, create, update, sync, inactive, reactivate, invite.
void AddUserRoutes(httplib::Server& server, Services& services);
// Company people (contacts) and projects (v1.0, v1.1, company list, sync).
void AddPeopleRoutes(httplib::Server& server, Services& services);
void AddProjectRoutes(httplib::Server& server, Services& services);
// Work classifications, permission templates, timecard entries, time types, timesheets.
void AddClassificationRoutes(httplib::Server& server, Services& services);
void AddTimecardRoutes(httplib::Server& server, Services& services);

}  // namespace crewsync::emulator
