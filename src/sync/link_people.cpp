// Linking people (product.md §3, §4): which Directory record each crewsync person is, or will
// be, and which Directory records nothing in crewsync matches.
#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "model/text.hpp"
#include "sync/index.hpp"
#include "sync/key_groups.hpp"
#include "sync/link_steps.hpp"
#include "sync/normalize.hpp"

namespace crewsync::sync::internal {
namespace {

struct RemoteRef {
    RemoteKind kind;
    ProcoreId id;
};

std::string ListOf(const std::vector<std::int64_t>& ids, std::string_view noun) {
    std::string out;
    for (std::int64_t id : ids) {
        if (!out.empty()) out += ", ";
        out.append(noun).append(" ").append(std::to_string(id));
    }
    return out;
}

// Whether a person takes part in linking: in scope, and active or already in Procore.
bool InScope(const Person& person, const Settings& settings) {
    return settings.scope == PeopleScope::kAll || CanLogIn(person.type);
}

class PeopleLinker {
public:
    PeopleLinker(const Index& index, const RemoteSnapshot& remote, const Settings& settings)
        : index_(index), remote_(remote), settings_(settings) {}

    void Run(LinkReport& report);

private:
    void IndexRemote();
    void FindLocalDuplicates();
    LinkEntry LinkPerson(std::size_t at);
    void Match(std::size_t at, const Target& target, LinkEntry& entry);
    std::vector<FieldDifference> Differences(const Person& person, RemoteRef ref) const;
    std::string ClaimKeyMatches(std::size_t at, bool contacts);
    void AddSuggestions(LinkReport& report);
    void AddDirectoryOnly(LinkReport& report);
    void Claim(RemoteKind kind, ProcoreId id) { claimed_.insert(Index::RemoteKey(kind, id)); }
    bool Claimed(RemoteKind kind, ProcoreId id) const {
        return claimed_.count(Index::RemoteKey(kind, id)) > 0;
    }

    const Index& index_;
    const RemoteSnapshot& remote_;
    const Settings& settings_;
    // Every key normalised once. People are numbered by their place in index_.PeopleById().
    std::vector<std::string> user_emails_;
    std::vector<std::string> contact_employee_ids_;
    std::vector<std::string> local_emails_;
    std::vector<std::string> local_employee_ids_;
    KeyGroups users_by_email_;               // → places in remote_.users
    KeyGroups contacts_by_employee_id_;      // → places in remote_.contacts
    KeyGroups local_by_email_;               // → people taking part, by place
    KeyGroups local_by_employee_id_;
    std::unordered_map<std::int64_t, std::vector<RemoteRef>> by_origin_;  // person id → records
    std::unordered_set<std::uint64_t> claimed_;
};

void PeopleLinker::IndexRemote() {
    user_emails_.reserve(remote_.users.size());
    for (const RemoteUser& u : remote_.users) {
        user_emails_.push_back(NormalizeEmail(u.email));
        if (std::int64_t id = OriginPersonId(u.origin_id, settings_.origin_prefix)) {
            by_origin_[id].push_back({RemoteKind::kUser, u.id});
        }
    }
    users_by_email_ = KeyGroups({user_emails_.begin(), user_emails_.end()});
    contact_employee_ids_.reserve(remote_.contacts.size());
    for (const RemoteContact& c : remote_.contacts) {
        contact_employee_ids_.push_back(NormalizeEmployeeId(c.employee_id));
        if (std::int64_t id = OriginPersonId(c.origin_id, settings_.origin_prefix)) {
            by_origin_[id].push_back({RemoteKind::kContact, c.id});
        }
    }
    contacts_by_employee_id_ =
        KeyGroups({contact_employee_ids_.begin(), contact_employee_ids_.end()});
}

// Two crewsync people with one e-mail or employee ID: neither is written until resolved.
// Only people that would take part count: in scope, and active or already linked.
void PeopleLinker::FindLocalDuplicates() {
    const std::vector<const LocalPerson*>& people = index_.PeopleById();
    local_emails_.reserve(people.size());
    local_employee_ids_.reserve(people.size());
    std::vector<std::string_view> emails(people.size());
    std::vector<std::string_view> employee_ids(people.size());
    for (std::size_t at = 0; at < people.size(); ++at) {
        const Person& p = people[at]->person;
        local_emails_.push_back(NormalizeEmail(p.email));
        local_employee_ids_.push_back(NormalizeEmployeeId(p.employee_id));
        if (!InScope(p, settings_)) continue;
        const RecordLinks links = index_.PersonLinks(p.id.value());
        if (p.status != RecordStatus::kActive && !links.user && !links.contact) continue;
        emails[at] = local_emails_[at];
        employee_ids[at] = local_employee_ids_[at];
    }
    local_by_email_ = KeyGroups(std::move(emails));
    local_by_employee_id_ = KeyGroups(std::move(employee_ids));
}

std::vector<FieldDifference> PeopleLinker::Differences(const Person& person, RemoteRef ref) const {
    // A clean match agrees on first name, last name, e-mail and employee ID after normalising;
    // a value missing on one side is filled in by the sync, not a disagreement.
    std::string_view first, last, email, employee_id;
    if (ref.kind == RemoteKind::kUser) {
        const RemoteUser& u = *index_.User(ref.id);
        first = u.first_name, last = u.last_name, email = u.email, employee_id = u.employee_id;
    } else {
        const RemoteContact& c = *index_.Contact(ref.id);
        first = c.first_name, last = c.last_name, email = c.email, employee_id = c.employee_id;
    }
    std::vector<FieldDifference> out;
    auto compare = [&](PersonField field, std::string_view mine, std::string_view theirs,
                       std::string (*normalize)(std::string_view)) {
        mine = Trim(mine);
        theirs = Trim(theirs);
        if (mine.empty() || theirs.empty()) return;
        if (normalize(mine) != normalize(theirs)) {
            out.push_back({std::string(Key(field)), std::string(mine), std::string(theirs)});
        }
    };
    compare(PersonField::kFirstName, person.first_name, first, &NormalizeName);
    compare(PersonField::kLastName, person.last_name, last, &NormalizeName);
    compare(PersonField::kEmail, person.email, email, &NormalizeEmail);
    compare(PersonField::kEmployeeId, person.employee_id, employee_id, &NormalizeEmployeeId);
    return out;
}

// A person that is held back (a duplicate, out of scope) still owns the Directory records its
// keys match: they are neither imported as other people nor reported as "directory only", which
// would make one human three records. Returns "user 101, contact 201" for the reason.
std::string PeopleLinker::ClaimKeyMatches(std::size_t at, bool contacts) {
    std::string which;
    const auto claim = [&](RemoteKind kind, ProcoreId id) {
        if (index_.LinkedLocal(kind, id) != 0) return;
        Claim(kind, id);  // both duplicates name it, so neither reason hides it
        if (!which.empty()) which += ", ";
        which += std::string(Name(kind)) + " " + std::to_string(id);
    };
    for (std::uint32_t u : users_by_email_.Find(local_emails_[at])) {
        claim(RemoteKind::kUser, remote_.users[u].id);
    }
    if (contacts) {
        for (std::uint32_t c : contacts_by_employee_id_.Find(local_employee_ids_[at])) {
            claim(RemoteKind::kContact, remote_.contacts[c].id);
        }
    }
    return which;
}

void PeopleLinker::Match(std::size_t at, const Target& target, LinkEntry& entry) {
    const Person& person = index_.PeopleById()[at]->person;
    const std::int64_t pid = person.id.value();
    std::vector<RemoteRef> candidates;
    std::vector<std::int64_t> taken_by;  // people already linked to a record with this key
    auto consider = [&](RemoteKind kind, ProcoreId id) {
        const std::int64_t owner = index_.LinkedLocal(kind, id);
        if (owner == 0) {
            candidates.push_back({kind, id});
        } else if (owner != pid) {
            taken_by.push_back(owner);
        }
    };
    const bool by_email = target.kind == RemoteKind::kUser || target.match_user_first;
    if (by_email) {
        for (std::uint32_t u : users_by_email_.Find(local_emails_[at])) {
            consider(RemoteKind::kUser, remote_.users[u].id);
        }
    }
    // An assignable person whose e-mail a User has links to that User (product.md §2); only
    // otherwise is it matched to a Contact by employee ID.
    const bool user_matched = !candidates.empty() || !taken_by.empty();
    if (target.kind == RemoteKind::kContact && !(target.match_user_first && user_matched)) {
        for (std::uint32_t c : contacts_by_employee_id_.Find(local_employee_ids_[at])) {
            consider(RemoteKind::kContact, remote_.contacts[c].id);
        }
    }
    const bool active = person.status == RecordStatus::kActive;
    const char* key_words = target.kind == RemoteKind::kUser || target.match_user_first
                                ? (target.kind == RemoteKind::kUser ? "e-mail" : "e-mail or employee ID")
                                : "employee ID";

    if (candidates.size() >= 2) {
        entry.status = LinkStatus::kDuplicate;
        for (const RemoteRef& c : candidates) {
            entry.duplicate_remote_ids.push_back(c.id);
            Claim(c.kind, c.id);
        }
        std::string which;
        for (const RemoteRef& c : candidates) {
            if (!which.empty()) which += ", ";
            which += std::string(Name(c.kind)) + " " + std::to_string(c.id);
        }
        entry.remote_kind = candidates.front().kind;
        entry.reason = std::to_string(candidates.size()) + " Directory records match this " +
                       key_words + " (" + which + "): link one by hand";
        return;
    }
    if (candidates.size() == 1) {
        const RemoteRef r = candidates.front();
        Claim(r.kind, r.id);
        entry.remote_kind = r.kind;
        entry.remote_id = r.id;
        const char* matched = r.kind == RemoteKind::kUser ? "e-mail" : "employee ID";
        if (!active) {
            entry.status = LinkStatus::kInactiveLeftOut;
            entry.reason = std::string("inactive and never synced: left out (its ") + matched +
                           " matches " + Name(r.kind) + " " + std::to_string(r.id) + ")";
            return;
        }
        entry.differences = Differences(person, r);
        if (entry.differences.empty()) {
            entry.status = LinkStatus::kWouldLink;
            entry.reason = std::string(matched) + " matches and the other fields agree";
        } else {
            entry.status = LinkStatus::kConflict;
            std::string fields;
            for (const FieldDifference& d : entry.differences) {
                if (!fields.empty()) fields += ", ";
                fields += d.field;
            }
            entry.reason = std::string(matched) + " matches " + Name(r.kind) + " " +
                           std::to_string(r.id) + " but " + fields +
                           " differ: linked only when accepted";
        }
        return;
    }
    if (!taken_by.empty()) {
        std::sort(taken_by.begin(), taken_by.end());
        taken_by.erase(std::unique(taken_by.begin(), taken_by.end()), taken_by.end());
        entry.status = LinkStatus::kDuplicate;
        entry.duplicate_local_ids = taken_by;
        entry.reason = std::string("its ") + key_words +
                       " belongs to a Directory record already linked to " +
                       ListOf(taken_by, "person");
        return;
    }
    if (!active) {
        entry.status = LinkStatus::kInactiveLeftOut;
        entry.reason = "inactive and not in Procore: left out of the first sync";
        return;
    }
    entry.status = LinkStatus::kWouldCreate;
    entry.remote_kind = target.kind;
    entry.reason = target.kind == RemoteKind::kUser
                       ? "no Directory user has this e-mail: a user will be created"
                       : "no Directory user with this e-mail or contact with this employee ID: "
                         "a contact will be created";
    if (target.kind == RemoteKind::kContact && !target.match_user_first) {
        entry.reason = "no Directory contact has this employee ID: a contact will be created";
    }
}

LinkEntry PeopleLinker::LinkPerson(std::size_t at) {
    const Person& person = index_.PeopleById()[at]->person;
    const std::int64_t pid = person.id.value();
    LinkEntry entry;
    entry.local_kind = LocalKind::kPerson;
    entry.local_id = pid;
    entry.label = PersonLabel(person.first_name, person.last_name, person.email, person.employee_id);
    const RecordLinks links = index_.PersonLinks(pid);
    if (links.user) Claim(RemoteKind::kUser, links.user->remote_id);
    if (links.contact) Claim(RemoteKind::kContact, links.contact->remote_id);

    const Target target = index_.TargetFor(person);
    entry.remote_kind = target.kind;
    if (target.link) entry.remote_id = target.link->remote_id;

    if (!InScope(person, settings_)) {
        entry.status = LinkStatus::kOutOfScope;
        entry.reason = "assignable people are not written to Procore (scope users_only)";
        if (const std::string held = ClaimKeyMatches(at, false); !held.empty()) {
            entry.reason += "; " + held + " has its e-mail and is left alone";
        }
        return entry;
    }

    std::vector<std::int64_t> same;
    auto others = [&](const KeyGroups& groups) {
        const std::span<const std::uint32_t> group =
            groups.GroupOf(static_cast<std::uint32_t>(at));
        if (group.size() < 2) return false;
        for (std::uint32_t other : group) {
            const std::int64_t id = index_.PeopleById()[other]->person.id.value();
            if (id != pid) same.push_back(id);
        }
        return true;
    };
    const bool same_email = others(local_by_email_);
    const bool same_id = others(local_by_employee_id_);
    if (same_email || same_id) {
        std::sort(same.begin(), same.end());
        same.erase(std::unique(same.begin(), same.end()), same.end());
        entry.status = LinkStatus::kDuplicate;
        entry.duplicate_local_ids = same;
        entry.reason = std::string("shares its ") +
                       (same_email && same_id ? "e-mail and employee ID"
                        : same_email          ? "e-mail"
                                              : "employee ID") +
                       " with " + ListOf(same, "person") + ": nothing is written until resolved";
        const bool contacts = target.kind == RemoteKind::kContact;
        if (const std::string held = ClaimKeyMatches(at, contacts); !held.empty()) {
            entry.reason += " (the Directory's " + held + " waits too)";
        }
        return entry;
    }

    std::string type_change;
    if (target.previous) {
        type_change = std::string("type changed to ") + std::string(Name(person.type)) + ": " +
                      Name(target.previous->remote_kind) + " " +
                      std::to_string(target.previous->remote_id) + " is retired; ";
    }

    if (target.link) {
        entry.status = LinkStatus::kLinked;
        const bool exists = target.kind == RemoteKind::kUser
                                ? index_.User(target.link->remote_id) != nullptr
                                : index_.Contact(target.link->remote_id) != nullptr;
        entry.reason = exists ? type_change
                              : std::string("the linked ") + Name(target.kind) + " " +
                                    std::to_string(target.link->remote_id) +
                                    " is not in the Directory any more: unlink to create it again";
        if (!entry.reason.empty() && entry.reason.ends_with("; ")) entry.reason.resize(entry.reason.size() - 2);
        return entry;
    }

    // A record crewsync created in an earlier run that stopped before it stored the link.
    if (const auto it = by_origin_.find(pid); it != by_origin_.end()) {
        for (const RemoteRef& r : it->second) {
            if (index_.LinkedLocal(r.kind, r.id) != 0) continue;
            if (r.kind != target.kind && !target.match_user_first) continue;
            Claim(r.kind, r.id);
            entry.status = LinkStatus::kWouldLink;
            entry.remote_kind = r.kind;
            entry.remote_id = r.id;
            entry.reason = type_change + "the Directory " + Name(r.kind) +
                           " carries this person's crewsync ID from an earlier run";
            return entry;
        }
    }

    Match(at, target, entry);
    if (!type_change.empty()) entry.reason = type_change + entry.reason;
    return entry;
}

void PeopleLinker::AddSuggestions(LinkReport& report) {
    std::vector<SuggestionCandidate> local;
    std::unordered_map<std::int64_t, std::size_t> entry_of;
    for (std::size_t i = 0; i < report.entries.size(); ++i) {
        const LinkEntry& e = report.entries[i];
        if (e.local_kind != LocalKind::kPerson || e.status != LinkStatus::kWouldCreate) continue;
        const Person& p = index_.Person(e.local_id)->person;
        local.push_back({p.id.value(), RemoteKind::kUser, p.first_name, p.last_name, p.email,
                         p.employee_id, p.mobile_phone});
        entry_of[p.id.value()] = i;
    }
    if (local.empty()) return;
    std::vector<SuggestionCandidate> remote;
    for (const RemoteUser& u : remote_.users) {
        if (Claimed(RemoteKind::kUser, u.id) || index_.LinkedLocal(RemoteKind::kUser, u.id)) continue;
        remote.push_back({u.id, RemoteKind::kUser, u.first_name, u.last_name, u.email,
                          u.employee_id, u.mobile_phone});
    }
    for (const RemoteContact& c : remote_.contacts) {
        if (Claimed(RemoteKind::kContact, c.id) || index_.LinkedLocal(RemoteKind::kContact, c.id)) {
            continue;
        }
        remote.push_back({c.id, RemoteKind::kContact, c.first_name, c.last_name, c.email,
                          c.employee_id, {}});
    }
    const auto dismissed = [this](std::int64_t person_id, RemoteKind kind, ProcoreId id) {
        return index_.Dismissed(person_id, kind, id);
    };
    for (Suggestion& s : Suggest(local, remote, settings_.suggestion_threshold,
                                 settings_.default_country_code, dismissed)) {
        LinkEntry& e = report.entries[entry_of.at(s.person_id)];
        Claim(s.remote_kind, s.remote_id);
        e.status = LinkStatus::kSuggestion;
        e.remote_kind = s.remote_kind;
        e.remote_id = s.remote_id;
        char score[8];
        std::snprintf(score, sizeof score, "%.2f", s.score);
        e.reason = std::string("possibly the same person as ") + Name(s.remote_kind) + " " +
                   std::to_string(s.remote_id) + " (score " + score +
                   "): link them, or dismiss the suggestion to create a new record";
        e.suggestion = std::move(s);
    }
}

void PeopleLinker::AddDirectoryOnly(LinkReport& report) {
    const bool import = settings_.direction == SyncDirection::kTwoWay;
    auto add = [&](RemoteKind kind, ProcoreId id, bool active, bool is_employee,
                   std::string label) {
        if (Claimed(kind, id)) return;
        LinkEntry e;
        e.local_kind = LocalKind::kPerson;
        e.remote_kind = kind;
        e.remote_id = id;
        e.label = std::move(label);
        if (const std::int64_t owner = index_.LinkedLocal(kind, id)) {
            e.status = LinkStatus::kDirectoryOnly;
            e.reason = "linked to person " + std::to_string(owner) + ", who is not in crewsync";
        } else if (!import) {
            e.status = LinkStatus::kDirectoryOnly;
            e.reason = "not in crewsync; one-way sync does not import it";
        } else if (kind == RemoteKind::kContact && settings_.scope == PeopleScope::kUsersOnly) {
            e.status = LinkStatus::kOutOfScope;
            e.reason = "a contact, and the scope is users_only: not imported";
        } else if (!is_employee) {
            e.status = LinkStatus::kDirectoryOnly;
            e.reason = "not an employee of the company: not imported";
        } else if (!active) {
            e.status = LinkStatus::kInactiveLeftOut;
            e.reason = "inactive in the Directory: not imported";
        } else {
            e.status = LinkStatus::kWouldCreate;
            e.reason = "not in crewsync: two-way sync imports it as a person";
        }
        report.entries.push_back(std::move(e));
    };
    for (const RemoteUser& u : remote_.users) {
        add(RemoteKind::kUser, u.id, u.active, u.is_employee,
            PersonLabel(u.first_name, u.last_name, u.email, u.employee_id));
    }
    for (const RemoteContact& c : remote_.contacts) {
        add(RemoteKind::kContact, c.id, c.active, c.is_employee,
            PersonLabel(c.first_name, c.last_name, c.email, c.employee_id));
    }
}

void PeopleLinker::Run(LinkReport& report) {
    IndexRemote();
    FindLocalDuplicates();
    report.entries.reserve(report.entries.size() + index_.PeopleById().size());
    for (std::size_t at = 0; at < index_.PeopleById().size(); ++at) {
        report.entries.push_back(LinkPerson(at));
    }
    AddSuggestions(report);
    const std::size_t first_remote = report.entries.size();
    AddDirectoryOnly(report);
    std::sort(report.entries.begin() + static_cast<std::ptrdiff_t>(first_remote),
              report.entries.end(), [](const LinkEntry& a, const LinkEntry& b) {
                  if (a.remote_kind != b.remote_kind) return a.remote_kind < b.remote_kind;
                  return a.remote_id < b.remote_id;
              });
}

}  // namespace

void LinkPeople(const Index& index, const RemoteSnapshot& remote, const Settings& settings,
                LinkReport& report) {
    PeopleLinker(index, remote, settings).Run(report);
}

}  // namespace crewsync::sync::internal
