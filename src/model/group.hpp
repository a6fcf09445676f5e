// A named slice of the company (a region, a branch). People and projects belong to groups.
#pragma once

#include <string>

#include "model/ids.hpp"

namespace crewsync {

struct Group {
    GroupId id;
    std::string name;  // unique in a workspace, compared without regard to case
    std::string description;

    bool operator==(const Group&) const = default;
};

}  // namespace crewsync
