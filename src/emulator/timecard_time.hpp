// Dates, times and hours as timecard entries and timesheets write them: dates are
// `YYYY-MM-DD`, times ISO 8601 (stored in UTC as `YYYY-MM-DDTHH:MM:SSZ`), hours "8.00".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model/clock.hpp"

namespace crewsync::emulator {

// Whether `text` is a real calendar date written `YYYY-MM-DD`.
bool IsIsoDate(std::string_view text);

// "2024-05-06T07:30:00Z", "2024-05-06T07:30-07:00", "2024-05-06T07:30:00.000+0200" or
// without a zone (read as UTC) → seconds since the epoch; nullopt when malformed.
std::optional<std::int64_t> ParseIsoDateTime(std::string_view text);

// Seconds since the epoch → "2024-05-06T14:30:00Z".
std::string IsoOfSeconds(std::int64_t seconds);

// The UTC date of a moment: "2024-05-06".
std::string DateOf(Timestamp at);

// Monday and Sunday (UTC) of the week that holds `at`: the emulator's "current work week".
std::pair<std::string, std::string> WorkWeekOf(Timestamp at);

// 8 → "8.00", as Procore writes hours.
std::string HoursText(double hours);

}  // namespace crewsync::emulator
