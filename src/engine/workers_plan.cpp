// The planning half of `crewsync workers import`: what to do with each Directory user, decided
// from both sides' records without reading or writing anything (engine/workers_import.hpp).
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

constexpr const char* kUserKind = "user";

// "Ana Lopez <ana@example.com>", as the sync's run lines name people.
std::string Label(std::string_view first, std::string_view last, std::string_view email) {
    std::string label(Trim(first));
    const std::string_view l = Trim(last);
    if (!l.empty()) label += (label.empty() ? "" : " ") + std::string(l);
    const std::string_view e = Trim(email);
    if (!e.empty()) label += (label.empty() ? "<" : " <") + std::string(e) + ">";
    return label;
}

// "a", "a and b", "a, b and c".
std::string Enumerate(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

// Why a user cannot become a person, in the operator's words; "" when it can.
std::string WhyNotImported(const sync::RemoteUser& u) {
    std::vector<std::string> reasons;
    if (!u.is_employee) reasons.push_back("not marked as an employee in Procore");
    std::vector<std::string> missing;
    if (Trim(u.first_name).empty()) missing.push_back("first name");
    if (Trim(u.last_name).empty()) missing.push_back("last name");
    if (Trim(u.email).empty()) missing.push_back("e-mail");
    if (Trim(u.mobile_phone).empty()) missing.push_back("mobile phone");
    if (!missing.empty()) reasons.push_back(Enumerate(missing) + " missing");
    std::string out;
    for (const std::string& r : reasons) out += (out.empty() ? "" : "; ") + r;
    return out;
}

std::string Shown(const std::string& value) {
    return value.empty() ? "(none)" : "'" + value + "'";
}

// "mobile phone '555-0100' → '555-0199', position (none) → 'Carpenter'".
std::string DescribeChanges(const Person& before, const Person& after) {
    std::vector<std::string> changes;
    const auto compare = [&](const char* label, const std::string& a, const std::string& b) {
        if (a != b) changes.push_back(fmt::format("{} {} → {}", label, Shown(a), Shown(b)));
    };
    compare("first name", before.first_name, after.first_name);
    compare("last name", before.last_name, after.last_name);
    compare("e-mail", before.email, after.email);
    compare("employee ID", before.employee_id, after.employee_id);
    compare("mobile phone", before.mobile_phone, after.mobile_phone);
    compare("job title", before.job_title, after.job_title);
    compare("position", before.classification, after.classification);
    return fmt::format("{}", fmt::join(changes, ", "));
}

std::string KeyOfEmployeeId(std::string_view id) { return AsciiLower(Trim(id)); }

std::string Named(const Person& p) {
    return fmt::format("crewsync person {} ({})", p.id.value(), FullName(p));
}

// Decides user by user; remembers what earlier users of the same run claimed, so two users
// never take the same person, e-mail or employee ID.
class Planner {
public:
    explicit Planner(const WorkersInputs& in) : in_(in) {
        for (const Person& p : in.people) {
            people_.emplace(p.id.value(), &p);
            if (!Trim(p.email).empty()) by_email_[EmailKey(p.email)].push_back(&p);
            if (!Trim(p.employee_id).empty()) {
                by_employee_id_[KeyOfEmployeeId(p.employee_id)].push_back(&p);
            }
        }
        for (const store::LinkRow& l : in.links) {
            if (l.entity != store::Entity::kPerson || l.procore_kind != kUserKind) continue;
            linked_person_.emplace(l.procore_id, l.local_id);
            user_of_person_.emplace(l.local_id, l.procore_id);
        }
        // Positions by Procore id, named as crewsync spells them (so an unchanged person
        // compares equal).
        std::map<std::string, std::string> crewsync_name;
        for (const std::string& name : in.positions) {
            crewsync_name.emplace(ClassificationKey(name), name);
        }
        for (const sync::RemoteClassification& c : in.classifications) {
            const auto it = crewsync_name.find(ClassificationKey(c.name));
            if (it != crewsync_name.end()) position_of_.emplace(c.id, it->second);
        }
    }

    WorkerStep Plan(const sync::RemoteUser& u) {
        WorkerStep step;
        step.user_id = u.id;
        step.label = Label(u.first_name, u.last_name, u.email);
        if (const std::string why = WhyNotImported(u); !why.empty()) {
            return Stop(step, WorkerAction::kSkip, why);
        }
        const Person* target = nullptr;
        if (const auto link = linked_person_.find(u.id); link != linked_person_.end()) {
            const auto p = people_.find(link->second);
            if (p != people_.end()) target = p->second;
        }
        step.action = WorkerAction::kUpdate;
        if (target == nullptr) {
            std::string why;
            target = ByEmail(u, why);
            if (!why.empty()) return Stop(step, WorkerAction::kConflict, why);
            step.action = target != nullptr ? WorkerAction::kLink : WorkerAction::kCreate;
        }
        if (target != nullptr) step.person.id = target->id;
        if (target != nullptr && !claimed_.insert(target->id.value()).second) {
            return Stop(step, WorkerAction::kConflict,
                        Named(*target) + " was already matched to another Directory user");
        }
        step.person = target != nullptr ? *target : NewPerson();
        Take(u, step.person);
        if (const std::string why = KeysInUse(step.person); !why.empty()) {
            return Stop(step, WorkerAction::kConflict, why);
        }
        const std::vector<FieldProblem> problems = ValidatePerson(step.person, in_.validation);
        if (!problems.empty()) {
            return Stop(step, WorkerAction::kInvalid, DescribeProblems(problems));
        }
        Claim(step.person, u.id);
        if (step.action == WorkerAction::kCreate) {
            step.message = fmt::format("new person (type both) from Directory user {}", u.id);
            return step;
        }
        const std::string changes = DescribeChanges(*target, step.person);
        if (step.action == WorkerAction::kLink) {
            step.message = fmt::format("linked to Directory user {} by e-mail", u.id);
            if (!changes.empty()) step.message += "; from Procore: " + changes;
        } else if (changes.empty()) {
            step.action = WorkerAction::kUnchanged;
        } else {
            step.message = "from Procore: " + changes;
        }
        return step;
    }

private:
    // A step that writes nothing; it keeps the id of the person it was about, for the log.
    static WorkerStep Stop(WorkerStep& step, WorkerAction action, const std::string& why) {
        const PersonId id = step.person.id;
        step.action = action;
        step.person = Person{};
        step.person.id = id;
        step.message = "not imported: " + why;
        return std::move(step);
    }

    static Person NewPerson() {
        Person p;
        p.type = PersonType::kBoth;  // imported workers are assigned and log in
        p.status = RecordStatus::kActive;
        return p;
    }

    // The unlinked person holding the user's e-mail; `why` says when the e-mail belongs to
    // people the import must not take (linked to other users, or more than one).
    const Person* ByEmail(const sync::RemoteUser& u, std::string& why) const {
        if (const auto made = new_emails_.find(EmailKey(u.email)); made != new_emails_.end()) {
            why = fmt::format("the e-mail {} is also Directory user {}'s", Trim(u.email),
                              made->second);
            return nullptr;
        }
        const auto it = by_email_.find(EmailKey(u.email));
        if (it == by_email_.end()) return nullptr;
        std::vector<const Person*> free;
        for (const Person* p : it->second) {
            if (!user_of_person_.contains(p->id.value())) free.push_back(p);
        }
        if (free.size() == 1) return free.front();
        if (free.size() > 1) {
            std::vector<std::string> names;
            for (const Person* p : free) names.push_back(Named(*p));
            why = fmt::format("the e-mail {} belongs to {} crewsync people ({}); link one of "
                              "them by hand (`crewsync link person`)",
                              Trim(u.email), free.size(), Enumerate(names));
            return nullptr;
        }
        const Person& other = *it->second.front();
        why = fmt::format("the e-mail {} belongs to {}, who is linked to Directory user {}",
                          Trim(u.email), Named(other), user_of_person_.at(other.id.value()));
        return nullptr;
    }

    // Procore's values: the required ones always, the optional ones when Procore has them (an
    // empty Procore field never wipes what crewsync holds, e.g. a payroll ID typed there).
    void Take(const sync::RemoteUser& u, Person& p) const {
        p.first_name = Trim(u.first_name);
        p.last_name = Trim(u.last_name);
        p.email = Trim(u.email);
        p.mobile_phone = Trim(u.mobile_phone);
        if (!Trim(u.employee_id).empty()) p.employee_id = Trim(u.employee_id);
        if (!Trim(u.job_title).empty()) p.job_title = Trim(u.job_title);
        if (!in_.classification_sync || u.work_classification_id == 0) return;
        const auto position = position_of_.find(u.work_classification_id);
        if (position == position_of_.end()) return;
        if (ClassificationKey(p.classification) != ClassificationKey(position->second)) {
            p.classification = position->second;
        }
    }

    // Another person (or a person made earlier in this run) already holding the e-mail or
    // employee ID: the import would make a duplicate, which the people sync refuses to touch.
    std::string KeysInUse(const Person& p) const {
        const auto other = [&](const std::vector<const Person*>& holders) -> const Person* {
            for (const Person* h : holders) {
                if (h->id != p.id || !p.id.valid()) return h;
            }
            return nullptr;
        };
        if (const auto it = by_email_.find(EmailKey(p.email)); it != by_email_.end()) {
            if (const Person* h = other(it->second)) {
                return fmt::format("the e-mail {} already belongs to {}", p.email, Named(*h));
            }
        }
        if (const auto it = new_emails_.find(EmailKey(p.email)); it != new_emails_.end()) {
            return fmt::format("the e-mail {} is also Directory user {}'s", p.email, it->second);
        }
        if (p.employee_id.empty()) return "";
        const std::string key = KeyOfEmployeeId(p.employee_id);
        if (const auto it = by_employee_id_.find(key); it != by_employee_id_.end()) {
            if (const Person* h = other(it->second)) {
                return fmt::format("the employee ID {} already belongs to {}", p.employee_id,
                                   Named(*h));
            }
        }
        if (const auto it = new_employee_ids_.find(key); it != new_employee_ids_.end()) {
            return fmt::format("the employee ID {} is also Directory user {}'s", p.employee_id,
                               it->second);
        }
        return "";
    }

    // A new person's e-mail and employee ID are taken for the rest of the run.
    void Claim(const Person& p, sync::ProcoreId user) {
        if (p.id.valid()) return;
        new_emails_.emplace(EmailKey(p.email), user);
        if (!p.employee_id.empty()) new_employee_ids_.emplace(KeyOfEmployeeId(p.employee_id), user);
    }

    const WorkersInputs& in_;
    std::map<std::int64_t, const Person*> people_;
    std::map<std::string, std::vector<const Person*>> by_email_;
    std::map<std::string, std::vector<const Person*>> by_employee_id_;
    std::map<sync::ProcoreId, std::int64_t> linked_person_;   // user → person
    std::map<std::int64_t, sync::ProcoreId> user_of_person_;  // person → user
    std::map<sync::ProcoreId, std::string> position_of_;
    std::set<std::int64_t> claimed_;
    std::map<std::string, sync::ProcoreId> new_employee_ids_;
    std::map<std::string, sync::ProcoreId> new_emails_;
};

}  // namespace

const char* ActionName(WorkerAction action) {
    switch (action) {
        case WorkerAction::kCreate: return "create person";
        case WorkerAction::kUpdate: return "update person";
        case WorkerAction::kLink: return "link";
        case WorkerAction::kUnchanged: return "unchanged";
        case WorkerAction::kSkip:
        case WorkerAction::kConflict: return "skip";
        case WorkerAction::kInvalid: return "import";
    }
    return "import";
}

std::int64_t WorkersPlan::Count(WorkerAction action) const {
    return std::count_if(steps.begin(), steps.end(),
                         [action](const WorkerStep& s) { return s.action == action; });
}

std::vector<WorkerStep> PlanWorkers(const WorkersInputs& inputs) {
    Planner planner(inputs);
    std::vector<WorkerStep> steps;
    steps.reserve(inputs.users.size());
    for (const sync::RemoteUser& u : inputs.users) {
        steps.push_back(planner.Plan(u));
    }
    return steps;
}

}  // namespace crewsync::engine
