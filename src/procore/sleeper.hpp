// The seam through which the Procore client waits (back-off, rate-limit pacing), so tests move
// a fake clock instead of sleeping.
#pragma once

#include <chrono>
#include <thread>

#include "model/clock.hpp"

namespace crewsync::procore {

class Sleeper {
public:
    virtual ~Sleeper() = default;
    virtual void SleepFor(std::chrono::milliseconds duration) = 0;
};

class RealSleeper final : public Sleeper {
public:
    void SleepFor(std::chrono::milliseconds duration) override {
        if (duration.count() > 0) std::this_thread::sleep_for(duration);
    }
};

// Sleeping advances the fake clock at once; for tests.
class FakeSleeper final : public Sleeper {
public:
    explicit FakeSleeper(FakeClock& clock) : clock_(clock) {}
    void SleepFor(std::chrono::milliseconds duration) override {
        if (duration.count() > 0) {
            clock_.Advance(duration);
            slept_ += duration;
        }
    }
    std::chrono::milliseconds slept() const { return slept_; }

private:
    FakeClock& clock_;
    std::chrono::milliseconds slept_{0};
};

}  // namespace crewsync::procore
