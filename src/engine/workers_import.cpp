#include "engine/workers_import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/run_lock.hpp"
#include "engine/run_messages.hpp"
#include "model/text.hpp"
#include "sync/state.hpp"

namespace crewsync::engine {
namespace {

// The Procore kind of every link the import makes.
constexpr const char* kUserKind = "user";

// What one batch did, added to the run's counts once its transaction commits.
struct Tally {
    std::int64_t created = 0, updated = 0, skipped = 0, conflicts = 0, failed = 0;

    void AddTo(store::RunCounts& c) const {
        c.created += created;
        c.updated += updated;
        c.skipped += skipped;
        c.conflicts += conflicts;
        c.failed += failed;
    }
};

store::RunLine LineOf(const WorkerStep& step, std::int64_t local_id, std::string outcome,
                      std::string message) {
    store::RunLine line;
    line.entity = "person";
    line.local_id = local_id;
    line.procore_kind = kUserKind;
    line.procore_id = step.user_id;
    line.action = ActionName(step.action);
    line.outcome = std::move(outcome);
    line.label = step.label;
    line.message = std::move(message);
    return line;
}

// Links are written in the sync core's words, which the people sync reads back: "created" for
// a person made from the user (as the two-way sync's imports are), "matched" for one found by
// e-mail.
store::LinkRow LinkTo(std::int64_t person_id, sync::ProcoreId user_id, sync::LinkOrigin how) {
    store::LinkRow link;
    link.entity = store::Entity::kPerson;
    link.local_id = person_id;
    link.procore_kind = kUserKind;
    link.procore_id = user_id;
    link.how = sync::Name(how);
    return link;
}

// The store refusing the person itself (validation it adds, a record gone) fails the person
// alone: nothing of it was written. Anything else is the store failing.
Status FailAlone(const WorkerStep& step, Error error, RunLog& log, Tally& tally) {
    switch (error.code()) {
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kNotFound:
        case ErrorCode::kConflict: break;
        default: return Fail(std::move(error));
    }
    ++tally.failed;
    log.Add(LineOf(step, step.person.id.value(), "failed",
                   "not imported: " + DescribeFailure(error)));
    return Ok();
}

// Writes one step inside `tx` and queues its line.
Status ApplyStep(store::Transaction& tx, const WorkerStep& step, RunLog& log, Tally& tally) {
    const std::int64_t id = step.person.id.value();
    switch (step.action) {
        case WorkerAction::kUnchanged: return Ok();
        case WorkerAction::kSkip:
            ++tally.skipped;
            log.Add(LineOf(step, id, "skipped", step.message));
            return Ok();
        case WorkerAction::kConflict:
            ++tally.conflicts;
            log.Add(LineOf(step, id, "skipped", step.message));
            return Ok();
        case WorkerAction::kInvalid:
            ++tally.failed;
            log.Add(LineOf(step, id, "failed", step.message));
            return Ok();
        case WorkerAction::kCreate: {
            Result<PersonId> made = tx.InsertPerson(step.person);
            if (!made) return FailAlone(step, std::move(made).error(), log, tally);
            CREWSYNC_TRY(
                tx.PutLink(LinkTo(made->value(), step.user_id, sync::LinkOrigin::kCreated)));
            ++tally.created;
            log.Add(LineOf(step, made->value(), "done",
                           fmt::format("added to crewsync as person {} (type both) from "
                                       "Directory user {}",
                                       made->value(), step.user_id)));
            return Ok();
        }
        case WorkerAction::kUpdate:
        case WorkerAction::kLink: {
            // An update that changes nothing writes nothing (store.hpp).
            Status updated = tx.UpdatePerson(step.person);
            if (!updated) return FailAlone(step, std::move(updated).error(), log, tally);
            if (step.action == WorkerAction::kLink) {
                CREWSYNC_TRY(tx.PutLink(LinkTo(id, step.user_id, sync::LinkOrigin::kMatched)));
                // A baseline from an earlier link describes another record; the people sync
                // starts this link afresh, as after a manual link.
                CREWSYNC_TRY(tx.DeleteBaseline(store::Entity::kPerson, id));
            }
            ++tally.updated;
            log.Add(LineOf(step, id, "done", step.message));
            return Ok();
        }
    }
    return Ok();
}

// crewsync's side of an import.
struct LocalSide {
    std::vector<Person> people;
    std::vector<store::LinkRow> links;
    std::vector<Group> groups;
    std::vector<Classification> classifications;
};

Result<LocalSide> ReadLocal(store::Store& store) {
    LocalSide local;
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(local.people, tx->ListPeople({}));
    CREWSYNC_ASSIGN_OR_RETURN(local.links, tx->ListLinks());
    CREWSYNC_ASSIGN_OR_RETURN(local.groups, tx->ListGroups());
    CREWSYNC_ASSIGN_OR_RETURN(local.classifications, tx->ListClassifications());
    return local;
}

Result<std::vector<Classification>> ReadClassifications(store::Store& store) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kRead));
    return tx->ListClassifications();
}

// The positions people may hold, for the planner and for validation.
void SetPositions(WorkersInputs& inputs, const std::vector<Group>& groups,
                  const std::vector<std::string>& positions) {
    inputs.validation = ValidationContext();
    for (const Group& g : groups) inputs.validation.AddGroup(g.name);
    for (const std::string& name : positions) inputs.validation.AddClassification(name);
    inputs.positions = positions;
}

std::vector<std::string> NamesOf(const std::vector<Classification>& classifications) {
    std::vector<std::string> names;
    for (const Classification& c : classifications) names.push_back(c.name);
    return names;
}

// The plan's steps in transactions of `batch` writes; a store failure stops at its batch.
std::optional<Error> WriteSteps(const std::vector<WorkerStep>& steps, WorkersEnvironment& env,
                                RunLog& log) {
    std::vector<const WorkerStep*> writes;
    for (const WorkerStep& step : steps) {
        if (step.action != WorkerAction::kUnchanged) writes.push_back(&step);
    }
    const std::size_t batch = std::max<std::size_t>(env.batch, 1);
    const auto total = static_cast<std::int64_t>(writes.size());
    for (std::size_t at = 0; at < writes.size(); at += batch) {
        const std::size_t end = std::min(writes.size(), at + batch);
        Tally tally;
        Status stored = [&]() -> Status {
            CREWSYNC_ASSIGN_OR_RETURN(auto tx, env.store.Begin(store::TxMode::kWrite));
            for (std::size_t i = at; i < end; ++i) {
                CREWSYNC_TRY(ApplyStep(*tx, *writes[i], log, tally));
            }
            CREWSYNC_TRY(log.Flush(*tx));
            return tx->Commit();
        }();
        if (!stored) {
            log.Discard();
            return std::move(stored).error();
        }
        tally.AddTo(log.counts());
        if (env.progress) env.progress("writing", static_cast<std::int64_t>(end), total);
    }
    return std::nullopt;
}

std::string PeopleSummary(const WorkersPlan& plan, const store::RunCounts& people) {
    return fmt::format("people: {} created, {} updated, {} unchanged, {} skipped, {} conflicts, "
                       "{} failed",
                       people.created, people.updated, plan.Count(WorkerAction::kUnchanged),
                       people.skipped, people.conflicts, people.failed);
}

store::RunCounts Minus(const store::RunCounts& a, const store::RunCounts& b) {
    store::RunCounts d;
    d.created = a.created - b.created;
    d.updated = a.updated - b.updated;
    d.unchanged = a.unchanged - b.unchanged;
    d.skipped = a.skipped - b.skipped;
    d.conflicts = a.conflicts - b.conflicts;
    d.failed = a.failed - b.failed;
    return d;
}

}  // namespace

Result<WorkersOutcome> RunWorkersImport(const WorkersImportRequest& request,
                                        WorkersEnvironment& env) {
    WorkersOutcome outcome;
    std::optional<StartedRun> started;
    if (!request.dry_run) {
        CREWSYNC_ASSIGN_OR_RETURN(StartedRun run, StartRun(env.store, env.clock, env.lock_path,
                                                           "workers", request.trigger));
        outcome.interrupted_runs = run.interrupted_runs;
        started.emplace(std::move(run));
    }
    RunLog* log = started ? &started->log : nullptr;
    // A run that cannot go on is finished as failed, with the error as its summary.
    const auto fail = [&](Error error) -> Result<WorkersOutcome> {
        if (!log) return Fail(std::move(error));
        CREWSYNC_TRY(log->Finish(env.store, "failed", error.message()));
        outcome.run = log->run();
        outcome.stopped_by = std::move(error);
        return outcome;
    };

    // Both sides are read before anything is written: a Procore that cannot be read leaves
    // crewsync as it was.
    auto local = ReadLocal(env.store);
    if (!local) return fail(std::move(local).error());
    procore::ListProgress read_progress;
    if (env.progress) {
        read_progress = [&env](std::int64_t done, std::optional<std::int64_t> total) {
            env.progress("reading active users", done, total);
        };
    }
    auto users = env.api.ListUsers(read_progress);
    if (!users) return fail(std::move(users).error());
    std::vector<sync::RemoteClassification> remote_classes;
    if (env.classification_sync) {
        auto listed = env.api.ListClassifications();
        if (!listed) return fail(std::move(listed).error());
        remote_classes = std::move(*listed);
        outcome.plan.classifications = PlanClassifications(local->classifications, remote_classes);
    }

    WorkersInputs inputs;
    inputs.people = std::move(local->people);
    inputs.links = std::move(local->links);
    inputs.users = std::move(*users);
    inputs.classification_sync = env.classification_sync;
    std::vector<std::string> positions = NamesOf(local->classifications);
    std::optional<Error> stopped_by;
    if (outcome.plan.classifications && request.dry_run) {
        for (const sync::RemoteClassification& r : outcome.plan.classifications->to_crewsync) {
            positions.emplace_back(Trim(r.name));
        }
    } else if (outcome.plan.classifications) {
        auto applied = ApplyClassifications(*outcome.plan.classifications, remote_classes,
                                            env.api, env.store, *log);
        if (!applied) return fail(std::move(applied).error());
        // Creating classifications in Procore only stops for reasons that do not keep
        // crewsync's people from being written, so the import goes on and the run is failed.
        stopped_by = std::move(applied->stopped_by);
        remote_classes = std::move(applied->remote);
        auto stored = ReadClassifications(env.store);
        if (!stored) return fail(std::move(stored).error());
        positions = NamesOf(*stored);
    }
    inputs.classifications = std::move(remote_classes);
    SetPositions(inputs, local->groups, positions);
    outcome.plan.steps = PlanWorkers(inputs);
    if (request.dry_run) return outcome;

    const store::RunCounts after_classifications = log->counts();
    log->counts().unchanged += outcome.plan.Count(WorkerAction::kUnchanged);
    if (std::optional<Error> failed = WriteSteps(outcome.plan.steps, env, *log)) {
        stopped_by = std::move(failed);
    }
    const store::RunCounts& counts = log->counts();
    std::string summary = PeopleSummary(outcome.plan, Minus(counts, after_classifications));
    if (outcome.plan.classifications) {
        summary += fmt::format("; classifications: {} created, {} failed",
                               after_classifications.created, after_classifications.failed);
    }
    std::string status = counts.failed > 0 ? "partial" : "succeeded";
    if (stopped_by) {
        status = "failed";
        summary = fmt::format("stopped early: {}. The next run does the rest. ({})",
                              stopped_by->message(), summary);
        outcome.stopped_by = std::move(stopped_by);
    }
    CREWSYNC_TRY(log->Finish(env.store, status, summary));
    outcome.run = log->run();
    return outcome;
}

}  // namespace crewsync::engine
