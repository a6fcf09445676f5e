// OAuth on the login host (procore-api.md §2). Token requests take form, multipart or JSON
// bodies with the client credentials in the body; errors use RFC 6749's shape.
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kOutOfBand = "urn:ietf:wg:oauth:2.0:oob";

void OAuthError(httplib::Response& response, int status, const std::string& error,
                const std::string& description) {
    Reply(response, status, Json{{"error", error}, {"error_description", description}});
}

std::string Text(const Json& body, const char* name) {
    const auto it = body.find(name);
    if (it == body.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return "";
}

Json TokenBody(const std::string& access_token, const AccessToken& token) {
    Json body = {{"access_token", access_token},
                 {"token_type", "bearer"},
                 {"expires_in", kAccessTokenLifetime.count()},
                 {"created_at", UnixSeconds(token.created)}};
    if (!token.refresh_token.empty()) body["refresh_token"] = token.refresh_token;
    return body;
}

// The registered client whose id and secret the body carries, or null with the error sent.
const OAuthClient* AuthenticateClient(Services& s, const Json& body,
                                      httplib::Response& response) {
    const auto it = s.state.Clients().find(Text(body, "client_id"));
    if (it == s.state.Clients().end() || it->second.client_secret != Text(body, "client_secret")) {
        OAuthError(response, 401, "invalid_client",
                   "Client authentication failed: unknown client_id or wrong client_secret");
        return nullptr;
    }
    return &it->second;
}

void Token(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return OAuthError(response, 400, "invalid_request", error);
    std::lock_guard lock(s.state.mutex);
    const OAuthClient* client = AuthenticateClient(s, *body, response);
    if (!client) return;
    const std::string grant = Text(*body, "grant_type");
    const Timestamp now = s.clock.Now();
    std::string access_token;
    if (grant == "client_credentials") {
        const AccessToken& token = s.tokens.Issue(client->client_id, Grant::kClientCredentials,
                                                  client->service_account_id, now, access_token);
        return Reply(response, 200, TokenBody(access_token, token));
    }
    if (grant == "authorization_code") {
        const auto code = s.tokens.TakeCode(Text(*body, "code"), now);
        if (!code || code->client_id != client->client_id) {
            return OAuthError(response, 400, "invalid_grant",
                              "The authorization code is invalid, expired or already used");
        }
        if (code->redirect_uri != Text(*body, "redirect_uri")) {
            return OAuthError(response, 400, "invalid_grant",
                              "redirect_uri does not match the one of the authorization request");
        }
        const AccessToken& token = s.tokens.Issue(client->client_id, Grant::kAuthorizationCode,
                                                  code->user_id, now, access_token);
        return Reply(response, 200, TokenBody(access_token, token));
    }
    if (grant == "refresh_token") {
        const auto refreshed =
            s.tokens.Refresh(client->client_id, Text(*body, "refresh_token"), now);
        if (!refreshed) {
            return OAuthError(response, 400, "invalid_grant", "The refresh token is invalid");
        }
        const AccessToken* token = nullptr;
        s.tokens.Check(*refreshed, now, &token);
        return Reply(response, 200, TokenBody(*refreshed, *token));
    }
    OAuthError(response, 400, "unsupported_grant_type",
               "grant_type must be client_credentials, authorization_code or refresh_token");
}

void TokenInfo(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    const Timestamp now = s.clock.Now();
    const AccessToken* token = nullptr;
    if (s.tokens.Check(BearerToken(request), now, &token) != TokenCheck::kValid) {
        return ReplyError(response, 401, "The access token is invalid");
    }
    Reply(response, 200,
          Json{{"resource_owner_id", token->user_id},
               {"scopes", Json::array()},
               {"expires_in_seconds",
                std::chrono::duration_cast<std::chrono::seconds>(token->expires - now).count()},
               {"application", {{"uid", token->client_id}}},
               {"created_at", UnixSeconds(token->created)}});
}

void Revoke(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return OAuthError(response, 400, "invalid_request", error);
    std::lock_guard lock(s.state.mutex);
    // 200 even for an unknown token, as Procore documents.
    s.tokens.Revoke(Text(*body, "token"));
    Reply(response, 200, Json::object());
}

// The emulator approves every authorization request at once, as the application's service
// account (there is no one to click "Allow").
void Authorize(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    if (Param(request, "response_type") != "code") {
        return OAuthError(response, 400, "unsupported_response_type", "response_type must be code");
    }
    const auto client = s.state.Clients().find(Param(request, "client_id"));
    if (client == s.state.Clients().end()) {
        return OAuthError(response, 400, "invalid_client", "unknown client_id");
    }
    const std::string redirect_uri = Param(request, "redirect_uri");
    if (redirect_uri.empty()) {
        return OAuthError(response, 400, "invalid_request", "redirect_uri is required");
    }
    const std::string code = s.tokens.NewCode(client->first, client->second.service_account_id,
                                              redirect_uri, s.clock.Now());
    if (redirect_uri == kOutOfBand) return Reply(response, 200, Json{{"code", code}});
    std::string location = redirect_uri +
                           (redirect_uri.find('?') == std::string::npos ? "?" : "&") +
                           "code=" + httplib::detail::encode_query_param(code);
    if (const std::string state = Param(request, "state"); !state.empty()) {
        location += "&state=" + httplib::detail::encode_query_param(state);
    }
    response.set_redirect(location);
    Reply(response, 302, Json{{"redirect_to", location}});
}

}  // namespace

void AddOAuthRoutes(httplib::Server& server, Services& s) {
    server.Post("/oauth/token", [&s](const auto& req, auto& res) { Token(s, req, res); });
    server.Get("/oauth/token/info", [&s](const auto& req, auto& res) { TokenInfo(s, req, res); });
    server.Post("/oauth/revoke", [&s](const auto& req, auto& res) { Revoke(s, req, res); });
    server.Get("/oauth/authorize", [&s](const auto& req, auto& res) { Authorize(s, req, res); });
}

}  // namespace crewsync::emulator
