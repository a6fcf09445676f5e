#include "model/time_zone.hpp"

#include <stdexcept>
#include <string>

#include <date/tz.h>

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

}  // namespace crewsync
