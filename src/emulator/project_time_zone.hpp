// Project time zones (procore-api.md §1.3): Procore takes Rails zone names ("Pacific Time (US &
// Canada)") and tz-database names ("America/Los_Angeles", "US/Pacific"), and answers with both
// `time_zone` and `tz_name`.
#pragma once

#include <optional>
#include <string>

namespace crewsync::emulator {

// The tz-database name of a zone the emulator knows, or nullopt (Procore answers 422 for a
// zone it does not know).
std::optional<std::string> TzNameOf(const std::string& zone);

// What a project gets when its creator names no zone: the emulated company's default.
inline constexpr const char* kDefaultProjectZone = "Pacific Time (US & Canada)";

}  // namespace crewsync::emulator
