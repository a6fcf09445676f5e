#include "emulator/timecard_timesheet.hpp"

#include <cstdio>

namespace crewsync::emulator {

Json NewTimesheet(const Company& company, RecordId id, RecordId project_id, const std::string& date,
                  const Json& created_by, const std::string& now) {
    std::int64_t number = 1;
    for (const auto& [other, timesheet] : company.timesheets.All()) {
        if (TimesheetProject(timesheet) == project_id && timesheet.value("date", "") == date) {
            ++number;
        }
    }
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, " - %02lld", static_cast<long long>(number));
    return Json{{"id", id},
                {"date", date},
                {"name", date + suffix},
                {"number", number},
                {"status", "pending"},
                {"project_id", project_id},
                {"created_by", created_by},
                {"created_at", now},
                {"updated_at", now}};
}

Json TimesheetSummary(const Company& company, RecordId id) {
    const Json* timesheet = id ? company.timesheets.Find(id) : nullptr;
    if (!timesheet) return nullptr;
    return Json{{"id", id},
                {"date", timesheet->value("date", "")},
                {"name", timesheet->value("name", "")},
                {"number", timesheet->value("number", 1)},
                {"status", timesheet->value("status", "pending")},
                {"created_by", timesheet->value("created_by", Json())}};
}

RecordId TimesheetProject(const Json& timesheet) {
    const auto it = timesheet.find("project_id");
    return it != timesheet.end() && it->is_number_integer() ? it->get<RecordId>() : 0;
}

}  // namespace crewsync::emulator
