// One-way sync (product.md §3): crewsync wins. A Directory edit of a mapped field is put back
// by the next run, and the run log says what the Directory had.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using OneWaySync = SyncTest;

TEST_F(OneWaySync, ADirectoryEditOfAMappedFieldIsResetAndLogged) {
    Person ana = MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1");
    ana.job_title = "Superintendent";
    const PersonId id = AddPerson(ana);
    const SyncOutcome first = Sync();
    ASSERT_EQ(first.run.status, "succeeded") << first.run.summary;
    const ProcoreId user_id = UserWithOrigin(PersonOrigin(id));
    ASSERT_NE(user_id, 0);

    UserFields edit;
    edit.job_title = "Foreman";
    edit.first_name = "Anna";
    EditDirectoryUser(user_id, edit);
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    const Json user = UserRecord(user_id);
    EXPECT_EQ(Text(user, "job_title"), "Superintendent");
    EXPECT_EQ(Text(user, "first_name"), "Ana");
    EXPECT_EQ(GetPerson(id).job_title, "Superintendent") << "crewsync keeps its own value";
    EXPECT_EQ(GetPerson(id).first_name, "Ana");
    EXPECT_EQ(run.run.counts.reset, 2);
    EXPECT_EQ(run.run.counts.updated, 1);
    EXPECT_EQ(run.run.counts.conflicts, 0);
    const auto lines = LinesOf(run, id);
    EXPECT_TRUE(HasLine(lines, "update", "done",
                        "Directory had job title 'Foreman', reset to 'Superintendent'"))
        << Dump(lines);
    EXPECT_TRUE(HasLine(lines, "update", "done", "Directory had first name 'Anna', reset to 'Ana'"))
        << Dump(lines);
    EXPECT_EQ(WriteCalls(), 1) << "one users sync call carries the reset";

    ResetCalls();
    const SyncOutcome after = Sync();
    EXPECT_EQ(WriteCalls(), 0) << "the reset is remembered as the new baseline";
    EXPECT_EQ(after.run.counts.reset, 0);
    EXPECT_EQ(after.run.counts.unchanged, 1);
}

TEST_F(OneWaySync, ADirectoryEditOfAContactIsResetToo) {
    Person cat = MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3");
    cat.job_title = "Carpenter";
    const PersonId id = AddPerson(cat);
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId contact_id = ContactWithOrigin(PersonOrigin(id));
    ASSERT_NE(contact_id, 0);

    PersonFields edit;
    edit.last_name = "Moreno-Diaz";
    EditDirectoryContact(contact_id, edit);

    const SyncOutcome run = Sync();

    EXPECT_EQ(Text(ContactRecord(contact_id), "last_name"), "Moreno");
    EXPECT_EQ(run.run.counts.reset, 1);
    EXPECT_TRUE(HasLine(LinesOf(run, id), "update", "done",
                        "Directory had last name 'Moreno-Diaz', reset to 'Moreno'"))
        << Dump(Lines(run));
}

// The status is a mapped field too: a Directory admin's deactivation is undone.
TEST_F(OneWaySync, ADirectoryDeactivationOfAnActivePersonIsUndone) {
    const PersonId ana =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const PersonId cat = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId user_id = UserWithOrigin(PersonOrigin(ana));
    const ProcoreId contact_id = ContactWithOrigin(PersonOrigin(cat));
    ASSERT_NE(user_id, 0);
    ASSERT_NE(contact_id, 0);
    UserFields off;
    off.is_active = false;
    EditDirectoryUser(user_id, off);
    PersonFields contact_off;
    contact_off.active = false;
    EditDirectoryContact(contact_id, contact_off);
    ASSERT_FALSE(ActiveUser(UserRecord(user_id)));
    ASSERT_FALSE(ActiveContact(ContactRecord(contact_id)));

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_TRUE(ActiveUser(UserRecord(user_id)));
    EXPECT_TRUE(ActiveContact(ContactRecord(contact_id)));
    EXPECT_EQ(run.run.counts.reactivated, 2);
    EXPECT_EQ(run.run.counts.reset, 2);
    EXPECT_TRUE(HasLine(LinesOf(run, ana), "reactivate", "done",
                        "the Directory changed its status; crewsync wins"))
        << Dump(Lines(run));
    EXPECT_EQ(GetPerson(ana).status, RecordStatus::kActive);
}

// crewsync's own edit (no Directory edit) is pushed as an update, not counted as a reset.
TEST_F(OneWaySync, ACrewsyncEditIsPushedAsAnUpdate) {
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId user_id = UserWithOrigin(PersonOrigin(id));
    EditPerson(id, [](Person& p) { p.mobile_phone = "+1 555 0199"; });

    const SyncOutcome run = Sync();

    EXPECT_EQ(Text(UserRecord(user_id), "mobile_phone"), "+1 555 0199");
    EXPECT_EQ(run.run.counts.updated, 1);
    EXPECT_EQ(run.run.counts.reset, 0);
    EXPECT_TRUE(
        HasLine(LinesOf(run, id), "update", "done", "mobile phone (empty) → '+1 555 0199'"))
        << Dump(Lines(run));
}

}  // namespace
}  // namespace crewsync::engine::testing
