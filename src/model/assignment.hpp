// A person on a project for a date range. Only assignable and both-type people.
#pragma once

#include <string>

#include "model/date.hpp"
#include "model/ids.hpp"

namespace crewsync {

struct Assignment {
    AssignmentId id;
    PersonId person;
    ProjectId project;
    Date start_date{};
    Date end_date{};  // inclusive; equal to start_date for a one-day assignment
    std::string note;

    bool operator==(const Assignment&) const = default;
};

}  // namespace crewsync
