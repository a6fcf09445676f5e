// Everything one workspace needs to talk to Procore, assembled: the shared Authenticator and
// RateGovernor, and a transport and typed client for the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/http_client.hpp"
#include "model/clock.hpp"
#include "procore/authenticator.hpp"
#include "procore/oauth.hpp"
#include "procore/procore_client.hpp"
#include "procore/rate_governor.hpp"
#include "procore/sleeper.hpp"
#include "procore/token_keeper.hpp"
#include "procore/transport.hpp"

namespace crewsync::procore {

struct ConnectionSettings {
    std::string base_url = "https://api.procore.com";
    std::string login_url = "https://login.procore.com";
    std::int64_t company_id = 0;
    GrantType grant = GrantType::kClientCredentials;
    AppCredentials app;
    GovernorOptions governor;
    RetryOptions retry;
    ClientOptions client;
};

// Makes a new HttpClient (one per transport, one for the login host).
using HttpClientFactory = std::function<std::unique_ptr<http::HttpClient>()>;

class Connection {
public:
    // Borrows `keeper`, `clock` and `sleeper`, which must outlive the connection.
    Connection(ConnectionSettings settings, TokenKeeper& keeper, const Clock& clock,
               Sleeper& sleeper, HttpClientFactory make_http);

    // The client of the calling thread's transport (the connection's first one).
    ProcoreClient& api() { return *client_; }
    ApiTransport& transport() { return *transport_; }
    Authenticator& auth() { return auth_; }
    RateGovernor& governor() { return governor_; }
    const ConnectionSettings& settings() const { return settings_; }

    // Another transport and client for another worker thread, sharing the token and budget.
    std::unique_ptr<ApiTransport> NewTransport();

private:
    ConnectionSettings settings_;
    const Clock& clock_;
    Sleeper& sleeper_;
    HttpClientFactory make_http_;
    RateGovernor governor_;
    Authenticator auth_;
    std::unique_ptr<ApiTransport> transport_;
    std::unique_ptr<ProcoreClient> client_;
};

}  // namespace crewsync::procore
