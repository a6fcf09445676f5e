// A project (job site) in the workforce plan (product.md §2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/enums.hpp"
#include "model/ids.hpp"

namespace crewsync {

struct Project {
    ProjectId id;  // 0 until stored
    std::string name;
    std::string project_number;
    RecordStatus status = RecordStatus::kActive;
    std::optional<Date> start_date;
    std::optional<Date> planned_end_date;
    std::string address;
    std::string city;
    std::string postal_code;
    std::string time_zone;  // IANA name ("America/Chicago") or "" for the workspace's
    std::vector<std::string> groups;  // group names

    bool operator==(const Project&) const = default;
};

}  // namespace crewsync
