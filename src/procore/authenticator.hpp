// The access token every API call sends: loaded from the TokenKeeper, renewed five minutes
// before it expires and after a 401, with a new client-credentials token or by refreshing
// (authorization-code grant). Thread-safe: the jobs of a workspace share one.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

#include "http/http_client.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "procore/oauth.hpp"
#include "procore/token_keeper.hpp"

namespace crewsync::procore {

// Renewed this long before the stated expiry, so a token never dies during a long page.
inline constexpr std::chrono::minutes kRenewBeforeExpiry{5};

class Authenticator {
public:
    Authenticator(std::unique_ptr<http::HttpClient> http, std::string login_url,
                  AppCredentials app, GrantType grant, TokenKeeper& keeper, const Clock& clock);

    // A token valid for at least kRenewBeforeExpiry more. Errors as OAuthClient's; a missing
    // refresh token (authorization-code grant) is kUnauthorized.
    Result<SecretString> AccessToken();
    // Procore answered 401 to `rejected`: a new token, unless someone renewed it already.
    Result<SecretString> RenewAfterRejection(const SecretString& rejected);

    GrantType grant() const { return grant_; }
    // The login-host client, for the authorization-code exchange and introspection. Callers
    // must not use it concurrently with this object (it is not locked).
    OAuthClient& oauth() { return oauth_; }

private:
    bool Fresh(const TokenSet& tokens) const;
    Result<SecretString> RenewLocked(const std::optional<SecretString>& rejected);

    std::unique_ptr<http::HttpClient> http_;
    OAuthClient oauth_;
    GrantType grant_;
    TokenKeeper& keeper_;
    const Clock& clock_;

    std::mutex mutex_;  // guards current_ and every use of oauth_ here
    std::optional<TokenSet> current_;
    bool loaded_ = false;
};

}  // namespace crewsync::procore
