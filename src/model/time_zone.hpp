// Time-zone knowledge lives here only, so the rest of the model stays free of tzdb.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"

namespace crewsync {

// Whether `name` is an IANA time zone known to the system's tz database
// (/usr/share/zoneinfo, Debian package tzdata), e.g. "America/Chicago".
bool IsKnownTimeZone(std::string_view name);

// A local date and time of day in `zone` as ISO 8601 with the zone's UTC offset on that day:
// "2026-11-16T07:00:00-06:00". A time skipped by a daylight-saving change gets the offset in
// force after the change; one that happens twice, the first. nullopt for an unknown zone.
std::optional<std::string> LocalDateTimeIso(Date date, TimeOfDay time, std::string_view zone);

}  // namespace crewsync
