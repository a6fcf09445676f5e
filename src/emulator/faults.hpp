// Fault injection: a share of /rest/ responses replaced by 429/500/502/503 errors or dropped
// connections, plus added latency and slow bodies, so a client's retry and timeout handling
// can be tested against the emulator. Deterministic: the k-th request the settings apply to
// meets a fate that depends only on the seed and k, so a failing run can be replayed.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

struct FaultSettings {
    double error_share = 0;                           // 0..1 of requests answered with an error
    std::vector<int> statuses = {429, 500, 502, 503};  // picked from evenly
    std::int64_t latency_ms = 0;                      // added before every affected request
    double drop_share = 0;                            // 0..1 of requests whose connection drops
    std::int64_t slow_body_ms = 0;                    // body trickles out over this long
    std::string paths;                                // ECMAScript regex searched in the path;
                                                      // "" for every /rest/ path
    std::uint64_t seed = 7;
    std::int64_t retry_after_seconds = 1;             // Retry-After of injected 429 and 503

    // True when the settings change anything.
    bool Active() const;
};

Json FaultSettingsToJson(const FaultSettings& settings);
// Reads the fields present in `body` over `settings`. False with the offending field and a
// message when a name is unknown, a value is out of range or the regex does not compile.
bool FaultSettingsFromJson(const Json& body, FaultSettings& settings, std::string& field,
                           std::string& message);

enum class FaultKind { kNone, kError, kDrop };

// What happens to one request.
struct FaultPlan {
    bool affected = false;  // the settings apply to this path
    std::int64_t latency_ms = 0;
    FaultKind kind = FaultKind::kNone;
    int status = 0;  // for kError
    std::int64_t slow_body_ms = 0;
    std::int64_t retry_after_seconds = 1;
};

// The fate of the k-th affected request (k counts from 0): a pure function of the settings'
// seed, shares, statuses and k.
FaultPlan FateOf(const FaultSettings& settings, std::uint64_t k);

class FaultInjector {
public:
    explicit FaultInjector(FaultSettings settings = {});

    // Replaces the settings and starts counting requests from 0 again. False (and nothing
    // changed) when `settings.paths` is not a valid regex.
    bool Set(FaultSettings settings);
    FaultSettings Get() const;
    // Back to no faults.
    void Clear();

    // Counts the request when the settings apply to `path` and says what happens to it.
    FaultPlan Decide(const std::string& path);

private:
    mutable std::mutex mutex_;
    FaultSettings settings_;
    std::optional<std::regex> paths_;
    std::uint64_t next_k_ = 0;
};

}  // namespace crewsync::emulator
