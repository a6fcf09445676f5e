#include "procore/rate_governor.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace crewsync::procore {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

Timestamp Start() { return Timestamp(seconds(1'800'000'000)); }

http::Headers Window(std::int64_t limit, std::int64_t remaining, Timestamp reset) {
    const auto reset_s = std::chrono::duration_cast<seconds>(reset.time_since_epoch()).count();
    return {{"X-Rate-Limit-Limit", std::to_string(limit)},
            {"X-Rate-Limit-Remaining", std::to_string(remaining)},
            {"X-Rate-Limit-Reset", std::to_string(reset_s)}};
}

TEST(RateGovernor, SendsAtOnceBeforeAnyReport) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(governor.Reserve().duration, milliseconds(0));
}

TEST(RateGovernor, SendsAtOnceWhileMuchOfTheWindowIsLeft) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    governor.Observe(Window(100, 90, Start() + seconds(10)));
    // 90 left, reserve is 20: the first 70 go at once, and the first of the spread ones too.
    for (int i = 0; i < 71; ++i) EXPECT_EQ(governor.Reserve().duration, milliseconds(0)) << i;
    EXPECT_GT(governor.Reserve().duration, milliseconds(0));
}

TEST(RateGovernor, SpreadsTheReserveEvenlyUntilTheReset) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    // 10 left of 100 with 10 s (+1 s margin) to go: one request every 1.1 s.
    governor.Observe(Window(100, 10, Start() + seconds(10)));
    const RateWait first = governor.Reserve();
    EXPECT_EQ(first.duration, milliseconds(0));
    const RateWait second = governor.Reserve();
    EXPECT_EQ(second.duration, milliseconds(1100));
    EXPECT_NE(second.reason.find("pacing"), std::string::npos) << second.reason;
    const RateWait third = governor.Reserve();
    EXPECT_NEAR(static_cast<double>(third.duration.count()), 2 * 1100.0 + 122, 130);
}

TEST(RateGovernor, WaitsForTheResetWhenNothingIsLeft) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    governor.Observe(Window(3600, 0, Start() + seconds(1800)));
    const RateWait wait = governor.Reserve();
    EXPECT_EQ(wait.duration, seconds(1801));
    EXPECT_NE(wait.reason.find("3600"), std::string::npos) << wait.reason;
}

TEST(RateGovernor, ForgetsAWindowThatIsOver) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    governor.Observe(Window(100, 0, Start() + seconds(5)));
    clock.Advance(seconds(7));
    EXPECT_EQ(governor.Reserve().duration, milliseconds(0));
    EXPECT_FALSE(governor.LastWindow());
}

TEST(RateGovernor, ANewReportReplacesWhatWasCountedLocally) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    governor.Observe(Window(100, 20, Start() + seconds(10)));
    EXPECT_EQ(governor.Reserve().duration, milliseconds(0));  // the first spread one
    EXPECT_GT(governor.Reserve().duration, milliseconds(0));  // the next waits its turn
    governor.Observe(Window(100, 80, Start() + seconds(10)));  // the server says otherwise
    EXPECT_EQ(governor.Reserve().duration, milliseconds(0));
}

TEST(RateGovernor, BlocksEveryoneAfterA429ForRetryAfter) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    EXPECT_EQ(governor.OnRateLimited(seconds(7)), seconds(7));
    const RateWait a = governor.Reserve();
    const RateWait b = governor.Reserve();
    EXPECT_EQ(a.duration, seconds(7));
    EXPECT_EQ(b.duration, seconds(7));
    EXPECT_NE(a.reason.find("rate limit"), std::string::npos) << a.reason;
    clock.Advance(seconds(7));
    EXPECT_EQ(governor.Reserve().duration, milliseconds(0));
}

TEST(RateGovernor, A429WithoutRetryAfterWaitsForTheReportedReset) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    governor.Observe(Window(25, 0, Start() + seconds(4)));
    EXPECT_EQ(governor.OnRateLimited(std::nullopt), seconds(5));  // reset + 1 s margin
}

TEST(RateGovernor, DisabledNeverWaits) {
    FakeClock clock(Start());
    GovernorOptions options;
    options.enabled = false;
    RateGovernor governor(clock, options);
    governor.Observe(Window(100, 0, Start() + seconds(10)));
    governor.OnRateLimited(seconds(30));
    EXPECT_EQ(governor.Reserve().duration, milliseconds(0));
}

TEST(RateGovernor, IgnoresIncompleteOrMalformedHeaders) {
    FakeClock clock(Start());
    RateGovernor governor(clock);
    governor.Observe({{"X-Rate-Limit-Limit", "100"}, {"X-Rate-Limit-Remaining", "0"}});
    governor.Observe({{"X-Rate-Limit-Limit", "many"},
                      {"X-Rate-Limit-Remaining", "0"},
                      {"X-Rate-Limit-Reset", "1800000010"}});
    EXPECT_FALSE(governor.LastWindow());
    EXPECT_EQ(governor.Reserve().duration, milliseconds(0));
}

}  // namespace
}  // namespace crewsync::procore
