// Planning people (product.md §3): creates, field updates with one-way resets or two-way pulls
// and conflicts, deactivation and reactivation, type changes and two-way imports.
#include "sync/plan_steps.hpp"

namespace crewsync::sync::internal {
namespace {

class PeoplePlanner {
public:
    PeoplePlanner(const Index& index, const Settings& settings, Plan& plan)
        : index_(index), settings_(settings), plan_(plan) {}

    void PlanEntry(const LinkEntry& entry);

private:
    void RetirePrevious(const Person& person, const std::string& label);
    void PlanLinked(const LinkEntry& entry, const LocalPerson& local);
    void PlanCreate(const LinkEntry& entry, const LocalPerson& local);
    void PlanImport(const LinkEntry& entry);
    void RememberBaseline(const Person& person, RemoteKind kind, ProcoreId remote_id,
                          PersonValues values);
    Operation Op(OperationKind kind, const LinkEntry& entry) const {
        Operation op;
        op.kind = kind;
        op.local_kind = LocalKind::kPerson;
        op.local_id = entry.local_id;
        op.remote_kind = entry.remote_kind;
        op.remote_id = entry.remote_id;
        op.label = entry.label;
        return op;
    }

    const Index& index_;
    const Settings& settings_;
    Plan& plan_;
};

// A type change retires the Directory record of the old kind (product.md §3): the Contact of a
// person who became a user is deactivated; the User of a person who became assignable is
// deactivated only when the settings say so.
void PeoplePlanner::RetirePrevious(const Person& person, const std::string& label) {
    const Target target = index_.TargetFor(person);
    if (!target.previous) return;
    const Link& old = *target.previous;
    bool active = false;
    if (old.remote_kind == RemoteKind::kContact) {
        const RemoteContact* c = index_.Contact(old.remote_id);
        active = c && c->active;
    } else {
        const RemoteUser* u = index_.User(old.remote_id);
        active = u && u->active && settings_.deactivate_user_on_type_change;
    }
    if (!active) return;
    Operation op;
    op.kind = OperationKind::kDeactivateRemote;
    op.local_id = person.id.value();
    op.remote_kind = old.remote_kind;
    op.remote_id = old.remote_id;
    op.label = label;
    op.reason = std::string("type changed to ") + std::string(Name(person.type)) + ": the " +
                Name(old.remote_kind) + " is retired";
    op.changes.push_back({"status", "active", "inactive", false, std::nullopt});
    plan_.operations.push_back(std::move(op));
}

void PeoplePlanner::RememberBaseline(const Person& person, RemoteKind kind, ProcoreId remote_id,
                                     PersonValues values) {
    PersonBaseline next{person.id.value(), person.type, kind, remote_id, std::move(values)};
    const PersonBaseline* stored = index_.PersonBaselineFor(person.id.value());
    if (stored && *stored == next) return;
    plan_.person_baselines.push_back(std::move(next));
}

void PeoplePlanner::PlanLinked(const LinkEntry& entry, const LocalPerson& local) {
    const Person& person = local.person;
    const RemoteKind kind = entry.remote_kind;
    PersonValues remote;
    Timestamp remote_updated{};
    std::string remote_origin;
    if (kind == RemoteKind::kUser) {
        const RemoteUser* u = index_.User(entry.remote_id);
        if (!u) return (void)++plan_.counts.skipped;
        remote = ValuesOf(*u);
        remote_updated = u->updated_at;
        remote_origin = u->origin_id;
    } else {
        const RemoteContact* c = index_.Contact(entry.remote_id);
        if (!c) return (void)++plan_.counts.skipped;
        remote = ValuesOf(*c);
        remote_updated = c->updated_at;
        remote_origin = c->origin_id;
    }
    const std::size_t first_op = plan_.operations.size();
    if (entry.status == LinkStatus::kWouldLink) {
        Operation link = Op(OperationKind::kLink, entry);
        link.link_origin =
            OriginPersonId(remote_origin, settings_.origin_prefix) == person.id.value()
                ? LinkOrigin::kRecovered
                : LinkOrigin::kMatched;
        link.reason = entry.reason;
        plan_.operations.push_back(std::move(link));
        ++plan_.counts.links;
    }
    RetirePrevious(person, entry.label);

    const PersonBaseline* stored = index_.PersonBaselineFor(person.id.value());
    const PersonValues* base =
        stored && stored->remote_kind == kind && stored->remote_id == entry.remote_id
            ? &stored->values
            : nullptr;
    const bool two_way = settings_.direction == SyncDirection::kTwoWay;
    // Starts as crewsync's values; a field pulled from the Directory takes the Directory's.
    PersonValues agreed = ValuesOf(person);
    Operation push = Op(OperationKind::kUpdateRemote, entry);
    Operation pull = Op(OperationKind::kUpdateLocal, entry);
    std::optional<StatusChange> status_push;

    for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
        const auto field = static_cast<PersonField>(i);
        if (!IsSynced(field, kind)) continue;
        const std::string& l = agreed[i];  // still crewsync's value: only [i] changes below
        const std::string& r = remote[i];
        if (SameValue(field, l, r, settings_.default_country_code)) continue;
        const bool remote_moved =
            base && !SameValue(field, r, (*base)[i], settings_.default_country_code);
        const bool local_moved =
            !base || !SameValue(field, l, (*base)[i], settings_.default_country_code);
        bool to_procore = !two_way || IsOneWay(field) || !remote_moved;
        std::optional<ConflictResolution> conflict;
        if (!to_procore && local_moved) {
            conflict = Resolve(settings_.conflict_rule, local.modified_at, remote_updated, l, r);
            to_procore = conflict->winner == "crewsync";
            ++plan_.counts.conflicts;
        }
        const std::string key(Key(field));
        if (to_procore) {
            FieldChange change{key, r, l, remote_moved && !conflict, conflict};
            if (change.reset) ++plan_.counts.resets;
            if (field == PersonField::kActive) {
                std::string why = change.reset ? "the Directory changed its status; crewsync wins"
                                               : "the person's status changed in crewsync";
                status_push = StatusChange{std::move(change), std::move(why)};
            } else {
                push.changes.push_back(std::move(change));
            }
        } else {
            pull.changes.push_back({key, l, r, false, conflict});
            agreed[i] = r;
        }
    }

    AppendInRunOrder(plan_, Op(OperationKind::kUpdateRemote, entry), std::move(status_push),
                     std::move(push), plan_.counts.updates);
    if (!pull.changes.empty()) {
        pull.reason = "changed in the Directory (two-way sync)";
        plan_.operations.push_back(std::move(pull));
        ++plan_.counts.local_updates;
    }
    const bool only_link = plan_.operations.size() - first_op ==
                           (entry.status == LinkStatus::kWouldLink ? 1u : 0u);
    if (only_link) ++plan_.counts.unchanged;
    RememberBaseline(person, kind, entry.remote_id, std::move(agreed));
}

void PeoplePlanner::PlanCreate(const LinkEntry& entry, const LocalPerson& local) {
    const Person& person = local.person;
    RetirePrevious(person, entry.label);
    const bool user = entry.remote_kind == RemoteKind::kUser;
    Operation op = Op(user ? OperationKind::kCreateUser : OperationKind::kCreateContact, entry);
    op.reason = entry.reason;
    op.origin_id = index_.TargetFor(person).previous
                       ? PersonOriginId(settings_, person.id.value(), entry.remote_kind)
                       : PersonOriginId(settings_, person.id.value());
    if (user) op.permission_template_id = settings_.permission_template_id;
    PersonValues mine = ValuesOf(person);
    const auto written = [&](std::size_t i) {
        const auto field = static_cast<PersonField>(i);
        return field != PersonField::kActive && IsSynced(field, entry.remote_kind) &&
               !mine[i].empty();
    };
    std::size_t count = 0;
    for (std::size_t i = 0; i < kPersonFieldCount; ++i) count += written(i) ? 1 : 0;
    op.changes.reserve(count);
    for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
        if (!written(i)) continue;
        op.changes.push_back(
            {std::string(Key(static_cast<PersonField>(i))), "", mine[i], false, std::nullopt});
    }
    plan_.operations.push_back(std::move(op));
    ++plan_.counts.creates;
    RememberBaseline(person, entry.remote_kind, 0, std::move(mine));
}

void PeoplePlanner::PlanImport(const LinkEntry& entry) {
    PersonValues theirs;
    if (entry.remote_kind == RemoteKind::kUser) {
        theirs = ValuesOf(*index_.User(entry.remote_id));
    } else {
        theirs = ValuesOf(*index_.Contact(entry.remote_id));
    }
    // The person as the import will write it: only the fields this kind of record carries.
    Person imported;
    imported.type = entry.remote_kind == RemoteKind::kUser ? PersonType::kUser
                                                            : PersonType::kAssignable;
    Operation op = Op(OperationKind::kImportPerson, entry);
    op.reason = entry.reason;
    for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
        const auto field = static_cast<PersonField>(i);
        if (field == PersonField::kIsEmployee || !IsSynced(field, entry.remote_kind)) continue;
        if (theirs[i].empty()) continue;
        op.changes.push_back({std::string(Key(field)), "", theirs[i], false, std::nullopt});
        SetField(imported, field, theirs[i]);
    }
    plan_.operations.push_back(std::move(op));
    ++plan_.counts.imports;
    // person_id 0: the executor fills in the id the import gets.
    plan_.person_baselines.push_back(
        {0, imported.type, entry.remote_kind, entry.remote_id, ValuesOf(imported)});
}

void PeoplePlanner::PlanEntry(const LinkEntry& entry) {
    if (entry.local_id == 0) {
        if (entry.status == LinkStatus::kWouldCreate) PlanImport(entry);
        return;
    }
    const LocalPerson* local = index_.Person(entry.local_id);
    switch (entry.status) {
        case LinkStatus::kLinked:
        case LinkStatus::kWouldLink: PlanLinked(entry, *local); break;
        case LinkStatus::kWouldCreate: PlanCreate(entry, *local); break;
        default: ++plan_.counts.skipped; break;
    }
}

}  // namespace

void PlanPeople(const Index& index, const Settings& settings, const LinkReport& report,
                Plan& plan) {
    PeoplePlanner planner(index, settings, plan);
    plan.operations.reserve(plan.operations.size() + report.entries.size());
    plan.person_baselines.reserve(plan.person_baselines.size() + report.entries.size());
    for (const LinkEntry& entry : report.entries) {
        if (entry.local_kind == LocalKind::kPerson) planner.PlanEntry(entry);
    }
}

}  // namespace crewsync::sync::internal
