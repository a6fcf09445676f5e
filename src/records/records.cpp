#include "records/records.hpp"

#include <fmt/format.h>

#include "records/references.hpp"

namespace crewsync::records {
namespace {

Status Valid(std::string_view what, std::vector<FieldProblem> problems) {
    if (problems.empty()) return Ok();
    return Fail(InvalidRecord(what, std::move(problems)));
}

Result<Person> LoadPerson(store::Transaction& tx, PersonId id) {
    CREWSYNC_ASSIGN_OR_RETURN(auto person, tx.GetPerson(id));
    if (!person) return Fail(ErrorCode::kNotFound, fmt::format("no person with id #{}", id.value()));
    return *person;
}

Result<Project> LoadProject(store::Transaction& tx, ProjectId id) {
    CREWSYNC_ASSIGN_OR_RETURN(auto project, tx.GetProject(id));
    if (!project) {
        return Fail(ErrorCode::kNotFound, fmt::format("no project with id #{}", id.value()));
    }
    return *project;
}

Status CheckProjectNumberIsFree(store::Transaction& tx, const Project& project) {
    if (project.project_number.empty()) return Ok();
    CREWSYNC_ASSIGN_OR_RETURN(auto ids, tx.FindProjectsByNumber(project.project_number));
    for (ProjectId id : ids) {
        if (id == project.id) continue;
        CREWSYNC_ASSIGN_OR_RETURN(auto other, LoadProject(tx, id));
        return Fail(ErrorCode::kConflict, fmt::format("project number '{}' is already used by {}",
                                                      project.project_number, Describe(other)));
    }
    return Ok();
}

Status ValidateAssignmentFor(store::Transaction& tx, const Assignment& a) {
    CREWSYNC_ASSIGN_OR_RETURN(auto person, LoadPerson(tx, a.person));
    CREWSYNC_TRY(LoadProject(tx, a.project));
    return Valid("assignment", ValidateAssignment(a, person));
}

Status ValidateTimeEntryFor(store::Transaction& tx, const TimeEntry& e) {
    CREWSYNC_ASSIGN_OR_RETURN(auto person, LoadPerson(tx, e.person));
    CREWSYNC_TRY(LoadProject(tx, e.project));
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(tx));
    return Valid("time entry", ValidateTimeEntry(e, person, context));
}

}  // namespace

Result<ValidationContext> LoadValidationContext(store::Transaction& tx) {
    ValidationContext context;
    CREWSYNC_ASSIGN_OR_RETURN(auto groups, tx.ListGroups());
    for (const auto& g : groups) context.AddGroup(g.name);
    CREWSYNC_ASSIGN_OR_RETURN(auto classifications, tx.ListClassifications());
    for (const auto& c : classifications) context.AddClassification(c.name);
    return context;
}

Status CheckPersonKeysAreFree(store::Transaction& tx, const Person& person) {
    auto check = [&](std::string_view what, std::string_view value,
                     const std::vector<PersonId>& ids) -> Status {
        for (PersonId id : ids) {
            if (id == person.id) continue;
            CREWSYNC_ASSIGN_OR_RETURN(auto other, LoadPerson(tx, id));
            return Fail(ErrorCode::kConflict,
                        fmt::format("{} '{}' is already used by {}; to keep both, allow the "
                                    "duplicate (linking will then flag them as duplicates)",
                                    what, value, Describe(other)));
        }
        return Ok();
    };
    if (!person.email.empty()) {
        CREWSYNC_ASSIGN_OR_RETURN(auto ids, tx.FindPeopleByEmail(person.email));
        CREWSYNC_TRY(check("e-mail", person.email, ids));
    }
    if (!person.employee_id.empty()) {
        CREWSYNC_ASSIGN_OR_RETURN(auto ids, tx.FindPeopleByEmployeeId(person.employee_id));
        CREWSYNC_TRY(check("employee ID", person.employee_id, ids));
    }
    return Ok();
}

Result<PersonId> AddPerson(store::Transaction& tx, Person person,
                           const PersonWriteOptions& options) {
    person.id = PersonId{};
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(tx));
    CREWSYNC_TRY(Valid("person", ValidatePerson(person, context)));
    if (!options.allow_duplicate) CREWSYNC_TRY(CheckPersonKeysAreFree(tx, person));
    return tx.InsertPerson(person);
}

Status UpdatePerson(store::Transaction& tx, const Person& person,
                    const PersonWriteOptions& options) {
    CREWSYNC_TRY(LoadPerson(tx, person.id));
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(tx));
    CREWSYNC_TRY(Valid("person", ValidatePerson(person, context)));
    if (!options.allow_duplicate) CREWSYNC_TRY(CheckPersonKeysAreFree(tx, person));
    return tx.UpdatePerson(person);
}

Result<ProjectId> AddProject(store::Transaction& tx, Project project) {
    project.id = ProjectId{};
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(tx));
    CREWSYNC_TRY(Valid("project", ValidateProject(project, context)));
    CREWSYNC_TRY(CheckProjectNumberIsFree(tx, project));
    return tx.InsertProject(project);
}

Status UpdateProject(store::Transaction& tx, const Project& project) {
    CREWSYNC_TRY(LoadProject(tx, project.id));
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(tx));
    CREWSYNC_TRY(Valid("project", ValidateProject(project, context)));
    CREWSYNC_TRY(CheckProjectNumberIsFree(tx, project));
    return tx.UpdateProject(project);
}

Result<GroupId> AddGroup(store::Transaction& tx, const Group& group) {
    CREWSYNC_TRY(Valid("group", ValidateGroup(group)));
    return tx.InsertGroup(group);
}

Status UpdateGroup(store::Transaction& tx, const Group& group) {
    CREWSYNC_TRY(Valid("group", ValidateGroup(group)));
    return tx.UpdateGroup(group);
}

Result<ClassificationId> AddClassification(store::Transaction& tx, const Classification& c) {
    CREWSYNC_TRY(Valid("classification", ValidateClassification(c)));
    return tx.InsertClassification(c);
}

Status UpdateClassification(store::Transaction& tx, const Classification& c) {
    CREWSYNC_TRY(Valid("classification", ValidateClassification(c)));
    return tx.UpdateClassification(c);
}

Result<AssignmentId> AddAssignment(store::Transaction& tx, const Assignment& assignment) {
    CREWSYNC_TRY(ValidateAssignmentFor(tx, assignment));
    return tx.InsertAssignment(assignment);
}

Status UpdateAssignment(store::Transaction& tx, const Assignment& assignment) {
    CREWSYNC_TRY(ValidateAssignmentFor(tx, assignment));
    return tx.UpdateAssignment(assignment);
}

Result<TimeEntryId> AddTimeEntry(store::Transaction& tx, TimeEntry entry) {
    DeriveHours(entry);
    CREWSYNC_TRY(ValidateTimeEntryFor(tx, entry));
    return tx.InsertTimeEntry(entry);
}

Status UpdateTimeEntry(store::Transaction& tx, TimeEntry entry) {
    DeriveHours(entry);
    CREWSYNC_TRY(ValidateTimeEntryFor(tx, entry));
    return tx.UpdateTimeEntry(entry);
}

}  // namespace crewsync::records
