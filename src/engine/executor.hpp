// The executor (architecture.md): applies a plan through the Procore client and records what
// happened. It is the only code that both talks to Procore and writes sync state.
//
// Users and projects go through Procore's sync endpoints, at most 1000 a call; contacts one call
// each (the People API has no bulk write). After each call one store transaction records the
// links of the records it created, the baselines of the records whose operations are now all
// done, and the run log lines — so a crash loses at most the answer to the call in flight, and
// the next run recognises what that call created by the origin_id written into it.
//
// A record Procore refuses fails alone. A failure of a whole call (rate limit exhausted, network
// down, permission withdrawn) stops the run: what finished stays recorded, and the next run
// plans the rest again.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include "engine/run_log.hpp"
#include "model/error.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/plan.hpp"

namespace crewsync::engine {

struct ExecutorOptions {
    std::size_t sync_batch = 1000;   // items per users/projects sync call (Procore's limit)
    std::size_t local_batch = 500;   // crewsync writes per transaction
    // Told after each call or transaction: operations finished (done or failed) of all.
    std::function<void(std::int64_t finished, std::int64_t total)> progress;
};

struct ExecutionResult {
    std::int64_t done = 0;           // operations that succeeded
    std::int64_t failed = 0;         // operations that failed
    std::int64_t not_attempted = 0;  // operations left when the run stopped
    std::optional<Error> stopped_by;  // why the run stopped early
};

// An error about one record (Procore refused it) rather than about the run (Procore or the
// network cannot be used now): only the latter stops a run.
bool IsRecordError(const Error& error);

// Applies `plan`, logging into `log` (whose counts it raises as operations succeed or fail).
ExecutionResult Execute(const sync::Plan& plan, procore::ProcoreApi& api, store::Store& store,
                        RunLog& log, const ExecutorOptions& options = {});

}  // namespace crewsync::engine
