// Runs every scenario file in tests/scenarios/: the link report and the plan must be the
// expected lines, the report must serialise, and applying the plan must leave nothing to do.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "report/link_report_format.hpp"
#include "report/plan_format.hpp"
#include "support/scenario.hpp"
#include "sync/link_report.hpp"

namespace crewsync::testing {
namespace {

namespace fs = std::filesystem;

// Compiled in, because test discovery lists the scenarios before any test environment is set.
fs::path ScenarioDir() { return CREWSYNC_SCENARIO_DIR; }

std::vector<std::string> ScenarioNames() {
    std::vector<std::string> names;
    if (!fs::is_directory(ScenarioDir())) return names;
    for (const auto& entry : fs::directory_iterator(ScenarioDir())) {
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

Scenario Load(const std::string& name) {
    std::ifstream in(ScenarioDir() / (name + ".json"));
    return ParseScenario(name, nlohmann::json::parse(in));
}

class SyncScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(SyncScenario, Run) {
    Scenario s = Load(GetParam());
    SCOPED_TRACE(s.rule);
    const sync::LinkReport report =
        sync::BuildLinkReport(s.world.local, s.world.remote, s.world.state, s.settings);
    EXPECT_EQ(ReportLines(report), s.expect_report);
    const sync::Plan plan =
        sync::BuildPlan(s.world.local, s.world.remote, s.world.state, s.settings, report);
    EXPECT_EQ(PlanLines(plan), s.expect_plan);
    if (!s.expect_guard.empty()) {
        EXPECT_EQ(sync::CheckMassChange(plan, s.settings).blocked ? "blocked" : "allowed",
                  s.expect_guard);
    }
    // Every format renders every entry (no crash, no missing record).
    EXPECT_EQ(report::LinkReportJson(report)["entries"].size(), report.entries.size());
    EXPECT_EQ(report::PlanJson(plan)["operations"].size(), plan.operations.size());

    ApplyPlan(s.world, plan);
    const sync::Plan again = sync::BuildPlan(s.world.local, s.world.remote, s.world.state, s.settings);
    EXPECT_TRUE(again.Empty()) << "second plan:\n"
                               << ::testing::PrintToString(PlanLines(again))
                               << "\nbaselines: " << again.person_baselines.size() << " people, "
                               << again.project_baselines.size() << " projects";
}

INSTANTIATE_TEST_SUITE_P(Files, SyncScenario, ::testing::ValuesIn(ScenarioNames()),
                         [](const auto& param_info) { return param_info.param; });

TEST(SyncScenarioFiles, ThereAreAtLeastThirty) { EXPECT_GE(ScenarioNames().size(), 30u); }

}  // namespace
}  // namespace crewsync::testing
