#include "emulator/rate_limiter.hpp"

#include <algorithm>

#include "emulator/clock.hpp"

namespace crewsync::emulator {
namespace {

constexpr std::chrono::hours kHour{1};
constexpr std::chrono::seconds kSpike{10};

// Starts a new window when the old one is over.
void Roll(auto& window, Timestamp now, std::chrono::milliseconds length) {
    if (window.used == 0 || now >= window.start + length) {
        window.start = now;
        window.used = 0;
    }
}

}  // namespace

RateVerdict RateLimiter::Take(const std::string& bucket, Timestamp now) {
    Bucket& b = buckets_[bucket];
    Roll(b.hour, now, kHour);
    Roll(b.spike, now, kSpike);
    const std::int64_t hour_left = limits_.hourly - b.hour.used;
    const std::int64_t spike_left = limits_.spike - b.spike.used;

    RateVerdict v;
    v.allowed = hour_left > 0 && spike_left > 0;
    if (v.allowed) {
        ++b.hour.used;
        ++b.spike.used;
    }
    // Report the window closest to running out (usually the spike window).
    const bool report_hour = hour_left <= spike_left;
    const std::int64_t left = report_hour ? hour_left : spike_left;
    v.limit = report_hour ? limits_.hourly : limits_.spike;
    v.remaining = std::max<std::int64_t>(0, left - (v.allowed ? 1 : 0));
    v.reset = UnixSeconds(report_hour ? b.hour.start + kHour : b.spike.start + kSpike);
    return v;
}

}  // namespace crewsync::emulator
