// A project timesheet (procore-api.md §9.4): one day's timecard entries of a project.
#pragma once

#include <string>

#include "emulator/state.hpp"

namespace crewsync::emulator {

// A new timesheet of `project_id` for `date` (YYYY-MM-DD): number = how many the project has
// for that date plus one, name "2018-11-01 - 01", status "pending". The record keeps
// project_id so the routes can tell whose it is.
Json NewTimesheet(const Company& company, RecordId id, RecordId project_id, const std::string& date,
                  const Json& created_by, const std::string& now);

// {id, date, name, number, status, created_by} as timecard entries embed their timesheet;
// null for 0 or an unknown id.
Json TimesheetSummary(const Company& company, RecordId id);

// The timesheet's project, or 0.
RecordId TimesheetProject(const Json& timesheet);

}  // namespace crewsync::emulator
