#include "emulator/project_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

bool AllDigits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int DigitsOf(std::string_view text) {
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

}  // namespace

std::optional<Json> TextValue(const Json& value) {
    if (value.is_string() || value.is_null()) return value;
    if (value.is_number_integer()) return Json(value.dump());
    return std::nullopt;
}

std::optional<bool> BooleanValue(const Json& value) {
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        if (text == "true" || text == "1") return true;
        if (text == "false" || text == "0") return false;
    }
    return std::nullopt;
}

std::optional<Json> IntegerValue(const Json& value) {
    if (value.is_number_integer() || value.is_null()) return value;
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        std::int64_t number = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc() && end == text.data() + text.size()) return Json(number);
    }
    return std::nullopt;
}

std::optional<Json> NumberValue(const Json& value) {
    if (value.is_number() || value.is_null()) return value;
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        double number = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc() && end == text.data() + text.size() && std::isfinite(number)) {
            return Json(number);
        }
    }
    return std::nullopt;
}

bool IsCalendarDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const std::string_view year = text.substr(0, 4);
    const std::string_view month = text.substr(5, 2);
    const std::string_view day = text.substr(8, 2);
    if (!AllDigits(year) || !AllDigits(month) || !AllDigits(day)) return false;
    const int y = DigitsOf(year);
    const int m = DigitsOf(month);
    const int d = DigitsOf(day);
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= last;
}

std::string DecimalText(double value) {
    if (std::trunc(value) == value && std::fabs(value) < 1e15) {
        char text[32];
        std::snprintf(text, sizeof text, "%lld.0", static_cast<long long>(value));
        return text;
    }
    return Json(value).dump();
}

bool IsBlank(const Json& value) {
    return value.is_null() || (value.is_string() && Trim(value.get<std::string>()).empty());
}

}  // namespace crewsync::emulator
