#include "report/time_format.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace crewsync::report {
namespace {

using nlohmann::json;

std::int64_t Deletes(const sync::TimePlan& plan) {
    std::int64_t n = 0;
    for (const auto& r : plan.removals) n += r.delete_in_procore ? 1 : 0;
    return n;
}

std::string Describe(const sync::TimecardDraft& d) {
    std::string out = d.time_in.empty() ? d.hours + " h"
                                        : d.time_in + " to " + d.time_out +
                                              (d.lunch_minutes > 0
                                                   ? fmt::format(", {} min lunch", d.lunch_minutes)
                                                   : std::string());
    out += fmt::format(" on Procore project {}", d.project_procore_id);
    if (!d.classification_name.empty()) out += ", " + d.classification_name;
    if (d.cost_code_id != 0) out += fmt::format(", cost code {}", d.cost_code_id);
    return out;
}

json DraftJson(const sync::TimecardDraft& d) {
    const auto id_or_null = [](sync::ProcoreId id) { return id == 0 ? json(nullptr) : json(id); };
    return {{"time_entry_id", d.time_entry_id},
            {"person_id", d.person_id},
            {"project_id", d.project_id},
            {"procore_project_id", d.project_procore_id},
            {"party_id", id_or_null(d.party_id)},
            {"classification", d.classification_name},
            {"classification_id", id_or_null(d.classification_id)},
            {"cost_code_id", id_or_null(d.cost_code_id)},
            {"date", d.date},
            {"hours", d.hours},
            {"time_in", d.time_in},
            {"time_out", d.time_out},
            {"lunch_minutes", d.lunch_minutes},
            {"description", d.description},
            {"origin_id", d.origin_id},
            {"label", d.label}};
}

}  // namespace

std::string TimePlanText(const sync::TimePlan& plan) {
    std::int64_t failed = 0, skipped = 0;
    for (const auto& r : plan.rejections) (r.failed ? failed : skipped) += 1;
    std::string out = fmt::format(
        "{} contacts and {} classifications to create; {} timecards to create, {} to update, "
        "{} unchanged, {} to delete; {} entries rejected, {} skipped, {} deletions reported\n",
        plan.contacts.size(), plan.classifications.size(), plan.creates.size(),
        plan.updates.size(), plan.unchanged, Deletes(plan), failed, skipped,
        static_cast<std::int64_t>(plan.removals.size()) - Deletes(plan));
    for (const auto& c : plan.contacts) {
        out += fmt::format("create contact         {} (person {}{})\n", c.label, c.person_id,
                           c.employee_id.empty() ? "" : ", payroll ID " + c.employee_id);
    }
    for (const auto& c : plan.classifications) {
        out += fmt::format("create classification  {}{}\n", c.name,
                           c.abbreviation.empty() ? "" : " (" + c.abbreviation + ")");
    }
    for (const auto& d : plan.creates) {
        out += fmt::format("create timecard        {}  ({})\n", d.label, Describe(d));
    }
    for (const auto& u : plan.updates) {
        out += fmt::format("update timecard {:<7} {}  ({})\n", u.timecard_id, u.draft.label,
                           Describe(u.draft));
    }
    for (const auto& r : plan.removals) {
        out += fmt::format("{} timecard {:<7} time entry #{} of {} was deleted in crewsync{}\n",
                           r.delete_in_procore ? "delete" : "keep  ", r.timecard_id,
                           r.time_entry_id, r.date,
                           r.delete_in_procore ? "" : " (--delete-removed deletes it)");
    }
    for (const auto& r : plan.rejections) {
        out += fmt::format("{}                 {}: {}\n", r.failed ? "reject" : "skip  ", r.label,
                           r.reason);
    }
    return out;
}

json TimePlanJson(const sync::TimePlan& plan) {
    json contacts = json::array(), classifications = json::array(), creates = json::array(),
         updates = json::array(), removals = json::array(), rejections = json::array();
    for (const auto& c : plan.contacts) {
        contacts.push_back({{"person_id", c.person_id},
                            {"first_name", c.first_name},
                            {"last_name", c.last_name},
                            {"employee_id", c.employee_id},
                            {"origin_id", c.origin_id}});
    }
    for (const auto& c : plan.classifications) {
        classifications.push_back({{"name", c.name}, {"abbreviation", c.abbreviation}});
    }
    for (const auto& d : plan.creates) creates.push_back(DraftJson(d));
    for (const auto& u : plan.updates) {
        json item = DraftJson(u.draft);
        item["timecard_id"] = u.timecard_id;
        updates.push_back(std::move(item));
    }
    for (const auto& r : plan.removals) {
        removals.push_back({{"time_entry_id", r.time_entry_id},
                            {"timecard_id", r.timecard_id},
                            {"date", r.date},
                            {"delete_in_procore", r.delete_in_procore}});
    }
    for (const auto& r : plan.rejections) {
        rejections.push_back({{"time_entry_id", r.time_entry_id},
                              {"label", r.label},
                              {"reason", r.reason},
                              {"failed", r.failed}});
    }
    return {{"counts",
             {{"contacts", plan.contacts.size()},
              {"classifications", plan.classifications.size()},
              {"creates", plan.creates.size()},
              {"updates", plan.updates.size()},
              {"unchanged", plan.unchanged},
              {"removals", plan.removals.size()},
              {"rejections", plan.rejections.size()},
              {"writes", plan.Writes()}}},
            {"contacts", contacts},
            {"classifications", classifications},
            {"creates", creates},
            {"updates", updates},
            {"removals", removals},
            {"rejections", rejections}};
}

}  // namespace crewsync::report
