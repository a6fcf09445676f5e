// Scope and status (product.md §3): users_only never writes assignable people; inactive people
// are left out of the first sync; after that a person's status follows to the linked record.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using PeopleScopeSync = SyncTest;
using StatusSync = SyncTest;

TEST_F(PeopleScopeSync, UsersOnlyNeverWritesAssignablePeople) {
    settings_.scope = PeopleScope::kUsersOnly;
    const PersonId user =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const PersonId crew =
        AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    // A Contact with the assignable person's employee ID stays untouched too.
    PersonFields contact_fields;
    contact_fields.first_name = "Catalina";
    contact_fields.last_name = "Moreno";
    contact_fields.employee_id = "E-3";
    const procore::RemoteContact contact = CreateDirectoryContact(contact_fields);
    const std::int64_t contacts_before = ContactCount();
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    EXPECT_NE(UserWithOrigin(PersonOrigin(user)), 0);
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(crew)), 0);
    EXPECT_EQ(ContactCount(), contacts_before);
    EXPECT_EQ(Text(ContactRecord(contact.id), "first_name"), "Catalina");
    EXPECT_FALSE(LinkOf(crew, "contact"));
    EXPECT_FALSE(LinkOf(crew, "user"));
    EXPECT_EQ(CallsContaining("POST /rest/v1.0/companies/{id}/people") +
                  CallsContaining("PATCH /rest/v1.0/companies/{id}/people"),
              0)
        << "no contact write";
    EXPECT_EQ(WriteCalls(), 1) << "one users sync for Ana";
    for (const sync::LinkEntry& e : run.report.entries) {
        if (e.local_id == crew.value()) {
            EXPECT_EQ(e.status, sync::LinkStatus::kOutOfScope);
        }
    }

    // Still nothing once the assignable person changes.
    EditPerson(crew, [](Person& p) { p.first_name = "Caty"; });
    ResetCalls();
    Sync();
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(Text(ContactRecord(contact.id), "first_name"), "Catalina");
}

TEST_F(StatusSync, InactivePeopleAreLeftOutOfTheFirstSync) {
    Person gone = MakePerson(PersonType::kUser, "Gus", "Old", "gus@example.com", "E-9");
    gone.status = RecordStatus::kInactive;
    const PersonId gone_id = AddPerson(gone);
    Person gone_crew = MakePerson(PersonType::kAssignable, "Hal", "Old", "", "E-10");
    gone_crew.status = RecordStatus::kInactive;
    const PersonId gone_crew_id = AddPerson(gone_crew);
    const PersonId active_id =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    EXPECT_NE(UserWithOrigin(PersonOrigin(active_id)), 0);
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(gone_id)), 0);
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(gone_crew_id)), 0);
    EXPECT_EQ(UserWithEmail("gus@example.com"), 0);
    EXPECT_FALSE(LinkOf(gone_id, "user"));
    EXPECT_FALSE(LinkOf(gone_crew_id, "contact"));
    EXPECT_EQ(run.report.counts.inactive_left_out, 2);
}

TEST_F(StatusSync, DeactivatingAndReactivatingAPersonFollowsToTheUser) {
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId user_id = UserWithOrigin(PersonOrigin(id));
    ASSERT_NE(user_id, 0);

    EditPerson(id, [](Person& p) { p.status = RecordStatus::kInactive; });
    const SyncOutcome off = Sync();

    EXPECT_EQ(off.run.status, "succeeded") << off.run.summary;
    EXPECT_EQ(off.run.counts.deactivated, 1);
    EXPECT_FALSE(ActiveUser(UserRecord(user_id)));
    const auto inactive = api().ListInactiveUsers({});
    ASSERT_TRUE(inactive) << inactive.error().ToString();
    EXPECT_TRUE(std::any_of(inactive->begin(), inactive->end(),
                            [&](const procore::RemoteUser& u) { return u.id == user_id; }))
        << "the user moves to the inactive list";
    EXPECT_TRUE(HasLine(LinesOf(off, id), "deactivate", "done")) << Dump(Lines(off));

    EditPerson(id, [](Person& p) { p.status = RecordStatus::kActive; });
    const SyncOutcome on = Sync();

    EXPECT_EQ(on.run.status, "succeeded") << on.run.summary << "\n" << Dump(Lines(on));
    EXPECT_EQ(on.run.counts.reactivated, 1);
    EXPECT_TRUE(ActiveUser(UserRecord(user_id)));
    EXPECT_TRUE(HasLine(LinesOf(on, id), "reactivate", "done")) << Dump(Lines(on));
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(id)), 1) << "reactivated, not created again";
}

TEST_F(StatusSync, DeactivatingAndReactivatingAPersonFollowsToTheContact) {
    const PersonId id = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId contact_id = ContactWithOrigin(PersonOrigin(id));
    ASSERT_NE(contact_id, 0);

    EditPerson(id, [](Person& p) { p.status = RecordStatus::kInactive; });
    const SyncOutcome off = Sync();

    EXPECT_EQ(off.run.counts.deactivated, 1) << Dump(Lines(off));
    EXPECT_FALSE(ActiveContact(ContactRecord(contact_id)));

    EditPerson(id, [](Person& p) { p.status = RecordStatus::kActive; });
    const SyncOutcome on = Sync();

    EXPECT_EQ(on.run.counts.reactivated, 1) << Dump(Lines(on));
    EXPECT_TRUE(ActiveContact(ContactRecord(contact_id)));
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(id)), 1);
}

}  // namespace
}  // namespace crewsync::engine::testing
