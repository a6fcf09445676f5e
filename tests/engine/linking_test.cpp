// Linking (product.md §4): a clean key match is linked without creating anything; a conflict is
// held back until the operator accepts it; duplicates get nothing written; a suggestion is
// never linked on its own.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using Linking = SyncTest;

UserFields DirectoryUser(const std::string& first, const std::string& last,
                         const std::string& email) {
    UserFields f;
    f.first_name = first;
    f.last_name = last;
    f.email_address = email;
    f.is_employee = true;
    return f;
}

TEST_F(Linking, ACleanMatchByEmailIsLinkedWithoutCreating) {
    UserFields fields = DirectoryUser("Ana", "Lopez", " ANA@example.com");
    fields.employee_id = "E-1";
    const procore::RemoteUser ana = CreateDirectoryUser(fields);
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const std::int64_t users_before = UserCount();
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(UserCount(), users_before);
    EXPECT_EQ(WriteCalls(), 0) << "both sides agree: nothing to write";
    const auto link = LinkOf(id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, ana.id);
    EXPECT_EQ(link->how, "matched");
    EXPECT_TRUE(BaselineOf(store::Entity::kPerson, id.value()));
    EXPECT_TRUE(HasLine(LinesOf(run, id), "link", "done", "linked to Procore user"))
        << Dump(Lines(run));
}

// product.md §2: an assignable person is a Contact, unless a User has the person's e-mail.
TEST_F(Linking, AnAssignablePersonWhoseEmailAUserHasIsLinkedToThatUser) {
    const procore::RemoteUser cat =
        CreateDirectoryUser(DirectoryUser("Cat", "Moreno", "cat@example.com"));
    const PersonId id =
        AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "cat@example.com", "E-3"));
    const std::int64_t contacts_before = ContactCount();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(ContactCount(), contacts_before) << "no Contact is created";
    const auto link = LinkOf(id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, cat.id);
    EXPECT_EQ(Text(UserRecord(cat.id), "employee_id"), "E-3");

    ResetCalls();
    Sync();
    EXPECT_EQ(WriteCalls(), 0);
}

TEST_F(Linking, AContactIsMatchedByEmployeeId) {
    PersonFields fields;
    fields.first_name = "Cat";
    fields.last_name = "Moreno";
    fields.employee_id = "e-3";
    fields.is_employee = true;
    const procore::RemoteContact contact = CreateDirectoryContact(fields);
    const PersonId id = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    const std::int64_t contacts_before = ContactCount();

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(ContactCount(), contacts_before);
    const auto link = LinkOf(id, "contact");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, contact.id);
    EXPECT_EQ(link->how, "matched");
}

TEST_F(Linking, AConflictIsHeldBackUntilAccepted) {
    const procore::RemoteUser bob =
        CreateDirectoryUser(DirectoryUser("Bob", "Smith", "bob@example.com"));
    const PersonId id =
        AddPerson(MakePerson(PersonType::kUser, "Robert", "Smith", "bob@example.com", "E-5"));
    const std::int64_t users_before = UserCount();
    ResetCalls();

    const SyncOutcome held = Sync();

    EXPECT_EQ(held.run.status, "succeeded") << held.run.summary;
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(UserCount(), users_before);
    EXPECT_FALSE(LinkOf(id, "user"));
    EXPECT_EQ(Text(UserRecord(bob.id), "first_name"), "Bob");
    EXPECT_EQ(held.run.counts.skipped, 1);
    EXPECT_TRUE(HasLine(LinesOf(held, id), "skip", "skipped", "conflict: "))
        << Dump(Lines(held));

    // `crewsync link accept`: the link, stored as accepted.
    PutLink({store::Entity::kPerson, id.value(), "user", bob.id, "accepted", ""});
    const SyncOutcome accepted = Sync();

    EXPECT_EQ(accepted.run.status, "succeeded") << accepted.run.summary;
    EXPECT_EQ(UserCount(), users_before);
    const Json user = UserRecord(bob.id);
    EXPECT_EQ(Text(user, "first_name"), "Robert") << "crewsync's values win once linked";
    EXPECT_EQ(Text(user, "employee_id"), "E-5");
    EXPECT_EQ(LinkOf(id, "user")->how, "accepted");
    EXPECT_TRUE(HasLine(LinesOf(accepted, id), "update", "done", "first name 'Bob' → 'Robert'"))
        << Dump(Lines(accepted));
    EXPECT_FALSE(HasLine(LinesOf(accepted, id), "skip", "skipped"));
}

TEST_F(Linking, TwoPeopleWithOneEmailGetNothingWritten) {
    const PersonId first =
        AddPerson(MakePerson(PersonType::kUser, "Sam", "Reed", "sam@example.com", "E-6"));
    const PersonId second =
        AddPerson(MakePerson(PersonType::kBoth, "Samuel", "Reed", "SAM@example.com", "E-7"));
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(UserWithEmail("sam@example.com"), 0);
    EXPECT_FALSE(LinkOf(first, "user"));
    EXPECT_FALSE(LinkOf(second, "user"));
    EXPECT_EQ(run.run.counts.skipped, 2);
    EXPECT_TRUE(HasLine(LinesOf(run, first), "skip", "skipped", "duplicate: "))
        << Dump(Lines(run));
    EXPECT_TRUE(HasLine(LinesOf(run, second), "skip", "skipped", "duplicate: "))
        << Dump(Lines(run));
}

TEST_F(Linking, TwoDirectoryContactsMatchingOnePersonGetNothingWritten) {
    PersonFields contact;
    contact.first_name = "Cat";
    contact.last_name = "Moreno";
    contact.employee_id = "E-3";
    const procore::RemoteContact one = CreateDirectoryContact(contact);
    contact.first_name = "Catalina";
    const procore::RemoteContact two = CreateDirectoryContact(contact);
    const PersonId id = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    const std::int64_t contacts_before = ContactCount();
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(ContactCount(), contacts_before);
    EXPECT_FALSE(LinkOf(id, "contact"));
    EXPECT_EQ(Text(ContactRecord(one.id), "first_name"), "Cat");
    EXPECT_EQ(Text(ContactRecord(two.id), "first_name"), "Catalina");
    EXPECT_TRUE(HasLine(LinesOf(run, id), "skip", "skipped", "duplicate: ")) << Dump(Lines(run));
}

TEST_F(Linking, ASuggestionIsNeverLinkedAutomatically) {
    UserFields fields = DirectoryUser("Bob", "Smith", "bob.smith@example.com");
    fields.mobile_phone = "+1 555 010 0177";
    const procore::RemoteUser bob = CreateDirectoryUser(fields);
    Person robert =
        MakePerson(PersonType::kUser, "Robert", "Smith", "robert.smith@example.com", "E-8");
    robert.mobile_phone = "(555) 010-0177";
    const PersonId id = AddPerson(robert);
    const std::int64_t users_before = UserCount();
    ResetCalls();

    const SyncOutcome run = Sync();

    EXPECT_EQ(WriteCalls(), 0) << "neither linked nor created";
    EXPECT_EQ(UserCount(), users_before);
    EXPECT_FALSE(LinkOf(id, "user"));
    EXPECT_EQ(Text(UserRecord(bob.id), "first_name"), "Bob");
    EXPECT_TRUE(HasLine(LinesOf(run, id), "skip", "skipped", "suggestion: ")) << Dump(Lines(run));
    EXPECT_EQ(run.report.counts.suggestions, 1);

    const SyncOutcome again = Sync();
    EXPECT_FALSE(LinkOf(id, "user")) << "not on a later run either";

    // "Not the same person": dismissed, the person is created next to Bob.
    Write([&](store::Transaction& tx) {
        ASSERT_TRUE(tx.PutDismissal({id.value(), "user", bob.id}));
    });
    const SyncOutcome dismissed = Sync();
    EXPECT_EQ(dismissed.run.status, "succeeded") << dismissed.run.summary;
    const auto link = LinkOf(id, "user");
    ASSERT_TRUE(link);
    EXPECT_NE(link->procore_id, bob.id);
    EXPECT_EQ(link->how, "created");
    EXPECT_EQ(UserCount(), users_before + 1);
}

}  // namespace
}  // namespace crewsync::engine::testing
