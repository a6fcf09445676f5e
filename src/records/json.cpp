#include "records/json.hpp"

#include <nlohmann/json.hpp>

namespace crewsync::records {
namespace {

nlohmann::json OptionalDate(const std::optional<Date>& date) {
    return date ? nlohmann::json(FormatDate(*date)) : nlohmann::json(nullptr);
}

nlohmann::json OptionalTime(const std::optional<TimeOfDay>& time) {
    return time ? nlohmann::json(FormatTimeOfDay(*time)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ToJson(const Person& p) {
    return {
        {"id", p.id.value()},
        {"first_name", p.first_name},
        {"last_name", p.last_name},
        {"email", p.email},
        {"employee_id", p.employee_id},
        {"mobile_phone", p.mobile_phone},
        {"job_title", p.job_title},
        {"status", Name(p.status)},
        {"type", Name(p.type)},
        {"permission", Name(p.permission)},
        {"classification", p.classification},
        {"groups", p.groups},
        {"custom_fields", p.custom_fields},
    };
}

nlohmann::json ToJson(const Project& p) {
    return {
        {"id", p.id.value()},
        {"name", p.name},
        {"project_number", p.project_number},
        {"status", Name(p.status)},
        {"start_date", OptionalDate(p.start_date)},
        {"planned_end_date", OptionalDate(p.planned_end_date)},
        {"address", p.address},
        {"city", p.city},
        {"postal_code", p.postal_code},
        {"time_zone", p.time_zone},
        {"groups", p.groups},
    };
}

nlohmann::json ToJson(const Group& g) {
    return {{"id", g.id.value()}, {"name", g.name}, {"description", g.description}};
}

nlohmann::json ToJson(const Classification& c) {
    return {{"id", c.id.value()},
            {"name", c.name},
            {"abbreviation", c.abbreviation},
            {"status", Name(c.status)}};
}

nlohmann::json ToJson(const Assignment& a) {
    return {{"id", a.id.value()},
            {"person_id", a.person.value()},
            {"project_id", a.project.value()},
            {"start_date", FormatDate(a.start_date)},
            {"end_date", FormatDate(a.end_date)},
            {"note", a.note}};
}

nlohmann::json ToJson(const TimeEntry& e) {
    return {{"id", e.id.value()},
            {"person_id", e.person.value()},
            {"project_id", e.project.value()},
            {"date", FormatDate(e.date)},
            {"hours", FormatHours(e.hours)},
            {"time_in", OptionalTime(e.time_in)},
            {"time_out", OptionalTime(e.time_out)},
            {"lunch_minutes", e.lunch_minutes},
            {"classification", e.classification},
            {"cost_code", e.cost_code},
            {"notes", e.notes},
            {"approval", Name(e.approval)},
            {"ref", e.source_ref}};
}

nlohmann::json ToJson(const ImportReport& report) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : report.rows) {
        nlohmann::json row = {{"line", r.line},
                              {"action", Name(r.action)},
                              {"label", r.label},
                              {"changed_fields", r.changed_fields}};
        row["id"] = r.id != 0 ? nlohmann::json(r.id) : nlohmann::json(nullptr);
        rows.push_back(std::move(row));
    }
    return {{"file", report.file},
            {"dry_run", report.dry_run},
            {"added", report.Count(RowAction::kAdd)},
            {"updated", report.Count(RowAction::kUpdate)},
            {"unchanged", report.Count(RowAction::kUnchanged)},
            {"created_groups", report.created_groups},
            {"created_classifications", report.created_classifications},
            {"rows", std::move(rows)}};
}

nlohmann::json ToJson(const Error& error) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : error.problems()) {
        problems.push_back({{"location", p.location}, {"field", p.field}, {"message", p.message}});
    }
    return {{"error",
             {{"code", ErrorCodeName(error.code())},
              {"message", error.message()},
              {"problems", std::move(problems)}}}};
}

nlohmann::json ToJson(const store::JournalEntry& j) {
    return {{"seq", j.seq},
            {"recorded_at", j.recorded_at},
            {"entity", store::Name(j.entity)},
            {"entity_id", j.entity_id},
            {"action", store::Name(j.action)},
            {"fields", j.fields}};
}

}  // namespace crewsync::records
