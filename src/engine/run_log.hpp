// A run's log as it is written (product.md §7): the run row is stored when the run starts, its
// lines are stored with the state changes they describe (in the same transaction, so the log
// never claims a write the state does not show), and the run is finished with its counts.
#pragma once

#include <string>
#include <vector>

#include "engine/run_lock.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "store/store.hpp"

namespace crewsync::engine {

class RunLog {
public:
    // Stores a new run, "running" since now.
    static Result<RunLog> Start(store::Store& store, const Clock& clock, std::string kind,
                                std::string trigger, bool dry_run);

    std::int64_t id() const { return run_.id; }
    const store::RunRecord& run() const { return run_; }
    store::RunCounts& counts() { return run_.counts; }

    // Queues a line; Flush stores the queued lines in the caller's transaction.
    void Add(store::RunLine line) { pending_.push_back(std::move(line)); }
    Status Flush(store::Transaction& tx);
    // Drops queued lines whose transaction did not commit.
    void Discard() { pending_.clear(); }

    // Stores the queued lines, the counts, the end time, `status` and `summary`.
    Status Finish(store::Store& store, std::string status, std::string summary);

private:
    RunLog(const Clock& clock, store::RunRecord run) : clock_(&clock), run_(std::move(run)) {}

    const Clock* clock_;
    store::RunRecord run_;
    std::vector<store::RunLine> pending_;
};

// A run under way: the workspace's run lock, held for the run's whole life, and its log.
struct StartedRun {
    RunLock lock;
    RunLog log;
    std::int64_t interrupted_runs = 0;  // earlier runs found dead and marked "interrupted"
};

// Takes the run lock at `lock_path` (kConflict when another run holds it), marks the runs a dead
// process left "running" as interrupted, and starts a run log of `kind`.
Result<StartedRun> StartRun(store::Store& store, const Clock& clock, const std::string& lock_path,
                            std::string kind, std::string trigger);

// Marks every run still "running" as "interrupted": called by a run holding the workspace's
// run lock, so none of them can still be alive. Returns how many there were.
Result<std::int64_t> MarkInterruptedRuns(store::Store& store, const Clock& clock);

}  // namespace crewsync::engine
