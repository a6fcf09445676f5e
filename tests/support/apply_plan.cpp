#include "support/apply_plan.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "model/date.hpp"

namespace crewsync::testing {
namespace {

using sync::FieldChange;
using sync::Operation;
using sync::OperationKind;
using sync::RemoteKind;

template <typename Record>
Record& FindRecord(std::vector<Record>& records, sync::ProcoreId id) {
    for (Record& r : records) {
        if (r.id == id) return r;
    }
    throw std::runtime_error("plan names an unknown Procore record " + std::to_string(id));
}

Person& FindPerson(World& w, std::int64_t id) {
    for (sync::LocalPerson& p : w.local.people) {
        if (p.person.id.value() == id) return p.person;
    }
    throw std::runtime_error("plan names an unknown person " + std::to_string(id));
}

Project& FindProject(World& w, std::int64_t id) {
    for (sync::LocalProject& p : w.local.projects) {
        if (p.project.id.value() == id) return p.project;
    }
    throw std::runtime_error("plan names an unknown project " + std::to_string(id));
}

// Procore-side field writes, by crewsync field key.
template <typename Record>
void SetPersonLike(Record& r, const FieldChange& c) {
    if (c.field == "first_name") r.first_name = c.after;
    else if (c.field == "last_name") r.last_name = c.after;
    else if (c.field == "employee_id") r.employee_id = c.after;
    else if (c.field == "job_title") r.job_title = c.after;
    else if (c.field == "status") r.active = c.after == "active";
    else if (c.field == "is_employee") r.is_employee = c.after == "yes";
    else if (c.field == "email") r.email = c.after;
    else if constexpr (std::is_same_v<Record, sync::RemoteUser>) {
        if (c.field == "mobile_phone") r.mobile_phone = c.after;
        else throw std::runtime_error("unknown user field " + c.field);
    } else {
        throw std::runtime_error("unknown contact field " + c.field);
    }
}

void SetRemoteProject(sync::RemoteProject& p, const FieldChange& c) {
    if (c.field == "name") p.name = c.after;
    else if (c.field == "project_number") p.project_number = c.after;
    else if (c.field == "status") p.active = c.after == "active";
    else if (c.field == "start_date") p.start_date = ParseDate(c.after);
    else if (c.field == "planned_end_date") p.completion_date = ParseDate(c.after);
    else if (c.field == "address") p.address = c.after;
    else if (c.field == "city") p.city = c.after;
    else if (c.field == "postal_code") p.zip = c.after;
    else if (c.field == "time_zone") p.time_zone = c.after;
    else throw std::runtime_error("unknown project field " + c.field);
}

std::optional<sync::PersonField> PersonFieldByKey(const std::string& key) {
    for (std::size_t i = 0; i < sync::kPersonFieldCount; ++i) {
        const auto f = static_cast<sync::PersonField>(i);
        if (sync::Key(f) == key) return f;
    }
    return std::nullopt;
}

std::optional<sync::ProjectField> ProjectFieldByKey(const std::string& key) {
    for (std::size_t i = 0; i < sync::kProjectFieldCount; ++i) {
        const auto f = static_cast<sync::ProjectField>(i);
        if (sync::Key(f) == key) return f;
    }
    return std::nullopt;
}

void AddLink(World& w, sync::LocalKind local_kind, std::int64_t local_id, RemoteKind kind,
             sync::ProcoreId remote_id, sync::LinkOrigin origin) {
    w.state.links.push_back({local_kind, local_id, kind, remote_id, origin});
}

void Touch(World& w) { w.now += std::chrono::seconds(1); }

}  // namespace

void ApplyPlan(World& w, const sync::Plan& plan) {
    std::map<std::int64_t, sync::ProcoreId> created_for_person, created_for_project;
    std::map<sync::ProcoreId, std::int64_t> imported_person, imported_project;
    for (const Operation& op : plan.operations) {
        Touch(w);
        switch (op.kind) {
            case OperationKind::kLink:
                AddLink(w, op.local_kind, op.local_id, op.remote_kind, op.remote_id, op.link_origin);
                break;
            case OperationKind::kCreateUser: {
                sync::RemoteUser u;
                u.id = w.next_remote_id++;
                u.origin_id = op.origin_id;
                u.updated_at = w.now;
                for (const FieldChange& c : op.changes) SetPersonLike(u, c);
                w.remote.users.push_back(u);
                AddLink(w, op.local_kind, op.local_id, RemoteKind::kUser, u.id,
                        sync::LinkOrigin::kCreated);
                created_for_person[op.local_id] = u.id;
                break;
            }
            case OperationKind::kCreateContact: {
                sync::RemoteContact c;
                c.id = w.next_remote_id++;
                c.origin_id = op.origin_id;
                c.updated_at = w.now;
                for (const FieldChange& ch : op.changes) SetPersonLike(c, ch);
                w.remote.contacts.push_back(c);
                AddLink(w, op.local_kind, op.local_id, RemoteKind::kContact, c.id,
                        sync::LinkOrigin::kCreated);
                created_for_person[op.local_id] = c.id;
                break;
            }
            case OperationKind::kCreateProject: {
                sync::RemoteProject p;
                p.id = w.next_remote_id++;
                p.origin_id = op.origin_id;
                p.updated_at = w.now;
                for (const FieldChange& c : op.changes) SetRemoteProject(p, c);
                w.remote.projects.push_back(p);
                AddLink(w, sync::LocalKind::kProject, op.local_id, RemoteKind::kProject, p.id,
                        sync::LinkOrigin::kCreated);
                created_for_project[op.local_id] = p.id;
                break;
            }
            case OperationKind::kUpdateRemote:
            case OperationKind::kDeactivateRemote:
            case OperationKind::kReactivateRemote:
                for (const FieldChange& c : op.changes) {
                    if (op.remote_kind == RemoteKind::kUser) {
                        auto& u = FindRecord(w.remote.users, op.remote_id);
                        SetPersonLike(u, c);
                        u.updated_at = w.now;
                    } else if (op.remote_kind == RemoteKind::kContact) {
                        auto& ct = FindRecord(w.remote.contacts, op.remote_id);
                        SetPersonLike(ct, c);
                        ct.updated_at = w.now;
                    } else {
                        auto& p = FindRecord(w.remote.projects, op.remote_id);
                        SetRemoteProject(p, c);
                        p.updated_at = w.now;
                    }
                }
                break;
            case OperationKind::kUpdateLocal:
                for (const FieldChange& c : op.changes) {
                    if (op.local_kind == sync::LocalKind::kPerson) {
                        sync::SetField(FindPerson(w, op.local_id), *PersonFieldByKey(c.field), c.after);
                    } else {
                        sync::SetField(FindProject(w, op.local_id), *ProjectFieldByKey(c.field), c.after);
                    }
                }
                break;
            case OperationKind::kImportPerson: {
                sync::LocalPerson lp;
                lp.person.id = PersonId(w.next_local_id++);
                lp.person.type =
                    op.remote_kind == RemoteKind::kUser ? PersonType::kUser : PersonType::kAssignable;
                for (const FieldChange& c : op.changes) {
                    sync::SetField(lp.person, *PersonFieldByKey(c.field), c.after);
                }
                lp.modified_at = w.now;
                w.local.people.push_back(lp);
                AddLink(w, sync::LocalKind::kPerson, lp.person.id.value(), op.remote_kind,
                        op.remote_id, sync::LinkOrigin::kMatched);
                imported_person[op.remote_id] = lp.person.id.value();
                break;
            }
            case OperationKind::kImportProject: {
                sync::LocalProject lp;
                lp.project.id = ProjectId(w.next_local_id++);
                for (const FieldChange& c : op.changes) {
                    if (c.field == "groups") {
                        lp.project.groups.push_back(c.after);
                    } else {
                        sync::SetField(lp.project, *ProjectFieldByKey(c.field), c.after);
                    }
                }
                lp.modified_at = w.now;
                w.local.projects.push_back(lp);
                AddLink(w, sync::LocalKind::kProject, lp.project.id.value(), RemoteKind::kProject,
                        op.remote_id, sync::LinkOrigin::kMatched);
                imported_project[op.remote_id] = lp.project.id.value();
                break;
            }
        }
    }
    for (sync::PersonBaseline b : plan.person_baselines) {
        if (b.person_id == 0) b.person_id = imported_person.at(b.remote_id);
        if (b.remote_id == 0) b.remote_id = created_for_person.at(b.person_id);
        std::erase_if(w.state.people, [&](const auto& x) { return x.person_id == b.person_id; });
        w.state.people.push_back(b);
    }
    for (sync::ProjectBaseline b : plan.project_baselines) {
        if (b.project_id == 0) b.project_id = imported_project.at(b.remote_id);
        if (b.remote_id == 0) b.remote_id = created_for_project.at(b.project_id);
        std::erase_if(w.state.projects, [&](const auto& x) { return x.project_id == b.project_id; });
        w.state.projects.push_back(b);
    }
}

}  // namespace crewsync::testing
