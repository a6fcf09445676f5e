// The rules for changing workforce records, shared by the CLI and (later) the REST
// API: validation against the workspace's groups and classifications, duplicate
// checks, and type rules. Each function works inside the caller's transaction and
// writes nothing when it fails.
#pragma once

#include "model/error.hpp"
#include "model/validation.hpp"
#include "store/store.hpp"

namespace crewsync::records {

// The groups and classifications records may name.
Result<ValidationContext> LoadValidationContext(store::Transaction& tx);

struct PersonWriteOptions {
    // Allow an e-mail or employee ID that another person already has. Linking reports such
    // people as duplicates and syncs neither until resolved.
    bool allow_duplicate = false;
};

// Validates and stores a new person; returns its id.
Result<PersonId> AddPerson(store::Transaction& tx, Person person, const PersonWriteOptions& options);
// Validates and stores an edited person (person.id names it).
Status UpdatePerson(store::Transaction& tx, const Person& person, const PersonWriteOptions& options);
// kConflict when another person already has the e-mail or employee ID.
Status CheckPersonKeysAreFree(store::Transaction& tx, const Person& person);

// Projects: the project number, when given, must be unique (kConflict otherwise).
Result<ProjectId> AddProject(store::Transaction& tx, Project project);
Status UpdateProject(store::Transaction& tx, const Project& project);

Result<GroupId> AddGroup(store::Transaction& tx, const Group& group);
Status UpdateGroup(store::Transaction& tx, const Group& group);
Result<ClassificationId> AddClassification(store::Transaction& tx, const Classification& c);
Status UpdateClassification(store::Transaction& tx, const Classification& c);

// Assignments: the person must be assignable (type assignable or both).
Result<AssignmentId> AddAssignment(store::Transaction& tx, const Assignment& assignment);
Status UpdateAssignment(store::Transaction& tx, const Assignment& assignment);

// Time entries: hours are derived from time in/out when not given.
Result<TimeEntryId> AddTimeEntry(store::Transaction& tx, TimeEntry entry);
Status UpdateTimeEntry(store::Transaction& tx, TimeEntry entry);

}  // namespace crewsync::records
