// Time-zone knowledge lives here only, so the rest of the model stays free of tzdb.
#pragma once

#include <string_view>

namespace crewsync {

// Whether `name` is an IANA time zone known to the system's tz database
// (/usr/share/zoneinfo, Debian package tzdata), e.g. "America/Chicago".
bool IsKnownTimeZone(std::string_view name);

}  // namespace crewsync
