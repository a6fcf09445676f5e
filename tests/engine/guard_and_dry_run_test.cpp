// The mass-change guard and dry runs (product.md §7): a run that would deactivate too many
// linked records writes nothing until approved; a dry run writes nothing anywhere and plans what
// the real run then does.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

class MassChangeGuard : public SyncTest {
protected:
    // `count` user-type people, synced once.
    std::vector<PersonId> SyncedCrew(int count) {
        std::vector<PersonId> ids;
        for (int i = 0; i < count; ++i) {
            const std::string n = std::to_string(i);
            ids.push_back(AddPerson(MakePerson(PersonType::kUser, "Crew", "Member" + n,
                                               "crew" + n + "@example.com", "C-" + n)));
        }
        const SyncOutcome first = Sync();
        EXPECT_EQ(first.run.status, "succeeded") << first.run.summary;
        EXPECT_EQ(Links().size(), static_cast<std::size_t>(count));
        return ids;
    }

    int ActiveUsersOf(const std::vector<PersonId>& ids) {
        int n = 0;
        for (const PersonId id : ids) {
            n += ActiveUser(UserRecord(UserWithOrigin(PersonOrigin(id)))) ? 1 : 0;
        }
        return n;
    }
};

TEST_F(MassChangeGuard, BlocksDeactivatingTooManyLinkedRecordsUntilApproved) {
    const std::vector<PersonId> ids = SyncedCrew(25);
    for (const PersonId id : ids) {
        EditPerson(id, [](Person& p) { p.status = RecordStatus::kInactive; });
    }
    ResetCalls();

    const SyncOutcome blocked = Sync();

    EXPECT_EQ(blocked.run.status, "blocked") << blocked.run.summary;
    EXPECT_TRUE(blocked.guard.blocked);
    EXPECT_EQ(blocked.guard.affected, 25);
    EXPECT_NE(blocked.run.summary.find("--approve-mass-change"), std::string::npos)
        << blocked.run.summary;
    EXPECT_EQ(WriteCalls(), 0) << "nothing is written";
    EXPECT_EQ(ActiveUsersOf(ids), 25);
    EXPECT_EQ(blocked.run.counts.deactivated, 0);

    SyncRequest approved;
    approved.approve_mass_change = true;
    const SyncOutcome run = Sync(approved);

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    EXPECT_EQ(run.run.counts.deactivated, 25);
    EXPECT_EQ(ActiveUsersOf(ids), 0);
}

TEST_F(MassChangeGuard, LetsAChangeWithinTheLimitThrough) {
    const std::vector<PersonId> ids = SyncedCrew(25);
    for (std::size_t i = 0; i < 24; ++i) {  // the limit: max(10% of 25, 25 - 1)
        EditPerson(ids[i], [](Person& p) { p.status = RecordStatus::kInactive; });
    }

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    EXPECT_FALSE(run.guard.blocked);
    EXPECT_EQ(run.run.counts.deactivated, 24);
    EXPECT_EQ(ActiveUsersOf(ids), 1);
}

// Everything the store holds that a run could change.
struct StoreContents {
    std::vector<store::LinkRow> links;
    std::vector<store::BaselineRow> baselines;
    std::vector<store::DismissalRow> dismissals;
    std::vector<store::RunRecord> runs;
    std::vector<std::vector<store::RunLine>> lines;
    std::vector<Person> people;
    std::vector<Project> projects;
    std::vector<Group> groups;
    std::size_t journal_rows = 0;
    std::int64_t last_seq = 0;

    bool operator==(const StoreContents&) const = default;
};

std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DryRunSync : public SyncTest {
protected:
    StoreContents Contents() {
        StoreContents c;
        c.links = Links();
        c.baselines = Baselines();
        c.runs = Runs();
        for (const store::RunRecord& r : c.runs) c.lines.push_back(Lines(r.id));
        c.people = People();
        c.projects = Projects();
        Read([&](store::Transaction& tx) {
            auto dismissals = tx.ListDismissals();
            EXPECT_TRUE(dismissals);
            if (dismissals) c.dismissals = *dismissals;
            auto groups = tx.ListGroups();
            EXPECT_TRUE(groups);
            if (groups) c.groups = *groups;
            auto journal = tx.ReadJournal(0, 1'000'000);
            EXPECT_TRUE(journal);
            if (journal) {
                c.journal_rows = journal->size();
                c.last_seq = journal->empty() ? 0 : journal->back().seq;
            }
            return 0;
        });
        return c;
    }
};

TEST_F(DryRunSync, WritesNothingAnywhereAndPlansWhatTheRealRunDoes) {
    settings_.projects_system_of_record = SystemOfRecord::kCrewsync;
    const PersonId ana =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const PersonId cat = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    Project depot = MakeProject("C-1", "Depot");
    depot.time_zone = "America/Chicago";
    AddProject(depot);
    ASSERT_EQ(Sync().run.status, "succeeded");
    // Work for the next run: a crewsync edit, a Directory edit to reset, a deactivation, a new
    // person and a new project.
    EditPerson(ana, [](Person& p) { p.job_title = "Superintendent"; });
    UserFields edit;
    edit.first_name = "Anna";
    EditDirectoryUser(UserWithOrigin(PersonOrigin(ana)), edit);
    EditPerson(cat, [](Person& p) { p.status = RecordStatus::kInactive; });
    AddPerson(MakePerson(PersonType::kBoth, "Ben", "Ito", "ben@example.com", "E-2"));
    Project yard = MakeProject("C-2", "Yard");
    yard.time_zone = "America/Denver";
    AddProject(yard);
    const StoreContents before = Contents();
    const std::string db_before = FileBytes(DatabasePath());
    const std::string wal_before = FileBytes(DatabasePath() + "-wal");
    const std::int64_t users = UserCount();
    const std::int64_t projects = ProjectCount();
    ResetCalls();

    const SyncOutcome dry = DryRun();

    EXPECT_EQ(dry.run.id, 0) << "a dry run keeps no run log";
    EXPECT_FALSE(dry.plan.Empty());
    EXPECT_EQ(dry.plan.counts.creates, 2);
    EXPECT_EQ(dry.plan.counts.resets, 1);
    EXPECT_EQ(dry.plan.counts.deactivations, 1);
    EXPECT_EQ(WriteCalls(), 0) << "only reads reach Procore";
    EXPECT_EQ(UserCount(), users);
    EXPECT_EQ(ProjectCount(), projects);
    EXPECT_EQ(Text(UserRecord(UserWithOrigin(PersonOrigin(ana))), "first_name"), "Anna");
    EXPECT_TRUE(Contents() == before) << "the store's tables are unchanged";
    EXPECT_EQ(FileBytes(DatabasePath()), db_before) << "the database file is unchanged";
    EXPECT_EQ(FileBytes(DatabasePath() + "-wal"), wal_before);

    const SyncOutcome real = Sync();

    EXPECT_EQ(real.run.status, "succeeded") << real.run.summary << "\n" << Dump(Lines(real));
    EXPECT_EQ(real.plan.operations, dry.plan.operations) << "the dry run showed this very plan";
    EXPECT_GT(WriteCalls(), 0);
}

}  // namespace
}  // namespace crewsync::engine::testing
