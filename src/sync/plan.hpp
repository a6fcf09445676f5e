// The plan (product.md §3, §5, §7): the ordered operations a run would execute. A dry run prints
// it; a real run hands it to the executor, which performs each operation and records the links
// and baselines the plan names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/link_report.hpp"

namespace crewsync::sync {

enum class OperationKind {
    kLink,             // store a link (no Procore call)
    kCreateUser,       // Procore: create a Directory User (never invited)
    kCreateContact,    // Procore: create a Directory Contact
    kCreateProject,    // Procore: create a project (no template)
    kUpdateRemote,     // Procore: change mapped fields of a linked record
    kDeactivateRemote, // Procore: deactivate a linked record
    kReactivateRemote, // Procore: reactivate a linked record
    kUpdateLocal,      // crewsync: take fields from Procore (two-way, or projects owned by Procore)
    kImportProject,    // crewsync: add a project created in Procore
    kImportPerson,     // crewsync: add a Directory employee (two-way mode only)
};

// "link", "create user", "create contact", "create project", "update", "deactivate",
// "reactivate", "update crewsync", "import project", "import person".
const char* Name(OperationKind kind);

// How a two-way conflict was settled.
struct ConflictResolution {
    std::string local;    // crewsync's value
    std::string remote;   // the Directory's value
    std::string winner;   // "crewsync" | "procore"
    std::string rule;     // "newest wins (crewsync changed later)", "crewsync wins", …

    bool operator==(const ConflictResolution&) const = default;
};

struct FieldChange {
    std::string field;   // crewsync field key
    std::string before;  // "" on create
    std::string after;
    bool reset = false;  // one-way: the Directory's own edit is put back (`before` is what it had)
    std::optional<ConflictResolution> conflict;

    bool operator==(const FieldChange&) const = default;
};

struct Operation {
    OperationKind kind = OperationKind::kLink;
    LocalKind local_kind = LocalKind::kPerson;
    std::int64_t local_id = 0;       // 0 for imports (the crewsync record does not exist yet)
    RemoteKind remote_kind = RemoteKind::kUser;
    ProcoreId remote_id = 0;         // 0 for creates
    std::string label;
    std::string reason;              // why, in plain words ("type changed to user")
    std::vector<FieldChange> changes;  // updates; for creates and imports, every value set
    std::string origin_id;           // creates: what to write into Procore's origin_id
    std::int64_t permission_template_id = 0;  // kCreateUser: 0 = none
    LinkOrigin link_origin = LinkOrigin::kMatched;  // kLink

    bool operator==(const Operation&) const = default;
};

struct PlanCounts {
    std::int64_t links = 0, creates = 0, updates = 0, resets = 0, deactivations = 0,
                 reactivations = 0, local_updates = 0, imports = 0, conflicts = 0,
                 unchanged = 0, skipped = 0;

    bool operator==(const PlanCounts&) const = default;
};

struct Plan {
    std::vector<Operation> operations;
    // What to remember as last synced once a record's operations all succeed; only those that
    // differ from the stored baselines (so an up-to-date company gives an empty plan).
    std::vector<PersonBaseline> person_baselines;
    std::vector<ProjectBaseline> project_baselines;
    PlanCounts counts;
    std::int64_t linked_records = 0;  // links in force before the run (for the mass-change guard)

    bool Empty() const {
        return operations.empty() && person_baselines.empty() && project_baselines.empty();
    }
};

// The plan for `report` (which must come from the same inputs). Records the report holds back
// (conflicts, duplicates, suggestions, out of scope) get no operations and count as skipped.
Plan BuildPlan(const LocalSnapshot& local, const RemoteSnapshot& remote, const SyncState& state,
               const Settings& settings, const LinkReport& report);

// BuildLinkReport then BuildPlan.
Plan BuildPlan(const LocalSnapshot& local, const RemoteSnapshot& remote, const SyncState& state,
               const Settings& settings);

// The mass-change guard (product.md §7): whether the plan would deactivate or change mapped
// fields of more Procore records than the settings allow, and the message saying so.
struct GuardDecision {
    bool blocked = false;
    std::int64_t affected = 0;   // linked Procore records the plan deactivates or changes
    std::int64_t linked = 0;
    std::int64_t limit = 0;      // the most it may touch without approval
    std::string message;
};
GuardDecision CheckMassChange(const Plan& plan, const Settings& settings);

}  // namespace crewsync::sync
