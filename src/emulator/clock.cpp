#include "emulator/clock.hpp"

#include <cstdio>

#include <date/date.h>

namespace crewsync::emulator {

std::string IsoSeconds(Timestamp at) {
    // By hand rather than date::format, which goes through an ostringstream: this runs for
    // every record of a generated Directory.
    const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
    const auto day = std::chrono::floor<date::days>(seconds);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss time{seconds - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return text;
}

}  // namespace crewsync::emulator
