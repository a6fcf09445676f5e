// Identity and Company Directory users: every call on its happy path, and each documented
// refusal classified as crewsync callers switch on it.
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using UsersTest = ClientTest;

constexpr ProcoreId kUnknownId = 4'000'000'001;

UserFields NewUser(const std::string& key) {
    UserFields fields;
    fields.first_name = "Ana";
    fields.last_name = "Lopez " + key;
    fields.email_address = key + "@example.com";
    fields.origin_id = "crewsync-" + key;
    return fields;
}

TEST_F(UsersTest, IdentityIsTheServiceAccountOfTheInstalledCompany) {
    const auto me = api().GetMe();
    ASSERT_TRUE(me) << me.error().ToString();
    EXPECT_GT(me->id, 0);
    EXPECT_FALSE(me->login.empty());

    const auto companies = api().ListCompanies();
    ASSERT_TRUE(companies) << companies.error().ToString();
    ASSERT_EQ(companies->size(), 1u);
    EXPECT_EQ(companies->front().id, company_id_);
    EXPECT_EQ(companies->front().name, seed_.company_name);
    EXPECT_TRUE(companies->front().is_active);
}

TEST_F(UsersTest, CreatesReadsFindsAndUpdatesAUser) {
    const auto classification = api().CreateClassification("Carpenter", "CARP");
    ASSERT_TRUE(classification) << classification.error().ToString();
    const auto templates = api().ListPermissionTemplates();
    ASSERT_TRUE(templates) << templates.error().ToString();
    const auto company_tools =
        std::find_if(templates->begin(), templates->end(),
                     [](const PermissionTemplate& t) { return t.type == "company_tools"; });
    ASSERT_NE(company_tools, templates->end());

    UserFields fields = NewUser("ana");
    fields.employee_id = "E-17";
    fields.mobile_phone = "+1 555 0100";
    fields.job_title = "Foreman";
    fields.is_employee = true;
    fields.work_classification_id = classification->id;
    fields.company_permission_template_id = company_tools->id;
    const auto created = api().CreateUser(fields);
    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_EQ(created->last_name, "Lopez ana");
    EXPECT_EQ(created->email, "ana@example.com");
    EXPECT_EQ(created->employee_id, "E-17");
    EXPECT_EQ(created->mobile_phone, "+1 555 0100");
    EXPECT_EQ(created->job_title, "Foreman");
    EXPECT_TRUE(created->is_employee);
    EXPECT_TRUE(created->active);
    EXPECT_EQ(created->origin_id, "crewsync-ana");
    WithCompany([&](emulator::Company& company, emulator::State&) {
        const Json* user = company.users.Find(created->id);
        ASSERT_NE(user, nullptr);
        EXPECT_EQ(user->value("work_classification_id", Json()), Json(classification->id));
        EXPECT_EQ(user->value("company_permission_template_id", Json()), Json(company_tools->id));
    });

    const auto read = api().GetUser(created->id);
    ASSERT_TRUE(read) << read.error().ToString();
    EXPECT_EQ(*read, *created);

    const auto found = api().FindUserByOriginId("crewsync-ana");
    ASSERT_TRUE(found) << found.error().ToString();
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->id, created->id);
    const auto missing = api().FindUserByOriginId("crewsync-nobody");
    ASSERT_TRUE(missing) << missing.error().ToString();
    EXPECT_FALSE(missing->has_value());

    UserFields change;
    change.job_title = "Superintendent";
    const auto updated = api().UpdateUser(created->id, change);
    ASSERT_TRUE(updated) << updated.error().ToString();
    EXPECT_EQ(updated->job_title, "Superintendent");
    EXPECT_EQ(updated->employee_id, "E-17") << "fields not sent stay as they were";
    EXPECT_EQ(updated->email, "ana@example.com");
}

TEST_F(UsersTest, DeactivatedUsersAreListedFoundAndReactivated) {
    const auto created = api().CreateUser(NewUser("gone"));
    ASSERT_TRUE(created) << created.error().ToString();
    UserFields deactivate;
    deactivate.is_active = false;
    const auto deactivated = api().UpdateUser(created->id, deactivate);
    ASSERT_TRUE(deactivated) << deactivated.error().ToString();
    EXPECT_FALSE(deactivated->active);

    const auto inactive = api().ListInactiveUsers({});
    ASSERT_TRUE(inactive) << inactive.error().ToString();
    ASSERT_EQ(inactive->size(), 1u);
    EXPECT_EQ(inactive->front().id, created->id);
    const auto found = api().FindUserByOriginId("crewsync-gone");
    ASSERT_TRUE(found) << found.error().ToString();
    ASSERT_TRUE(found->has_value()) << "the inactive list is searched too";
    EXPECT_FALSE((*found)->active);

    UserFields reactivate_by_patch;
    reactivate_by_patch.is_active = true;
    const auto refused = api().UpdateUser(created->id, reactivate_by_patch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::kRemoteRejected);

    const auto reactivated = api().ReactivateUser(created->id);
    ASSERT_TRUE(reactivated) << reactivated.error().ToString();
    EXPECT_TRUE(reactivated->active);
    const auto again = api().ReactivateUser(created->id);
    ASSERT_FALSE(again) << "an active user is not in the inactive resource";
    EXPECT_EQ(again.error().code(), ErrorCode::kNotFound);
}

TEST_F(UsersTest, InviteStampsTheWelcomeEmail) {
    const auto created = api().CreateUser(NewUser("invited"));
    ASSERT_TRUE(created) << created.error().ToString();
    const auto sent_at = [&] {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            return company.users.Find(created->id)->value("welcome_email_sent_at", Json());
        });
    };
    EXPECT_TRUE(sent_at().is_null()) << "creating a user sends no invitation";

    const auto invited = api().InviteUser(created->id);

    ASSERT_TRUE(invited) << invited.error().ToString();
    EXPECT_FALSE(sent_at().is_null());
}

TEST_F(UsersTest, UnknownIdsAreNotFound) {
    EXPECT_EQ(CodeOf(api().GetUser(kUnknownId)), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().UpdateUser(kUnknownId, NewUser("x"))), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().ReactivateUser(kUnknownId)), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().InviteUser(kUnknownId)), ErrorCode::kNotFound);
}

TEST_F(UsersTest, DuplicatesAreConflicts) {
    ASSERT_TRUE(api().CreateUser(NewUser("first")));

    UserFields same_email = NewUser("second");
    same_email.email_address = "FIRST@example.com ";
    const auto email_clash = api().CreateUser(same_email);
    ASSERT_FALSE(email_clash);
    EXPECT_EQ(email_clash.error().code(), ErrorCode::kConflict);
    EXPECT_TRUE(NamesField(email_clash.error(), "email_address"))
        << email_clash.error().ToString();

    UserFields same_origin = NewUser("third");
    same_origin.origin_id = "crewsync-first";
    const auto origin_clash = api().CreateUser(same_origin);
    ASSERT_FALSE(origin_clash);
    EXPECT_EQ(origin_clash.error().code(), ErrorCode::kConflict);
    EXPECT_TRUE(NamesField(origin_clash.error(), "origin_id")) << origin_clash.error().ToString();
}

TEST_F(UsersTest, InvalidFieldsAreRejectedByName) {
    UserFields no_last_name = NewUser("nameless");
    no_last_name.last_name.reset();
    const auto missing = api().CreateUser(no_last_name);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(missing.error(), "last_name")) << missing.error().ToString();

    const auto created = api().CreateUser(NewUser("valid"));
    ASSERT_TRUE(created);
    UserFields bad_email;
    bad_email.email_address = "not an e-mail";
    const auto invalid = api().UpdateUser(created->id, bad_email);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(invalid.error(), "email_address")) << invalid.error().ToString();
}

TEST_F(UsersTest, SyncOfFifteenHundredTracesRefusalsToTheirItems) {
    std::vector<UserSyncItem> items;
    for (int i = 0; i < 1500; ++i) {
        UserSyncItem item;
        item.fields.first_name = "Sync";
        item.fields.last_name = "User" + std::to_string(i);
        item.fields.email_address = "sync" + std::to_string(i) + "@example.com";
        item.fields.origin_id = "sync-" + std::to_string(i);
        items.push_back(std::move(item));
    }
    const std::map<std::size_t, std::string> refused = {
        {3, "email_address"},   {10, "last_name"},       {500, "id"},
        {998, "email_address"}, {1003, "email_address"}, {1100, "email_address"},
        {1200, "last_name"},    {1250, "id"},            {1497, "email_address"}};
    for (const auto& [index, field] : refused) {
        if (field == "email_address") items[index].fields.email_address = "not-an-email";
        if (field == "last_name") items[index].fields.last_name = "";
        if (field == "id") items[index].id = kUnknownId;
    }
    items[1100].fields.email_address = items[1099].fields.email_address;  // taken by 1099
    ResetCalls();

    const auto result = api().SyncUsers(items);

    ASSERT_TRUE(result) << result.error().ToString();
    EXPECT_EQ(Calls("PATCH /rest/v1.3/companies/{id}/users/sync"), 2) << "1000 + 500";
    ASSERT_EQ(result->errors.size(), refused.size());
    std::set<std::size_t> failed;
    for (const SyncItemError& error : result->errors) {
        failed.insert(error.index);
        ASSERT_TRUE(refused.count(error.index)) << "unexpected index " << error.index;
        EXPECT_EQ(error.origin_id, "sync-" + std::to_string(error.index));
        bool named = false;
        for (const FieldProblem& problem : error.problems) {
            named = named || problem.field == refused.at(error.index);
        }
        EXPECT_TRUE(named) << "item " << error.index << " should be refused for "
                           << refused.at(error.index);
    }
    EXPECT_EQ(result->errors[0].index, 3u) << "errors come in item order";
    EXPECT_EQ(result->errors[2].id, kUnknownId);
    ASSERT_EQ(result->entities.size(), 1500 - refused.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (failed.count(i)) continue;
        EXPECT_EQ(result->entities[k].origin_id, "sync-" + std::to_string(i)) << "entity " << k;
        ++k;
    }
    EXPECT_EQ(UsersWithOrigin("sync-1499"), 1);
    EXPECT_EQ(UsersWithOrigin("sync-3"), 0);
    EXPECT_EQ(UserCount(), 1 + static_cast<std::int64_t>(1500 - refused.size()));
}

TEST_F(UsersTest, SyncUpdatesByIdAndByOriginId) {
    const auto first = api().CreateUser(NewUser("one"));
    const auto second = api().CreateUser(NewUser("two"));
    ASSERT_TRUE(first && second);
    std::vector<UserSyncItem> items(3);
    items[0].id = first->id;
    items[0].fields.job_title = "By id";
    items[1].fields.origin_id = "crewsync-two";
    items[1].fields.job_title = "By origin";
    items[2].fields = NewUser("three");

    const auto result = api().SyncUsers(items);

    ASSERT_TRUE(result) << result.error().ToString();
    EXPECT_TRUE(result->errors.empty());
    ASSERT_EQ(result->entities.size(), 3u);
    EXPECT_EQ(result->entities[0].id, first->id);
    EXPECT_EQ(result->entities[0].job_title, "By id");
    EXPECT_EQ(result->entities[1].id, second->id);
    EXPECT_EQ(result->entities[1].job_title, "By origin");
    EXPECT_EQ(result->entities[2].origin_id, "crewsync-three");
    EXPECT_EQ(UserCount(), 4);
}

}  // namespace
}  // namespace crewsync::procore::testing
