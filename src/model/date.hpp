// Calendar dates and times of day as the workforce plan uses them: no time zone
// attached (a project's dates are the project's local dates).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace crewsync {

using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD" (ISO 8601 calendar date). nullopt unless it is a real date.
std::optional<Date> ParseDate(std::string_view text);
// Formats as "YYYY-MM-DD".
std::string FormatDate(Date date);

// Minutes since midnight, 0..1439.
struct TimeOfDay {
    int minutes = 0;
    auto operator<=>(const TimeOfDay&) const = default;
};

// Parses "H:MM" or "HH:MM" (24-hour clock). nullopt when out of range or malformed.
std::optional<TimeOfDay> ParseTimeOfDay(std::string_view text);
// Formats as "HH:MM".
std::string FormatTimeOfDay(TimeOfDay time);

// Hours in hundredths (7.25 h == 725): payroll precision, exact in integers.
struct Hours {
    int hundredths = 0;
    auto operator<=>(const Hours&) const = default;
};

// Parses "8", "7.5", "7.25". nullopt for negatives, more than two decimals or junk.
std::optional<Hours> ParseHours(std::string_view text);
// Formats with the fewest decimals that are exact: "8", "7.5", "7.25".
std::string FormatHours(Hours hours);

}  // namespace crewsync
