#include "sync/time_plan.hpp"

#include <algorithm>
#include <charconv>

#include "model/text.hpp"
#include "model/time_zone.hpp"
#include "sync/index.hpp"
#include "sync/settings.hpp"

namespace crewsync::sync {
namespace {

// Procore's limit for one timecard entry.
constexpr int kMaxHundredths = 24 * 100;

std::string ClassificationKey(std::string_view name) { return AsciiLower(Trim(name)); }

// "8.00": the two decimals payroll keeps, whatever FormatHours would shorten.
std::string TwoDecimals(Hours hours) {
    const int h = hours.hundredths;
    std::string cents = std::to_string(h % 100);
    if (cents.size() < 2) cents.insert(0, "0");
    return std::to_string(h / 100) + "." + cents;
}

// A Procore cost code id, or nullopt when the text is not one.
std::optional<ProcoreId> CostCodeId(std::string_view text) {
    text = Trim(text);
    ProcoreId id = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, id);
    if (text.empty() || ec != std::errc() || ptr != end || id <= 0) return std::nullopt;
    return id;
}

std::string ProjectLabel(const Project* project, std::int64_t id) {
    if (!project) return "project #" + std::to_string(id);
    if (project->project_number.empty()) return project->name;
    return project->project_number + " " + project->name;
}

std::string EntryLabel(const TimeEntry& e, const Person* person, const Project* project) {
    const std::string who =
        person ? FullName(*person) : "person #" + std::to_string(e.person.value());
    return who + " · " + FormatDate(e.date) + " · " + FormatHours(e.hours) + " h · " +
           ProjectLabel(project, e.project.value());
}

bool InRange(const Date& date, const TimePushInput& input) {
    if (input.from && date < *input.from) return false;
    if (input.to && date > *input.to) return false;
    return true;
}

// Appends "key=<length>:<value>;": lengths keep any text in a value from reading as a key.
void Put(std::string& out, std::string_view key, std::string_view value) {
    out.append(key).append("=").append(std::to_string(value.size())).append(":");
    out.append(value).append(";");
}

class Planner {
public:
    explicit Planner(const TimePushInput& input) : input_(input) {
        for (const RemoteClassification& c : input.procore_classifications) {
            procore_classes_.emplace(ClassificationKey(c.name), c.id);
        }
        for (const auto& [id, c] : input.classifications) {
            local_classes_.emplace(ClassificationKey(c.name), &c);
        }
        for (const TimecardSent& row : input.ledger) ledger_.emplace(row.time_entry_id, &row);
        settings_.origin_prefix = input.origin_prefix;
    }

    TimePlan Build() {
        for (const TimeEntry& entry : input_.entries) PlanEntry(entry);
        PlanRemovals();
        return std::move(plan_);
    }

private:
    void Reject(const TimecardDraft& draft, std::string reason, bool failed = true) {
        plan_.rejections.push_back({draft.time_entry_id, draft.label, std::move(reason), failed});
    }

    void PlanEntry(const TimeEntry& entry) {
        const Person* person = Find(input_.people, entry.person.value());
        const Project* project = Find(input_.projects, entry.project.value());
        TimecardDraft draft;
        draft.time_entry_id = entry.id.value();
        draft.person_id = entry.person.value();
        draft.project_id = entry.project.value();
        draft.label = EntryLabel(entry, person, project);
        draft.date = FormatDate(entry.date);
        draft.origin_id = TimeEntryOriginId(input_.origin_prefix, draft.time_entry_id);
        draft.description = entry.notes;

        const auto sent = ledger_.find(draft.time_entry_id);
        if (sent != ledger_.end() && sent->second->deleted) {
            return Reject(draft,
                          "its timecard " + std::to_string(sent->second->timecard_id) +
                              " was deleted in Procore; crewsync does not create it again",
                          false);
        }
        if (auto problem = CheckEntry(entry, person, project)) return Reject(draft, *problem);
        if (!ResolveProject(entry, project, draft)) return;
        if (!ResolveTimes(entry, *project, draft)) return;
        if (!ResolveWorker(*person, draft)) return;
        ResolveClassification(entry, *person, draft);
        if (!entry.cost_code.empty()) {
            const auto cost_code = CostCodeId(entry.cost_code);
            if (!cost_code) {
                return Reject(draft, "cost code '" + entry.cost_code +
                                         "' is not a Procore cost code id (crewsync sends cost "
                                         "codes as Procore's numeric ids)");
            }
            draft.cost_code_id = *cost_code;
        }

        if (sent == ledger_.end()) {
            plan_.creates.push_back(std::move(draft));
        } else if (draft.party_id != 0 && !PendingClassification(draft) &&
                   SentText(draft) == sent->second->sent) {
            ++plan_.unchanged;
        } else {
            plan_.updates.push_back({std::move(draft), sent->second->timecard_id});
        }
    }

    std::optional<std::string> CheckEntry(const TimeEntry& e, const Person* person,
                                          const Project* project) const {
        if (!person) return "its worker (person #" + std::to_string(e.person.value()) +
                            ") is not in crewsync";
        if (!project) return "its project (#" + std::to_string(e.project.value()) +
                             ") is not in crewsync";
        if (!CanBeAssigned(person->type)) {
            return FullName(*person) + " is a '" + std::string(Name(person->type)) +
                   "'-type person and cannot log time on projects";
        }
        if (!e.date.ok()) return std::string("it has no valid date");
        if (e.time_in.has_value() != e.time_out.has_value()) {
            return std::string("it has a time in without a time out, or the other way round");
        }
        if (e.time_in && e.time_out->minutes <= e.time_in->minutes) {
            return "time out " + FormatTimeOfDay(*e.time_out) + " is not after time in " +
                   FormatTimeOfDay(*e.time_in);
        }
        if (e.hours.hundredths <= 0 || e.hours.hundredths > kMaxHundredths) {
            return "hours " + FormatHours(e.hours) +
                   " are out of range (Procore takes more than 0 and at most 24 per entry)";
        }
        return std::nullopt;
    }

    bool ResolveProject(const TimeEntry& e, const Project* project, TimecardDraft& draft) {
        const auto linked = input_.procore_project_of.find(e.project.value());
        if (linked == input_.procore_project_of.end() || linked->second == 0) {
            Reject(draft, "project " + ProjectLabel(project, e.project.value()) +
                              " is not linked to a Procore project: run `crewsync sync "
                              "projects` or link it with `crewsync link`");
            return false;
        }
        draft.project_procore_id = linked->second;
        return true;
    }

    bool ResolveTimes(const TimeEntry& e, const Project& project, TimecardDraft& draft) {
        draft.hours = TwoDecimals(e.hours);
        if (!e.time_in) return true;
        const std::string& zone =
            project.time_zone.empty() ? input_.default_time_zone : project.time_zone;
        auto in = LocalDateTimeIso(e.date, *e.time_in, zone);
        auto out = LocalDateTimeIso(e.date, *e.time_out, zone);
        if (!in || !out) {
            Reject(draft, "time zone '" + zone + "' is not known, so its time in and out "
                                                 "cannot be written");
            return false;
        }
        draft.time_in = std::move(*in);
        draft.time_out = std::move(*out);
        draft.lunch_minutes = e.lunch_minutes;
        return true;
    }

    bool ResolveWorker(const Person& person, TimecardDraft& draft) {
        const std::int64_t id = person.id.value();
        if (const auto party = input_.party_of.find(id); party != input_.party_of.end()) {
            draft.party_id = party->second;
            return true;
        }
        if (const auto held = input_.worker_held.find(id); held != input_.worker_held.end()) {
            Reject(draft, FullName(person) + " has no Procore record yet and none is created: " +
                              held->second);
            return false;
        }
        if (contacts_planned_.insert(id).second) {
            ContactToCreate c;
            c.person_id = id;
            c.first_name = person.first_name;
            c.last_name = person.last_name;
            c.employee_id = person.employee_id;
            c.origin_id = internal::PersonOriginId(settings_, id);
            c.label = FullName(person);
            plan_.contacts.push_back(std::move(c));
        }
        return true;  // party_id 0: the contact's id, once created
    }

    void ResolveClassification(const TimeEntry& e, const Person& person, TimecardDraft& draft) {
        const std::string& name = e.classification.empty() ? person.classification
                                                           : e.classification;
        if (Trim(name).empty()) return;
        draft.classification_name = std::string(Trim(name));
        const std::string key = ClassificationKey(name);
        if (const auto found = procore_classes_.find(key); found != procore_classes_.end()) {
            draft.classification_id = found->second;
            return;
        }
        if (classes_planned_.insert(key).second) {
            ClassificationToCreate c;
            c.name = draft.classification_name;
            if (const auto local = local_classes_.find(key); local != local_classes_.end()) {
                c.name = local->second->name;
                c.abbreviation = local->second->abbreviation;
            }
            plan_.classifications.push_back(std::move(c));
        }
    }

    bool PendingClassification(const TimecardDraft& d) const {
        return !d.classification_name.empty() && d.classification_id == 0;
    }

    void PlanRemovals() {
        for (const TimecardSent& row : input_.ledger) {
            if (row.deleted || input_.stored_entry_ids.count(row.time_entry_id) > 0) continue;
            if (!InRange(row.date, input_)) continue;
            plan_.removals.push_back({row.time_entry_id, row.timecard_id, FormatDate(row.date),
                                      input_.delete_removed});
        }
    }

    template <class Map>
    static const typename Map::mapped_type* Find(const Map& map, std::int64_t id) {
        const auto it = map.find(id);
        return it == map.end() ? nullptr : &it->second;
    }

    const TimePushInput& input_;
    Settings settings_;
    std::map<std::string, ProcoreId> procore_classes_;
    std::map<std::string, const Classification*> local_classes_;
    std::map<std::int64_t, const TimecardSent*> ledger_;
    std::set<std::int64_t> contacts_planned_;
    std::set<std::string> classes_planned_;
    TimePlan plan_;
};

}  // namespace

std::string SentText(const TimecardDraft& d) {
    std::string out;
    Put(out, "project", std::to_string(d.project_procore_id));
    Put(out, "party", std::to_string(d.party_id));
    Put(out, "date", d.date);
    Put(out, "hours", d.time_in.empty() ? d.hours : "");
    Put(out, "in", d.time_in);
    Put(out, "out", d.time_out);
    Put(out, "lunch", d.time_in.empty() ? "" : std::to_string(d.lunch_minutes));
    Put(out, "classification", std::to_string(d.classification_id));
    Put(out, "cost_code", std::to_string(d.cost_code_id));
    Put(out, "description", d.description);
    return out;
}

std::int64_t TimePlan::Writes() const {
    std::int64_t removed = 0;
    for (const TimecardRemoval& r : removals) removed += r.delete_in_procore ? 1 : 0;
    return static_cast<std::int64_t>(contacts.size() + classifications.size() + creates.size() +
                                     updates.size()) +
           removed;
}

std::string TimeEntryOriginId(const std::string& prefix, std::int64_t time_entry_id) {
    return prefix + "time:" + std::to_string(time_entry_id);
}

TimePlan PlanTimePush(const TimePushInput& input) { return Planner(input).Build(); }

}  // namespace crewsync::sync
