// Requests that reached Procore and were handled, but whose answers were lost on the way back:
// creates are looked up before anything is sent again, and never sent twice blindly.
#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using LostAnswerTest = ClientTest;

UserFields NewUser(const std::string& key, bool with_origin = true) {
    UserFields fields;
    fields.last_name = "Lost " + key;
    fields.email_address = key + "@example.com";
    if (with_origin) fields.origin_id = "lost-" + key;
    return fields;
}

TEST_F(LostAnswerTest, UserCreateIsFoundByItsOriginId) {
    loss_->Lose(http::Method::kPost, "/users", 1);

    const auto created = api().CreateUser(NewUser("a"));

    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_EQ(loss_->Lost(), 1);
    EXPECT_EQ(created->origin_id, "lost-a");
    EXPECT_EQ(transport().stats().lookups, 1);
    EXPECT_EQ(Calls("POST /rest/v1.3/companies/{id}/users"), 1) << "found, so not sent again";
    EXPECT_EQ(UsersWithOrigin("lost-a"), 1);
}

TEST_F(LostAnswerTest, InactiveUserCreateIsFoundToo) {
    UserFields inactive = NewUser("b");
    inactive.is_active = false;
    loss_->Lose(http::Method::kPost, "/users", 1);

    const auto created = api().CreateUser(inactive);

    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_FALSE(created->active);
    EXPECT_EQ(UsersWithOrigin("lost-b"), 1);
}

TEST_F(LostAnswerTest, CreateWithoutOriginIdIsNotSentAgain) {
    loss_->Lose(http::Method::kPost, "/users", 1);

    const auto created = api().CreateUser(NewUser("c", false));

    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code(), ErrorCode::kTransient);
    EXPECT_NE(created.error().message().find("may or may not"), std::string::npos)
        << created.error().message();
    EXPECT_EQ(Calls("POST /rest/v1.3/companies/{id}/users"), 1);
    EXPECT_EQ(UserCount(), 2) << "it was created, once";
}

TEST_F(LostAnswerTest, ContactProjectAndTimecardCreatesAreFound) {
    PersonFields contact;
    contact.first_name = "Lena";
    contact.last_name = "Lost";
    contact.origin_id = "lost-contact";
    loss_->Lose(http::Method::kPost, "/people", 1);
    const auto person = api().CreateContact(contact);
    ASSERT_TRUE(person) << person.error().ToString();
    EXPECT_EQ(person->origin_id, "lost-contact");
    EXPECT_EQ(Calls("POST /rest/v1.0/companies/{id}/people"), 1);

    ProjectFields project;
    project.name = "Lost Tower";
    project.origin_id = "lost-project";
    loss_->Lose(http::Method::kPost, "/rest/v1.0/projects", 1);
    const auto tower = api().CreateProject(project);
    ASSERT_TRUE(tower) << tower.error().ToString();
    EXPECT_EQ(tower->origin_id, "lost-project");
    EXPECT_EQ(Calls("POST /rest/v1.0/projects"), 1);

    TimecardFields entry;
    entry.project_id = tower->id;
    entry.party_id = person->id;
    entry.date = "2026-05-04";
    entry.hours = "6";
    entry.origin_id = "0042";
    loss_->Lose(http::Method::kPost, "/timecard_entries", 1);
    const auto timecard = api().CreateTimecardEntry(entry);
    ASSERT_TRUE(timecard) << timecard.error().ToString();
    EXPECT_EQ(timecard->origin_id, "42");
    EXPECT_EQ(Calls("POST /rest/v1.0/companies/{id}/timecard_entries"), 1);

    std::vector<TimecardFields> bulk(3, entry);
    for (std::size_t i = 0; i < bulk.size(); ++i) {
        bulk[i].origin_id = "lost-bulk-" + std::to_string(i);
        bulk[i].date = "2026-05-0" + std::to_string(i + 5);
    }
    loss_->Lose(http::Method::kPost, "/bulk_create", 1);
    const auto entries = api().BulkCreateTimecardEntries(tower->id, bulk);
    ASSERT_TRUE(entries) << entries.error().ToString();
    ASSERT_EQ(entries->size(), 3u);
    EXPECT_EQ((*entries)[2].origin_id, "lost-bulk-2");
    EXPECT_EQ(Calls("POST /rest/v1.1/projects/{id}/project_timecard_entries/bulk_create"), 1);
    EXPECT_EQ(transport().stats().lookups, 4);
    WithCompany([](emulator::Company& company, emulator::State&) {
        EXPECT_EQ(company.contacts.size(), 1u);
        EXPECT_EQ(company.projects.size(), 1u);
        EXPECT_EQ(company.timecard_entries.size(), 4u);
    });
}

TEST_F(LostAnswerTest, SyncOfNamedItemsIsSentAgainAndUnnamedIsNot) {
    std::vector<UserSyncItem> named(2);
    named[0].fields = NewUser("s0");
    named[1].fields = NewUser("s1");
    loss_->Lose(http::Method::kPatch, "/users/sync", 1);
    const auto synced = api().SyncUsers(named);
    ASSERT_TRUE(synced) << synced.error().ToString();
    EXPECT_EQ(synced->entities.size(), 2u);
    EXPECT_EQ(Calls("PATCH /rest/v1.3/companies/{id}/users/sync"), 2);
    EXPECT_EQ(UsersWithOrigin("lost-s0"), 1);

    std::vector<UserSyncItem> unnamed(1);
    unnamed[0].fields = NewUser("s2", false);
    loss_->Lose(http::Method::kPatch, "/users/sync", 1);
    EXPECT_EQ(CodeOf(api().SyncUsers(unnamed)), ErrorCode::kTransient);
    EXPECT_EQ(Calls("PATCH /rest/v1.3/companies/{id}/users/sync"), 3);
}

TEST_F(LostAnswerTest, ReactivationAndDeletesThatWorkedAreSuccesses) {
    UserFields inactive = NewUser("r");
    inactive.is_active = false;
    const auto user = api().CreateUser(inactive);
    ASSERT_TRUE(user);
    loss_->Lose(http::Method::kPatch, "/users/inactive/", 1);
    const auto reactivated = api().ReactivateUser(user->id);
    ASSERT_TRUE(reactivated) << reactivated.error().ToString();
    EXPECT_TRUE(reactivated->active);
    EXPECT_EQ(Calls("PATCH /rest/v1.0/companies/{id}/users/inactive/{id}"), 2);

    ProjectFields project;
    project.name = "Deleted entries";
    const auto tower = api().CreateProject(project);
    ASSERT_TRUE(tower);
    TimecardFields entry;
    entry.project_id = tower->id;
    entry.date = "2026-05-04";
    entry.hours = "2";
    const auto timecard = api().CreateTimecardEntry(entry);
    ASSERT_TRUE(timecard) << timecard.error().ToString();
    loss_->Lose(http::Method::kDelete, "/timecard_entries/", 1);
    EXPECT_TRUE(api().DeleteTimecardEntry(timecard->id));

    WebhookHookFields hook_fields;
    hook_fields.namespace_name = "lost";
    hook_fields.destination_url = "https://receiver.example/";
    const auto hook = api().CreateHook(hook_fields);
    ASSERT_TRUE(hook) << hook.error().ToString();
    loss_->Lose(http::Method::kDelete, "/webhooks/hooks/", 1);
    EXPECT_TRUE(api().DeleteHook(hook->id));
    EXPECT_EQ(loss_->Lost(), 3);
}

TEST_F(LostAnswerTest, InvitationIsNeverSentTwice) {
    const auto user = api().CreateUser(NewUser("i"));
    ASSERT_TRUE(user);
    loss_->Lose(http::Method::kPatch, "/invite", 1);

    EXPECT_EQ(CodeOf(api().InviteUser(user->id)), ErrorCode::kTransient);
    EXPECT_EQ(Calls("PATCH /rest/v1.3/companies/{id}/users/{id}/invite"), 1);
}

}  // namespace
}  // namespace crewsync::procore::testing
