// The timesheet push plan as a dry run prints it (product.md §6, §7): what a real push would
// create, update, leave, reject or report, as plain text and JSON.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sync/time_plan.hpp"

namespace crewsync::report {

// A summary line, then one line per write in the order a push makes them ("create contact",
// "create classification", "create timecard", "update timecard", "delete timecard") and one per
// entry not pushed, with the reason.
std::string TimePlanText(const sync::TimePlan& plan);

// {"counts", "contacts", "classifications", "creates", "updates", "removals", "rejections"}.
nlohmann::json TimePlanJson(const sync::TimePlan& plan);

}  // namespace crewsync::report
