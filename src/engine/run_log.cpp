#include "engine/run_log.hpp"

namespace crewsync::engine {

Result<RunLog> RunLog::Start(store::Store& store, const Clock& clock, std::string kind,
                             std::string trigger, bool dry_run) {
    store::RunRecord run;
    run.kind = std::move(kind);
    run.trigger = std::move(trigger);
    run.dry_run = dry_run;
    run.status = "running";
    run.started_at = FormatTimestamp(clock.Now());
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kWrite));
    CREWSYNC_ASSIGN_OR_RETURN(run.id, tx->InsertRun(run));
    CREWSYNC_TRY(tx->Commit());
    return RunLog(clock, std::move(run));
}

Status RunLog::Flush(store::Transaction& tx) {
    if (pending_.empty()) return Ok();
    CREWSYNC_TRY(tx.AppendRunLines(run_.id, pending_));
    pending_.clear();
    return Ok();
}

Status RunLog::Finish(store::Store& store, std::string status, std::string summary) {
    run_.status = std::move(status);
    run_.summary = std::move(summary);
    run_.ended_at = FormatTimestamp(clock_->Now());
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kWrite));
    CREWSYNC_TRY(Flush(*tx));
    CREWSYNC_TRY(tx->UpdateRun(run_));
    return tx->Commit();
}

Result<StartedRun> StartRun(store::Store& store, const Clock& clock, const std::string& lock_path,
                            std::string kind, std::string trigger) {
    CREWSYNC_ASSIGN_OR_RETURN(RunLock lock, RunLock::Acquire(lock_path));
    CREWSYNC_ASSIGN_OR_RETURN(const std::int64_t interrupted, MarkInterruptedRuns(store, clock));
    CREWSYNC_ASSIGN_OR_RETURN(RunLog log,
                              RunLog::Start(store, clock, std::move(kind), std::move(trigger),
                                            false));
    return StartedRun{std::move(lock), std::move(log), interrupted};
}

Result<std::int64_t> MarkInterruptedRuns(store::Store& store, const Clock& clock) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kWrite));
    std::int64_t marked = 0;
    std::int64_t before = 0;
    for (;;) {
        CREWSYNC_ASSIGN_OR_RETURN(auto runs, tx->ListRuns({200, before}));
        if (runs.empty()) break;
        for (store::RunRecord& run : runs) {
            before = run.id;
            if (run.status != "running") continue;
            run.status = "interrupted";
            run.ended_at = FormatTimestamp(clock.Now());
            run.summary = "the run stopped without finishing (the process ended); the next run "
                          "finished its work";
            CREWSYNC_TRY(tx->UpdateRun(run));
            ++marked;
        }
    }
    CREWSYNC_TRY(tx->Commit());
    return marked;
}

}  // namespace crewsync::engine
