#include "engine/sync_state_store.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <fmt/format.h>


namespace crewsync::engine {
namespace {

store::Entity EntityOf(sync::LocalKind kind) {
    return kind == sync::LocalKind::kPerson ? store::Entity::kPerson : store::Entity::kProject;
}

Error Corrupt(std::string what) {
    return Error(ErrorCode::kCorrupt, "the sync state in the database is damaged: " +
                                          std::move(what));
}

template <std::size_t N>
Result<std::array<std::string, N>> ValuesFrom(const store::BaselineRow& row) {
    if (row.values.size() != N) {
        return Fail(Corrupt(fmt::format("the baseline of {} {} has {} values, not {}",
                                        store::Name(row.entity), row.local_id,
                                        row.values.size(), N)));
    }
    std::array<std::string, N> values;
    std::copy(row.values.begin(), row.values.end(), values.begin());
    return values;
}

// The journal's names of the fields the sync maps (model/diff.cpp), for newest wins.
const std::vector<std::string>& MappedPersonFields() {
    static const std::vector<std::string> fields = {
        "first_name", "last_name", "email", "employee_id", "mobile_phone", "job_title", "status"};
    return fields;
}
const std::vector<std::string>& MappedProjectFields() {
    static const std::vector<std::string> fields = {
        "name",    "project_number", "status",      "start_date", "planned_end_date",
        "address", "city",           "postal_code", "time_zone"};
    return fields;
}

Result<std::unordered_map<std::int64_t, Timestamp>> LastChanges(
    store::Transaction& tx, store::Entity entity, const std::vector<std::string>& fields) {
    CREWSYNC_ASSIGN_OR_RETURN(auto changes, tx.ListLastChanges(entity, fields));
    std::unordered_map<std::int64_t, Timestamp> times;
    times.reserve(changes.size());
    for (const store::LastChange& c : changes) {
        const std::optional<Timestamp> at = ParseTimestamp(c.recorded_at);
        if (!at) {
            return Fail(Corrupt(fmt::format("journal time '{}' of {} {}", c.recorded_at,
                                            store::Name(entity), c.entity_id)));
        }
        times.emplace(c.entity_id, *at);
    }
    return times;
}

}  // namespace

sync::Settings SettingsFrom(const workspace::Config& config) {
    sync::Settings s;
    s.scope = config.people.scope;
    s.direction = config.people.direction;
    s.conflict_rule = config.people.conflict_rule;
    s.deactivate_user_on_type_change = config.people.deactivate_user_on_type_change;
    s.permission_template_id = config.people.permission_template_id;
    s.projects_system_of_record = config.projects.system_of_record;
    s.default_country_code = config.workspace.default_country_code;
    s.suggestion_threshold = config.people.suggestion_threshold;
    s.mass_change_share = config.sync.mass_change_share;
    s.mass_change_min_records = config.sync.mass_change_min_records;
    return s;
}

Result<sync::RemoteKind> ParseRemoteKind(std::string_view text) {
    for (auto kind : {sync::RemoteKind::kUser, sync::RemoteKind::kContact,
                      sync::RemoteKind::kProject}) {
        if (text == sync::Name(kind)) return kind;
    }
    return Fail(Corrupt(fmt::format("unknown Procore record kind '{}'", text)));
}

Result<sync::LinkOrigin> ParseLinkOrigin(std::string_view text) {
    for (auto origin : {sync::LinkOrigin::kMatched, sync::LinkOrigin::kAccepted,
                        sync::LinkOrigin::kManual, sync::LinkOrigin::kCreated,
                        sync::LinkOrigin::kRecovered}) {
        if (text == sync::Name(origin)) return origin;
    }
    return Fail(Corrupt(fmt::format("unknown link origin '{}'", text)));
}

store::LinkRow ToRow(const sync::Link& link) {
    store::LinkRow row;
    row.entity = EntityOf(link.local_kind);
    row.local_id = link.local_id;
    row.procore_kind = sync::Name(link.remote_kind);
    row.procore_id = link.remote_id;
    row.how = sync::Name(link.origin);
    return row;
}

store::DismissalRow ToRow(const sync::Dismissal& dismissal) {
    return {dismissal.person_id, sync::Name(dismissal.remote_kind), dismissal.remote_id};
}

store::BaselineRow ToRow(const sync::PersonBaseline& baseline) {
    store::BaselineRow row;
    row.entity = store::Entity::kPerson;
    row.local_id = baseline.person_id;
    row.person_type = std::string(Name(baseline.type));
    row.procore_kind = sync::Name(baseline.remote_kind);
    row.procore_id = baseline.remote_id;
    row.values.assign(baseline.values.begin(), baseline.values.end());
    return row;
}

store::BaselineRow ToRow(const sync::ProjectBaseline& baseline) {
    store::BaselineRow row;
    row.entity = store::Entity::kProject;
    row.local_id = baseline.project_id;
    row.procore_kind = sync::Name(sync::RemoteKind::kProject);
    row.procore_id = baseline.remote_id;
    row.values.assign(baseline.values.begin(), baseline.values.end());
    return row;
}

Result<sync::SyncState> LoadSyncState(store::Transaction& tx) {
    sync::SyncState state;
    CREWSYNC_ASSIGN_OR_RETURN(auto links, tx.ListLinks());
    state.links.reserve(links.size());
    for (const store::LinkRow& row : links) {
        sync::Link link;
        link.local_kind = row.entity == store::Entity::kPerson ? sync::LocalKind::kPerson
                                                                : sync::LocalKind::kProject;
        link.local_id = row.local_id;
        CREWSYNC_ASSIGN_OR_RETURN(link.remote_kind, ParseRemoteKind(row.procore_kind));
        link.remote_id = row.procore_id;
        CREWSYNC_ASSIGN_OR_RETURN(link.origin, ParseLinkOrigin(row.how));
        state.links.push_back(link);
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto dismissals, tx.ListDismissals());
    for (const store::DismissalRow& row : dismissals) {
        sync::Dismissal d;
        d.person_id = row.person_id;
        CREWSYNC_ASSIGN_OR_RETURN(d.remote_kind, ParseRemoteKind(row.procore_kind));
        d.remote_id = row.procore_id;
        state.dismissals.push_back(d);
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto baselines, tx.ListBaselines());
    for (const store::BaselineRow& row : baselines) {
        if (row.entity == store::Entity::kPerson) {
            sync::PersonBaseline b;
            b.person_id = row.local_id;
            const std::optional<PersonType> type = ParsePersonType(row.person_type);
            if (!type) {
                return Fail(Corrupt(fmt::format("person type '{}' of the baseline of person {}",
                                                row.person_type, row.local_id)));
            }
            b.type = *type;
            CREWSYNC_ASSIGN_OR_RETURN(b.remote_kind, ParseRemoteKind(row.procore_kind));
            b.remote_id = row.procore_id;
            CREWSYNC_ASSIGN_OR_RETURN(b.values, ValuesFrom<sync::kPersonFieldCount>(row));
            state.people.push_back(std::move(b));
        } else {
            sync::ProjectBaseline b;
            b.project_id = row.local_id;
            b.remote_id = row.procore_id;
            CREWSYNC_ASSIGN_OR_RETURN(b.values, ValuesFrom<sync::kProjectFieldCount>(row));
            state.projects.push_back(std::move(b));
        }
    }
    return state;
}

Result<sync::LocalSnapshot> LoadLocalSnapshot(store::Transaction& tx) {
    sync::LocalSnapshot local;
    CREWSYNC_ASSIGN_OR_RETURN(auto people, tx.ListPeople({}));
    CREWSYNC_ASSIGN_OR_RETURN(auto person_times,
                              LastChanges(tx, store::Entity::kPerson, MappedPersonFields()));
    local.people.reserve(people.size());
    for (Person& p : people) {
        const auto at = person_times.find(p.id.value());
        local.people.push_back({std::move(p), at == person_times.end() ? Timestamp{} : at->second});
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx.ListProjects({}));
    CREWSYNC_ASSIGN_OR_RETURN(auto project_times,
                              LastChanges(tx, store::Entity::kProject, MappedProjectFields()));
    local.projects.reserve(projects.size());
    for (Project& p : projects) {
        const auto at = project_times.find(p.id.value());
        local.projects.push_back(
            {std::move(p), at == project_times.end() ? Timestamp{} : at->second});
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto groups, tx.ListGroups());
    for (const Group& g : groups) local.group_names.push_back(g.name);
    return local;
}

}  // namespace crewsync::engine
