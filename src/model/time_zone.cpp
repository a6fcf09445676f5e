#include "model/time_zone.hpp"

#include <stdexcept>
#include <string>

#include <date/tz.h>
#include <fmt/format.h>

namespace crewsync {

bool IsKnownTimeZone(std::string_view name) {
    if (name.empty()) return false;
    try {
        return date::locate_zone(std::string(name)) != nullptr;
    } catch (const std::exception&) {
        // locate_zone throws for unknown names and when tzdata is missing entirely.
        return false;
    }
}

std::optional<std::string> LocalDateTimeIso(Date day, TimeOfDay time, std::string_view zone) {
    const date::time_zone* tz = nullptr;
    try {
        tz = date::locate_zone(std::string(zone));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const date::local_seconds local =
        date::local_days{date::year_month_day{date::year{static_cast<int>(day.year())},
                                              date::month{static_cast<unsigned>(day.month())},
                                              date::day{static_cast<unsigned>(day.day())}}} +
        std::chrono::minutes{time.minutes};
    const date::local_info info = tz->get_info(local);
    // Skipped (nonexistent): the offset in force after the change; repeated: the first one.
    const std::chrono::seconds offset =
        info.result == date::local_info::nonexistent ? info.second.offset : info.first.offset;
    const auto total = offset.count();
    const auto magnitude = total < 0 ? -total : total;
    return fmt::format("{}T{}:00{}{:02}:{:02}", FormatDate(day), FormatTimeOfDay(time),
                       total < 0 ? '-' : '+', magnitude / 3600, (magnitude % 3600) / 60);
}

}  // namespace crewsync
