// Scenario files (tests/scenarios/*.json): crewsync records, Procore records, sync state and
// settings in, the expected link report and plan out, as short readable lines.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "support/apply_plan.hpp"
#include "sync/plan.hpp"
#include "sync/settings.hpp"

namespace crewsync::testing {

struct Scenario {
    std::string name;
    std::string rule;  // the product.md rule it shows
    sync::Settings settings;
    World world;
    std::vector<std::string> expect_report;
    std::vector<std::string> expect_plan;
    std::string expect_guard;  // "", "allowed" or "blocked"
};

// Throws std::runtime_error naming the field when the file is malformed.
Scenario ParseScenario(const std::string& name, const nlohmann::json& json);

// One line per entry: "person 3 conflict user 103: first_name 'Jon' vs 'John'".
std::vector<std::string> ReportLines(const sync::LinkReport& report);
// One line per operation: "update user 101 for person 1: mobile_phone '…' -> '…' (reset)".
std::vector<std::string> PlanLines(const sync::Plan& plan);

}  // namespace crewsync::testing
