#include "engine/classification_sync.hpp"

#include <set>
#include <utility>

#include <fmt/format.h>

#include "engine/run_lock.hpp"
#include "engine/run_messages.hpp"
#include "engine/executor.hpp"
#include "model/text.hpp"
#include "model/validation.hpp"

namespace crewsync::engine {
namespace {

// A refusal of one name (a duplicate, a name Procore finds invalid) fails that classification
// alone; anything else (no access, Procore unreachable) would fail every other call too.
bool FailsAlone(const Error& error) { return IsRecordError(error); }

store::RunLine Line(std::int64_t local_id, sync::ProcoreId procore_id, std::string action,
                    std::string outcome, std::string label, std::string message) {
    store::RunLine line;
    line.entity = "classification";
    line.local_id = local_id;
    line.procore_kind = kWorkClassificationKind;
    line.procore_id = procore_id;
    line.action = std::move(action);
    line.outcome = std::move(outcome);
    line.label = std::move(label);
    line.message = std::move(message);
    return line;
}

// Sends crewsync's classifications to Procore; what Procore made joins `applied.remote`.
void CreateInProcore(const std::vector<Classification>& wanted, procore::ProcoreApi& api,
                     RunLog& log, ClassificationApplied& applied) {
    for (const Classification& c : wanted) {
        Result<sync::RemoteClassification> made = api.CreateClassification(c.name, c.abbreviation);
        if (made) {
            ++log.counts().created;
            log.Add(Line(c.id.value(), made->id, "create work classification", "done", c.name,
                         fmt::format("created in Procore as work classification {}", made->id)));
            applied.remote.push_back(std::move(*made));
            continue;
        }
        ++log.counts().failed;
        log.Add(Line(c.id.value(), 0, "create work classification", "failed", c.name,
                     "not created in Procore: " + DescribeFailure(made.error())));
        if (!FailsAlone(made.error())) {
            applied.stopped_by = std::move(made).error();
            return;
        }
    }
}

// What a transaction did, counted only once it commits.
struct Tally {
    std::int64_t created = 0;
    std::int64_t failed = 0;
};

// Adds Procore's classifications to crewsync inside `tx`. A name crewsync cannot hold fails
// alone; a store failure fails the transaction.
Status CreateInCrewsync(const std::vector<sync::RemoteClassification>& wanted,
                        store::Transaction& tx, RunLog& log, Tally& tally) {
    for (const sync::RemoteClassification& r : wanted) {
        Classification c;
        c.name = std::string(Trim(r.name));
        c.abbreviation = std::string(Trim(r.abbreviation));
        std::vector<FieldProblem> problems = ValidateClassification(c);
        if (problems.empty()) {
            Result<ClassificationId> id = tx.InsertClassification(c);
            if (id) {
                ++tally.created;
                log.Add(Line(id->value(), r.id, "create classification", "done", c.name,
                             fmt::format("added to crewsync from Procore work classification {}",
                                         r.id)));
                continue;
            }
            if (id.error().code() != ErrorCode::kConflict &&
                id.error().code() != ErrorCode::kInvalidArgument) {
                return Fail(std::move(id).error());
            }
            problems.push_back({"name", id.error().message()});
        }
        ++tally.failed;
        log.Add(Line(0, r.id, "create classification", "failed", r.name,
                     "not added to crewsync: " + DescribeProblems(problems)));
    }
    return Ok();
}

std::string Summary(const store::RunCounts& c) {
    return fmt::format("{} created, {} unchanged, {} failed", c.created, c.unchanged, c.failed);
}

}  // namespace

std::string ClassificationKey(std::string_view name) { return AsciiLower(Trim(name)); }

ClassificationPlan PlanClassifications(const std::vector<Classification>& local,
                                       const std::vector<sync::RemoteClassification>& remote) {
    ClassificationPlan plan;
    std::set<std::string> local_keys;
    for (const Classification& c : local) local_keys.insert(ClassificationKey(c.name));
    std::set<std::string> remote_keys;
    for (const sync::RemoteClassification& r : remote) {
        const std::string key = ClassificationKey(r.name);
        if (key.empty() || !remote_keys.insert(key).second) continue;
        if (!local_keys.contains(key)) plan.to_crewsync.push_back(r);
    }
    for (const Classification& c : local) {
        if (remote_keys.contains(ClassificationKey(c.name))) {
            ++plan.matched;
        } else if (c.status == RecordStatus::kActive) {
            plan.to_procore.push_back(c);
        }
    }
    return plan;
}

Result<ClassificationApplied> ApplyClassifications(
    const ClassificationPlan& plan, const std::vector<sync::RemoteClassification>& remote,
    procore::ProcoreApi& api, store::Store& store, RunLog& log) {
    ClassificationApplied applied;
    applied.remote = remote;
    CreateInProcore(plan.to_procore, api, log, applied);
    // Procore's creates are logged here too: a crash before this commit loses their lines, and
    // the next run finds the classifications by name and creates nothing twice.
    Tally tally;
    Status stored = [&]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kWrite));
        CREWSYNC_TRY(CreateInCrewsync(plan.to_crewsync, *tx, log, tally));
        CREWSYNC_TRY(log.Flush(*tx));
        return tx->Commit();
    }();
    if (!stored) {
        log.Discard();
        return Fail(std::move(stored).error());
    }
    log.counts().created += tally.created;
    log.counts().failed += tally.failed;
    return applied;
}

Result<ClassificationSyncOutcome> RunClassificationSync(const ClassificationSyncRequest& request,
                                                        ClassificationSyncEnvironment& env) {
    ClassificationSyncOutcome outcome;
    std::optional<StartedRun> started;
    if (!request.dry_run) {
        CREWSYNC_ASSIGN_OR_RETURN(StartedRun run, StartRun(env.store, env.clock, env.lock_path,
                                                           "classifications", request.trigger));
        outcome.interrupted_runs = run.interrupted_runs;
        started.emplace(std::move(run));
    }
    RunLog* log = started ? &started->log : nullptr;
    // A run that cannot go on is finished as failed, with the error as its summary.
    const auto fail = [&](Error error) -> Result<ClassificationSyncOutcome> {
        if (!log) return Fail(std::move(error));
        CREWSYNC_TRY(log->Finish(env.store, "failed", error.message()));
        outcome.run = log->run();
        outcome.stopped_by = std::move(error);
        return outcome;
    };

    std::vector<Classification> local;
    {
        auto tx = env.store.Begin(store::TxMode::kRead);
        if (!tx) return fail(std::move(tx).error());
        auto listed = (*tx)->ListClassifications();
        if (!listed) return fail(std::move(listed).error());
        local = std::move(*listed);
    }
    if (env.progress) env.progress("reading work classifications", 0, std::nullopt);
    auto remote = env.api.ListClassifications();
    if (!remote) return fail(std::move(remote).error());
    outcome.plan = PlanClassifications(local, *remote);
    if (request.dry_run) return outcome;

    log->counts().unchanged = outcome.plan.matched;
    auto applied = ApplyClassifications(outcome.plan, *remote, env.api, env.store, *log);
    if (!applied) return fail(std::move(applied).error());
    std::string status = log->counts().failed > 0 ? "partial" : "succeeded";
    std::string summary = Summary(log->counts());
    if (applied->stopped_by) {
        status = "failed";
        summary = fmt::format("stopped early: {}. The next run does the rest. ({})",
                              applied->stopped_by->message(), summary);
        outcome.stopped_by = applied->stopped_by;
    }
    CREWSYNC_TRY(log->Finish(env.store, status, summary));
    outcome.run = log->run();
    return outcome;
}

}  // namespace crewsync::engine
