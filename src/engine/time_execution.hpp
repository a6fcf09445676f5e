// Executes a timesheet push plan (engine/time_push.hpp says how exactly-once is kept): contacts
// for new workers (one call each: the People API has no bulk write), missing classifications,
// new timecards through the v1.1 bulk create of each project (at most 25 a call), edited
// entries one PATCH each, removals. Every call's outcome is stored with its run lines in one
// transaction. An entry Procore refuses fails alone; a failure of a whole call stops the push.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>

#include "engine/run_log.hpp"
#include "model/error.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/time_plan.hpp"

namespace crewsync::engine::internal {

struct TimeExecutionOptions {
    std::size_t batch = 25;  // entries per bulk create (Procore's limit)
    std::function<void(std::int64_t finished, std::int64_t total)> progress;
};

struct TimeExecutionResult {
    std::int64_t done = 0;
    std::int64_t failed = 0;
    std::int64_t not_attempted = 0;
    std::optional<Error> stopped_by;
};

// `ledger` is the store's ledger by time entry id, for the rows removals rewrite.
TimeExecutionResult ExecuteTimePlan(const sync::TimePlan& plan,
                                    const std::map<std::int64_t, store::TimecardLedgerRow>& ledger,
                                    procore::ProcoreApi& api, store::Store& store, RunLog& log,
                                    const TimeExecutionOptions& options);

}  // namespace crewsync::engine::internal
