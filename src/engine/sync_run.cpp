#include "engine/sync_run.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/run_lock.hpp"
#include "engine/run_log.hpp"
#include "engine/sync_state_store.hpp"

namespace crewsync::engine {
namespace {

// Keeps only what `scope` covers, so a people run neither reads nor plans projects.
void Narrow(SyncScope scope, sync::LocalSnapshot& local, sync::SyncState& state) {
    const sync::LocalKind dropped =
        CoversPeople(scope) ? sync::LocalKind::kProject : sync::LocalKind::kPerson;
    if (scope == SyncScope::kAll) return;
    std::erase_if(state.links, [dropped](const sync::Link& l) { return l.local_kind == dropped; });
    if (dropped == sync::LocalKind::kProject) {
        local.projects.clear();
        state.projects.clear();
    } else {
        local.people.clear();
        state.people.clear();
        state.dismissals.clear();
    }
}

// The records the link report holds back get a line each, so the log says why they were not
// synced and what to do.
void LogHeldBack(const sync::LinkReport& report, RunLog& log) {
    for (const sync::LinkEntry& e : report.entries) {
        if (e.status != sync::LinkStatus::kConflict && e.status != sync::LinkStatus::kDuplicate &&
            e.status != sync::LinkStatus::kSuggestion) {
            continue;
        }
        store::RunLine line;
        line.entity = e.local_kind == sync::LocalKind::kPerson ? "person" : "project";
        line.local_id = e.local_id;
        line.procore_kind = e.remote_id != 0 ? sync::Name(e.remote_kind) : "";
        line.procore_id = e.remote_id;
        line.action = "skip";
        line.outcome = "skipped";
        line.label = e.label;
        line.message = std::string(sync::Name(e.status)) + ": " + e.reason;
        log.Add(std::move(line));
    }
}

std::string Summary(const store::RunCounts& c) {
    return fmt::format(
        "{} created, {} updated, {} unchanged, {} deactivated, {} reactivated, {} reset, "
        "{} conflicts, {} failed, {} skipped",
        c.created, c.updated, c.unchanged, c.deactivated, c.reactivated, c.reset, c.conflicts,
        c.failed, c.skipped);
}

}  // namespace

Result<SyncOutcome> RunSync(const SyncRequest& request, SyncEnvironment& env) {
    SyncOutcome outcome;
    std::optional<StartedRun> started;
    if (!request.dry_run) {
        CREWSYNC_ASSIGN_OR_RETURN(StartedRun run, StartRun(env.store, env.clock, env.lock_path,
                                                           Name(request.scope), request.trigger));
        outcome.interrupted_runs = run.interrupted_runs;
        started.emplace(std::move(run));
    }
    RunLog* log = started ? &started->log : nullptr;
    // A run that cannot go on is finished as failed, with the error as its summary.
    const auto fail = [&](const Error& error) -> Result<SyncOutcome> {
        if (!log) return Fail(error);
        CREWSYNC_TRY(log->Finish(env.store, "failed", error.message()));
        outcome.run = log->run();
        return outcome;
    };

    sync::LocalSnapshot local;
    sync::SyncState state;
    {
        auto tx = env.store.Begin(store::TxMode::kRead);
        if (!tx) return fail(tx.error());
        auto loaded_local = LoadLocalSnapshot(**tx);
        if (!loaded_local) return fail(loaded_local.error());
        auto loaded_state = LoadSyncState(**tx);
        if (!loaded_state) return fail(loaded_state.error());
        local = std::move(*loaded_local);
        state = std::move(*loaded_state);
    }
    Narrow(request.scope, local, state);

    ReadProgress read_progress;
    if (env.progress) {
        read_progress = [&env](const std::string& what, std::int64_t done,
                               std::optional<std::int64_t> total) {
            env.progress("reading " + what, done, total);
        };
    }
    auto remote = ReadRemote(env.api, request.scope, read_progress);
    if (!remote) return fail(remote.error());

    outcome.report = sync::BuildLinkReport(local, *remote, state, env.settings);
    outcome.plan = sync::BuildPlan(local, *remote, state, env.settings, outcome.report);
    outcome.guard = sync::CheckMassChange(outcome.plan, env.settings);
    if (request.dry_run) return outcome;

    store::RunCounts& counts = log->counts();
    counts.unchanged = outcome.plan.counts.unchanged;
    counts.skipped = outcome.plan.counts.skipped;
    if (outcome.guard.blocked && !request.approve_mass_change) {
        CREWSYNC_TRY(log->Finish(env.store, "blocked", outcome.guard.message));
        outcome.run = log->run();
        return outcome;
    }
    LogHeldBack(outcome.report, *log);

    ExecutorOptions options = env.executor;
    if (env.progress && !options.progress) {
        options.progress = [&env](std::int64_t done, std::int64_t total) {
            env.progress("writing", done, total);
        };
    }
    outcome.execution = Execute(outcome.plan, env.api, env.store, *log, options);
    const ExecutionResult& done = outcome.execution;
    std::string status = "succeeded";
    std::string summary = Summary(counts);
    if (done.stopped_by) {
        status = "failed";
        summary = fmt::format("stopped after {} of {} operations: {}. The next run does the "
                              "remaining {}. ({})",
                              done.done + done.failed,
                              done.done + done.failed + done.not_attempted,
                              done.stopped_by->message(), done.not_attempted, summary);
    } else if (done.failed > 0) {
        status = "partial";
    }
    CREWSYNC_TRY(log->Finish(env.store, status, summary));
    outcome.run = log->run();
    return outcome;
}

}  // namespace crewsync::engine
