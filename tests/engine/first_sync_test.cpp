// The first sync of a company (product.md §3, §4, §7): crewsync's people become Directory Users
// and Contacts marked with crewsync's origin id, each linked and baselined; the run after it
// writes nothing.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using FirstSync = SyncTest;

TEST_F(FirstSync, CreatesUsersAndContactsLinkedAndBaselinedThenASecondRunWritesNothing) {
    Person ana = MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1");
    ana.job_title = "Superintendent";
    ana.mobile_phone = "+1 555 0100";
    const PersonId ana_id = AddPerson(ana);
    const PersonId ben_id =
        AddPerson(MakePerson(PersonType::kBoth, "Ben", "Ito", "ben@example.com", "E-2"));
    const PersonId cat_id =
        AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    const std::int64_t contacts_before = ContactCount();

    const SyncOutcome first = Sync();

    EXPECT_EQ(first.run.status, "succeeded") << first.run.summary << "\n" << Dump(Lines(first));
    EXPECT_EQ(first.run.counts.created, 3);
    EXPECT_EQ(first.run.counts.failed, 0);
    for (const PersonId id : {ana_id, ben_id}) {
        const ProcoreId user_id = UserWithOrigin(PersonOrigin(id));
        ASSERT_NE(user_id, 0) << "no Directory user for person " << id.value();
        const Json user = UserRecord(user_id);
        EXPECT_TRUE(ActiveUser(user));
        EXPECT_EQ(user.value("is_employee", false), true) << "every person is an employee";
        const auto link = LinkOf(id, "user");
        ASSERT_TRUE(link) << "person " << id.value();
        EXPECT_EQ(link->procore_id, user_id);
        EXPECT_EQ(link->how, "created");
        const auto baseline = BaselineOf(store::Entity::kPerson, id.value());
        ASSERT_TRUE(baseline) << "person " << id.value();
        EXPECT_EQ(baseline->procore_kind, "user");
        EXPECT_EQ(baseline->procore_id, user_id);
    }
    const Json ana_user = UserRecord(UserWithOrigin(PersonOrigin(ana_id)));
    EXPECT_EQ(Text(ana_user, "first_name"), "Ana");
    EXPECT_EQ(Text(ana_user, "last_name"), "Lopez");
    EXPECT_EQ(Text(ana_user, "email_address"), "ana@example.com");
    EXPECT_EQ(Text(ana_user, "employee_id"), "E-1");
    EXPECT_EQ(Text(ana_user, "job_title"), "Superintendent");
    EXPECT_EQ(Text(ana_user, "mobile_phone"), "+1 555 0100");

    const ProcoreId contact_id = ContactWithOrigin(PersonOrigin(cat_id));
    ASSERT_NE(contact_id, 0) << "no Directory contact for the assignable person";
    EXPECT_EQ(ContactCount(), contacts_before + 1);
    const Json contact = ContactRecord(contact_id);
    EXPECT_TRUE(ActiveContact(contact));
    EXPECT_EQ(Text(contact, "last_name"), "Moreno");
    EXPECT_EQ(Text(contact, "employee_id"), "E-3");
    EXPECT_EQ(contact.value("is_employee", false), true);
    const auto contact_link = LinkOf(cat_id, "contact");
    ASSERT_TRUE(contact_link);
    EXPECT_EQ(contact_link->procore_id, contact_id);
    EXPECT_EQ(contact_link->how, "created");
    const auto contact_baseline = BaselineOf(store::Entity::kPerson, cat_id.value());
    ASSERT_TRUE(contact_baseline);
    EXPECT_EQ(contact_baseline->procore_kind, "contact");
    EXPECT_EQ(contact_baseline->procore_id, contact_id);
    EXPECT_EQ(Links().size(), 3u);
    EXPECT_TRUE(HasLine(Lines(first), "create user", "done", "not invited"));
    EXPECT_TRUE(HasLine(Lines(first), "create contact", "done"));

    ResetCalls();
    const SyncOutcome second = Sync();

    EXPECT_EQ(WriteCalls(), 0) << "an up-to-date company costs no write";
    EXPECT_EQ(second.run.status, "succeeded") << second.run.summary;
    EXPECT_EQ(second.run.counts.unchanged, 3);
    EXPECT_EQ(second.run.counts.created, 0);
    EXPECT_EQ(second.run.counts.updated, 0);
    EXPECT_NE(second.run.summary.find("3 unchanged"), std::string::npos) << second.run.summary;
    EXPECT_TRUE(second.plan.Empty());
    EXPECT_EQ(Links().size(), 3u);
}

}  // namespace
}  // namespace crewsync::engine::testing
