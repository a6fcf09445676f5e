// Field-by-field comparison of two versions of a record: the names of the fields
// that differ, in the order the record declares them. Used by the change journal,
// by import previews ("would change: email, job_title") and later by the sync core.
#pragma once

#include <string>
#include <vector>

#include "model/assignment.hpp"
#include "model/classification.hpp"
#include "model/group.hpp"
#include "model/person.hpp"
#include "model/project.hpp"
#include "model/time_entry.hpp"

namespace crewsync {

std::vector<std::string> ChangedFields(const Person& before, const Person& after);
std::vector<std::string> ChangedFields(const Project& before, const Project& after);
std::vector<std::string> ChangedFields(const Group& before, const Group& after);
std::vector<std::string> ChangedFields(const Classification& before, const Classification& after);
std::vector<std::string> ChangedFields(const Assignment& before, const Assignment& after);
std::vector<std::string> ChangedFields(const TimeEntry& before, const TimeEntry& after);

}  // namespace crewsync
