// Projects: v1.1 lists, v1.0 writes with the company in the body, time zones and dates as
// Procore wants them, the company count and the sync action.
#include <algorithm>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using ProjectsTest = ClientTest;

ProjectFields NewProject(const std::string& key) {
    ProjectFields fields;
    fields.name = "Tower " + key;
    fields.project_number = "P-" + key;
    fields.address = "1 Main St";
    fields.city = "Springfield";
    fields.zip = "62701";
    fields.time_zone = "America/Chicago";
    fields.start_date = "2026-03-01";
    fields.completion_date = "2026-12-15";
    fields.origin_id = "project-" + key;
    return fields;
}

TEST_F(ProjectsTest, CreatesAndUpdatesWithRailsZonesAndNullDates) {
    const auto created = api().CreateProject(NewProject("a"));
    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_EQ(created->name, "Tower a");
    EXPECT_EQ(created->project_number, "P-a");
    EXPECT_EQ(created->address, "1 Main St");
    EXPECT_EQ(created->city, "Springfield");
    EXPECT_EQ(created->zip, "62701");
    EXPECT_EQ(created->time_zone, "America/Chicago");
    EXPECT_EQ(created->start_date, ParseDate("2026-03-01"));
    EXPECT_EQ(created->completion_date, ParseDate("2026-12-15"));
    EXPECT_EQ(created->origin_id, "project-a");
    EXPECT_TRUE(created->active);
    WithCompany([&](emulator::Company& company, emulator::State&) {
        const Json* project = company.projects.Find(created->id);
        ASSERT_NE(project, nullptr);
        EXPECT_EQ(project->value("time_zone", Json()), "Central Time (US & Canada)")
            << "US zones go as Procore's Rails names";
    });

    ProjectFields change;
    change.completion_date = "";
    change.active = false;
    change.time_zone = "Europe/London";
    const auto updated = api().UpdateProject(created->id, change);
    ASSERT_TRUE(updated) << updated.error().ToString();
    EXPECT_FALSE(updated->completion_date) << "an empty date clears it";
    EXPECT_EQ(updated->start_date, ParseDate("2026-03-01"));
    EXPECT_FALSE(updated->active);
    EXPECT_EQ(updated->time_zone, "Europe/London");
    EXPECT_EQ(updated->name, "Tower a");

    const auto projects = api().ListProjects({});
    ASSERT_TRUE(projects) << projects.error().ToString();
    ASSERT_EQ(projects->size(), 1u) << "inactive projects are listed";
    EXPECT_EQ(projects->front(), *updated);
}

TEST_F(ProjectsTest, CountIncludesProjectsTheServiceAccountCannotSee) {
    const auto visible = api().CreateProject(NewProject("seen"));
    const auto hidden = api().CreateProject(NewProject("hidden"));
    ASSERT_TRUE(visible && hidden);
    Admin("PUT", "/__emulator/projects/" + std::to_string(hidden->id) + "/service_account",
          Json{{"member", false}});

    const auto projects = api().ListProjects({});
    const auto count = api().CountCompanyProjects();

    ASSERT_TRUE(projects) << projects.error().ToString();
    ASSERT_TRUE(count) << count.error().ToString();
    EXPECT_EQ(projects->size(), 1u);
    EXPECT_EQ(*count, 2);
    EXPECT_EQ(CodeOf(api().UpdateProject(hidden->id, NewProject("x"))), ErrorCode::kNotFound);
}

TEST_F(ProjectsTest, RefusalsAreClassified) {
    ASSERT_TRUE(api().CreateProject(NewProject("b")));
    ProjectFields same_origin = NewProject("c");
    same_origin.origin_id = "project-b";
    const auto clash = api().CreateProject(same_origin);
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code(), ErrorCode::kConflict);
    EXPECT_TRUE(NamesField(clash.error(), "origin_id")) << clash.error().ToString();

    ProjectFields nameless = NewProject("d");
    nameless.name = "";
    const auto blank = api().CreateProject(nameless);
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(blank.error(), "name")) << blank.error().ToString();

    ProjectFields martian = NewProject("d");
    martian.time_zone = "Mars/Olympus";
    const auto zone = api().CreateProject(martian);
    ASSERT_FALSE(zone);
    EXPECT_EQ(zone.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(zone.error(), "time_zone")) << zone.error().ToString();

    EXPECT_EQ(CodeOf(api().UpdateProject(4'000'000'001, NewProject("e"))), ErrorCode::kNotFound);
}

TEST_F(ProjectsTest, SyncCreatesUpdatesAndReportsRefusals) {
    const auto existing = api().CreateProject(NewProject("old"));
    ASSERT_TRUE(existing);
    std::vector<ProjectSyncItem> items(4);
    items[0].fields = NewProject("new");
    items[1].id = existing->id;
    items[1].fields.name = "Tower renamed";
    items[2].fields = NewProject("bad");
    items[2].fields.start_date = "2026-02-30";
    items[3].id = 4'000'000'001;
    items[3].fields.name = "Nowhere";
    ResetCalls();

    const auto result = api().SyncProjects(items);

    ASSERT_TRUE(result) << result.error().ToString();
    EXPECT_EQ(Calls("PATCH /rest/v1.0/projects/sync"), 1);
    ASSERT_EQ(result->entities.size(), 2u);
    EXPECT_EQ(result->entities[0].origin_id, "project-new");
    EXPECT_EQ(result->entities[1].id, existing->id);
    EXPECT_EQ(result->entities[1].name, "Tower renamed");
    ASSERT_EQ(result->errors.size(), 2u);
    EXPECT_EQ(result->errors[0].index, 2u);
    EXPECT_EQ(result->errors[0].origin_id, "project-bad");
    EXPECT_TRUE(std::any_of(result->errors[0].problems.begin(), result->errors[0].problems.end(),
                            [](const FieldProblem& p) { return p.field == "start_date"; }));
    EXPECT_EQ(result->errors[1].index, 3u);
    EXPECT_EQ(result->errors[1].id, 4'000'000'001);
}

}  // namespace
}  // namespace crewsync::procore::testing
