// Importing Procore users as people (product.md §6), for workspaces where Procore is the source
// of truth for workers: `crewsync workers import`, run kind "workers".
//
// Every active Directory user that is marked as an employee and has a first name, last name,
// e-mail and mobile phone becomes (or updates) a crewsync person; the others are skipped and
// the run log says which field was missing. A user is matched to a person by the link an
// earlier import (or sync) stored, else by e-mail to a person no other Directory user is linked
// to, else a new person of type `both` is created; the link is stored, so a re-run updates and
// never duplicates. With time.classification_sync on, a classification sync runs first and the
// user's work classification becomes the person's position.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/classification_sync.hpp"
#include "engine/sync_run.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "model/person.hpp"
#include "model/validation.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/remote.hpp"

namespace crewsync::engine {

enum class WorkerAction {
    kCreate,     // a new person
    kUpdate,     // the linked person, with changed fields
    kLink,       // an unlinked person with the user's e-mail: linked (and updated if needed)
    kUnchanged,  // the linked person already holds the user's values
    kSkip,       // a required field is missing, or the user is not an employee
    kConflict,   // the e-mail or employee ID points at people the import must not touch
    kInvalid,    // the person the user would make fails crewsync's validation
};

// The run log's action: "create person", "update person", "link", "unchanged", "skip" (for
// skips and conflicts) and "import" (for people that fail validation).
const char* ActionName(WorkerAction action);

// What the import does with one Directory user.
struct WorkerStep {
    WorkerAction action = WorkerAction::kSkip;
    sync::ProcoreId user_id = 0;
    Person person;           // as it will be stored (id 0 for a create)
    std::string label;       // "Ana Lopez <ana@example.com>"
    std::string message;     // what changes, or why nothing is written
};

struct WorkersPlan {
    // The classification sync that runs first; nullopt when the setting is off.
    std::optional<ClassificationPlan> classifications;
    std::vector<WorkerStep> steps;  // one per active Directory user, in Procore's order

    std::int64_t Count(WorkerAction action) const;
};

// Everything the plan is made from.
struct WorkersInputs {
    std::vector<Person> people;
    std::vector<store::LinkRow> links;
    std::vector<sync::RemoteUser> users;  // active Directory users
    // Procore's work classifications, which the users' work_classification_id name; and the
    // positions crewsync holds (or will, once the classification sync has run).
    std::vector<sync::RemoteClassification> classifications;
    std::vector<std::string> positions;
    ValidationContext validation;  // groups and classifications people may name
    bool classification_sync = false;
};

// Decides, user by user, what the import does. Pure: reads nothing, writes nothing.
std::vector<WorkerStep> PlanWorkers(const WorkersInputs& inputs);

struct WorkersImportRequest {
    bool dry_run = false;
    std::string trigger = "manual";
};

struct WorkersEnvironment {
    store::Store& store;
    procore::ProcoreApi& api;
    const Clock& clock;
    bool classification_sync = false;  // the setting time.classification_sync
    std::string lock_path;             // the workspace's run lock file
    SyncProgress progress;             // may be empty
    std::size_t batch = 500;           // people written per store transaction
};

struct WorkersOutcome {
    store::RunRecord run;  // id 0 for a dry run
    WorkersPlan plan;
    std::int64_t interrupted_runs = 0;
    std::optional<Error> stopped_by;  // why the run ended early
};

// Runs an import. A dry run reads both sides and plans, and writes nothing anywhere: no
// classification, person, link or run log. Errors before the run could start (the lock is
// held) come back as errors; a run that starts ends "succeeded", "partial" (some people or
// classifications failed) or "failed" (Procore could not be read, or a write stopped it; what
// was written stays, and the next run does the rest).
Result<WorkersOutcome> RunWorkersImport(const WorkersImportRequest& request,
                                        WorkersEnvironment& env);

}  // namespace crewsync::engine
