// When a failing webhook destination is tried again (procore-api.md §10.4): after 1 s, then
// twice as long each time up to 1 h between tries, and after 12 h of failures the hook gives
// up and discards what it holds. Any success resets the count.
#pragma once

#include <chrono>
#include <optional>

namespace crewsync::emulator {

struct WebhookRetryPolicy {
    std::chrono::milliseconds first_delay{1000};
    std::chrono::milliseconds max_delay{std::chrono::hours(1)};
    std::chrono::milliseconds give_up{std::chrono::hours(12)};
};

// The wait before the next try after `failures` failures in a row (1 or more) that began
// `failing_for` ago; none when that try would come after the give-up time.
inline std::optional<std::chrono::milliseconds> NextRetryDelay(
    const WebhookRetryPolicy& policy, int failures, std::chrono::milliseconds failing_for) {
    std::chrono::milliseconds delay = policy.first_delay;
    for (int i = 1; i < failures && delay < policy.max_delay; ++i) delay *= 2;
    delay = std::min(delay, policy.max_delay);
    if (failing_for + delay > policy.give_up) return std::nullopt;
    return delay;
}

}  // namespace crewsync::emulator
