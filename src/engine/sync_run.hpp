// One sync run from start to end (product.md §7): take the workspace's run lock, read both
// sides, link and plan with the pure core, stop at the mass-change guard unless approved, then
// execute and log. A dry run stops after planning and writes nothing anywhere: no Procore call
// but reads, no crewsync state, not even a run log.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "engine/executor.hpp"
#include "engine/remote_read.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/link_report.hpp"
#include "sync/plan.hpp"
#include "sync/settings.hpp"

namespace crewsync::engine {

struct SyncRequest {
    SyncScope scope = SyncScope::kAll;
    bool dry_run = false;
    bool approve_mass_change = false;
    std::string trigger = "manual";
};

// Told what the run is doing: "reading active users", "writing"; with counts when known.
using SyncProgress = std::function<void(const std::string& stage, std::int64_t done,
                                        std::optional<std::int64_t> total)>;

struct SyncEnvironment {
    store::Store& store;
    procore::ProcoreApi& api;
    const Clock& clock;
    sync::Settings settings;
    std::string lock_path;  // the workspace's run lock file
    SyncProgress progress;  // may be empty
    ExecutorOptions executor;
};

struct SyncOutcome {
    store::RunRecord run;         // id 0 for a dry run
    sync::LinkReport report;
    sync::Plan plan;
    sync::GuardDecision guard;
    ExecutionResult execution;
    std::int64_t interrupted_runs = 0;  // earlier runs found dead and marked "interrupted"
};

// Runs a sync. Errors before the run could start (lock held, store unreadable) come back as
// errors; everything after is in the outcome's run record: "succeeded", "partial" (finished, some
// records failed), "failed" (stopped early, or Procore could not be read), "blocked" (the
// mass-change guard).
Result<SyncOutcome> RunSync(const SyncRequest& request, SyncEnvironment& env);

}  // namespace crewsync::engine
