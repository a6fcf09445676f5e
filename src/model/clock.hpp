// The one seam through which crewsync reads the time, so tests control it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace crewsync {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
public:
    Timestamp Now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now());
    }
};

// A clock that stands still until told to move; for tests.
class FakeClock final : public Clock {
public:
    explicit FakeClock(Timestamp start) : now_(start) {}
    Timestamp Now() const override { return now_; }
    void Advance(std::chrono::milliseconds by) { now_ += by; }
    void Set(Timestamp to) { now_ = to; }

private:
    Timestamp now_;
};

// "2026-11-23T14:05:09.123Z" — UTC, millisecond precision, sorts as text.
std::string FormatTimestamp(Timestamp at);
// The inverse of FormatTimestamp; nullopt for anything else.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

}  // namespace crewsync
