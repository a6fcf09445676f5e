#include "procore/oauth.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "procore/api_error.hpp"
#include "procore/url.hpp"

namespace crewsync::procore {
namespace {

using Json = nlohmann::json;

// OAuth refusals are about credentials whatever their status: 400 invalid_grant (a used
// refresh token, an expired code) and 401 invalid_client both mean "connect again".
Error OAuthError(const http::HttpResponse& response, std::string_view call) {
    Error error = ErrorFromResponse(response, call);
    if (response.status == 400 || response.status == 401 || response.status == 403) {
        return Error(ErrorCode::kUnauthorized, error.message(), error.problems());
    }
    return error;
}

}  // namespace

const char* GrantName(GrantType grant) {
    return grant == GrantType::kClientCredentials ? "client_credentials" : "authorization_code";
}

OAuthClient::OAuthClient(http::HttpClient& http, std::string login_url, AppCredentials app,
                         const Clock& clock)
    : http_(http), login_url_(std::move(login_url)), app_(std::move(app)), clock_(clock) {}

Result<TokenSet> OAuthClient::RequestToken(std::vector<std::pair<std::string, std::string>> form,
                                           const char* what) {
    form.emplace_back("client_id", app_.client_id);
    form.emplace_back("client_secret", app_.client_secret.Reveal());
    http::HttpRequest request;
    request.method = http::Method::kPost;
    request.url = JoinUrl(login_url_, "/oauth/token");
    request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
    request.headers.Add("Accept", "application/json");
    // The body holds the client secret: wiped as soon as it has been sent.
    SecretString body(EncodeQuery(form));
    for (auto& [name, value] : form) SecretString wipe(std::move(value));
    request.body = body.Reveal();
    const Timestamp asked_at = clock_.Now();
    http::HttpResult result = http_.Send(request);
    SecretString wipe_sent(std::move(request.body));
    const std::string call = fmt::format("POST /oauth/token ({})", what);
    if (!result) return Fail(ErrorFromTransport(result.error(), call));
    if (result->status != 200) return Fail(OAuthError(*result, call));

    const Json doc = Json::parse(result->body, nullptr, false);
    SecretString wipe_body(std::move(result->body));
    const auto access = doc.is_object() ? doc.find("access_token") : doc.end();
    if (access == doc.end() || !access->is_string() ||
        access->get_ref<const std::string&>().empty()) {
        return Fail(ErrorCode::kRemoteBug, call + ": Procore's answer holds no access_token");
    }
    TokenSet tokens;
    tokens.access_token = SecretString(access->get<std::string>());
    if (const auto refresh = doc.find("refresh_token");
        refresh != doc.end() && refresh->is_string()) {
        tokens.refresh_token = SecretString(refresh->get<std::string>());
    }
    std::int64_t expires_in = 5400;  // Procore's documented lifetime, when not stated
    if (const auto e = doc.find("expires_in"); e != doc.end() && e->is_number_integer()) {
        expires_in = e->get<std::int64_t>();
    }
    // Counted from when we asked, on our own clock: the server's created_at may be skewed.
    tokens.expires_at = asked_at + std::chrono::seconds(expires_in);
    return tokens;
}

Result<TokenSet> OAuthClient::ClientCredentialsToken() {
    return RequestToken({{"grant_type", "client_credentials"}}, "client credentials");
}

Result<TokenSet> OAuthClient::ExchangeCode(const std::string& code,
                                           const std::string& redirect_uri) {
    return RequestToken({{"grant_type", "authorization_code"},
                         {"code", code},
                         {"redirect_uri", redirect_uri}},
                        "authorization code");
}

Result<TokenSet> OAuthClient::Refresh(const SecretString& refresh_token) {
    return RequestToken({{"grant_type", "refresh_token"},
                         {"refresh_token", refresh_token.Reveal()}},
                        "refresh");
}

std::string OAuthClient::AuthorizeUrl(const std::string& redirect_uri,
                                      const std::string& state) const {
    QueryParams params{{"response_type", "code"},
                       {"client_id", app_.client_id},
                       {"redirect_uri", redirect_uri}};
    if (!state.empty()) params.emplace_back("state", state);
    return JoinUrl(login_url_, "/oauth/authorize", params);
}

Result<TokenInfo> OAuthClient::Info(const SecretString& access_token) {
    http::HttpRequest request;
    request.url = JoinUrl(login_url_, "/oauth/token/info");
    request.headers.Add("Authorization", "Bearer " + access_token.Reveal());
    request.headers.Add("Accept", "application/json");
    const http::HttpResult result = http_.Send(request);
    const char* call = "GET /oauth/token/info";
    if (!result) return Fail(ErrorFromTransport(result.error(), call));
    if (result->status != 200) return Fail(OAuthError(*result, call));
    const Json doc = Json::parse(result->body, nullptr, false);
    if (!doc.is_object()) return Fail(ErrorCode::kRemoteBug, std::string(call) + ": not JSON");
    TokenInfo info;
    if (doc.contains("resource_owner_id") && doc["resource_owner_id"].is_number_integer()) {
        info.resource_owner_id = doc["resource_owner_id"].get<std::int64_t>();
    }
    if (doc.contains("scopes") && doc["scopes"].is_array()) {
        for (const Json& s : doc["scopes"]) {
            if (s.is_string()) info.scopes.push_back(s.get<std::string>());
        }
    }
    if (doc.contains("expires_in_seconds") && doc["expires_in_seconds"].is_number_integer()) {
        info.expires_in_seconds = doc["expires_in_seconds"].get<std::int64_t>();
    }
    if (doc.contains("application") && doc["application"].is_object()) {
        const Json& app = doc["application"];
        if (app.contains("uid") && app["uid"].is_string()) {
            info.application_uid = app["uid"].get<std::string>();
        }
    }
    return info;
}

Status OAuthClient::Revoke(const SecretString& token) {
    http::HttpRequest request;
    request.method = http::Method::kPost;
    request.url = JoinUrl(login_url_, "/oauth/revoke");
    request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
    SecretString body(EncodeQuery({{"token", token.Reveal()},
                                   {"client_id", app_.client_id},
                                   {"client_secret", app_.client_secret.Reveal()}}));
    request.body = body.Reveal();
    const http::HttpResult result = http_.Send(request);
    SecretString wipe_sent(std::move(request.body));
    const char* call = "POST /oauth/revoke";
    if (!result) return Fail(ErrorFromTransport(result.error(), call));
    if (result->status != 200) return Fail(OAuthError(*result, call));
    return Ok();
}

}  // namespace crewsync::procore
