// What the route handlers share: the state, the clock, tokens, rate limits, call counters and
// the caller checks every Procore endpoint starts with.
#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <string>

#include "emulator/clock.hpp"
#include "emulator/oauth.hpp"
#include "emulator/rate_limiter.hpp"
#include "emulator/state.hpp"

namespace crewsync::emulator {

// Calls per endpoint ("GET /rest/v1.3/companies/{id}/users"), for tests and benchmarks that
// count what a sync costs.
class CallCounters {
public:
    void Count(const std::string& endpoint);
    std::map<std::string, std::int64_t> Snapshot() const;
    void Clear();

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::int64_t> counts_;
};

// Who is calling, once the token and the company header are checked.
struct Caller {
    const AccessToken* token = nullptr;
    Company* company = nullptr;  // null for the two calls that need no company
    RecordId user_id = 0;
};

struct Services {
    State state;
    ShiftableClock clock;
    TokenStore tokens{1};
    RateLimiter limiter{RateLimits{}};
    CallCounters counters;
    bool https = false;
    Json initial_state;  // what POST /__emulator/reset goes back to

    // Checks the bearer token and the Procore-Company-Id header (procore-api.md §2.5): 401 for
    // a missing, expired or revoked token; 400 when the header is missing; 403 when the
    // application is not installed in that company; 404 when the company does not exist.
    // Sends the error and returns false. Call with state.mutex held.
    bool Authorize(const httplib::Request& request, httplib::Response& response,
                   bool company_required, Caller& caller);
    // As Authorize, and the path's {company_id} must be the header's company.
    bool AuthorizeCompany(const httplib::Request& request, httplib::Response& response,
                          RecordId path_company_id, Caller& caller);
};

// "/rest/v1.3/companies/5000000001/users/5000000042" → ".../companies/{id}/users/{id}".
std::string EndpointOf(const std::string& method, const std::string& path);

// The bearer token of the Authorization header, or "".
std::string BearerToken(const httplib::Request& request);

// A path parameter as an id; 0 when it is not a positive integer.
RecordId IdParam(const std::string& text);

}  // namespace crewsync::emulator
