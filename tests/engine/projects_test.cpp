// Project sync (product.md §5): the system of record's projects go to the other side, the other
// side's own projects do not; a project made on the wrong side is linked by its number.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using ProjectSync = SyncTest;

ProjectFields ProcoreProject(const std::string& number, const std::string& name) {
    ProjectFields f;
    f.project_number = number;
    f.name = name;
    f.time_zone = "America/Chicago";
    f.start_date = "2025-03-01";
    f.address = "1 Main St";
    f.city = "Springfield";
    f.zip = "62701";
    return f;
}

const Project* FindNumber(const std::vector<Project>& projects, const std::string& number) {
    const auto it = std::find_if(projects.begin(), projects.end(),
                                 [&](const Project& p) { return p.project_number == number; });
    return it == projects.end() ? nullptr : &*it;
}

TEST_F(ProjectSync, ProcoreOwnsProjectsSoAProcoreProjectIsImportedIntoEveryGroup) {
    settings_.projects_system_of_record = SystemOfRecord::kProcore;
    AddGroup("North");
    AddGroup("South");
    const procore::RemoteProject riverside =
        CreateProcoreProject(ProcoreProject("2024-017", "Riverside Clinic"));
    const ProjectId depot = AddProject(MakeProject("C-1", "Depot"));
    const std::int64_t procore_projects = ProjectCount();
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(WriteCalls(), 0) << "nothing is sent to Procore";
    EXPECT_EQ(ProjectCount(), procore_projects) << "the crewsync-only project is not sent";
    EXPECT_FALSE(LinkOf(depot));
    const std::vector<Project> projects = Projects();
    ASSERT_EQ(projects.size(), 2u);
    const Project* imported = FindNumber(projects, "2024-017");
    ASSERT_NE(imported, nullptr);
    EXPECT_EQ(imported->name, "Riverside Clinic");
    EXPECT_EQ(imported->city, "Springfield");
    EXPECT_EQ(imported->postal_code, "62701");
    EXPECT_EQ(imported->time_zone, "America/Chicago");
    ASSERT_TRUE(imported->start_date);
    EXPECT_EQ(FormatDate(*imported->start_date), "2025-03-01");
    EXPECT_EQ(imported->groups, (std::vector<std::string>{"North", "South"}));
    const auto link = LinkOf(imported->id);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, riverside.id);
    EXPECT_TRUE(BaselineOf(store::Entity::kProject, imported->id.value()));

    // A later Procore edit flows in; nothing goes the other way.
    ProjectFields rename;
    rename.name = "Riverside Clinic East";
    ASSERT_TRUE(api().UpdateProject(riverside.id, rename));
    ResetCalls();
    const SyncOutcome after = Sync();
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(Projects().size(), 2u) << "imported once";
    const std::vector<Project> renamed = Projects();
    ASSERT_NE(FindNumber(renamed, "2024-017"), nullptr);
    EXPECT_EQ(FindNumber(renamed, "2024-017")->name, "Riverside Clinic East")
        << Dump(Lines(after));

    const SyncOutcome settled = Sync();
    EXPECT_TRUE(settled.plan.Empty()) << Dump(Lines(settled));
}

class ProcoreOwnedProject : public SyncTest {
protected:
    // A project imported from Procore, renamed in crewsync afterwards.
    void SetUp() override {
        SyncTest::SetUp();
        if (HasFatalFailure()) return;
        settings_.projects_system_of_record = SystemOfRecord::kProcore;
        CreateProcoreProject(ProcoreProject("2024-021", "Mill Lofts"));
        ASSERT_EQ(Sync().run.status, "succeeded");
        ASSERT_EQ(Projects().size(), 1u);
        Project renamed = Projects()[0];
        id_ = renamed.id;
        renamed.name = "Mill Lofts (crewsync)";
        Write([&](store::Transaction& tx) { ASSERT_TRUE(tx.UpdateProject(renamed)); });
    }
    ProjectId id_;
};

TEST_F(ProcoreOwnedProject, ACrewsyncEditIsResetToProcoresValue) {
    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    EXPECT_EQ(Projects()[0].name, "Mill Lofts");
    EXPECT_EQ(run.run.counts.reset, 1);
    EXPECT_TRUE(HasLine(Lines(run), "update crewsync", "done",
                        "name 'Mill Lofts (crewsync)', reset to 'Mill Lofts'"))
        << Dump(Lines(run));
}

// The value put back was crewsync's own edit: the log must not say Procore had it.
TEST_F(ProcoreOwnedProject, TheLogOfTheResetSaysCrewsyncHadTheValue) {
    const SyncOutcome run = Sync();

    const auto lines = Lines(run);
    ASSERT_EQ(lines.size(), 1u) << Dump(lines);
    EXPECT_EQ(lines[0].message.find("Directory had"), std::string::npos) << lines[0].message;
    EXPECT_NE(lines[0].message.find("crewsync had name 'Mill Lofts (crewsync)'"),
              std::string::npos)
        << lines[0].message;
}

TEST_F(ProjectSync, CrewsyncOwnsProjectsSoACrewsyncProjectIsCreatedInProcore) {
    settings_.projects_system_of_record = SystemOfRecord::kCrewsync;
    Project yard = MakeProject("C-2", "North Yard");
    yard.city = "Denver";
    yard.time_zone = "America/Denver";
    yard.start_date = ParseDate("2025-04-01");
    const ProjectId yard_id = AddProject(yard);
    const procore::RemoteProject remote_only =
        CreateProcoreProject(ProcoreProject("P-9", "Procore Only"));
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    const auto link = LinkOf(yard_id);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->how, "created");
    const Json created = ProjectRecord(link->procore_id);
    ASSERT_FALSE(created.is_null());
    EXPECT_EQ(Text(created, "origin_id"), ProjectOrigin(yard_id));
    EXPECT_EQ(Text(created, "name"), "North Yard");
    EXPECT_EQ(Text(created, "project_number"), "C-2");
    EXPECT_EQ(Text(created, "city"), "Denver");
    EXPECT_EQ(Text(created, "start_date"), "2025-04-01");
    EXPECT_EQ(Projects().size(), 1u) << "Procore's own project is not imported";
    EXPECT_EQ(Text(ProjectRecord(remote_only.id), "name"), "Procore Only");

    ResetCalls();
    const SyncOutcome after = Sync();
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_TRUE(after.plan.Empty());
}

TEST_F(ProjectSync, CrewsyncOwnsProjectsSoAProcoreEditIsResetAndItsStatusFollowsCrewsync) {
    settings_.projects_system_of_record = SystemOfRecord::kCrewsync;
    Project yard = MakeProject("C-2", "North Yard");
    yard.time_zone = "America/Denver";
    yard.start_date = ParseDate("2025-04-01");
    yard.planned_end_date = ParseDate("2026-01-31");
    yard.postal_code = "80202";
    const ProjectId yard_id = AddProject(yard);
    ASSERT_EQ(Sync().run.status, "succeeded");
    const auto link = LinkOf(yard_id);
    ASSERT_TRUE(link);
    EXPECT_EQ(Text(ProjectRecord(link->procore_id), "completion_date"), "2026-01-31");
    EXPECT_EQ(Text(ProjectRecord(link->procore_id), "zip"), "80202");
    ProjectFields edit;
    edit.name = "Yard (renamed in Procore)";
    ASSERT_TRUE(api().UpdateProject(link->procore_id, edit));

    const SyncOutcome reset = Sync();

    EXPECT_EQ(reset.run.status, "succeeded") << reset.run.summary << "\n" << Dump(Lines(reset));
    EXPECT_EQ(Text(ProjectRecord(link->procore_id), "name"), "North Yard");
    EXPECT_EQ(reset.run.counts.reset, 1);
    EXPECT_TRUE(HasLine(Lines(reset), "update", "done",
                        "had name 'Yard (renamed in Procore)', reset to 'North Yard'"))
        << Dump(Lines(reset));

    Write([&](store::Transaction& tx) {
        auto stored = tx.GetProject(yard_id);
        ASSERT_TRUE(stored && *stored);
        Project closed = **stored;
        closed.status = RecordStatus::kInactive;
        ASSERT_TRUE(tx.UpdateProject(closed));
    });
    const SyncOutcome closed = Sync();

    EXPECT_EQ(closed.run.status, "succeeded") << closed.run.summary;
    EXPECT_EQ(closed.run.counts.deactivated, 1);
    EXPECT_FALSE(ProjectRecord(link->procore_id).value("active", true));
}

TEST_F(ProjectSync, AProjectMadeOnTheWrongSideIsLinkedByItsNumber) {
    // crewsync owns projects, but this one was made in Procore first.
    settings_.projects_system_of_record = SystemOfRecord::kCrewsync;
    const procore::RemoteProject pier =
        CreateProcoreProject(ProcoreProject("2024-020", "Harbor Pier"));
    Project pier_here = MakeProject("2024-020", "Harbor Pier");
    pier_here.time_zone = "America/Chicago";
    const ProjectId pier_id = AddProject(pier_here);
    const std::int64_t procore_projects = ProjectCount();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(ProjectCount(), procore_projects) << "linked, not created";
    const auto link = LinkOf(pier_id);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, pier.id);
    EXPECT_EQ(link->how, "matched");
    EXPECT_TRUE(HasLine(Lines(run), "link", "done")) << Dump(Lines(run));
}

// A crewsync project may leave its time zone empty ("the workspace's", model/project.hpp).
// Procore gives a project created without one its default zone; the runs after must not try
// to clear it (Procore refuses an empty time zone), nor call Procore's zone a Directory edit.
TEST_F(ProjectSync, ACrewsyncProjectWithoutATimeZoneKeepsSyncingCleanly) {
    settings_.projects_system_of_record = SystemOfRecord::kCrewsync;
    const ProjectId depot_id = AddProject(MakeProject("C-1", "Depot"));
    const SyncOutcome first = Sync();
    ASSERT_EQ(first.run.status, "succeeded") << first.run.summary;
    ASSERT_TRUE(LinkOf(depot_id));

    const SyncOutcome second = Sync();

    EXPECT_EQ(second.run.status, "succeeded") << second.run.summary << "\n"
                                              << Dump(Lines(second));
    EXPECT_EQ(second.run.counts.failed, 0);
    EXPECT_EQ(second.run.counts.reset, 0);
}

TEST_F(ProjectSync, AProjectMadeInCrewsyncWhenProcoreOwnsProjectsIsLinkedByItsNumber) {
    settings_.projects_system_of_record = SystemOfRecord::kProcore;
    const ProjectId lofts_id = AddProject(MakeProject("2024-021", "Mill Lofts"));
    const procore::RemoteProject lofts =
        CreateProcoreProject(ProcoreProject("2024-021", "Mill Lofts"));

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(Projects().size(), 1u) << "linked, not imported as a second project";
    const auto link = LinkOf(lofts_id);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, lofts.id);
    EXPECT_EQ(link->how, "matched");
    EXPECT_EQ(Projects()[0].city, "Springfield") << "Procore's values are taken";
}

}  // namespace
}  // namespace crewsync::engine::testing
