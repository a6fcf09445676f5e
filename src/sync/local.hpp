// What crewsync knows of its own side: the workforce records plus when each last changed (for
// "newest wins" in two-way mode).
#pragma once

#include <string>
#include <vector>

#include "model/clock.hpp"
#include "model/person.hpp"
#include "model/project.hpp"

namespace crewsync::sync {

struct LocalPerson {
    Person person;
    Timestamp modified_at{};  // last change of any mapped field; from the change journal
};

struct LocalProject {
    Project project;
    Timestamp modified_at{};
};

struct LocalSnapshot {
    std::vector<LocalPerson> people;
    std::vector<LocalProject> projects;
    std::vector<std::string> group_names;  // projects imported from Procore join every group
};

}  // namespace crewsync::sync
