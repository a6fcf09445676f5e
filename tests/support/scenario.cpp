#include "support/scenario.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "model/date.hpp"
#include "model/enums.hpp"

namespace crewsync::testing {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key, std::string fallback = "") {
    return j.contains(key) ? j.at(key).get<std::string>() : fallback;
}

Timestamp TimeOf(const json& j, const char* key) {
    // Scenario times are whole minutes after an arbitrary epoch: "modified": 30.
    return Timestamp(std::chrono::minutes(j.value(key, 0)));
}

sync::Settings ParseSettings(const json& j) {
    sync::Settings s;
    if (j.is_null()) return s;
    const std::string scope = Str(j, "scope", "all");
    s.scope = scope == "users_only" ? PeopleScope::kUsersOnly : PeopleScope::kAll;
    s.direction = Str(j, "direction", "one_way") == "two_way" ? SyncDirection::kTwoWay
                                                               : SyncDirection::kOneWay;
    const std::string rule = Str(j, "conflict_rule", "newest_wins");
    s.conflict_rule = rule == "crewsync_wins"  ? ConflictRule::kCrewsyncWins
                      : rule == "procore_wins" ? ConflictRule::kProcoreWins
                                               : ConflictRule::kNewestWins;
    s.deactivate_user_on_type_change = j.value("deactivate_user_on_type_change", false);
    s.permission_template_id = j.value("permission_template_id", std::int64_t{0});
    s.projects_system_of_record = Str(j, "projects", "procore") == "crewsync"
                                      ? SystemOfRecord::kCrewsync
                                      : SystemOfRecord::kProcore;
    s.suggestion_threshold = j.value("suggestion_threshold", s.suggestion_threshold);
    s.mass_change_share = j.value("mass_change_share", s.mass_change_share);
    s.mass_change_min_records = j.value("mass_change_min_records", s.mass_change_min_records);
    return s;
}

sync::LocalPerson ParsePerson(const json& j) {
    sync::LocalPerson lp;
    Person& p = lp.person;
    p.id = PersonId(j.at("id").get<std::int64_t>());
    p.first_name = Str(j, "first");
    p.last_name = Str(j, "last");
    p.email = Str(j, "email");
    p.employee_id = Str(j, "employee_id");
    p.mobile_phone = Str(j, "mobile");
    p.job_title = Str(j, "title");
    p.status = *ParseRecordStatus(Str(j, "status", "active"));
    p.type = *ParsePersonType(Str(j, "type", "user"));
    lp.modified_at = TimeOf(j, "modified");
    return lp;
}

std::optional<Date> DateOf(const json& j, const char* key) {
    const std::string text = Str(j, key);
    return text.empty() ? std::nullopt : ParseDate(text);
}

sync::LocalProject ParseProject(const json& j) {
    sync::LocalProject lp;
    Project& p = lp.project;
    p.id = ProjectId(j.at("id").get<std::int64_t>());
    p.name = Str(j, "name");
    p.project_number = Str(j, "number");
    p.status = *ParseRecordStatus(Str(j, "status", "active"));
    p.start_date = DateOf(j, "start");
    p.planned_end_date = DateOf(j, "end");
    p.address = Str(j, "address");
    p.city = Str(j, "city");
    p.postal_code = Str(j, "postal_code");
    p.time_zone = Str(j, "time_zone");
    lp.modified_at = TimeOf(j, "modified");
    return lp;
}

sync::RemoteUser ParseUser(const json& j) {
    sync::RemoteUser u;
    u.id = j.at("id").get<sync::ProcoreId>();
    u.first_name = Str(j, "first");
    u.last_name = Str(j, "last");
    u.email = Str(j, "email");
    u.employee_id = Str(j, "employee_id");
    u.mobile_phone = Str(j, "mobile");
    u.job_title = Str(j, "title");
    u.active = j.value("active", true);
    u.is_employee = j.value("is_employee", true);
    u.origin_id = Str(j, "origin_id");
    u.updated_at = TimeOf(j, "updated");
    return u;
}

sync::RemoteContact ParseContact(const json& j) {
    sync::RemoteContact c;
    c.id = j.at("id").get<sync::ProcoreId>();
    c.first_name = Str(j, "first");
    c.last_name = Str(j, "last");
    c.email = Str(j, "email");
    c.employee_id = Str(j, "employee_id");
    c.job_title = Str(j, "title");
    c.active = j.value("active", true);
    c.is_employee = j.value("is_employee", true);
    c.origin_id = Str(j, "origin_id");
    c.updated_at = TimeOf(j, "updated");
    return c;
}

sync::RemoteProject ParseRemoteProject(const json& j) {
    sync::RemoteProject p;
    p.id = j.at("id").get<sync::ProcoreId>();
    p.name = Str(j, "name");
    p.project_number = Str(j, "number");
    p.active = j.value("active", true);
    p.start_date = DateOf(j, "start");
    p.completion_date = DateOf(j, "end");
    p.address = Str(j, "address");
    p.city = Str(j, "city");
    p.zip = Str(j, "zip");
    p.time_zone = Str(j, "time_zone");
    p.origin_id = Str(j, "origin_id");
    p.updated_at = TimeOf(j, "updated");
    return p;
}

// {"person": 1, "user": 101} | {"person": 1, "contact": 201} | {"project": 1, "remote": 301}
sync::Link ParseLink(const json& j) {
    sync::Link l;
    if (j.contains("project")) {
        l.local_kind = sync::LocalKind::kProject;
        l.local_id = j.at("project").get<std::int64_t>();
        l.remote_kind = sync::RemoteKind::kProject;
        l.remote_id = j.at("remote").get<sync::ProcoreId>();
        return l;
    }
    l.local_id = j.at("person").get<std::int64_t>();
    l.remote_kind = j.contains("user") ? sync::RemoteKind::kUser : sync::RemoteKind::kContact;
    l.remote_id = j.at(j.contains("user") ? "user" : "contact").get<sync::ProcoreId>();
    return l;
}

// Baselines default to the record's current crewsync values; "values" overrides some.
void ParseBaselines(const json& list, World& w) {
    for (const json& j : list) {
        if (j.contains("project")) {
            sync::ProjectBaseline b;
            b.project_id = j.at("project").get<std::int64_t>();
            b.remote_id = j.at("remote").get<sync::ProcoreId>();
            for (const auto& lp : w.local.projects) {
                if (lp.project.id.value() == b.project_id) b.values = sync::ValuesOf(lp.project);
            }
            for (std::size_t i = 0; i < sync::kProjectFieldCount; ++i) {
                const auto key = std::string(sync::Key(static_cast<sync::ProjectField>(i)));
                if (j.contains("values") && j["values"].contains(key)) {
                    b.values[i] = j["values"][key].get<std::string>();
                }
            }
            w.state.projects.push_back(b);
            continue;
        }
        sync::PersonBaseline b;
        b.person_id = j.at("person").get<std::int64_t>();
        b.remote_kind = j.contains("user") ? sync::RemoteKind::kUser : sync::RemoteKind::kContact;
        b.remote_id = j.at(j.contains("user") ? "user" : "contact").get<sync::ProcoreId>();
        for (const auto& lp : w.local.people) {
            if (lp.person.id.value() == b.person_id) {
                b.values = sync::ValuesOf(lp.person);
                b.type = lp.person.type;
            }
        }
        if (j.contains("type")) b.type = *ParsePersonType(j["type"].get<std::string>());
        for (std::size_t i = 0; i < sync::kPersonFieldCount; ++i) {
            const auto key = std::string(sync::Key(static_cast<sync::PersonField>(i)));
            if (j.contains("values") && j["values"].contains(key)) {
                b.values[i] = j["values"][key].get<std::string>();
            }
        }
        w.state.people.push_back(b);
    }
}

std::vector<std::string> Lines(const json& j, const char* key) {
    std::vector<std::string> out;
    if (j.contains(key)) out = j.at(key).get<std::vector<std::string>>();
    return out;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

Scenario ParseScenario(const std::string& name, const json& j) {
    Scenario s;
    s.name = name;
    s.rule = Str(j, "rule");
    s.settings = ParseSettings(j.value("settings", json()));
    World& w = s.world;
    for (const json& p : j.value("people", json::array())) w.local.people.push_back(ParsePerson(p));
    for (const json& p : j.value("projects", json::array())) w.local.projects.push_back(ParseProject(p));
    w.local.group_names = j.value("groups", std::vector<std::string>{});
    for (const json& u : j.value("users", json::array())) w.remote.users.push_back(ParseUser(u));
    for (const json& c : j.value("contacts", json::array())) w.remote.contacts.push_back(ParseContact(c));
    for (const json& p : j.value("remote_projects", json::array())) {
        w.remote.projects.push_back(ParseRemoteProject(p));
    }
    for (const json& l : j.value("links", json::array())) w.state.links.push_back(ParseLink(l));
    for (const json& d : j.value("dismissals", json::array())) {
        const sync::Link l = ParseLink(d);
        w.state.dismissals.push_back({l.local_id, l.remote_kind, l.remote_id});
    }
    ParseBaselines(j.value("baselines", json::array()), w);
    s.expect_report = Lines(j, "expect_report");
    s.expect_plan = Lines(j, "expect_plan");
    s.expect_guard = Str(j, "expect_guard");
    return s;
}

std::vector<std::string> ReportLines(const sync::LinkReport& report) {
    std::vector<std::string> out;
    for (const sync::LinkEntry& e : report.entries) {
        std::string line;
        const char* local_noun = e.local_kind == sync::LocalKind::kPerson ? "person" : "project";
        if (e.local_id != 0) {
            line = std::string(local_noun) + " " + std::to_string(e.local_id) + " " + Name(e.status);
            if (e.remote_id != 0) {
                line += std::string(" ") + Name(e.remote_kind) + " " + std::to_string(e.remote_id);
            } else if (e.status == sync::LinkStatus::kWouldCreate && e.local_kind == sync::LocalKind::kPerson) {
                line += std::string(" ") + Name(e.remote_kind);  // which kind will be created
            }
        } else {
            line = std::string("procore ") + Name(e.remote_kind) + " " +
                   std::to_string(e.remote_id) + " " + Name(e.status);
        }
        std::string detail;
        auto add = [&](const std::string& part) {
            detail += detail.empty() ? ": " : "; ";
            detail += part;
        };
        for (const auto& d : e.differences) add(d.field + " " + Quote(d.local) + " vs " + Quote(d.remote));
        if (!e.duplicate_local_ids.empty()) {
            std::string ids;
            for (auto id : e.duplicate_local_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
            add("with person " + ids);
        }
        if (!e.duplicate_remote_ids.empty()) {
            std::string ids;
            for (auto id : e.duplicate_remote_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
            add("competing " + ids);
        }
        if (e.suggestion) {
            char score[8];
            std::snprintf(score, sizeof score, "%.2f", e.suggestion->score);
            std::string reasons;
            for (const auto& r : e.suggestion->reasons) reasons += (reasons.empty() ? "" : "; ") + r;
            add(std::string("score ") + score + " (" + reasons + ")");
        }
        out.push_back(line + detail);
    }
    return out;
}

std::vector<std::string> PlanLines(const sync::Plan& plan) {
    std::vector<std::string> out;
    for (const sync::Operation& op : plan.operations) {
        const char* local_noun = op.local_kind == sync::LocalKind::kPerson ? "person" : "project";
        std::string line = Name(op.kind);
        if (op.remote_id != 0 && op.kind != sync::OperationKind::kLink) {
            line += std::string(" ") + Name(op.remote_kind) + " " + std::to_string(op.remote_id);
        }
        if (op.local_id != 0) line += std::string(" ") + local_noun + " " + std::to_string(op.local_id);
        if (op.kind == sync::OperationKind::kLink) {
            line += std::string(" to ") + Name(op.remote_kind) + " " + std::to_string(op.remote_id) +
                    " (" + Name(op.link_origin) + ")";
        }
        if (op.permission_template_id != 0) {
            line += " template " + std::to_string(op.permission_template_id);
        }
        std::string detail;
        for (const sync::FieldChange& c : op.changes) {
            detail += detail.empty() ? ": " : ", ";
            const bool create = c.before.empty() && (op.kind == sync::OperationKind::kCreateUser ||
                                                     op.kind == sync::OperationKind::kCreateContact ||
                                                     op.kind == sync::OperationKind::kCreateProject ||
                                                     op.kind == sync::OperationKind::kImportPerson ||
                                                     op.kind == sync::OperationKind::kImportProject);
            detail += create ? c.field + "=" + Quote(c.after)
                             : c.field + " " + Quote(c.before) + " -> " + Quote(c.after);
            if (c.reset) detail += " (reset)";
            if (c.conflict) detail += " (conflict, " + c.conflict->winner + " wins)";
        }
        out.push_back(line + detail);
    }
    return out;
}

}  // namespace crewsync::testing
