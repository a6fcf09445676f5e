// One Procore API call, done properly: the rate governor's turn, a fresh token, the
// Procore-Company-Id header, retries with exponential back-off and jitter on 429 (Retry-After
// or the window's reset), 5xx, timeouts and broken connections, one token renewal after a 401,
// and the failure classified (api_error.hpp) when it cannot be cured.
//
// A create is never sent twice blindly. When its outcome is unknown (no answer after it was
// sent, or a 500/502/504) the request's `find_created` looks the record up (by origin_id): found
// means it was created, not found means it is safe to send again. Without a lookup the create is
// reported as failed with kTransient and a message saying it may have happened.
//
// An ApiTransport owns one HttpClient and is used by one thread at a time; the Authenticator
// and RateGovernor it borrows are shared by every transport of the workspace.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "http/http_client.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "procore/authenticator.hpp"
#include "procore/rate_governor.hpp"
#include "procore/sleeper.hpp"
#include "procore/url.hpp"

namespace crewsync::procore {

// Where the API is and which company every call is for.
struct Endpoint {
    std::string base_url;  // "https://api.procore.com", a sandbox, or the emulator
    std::int64_t company_id = 0;
};

// Whether a request may be sent again when its first outcome is unknown.
enum class Replay {
    kSafe,    // reads and updates: sending twice does what sending once does
    kCreate,  // creates: looked up before any second attempt
};

struct ApiRequest {
    http::Method method = http::Method::kGet;
    // "/rest/v1.3/companies/7/users", or an absolute URL on the API's origin (a Link header's).
    std::string path;
    QueryParams query;
    std::string json_body;  // sent as application/json when not empty
    Replay replay = Replay::kSafe;
    // kCreate only: whether the record exists after all; a response standing in for the
    // create's when it does, nullopt when it does not.
    std::function<Result<std::optional<http::HttpResponse>>()> find_created;
    bool send_company = true;  // Procore-Company-Id (every call but a few identity ones)
};

struct RetryOptions {
    int max_attempts = 6;  // per request, for 5xx and transport failures
    std::chrono::milliseconds first_backoff{500};
    std::chrono::milliseconds max_backoff{30'000};
    int max_rate_limited = 40;  // 429s one request may get before it gives up
    // A 429 whose wait is longer than this ends the call with kRateLimited instead of waiting
    // (the hourly window can take most of an hour to reset).
    std::chrono::milliseconds max_rate_limit_wait{std::chrono::minutes(15)};
    std::uint64_t jitter_seed = 0;  // 0: seeded from std::random_device
};

// What calls cost, for run logs and benchmarks.
struct TransportStats {
    std::int64_t requests = 0;      // HTTP requests sent to the API host
    std::int64_t retries = 0;       // of those, repeats of a failed attempt
    std::int64_t rate_limited = 0;  // 429 answers
    std::int64_t renewals = 0;      // token renewals after a 401
    std::int64_t lookups = 0;       // creates checked after an unknown outcome
    std::chrono::milliseconds waited{0};  // back-off and pacing
};

// One finished HTTP exchange, for --verbose logs: never holds headers or bodies.
struct CallRecord {
    http::Method method = http::Method::kGet;
    std::string path;  // without the query (filters may name people)
    int status = 0;    // 0 when no response came
    std::chrono::milliseconds elapsed{0};
    int attempt = 1;
};

class ApiTransport {
public:
    ApiTransport(std::unique_ptr<http::HttpClient> http, Endpoint endpoint,
                 Authenticator& auth, RateGovernor& governor, const Clock& clock,
                 Sleeper& sleeper, RetryOptions options = {});

    // The 2xx response, or the classified error.
    Result<http::HttpResponse> Call(const ApiRequest& request);

    // Told before every wait of a second or more (pacing, back-off), with the reason.
    void OnWait(std::function<void(const RateWait&)> listener) { on_wait_ = std::move(listener); }
    // Told after every HTTP exchange.
    void OnCall(std::function<void(const CallRecord&)> listener) { on_call_ = std::move(listener); }

    const Endpoint& endpoint() const { return endpoint_; }
    const TransportStats& stats() const { return stats_; }

private:
    Result<http::HttpRequest> Build(const ApiRequest& request, const SecretString& token) const;
    std::chrono::milliseconds Backoff(int attempt);
    void Wait(const RateWait& wait);

    std::unique_ptr<http::HttpClient> http_;
    Endpoint endpoint_;
    std::string origin_;
    Authenticator& auth_;
    RateGovernor& governor_;
    const Clock& clock_;
    Sleeper& sleeper_;
    RetryOptions options_;
    std::mt19937_64 jitter_;
    TransportStats stats_;
    std::function<void(const RateWait&)> on_wait_;
    std::function<void(const CallRecord&)> on_call_;
};

}  // namespace crewsync::procore
