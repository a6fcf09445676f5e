// The plan (product.md §3, §7) as a dry run prints it: exactly what a real run would do, as
// plain text, CSV for a spreadsheet and JSON for scripts; and the mass-change guard's verdict.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sync/plan.hpp"

namespace crewsync::report {

// A summary line of the counts, a blank line, then one line per operation in plan order
// ("create user       person 12 Jane Doe <jane@example.com>  (permission template 7)") followed
// by its reason and one indented line per field ("first_name: '' → 'Jane'"), with resets and
// settled conflicts spelled out. Ends with the baselines the run would record, if any.
std::string PlanText(const sync::Plan& plan);

// A header row, then one row per field change, so a spreadsheet can filter by field; an
// operation without field changes gets one row with the field columns empty. The first column
// numbers the operations from 1, so the rows of one operation can be told apart.
std::string PlanCsv(const sync::Plan& plan);

// {"counts", "linked_records", "operations", "person_baselines", "project_baselines"} with
// every field; enums as their Name() words, ids of records that do not exist yet (0) as null.
nlohmann::json PlanJson(const sync::Plan& plan);

// "Mass-change guard: 30 of 120 linked records would change, limit 25: blocked", then the
// guard's message indented.
std::string GuardText(const sync::GuardDecision& decision);
nlohmann::json GuardJson(const sync::GuardDecision& decision);

}  // namespace crewsync::report
