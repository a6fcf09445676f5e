// Type changes (product.md §3): assignable → user retires the Contact and creates (or links) a
// User; user → assignable leaves the User active unless the setting says otherwise, and links
// the person to a Contact.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using TypeChange = SyncTest;

TEST_F(TypeChange, AssignableToUserDeactivatesTheContactAndCreatesAUser) {
    const PersonId id =
        AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "cat@example.com", "E-3"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId contact_id = ContactWithOrigin(PersonOrigin(id));
    ASSERT_NE(contact_id, 0);

    EditPerson(id, [](Person& p) { p.type = PersonType::kUser; });
    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_FALSE(ActiveContact(ContactRecord(contact_id))) << "the Contact is retired";
    const ProcoreId user_id = UserWithEmail("cat@example.com");
    ASSERT_NE(user_id, 0) << "a User is created";
    EXPECT_TRUE(ActiveUser(UserRecord(user_id)));
    const auto link = LinkOf(id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, user_id);
    EXPECT_EQ(link->how, "created");
    const auto baseline = BaselineOf(store::Entity::kPerson, id.value());
    ASSERT_TRUE(baseline);
    EXPECT_EQ(baseline->procore_kind, "user");
    EXPECT_EQ(baseline->person_type, "user");

    ResetCalls();
    Sync();
    EXPECT_EQ(WriteCalls(), 0) << "the type change is settled";
}

TEST_F(TypeChange, AssignableToUserLinksAUserWithThatEmail) {
    const PersonId id =
        AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "cat@example.com", "E-3"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId contact_id = ContactWithOrigin(PersonOrigin(id));
    ASSERT_NE(contact_id, 0);
    // Meanwhile a Directory admin gave Cat a login.
    UserFields fields;
    fields.first_name = "Cat";
    fields.last_name = "Moreno";
    fields.email_address = "cat@example.com";
    const procore::RemoteUser existing = CreateDirectoryUser(fields);
    const std::int64_t users_before = UserCount();

    EditPerson(id, [](Person& p) { p.type = PersonType::kUser; });
    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(UserCount(), users_before) << "linked, not created";
    const auto link = LinkOf(id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, existing.id);
    EXPECT_EQ(link->how, "matched");
    EXPECT_FALSE(ActiveContact(ContactRecord(contact_id)));
    EXPECT_EQ(Text(UserRecord(existing.id), "employee_id"), "E-3") << "the User is synced";
}

TEST_F(TypeChange, UserToAssignableLeavesTheUserActiveAndLinksAContact) {
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Dan", "Park", "dan@example.com", "E-4"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId user_id = UserWithOrigin(PersonOrigin(id));
    ASSERT_NE(user_id, 0);

    EditPerson(id, [](Person& p) { p.type = PersonType::kAssignable; });
    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_TRUE(ActiveUser(UserRecord(user_id))) << "deactivate_user_on_type_change is off";
    EXPECT_EQ(run.run.counts.deactivated, 0);
    const auto link = LinkOf(id, "contact");
    ASSERT_TRUE(link) << "the person is linked to a Contact";
    const Json contact = ContactRecord(link->procore_id);
    ASSERT_FALSE(contact.is_null());
    EXPECT_TRUE(ActiveContact(contact));
    EXPECT_EQ(Text(contact, "employee_id"), "E-4");
    const auto baseline = BaselineOf(store::Entity::kPerson, id.value());
    ASSERT_TRUE(baseline);
    EXPECT_EQ(baseline->procore_kind, "contact");
    EXPECT_EQ(baseline->person_type, "assignable");
}

TEST_F(TypeChange, UserToAssignableDeactivatesTheUserWhenTheSettingSaysSo) {
    settings_.deactivate_user_on_type_change = true;
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Dan", "Park", "dan@example.com", "E-4"));
    ASSERT_EQ(Sync().run.status, "succeeded");
    const ProcoreId user_id = UserWithOrigin(PersonOrigin(id));
    ASSERT_NE(user_id, 0);

    EditPerson(id, [](Person& p) { p.type = PersonType::kAssignable; });
    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_FALSE(ActiveUser(UserRecord(user_id)));
    EXPECT_EQ(run.run.counts.deactivated, 1);
    EXPECT_TRUE(HasLine(LinesOf(run, id), "deactivate", "done", "type changed to assignable"))
        << Dump(Lines(run));
    EXPECT_TRUE(LinkOf(id, "contact"));
}

}  // namespace
}  // namespace crewsync::engine::testing
