// Fault injection: /__emulator/faults, and what injected errors, drops, latency and slow
// bodies look like to a client.
#include <gmock/gmock.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <set>

#include "emulator/faults.hpp"
#include "emulator_fixture.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

// Limits high enough that the rate limiter never answers in place of the faults.
EmulatorOptions Roomy(EmulatorOptions options = {}) {
    options.limits.hourly = 1'000'000;
    options.limits.spike = 1'000'000;
    return options;
}

class FaultsTest : public EmulatorTest {
protected:
    explicit FaultsTest(EmulatorOptions options = {}) : EmulatorTest(Roomy(std::move(options))) {}

    void SetUp() override {
        EmulatorTest::SetUp();
        auth_ = Auth();
    }

    void SetFaults(const Json& settings) {
        const auto res = client_->Put("/__emulator/faults", settings.dump(), "application/json");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
    }

    // The statuses of `count` calls to the companies list.
    std::vector<int> Statuses(int count, const std::string& path = "/rest/v1.0/companies") {
        std::vector<int> out;
        for (int i = 0; i < count; ++i) {
            const auto res = client_->Get(path, auth_);
            out.push_back(res ? res->status : -1);
        }
        return out;
    }

    static std::chrono::milliseconds Timed(const std::function<void()>& call) {
        const auto start = std::chrono::steady_clock::now();
        call();
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
    }

    httplib::Headers auth_;
};

TEST_F(FaultsTest, PutEchoesTheSettingsGetShowsThemAndDeleteClearsThem) {
    auto res = client_->Get("/__emulator/faults");
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["error_share"], 0.0);

    const Json settings = {{"error_share", 0.2}, {"statuses", {429, 503}}, {"latency_ms", 5},
                           {"drop_share", 0.05}, {"slow_body_ms", 0},     {"paths", "users"},
                           {"seed", 11}};
    res = client_->Put("/__emulator/faults", settings.dump(), "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    Json echoed = BodyOf(res);
    for (const auto& [key, value] : settings.items()) EXPECT_EQ(echoed[key], value) << key;
    EXPECT_EQ(echoed["retry_after_seconds"], 1);
    res = client_->Get("/__emulator/faults");
    EXPECT_EQ(BodyOf(res), echoed);

    // PUT replaces: fields left out go back to their defaults.
    res = client_->Put("/__emulator/faults", Json{{"latency_ms", 1}}.dump(), "application/json");
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["error_share"], 0.0);
    EXPECT_EQ(BodyOf(res)["paths"], "");

    res = client_->Delete("/__emulator/faults");
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["latency_ms"], 0);
    EXPECT_EQ(BodyOf(client_->Get("/__emulator/faults"))["latency_ms"], 0);
}

TEST_F(FaultsTest, InvalidSettingsAreRefusedWith422AndChangeNothing) {
    SetFaults({{"latency_ms", 1}});
    const auto expect_invalid = [&](const Json& body, const char* field) {
        const auto res = client_->Put("/__emulator/faults", body.dump(), "application/json");
        EXPECT_EQ(res->status, 422) << body << ": " << res->body;
        EXPECT_TRUE(BodyOf(res)["errors"][field].is_array()) << res->body;
    };
    expect_invalid({{"error_share", 1.5}}, "error_share");
    expect_invalid({{"drop_share", -0.1}}, "drop_share");
    expect_invalid({{"statuses", {200}}}, "statuses");
    expect_invalid({{"statuses", Json::array()}}, "statuses");
    expect_invalid({{"latency_ms", -1}}, "latency_ms");
    expect_invalid({{"slow_body_ms", "slow"}}, "slow_body_ms");
    expect_invalid({{"paths", "(unclosed"}}, "paths");
    expect_invalid({{"seed", -3}}, "seed");
    expect_invalid({{"error_shares", 0.5}}, "error_shares");
    EXPECT_EQ(client_->Put("/__emulator/faults", "{oops", "application/json")->status, 400);
    EXPECT_EQ(BodyOf(client_->Get("/__emulator/faults"))["latency_ms"], 1);
}

TEST_F(FaultsTest, TheSameSeedGivesTheSameSequenceOfFaults) {
    const Json settings = {{"error_share", 0.5}, {"seed", 7}};
    SetFaults(settings);
    const std::vector<int> first = Statuses(40);
    SetFaults(settings);
    const std::vector<int> second = Statuses(40);
    EXPECT_EQ(first, second);
    EXPECT_THAT(first, Contains(200));
    const auto injected = std::count_if(first.begin(), first.end(), [](int s) { return s != 200; });
    EXPECT_GT(injected, 5);
    EXPECT_LT(injected, 35);

    SetFaults({{"error_share", 0.5}, {"seed", 8}});
    EXPECT_NE(Statuses(40), first);
}

TEST_F(FaultsTest, FateIsAPureFunctionOfSeedAndCountAndFollowsTheShare) {
    FaultSettings settings;
    settings.error_share = 0.2;
    settings.drop_share = 0.1;
    settings.seed = 99;
    int errors = 0;
    int drops = 0;
    for (std::uint64_t k = 0; k < 10'000; ++k) {
        const FaultPlan plan = FateOf(settings, k);
        const FaultPlan again = FateOf(settings, k);
        ASSERT_EQ(plan.kind, again.kind);
        ASSERT_EQ(plan.status, again.status);
        if (plan.kind == FaultKind::kError) ++errors;
        if (plan.kind == FaultKind::kDrop) ++drops;
    }
    EXPECT_NEAR(drops, 1'000, 150);
    EXPECT_NEAR(errors, 1'800, 200);  // 20% of the 90% not dropped
}

TEST_F(FaultsTest, ShareZeroInjectsNothingAndShareOneInjectsEverything) {
    SetFaults({{"error_share", 0.0}, {"latency_ms", 1}});
    for (int status : Statuses(20)) EXPECT_EQ(status, 200);

    SetFaults({{"error_share", 1.0}, {"seed", 3}});
    std::set<int> seen;
    for (int i = 0; i < 40; ++i) {
        const auto res = client_->Get("/rest/v1.0/companies", auth_);
        ASSERT_TRUE(res);
        seen.insert(res->status);
        EXPECT_THAT(res->get_header_value("X-Emulator-Fault"), HasSubstr("error"));
        EXPECT_TRUE(BodyOf(res).contains("message")) << res->body;
        if (res->status == 429) {
            EXPECT_TRUE(res->has_header("X-Rate-Limit-Limit"));
            EXPECT_EQ(res->get_header_value("X-Rate-Limit-Remaining"), "0");
            EXPECT_TRUE(res->has_header("X-Rate-Limit-Reset"));
            EXPECT_EQ(res->get_header_value("Retry-After"), "1");
        }
        if (res->status == 503) {
            EXPECT_EQ(res->get_header_value("Retry-After"), "1");
        }
        if (res->status == 500 || res->status == 502) {
            EXPECT_FALSE(res->has_header("Retry-After"));
        }
    }
    EXPECT_EQ(seen, (std::set<int>{429, 500, 502, 503}));

    // Only /rest/: OAuth and the admin endpoints are never touched.
    EXPECT_FALSE(Token().empty());
    EXPECT_EQ(client_->Get("/__emulator/calls")->status, 200);
}

TEST_F(FaultsTest, StatusesAndRetryAfterCanBeChosen) {
    SetFaults({{"error_share", 1.0}, {"statuses", {503}}, {"retry_after_seconds", 30}});
    const auto res = client_->Get("/rest/v1.0/companies", auth_);
    EXPECT_EQ(res->status, 503);
    EXPECT_EQ(res->get_header_value("Retry-After"), "30");
}

TEST_F(FaultsTest, ThePathsFilterLimitsWhichRequestsAreAffected) {
    SetFaults({{"error_share", 1.0}, {"statuses", {500}}, {"paths", "/companies$"}});
    for (int status : Statuses(5)) EXPECT_EQ(status, 500);
    for (int status : Statuses(5, "/rest/v1.0/me")) EXPECT_NE(status, 500);
}

TEST_F(FaultsTest, LatencyIsAddedToAffectedRequestsOnly) {
    const auto before = Timed([&] { client_->Get("/rest/v1.0/companies", auth_); });
    SetFaults({{"latency_ms", 300}});
    const auto delayed = Timed([&] {
        const auto res = client_->Get("/rest/v1.0/companies", auth_);
        EXPECT_EQ(res->status, 200);
    });
    EXPECT_GE(delayed, 300ms);
    EXPECT_LT(before, 300ms);
    EXPECT_LT(Timed([&] { client_->Get("/__emulator/faults"); }), 300ms);
}

TEST_F(FaultsTest, DroppedConnectionsGiveTheClientNoResponse) {
    SetFaults({{"drop_share", 1.0}});
    const auto res = client_->Get("/rest/v1.0/companies", auth_);
    EXPECT_FALSE(res);
    EXPECT_EQ(res.error(), httplib::Error::Read);
    const auto res2 = client_->Delete("/__emulator/faults");
    ASSERT_TRUE(res2);
    const auto res3 = client_->Get("/rest/v1.0/companies", auth_);
    ASSERT_TRUE(res3);
    EXPECT_EQ(res3->status, 200);
}

// A page of the whole Directory is sent from the emulator's page cache, not from the response
// body: it must slow down the same way.
TEST_F(FaultsTest, SlowBodiesSlowDownCachedDirectoryPagesToo) {
    const std::string path = "/rest/v1.3/companies/" + std::to_string(company_id_) + "/users";
    const auto plain = client_->Get(path, auth_);
    ASSERT_TRUE(plain);
    ASSERT_EQ(plain->status, 200);
    SetFaults({{"slow_body_ms", 300}});
    std::optional<httplib::Response> slow;
    const auto took = Timed([&] {
        if (auto res = client_->Get(path, auth_)) slow = *res;
    });
    ASSERT_TRUE(slow);
    EXPECT_EQ(slow->status, 200);
    EXPECT_EQ(slow->body, plain->body);
    EXPECT_GE(took, 250ms);
}

TEST_F(FaultsTest, SlowBodiesArriveWholeButLate) {
    const auto plain = client_->Get("/rest/v1.0/companies", auth_);
    ASSERT_TRUE(plain);
    SetFaults({{"slow_body_ms", 300}});
    std::optional<httplib::Response> slow;
    const auto took = Timed([&] {
        if (auto res = client_->Get("/rest/v1.0/companies", auth_)) slow = *res;
    });
    ASSERT_TRUE(slow);
    EXPECT_EQ(slow->status, 200);
    EXPECT_EQ(slow->body, plain->body);
    EXPECT_FALSE(slow->has_header("X-Emulator-Slow-Body-Ms"));
    EXPECT_GE(took, 250ms);
}

class FaultsFromOptionsTest : public FaultsTest {
protected:
    static EmulatorOptions WithFaults() {
        EmulatorOptions options;
        options.faults.error_share = 1.0;
        options.faults.statuses = {502};
        return options;
    }
    FaultsFromOptionsTest() : FaultsTest(WithFaults()) {}
};

TEST_F(FaultsFromOptionsTest, OptionsSetFaultsFromTheStart) {
    EXPECT_THAT(Statuses(3), ElementsAre(502, 502, 502));
    EXPECT_EQ(BodyOf(client_->Get("/__emulator/faults"))["error_share"], 1.0);
}

TEST(FaultsOptionsTest, InvalidFaultOptionsStopTheEmulatorFromStarting) {
    EmulatorOptions bad_regex;
    bad_regex.faults.paths = "([";
    EXPECT_FALSE(Emulator(bad_regex).Start());
    EmulatorOptions bad_share;
    bad_share.faults.error_share = 2;
    EXPECT_FALSE(Emulator(bad_share).Start());
    EmulatorOptions bad_status;
    bad_status.faults.statuses = {200};
    EXPECT_FALSE(Emulator(bad_status).Start());
}

}  // namespace
}  // namespace crewsync::emulator::testing
