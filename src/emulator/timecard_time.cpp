#include "emulator/timecard_time.hpp"

#include <date/date.h>

#include <cstdio>

namespace crewsync::emulator {
namespace {

// The number written by `count` digits at `at`, or -1 when they are not all digits.
int DigitsAt(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::optional<date::sys_days> DayOf(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int year = DigitsAt(text, 0, 4);
    const int month = DigitsAt(text, 5, 2);
    const int day = DigitsAt(text, 8, 2);
    if (year < 0 || month < 0 || day < 0) return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days(ymd);
}

// "Z", "", "+02:00", "-0700", "+02" → offset east of UTC in seconds; nullopt when malformed.
std::optional<std::int64_t> ZoneOffset(std::string_view zone) {
    if (zone.empty() || zone == "Z" || zone == "z") return 0;
    if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
    const int hours = DigitsAt(zone, 1, 2);
    int minutes = 0;
    if (zone.size() == 6 && zone[3] == ':') {
        minutes = DigitsAt(zone, 4, 2);
    } else if (zone.size() == 5) {
        minutes = DigitsAt(zone, 3, 2);
    } else if (zone.size() != 3) {
        return std::nullopt;
    }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
    const std::int64_t offset = hours * 3600 + minutes * 60;
    return zone[0] == '-' ? -offset : offset;
}

}  // namespace

bool IsIsoDate(std::string_view text) { return text.size() == 10 && DayOf(text).has_value(); }

std::optional<std::int64_t> ParseIsoDateTime(std::string_view text) {
    const auto day = DayOf(text);
    if (!day || text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
        return std::nullopt;
    }
    const int hour = DigitsAt(text, 11, 2);
    const int minute = DigitsAt(text, 14, 2);
    int second = 0;
    std::size_t at = 16;
    if (at < text.size() && text[at] == ':') {
        second = DigitsAt(text, at + 1, 2);
        at += 3;
        if (at < text.size() && text[at] == '.') {  // fractions of a second are dropped
            ++at;
            while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return std::nullopt;
    }
    const auto offset = ZoneOffset(text.substr(at));
    if (!offset) return std::nullopt;
    const std::int64_t days = day->time_since_epoch().count();
    return days * 86400 + hour * 3600 + minute * 60 + second - *offset;
}

std::string IsoOfSeconds(std::int64_t seconds) {
    return date::format("%FT%TZ", date::sys_seconds(std::chrono::seconds(seconds)));
}

std::string DateOf(Timestamp at) { return date::format("%F", std::chrono::floor<date::days>(at)); }

std::pair<std::string, std::string> WorkWeekOf(Timestamp at) {
    const date::sys_days today = std::chrono::floor<date::days>(at);
    const date::weekday weekday{today};
    // c_encoding: Sunday is 0; the work week runs Monday to Sunday.
    const unsigned since_monday = (weekday.c_encoding() + 6) % 7;
    const date::sys_days monday = today - date::days(since_monday);
    return {date::format("%F", monday), date::format("%F", monday + date::days(6))};
}

std::string HoursText(double hours) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", hours);
    return text;
}

}  // namespace crewsync::emulator
