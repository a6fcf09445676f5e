// Keeps a workspace inside Procore's rate limits (procore-api.md §4) without being told them.
//
// Procore reports, on every response, the window the caller is closest to exhausting (the
// hourly one or the 10-second spike one): its size, what is left and when it resets. The
// governor reads that on every response and paces requests so the window never runs dry:
// requests go at once while more than a reserve share of the window is left, and are then
// spread evenly over the time until the reset. After a 429 every request waits for the
// Retry-After (or the reset). The server's numbers are the truth, so other processes spending
// the same budget are accounted for at the next response.
//
// One governor serves every job of a workspace: share it between threads. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "http/http_client.hpp"
#include "model/clock.hpp"

namespace crewsync::procore {

struct GovernorOptions {
    bool enabled = true;          // false: never waits before a request (for comparisons)
    double reserve_share = 0.2;   // below this share of a window left, requests are spread
    // Added to the reset time Procore gives in whole seconds, so a request is not sent into
    // the window that is just ending.
    std::chrono::milliseconds reset_margin{1000};
};

// What the last response said about the window closest to running out.
struct RateWindow {
    std::int64_t limit = 0;
    std::int64_t remaining = 0;
    Timestamp reset{};
};

// How long a request must wait, and why, in words for the run's progress line.
struct RateWait {
    std::chrono::milliseconds duration{0};
    std::string reason;  // "" when there is no wait
};

class RateGovernor {
public:
    RateGovernor(const Clock& clock, GovernorOptions options = {});

    // Claims the next request's turn: how long the caller must wait before sending it.
    RateWait Reserve();
    // Reads X-Rate-Limit-Limit/-Remaining/-Reset (Unix seconds) from any response.
    void Observe(const http::Headers& headers);
    // A 429 came back: nobody sends until `retry_after` has passed, or the window resets.
    // Returns the wait it imposed.
    std::chrono::milliseconds OnRateLimited(std::optional<std::chrono::seconds> retry_after);

    std::optional<RateWindow> LastWindow() const;

private:
    RateWait ReserveLocked(Timestamp now);

    const Clock& clock_;
    const GovernorOptions options_;

    mutable std::mutex mutex_;  // guards everything below
    std::optional<RateWindow> window_;
    std::int64_t reserved_since_report_ = 0;  // requests sent since the window was reported
    Timestamp blocked_until_{};               // after a 429
    Timestamp next_slot_{};                   // earliest send time while spreading
};

}  // namespace crewsync::procore
