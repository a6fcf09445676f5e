#include "emulator/faults.hpp"

namespace crewsync::emulator {
namespace {

// SplitMix64: a good 64-bit mix, so neighbouring (seed, k) pairs give unrelated draws.
std::uint64_t Mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// A draw in [0, 1) for one decision (`salt`) about the k-th request.
double Unit(std::uint64_t seed, std::uint64_t k, std::uint64_t salt) {
    const std::uint64_t bits = Mix(Mix(seed ^ Mix(k)) + salt);
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

std::optional<std::regex> Compile(const std::string& pattern, bool& ok) {
    ok = true;
    if (pattern.empty()) return std::nullopt;
    // std::regex reports a bad pattern only by throwing.
    try {
        return std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
        ok = false;
        return std::nullopt;
    }
}

bool ReadShare(const Json& body, const char* name, double& out, std::string& field,
               std::string& message) {
    const auto it = body.find(name);
    if (it == body.end()) return true;
    if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
        field = name;
        message = "must be a number from 0 to 1";
        return false;
    }
    out = it->get<double>();
    return true;
}

bool ReadCount(const Json& body, const char* name, std::int64_t min, std::int64_t max,
               std::int64_t& out, std::string& field, std::string& message) {
    const auto it = body.find(name);
    if (it == body.end()) return true;
    if (!it->is_number_integer() || it->get<std::int64_t>() < min ||
        it->get<std::int64_t>() > max) {
        field = name;
        message = "must be a whole number from " + std::to_string(min) + " to " +
                  std::to_string(max);
        return false;
    }
    out = it->get<std::int64_t>();
    return true;
}

bool ReadStatuses(const Json& body, std::vector<int>& out, std::string& field,
                  std::string& message) {
    const auto it = body.find("statuses");
    if (it == body.end()) return true;
    field = "statuses";
    if (!it->is_array() || it->empty()) {
        message = "must be a non-empty list of HTTP statuses from 400 to 599";
        return false;
    }
    std::vector<int> statuses;
    for (const Json& status : *it) {
        if (!status.is_number_integer() || status.get<int>() < 400 || status.get<int>() > 599) {
            message = "must be a non-empty list of HTTP statuses from 400 to 599";
            return false;
        }
        statuses.push_back(status.get<int>());
    }
    out = std::move(statuses);
    return true;
}

}  // namespace

bool FaultSettings::Active() const {
    return error_share > 0 || drop_share > 0 || latency_ms > 0 || slow_body_ms > 0;
}

Json FaultSettingsToJson(const FaultSettings& settings) {
    return Json{{"error_share", settings.error_share},
                {"statuses", settings.statuses},
                {"latency_ms", settings.latency_ms},
                {"drop_share", settings.drop_share},
                {"slow_body_ms", settings.slow_body_ms},
                {"paths", settings.paths},
                {"seed", settings.seed},
                {"retry_after_seconds", settings.retry_after_seconds}};
}

bool FaultSettingsFromJson(const Json& body, FaultSettings& settings, std::string& field,
                           std::string& message) {
    if (!body.is_object()) {
        field = "base";
        message = "must be a JSON object";
        return false;
    }
    // A misspelt name would otherwise leave its setting unchanged without a word.
    for (const auto& [name, value] : body.items()) {
        if (FaultSettingsToJson(FaultSettings{}).contains(name)) continue;
        field = name;
        message = "is not a fault setting";
        return false;
    }
    FaultSettings read = settings;
    constexpr std::int64_t kTenMinutesMs = 600'000;
    if (!ReadShare(body, "error_share", read.error_share, field, message) ||
        !ReadShare(body, "drop_share", read.drop_share, field, message) ||
        !ReadStatuses(body, read.statuses, field, message) ||
        !ReadCount(body, "latency_ms", 0, kTenMinutesMs, read.latency_ms, field, message) ||
        !ReadCount(body, "slow_body_ms", 0, kTenMinutesMs, read.slow_body_ms, field, message) ||
        !ReadCount(body, "retry_after_seconds", 0, 86'400, read.retry_after_seconds, field,
                   message)) {
        return false;
    }
    if (const auto it = body.find("seed"); it != body.end()) {
        if (!it->is_number_unsigned()) {
            field = "seed";
            message = "must be a whole number >= 0";
            return false;
        }
        read.seed = it->get<std::uint64_t>();
    }
    if (const auto it = body.find("paths"); it != body.end()) {
        if (!it->is_string() && !it->is_null()) {
            field = "paths";
            message = "must be a regular expression or empty";
            return false;
        }
        read.paths = it->is_string() ? it->get<std::string>() : "";
        bool ok = true;
        Compile(read.paths, ok);
        if (!ok) {
            field = "paths";
            message = "is not a valid regular expression";
            return false;
        }
    }
    settings = std::move(read);
    return true;
}

FaultPlan FateOf(const FaultSettings& settings, std::uint64_t k) {
    FaultPlan plan;
    plan.affected = true;
    plan.latency_ms = settings.latency_ms;
    plan.slow_body_ms = settings.slow_body_ms;
    plan.retry_after_seconds = settings.retry_after_seconds;
    if (Unit(settings.seed, k, 1) < settings.drop_share) {
        plan.kind = FaultKind::kDrop;
    } else if (Unit(settings.seed, k, 2) < settings.error_share && !settings.statuses.empty()) {
        plan.kind = FaultKind::kError;
        const auto pick = static_cast<std::size_t>(Unit(settings.seed, k, 3) *
                                                   static_cast<double>(settings.statuses.size()));
        plan.status = settings.statuses[std::min(pick, settings.statuses.size() - 1)];
    }
    return plan;
}

FaultInjector::FaultInjector(FaultSettings settings) {
    if (!Set(std::move(settings))) Clear();
}

bool FaultInjector::Set(FaultSettings settings) {
    bool ok = true;
    std::optional<std::regex> paths = Compile(settings.paths, ok);
    if (!ok) return false;
    std::lock_guard lock(mutex_);
    settings_ = std::move(settings);
    paths_ = std::move(paths);
    next_k_ = 0;
    return true;
}

FaultSettings FaultInjector::Get() const {
    std::lock_guard lock(mutex_);
    return settings_;
}

void FaultInjector::Clear() {
    std::lock_guard lock(mutex_);
    settings_ = FaultSettings{};
    paths_.reset();
    next_k_ = 0;
}

FaultPlan FaultInjector::Decide(const std::string& path) {
    std::lock_guard lock(mutex_);
    if (!settings_.Active()) return {};
    if (paths_ && !std::regex_search(path, *paths_)) return {};
    return FateOf(settings_, next_k_++);
}

}  // namespace crewsync::emulator
