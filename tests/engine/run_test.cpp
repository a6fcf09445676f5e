// Running syncs (product.md §7): one run at a time per workspace, a run whose process died is
// marked interrupted by the next, each run's scope narrows what it reads and writes, and its
// log records trigger, kind and counts.
#include "engine/run_lock.hpp"
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using RunRules = SyncTest;

TEST_F(RunRules, ASecondRunWhileOneHoldsTheLockIsRefusedAndWritesNothing) {
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    auto held = RunLock::Acquire(LockPath());
    ASSERT_TRUE(held) << held.error().ToString();
    ResetCalls();

    SyncEnvironment env{*store_, api(), store_clock_, settings_, LockPath(), {}, executor_};
    const Result<SyncOutcome> refused = RunSync(SyncRequest{}, env);

    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::kConflict);
    EXPECT_EQ(CallsContaining("/rest/"), 0);
    EXPECT_TRUE(Runs().empty());
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(id)), 0);
}

TEST_F(RunRules, ARunLeftRunningByADeadProcessIsMarkedInterrupted) {
    std::int64_t dead_id = 0;
    Write([&](store::Transaction& tx) {
        store::RunRecord dead;
        dead.kind = "all";
        dead.trigger = "schedule";
        dead.status = "running";
        dead.started_at = FormatTimestamp(store_clock_.Now());
        auto inserted = tx.InsertRun(dead);
        ASSERT_TRUE(inserted) << inserted.error().ToString();
        dead_id = *inserted;
    });

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.interrupted_runs, 1);
    EXPECT_EQ(run.run.status, "succeeded");
    const auto runs = Runs();
    const auto dead = std::find_if(runs.begin(), runs.end(),
                                   [&](const store::RunRecord& r) { return r.id == dead_id; });
    ASSERT_NE(dead, runs.end());
    EXPECT_EQ(dead->status, "interrupted");
    EXPECT_FALSE(dead->ended_at.empty());
}

TEST_F(RunRules, TheRunLogRecordsKindTriggerTimesAndCounts) {
    AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    SyncRequest request;
    request.scope = SyncScope::kPeople;
    request.trigger = "schedule";

    const SyncOutcome run = Sync(request);

    const auto runs = Runs();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0], run.run) << "the outcome is what the store holds";
    EXPECT_EQ(runs[0].kind, "people");
    EXPECT_EQ(runs[0].trigger, "schedule");
    EXPECT_FALSE(runs[0].dry_run);
    EXPECT_EQ(runs[0].status, "succeeded");
    EXPECT_FALSE(runs[0].started_at.empty());
    EXPECT_FALSE(runs[0].ended_at.empty());
    EXPECT_EQ(runs[0].counts.created, 1);
    EXPECT_NE(runs[0].summary.find("1 created"), std::string::npos) << runs[0].summary;
    const auto lines = Lines(run);
    ASSERT_EQ(lines.size(), 1u) << Dump(lines);
    EXPECT_EQ(lines[0].seq, 1);
    EXPECT_EQ(lines[0].label, "Ana Lopez <ana@example.com>");
}

TEST_F(RunRules, APeopleRunLeavesProjectsAloneAndAProjectsRunLeavesPeopleAlone) {
    settings_.projects_system_of_record = SystemOfRecord::kCrewsync;
    const PersonId ana =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    Project depot = MakeProject("C-1", "Depot");
    depot.time_zone = "America/Chicago";
    const ProjectId depot_id = AddProject(depot);
    const std::int64_t projects_before = ProjectCount();
    SyncRequest people;
    people.scope = SyncScope::kPeople;

    const SyncOutcome people_run = Sync(people);

    EXPECT_EQ(people_run.run.status, "succeeded") << people_run.run.summary;
    EXPECT_TRUE(LinkOf(ana, "user"));
    EXPECT_FALSE(LinkOf(depot_id));
    EXPECT_EQ(ProjectCount(), projects_before);
    EXPECT_EQ(CallsContaining("projects"), 0) << "a people run does not even read projects";

    EditPerson(ana, [](Person& p) { p.job_title = "Foreman"; });
    SyncRequest projects;
    projects.scope = SyncScope::kProjects;
    ResetCalls();
    const SyncOutcome projects_run = Sync(projects);

    EXPECT_EQ(projects_run.run.status, "succeeded") << projects_run.run.summary;
    EXPECT_TRUE(LinkOf(depot_id));
    EXPECT_EQ(ProjectCount(), projects_before + 1);
    EXPECT_EQ(CallsContaining("/users"), 0) << "a projects run does not touch people";
    EXPECT_EQ(Text(UserRecord(UserWithOrigin(PersonOrigin(ana))), "job_title"), "");
    EXPECT_TRUE(LinkOf(ana, "user")) << "people's links survive a projects run";
    EXPECT_TRUE(BaselineOf(store::Entity::kPerson, ana.value()));
}

TEST_F(RunRules, AnUpdateProcoreRefusesFailsAloneWithTheReason) {
    const PersonId ana =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const PersonId ben =
        AddPerson(MakePerson(PersonType::kUser, "Ben", "Ito", "ben@example.com", "E-2"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    // Somebody else in the Directory holds the address Ana is given in crewsync.
    UserFields other;
    other.last_name = "Other";
    other.email_address = "shared@example.com";
    const procore::RemoteUser holder = CreateDirectoryUser(other);
    EditPerson(ana, [](Person& p) { p.email = "shared@example.com"; });
    EditPerson(ben, [](Person& p) { p.job_title = "Foreman"; });

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "partial") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(run.run.counts.failed, 1);
    EXPECT_TRUE(HasLine(LinesOf(run, ana), "update", "failed",
                        "e-mail address: has already been taken"))
        << Dump(Lines(run));
    EXPECT_EQ(Text(UserRecord(UserWithOrigin(PersonOrigin(ben))), "job_title"), "Foreman");
    EXPECT_EQ(Text(UserRecord(UserWithOrigin(PersonOrigin(ana))), "email_address"),
              "ana@example.com");
    EXPECT_EQ(Text(UserRecord(holder.id), "last_name"), "Other");
}

}  // namespace
}  // namespace crewsync::engine::testing
