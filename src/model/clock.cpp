#include "model/clock.hpp"

#include <cstdio>

namespace crewsync {

std::string FormatTimestamp(Timestamp at) {
    using namespace std::chrono;
    const auto day = floor<days>(at);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> tod{at - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(tod.hours().count()),
                  static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count()),
                  static_cast<int>(tod.subseconds().count()));
    return buf;
}

}  // namespace crewsync
