// One timesheet push from start to end (product.md §6): take the workspace's run lock, settle
// what an interrupted push left "sending" in the ledger, load the entries and what they are
// linked to, find or plan a Procore record for every worker, plan with the pure core
// (sync/time_plan.hpp), then create contacts and classifications, bulk-create new timecards,
// update edited ones and report (or, when asked, delete) the timecards of deleted entries.
//
// Exactly once: before a batch of creates is sent its ledger rows are stored "sending" with the
// entries' origin_ids; the answer turns them "sent" with Procore's ids in the same transaction as
// the run lines. A process killed in between leaves "sending" rows, and the next push looks their
// origin_ids up in Procore before planning, so an entry is never created twice.
#pragma once

#include <optional>
#include <string>

#include "engine/sync_run.hpp"
#include "model/date.hpp"
#include "sync/time_plan.hpp"

namespace crewsync::engine {

struct TimePushRequest {
    std::optional<Date> from, to;  // inclusive; none: every entry
    bool approved_only = false;
    bool dry_run = false;
    bool delete_removed = false;   // delete in Procore the timecards of deleted entries
    std::string trigger = "manual";
    std::string default_time_zone = "UTC";  // the workspace's, for projects without one
};

struct TimePushOutcome {
    store::RunRecord run;                 // id 0 for a dry run
    sync::TimePlan plan;
    std::int64_t recovered = 0;           // "sending" ledger rows settled before planning
    std::int64_t linked_workers = 0;      // workers linked to a matching Procore record
    std::int64_t interrupted_runs = 0;
    std::optional<Error> stopped_by;      // why the push stopped early
};

// Runs a push. Errors before the run could start (lock held, store unreadable) come back as
// errors; everything after is in the run record: "succeeded", "partial" (some entries failed or
// were rejected), "failed" (stopped early).
Result<TimePushOutcome> RunTimePush(const TimePushRequest& request, SyncEnvironment& env);

}  // namespace crewsync::engine
