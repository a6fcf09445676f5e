#include "procore/authenticator.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include <fmt/format.h>

#include "procore/unit/transport_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(OAuthClient, ClientCredentialsTokenExpiresAsStated) {
    TransportRig rig;
    rig.login->Reply(200, TokenBody("token-1", "", 600));
    const auto tokens = rig.auth.oauth().ClientCredentialsToken();
    ASSERT_TRUE(tokens);
    EXPECT_EQ(tokens->access_token.Reveal(), "token-1");
    EXPECT_TRUE(tokens->refresh_token.empty());
    EXPECT_EQ(tokens->expires_at, Start() + seconds(600));
    const http::HttpRequest& sent = rig.login->requests().at(0);
    EXPECT_EQ(sent.headers.Find("Content-Type"), "application/x-www-form-urlencoded");
    EXPECT_NE(sent.body.find("client_id=client-1"), std::string::npos);
    EXPECT_NE(sent.body.find(std::string("client_secret=") + kClientSecret), std::string::npos);
    EXPECT_EQ(sent.url.find(kClientSecret), std::string::npos);
}

TEST(OAuthClient, ARefusedClientIsUnauthorizedAndTheMessageHoldsNoSecret) {
    TransportRig rig;
    rig.login->Reply(401, R"({"error":"invalid_client",)"
                          R"("error_description":"Client authentication failed"})");
    const auto tokens = rig.auth.oauth().ClientCredentialsToken();
    ASSERT_FALSE(tokens);
    EXPECT_EQ(tokens.error().code(), ErrorCode::kUnauthorized);
    EXPECT_NE(tokens.error().message().find("Client authentication failed"), std::string::npos);
    EXPECT_EQ(tokens.error().ToString().find(kClientSecret), std::string::npos);
}

TEST(OAuthClient, AnAnswerWithoutTokenIsARemoteBug) {
    TransportRig rig;
    rig.login->Reply(200, R"({"token_type":"bearer"})");
    const auto tokens = rig.auth.oauth().ClientCredentialsToken();
    ASSERT_FALSE(tokens);
    EXPECT_EQ(tokens.error().code(), ErrorCode::kRemoteBug);
}

TEST(OAuthClient, AuthorizeUrlAsksForACode) {
    TransportRig rig;
    EXPECT_EQ(rig.auth.oauth().AuthorizeUrl(kOutOfBandRedirect, "xyz"),
              "https://login.example/oauth/authorize?response_type=code&client_id=client-1"
              "&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&state=xyz");
}

TEST(Authenticator, RefreshStoresTheRotatedPairBeforeUsingIt) {
    TransportRig rig(GrantType::kAuthorizationCode);
    rig.keeper.Renew([](const std::optional<TokenSet>&) -> Result<TokenSet> {
        return TokenSet{SecretString("old-access"), SecretString("refresh-1"), Start()};
    });
    std::optional<std::string> stored_when_answered;
    rig.login->SetHandler([&](const http::HttpRequest& request) -> http::HttpResult {
        EXPECT_NE(request.body.find("grant_type=refresh_token"), std::string::npos);
        EXPECT_NE(request.body.find("refresh_token=refresh-1"), std::string::npos);
        return http::HttpResponse{200, {}, TokenBody("access-2", "refresh-2")};
    });
    rig.api->SetHandler([&](const http::HttpRequest&) -> http::HttpResult {
        // By the time the new token is used, the new refresh token is already kept.
        stored_when_answered = (*rig.keeper.Load())->refresh_token.Reveal();
        return http::HttpResponse{200, {}, "{}"};
    });
    ApiRequest request;
    request.path = "/rest/v1.0/me";
    ASSERT_TRUE(rig.transport.Call(request));
    EXPECT_EQ(stored_when_answered, "refresh-2");
    EXPECT_EQ(rig.api->requests().at(0).headers.Find("Authorization"), "Bearer access-2");
}

TEST(Authenticator, AUsedRefreshTokenSaysToConnectAgain) {
    TransportRig rig(GrantType::kAuthorizationCode);
    rig.keeper.Renew([](const std::optional<TokenSet>&) -> Result<TokenSet> {
        return TokenSet{SecretString("old-access"), SecretString("refresh-1"), Start()};
    });
    rig.login->Reply(400, R"({"error":"invalid_grant",)"
                          R"("error_description":"The refresh token is invalid"})");
    const auto token = rig.auth.AccessToken();
    ASSERT_FALSE(token);
    EXPECT_EQ(token.error().code(), ErrorCode::kUnauthorized);
    EXPECT_NE(token.error().message().find("crewsync connect"), std::string::npos);
    EXPECT_EQ(token.error().message().find("refresh-1"), std::string::npos);
    // Nothing was stored over the old pair.
    EXPECT_EQ((*rig.keeper.Load())->refresh_token.Reveal(), "refresh-1");
}

TEST(Authenticator, NoStoredRefreshTokenIsUnauthorized) {
    TransportRig rig(GrantType::kAuthorizationCode);
    const auto token = rig.auth.AccessToken();
    ASSERT_FALSE(token);
    EXPECT_EQ(token.error().code(), ErrorCode::kUnauthorized);
    EXPECT_TRUE(rig.login->requests().empty());
}

TEST(Authenticator, UsesTokensAnotherProcessRenewed) {
    TransportRig rig(GrantType::kAuthorizationCode);
    rig.keeper.Renew([](const std::optional<TokenSet>&) -> Result<TokenSet> {
        return TokenSet{SecretString("access-1"), SecretString("refresh-1"),
                        Start() + minutes(90)};
    });
    ASSERT_EQ(rig.auth.AccessToken()->Reveal(), "access-1");
    // Another process refreshes and stores a new pair; this one then meets a 401.
    rig.keeper.Renew([](const std::optional<TokenSet>&) -> Result<TokenSet> {
        return TokenSet{SecretString("access-2"), SecretString("refresh-2"),
                        Start() + minutes(90)};
    });
    const auto renewed = rig.auth.RenewAfterRejection(SecretString("access-1"));
    ASSERT_TRUE(renewed);
    EXPECT_EQ(renewed->Reveal(), "access-2");
    EXPECT_TRUE(rig.login->requests().empty());  // no refresh: it would kill refresh-2
}

TEST(Authenticator, ARejectionAfterSomeoneElseRenewedDoesNotRenewAgain) {
    TransportRig rig;
    rig.login->Reply(200, TokenBody("token-1"));
    rig.login->Reply(200, TokenBody("token-2"));
    ASSERT_EQ(rig.auth.AccessToken()->Reveal(), "token-1");
    ASSERT_EQ(rig.auth.RenewAfterRejection(SecretString("token-1"))->Reveal(), "token-2");
    // A second job rejected with the old token gets the new one without another request.
    ASSERT_EQ(rig.auth.RenewAfterRejection(SecretString("token-1"))->Reveal(), "token-2");
    EXPECT_EQ(rig.login->requests().size(), 2u);
}

TEST(SecretString, PrintsAsStarsEverywhere) {
    const SecretString secret("very-secret");
    std::ostringstream out;
    out << secret;
    EXPECT_EQ(out.str(), "***");
    EXPECT_EQ(fmt::format("{}", secret), "***");
    TokenSet tokens{SecretString("a"), SecretString("b"), Start()};
    EXPECT_EQ(fmt::format("{} {}", tokens.access_token, tokens.refresh_token), "*** ***");
}

}  // namespace
}  // namespace crewsync::procore::testing
