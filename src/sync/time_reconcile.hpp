// Time reconciliation (issue: `crewsync time reconcile`): hours per worker, per day, per project
// in crewsync against Procore's timecards, and each difference named — missing in Procore,
// extra in Procore, edited in Procore, or a difference crewsync's next push will settle. Pure:
// the engine reads both sides.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/person.hpp"
#include "model/project.hpp"
#include "model/time_entry.hpp"
#include "sync/remote.hpp"
#include "sync/time_plan.hpp"

namespace crewsync::sync {

// A Procore timecard entry, as far as reconciliation reads it.
struct RemoteTimecard {
    ProcoreId id = 0;
    ProcoreId project_id = 0;
    ProcoreId party_id = 0;
    std::string party_name;
    Date date{};
    Hours hours;
    std::string origin_id;
};

struct ReconcileInput {
    std::vector<TimeEntry> entries;         // crewsync's entries in the range
    std::vector<RemoteTimecard> timecards;  // Procore's, in the same range
    std::map<std::int64_t, Person> people;
    std::map<std::int64_t, Project> projects;
    std::map<std::int64_t, ProcoreId> party_of;           // person id → Procore person
    std::map<std::int64_t, ProcoreId> procore_project_of;  // project id → Procore project
    std::map<std::int64_t, std::string> ledger_hours;      // time entry id → hours sent ("8.00")
    std::map<ProcoreId, std::string> sent_hours;           // timecard id → hours crewsync sent
};

enum class Difference { kMissingInProcore, kExtraInProcore, kEditedInProcore, kNotPushedYet };

// "missing in Procore" | "extra in Procore" | "edited in Procore" | "not pushed yet".
const char* Name(Difference difference);

struct ReconcileRow {
    Date date{};
    std::string worker;        // "Ann Able", or Procore's name for a worker crewsync lacks
    std::int64_t person_id = 0;
    ProcoreId party_id = 0;
    std::string project;       // "P-100 Riverside Clinic", or "Procore project 42"
    ProcoreId project_id = 0;  // Procore's
    Hours crewsync, procore;
    Difference difference = Difference::kMissingInProcore;
    std::string detail;        // plain words: why, and what to do
};

struct Reconciliation {
    std::vector<ReconcileRow> rows;  // the differences, by date, worker, project
    std::int64_t matching = 0;       // (worker, day, project) groups whose hours agree
    Hours crewsync_total, procore_total;
};

Reconciliation Reconcile(const ReconcileInput& input);

}  // namespace crewsync::sync
