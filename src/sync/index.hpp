// Internal to the sync core: the lookups link and plan share, built once per call.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sync/local.hpp"
#include "sync/remote.hpp"
#include "sync/settings.hpp"
#include "sync/state.hpp"

namespace crewsync::sync::internal {

// The links one crewsync record holds (a person may hold a User and a Contact link).
struct RecordLinks {
    const Link* user = nullptr;
    const Link* contact = nullptr;
    const Link* project = nullptr;
};

// Which Directory record a person is synced to, and whether the person's type changed since
// the last sync (product.md §3, "Type change").
struct Target {
    RemoteKind kind = RemoteKind::kUser;
    const Link* link = nullptr;      // the link to that record, if there is one
    const Link* previous = nullptr;  // type change: the link to the record of the old kind
    bool match_user_first = false;   // assignable and unlinked: a User with the e-mail wins
};

class Index {
public:
    Index(const LocalSnapshot& local, const RemoteSnapshot& remote, const SyncState& state);

    const RemoteUser* User(ProcoreId id) const;
    const RemoteContact* Contact(ProcoreId id) const;
    const RemoteProject* Project(ProcoreId id) const;
    const LocalPerson* Person(std::int64_t id) const;
    const LocalProject* LocalProjectById(std::int64_t id) const;

    RecordLinks PersonLinks(std::int64_t person_id) const;
    RecordLinks ProjectLinks(std::int64_t project_id) const;
    const PersonBaseline* PersonBaselineFor(std::int64_t person_id) const;
    const ProjectBaseline* ProjectBaselineFor(std::int64_t project_id) const;
    // The crewsync record a Procore record is linked to (0 if none).
    std::int64_t LinkedLocal(RemoteKind kind, ProcoreId id) const;
    bool Dismissed(std::int64_t person_id, RemoteKind kind, ProcoreId id) const;

    Target TargetFor(const ::crewsync::Person& person) const;

    // People and projects sorted by id (the report's and plan's order).
    const std::vector<const LocalPerson*>& PeopleById() const { return people_by_id_; }
    const std::vector<const LocalProject*>& ProjectsById() const { return projects_by_id_; }

    // One number for a (kind, Procore id) pair, for sets and maps.
    static std::uint64_t RemoteKey(RemoteKind kind, ProcoreId id);

private:
    std::unordered_map<ProcoreId, const RemoteUser*> users_;
    std::unordered_map<ProcoreId, const RemoteContact*> contacts_;
    std::unordered_map<ProcoreId, const RemoteProject*> projects_;
    std::unordered_map<std::int64_t, const LocalPerson*> people_;
    std::unordered_map<std::int64_t, const LocalProject*> local_projects_;
    std::unordered_map<std::int64_t, RecordLinks> person_links_;
    std::unordered_map<std::int64_t, RecordLinks> project_links_;
    std::unordered_map<std::int64_t, const PersonBaseline*> person_baselines_;
    std::unordered_map<std::int64_t, const ProjectBaseline*> project_baselines_;
    std::unordered_map<std::uint64_t, std::int64_t> linked_local_;  // RemoteKey → local id
    std::unordered_map<std::uint64_t, std::vector<std::int64_t>> dismissed_;  // → person ids
    std::vector<const LocalPerson*> people_by_id_;
    std::vector<const LocalProject*> projects_by_id_;
};

// What crewsync writes into origin_id: "<prefix>person:<id>" / "<prefix>project:<id>".
std::string PersonOriginId(const Settings& settings, std::int64_t person_id);
// The origin_id of a record created for a person who changed type: Procore keeps origin_id
// unique across a company's users and contacts, and the retired record keeps the plain one, so
// the new record's names its kind: "<prefix>person:<id>:user" / "…:contact".
std::string PersonOriginId(const Settings& settings, std::int64_t person_id, RemoteKind kind);
// The person id in an origin_id crewsync wrote (either form above), or 0.
std::int64_t OriginPersonId(std::string_view origin_id, std::string_view prefix);
std::string ProjectOriginId(const Settings& settings, std::int64_t project_id);

// "Jane Doe <jane@example.com>", "Jane Doe (E1042)" or "Jane Doe".
std::string PersonLabel(std::string_view first, std::string_view last, std::string_view email,
                        std::string_view employee_id);
// "2024-017 Riverside Clinic".
std::string ProjectLabel(std::string_view number, std::string_view name);

}  // namespace crewsync::sync::internal
