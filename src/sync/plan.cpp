#include "sync/plan.hpp"

#include "sync/plan_steps.hpp"

namespace crewsync::sync {
namespace internal {

ConflictResolution Resolve(ConflictRule rule, Timestamp local_modified, Timestamp remote_updated,
                           std::string local, std::string remote) {
    ConflictResolution r{std::move(local), std::move(remote), "", ""};
    switch (rule) {
        case ConflictRule::kCrewsyncWins:
            r.winner = "crewsync";
            r.rule = "crewsync wins";
            break;
        case ConflictRule::kProcoreWins:
            r.winner = "procore";
            r.rule = "Procore wins";
            break;
        case ConflictRule::kNewestWins:
            // A tie goes to crewsync: it is the side the operator is looking at.
            r.winner = local_modified >= remote_updated ? "crewsync" : "procore";
            r.rule = r.winner == "crewsync" ? "newest wins (crewsync changed it last)"
                                            : "newest wins (the Directory changed it last)";
            break;
    }
    return r;
}

void AppendInRunOrder(Plan& plan, const Operation& like, std::optional<StatusChange> status,
                      Operation update, std::int64_t& updates) {
    const bool reactivate = status && status->change.after == "active";
    const auto status_op = [&](OperationKind kind) {
        Operation op = like;
        op.kind = kind;
        op.reason = status->reason;
        op.changes.push_back(status->change);
        plan.operations.push_back(std::move(op));
    };
    if (reactivate) {
        status_op(OperationKind::kReactivateRemote);
        ++plan.counts.reactivations;
    }
    if (!update.changes.empty()) {
        plan.operations.push_back(std::move(update));
        ++updates;
    }
    if (status && !reactivate) {
        status_op(OperationKind::kDeactivateRemote);
        ++plan.counts.deactivations;
    }
}

}  // namespace internal

Plan BuildPlan(const LocalSnapshot& local, const RemoteSnapshot& remote, const SyncState& state,
               const Settings& settings, const LinkReport& report) {
    const internal::Index index(local, remote, state);
    Plan plan;
    plan.linked_records = report.counts.linked + report.counts.would_link;
    internal::PlanPeople(index, settings, report, plan);
    internal::PlanProjects(index, settings, report, local.group_names, plan);
    return plan;
}

Plan BuildPlan(const LocalSnapshot& local, const RemoteSnapshot& remote, const SyncState& state,
               const Settings& settings) {
    return BuildPlan(local, remote, state, settings,
                     BuildLinkReport(local, remote, state, settings));
}

}  // namespace crewsync::sync
