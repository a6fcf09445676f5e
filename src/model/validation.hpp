// Validation of workforce records. Each function returns every problem it finds,
// each tied to its field, so a user can fix a record (or a CSV row) in one pass.
// An empty vector means the record is valid.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/assignment.hpp"
#include "model/classification.hpp"
#include "model/error.hpp"
#include "model/group.hpp"
#include "model/person.hpp"
#include "model/project.hpp"
#include "model/time_entry.hpp"

namespace crewsync {

// What a record may refer to: the names of the workspace's groups and
// classifications, compared case-insensitively.
class ValidationContext {
public:
    void AddGroup(std::string_view name);
    void AddClassification(std::string_view name);
    bool HasGroup(std::string_view name) const;
    bool HasClassification(std::string_view name) const;

private:
    std::set<std::string> groups_;           // lower-cased
    std::set<std::string> classifications_;  // lower-cased
};

// Longest text accepted in any single field.
inline constexpr std::size_t kMaxFieldLength = 255;
// Hours one time entry may hold.
inline constexpr int kMaxHundredthsPerEntry = 24 * 100;

std::vector<FieldProblem> ValidatePerson(const Person& person, const ValidationContext& context);
std::vector<FieldProblem> ValidateProject(const Project& project, const ValidationContext& context);
std::vector<FieldProblem> ValidateGroup(const Group& group);
std::vector<FieldProblem> ValidateClassification(const Classification& classification);
// `person` is the assigned person as stored (its type decides whether it may be assigned).
std::vector<FieldProblem> ValidateAssignment(const Assignment& assignment, const Person& person);
// `person` is the person the hours belong to. Also checks that hours agree with
// time in/out when both are given.
std::vector<FieldProblem> ValidateTimeEntry(const TimeEntry& entry, const Person& person,
                                            const ValidationContext& context);

// Paid hours between time in and time out less lunch; nullopt when out is not after in.
std::optional<Hours> HoursBetween(TimeOfDay time_in, TimeOfDay time_out, int lunch_minutes);

// Turns problems into one kInvalidArgument error: "<what> is not valid" + the problems.
Error InvalidRecord(std::string_view what, std::vector<FieldProblem> problems);

}  // namespace crewsync
