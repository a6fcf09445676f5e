#include "procore/transport.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "procore/unit/transport_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using http::TransportFailure;
using std::chrono::milliseconds;
using std::chrono::seconds;

ApiRequest Get(std::string path = "/rest/v1.3/companies/42/users") {
    ApiRequest r;
    r.path = std::move(path);
    return r;
}

ApiRequest Create(std::function<Result<std::optional<http::HttpResponse>>()> lookup = {}) {
    ApiRequest r;
    r.method = http::Method::kPost;
    r.path = "/rest/v1.3/companies/42/users";
    r.json_body = R"({"user":{"last_name":"Lopez","email_address":"a@b.c","origin_id":"p1"}})";
    r.replay = Replay::kCreate;
    r.find_created = std::move(lookup);
    return r;
}

class TransportTest : public ::testing::Test {
protected:
    void SetUp() override { rig_.login->Reply(200, TokenBody("token-1")); }
    TransportRig rig_;
};

TEST_F(TransportTest, SendsTokenCompanyAndJson) {
    rig_.api->Reply(200, "[]");
    ApiRequest request = Create();
    request.query = {{"filters[origin_id]", "a b"}};
    ASSERT_TRUE(rig_.transport.Call(request));
    const http::HttpRequest& sent = rig_.api->requests().at(0);
    EXPECT_EQ(sent.url, "https://api.example/rest/v1.3/companies/42/users"
                        "?filters%5Borigin_id%5D=a%20b");
    EXPECT_EQ(sent.headers.Find("authorization"), "Bearer token-1");
    EXPECT_EQ(sent.headers.Find("Procore-Company-Id"), "42");
    EXPECT_EQ(sent.headers.Find("Content-Type"), "application/json");
    EXPECT_EQ(sent.body, request.json_body);
    // The client-credentials request carried the secret in the body, never in the URL.
    const http::HttpRequest& token_request = rig_.login->requests().at(0);
    EXPECT_EQ(token_request.url, "https://login.example/oauth/token");
    EXPECT_NE(token_request.body.find("grant_type=client_credentials"), std::string::npos);
    EXPECT_NE(token_request.body.find("client_secret="), std::string::npos);
}

TEST_F(TransportTest, ReusesTheTokenUntilItNearlyExpires) {
    rig_.api->SetHandler(
        [](const http::HttpRequest&) { return http::HttpResponse{200, {}, "{}"}; });
    ASSERT_TRUE(rig_.transport.Call(Get()));
    rig_.clock.Advance(std::chrono::minutes(84));  // 6 minutes left: still fresh
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_EQ(rig_.login->requests().size(), 1u);
    rig_.clock.Advance(std::chrono::minutes(2));  // 4 minutes left: renewed first
    rig_.login->Reply(200, TokenBody("token-2"));
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_EQ(rig_.login->requests().size(), 2u);
    EXPECT_EQ(rig_.api->requests().back().headers.Find("Authorization"), "Bearer token-2");
}

TEST_F(TransportTest, RenewsOnceAfter401) {
    rig_.api->Reply(401, R"({"message":"The access token is invalid"})");
    rig_.api->Reply(200, "{}");
    rig_.login->Reply(200, TokenBody("token-2"));
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_EQ(rig_.transport.stats().renewals, 1);
    EXPECT_EQ(rig_.api->requests().at(1).headers.Find("Authorization"), "Bearer token-2");
}

TEST_F(TransportTest, ASecond401IsARealRefusal) {
    rig_.api->Reply(401, R"({"message":"The access token is invalid"})");
    rig_.api->Reply(401, R"({"message":"The access token is invalid"})");
    rig_.login->Reply(200, TokenBody("token-2"));
    const auto result = rig_.transport.Call(Get());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kUnauthorized);
    EXPECT_EQ(rig_.api->requests().size(), 2u);
    EXPECT_EQ(result.error().message().find("token-"), std::string::npos);
}

TEST_F(TransportTest, WaitsRetryAfterOn429ThenSucceeds) {
    rig_.api->Reply(429, R"({"message":"You have surpassed the max number of requests"})",
                    {{"Retry-After", "3"}});
    rig_.api->Reply(200, "{}");
    std::vector<RateWait> waits;
    rig_.transport.OnWait([&](const RateWait& w) { waits.push_back(w); });
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_EQ(rig_.transport.stats().rate_limited, 1);
    EXPECT_GE(rig_.sleeper.slept(), seconds(3));
    EXPECT_LT(rig_.sleeper.slept(), seconds(4));
    ASSERT_FALSE(waits.empty());
    EXPECT_NE(waits[0].reason.find("rate limit"), std::string::npos) << waits[0].reason;
}

TEST_F(TransportTest, A429WithoutRetryAfterWaitsForTheReset) {
    const auto reset = std::chrono::duration_cast<seconds>(
        (Start() + seconds(6)).time_since_epoch()).count();
    rig_.api->Reply(429, "{}", {{"X-Rate-Limit-Limit", "25"}, {"X-Rate-Limit-Remaining", "0"},
                                {"X-Rate-Limit-Reset", std::to_string(reset)}});
    rig_.api->Reply(200, "{}");
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_GE(rig_.sleeper.slept(), seconds(7));  // until the reset, plus the margin
}

TEST_F(TransportTest, GivesUpWhenTheRateLimitWaitIsTooLong) {
    rig_.api->Reply(429, "{}", {{"Retry-After", "3000"}});
    const auto result = rig_.transport.Call(Get());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kRateLimited);
    EXPECT_NE(result.error().message().find("3000 s"), std::string::npos)
        << result.error().message();
    EXPECT_EQ(rig_.api->requests().size(), 1u);
}

TEST_F(TransportTest, RetriesServerErrorsWithGrowingJitteredBackoff) {
    std::vector<milliseconds> waits;
    rig_.transport.OnWait([&](const RateWait& w) { waits.push_back(w.duration); });
    for (int i = 0; i < 4; ++i) rig_.api->Reply(502, "{}");
    rig_.api->Reply(200, "{}");
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_EQ(rig_.transport.stats().retries, 4);
    // 500 ms, 1 s, 2 s, 4 s caps; each wait is between half the cap and the cap.
    const milliseconds total = rig_.sleeper.slept();
    EXPECT_GE(total, milliseconds(250 + 500 + 1000 + 2000));
    EXPECT_LE(total, milliseconds(500 + 1000 + 2000 + 4000));
    ASSERT_GE(waits.size(), 2u);  // waits under a second are not announced
    EXPECT_LT(waits.front(), waits.back());
}

TEST_F(TransportTest, HonoursRetryAfterOn503) {
    rig_.api->Reply(503, "{}", {{"Retry-After", "9"}});
    rig_.api->Reply(200, "{}");
    ASSERT_TRUE(rig_.transport.Call(Get()));
    EXPECT_GE(rig_.sleeper.slept(), seconds(9));
}

TEST_F(TransportTest, ALasting500IsARemoteBugAfterMaxAttempts) {
    rig_.api->SetHandler([](const http::HttpRequest&) {
        return http::HttpResponse{500, {{"X-Request-Id", "req-7"}}, R"({"message":"boom"})"};
    });
    const auto result = rig_.transport.Call(Get());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kRemoteBug);
    EXPECT_EQ(rig_.api->requests().size(), 6u);
    EXPECT_NE(result.error().message().find("req-7"), std::string::npos);
    EXPECT_NE(result.error().message().find("GET /rest/v1.3/companies/42/users"),
              std::string::npos);
}

TEST_F(TransportTest, RetriesConnectionFailuresButNotTls) {
    rig_.api->Fail(TransportFailure::kConnect, false);
    rig_.api->Fail(TransportFailure::kTimeout, true);
    rig_.api->Fail(TransportFailure::kConnectionLost, true);
    rig_.api->Reply(200, "{}");
    ASSERT_TRUE(rig_.transport.Call(Get()));
    rig_.api->Fail(TransportFailure::kTls, true);
    const auto result = rig_.transport.Call(Get());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_EQ(rig_.api->requests().size(), 5u);
}

TEST_F(TransportTest, ClassifiesEveryRefusal) {
    const std::pair<int, ErrorCode> cases[] = {
        {400, ErrorCode::kRemoteRejected}, {403, ErrorCode::kForbidden},
        {404, ErrorCode::kNotFound},       {405, ErrorCode::kRemoteRejected},
        {409, ErrorCode::kConflict},       {422, ErrorCode::kRemoteRejected},
        {302, ErrorCode::kRemoteBug},
    };
    for (const auto& [status, code] : cases) {
        rig_.api->Reply(status, R"({"errors":{"email_address":["has already been taken"]}})");
        const auto result = rig_.transport.Call(Get());
        ASSERT_FALSE(result) << status;
        EXPECT_EQ(result.error().code(), code) << status;
        ASSERT_EQ(result.error().problems().size(), 1u) << status;
        EXPECT_EQ(result.error().problems()[0].field, "email_address");
        EXPECT_EQ(result.error().problems()[0].message, "has already been taken");
    }
    EXPECT_EQ(rig_.api->requests().size(), std::size(cases));  // none retried
}

TEST_F(TransportTest, ACreateWithUnknownOutcomeIsLookedUpAndFound) {
    int lookups = 0;
    rig_.api->Reply(500, "{}");
    using Found = Result<std::optional<http::HttpResponse>>;
    const auto result = rig_.transport.Call(Create([&]() -> Found {
        ++lookups;
        return http::HttpResponse{201, {}, R"({"id":7})"};
    }));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->body, R"({"id":7})");
    EXPECT_EQ(lookups, 1);
    EXPECT_EQ(rig_.api->requests().size(), 1u);  // not sent again
    EXPECT_EQ(rig_.transport.stats().lookups, 1);
}

TEST_F(TransportTest, ACreateWithUnknownOutcomeIsSentAgainWhenNotFound) {
    int lookups = 0;
    rig_.api->Fail(TransportFailure::kTimeout, true);
    rig_.api->Reply(201, R"({"id":8})");
    using Found = Result<std::optional<http::HttpResponse>>;
    const auto result = rig_.transport.Call(Create([&]() -> Found {
        ++lookups;
        return std::nullopt;
    }));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->body, R"({"id":8})");
    EXPECT_EQ(lookups, 1);
    EXPECT_EQ(rig_.api->requests().size(), 2u);
}

TEST_F(TransportTest, ACreateThatNeverLeftOrWasShedIsSentAgainWithoutLookup) {
    int lookups = 0;
    rig_.api->Fail(TransportFailure::kConnect, false);
    rig_.api->Reply(503, "{}");
    rig_.api->Reply(429, "{}", {{"Retry-After", "1"}});
    rig_.api->Reply(201, "{}");
    ASSERT_TRUE(rig_.transport.Call(Create([&]() -> Result<std::optional<http::HttpResponse>> {
        ++lookups;
        return std::nullopt;
    })));
    EXPECT_EQ(lookups, 0);
    EXPECT_EQ(rig_.api->requests().size(), 4u);
}

TEST_F(TransportTest, ACreateWithoutLookupIsNeverSentTwice) {
    rig_.api->Fail(TransportFailure::kConnectionLost, true);
    rig_.api->Reply(201, "{}");
    const auto result = rig_.transport.Call(Create());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kTransient);
    EXPECT_NE(result.error().message().find("may or may not have been created"),
              std::string::npos);
    EXPECT_EQ(rig_.api->requests().size(), 1u);
}

TEST(TransportTokens, AnUnreachableSignInIsRetriedAndARefusalIsNot) {
    TransportRig rig;
    rig.login->Fail(http::TransportFailure::kConnect, false);
    rig.login->Reply(200, TokenBody("token-1"));
    rig.api->Reply(200, "{}");
    ASSERT_TRUE(rig.transport.Call(Get()));
    EXPECT_EQ(rig.login->requests().size(), 2u);

    TransportRig refused;
    refused.login->Reply(401, R"({"error":"invalid_client"})");
    const auto result = refused.transport.Call(Get());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kUnauthorized);
    EXPECT_EQ(refused.login->requests().size(), 1u);
    EXPECT_TRUE(refused.api->requests().empty());
}

TEST_F(TransportTest, FollowsLinksOnlyOnTheApiHost) {
    rig_.api->Reply(200, "[]");
    ASSERT_TRUE(rig_.transport.Call(Get("https://api.example/rest/v1.3/x?page=2")));
    EXPECT_EQ(rig_.api->requests().at(0).url, "https://api.example/rest/v1.3/x?page=2");
    const auto result = rig_.transport.Call(Get("https://evil.example/rest/v1.3/x?page=2"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::kRemoteBug);
    EXPECT_EQ(rig_.api->requests().size(), 1u);  // the token never went there
}

TEST_F(TransportTest, ReportsEveryCallWithoutSecrets) {
    std::vector<CallRecord> calls;
    rig_.transport.OnCall([&](const CallRecord& c) { calls.push_back(c); });
    rig_.api->Reply(502, "{}");
    rig_.api->Reply(200, "{}");
    ApiRequest request = Get();
    request.query = {{"filters[search]", "Lopez"}};
    ASSERT_TRUE(rig_.transport.Call(request));
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].status, 502);
    EXPECT_EQ(calls[1].attempt, 2);
    EXPECT_EQ(calls[1].path, "/rest/v1.3/companies/42/users");
}

TEST_F(TransportTest, PacesRequestsByTheReportedWindow) {
    const auto reset = std::chrono::duration_cast<seconds>(
        (Start() + seconds(9)).time_since_epoch()).count();
    rig_.api->SetHandler([&](const http::HttpRequest&) {
        return http::HttpResponse{200,
                                  {{"X-Rate-Limit-Limit", "100"},
                                   {"X-Rate-Limit-Remaining", "5"},
                                   {"X-Rate-Limit-Reset", std::to_string(reset)}},
                                  "{}"};
    });
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(rig_.transport.Call(Get()));
    // 5 left, 10 s to the reset and margin: 2 s between requests once the window is known.
    EXPECT_GE(rig_.sleeper.slept(), milliseconds(2000));
    EXPECT_EQ(rig_.transport.stats().rate_limited, 0);
}

}  // namespace
}  // namespace crewsync::procore::testing
