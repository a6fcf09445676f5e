// Procore's two rate limits (procore-api.md §4): an hourly window and a 10-second spike window
// per application and company. Every response reports the limit the caller is closest to
// exhausting; a request over either limit is refused with 429.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "model/clock.hpp"

namespace crewsync::emulator {

struct RateLimits {
    std::int64_t hourly = 3600;  // both at least 1
    std::int64_t spike = 100;    // per 10 seconds
};

struct RateVerdict {
    bool allowed = true;
    std::int64_t limit = 0;      // X-Rate-Limit-Limit
    std::int64_t remaining = 0;  // X-Rate-Limit-Remaining
    std::int64_t reset = 0;      // X-Rate-Limit-Reset (Unix seconds)
};

class RateLimiter {
public:
    explicit RateLimiter(RateLimits limits) : limits_(limits) {}

    // Counts one request of `bucket` at `now`, unless a window is full.
    RateVerdict Take(const std::string& bucket, Timestamp now);
    void Clear() { buckets_.clear(); }
    void SetLimits(RateLimits limits) { limits_ = limits; }
    RateLimits Limits() const { return limits_; }

private:
    struct Window {
        Timestamp start{};
        std::int64_t used = 0;
    };
    struct Bucket {
        Window hour;
        Window spike;
    };

    RateLimits limits_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace crewsync::emulator
