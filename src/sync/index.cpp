#include "sync/index.hpp"

#include <algorithm>
#include <charconv>

#include "model/text.hpp"

namespace crewsync::sync::internal {
namespace {

template <typename Map>
auto Find(const Map& map, typename Map::key_type key) -> typename Map::mapped_type {
    const auto it = map.find(key);
    return it == map.end() ? typename Map::mapped_type{} : it->second;
}

}  // namespace

std::uint64_t Index::RemoteKey(RemoteKind kind, ProcoreId id) {
    // Procore ids stay far below 2^62, so the kind fits in the top bits.
    return (static_cast<std::uint64_t>(kind) << 62) ^ static_cast<std::uint64_t>(id);
}

Index::Index(const LocalSnapshot& local, const RemoteSnapshot& remote, const SyncState& state) {
    users_.reserve(remote.users.size());
    for (const RemoteUser& u : remote.users) users_.emplace(u.id, &u);
    contacts_.reserve(remote.contacts.size());
    for (const RemoteContact& c : remote.contacts) contacts_.emplace(c.id, &c);
    for (const RemoteProject& p : remote.projects) projects_.emplace(p.id, &p);

    people_.reserve(local.people.size());
    people_by_id_.reserve(local.people.size());
    for (const LocalPerson& p : local.people) {
        people_.emplace(p.person.id.value(), &p);
        people_by_id_.push_back(&p);
    }
    std::sort(people_by_id_.begin(), people_by_id_.end(),
              [](const LocalPerson* a, const LocalPerson* b) {
                  return a->person.id.value() < b->person.id.value();
              });
    for (const LocalProject& p : local.projects) {
        local_projects_.emplace(p.project.id.value(), &p);
        projects_by_id_.push_back(&p);
    }
    std::sort(projects_by_id_.begin(), projects_by_id_.end(),
              [](const LocalProject* a, const LocalProject* b) {
                  return a->project.id.value() < b->project.id.value();
              });

    person_links_.reserve(state.links.size());
    linked_local_.reserve(state.links.size());
    for (const Link& link : state.links) {
        if (link.local_kind == LocalKind::kPerson) {
            RecordLinks& r = person_links_[link.local_id];
            (link.remote_kind == RemoteKind::kContact ? r.contact : r.user) = &link;
        } else {
            project_links_[link.local_id].project = &link;
        }
        linked_local_[RemoteKey(link.remote_kind, link.remote_id)] = link.local_id;
    }
    for (const PersonBaseline& b : state.people) person_baselines_[b.person_id] = &b;
    for (const ProjectBaseline& b : state.projects) project_baselines_[b.project_id] = &b;
    for (const Dismissal& d : state.dismissals) {
        dismissed_[RemoteKey(d.remote_kind, d.remote_id)].push_back(d.person_id);
    }
}

const RemoteUser* Index::User(ProcoreId id) const { return Find(users_, id); }
const RemoteContact* Index::Contact(ProcoreId id) const { return Find(contacts_, id); }
const RemoteProject* Index::Project(ProcoreId id) const { return Find(projects_, id); }
const LocalPerson* Index::Person(std::int64_t id) const { return Find(people_, id); }
const LocalProject* Index::LocalProjectById(std::int64_t id) const {
    return Find(local_projects_, id);
}
RecordLinks Index::PersonLinks(std::int64_t id) const { return Find(person_links_, id); }
RecordLinks Index::ProjectLinks(std::int64_t id) const { return Find(project_links_, id); }
const PersonBaseline* Index::PersonBaselineFor(std::int64_t id) const {
    return Find(person_baselines_, id);
}
const ProjectBaseline* Index::ProjectBaselineFor(std::int64_t id) const {
    return Find(project_baselines_, id);
}
std::int64_t Index::LinkedLocal(RemoteKind kind, ProcoreId id) const {
    return Find(linked_local_, RemoteKey(kind, id));
}

bool Index::Dismissed(std::int64_t person_id, RemoteKind kind, ProcoreId id) const {
    const auto it = dismissed_.find(RemoteKey(kind, id));
    if (it == dismissed_.end()) return false;
    return std::find(it->second.begin(), it->second.end(), person_id) != it->second.end();
}

Target Index::TargetFor(const ::crewsync::Person& person) const {
    const RecordLinks links = PersonLinks(person.id.value());
    Target t;
    if (CanLogIn(person.type)) {
        // user and both are Directory Users; a Contact left from an earlier type is retired.
        t.kind = RemoteKind::kUser;
        t.link = links.user;
        t.previous = links.contact;
        return t;
    }
    if (links.contact) {
        t.kind = RemoteKind::kContact;
        t.link = links.contact;
        const PersonBaseline* base = PersonBaselineFor(person.id.value());
        if (links.user && base && CanLogIn(base->type)) t.previous = links.user;
        return t;
    }
    if (links.user) {
        const PersonBaseline* base = PersonBaselineFor(person.id.value());
        if (base && CanLogIn(base->type)) {
            // Was a user or both: becomes a Contact; the User stays (product.md §3).
            t.kind = RemoteKind::kContact;
            t.previous = links.user;
            return t;
        }
        // An assignable person linked to the User that had its e-mail.
        t.kind = RemoteKind::kUser;
        t.link = links.user;
        return t;
    }
    t.kind = RemoteKind::kContact;
    t.match_user_first = true;
    return t;
}

std::string PersonOriginId(const Settings& settings, std::int64_t person_id) {
    return settings.origin_prefix + "person:" + std::to_string(person_id);
}

std::string PersonOriginId(const Settings& settings, std::int64_t person_id, RemoteKind kind) {
    return PersonOriginId(settings, person_id) + ":" + Name(kind);
}

std::int64_t OriginPersonId(std::string_view origin_id, std::string_view prefix) {
    if (origin_id.size() <= prefix.size() + 7 || !origin_id.starts_with(prefix)) return 0;
    origin_id.remove_prefix(prefix.size());
    if (!origin_id.starts_with("person:")) return 0;
    origin_id.remove_prefix(7);
    for (std::string_view kind : {":user", ":contact"}) {
        if (origin_id.ends_with(kind)) {
            origin_id.remove_suffix(kind.size());
            break;
        }
    }
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(origin_id.data(), origin_id.data() + origin_id.size(), id);
    return ec == std::errc() && end == origin_id.data() + origin_id.size() ? id : 0;
}

std::string ProjectOriginId(const Settings& settings, std::int64_t project_id) {
    return settings.origin_prefix + "project:" + std::to_string(project_id);
}

std::string PersonLabel(std::string_view first, std::string_view last, std::string_view email,
                        std::string_view employee_id) {
    std::string label(Trim(first));
    const std::string_view l = Trim(last);
    if (!l.empty()) {
        if (!label.empty()) label += ' ';
        label += l;
    }
    email = Trim(email);
    employee_id = Trim(employee_id);
    if (!email.empty()) {
        label += label.empty() ? "<" : " <";
        label.append(email).push_back('>');
    } else if (!employee_id.empty()) {
        label += label.empty() ? "(" : " (";
        label.append(employee_id).push_back(')');
    }
    return label;
}

std::string ProjectLabel(std::string_view number, std::string_view name) {
    std::string label(Trim(number));
    const std::string_view n = Trim(name);
    if (!n.empty()) {
        if (!label.empty()) label += ' ';
        label += n;
    }
    return label;
}

}  // namespace crewsync::sync::internal
