// The emulator's time: the system clock plus an offset the admin API can move forward, so
// tests over HTTP can expire a token or roll a rate-limit window without waiting.
#pragma once

#include <atomic>
#include <chrono>

#include "model/clock.hpp"

namespace crewsync::emulator {

class ShiftableClock final : public Clock {
public:
    Timestamp Now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now()) +
               std::chrono::milliseconds(offset_ms_.load());
    }
    void Advance(std::chrono::milliseconds by) { offset_ms_ += by.count(); }

private:
    std::atomic<std::int64_t> offset_ms_{0};
};

// Seconds since the epoch, as Procore writes `created_at` in token responses.
inline std::int64_t UnixSeconds(Timestamp at) {
    return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

// "2026-11-23T14:05:09Z": Procore's timestamps are UTC with whole seconds.
std::string IsoSeconds(Timestamp at);

}  // namespace crewsync::emulator
