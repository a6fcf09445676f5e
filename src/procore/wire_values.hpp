// Internal to the Procore layer: the text forms of values in Procore's JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/clock.hpp"
#include "model/date.hpp"

namespace crewsync::procore::internal {

// ISO 8601 date-time as Procore writes it: "2024-03-05T17:22:09Z", with optional fraction
// ("…09.123456Z", kept to the millisecond) and offset ("…09-06:00", "…09+0000"); a space may
// stand for the "T". nullopt for anything else, or an impossible date or time.
std::optional<Timestamp> ParseIsoTimestamp(std::string_view text);
// "2024-03-05T17:22:09Z", or "2024-03-05T17:22:09.120Z" when there are milliseconds.
std::string FormatIsoTimestamp(Timestamp at);

// "2024-03-05", or the date part of a date-time ("2024-03-05T00:00:00Z"). nullopt otherwise.
std::optional<Date> ParseWireDate(std::string_view text);

// Procore's time_zone holds Rails zone names ("Central Time (US & Canada)"), its tz_name the
// IANA name. These translate the US zones; any other name comes back unchanged.
std::string_view IanaFromRails(std::string_view name);
std::string_view RailsFromIana(std::string_view name);

}  // namespace crewsync::procore::internal
