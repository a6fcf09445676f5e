#include "procore/wire_values.hpp"

#include <cstdio>

namespace crewsync::procore::internal {
namespace {

using namespace std::chrono;

// Reads exactly `count` digits at `pos` into `value`.
bool Digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

std::optional<Date> DateAt(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (!Digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !Digits(text, 5, 2, m) ||
        text[7] != '-' || !Digits(text, 8, 2, d)) {
        return std::nullopt;
    }
    const Date date{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
    if (!date.ok()) return std::nullopt;
    return date;
}

struct ZoneName {
    std::string_view rails;
    std::string_view iana;
};
// Rails' names for the US zones (ActiveSupport::TimeZone::MAPPING); the first IANA name of a
// Rails name is the one it maps back to.
constexpr ZoneName kZones[] = {
    {"Eastern Time (US & Canada)", "America/New_York"},
    {"Central Time (US & Canada)", "America/Chicago"},
    {"Mountain Time (US & Canada)", "America/Denver"},
    {"Pacific Time (US & Canada)", "America/Los_Angeles"},
    {"Arizona", "America/Phoenix"},
    {"Alaska", "America/Juneau"},
    {"Hawaii", "Pacific/Honolulu"},
    {"Indiana (East)", "America/Indiana/Indianapolis"},
    {"Puerto Rico", "America/Puerto_Rico"},
};

}  // namespace

std::optional<Timestamp> ParseIsoTimestamp(std::string_view text) {
    const std::optional<Date> date = DateAt(text);
    if (!date || text.size() < 19 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
        return std::nullopt;
    }
    int h = 0, mi = 0, s = 0;
    if (!Digits(text, 11, 2, h) || text[13] != ':' || !Digits(text, 14, 2, mi) ||
        text[16] != ':' || !Digits(text, 17, 2, s) || h > 23 || mi > 59 || s > 60) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    int millis = 0;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        std::size_t digits = 0;
        for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits) {
            if (digits < 3) millis = millis * 10 + (text[pos] - '0');
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) millis *= 10;
    }
    int offset_minutes = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!Digits(text, pos + 1, 2, oh)) return std::nullopt;
        pos += 3;
        if (pos < text.size() && text[pos] == ':') ++pos;
        if (!Digits(text, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
        pos += 2;
        offset_minutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;  // a time without an offset means nothing on the wire
    }
    if (pos != text.size()) return std::nullopt;
    return Timestamp(sys_days(*date) + hours(h) + minutes(mi) + seconds(s) + milliseconds(millis) -
                     minutes(offset_minutes));
}

std::string FormatIsoTimestamp(Timestamp at) {
    const auto day = floor<days>(at);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> tod{at - day};
    char buf[40];
    const int ms = static_cast<int>(tod.subseconds().count());
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                  static_cast<int>(tod.seconds().count()));
    std::string out(buf);
    if (ms != 0) {
        std::snprintf(buf, sizeof buf, ".%03d", ms);
        out += buf;
    }
    out += 'Z';
    return out;
}

std::optional<Date> ParseWireDate(std::string_view text) {
    if (text.size() != 10 && (text.size() < 11 || (text[10] != 'T' && text[10] != ' '))) {
        return std::nullopt;
    }
    return DateAt(text);
}

std::string_view IanaFromRails(std::string_view name) {
    for (const ZoneName& z : kZones) {
        if (z.rails == name) return z.iana;
    }
    return name;
}

std::string_view RailsFromIana(std::string_view name) {
    for (const ZoneName& z : kZones) {
        if (z.iana == name) return z.rails;
    }
    return name;
}

}  // namespace crewsync::procore::internal
