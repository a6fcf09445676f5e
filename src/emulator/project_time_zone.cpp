#include "emulator/project_time_zone.hpp"

#include <string_view>
#include <utility>

namespace crewsync::emulator {
namespace {

// Rails' ActiveSupport::TimeZone names (a subset: the Americas, Europe, Asia-Pacific) with
// their tz zones, then tz names Procore customers use directly, then legacy US/* links.
constexpr std::pair<std::string_view, std::string_view> kZones[] = {
    {"International Date Line West", "Etc/GMT+12"},
    {"Midway Island", "Pacific/Midway"},
    {"American Samoa", "Pacific/Pago_Pago"},
    {"Hawaii", "Pacific/Honolulu"},
    {"Alaska", "America/Juneau"},
    {"Pacific Time (US & Canada)", "America/Los_Angeles"},
    {"Tijuana", "America/Tijuana"},
    {"Mountain Time (US & Canada)", "America/Denver"},
    {"Arizona", "America/Phoenix"},
    {"Chihuahua", "America/Chihuahua"},
    {"Mazatlan", "America/Mazatlan"},
    {"Central Time (US & Canada)", "America/Chicago"},
    {"Saskatchewan", "America/Regina"},
    {"Guadalajara", "America/Mexico_City"},
    {"Mexico City", "America/Mexico_City"},
    {"Monterrey", "America/Monterrey"},
    {"Central America", "America/Guatemala"},
    {"Eastern Time (US & Canada)", "America/New_York"},
    {"Indiana (East)", "America/Indiana/Indianapolis"},
    {"Bogota", "America/Bogota"},
    {"Lima", "America/Lima"},
    {"Quito", "America/Lima"},
    {"Atlantic Time (Canada)", "America/Halifax"},
    {"Puerto Rico", "America/Puerto_Rico"},
    {"Caracas", "America/Caracas"},
    {"La Paz", "America/La_Paz"},
    {"Santiago", "America/Santiago"},
    {"Newfoundland", "America/St_Johns"},
    {"Brasilia", "America/Sao_Paulo"},
    {"Buenos Aires", "America/Argentina/Buenos_Aires"},
    {"UTC", "Etc/UTC"},
    {"Edinburgh", "Europe/London"},
    {"London", "Europe/London"},
    {"Lisbon", "Europe/Lisbon"},
    {"Dublin", "Europe/Dublin"},
    {"Amsterdam", "Europe/Amsterdam"},
    {"Berlin", "Europe/Berlin"},
    {"Brussels", "Europe/Brussels"},
    {"Madrid", "Europe/Madrid"},
    {"Paris", "Europe/Paris"},
    {"Rome", "Europe/Rome"},
    {"Stockholm", "Europe/Stockholm"},
    {"Vienna", "Europe/Vienna"},
    {"Warsaw", "Europe/Warsaw"},
    {"Zurich", "Europe/Zurich"},
    {"Athens", "Europe/Athens"},
    {"Helsinki", "Europe/Helsinki"},
    {"Jerusalem", "Asia/Jerusalem"},
    {"Cairo", "Africa/Cairo"},
    {"Johannesburg", "Africa/Johannesburg"},
    {"Moscow", "Europe/Moscow"},
    {"Riyadh", "Asia/Riyadh"},
    {"Abu Dhabi", "Asia/Muscat"},
    {"Mumbai", "Asia/Kolkata"},
    {"New Delhi", "Asia/Kolkata"},
    {"Singapore", "Asia/Singapore"},
    {"Hong Kong", "Asia/Hong_Kong"},
    {"Beijing", "Asia/Shanghai"},
    {"Tokyo", "Asia/Tokyo"},
    {"Seoul", "Asia/Seoul"},
    {"Perth", "Australia/Perth"},
    {"Adelaide", "Australia/Adelaide"},
    {"Darwin", "Australia/Darwin"},
    {"Brisbane", "Australia/Brisbane"},
    {"Canberra", "Australia/Canberra"},
    {"Melbourne", "Australia/Melbourne"},
    {"Sydney", "Australia/Sydney"},
    {"Hobart", "Australia/Hobart"},
    {"Auckland", "Pacific/Auckland"},
    {"Wellington", "Pacific/Auckland"},
    {"America/Anchorage", "America/Anchorage"},
    {"America/Boise", "America/Boise"},
    {"America/Detroit", "America/Detroit"},
    {"America/Edmonton", "America/Edmonton"},
    {"America/Toronto", "America/Toronto"},
    {"America/Vancouver", "America/Vancouver"},
    {"America/Winnipeg", "America/Winnipeg"},
    {"US/Alaska", "America/Anchorage"},
    {"US/Arizona", "America/Phoenix"},
    {"US/Central", "America/Chicago"},
    {"US/Eastern", "America/New_York"},
    {"US/Hawaii", "Pacific/Honolulu"},
    {"US/Mountain", "America/Denver"},
    {"US/Pacific", "America/Los_Angeles"},
};

}  // namespace

std::optional<std::string> TzNameOf(const std::string& zone) {
    for (const auto& [name, tz] : kZones) {
        // A tz name stands for itself: every zone some Rails name maps to is accepted.
        if (name == zone || tz == zone) return std::string(tz);
    }
    return std::nullopt;
}

}  // namespace crewsync::emulator
