// OAuth, identity, rate limits and the admin endpoints, over HTTP.
#include <gmock/gmock.h>

#include "emulator_fixture.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::HasSubstr;

class OAuthTest : public EmulatorTest {};

TEST_F(OAuthTest, ClientCredentialsTokenFromAFormBody) {
    const auto res = client_->Post("/oauth/token",
                                   httplib::Params{{"grant_type", "client_credentials"},
                                                   {"client_id", seed_.client_id},
                                                   {"client_secret", seed_.client_secret}});
    const Json body = BodyOf(res);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(body["token_type"], "bearer");
    EXPECT_EQ(body["expires_in"], 5400);
    EXPECT_TRUE(body["created_at"].is_number_integer());
    EXPECT_FALSE(body.contains("refresh_token"));  // client credentials: ask again instead
    EXPECT_EQ(body["access_token"].get<std::string>().size(), 64u);
}

TEST_F(OAuthTest, TokenFromAJsonAndAMultipartBody) {
    const Json json_body = {{"grant_type", "client_credentials"},
                            {"client_id", seed_.client_id},
                            {"client_secret", seed_.client_secret}};
    auto res = client_->Post("/oauth/token", json_body.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    const httplib::MultipartFormDataItems items = {
        {"grant_type", "client_credentials", "", ""},
        {"client_id", seed_.client_id, "", ""},
        {"client_secret", seed_.client_secret, "", ""}};
    res = client_->Post("/oauth/token", items);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(OAuthTest, WrongSecretUnknownGrantAndBrokenJsonAreRefusedWithReasons) {
    auto res = client_->Post("/oauth/token",
                             httplib::Params{{"grant_type", "client_credentials"},
                                             {"client_id", seed_.client_id},
                                             {"client_secret", "wrong"}});
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(BodyOf(res)["error"], "invalid_client");
    res = client_->Post("/oauth/token",
                        httplib::Params{{"grant_type", "password"},
                                        {"client_id", seed_.client_id},
                                        {"client_secret", seed_.client_secret}});
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(BodyOf(res)["error"], "unsupported_grant_type");
    res = client_->Post("/oauth/token", "{not json", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(BodyOf(res)["error"], "invalid_request");
}

TEST_F(OAuthTest, AuthorizationCodeRefreshRotatesAndTheOldRefreshTokenDies) {
    auto res = client_->Get("/oauth/authorize?response_type=code&client_id=" + seed_.client_id +
                            "&redirect_uri=urn:ietf:wg:oauth:2.0:oob");
    ASSERT_EQ(res->status, 200) << res->body;
    const std::string code = BodyOf(res)["code"];
    const auto exchange = [&](const httplib::Params& extra) {
        httplib::Params params = {{"client_id", seed_.client_id},
                                  {"client_secret", seed_.client_secret}};
        params.insert(extra.begin(), extra.end());
        return client_->Post("/oauth/token", params);
    };
    res = exchange({{"grant_type", "authorization_code"},
                    {"code", code},
                    {"redirect_uri", "urn:ietf:wg:oauth:2.0:oob"}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json first = BodyOf(res);
    ASSERT_TRUE(first.contains("refresh_token"));

    // A code works once.
    res = exchange({{"grant_type", "authorization_code"},
                    {"code", code},
                    {"redirect_uri", "urn:ietf:wg:oauth:2.0:oob"}});
    EXPECT_EQ(res->status, 400);

    res = exchange({{"grant_type", "refresh_token"},
                    {"refresh_token", first["refresh_token"].get<std::string>()}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json second = BodyOf(res);
    EXPECT_NE(second["refresh_token"], first["refresh_token"]);
    EXPECT_NE(second["access_token"], first["access_token"]);

    // The old refresh token and the old access token are dead.
    res = exchange({{"grant_type", "refresh_token"},
                    {"refresh_token", first["refresh_token"].get<std::string>()}});
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["error_description"].get<std::string>(), HasSubstr("refresh token"));
    res = client_->Get("/rest/v1.0/me", Auth(first["access_token"].get<std::string>()));
    EXPECT_EQ(res->status, 401);
    res = client_->Get("/rest/v1.0/me", Auth(second["access_token"].get<std::string>()));
    EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(OAuthTest, TokensExpireAfterNinetyMinutes) {
    const std::string token = Token();
    auto res = client_->Get("/oauth/token/info", Auth(token));
    ASSERT_EQ(res->status, 200);
    // Real time moves on too, by a few milliseconds.
    EXPECT_THAT(BodyOf(res)["expires_in_seconds"].get<std::int64_t>(),
                ::testing::AllOf(::testing::Ge(5398), ::testing::Le(5400)));
    AdvanceClock(5399);
    EXPECT_EQ(client_->Get("/rest/v1.0/me", Auth(token))->status, 200);
    AdvanceClock(1);
    res = client_->Get("/rest/v1.0/me", Auth(token));
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(BodyOf(res)["message"], "The access token is invalid");
}

TEST_F(OAuthTest, RevokedTokensAreRefusedAndRevokeAlwaysAnswers200) {
    const std::string token = Token();
    auto res = client_->Post("/oauth/revoke", httplib::Params{{"token", token},
                                                               {"client_id", seed_.client_id}});
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(client_->Get("/rest/v1.0/me", Auth(token))->status, 401);
    res = client_->Post("/oauth/revoke", httplib::Params{{"token", "no-such-token"}});
    EXPECT_EQ(res->status, 200);
    EXPECT_TRUE(BodyOf(res).is_object());
}

TEST_F(OAuthTest, MissingTokenMissingCompanyAndForeignCompany) {
    auto res = client_->Get("/rest/v1.0/me");
    EXPECT_EQ(res->status, 401);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    const std::string token = Token();
    // Client-credentials tokens need the company header even on /me.
    res = client_->Get("/rest/v1.0/me", httplib::Headers{{"Authorization", "Bearer " + token}});
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("Procore-Company-Id"));
    res = client_->Get("/rest/v1.0/me", httplib::Headers{{"Authorization", "Bearer " + token},
                                                          {"Procore-Company-Id", "42"}});
    EXPECT_EQ(res->status, 404);
    Services& s = emulator_.services();
    RecordId other = 0;
    {
        std::lock_guard lock(s.state.mutex);
        other = s.state.AddCompany("Not installed here").id;
    }
    res = client_->Get("/rest/v1.0/me",
                       httplib::Headers{{"Authorization", "Bearer " + token},
                                        {"Procore-Company-Id", std::to_string(other)}});
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(BodyOf(res)["message"], "App is not connected to this company");
}

TEST_F(OAuthTest, MeIsTheServiceAccountAndCompaniesListsWhereTheAppIsInstalled) {
    const httplib::Headers auth = Auth();
    auto res = client_->Get("/rest/v1.0/me", auth);
    ASSERT_EQ(res->status, 200);
    const Json me = BodyOf(res);
    EXPECT_THAT(me["login"].get<std::string>(), HasSubstr("service-accounts"));
    EXPECT_GT(me["id"].get<std::int64_t>(), std::int64_t{1} << 32);  // 64-bit ids
    res = client_->Get("/rest/v1.0/companies", auth);
    ASSERT_EQ(res->status, 200);
    const Json companies = BodyOf(res);
    ASSERT_EQ(companies.size(), 1u);
    EXPECT_EQ(companies[0]["id"], company_id_);
    EXPECT_EQ(res->get_header_value("Total"), "1");
}

TEST_F(OAuthTest, UnknownPathsAnswerWithAJsonBody) {
    const auto res = client_->Get("/rest/v1.0/no/such/thing", Auth());
    EXPECT_EQ(res->status, 404);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("/rest/v1.0/no/such/thing"));
}

class RateLimitTest : public EmulatorTest {
protected:
    RateLimitTest() : EmulatorTest(Limited()) {}
    static EmulatorOptions Limited() {
        EmulatorOptions options;
        options.limits = {.hourly = 8, .spike = 3};
        return options;
    }
};

TEST_F(RateLimitTest, SpikeWindowThenHourlyWindowWithHeadersOnEveryResponse) {
    const httplib::Headers auth = Auth();
    for (int i = 0; i < 3; ++i) {
        const auto res = client_->Get("/rest/v1.0/me", auth);
        ASSERT_EQ(res->status, 200) << i;
        EXPECT_EQ(res->get_header_value("X-Rate-Limit-Limit"), "3");
        EXPECT_EQ(res->get_header_value("X-Rate-Limit-Remaining"), std::to_string(2 - i));
        EXPECT_FALSE(res->get_header_value("X-Rate-Limit-Reset").empty());
    }
    auto res = client_->Get("/rest/v1.0/me", auth);
    EXPECT_EQ(res->status, 429);
    EXPECT_EQ(res->get_header_value("X-Rate-Limit-Remaining"), "0");
    EXPECT_FALSE(res->get_header_value("Retry-After").empty());
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("max number of requests"));

    // The spike window rolls after 10 seconds; the hourly one (8) is now the nearer limit.
    AdvanceClock(10);
    for (int i = 0; i < 3; ++i) ASSERT_EQ(client_->Get("/rest/v1.0/me", auth)->status, 200);
    AdvanceClock(10);
    res = client_->Get("/rest/v1.0/me", auth);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("X-Rate-Limit-Limit"), "8");
    EXPECT_EQ(res->get_header_value("X-Rate-Limit-Remaining"), "1");
    ASSERT_EQ(client_->Get("/rest/v1.0/me", auth)->status, 200);
    AdvanceClock(10);
    EXPECT_EQ(client_->Get("/rest/v1.0/me", auth)->status, 429);
    AdvanceClock(3600);
    EXPECT_EQ(client_->Get("/rest/v1.0/me", auth)->status, 200);
}

TEST_F(OAuthTest, AdminCountsCallsPerEndpointAndResetsToTheSeed) {
    const httplib::Headers auth = Auth();
    client_->Get("/rest/v1.0/me", auth);
    client_->Get("/rest/v1.0/me", auth);
    auto res = client_->Get("/__emulator/calls");
    ASSERT_EQ(res->status, 200);
    Json calls = BodyOf(res);
    EXPECT_EQ(calls["calls"]["GET /rest/v1.0/me"], 2);
    EXPECT_EQ(calls["calls"]["POST /oauth/token"], 1);
    EXPECT_EQ(calls["total"], 3);

    res = client_->Post("/__emulator/reset", "", "application/json");
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(client_->Get("/__emulator/calls"))["total"], 0);
    EXPECT_EQ(client_->Get("/rest/v1.0/me", auth)->status, 401);  // tokens are gone too
    EXPECT_EQ(client_->Get("/rest/v1.0/me", Auth())->status, 200);  // the seed is back
}

TEST_F(OAuthTest, StateSavesAndLoadsAndRefusesAMalformedDocument) {
    auto res = client_->Get("/__emulator/state");
    ASSERT_EQ(res->status, 200);
    Json state = BodyOf(res);
    state["companies"][0]["name"] = "Renamed Co.";
    res = client_->Put("/__emulator/state", state.dump(), "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(client_->Get("/rest/v1.0/companies", Auth()))[0]["name"], "Renamed Co.");
    res = client_->Put("/__emulator/state", R"({"companies": [{"name": 1}]})", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(BodyOf(client_->Get("/rest/v1.0/companies", Auth()))[0]["name"], "Renamed Co.");
}

}  // namespace
}  // namespace crewsync::emulator::testing
