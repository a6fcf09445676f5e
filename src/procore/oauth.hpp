// Procore's OAuth 2.0 endpoints on the login host (procore-api.md §2): client-credentials
// tokens for a service account, the authorization-code exchange, refresh (which rotates the
// refresh token: the old one dies at once, even when the answer is lost), introspection and
// revocation. Client id and secret travel in the form body, as Procore's SDKs send them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/http_client.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "model/secret.hpp"

namespace crewsync::procore {

enum class GrantType { kClientCredentials, kAuthorizationCode };

// "client_credentials" | "authorization_code".
const char* GrantName(GrantType grant);

struct AppCredentials {
    std::string client_id;
    SecretString client_secret;
};

struct TokenSet {
    SecretString access_token;
    SecretString refresh_token;  // empty for client credentials
    Timestamp expires_at{};
};

struct TokenInfo {
    std::int64_t resource_owner_id = 0;
    std::vector<std::string> scopes;
    std::int64_t expires_in_seconds = 0;
    std::string application_uid;
};

// The redirect URI of installed applications: Procore shows the code on a page instead.
inline constexpr const char* kOutOfBandRedirect = "urn:ietf:wg:oauth:2.0:oob";

// Not thread-safe (it uses one HttpClient); the Authenticator serialises its calls.
class OAuthClient {
public:
    OAuthClient(http::HttpClient& http, std::string login_url, AppCredentials app,
                const Clock& clock);

    // Errors: kUnauthorized when Procore refuses the client or the grant (a wrong secret, a
    // used or revoked refresh token, an expired code); kTransient / kRemoteBug otherwise.
    Result<TokenSet> ClientCredentialsToken();
    Result<TokenSet> ExchangeCode(const std::string& code, const std::string& redirect_uri);
    Result<TokenSet> Refresh(const SecretString& refresh_token);

    // Where a person approves the application: GET /oauth/authorize?... on the login host.
    std::string AuthorizeUrl(const std::string& redirect_uri, const std::string& state) const;

    Result<TokenInfo> Info(const SecretString& access_token);
    // Revokes the token and its partner. Procore answers 200 even for unknown tokens.
    Status Revoke(const SecretString& token);

    const std::string& client_id() const { return app_.client_id; }

private:
    Result<TokenSet> RequestToken(std::vector<std::pair<std::string, std::string>> form,
                                  const char* what);

    http::HttpClient& http_;
    std::string login_url_;
    AppCredentials app_;
    const Clock& clock_;
};

}  // namespace crewsync::procore
