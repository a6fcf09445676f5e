// Planning projects (product.md §5): the system of record's values win. Projects owned by
// crewsync are created in and pushed to Procore; projects owned by Procore are imported into
// and pulled to crewsync.
#include "model/text.hpp"
#include "sync/plan_steps.hpp"

namespace crewsync::sync::internal {
namespace {

class ProjectPlanner {
public:
    ProjectPlanner(const Index& index, const Settings& settings,
                   const std::vector<std::string>& group_names, Plan& plan)
        : index_(index), settings_(settings), group_names_(group_names), plan_(plan),
          crewsync_owns_(settings.projects_system_of_record == SystemOfRecord::kCrewsync) {}

    void PlanEntry(const LinkEntry& entry);

private:
    void PlanLinked(const LinkEntry& entry, const Project& project);
    void PlanCreate(const LinkEntry& entry, const Project& project);
    void PlanImport(const LinkEntry& entry);
    void Remember(std::int64_t project_id, ProcoreId remote_id, ProjectValues values) {
        ProjectBaseline next{project_id, remote_id, std::move(values)};
        const ProjectBaseline* stored = project_id ? index_.ProjectBaselineFor(project_id) : nullptr;
        if (stored && *stored == next) return;
        plan_.project_baselines.push_back(std::move(next));
    }
    Operation Op(OperationKind kind, const LinkEntry& entry) const {
        Operation op;
        op.kind = kind;
        op.local_kind = LocalKind::kProject;
        op.local_id = entry.local_id;
        op.remote_kind = RemoteKind::kProject;
        op.remote_id = entry.remote_id;
        op.label = entry.label;
        return op;
    }

    const Index& index_;
    const Settings& settings_;
    const std::vector<std::string>& group_names_;
    Plan& plan_;
    const bool crewsync_owns_;
};

void ProjectPlanner::PlanLinked(const LinkEntry& entry, const Project& project) {
    const RemoteProject* remote_project = index_.Project(entry.remote_id);
    if (!remote_project) return (void)++plan_.counts.skipped;
    const std::size_t first_op = plan_.operations.size();
    if (entry.status == LinkStatus::kWouldLink) {
        Operation link = Op(OperationKind::kLink, entry);
        link.link_origin =
            remote_project->origin_id == ProjectOriginId(settings_, project.id.value())
                ? LinkOrigin::kRecovered
                : LinkOrigin::kMatched;
        link.reason = entry.reason;
        plan_.operations.push_back(std::move(link));
        ++plan_.counts.links;
    }
    const ProjectValues mine = ValuesOf(project);
    const ProjectValues theirs = ValuesOf(*remote_project);
    const ProjectBaseline* stored = index_.ProjectBaselineFor(project.id.value());
    const ProjectValues* base =
        stored && stored->remote_id == entry.remote_id ? &stored->values : nullptr;
    // The owner's side is the truth; the other side's own edits are reset.
    const ProjectValues& truth = crewsync_owns_ ? mine : theirs;
    const ProjectValues& other = crewsync_owns_ ? theirs : mine;
    Operation update = Op(crewsync_owns_ ? OperationKind::kUpdateRemote
                                         : OperationKind::kUpdateLocal, entry);
    std::optional<StatusChange> status;
    for (std::size_t i = 0; i < kProjectFieldCount; ++i) {
        const auto field = static_cast<ProjectField>(i);
        if (SameValue(field, truth[i], other[i])) continue;
        // crewsync's empty time zone means "the workspace's": no opinion to push, and Procore
        // refuses an empty one.
        if (crewsync_owns_ && field == ProjectField::kTimeZone && Trim(truth[i]).empty()) {
            continue;
        }
        const bool reset = base && !SameValue(field, other[i], (*base)[i]);
        FieldChange change{std::string(Key(field)), other[i], truth[i], reset, std::nullopt};
        if (reset) ++plan_.counts.resets;
        if (field == ProjectField::kActive && crewsync_owns_) {
            std::string why = reset ? "the project's status was changed in Procore; crewsync wins"
                                    : "the project's status changed in crewsync";
            status = StatusChange{std::move(change), std::move(why)};
        } else {
            update.changes.push_back(std::move(change));
        }
    }
    update.reason = crewsync_owns_ ? "changed in crewsync (crewsync owns projects)"
                                   : "changed in Procore (Procore owns projects)";
    AppendInRunOrder(plan_, Op(OperationKind::kUpdateRemote, entry), std::move(status),
                     std::move(update),
                     crewsync_owns_ ? plan_.counts.updates : plan_.counts.local_updates);
    if (plan_.operations.size() - first_op == (entry.status == LinkStatus::kWouldLink ? 1u : 0u)) {
        ++plan_.counts.unchanged;
    }
    Remember(project.id.value(), entry.remote_id, truth);
}

void ProjectPlanner::PlanCreate(const LinkEntry& entry, const Project& project) {
    Operation op = Op(OperationKind::kCreateProject, entry);
    op.reason = entry.reason;
    op.origin_id = ProjectOriginId(settings_, project.id.value());
    const ProjectValues mine = ValuesOf(project);
    for (std::size_t i = 0; i < kProjectFieldCount; ++i) {
        const auto field = static_cast<ProjectField>(i);
        if (field == ProjectField::kActive || mine[i].empty()) continue;
        op.changes.push_back({std::string(Key(field)), "", mine[i], false, std::nullopt});
    }
    plan_.operations.push_back(std::move(op));
    ++plan_.counts.creates;
    Remember(project.id.value(), 0, mine);
}

void ProjectPlanner::PlanImport(const LinkEntry& entry) {
    const ProjectValues theirs = ValuesOf(*index_.Project(entry.remote_id));
    Operation op = Op(OperationKind::kImportProject, entry);
    op.reason = entry.reason;
    for (std::size_t i = 0; i < kProjectFieldCount; ++i) {
        if (theirs[i].empty()) continue;
        op.changes.push_back({std::string(Key(static_cast<ProjectField>(i))), "", theirs[i],
                              false, std::nullopt});
    }
    // Projects from Procore join every group (product.md §5).
    for (const std::string& group : group_names_) {
        op.changes.push_back({"groups", "", group, false, std::nullopt});
    }
    plan_.operations.push_back(std::move(op));
    ++plan_.counts.imports;
    Remember(0, entry.remote_id, theirs);
}

void ProjectPlanner::PlanEntry(const LinkEntry& entry) {
    if (entry.local_id == 0) {
        if (entry.status == LinkStatus::kWouldCreate && !crewsync_owns_) PlanImport(entry);
        return;
    }
    const LocalProject* local = index_.LocalProjectById(entry.local_id);
    switch (entry.status) {
        case LinkStatus::kLinked:
        case LinkStatus::kWouldLink: PlanLinked(entry, local->project); break;
        case LinkStatus::kWouldCreate: PlanCreate(entry, local->project); break;
        default: ++plan_.counts.skipped; break;
    }
}

}  // namespace

void PlanProjects(const Index& index, const Settings& settings, const LinkReport& report,
                  const std::vector<std::string>& group_names, Plan& plan) {
    ProjectPlanner planner(index, settings, group_names, plan);
    for (const LinkEntry& entry : report.entries) {
        if (entry.local_kind == LocalKind::kProject) planner.PlanEntry(entry);
    }
}

}  // namespace crewsync::sync::internal
