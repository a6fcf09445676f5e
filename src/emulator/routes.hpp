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

}  // namespace crewsync::emulator
