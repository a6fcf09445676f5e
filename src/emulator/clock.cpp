#include "emulator/clock.hpp"

#include <date/date.h>

namespace crewsync::emulator {

std::string IsoSeconds(Timestamp at) {
    return date::format("%FT%TZ", std::chrono::time_point_cast<std::chrono::seconds>(at));
}

}  // namespace crewsync::emulator
