#include "engine/time_push.hpp"

#include <fmt/format.h>

#include "engine/run_lock.hpp"
#include "engine/run_log.hpp"
#include "engine/time_execution.hpp"
#include "engine/time_inputs.hpp"

namespace crewsync::engine {
namespace {

std::string Summary(const store::RunCounts& c) {
    return fmt::format("{} created, {} updated, {} unchanged, {} deleted, {} failed, {} skipped",
                       c.created, c.updated, c.unchanged, c.deactivated, c.failed, c.skipped);
}

// "from 2026-11-16 to 2026-11-22", for the run's kind line.
std::string RangeText(const TimePushRequest& r) {
    std::string out;
    if (r.from) out += " from " + FormatDate(*r.from);
    if (r.to) out += " to " + FormatDate(*r.to);
    if (r.approved_only) out += ", approved only";
    return out;
}

}  // namespace

Result<TimePushOutcome> RunTimePush(const TimePushRequest& request, SyncEnvironment& env) {
    TimePushOutcome outcome;
    std::optional<StartedRun> started;
    if (!request.dry_run) {
        CREWSYNC_ASSIGN_OR_RETURN(StartedRun run, StartRun(env.store, env.clock, env.lock_path,
                                                           "time", request.trigger));
        outcome.interrupted_runs = run.interrupted_runs;
        started.emplace(std::move(run));
    }
    RunLog* log = started ? &started->log : nullptr;
    const auto fail = [&](const Error& error) -> Result<TimePushOutcome> {
        if (!log) return Fail(error);
        outcome.stopped_by = error;
        CREWSYNC_TRY(log->Finish(env.store, "failed", error.message()));
        outcome.run = log->run();
        return outcome;
    };

    internal::TimeInputs inputs;
    {
        auto tx = env.store.Begin(store::TxMode::kRead);
        if (!tx) return fail(tx.error());
        auto loaded = internal::LoadTimeInputs(**tx, request, env.settings);
        if (!loaded) return fail(loaded.error());
        inputs = std::move(*loaded);
    }
    if (env.progress) env.progress("checking unfinished timecard creates", 0, std::nullopt);
    auto settled = internal::SettleSending(env.api, inputs.ledger);
    if (!settled) return fail(settled.error());
    outcome.recovered = static_cast<std::int64_t>(settled->found.size());
    internal::ApplySettled(*settled, inputs);
    if (log && (!settled->found.empty() || !settled->absent.empty())) {
        for (const store::TimecardLedgerRow& row : settled->found) {
            log->Add({0, "time_entry", row.time_entry_id, "timecard", row.timecard_id,
                      "recover", "done", "time entry #" + std::to_string(row.time_entry_id),
                      fmt::format("timecard {} was created by a push that stopped before "
                                  "recording it; recorded now, not created again",
                                  row.timecard_id)});
        }
        Status stored = [&]() -> Status {
            CREWSYNC_ASSIGN_OR_RETURN(auto tx, env.store.Begin(store::TxMode::kWrite));
            for (const auto& row : settled->found) CREWSYNC_TRY(tx->PutTimecardLedger(row));
            for (const auto id : settled->absent) CREWSYNC_TRY(tx->DeleteTimecardLedger(id));
            CREWSYNC_TRY(log->Flush(*tx));
            return tx->Commit();
        }();
        if (!stored) return fail(stored.error());
    }

    ReadProgress read_progress;
    if (env.progress) {
        read_progress = [&env](const std::string& what, std::int64_t done,
                               std::optional<std::int64_t> total) {
            env.progress("reading " + what, done, total);
        };
    }
    auto workers = internal::FindWorkers(env.api, env.store, env.settings, read_progress,
                                         inputs.input);
    if (!workers) return fail(workers.error());
    outcome.linked_workers = static_cast<std::int64_t>(workers->links.size());
    auto classifications = env.api.ListClassifications();
    if (!classifications) return fail(classifications.error());
    inputs.input.procore_classifications = std::move(*classifications);

    outcome.plan = sync::PlanTimePush(inputs.input);
    if (request.dry_run) return outcome;

    if (!workers->links.empty()) {
        for (const store::LinkRow& link : workers->links) {
            log->Add({0, "person", link.local_id, link.procore_kind, link.procore_id, "link",
                      "done", "person #" + std::to_string(link.local_id),
                      "linked to the matching Procore " + link.procore_kind +
                          " for the worker's timecards"});
        }
        Status stored = [&]() -> Status {
            CREWSYNC_ASSIGN_OR_RETURN(auto tx, env.store.Begin(store::TxMode::kWrite));
            for (const auto& link : workers->links) CREWSYNC_TRY(tx->PutLink(link));
            CREWSYNC_TRY(log->Flush(*tx));
            return tx->Commit();
        }();
        if (!stored) return fail(stored.error());
    }

    store::RunCounts& counts = log->counts();
    counts.unchanged = outcome.plan.unchanged;
    std::map<std::int64_t, store::TimecardLedgerRow> ledger;
    for (const store::TimecardLedgerRow& row : inputs.ledger) ledger[row.time_entry_id] = row;
    for (const store::TimecardLedgerRow& row : settled->found) ledger[row.time_entry_id] = row;
    internal::TimeExecutionOptions options;
    if (env.progress) {
        options.progress = [&env](std::int64_t done, std::int64_t total) {
            env.progress("writing timecards", done, total);
        };
    }
    const internal::TimeExecutionResult done =
        internal::ExecuteTimePlan(outcome.plan, ledger, env.api, env.store, *log, options);
    outcome.stopped_by = done.stopped_by;
    std::string status = "succeeded";
    std::string summary = Summary(counts) + RangeText(request);
    if (done.stopped_by) {
        status = "failed";
        summary = fmt::format("stopped after {} of {} writes: {}. The next push does the "
                              "remaining {}. ({})",
                              done.done + done.failed, done.done + done.failed + done.not_attempted,
                              done.stopped_by->message(), done.not_attempted, summary);
    } else if (counts.failed > 0) {
        status = "partial";
    }
    CREWSYNC_TRY(log->Finish(env.store, status, summary));
    outcome.run = log->run();
    return outcome;
}

}  // namespace crewsync::engine
