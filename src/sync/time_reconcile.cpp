#include "sync/time_reconcile.hpp"

#include <tuple>

namespace crewsync::sync {
namespace {

// One worker's day on one project. Unlinked crewsync records are keyed by negative crewsync
// ids so they never meet a Procore id.
struct GroupKey {
    Date date{};
    ProcoreId party = 0;
    ProcoreId project = 0;

    auto operator<=>(const GroupKey&) const = default;
};

struct Group {
    std::vector<const TimeEntry*> entries;
    std::vector<const RemoteTimecard*> timecards;
    Hours crewsync, procore;
};

std::string ProjectLabel(const Project& p) {
    return p.project_number.empty() ? p.name : p.project_number + " " + p.name;
}

class Reconciler {
public:
    explicit Reconciler(const ReconcileInput& input) : input_(input) {
        for (const auto& [person, party] : input.party_of) person_of_party_[party] = person;
        for (const auto& [project, id] : input.procore_project_of) project_of_[id] = project;
    }

    Reconciliation Run() {
        for (const TimeEntry& e : input_.entries) {
            Group& g = groups_[KeyOf(e)];
            g.entries.push_back(&e);
            g.crewsync.hundredths += e.hours.hundredths;
            out_.crewsync_total.hundredths += e.hours.hundredths;
        }
        for (const RemoteTimecard& t : input_.timecards) {
            Group& g = groups_[GroupKey{t.date, t.party_id, t.project_id}];
            g.timecards.push_back(&t);
            g.procore.hundredths += t.hours.hundredths;
            out_.procore_total.hundredths += t.hours.hundredths;
        }
        for (const auto& [key, group] : groups_) Compare(key, group);
        return std::move(out_);
    }

private:
    GroupKey KeyOf(const TimeEntry& e) const {
        const auto party = input_.party_of.find(e.person.value());
        const auto project = input_.procore_project_of.find(e.project.value());
        return GroupKey{e.date,
                        party == input_.party_of.end() ? -e.person.value() : party->second,
                        project == input_.procore_project_of.end() ? -e.project.value()
                                                                   : project->second};
    }

    void Compare(const GroupKey& key, const Group& g) {
        if (g.crewsync == g.procore) {
            ++out_.matching;
            return;
        }
        ReconcileRow row;
        row.date = key.date;
        row.crewsync = g.crewsync;
        row.procore = g.procore;
        Label(key, g, row);
        if (g.procore.hundredths == 0) {
            row.difference = Difference::kMissingInProcore;
            row.detail = MissingDetail(key, g);
        } else if (g.crewsync.hundredths == 0) {
            row.difference = Difference::kExtraInProcore;
            row.detail = ExtraDetail(g);
        } else if (const std::string edited = EditedDetail(g); !edited.empty()) {
            row.difference = Difference::kEditedInProcore;
            row.detail = edited;
        } else {
            row.difference = Difference::kNotPushedYet;
            row.detail = "crewsync's entries changed since the last push: `crewsync sync time` "
                         "updates the timecards";
        }
        out_.rows.push_back(std::move(row));
    }

    void Label(const GroupKey& key, const Group& g, ReconcileRow& row) const {
        row.party_id = key.party > 0 ? key.party : 0;
        row.project_id = key.project > 0 ? key.project : 0;
        std::int64_t person = key.party < 0 ? -key.party : 0;
        if (const auto p = person_of_party_.find(key.party); p != person_of_party_.end()) {
            person = p->second;
        }
        if (const auto p = input_.people.find(person); p != input_.people.end()) {
            row.person_id = person;
            row.worker = FullName(p->second);
        } else if (!g.timecards.empty() && !g.timecards.front()->party_name.empty()) {
            row.worker = g.timecards.front()->party_name;
        } else {
            row.worker = "Procore person " + std::to_string(key.party);
        }
        std::int64_t project = key.project < 0 ? -key.project : 0;
        if (const auto p = project_of_.find(key.project); p != project_of_.end()) {
            project = p->second;
        }
        if (const auto p = input_.projects.find(project); p != input_.projects.end()) {
            row.project = ProjectLabel(p->second);
        } else {
            row.project = "Procore project " + std::to_string(key.project);
        }
    }

    std::string MissingDetail(const GroupKey& key, const Group& g) const {
        if (key.project < 0) return "the project is not linked to a Procore project";
        if (key.party < 0) return "the worker has no Procore record yet: the next push makes one";
        for (const TimeEntry* e : g.entries) {
            if (input_.ledger_hours.count(e->id.value()) == 0) {
                return "not pushed yet: `crewsync sync time` sends it";
            }
        }
        return "pushed, then deleted in Procore";
    }

    std::string ExtraDetail(const Group& g) const {
        for (const RemoteTimecard* t : g.timecards) {
            if (input_.sent_hours.count(t->id) > 0) {
                return "pushed by crewsync, and the entry was since deleted or moved in crewsync";
            }
        }
        return "entered in Procore, not in crewsync";
    }

    // Names the timecards whose hours differ from what crewsync sent; "" when none does.
    std::string EditedDetail(const Group& g) const {
        std::string out;
        for (const RemoteTimecard* t : g.timecards) {
            const auto sent = input_.sent_hours.find(t->id);
            if (sent == input_.sent_hours.end()) continue;
            const auto sent_hours = ParseHours(sent->second);
            if (sent_hours && *sent_hours == t->hours) continue;
            if (!out.empty()) out += "; ";
            out += "timecard " + std::to_string(t->id) + " has " + FormatHours(t->hours) +
                   " h, crewsync sent " + (sent_hours ? FormatHours(*sent_hours) : sent->second);
        }
        return out;
    }

    const ReconcileInput& input_;
    std::map<ProcoreId, std::int64_t> person_of_party_;
    std::map<ProcoreId, std::int64_t> project_of_;
    std::map<GroupKey, Group> groups_;
    Reconciliation out_;
};

}  // namespace

const char* Name(Difference difference) {
    switch (difference) {
        case Difference::kMissingInProcore: return "missing in Procore";
        case Difference::kExtraInProcore: return "extra in Procore";
        case Difference::kEditedInProcore: return "edited in Procore";
        case Difference::kNotPushedYet: return "not pushed yet";
    }
    return "";
}

Reconciliation Reconcile(const ReconcileInput& input) { return Reconciler(input).Run(); }

}  // namespace crewsync::sync
