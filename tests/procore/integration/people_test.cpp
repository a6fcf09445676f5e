// Company Directory contacts through the People API.
#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using PeopleTest = ClientTest;

PersonFields NewContact(const std::string& key) {
    PersonFields fields;
    fields.first_name = "Ben";
    fields.last_name = "Okafor" + key;
    fields.employee_id = "C-" + key;
    fields.job_title = "Laborer";
    fields.is_employee = true;
    fields.origin_id = "contact-" + key;
    return fields;
}

TEST_F(PeopleTest, CreatesListsAndUpdatesAContact) {
    const auto created = api().CreateContact(NewContact("1"));
    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_EQ(created->first_name, "Ben");
    EXPECT_EQ(created->last_name, "Okafor1");
    EXPECT_EQ(created->employee_id, "C-1");
    EXPECT_EQ(created->job_title, "Laborer");
    EXPECT_TRUE(created->is_employee);
    EXPECT_TRUE(created->active);
    EXPECT_EQ(created->origin_id, "contact-1");

    PersonFields change;
    change.job_title = "Operator";
    change.active = false;
    const auto updated = api().UpdateContact(created->id, change);
    ASSERT_TRUE(updated) << updated.error().ToString();
    EXPECT_EQ(updated->job_title, "Operator");
    EXPECT_FALSE(updated->active);
    EXPECT_EQ(updated->employee_id, "C-1") << "fields not sent stay as they were";

    const auto contacts = api().ListContacts({});
    ASSERT_TRUE(contacts) << contacts.error().ToString();
    ASSERT_EQ(contacts->size(), 1u) << "the service account is a user, not a contact";
    EXPECT_EQ(contacts->front(), *updated);
}

TEST_F(PeopleTest, RefusalsAreClassified) {
    PersonFields nameless = NewContact("2");
    nameless.last_name.reset();
    const auto missing = api().CreateContact(nameless);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(missing.error(), "last_name")) << missing.error().ToString();

    ASSERT_TRUE(api().CreateContact(NewContact("3")));
    const auto clash = api().CreateContact(NewContact("3"));
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code(), ErrorCode::kConflict);
    EXPECT_TRUE(NamesField(clash.error(), "origin_id")) << clash.error().ToString();

    EXPECT_EQ(CodeOf(api().UpdateContact(4'000'000'001, NewContact("4"))),
              ErrorCode::kNotFound);

    const auto me = api().GetMe();
    ASSERT_TRUE(me);
    const auto user = api().UpdateContact(me->id, NewContact("5"));
    ASSERT_FALSE(user) << "a user is changed through the users API";
    EXPECT_EQ(user.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(user.error(), "base")) << user.error().ToString();
}

TEST_F(PeopleTest, AUsersOriginIdIsTakenForContactsToo) {
    UserFields user;
    user.last_name = "Shared";
    user.email_address = "shared@example.com";
    user.origin_id = "person-1";
    ASSERT_TRUE(api().CreateUser(user));
    PersonFields contact = NewContact("6");
    contact.origin_id = "person-1";
    EXPECT_EQ(CodeOf(api().CreateContact(contact)), ErrorCode::kConflict);
}

}  // namespace
}  // namespace crewsync::procore::testing
