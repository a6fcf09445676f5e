// What the route handlers share: the state, the clock, tokens, rate limits, call counters and
// the caller checks every Procore endpoint starts with.
#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

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

// A change to a record, as a webhook event will tell it (procore-api.md §10.4). Routes record
// every create, update and delete; the webhook dispatcher turns them into deliveries.
struct ChangeEvent {
    std::string resource_name;  // "Company Users", "Projects", "Timecard Entries", …
    std::string event_type;     // "create", "update" or "delete"
    RecordId company_id = 0;
    RecordId project_id = 0;    // 0 for company-level resources
    RecordId resource_id = 0;
    RecordId user_id = 0;       // who made the change
    Timestamp at{};
};

// Change events in the order they happened, for the webhook dispatcher to take.
class ChangeFeed {
public:
    void Add(ChangeEvent event);
    // Everything recorded since the last call.
    std::vector<ChangeEvent> Take();

private:
    std::mutex mutex_;
    std::vector<ChangeEvent> events_;
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
    // Puts the state back as the emulator started (POST /__emulator/reset), called with the
    // state mutex held; none empties it. A seeded company is made again rather than kept as a
    // copy: a generated Directory of 100,000 users would double the memory and the start-up.
    std::function<void(State&)> restore;
    ChangeFeed changes;

    // Records a change made by `caller` (routes call this after every create, update and
    // delete, with the state mutex held).
    void Changed(const Caller& caller, std::string resource_name, std::string event_type,
                 RecordId resource_id, RecordId project_id = 0);

    // Checks the bearer token and the Procore-Company-Id header (procore-api.md §2.5): 401 for
    // a missing, expired or revoked token; 400 when the header is missing; 403 when the
    // application is not installed in that company; 404 when the company does not exist.
    // Then the application's tool permissions (permission_check.hpp): 403 when its service
    // account lacks the level the request's method and path need.
    // Sends the error and returns false. Call with state.mutex held.
    bool Authorize(const httplib::Request& request, httplib::Response& response,
                   bool company_required, Caller& caller);
    // As Authorize, and the path's {company_id} must be the header's company.
    bool AuthorizeCompany(const httplib::Request& request, httplib::Response& response,
                          RecordId path_company_id, Caller& caller);

    // Every access and refresh token value issued since the emulator was made (resets
    // included), for tests that check no secret leaked into a client's output. Takes
    // state.mutex itself: call it without holding the lock, from any thread.
    std::vector<std::string> IssuedTokens();
};

// "/rest/v1.3/companies/5000000001/users/5000000042" → ".../companies/{id}/users/{id}".
std::string EndpointOf(const std::string& method, const std::string& path);

// The bearer token of the Authorization header, or "".
std::string BearerToken(const httplib::Request& request);

// A path parameter as an id; 0 when it is not a positive integer.
RecordId IdParam(const std::string& text);

}  // namespace crewsync::emulator
