// A transport wired to scripted HTTP clients, a fake clock and a sleeper that moves it, for unit
// tests of the Procore client's core.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "procore/authenticator.hpp"
#include "procore/rate_governor.hpp"
#include "procore/sleeper.hpp"
#include "procore/token_keeper.hpp"
#include "procore/transport.hpp"
#include "support/fake_http_client.hpp"

namespace crewsync::procore::testing {

inline constexpr const char* kClientSecret = "test-client-secret-value";

inline Timestamp Start() { return Timestamp(std::chrono::seconds(1'800'000'000)); }

// A token answer as Procore gives it.
inline std::string TokenBody(const std::string& access, const std::string& refresh = "",
                             int expires_in = 5400) {
    std::string body = R"({"access_token":")" + access + R"(","token_type":"bearer",)" +
                       R"("expires_in":)" + std::to_string(expires_in) + R"(,"created_at":1)";
    if (!refresh.empty()) body += R"(,"refresh_token":")" + refresh + "\"";
    return body + "}";
}

struct TransportRig {
    explicit TransportRig(GrantType grant = GrantType::kClientCredentials,
                          GovernorOptions governor_options = {}, RetryOptions retry = Retry())
        : clock(Start()),
          sleeper(clock),
          governor(clock, governor_options),
          auth(TakeLogin(), "https://login.example", {"client-1", SecretString(kClientSecret)},
               grant, keeper, clock),
          transport(TakeApi(), Endpoint{"https://api.example", 42}, auth, governor, clock,
                    sleeper, retry) {}

    static RetryOptions Retry() {
        RetryOptions r;
        r.jitter_seed = 99;
        return r;
    }

    std::unique_ptr<http::HttpClient> TakeLogin() {
        auto client = std::make_unique<testing_support::FakeHttpClient>();
        login = client.get();
        return client;
    }
    std::unique_ptr<http::HttpClient> TakeApi() {
        auto client = std::make_unique<testing_support::FakeHttpClient>();
        api = client.get();
        return client;
    }

    FakeClock clock;
    FakeSleeper sleeper;
    MemoryTokenKeeper keeper;
    RateGovernor governor;
    testing_support::FakeHttpClient* login = nullptr;
    testing_support::FakeHttpClient* api = nullptr;
    Authenticator auth;
    ApiTransport transport;
};

}  // namespace crewsync::procore::testing
