// How users name records on the command line and in CSV files.
//
// A person is named by employee ID, by e-mail, or by crewsync id written "#12".
// A bare number is an employee ID when someone has that employee ID, else a crewsync id.
// A project is named by project number, or "#12", or a bare number as above, or its name.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "store/store.hpp"

namespace crewsync::records {

// Where references are looked up: the store for single commands, in-memory indexes
// for imports. Every lookup returns the matching ids in ascending order.
struct PersonLookup {
    std::function<Result<std::vector<PersonId>>(std::string_view email)> by_email;
    std::function<Result<std::vector<PersonId>>(std::string_view employee_id)> by_employee_id;
    std::function<Result<bool>(PersonId)> exists;
};
struct ProjectLookup {
    std::function<Result<std::vector<ProjectId>>(std::string_view number)> by_number;
    std::function<Result<std::vector<ProjectId>>(std::string_view name)> by_name;
    std::function<Result<bool>(ProjectId)> exists;
};

// The rules above, over any lookup. kNotFound when nothing matches; kConflict when
// several records do (the message lists them and says how to pick one).
Result<PersonId> ResolvePersonId(std::string_view ref, const PersonLookup& lookup);
Result<ProjectId> ResolveProjectId(std::string_view ref, const ProjectLookup& lookup);

// The one person `ref` names. kNotFound when nobody matches; kConflict when several do
// (the message lists them and says how to pick one).
Result<Person> ResolvePerson(store::Transaction& tx, std::string_view ref);
Result<Project> ResolveProject(store::Transaction& tx, std::string_view ref);

// "#12 Jane Doe" — for messages.
std::string Describe(const Person& person);
std::string Describe(const Project& project);

}  // namespace crewsync::records
