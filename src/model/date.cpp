#include "model/date.hpp"

#include <charconv>
#include <cstdio>

namespace crewsync {
namespace {

bool ParseDigits(std::string_view text, int& out) {
    if (text.empty()) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!ParseDigits(text.substr(0, 4), y) || !ParseDigits(text.substr(5, 2), m) ||
        !ParseDigits(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string FormatDate(Date date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

std::optional<TimeOfDay> ParseTimeOfDay(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
    if (text.size() - colon - 1 != 2) return std::nullopt;
    int h = 0, m = 0;
    if (!ParseDigits(text.substr(0, colon), h) || !ParseDigits(text.substr(colon + 1), m)) {
        return std::nullopt;
    }
    if (h > 23 || m > 59) return std::nullopt;
    return TimeOfDay{h * 60 + m};
}

std::string FormatTimeOfDay(TimeOfDay time) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", time.minutes / 60, time.minutes % 60);
    return buf;
}

std::optional<Hours> ParseHours(std::string_view text) {
    const auto dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() && fraction.empty()) return std::nullopt;
    if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
    if (fraction.size() > 2 || whole.size() > 6) return std::nullopt;
    int w = 0, f = 0;
    if (!whole.empty() && !ParseDigits(whole, w)) return std::nullopt;
    if (!fraction.empty()) {
        if (!ParseDigits(fraction, f)) return std::nullopt;
        if (fraction.size() == 1) f *= 10;
    }
    return Hours{w * 100 + f};
}

std::string FormatHours(Hours hours) {
    const int whole = hours.hundredths / 100;
    const int fraction = hours.hundredths % 100;
    char buf[32];
    if (fraction == 0) {
        std::snprintf(buf, sizeof buf, "%d", whole);
    } else if (fraction % 10 == 0) {
        std::snprintf(buf, sizeof buf, "%d.%d", whole, fraction / 10);
    } else {
        std::snprintf(buf, sizeof buf, "%d.%02d", whole, fraction);
    }
    return buf;
}

}  // namespace crewsync
