// A trade classification or position, e.g. "Journeyman Electrician" (JE).
#pragma once

#include <string>

#include "model/enums.hpp"
#include "model/ids.hpp"

namespace crewsync {

struct Classification {
    ClassificationId id;
    std::string name;          // unique in a workspace, compared without regard to case
    std::string abbreviation;  // optional short code, as Procore's work classifications have
    RecordStatus status = RecordStatus::kActive;

    bool operator==(const Classification&) const = default;
};

}  // namespace crewsync
