// Two-way sync (product.md §3): a change on either side flows to the other; job title stays
// one-way; a field both sides changed since the last sync is settled by the conflict rule and
// logged.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

class TwoWaySync : public SyncTest {
protected:
    void SetUp() override {
        SyncTest::SetUp();
        settings_.direction = SyncDirection::kTwoWay;
    }

    // A user-type person synced once; its Directory user's id.
    ProcoreId Synced(PersonId& id, const std::string& first, const std::string& email) {
        Person person = MakePerson(PersonType::kUser, first, "Lopez", email);
        person.job_title = "Superintendent";
        id = AddPerson(person);
        const SyncOutcome first_run = Sync();
        EXPECT_EQ(first_run.run.status, "succeeded") << first_run.run.summary;
        return UserWithOrigin(PersonOrigin(id));
    }
};

TEST_F(TwoWaySync, ADirectoryOnlyChangeFlowsIntoCrewsync) {
    PersonId id;
    const ProcoreId user_id = Synced(id, "Ana", "ana@example.com");
    ASSERT_NE(user_id, 0);
    UserFields edit;
    edit.mobile_phone = "+1 555 0142";
    edit.last_name = "Lopez-Ruiz";
    EditDirectoryUser(user_id, edit);
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    const Person person = GetPerson(id);
    EXPECT_EQ(person.mobile_phone, "+1 555 0142");
    EXPECT_EQ(person.last_name, "Lopez-Ruiz");
    EXPECT_EQ(run.plan.counts.local_updates, 1);
    EXPECT_EQ(run.run.counts.updated, 1);
    EXPECT_EQ(run.run.counts.reset, 0);
    EXPECT_EQ(WriteCalls(), 0) << "nothing goes back to Procore";
    EXPECT_TRUE(HasLine(LinesOf(run, id), "update crewsync", "done",
                        "took from Procore: last name 'Lopez' → 'Lopez-Ruiz'"))
        << Dump(Lines(run));
    EXPECT_EQ(Text(UserRecord(user_id), "last_name"), "Lopez-Ruiz");

    ResetCalls();
    const SyncOutcome after = Sync();
    EXPECT_TRUE(after.plan.Empty()) << "the pulled values are the new baseline";
    EXPECT_EQ(WriteCalls(), 0);
}

// A Directory value crewsync cannot hold fails that person alone, with the reason.
TEST_F(TwoWaySync, ADirectoryValueCrewsyncRefusesFailsThatPersonAlone) {
    PersonId ana, ben;
    const ProcoreId ana_user = Synced(ana, "Ana", "ana@example.com");
    const ProcoreId ben_user = Synced(ben, "Ben", "ben@example.com");
    UserFields bad;
    bad.mobile_phone = "call the office";
    EditDirectoryUser(ana_user, bad);
    UserFields good;
    good.last_name = "Ito";
    EditDirectoryUser(ben_user, good);

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "partial") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(run.run.counts.failed, 1);
    EXPECT_TRUE(HasLine(LinesOf(run, ana), "update crewsync", "failed", "mobile phone"))
        << Dump(Lines(run));
    EXPECT_EQ(GetPerson(ana).mobile_phone, "");
    EXPECT_EQ(GetPerson(ben).last_name, "Ito");
}

TEST_F(TwoWaySync, JobTitleStaysOneWay) {
    PersonId id;
    const ProcoreId user_id = Synced(id, "Ana", "ana@example.com");
    ASSERT_NE(user_id, 0);
    UserFields edit;
    edit.job_title = "Foreman";
    EditDirectoryUser(user_id, edit);

    const SyncOutcome run = Sync();

    EXPECT_EQ(GetPerson(id).job_title, "Superintendent");
    EXPECT_EQ(Text(UserRecord(user_id), "job_title"), "Superintendent");
    EXPECT_EQ(run.run.counts.reset, 1);
    EXPECT_TRUE(HasLine(LinesOf(run, id), "update", "done",
                        "Directory had job title 'Foreman', reset to 'Superintendent'"))
        << Dump(Lines(run));
}

TEST_F(TwoWaySync, NewestWinsAConflictAndEveryConflictIsLogged) {
    // Ana is changed in crewsync after the Directory edit; Ben before it.
    PersonId ana, ben;
    const ProcoreId ana_user = Synced(ana, "Ana", "ana@example.com");
    const ProcoreId ben_user = Synced(ben, "Ben", "ben@example.com");
    ASSERT_NE(ana_user, 0);
    ASSERT_NE(ben_user, 0);
    EditPerson(ben, [](Person& p) { p.first_name = "Benny"; });  // a day before the Directory
    UserFields ana_edit;
    ana_edit.first_name = "Annie";
    EditDirectoryUser(ana_user, ana_edit);
    UserFields ben_edit;
    ben_edit.first_name = "Benjamin";
    EditDirectoryUser(ben_user, ben_edit);
    store_clock_.Advance(std::chrono::hours(48));  // a day after the Directory
    EditPerson(ana, [](Person& p) { p.first_name = "Anita"; });

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(run.run.counts.conflicts, 2);
    EXPECT_EQ(Text(UserRecord(ana_user), "first_name"), "Anita") << "crewsync changed it last";
    EXPECT_EQ(GetPerson(ana).first_name, "Anita");
    EXPECT_EQ(GetPerson(ben).first_name, "Benjamin") << "the Directory changed it last";
    EXPECT_EQ(Text(UserRecord(ben_user), "first_name"), "Benjamin");
    EXPECT_TRUE(HasLine(LinesOf(run, ana), "update", "done",
                        "first name changed on both sides (crewsync 'Anita', Directory 'Annie'): "
                        "newest wins (crewsync changed it last), kept 'Anita'"))
        << Dump(Lines(run));
    EXPECT_TRUE(HasLine(LinesOf(run, ben), "update crewsync", "done",
                        "first name changed on both sides (crewsync 'Benny', Directory "
                        "'Benjamin'): newest wins (the Directory changed it last), kept "
                        "'Benjamin'"))
        << Dump(Lines(run));

    ResetCalls();
    const SyncOutcome after = Sync();
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(after.run.counts.conflicts, 0);
    EXPECT_TRUE(after.plan.Empty());
}

TEST_F(TwoWaySync, CrewsyncWinsRuleKeepsCrewsyncsValue) {
    settings_.conflict_rule = ConflictRule::kCrewsyncWins;
    PersonId id;
    const ProcoreId user_id = Synced(id, "Ana", "ana@example.com");
    ASSERT_NE(user_id, 0);
    UserFields edit;
    edit.first_name = "Annie";
    EditDirectoryUser(user_id, edit);  // the Directory edit is the newer one
    EditPerson(id, [](Person& p) { p.first_name = "Anita"; });

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.counts.conflicts, 1);
    EXPECT_EQ(Text(UserRecord(user_id), "first_name"), "Anita");
    EXPECT_EQ(GetPerson(id).first_name, "Anita");
    EXPECT_TRUE(HasLine(LinesOf(run, id), "update", "done",
                        "(crewsync 'Anita', Directory 'Annie'): crewsync wins, kept 'Anita'"))
        << Dump(Lines(run));
}

TEST_F(TwoWaySync, ProcoreWinsRuleKeepsTheDirectorysValue) {
    settings_.conflict_rule = ConflictRule::kProcoreWins;
    PersonId id;
    const ProcoreId user_id = Synced(id, "Ana", "ana@example.com");
    ASSERT_NE(user_id, 0);
    UserFields edit;
    edit.first_name = "Annie";
    EditDirectoryUser(user_id, edit);
    store_clock_.Advance(std::chrono::hours(48));  // crewsync's edit is the newer one
    EditPerson(id, [](Person& p) { p.first_name = "Anita"; });

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.counts.conflicts, 1);
    EXPECT_EQ(GetPerson(id).first_name, "Annie");
    EXPECT_EQ(Text(UserRecord(user_id), "first_name"), "Annie");
    EXPECT_TRUE(HasLine(LinesOf(run, id), "update crewsync", "done",
                        "(crewsync 'Anita', Directory 'Annie'): Procore wins, kept 'Annie'"))
        << Dump(Lines(run));
}

TEST_F(TwoWaySync, ADirectoryOnlyEmployeeIsImportedAsAPerson) {
    UserFields fields;
    fields.first_name = "Dana";
    fields.last_name = "Kim";
    fields.email_address = "dana@example.com";
    fields.is_employee = true;
    const procore::RemoteUser dana = CreateDirectoryUser(fields);
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(WriteCalls(), 0);
    const std::vector<Person> people = People();
    ASSERT_EQ(people.size(), 1u) << "the service account is no employee: not imported";
    EXPECT_EQ(people[0].email, "dana@example.com");
    EXPECT_EQ(people[0].type, PersonType::kUser);
    const auto link = LinkOf(people[0].id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, dana.id);

    const SyncOutcome after = Sync();
    EXPECT_TRUE(after.plan.Empty());
    EXPECT_EQ(People().size(), 1u);
}

}  // namespace
}  // namespace crewsync::engine::testing
