// Company users over HTTP: list, show, create, update, sync, inactive, reactivate, invite.
#include <gmock/gmock.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "emulator/user_record.hpp"
#include "emulator_fixture.hpp"
#include "event_receiver.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class UsersTest : public EmulatorTest {
protected:
    void SetUp() override {
        EmulatorTest::SetUp();
        auth_ = Auth();
        service_account_ =
            emulator_.services().state.Clients().at(seed_.client_id).service_account_id;
    }

    std::string UsersPath(const std::string& version = "v1.3") const {
        return CompanyPath(version, "/users");
    }
    std::string UserPath(RecordId id, const std::string& version = "v1.3") const {
        return UsersPath(version) + "/" + std::to_string(id);
    }

    httplib::Result Get(const std::string& path) { return client_->Get(path, auth_); }
    httplib::Result PostJson(const std::string& path, const Json& body) {
        return client_->Post(path, auth_, body.dump(), "application/json");
    }
    httplib::Result PatchJson(const std::string& path, const Json& body) {
        return client_->Patch(path, auth_, body.dump(), "application/json");
    }

    // Creates a user and returns its record.
    Json Create(const Json& fields) {
        const auto res = PostJson(UsersPath(), Json{{"user", fields}});
        const Json body = BodyOf(res);
        EXPECT_EQ(res->status, 201) << res->body;
        return body;
    }
    RecordId CreateId(const std::string& last_name, const std::string& email,
                      Json extra = Json::object()) {
        extra["last_name"] = last_name;
        extra["email_address"] = email;
        return Create(extra).value("id", RecordId{0});
    }

    // The ids a list request returns, in order.
    std::vector<RecordId> ListedIds(const std::string& path_and_query) {
        const auto res = Get(path_and_query);
        const Json body = BodyOf(res);
        EXPECT_EQ(res->status, 200) << res->body;
        std::vector<RecordId> ids;
        for (const Json& user : body) ids.push_back(user.value("id", RecordId{0}));
        return ids;
    }

    void Deactivate(RecordId id) {
        const auto res = PatchJson(UserPath(id), Json{{"user", {{"is_active", false}}}});
        ASSERT_EQ(res->status, 200) << res->body;
    }

    httplib::Headers auth_;
    RecordId service_account_ = 0;
};

// --- list -----------------------------------------------------------------------------------

TEST_F(UsersTest, ListNeedsAToken) {
    const auto res = client_->Get(UsersPath());
    EXPECT_EQ(res->status, 401);
    EXPECT_TRUE(BodyOf(res).contains("message"));
}

TEST_F(UsersTest, ListShowsActiveUsersInIdOrderOnEveryVersion) {
    const RecordId a = CreateId("Alpha", "alpha@example.com");
    const RecordId b = CreateId("Bravo", "bravo@example.com");
    const RecordId gone = CreateId("Gone", "gone@example.com");
    Deactivate(gone);
    for (const char* version : {"v1.0", "v1.1", "v1.2", "v1.3"}) {
        EXPECT_THAT(ListedIds(UsersPath(version)), ElementsAre(service_account_, a, b)) << version;
    }
    const auto res = Get(UsersPath());
    const Json first = BodyOf(res)[1];
    EXPECT_EQ(first["last_name"], "Alpha");
    EXPECT_TRUE(first.contains("role"));
    EXPECT_TRUE(first.contains("verified_employee"));
    EXPECT_EQ(res->get_header_value("Total"), "3");
}

TEST_F(UsersTest, ListPagesWithHeadersAndCapsPerPageAtAThousand) {
    std::vector<RecordId> all = {service_account_};
    for (int i = 0; i < 4; ++i) {
        all.push_back(CreateId("P" + std::to_string(i), "p" + std::to_string(i) + "@example.com"));
    }
    auto res = Get(UsersPath() + "?per_page=2&page=1");
    EXPECT_EQ(res->get_header_value("Total"), "5");
    EXPECT_EQ(res->get_header_value("Per-Page"), "2");
    EXPECT_THAT(res->get_header_value("Link"), HasSubstr("rel=\"next\""));
    EXPECT_THAT(res->get_header_value("Link"), HasSubstr("page=3>; rel=\"last\""));
    EXPECT_THAT(ListedIds(UsersPath() + "?per_page=2&page=2"), ElementsAre(all[2], all[3]));

    res = Get(UsersPath() + "?per_page=2&page=3");  // the last page
    EXPECT_EQ(BodyOf(res).size(), 1u);
    EXPECT_THAT(res->get_header_value("Link"), ::testing::Not(HasSubstr("rel=\"next\"")));

    res = Get(UsersPath() + "?per_page=2&page=99");  // past the end
    EXPECT_EQ(res->status, 200);
    EXPECT_TRUE(BodyOf(res).empty());

    res = Get(UsersPath() + "?per_page=5000");
    EXPECT_EQ(res->get_header_value("Per-Page"), "1000");
    EXPECT_EQ(BodyOf(res).size(), 5u);

    res = Get(UsersPath());
    EXPECT_EQ(res->get_header_value("Per-Page"), "100");

    res = Get(UsersPath() + "?per_page=0");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("per_page"));

    res = Get(UsersPath() + "?page=9223372036854775807&per_page=1000");
    EXPECT_EQ(res->status, 200);
    EXPECT_TRUE(BodyOf(res).empty());
}

// Pages of the whole Directory are joined once and sent again until the Directory changes: a
// change must show on the very page that was sent before it.
TEST_F(UsersTest, ARepeatedPageShowsEveryChangeMadeSinceItWasLast) {
    const RecordId a = CreateId("Alpha", "alpha@example.com");
    const RecordId b = CreateId("Bravo", "bravo@example.com");
    const std::string page = UsersPath() + "?per_page=2&page=1";
    EXPECT_THAT(ListedIds(page), ElementsAre(service_account_, a));
    EXPECT_EQ(BodyOf(Get(page))[1]["last_name"], "Alpha");

    ASSERT_EQ(PatchJson(UserPath(a), Json{{"user", {{"last_name", "Altered"}}}})->status, 200);
    auto res = Get(page);
    EXPECT_EQ(BodyOf(res)[1]["last_name"], "Altered");
    EXPECT_EQ(BodyOf(res)[1]["name"], "Altered");

    Deactivate(a);
    res = Get(page);
    EXPECT_THAT(ListedIds(page), ElementsAre(service_account_, b));
    EXPECT_EQ(res->get_header_value("Total"), "2");
    EXPECT_THAT(ListedIds(CompanyPath("v1.0", "/users/inactive")), ElementsAre(a));

    const RecordId c = CreateId("Charlie", "charlie@example.com");
    res = Get(UsersPath() + "?per_page=2&page=2");
    EXPECT_EQ(res->get_header_value("Total"), "3");
    EXPECT_THAT(ListedIds(UsersPath() + "?per_page=2&page=2"), ElementsAre(c));
}

TEST_F(UsersTest, ListFiltersById) {
    const RecordId a = CreateId("A", "a@example.com");
    const RecordId b = CreateId("B", "b@example.com");
    const RecordId c = CreateId("C", "c@example.com");
    Deactivate(c);
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[id][]=" + std::to_string(b) +
                          "&filters[id][]=" + std::to_string(a) +
                          "&filters[id][]=" + std::to_string(c) + "&filters[id][]=999"),
                ElementsAre(a, b));
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[id]=" + std::to_string(b)), ElementsAre(b));
    const auto res = Get(UsersPath() + "?filters[id][]=abc");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("filters[id]"));
}

TEST_F(UsersTest, ListFiltersByOriginIdVendorAndSearch) {
    const RecordId jane =
        CreateId("Doe", "jane.doe@example.com",
                 {{"first_name", "Jane"}, {"origin_id", "hr-1"}, {"vendor_id", 7}});
    const RecordId john =
        CreateId("Smith", "jsmith@builders.test",
                 {{"first_name", "John"}, {"origin_id", "hr-2"}, {"vendor_id", 8}});
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[origin_id]=hr-2"), ElementsAre(john));
    EXPECT_TRUE(ListedIds(UsersPath() + "?filters[origin_id]=nobody").empty());
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[vendor_id][]=7"), ElementsAre(jane));
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[vendor_id][]=7&filters[vendor_id][]=8"),
                ElementsAre(jane, john));
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[search]=JANE%20d"), ElementsAre(jane));
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[search]=builders.TEST"), ElementsAre(john));
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[search]=doe&filters[vendor_id][]=8"),
                ::testing::IsEmpty());

    auto res = Get(UsersPath() + "?filters[vendor_id][]=x");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("filters[vendor_id]"));
    res = Get(UsersPath() + "?filters[origin_id]=");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("filters[origin_id]"));
}

TEST_F(UsersTest, ListFiltersByUpdatedAndCreatedRanges) {
    const RecordId old_user = CreateId("Old", "old@example.com");
    const std::string old_at =
        Create({{"last_name", "Probe"}, {"email_address", "probe@example.com"}})
            .value("created_at", "");
    AdvanceClock(3 * 24 * 3600);
    auth_ = Auth();  // the old token expired meanwhile
    const RecordId new_user = CreateId("New", "new@example.com");
    const Json fresh = BodyOf(Get(UserPath(new_user)));
    const std::string new_at = fresh.value("updated_at", "");
    ASSERT_EQ(new_at.size(), 20u);

    const std::string since = "?filters[updated_at]=" + new_at + "..." + new_at;
    EXPECT_THAT(ListedIds(UsersPath() + since), ElementsAre(new_user));
    // Dates cover whole days; offsets are converted to UTC.
    const std::string day = new_at.substr(0, 10);
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[created_at]=" + day + "..." + day),
                ElementsAre(new_user));
    const std::string old_day = old_at.substr(0, 10);
    const auto old_ids =
        ListedIds(UsersPath() + "?filters[created_at]=" + old_day + "..." + old_day);
    EXPECT_NE(std::find(old_ids.begin(), old_ids.end(), old_user), old_ids.end());
    EXPECT_EQ(std::find(old_ids.begin(), old_ids.end(), new_user), old_ids.end());

    // Updating the old user moves it into the recent window.
    ASSERT_EQ(PatchJson(UserPath(old_user), Json{{"user", {{"job_title", "Foreman"}}}})->status,
              200);
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[updated_at]=" + day + "..." + day),
                ElementsAre(old_user, new_user));

    const auto res = Get(UsersPath() + "?filters[updated_at]=yesterday");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("filters[updated_at]"));
}

TEST_F(UsersTest, ListTimeRangeAcceptsOffsets) {
    AdvanceClock(10);  // apart from the service account's second
    const RecordId id = CreateId("Zone", "zone@example.com");
    const std::string at = BodyOf(Get(UserPath(id))).value("created_at", "");
    // The same instant written two hours ahead of UTC.
    const int hour = std::stoi(at.substr(11, 2));
    if (hour >= 22) GTEST_SKIP() << "the +02:00 form would cross midnight";
    char shifted[32];
    std::snprintf(shifted, sizeof shifted, "%sT%02d%s%%2B02:00", at.substr(0, 10).c_str(), hour + 2,
                  at.substr(13, 6).c_str());
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[created_at]=" + shifted + "..." + shifted),
                ElementsAre(id));
    // Fractions: the user's whole second counts from .000 on, not from later within it.
    const std::string second = at.substr(0, 19);
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[created_at]=" + second + ".000Z..." + at),
                ElementsAre(id));
    EXPECT_TRUE(
        ListedIds(UsersPath() + "?filters[created_at]=" + second + ".500Z..." + at).empty());
    EXPECT_EQ(Get(UsersPath() + "?filters[created_at]=" + second + "+2:00..." + at)->status, 400);
}

TEST_F(UsersTest, ListSortsByNameAndRefusesUnknownSorts) {
    const RecordId zed = CreateId("Zed", "zed@example.com", {{"first_name", "Amy"}});
    const RecordId abe = CreateId("abe", "abe@example.com", {{"first_name", "Zoe"}});
    const std::string only =
        "&filters[id][]=" + std::to_string(zed) + "&filters[id][]=" + std::to_string(abe);
    EXPECT_THAT(ListedIds(UsersPath() + "?sort=name" + only), ElementsAre(abe, zed));
    EXPECT_THAT(ListedIds(UsersPath() + "?sort=-name" + only), ElementsAre(zed, abe));
    EXPECT_THAT(ListedIds(UsersPath() + "?sort=full_name" + only), ElementsAre(zed, abe));
    const auto res = Get(UsersPath() + "?sort=shoe_size");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("sort"));
}

TEST_F(UsersTest, IdsOnlyViewOnV13Only) {
    const RecordId id = CreateId("Ids", "ids@example.com");
    auto body = BodyOf(Get(UsersPath("v1.3") + "?view=ids_only"));
    ASSERT_EQ(body.size(), 2u);
    EXPECT_EQ(body[1], (Json{{"id", id}}));
    body = BodyOf(Get(UsersPath("v1.0") + "?view=ids_only"));
    EXPECT_TRUE(body[1].contains("email_address"));
    body = BodyOf(Get(UsersPath("v1.3") + "?view=bogus"));
    EXPECT_TRUE(body[1].contains("email_address"));
}

TEST_F(UsersTest, OtherCompanyInPathIsRefused) {
    const auto res = client_->Get("/rest/v1.3/companies/1/users", auth_);
    EXPECT_EQ(res->status, 403);
    EXPECT_TRUE(BodyOf(res).contains("message"));
}

// --- show -----------------------------------------------------------------------------------

TEST_F(UsersTest, ShowFindsActiveAndInactiveUsersAndSays404ForOthers) {
    const RecordId id = CreateId("Shown", "shown@example.com");
    auto res = Get(UserPath(id, "v1.0"));
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["email_address"], "shown@example.com");
    Deactivate(id);
    res = Get(UserPath(id));
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["is_active"], false);
    res = Get(UserPath(424242));
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    res = Get(UserPath(id) + "99999999999999999999");  // beyond 64 bits
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(client_->Get(UserPath(id))->status, 401);
}

// --- create ---------------------------------------------------------------------------------

TEST_F(UsersTest, CreateFromJsonReturns201WithTheRecordAndDefaults) {
    const auto res = PostJson(UsersPath(), Json{{"user",
                                                 {{"first_name", "Ana"},
                                                  {"last_name", "Lima"},
                                                  {"email_address", " Ana.Lima@Example.com "},
                                                  {"job_title", "Carpenter"},
                                                  {"country_code", "br"},
                                                  {"origin_id", "hr-77"},
                                                  {"origin_data", "{\"row\":3}"},
                                                  {"vendor_id", 12},
                                                  {"shoe_size", 44}}}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json user = BodyOf(res);
    EXPECT_GT(user["id"].get<RecordId>(), RecordId{1} << 32);
    EXPECT_EQ(user["name"], "Ana Lima");
    EXPECT_EQ(user["email_address"], "Ana.Lima@Example.com");
    EXPECT_EQ(user["country_code"], "BR");
    EXPECT_EQ(user["is_active"], true);
    EXPECT_EQ(user["is_employee"], false);
    EXPECT_EQ(user["origin_data"], "{\"row\":3}");
    EXPECT_EQ(user["vendor"]["id"], 12);
    EXPECT_TRUE(user["welcome_email_sent_at"].is_null());
    EXPECT_FALSE(user.contains("shoe_size"));
    EXPECT_EQ(user["created_at"], user["updated_at"]);
    EXPECT_EQ(BodyOf(Get(UserPath(user["id"]))), user);
}

TEST_F(UsersTest, CreateFromFormAndMultipartBodies) {
    auto res = client_->Post(UsersPath("v1.0"), auth_,
                             httplib::Params{{"user[last_name]", "Form"},
                                             {"user[email_address]", "form@example.com"},
                                             {"user[is_employee]", "true"},
                                             {"user[business_phone_extension]", "42"},
                                             {"user[is_active]", "false"}});
    ASSERT_EQ(res->status, 201) << res->body;
    Json user = BodyOf(res);
    EXPECT_EQ(user["is_employee"], true);
    EXPECT_EQ(user["is_active"], false);
    EXPECT_EQ(user["business_phone_extension"], 42);

    const httplib::MultipartFormDataItems items = {
        {"user[last_name]", "Multi", "", ""},
        {"user[email_address]", "multi@example.com", "", ""},
        {"user[avatar]", std::string("\x89PNG\r\n\x1a\n\xff\xfe", 10), "me.png", "image/png"}};
    res = client_->Post(UsersPath("v1.2"), auth_, items);
    ASSERT_EQ(res->status, 201) << res->body;
    user = BodyOf(res);
    EXPECT_EQ(user["last_name"], "Multi");
    EXPECT_THAT(user.value("avatar", ""), HasSubstr("/avatars/"));
}

TEST_F(UsersTest, CreateInactiveUserGoesToTheInactiveList) {
    const RecordId id = CreateId("Sleepy", "sleepy@example.com", {{"is_active", false}});
    EXPECT_THAT(ListedIds(UsersPath()), ElementsAre(service_account_));
    EXPECT_THAT(ListedIds(CompanyPath("v1.0", "/users/inactive")), ElementsAre(id));
}

TEST_F(UsersTest, CreateRequiresLastNameAndAnEmail) {
    auto res = PostJson(UsersPath(), Json{{"user", {{"email_address", "x@example.com"}}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res), (Json{{"errors", {{"last_name", {"can't be blank"}}}}}));

    res = PostJson(UsersPath(), Json{{"user", {{"last_name", "  "}}}});
    EXPECT_EQ(res->status, 422);
    const Json errors = BodyOf(res)["errors"];
    EXPECT_EQ(errors["last_name"], Json::array({"can't be blank"}));
    EXPECT_EQ(errors["email_address"], Json::array({"can't be blank"}));

    res = PostJson(UsersPath(),
                   Json{{"user", {{"last_name", "X"}, {"email_address", "not-an-email"}}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["email_address"], Json::array({"is invalid"}));

    res = PostJson(UsersPath(), Json{{"user",
                                      {{"last_name", "X"},
                                       {"email_address", "x@example.com"},
                                       {"is_active", "maybe"},
                                       {"vendor_id", "seven"},
                                       {"country_code", "USA"}}}});
    EXPECT_EQ(res->status, 422);
    const Json more = BodyOf(res)["errors"];
    EXPECT_TRUE(more.contains("is_active"));
    EXPECT_TRUE(more.contains("vendor_id"));
    EXPECT_TRUE(more.contains("country_code"));

    EXPECT_THAT(ListedIds(UsersPath()), ElementsAre(service_account_));  // nothing stored
}

TEST_F(UsersTest, CreateWithoutUserObjectOrWithBrokenJsonIs400) {
    auto res =
        PostJson(UsersPath(), Json{{"last_name", "Flat"}, {"email_address", "f@example.com"}});
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("user"));
    res = client_->Post(UsersPath(), auth_, "{\"user\": ", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_TRUE(BodyOf(res).contains("message"));
}

TEST_F(UsersTest, CreateRefusesADuplicateEmailOrOriginIdWith409) {
    const RecordId first = CreateId("First", "dup@example.com", {{"origin_id", "hr-9"}});
    auto res =
        PostJson(UsersPath(),
                 Json{{"user", {{"last_name", "Second"}, {"email_address", "  DUP@example.COM"}}}});
    EXPECT_EQ(res->status, 409);
    Json body = BodyOf(res);
    EXPECT_THAT(body.value("message", ""), HasSubstr(std::to_string(first)));
    EXPECT_EQ(body["errors"]["email_address"], Json::array({"has already been taken"}));

    res = PostJson(UsersPath(), Json{{"user",
                                      {{"last_name", "Third"},
                                       {"email_address", "third@example.com"},
                                       {"origin_id", "hr-9"}}}});
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(BodyOf(res)["errors"]["origin_id"], Json::array({"has already been taken"}));

    // A deactivated user still holds its e-mail.
    Deactivate(first);
    res = PostJson(UsersPath(),
                   Json{{"user", {{"last_name", "Fourth"}, {"email_address", "dup@example.com"}}}});
    EXPECT_EQ(res->status, 409);
}

// Contacts and users are both people of the company: one origin_id names one of them.
TEST_F(UsersTest, AnOriginIdAContactHoldsIsTakenForUsersToo) {
    const auto contact = PostJson(CompanyPath("v1.0", "/people"),
                                  Json{{"person", {{"last_name", "Crew"}, {"origin_id", "hr-7"}}}});
    ASSERT_EQ(contact->status, 201) << contact->body;
    const RecordId contact_id = BodyOf(contact)["id"];
    auto res = PostJson(UsersPath(), Json{{"user",
                                           {{"last_name", "Crew"},
                                            {"email_address", "crew@example.com"},
                                            {"origin_id", "hr-7"}}}});
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(BodyOf(res)["errors"]["origin_id"], Json::array({"has already been taken"}));
    EXPECT_THAT(BodyOf(res).value("message", ""),
                HasSubstr("contact " + std::to_string(contact_id)));

    const RecordId user = CreateId("Other", "other@example.com");
    res = PatchJson(UserPath(user), Json{{"user", {{"origin_id", "hr-7"}}}});
    EXPECT_EQ(res->status, 409);
    res = PatchJson(CompanyPath("v1.3", "/users/sync"),
                    Json{{"updates", Json::array({{{"origin_id", "hr-7"},
                                                   {"last_name", "Crew"},
                                                   {"email_address", "crew2@example.com"}}})}});
    ASSERT_EQ(res->status, 200);
    EXPECT_TRUE(BodyOf(res)["entities"].empty());
    EXPECT_EQ(BodyOf(res)["errors"].size(), 1u);
}

TEST_F(UsersTest, CreateChecksPermissionTemplateAndClassificationReferences) {
    RecordId template_id = 0;
    RecordId classification_id = 0;
    {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        Company& company = *s.state.FindCompany(company_id_);
        template_id = s.state.NextId();
        company.permission_templates.Put(Json{{"id", template_id},
                                              {"name", "Field Worker"},
                                              {"project_specific", false},
                                              {"type", "global"}});
        classification_id = s.state.NextId();
        company.work_classifications.Put(Json{{"id", classification_id}, {"name", "Carpenter"}});
    }
    const Json user = Create({{"last_name", "Ref"},
                              {"email_address", "ref@example.com"},
                              {"default_permission_template_id", template_id},
                              {"work_classification_id", classification_id}});
    EXPECT_EQ(user["default_permission_template_id"], template_id);
    EXPECT_EQ(user["permission_template"]["name"], "Field Worker");
    EXPECT_EQ(user["permission_template"]["type"], "global");
    EXPECT_EQ(user["work_classification_id"], classification_id);

    const auto res = PostJson(UsersPath(), Json{{"user",
                                                 {{"last_name", "Bad"},
                                                  {"email_address", "bad@example.com"},
                                                  {"company_permission_template_id", 77},
                                                  {"work_classification_id", 78}}}});
    EXPECT_EQ(res->status, 422);
    const Json errors = BodyOf(res)["errors"];
    EXPECT_TRUE(errors.contains("company_permission_template_id"));
    EXPECT_TRUE(errors.contains("work_classification_id"));
}

// --- update ---------------------------------------------------------------------------------

TEST_F(UsersTest, UpdateChangesOnlyTheFieldsGiven) {
    const Json before = Create({{"first_name", "Rita"},
                                {"last_name", "Ruiz"},
                                {"email_address", "rita@example.com"},
                                {"job_title", "Laborer"}});
    const RecordId id = before["id"];
    AdvanceClock(120);
    const auto res = PatchJson(
        UserPath(id, "v1.1"),
        Json{{"user", {{"job_title", "Foreman"}, {"id", 1}, {"created_at", "2000-01-01"}}}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json after = BodyOf(res);
    EXPECT_EQ(after["job_title"], "Foreman");
    EXPECT_EQ(after["first_name"], "Rita");
    EXPECT_EQ(after["email_address"], "rita@example.com");
    EXPECT_EQ(after["id"], id);
    EXPECT_EQ(after["created_at"], before["created_at"]);
    EXPECT_GT(after["updated_at"].get<std::string>(), before["updated_at"].get<std::string>());
    EXPECT_EQ(BodyOf(Get(UserPath(id))), after);
}

TEST_F(UsersTest, UpdateThatChangesNothingKeepsUpdatedAt) {
    const Json before = Create({{"last_name", "Same"}, {"email_address", "same@example.com"}});
    AdvanceClock(120);
    const auto res = PatchJson(UserPath(before["id"]), Json{{"user", {{"last_name", "Same"}}}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["updated_at"], before["updated_at"]);
}

TEST_F(UsersTest, UpdateFromAFormBodyRecomposesTheName) {
    const RecordId id = CreateId("Old", "form-update@example.com", {{"first_name", "Max"}});
    const auto res =
        client_->Patch(UserPath(id), auth_, "user%5Blast_name%5D=New&user%5Bzip%5D=94105",
                       "application/x-www-form-urlencoded");
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["name"], "Max New");
    EXPECT_EQ(BodyOf(res)["zip"], "94105");
}

TEST_F(UsersTest, UpdateErrors) {
    const RecordId id = CreateId("Err", "err@example.com", {{"origin_id", "o-1"}});
    const RecordId other = CreateId("Other", "other@example.com", {{"origin_id", "o-2"}});

    auto res = PatchJson(UserPath(987654321), Json{{"user", {{"job_title", "x"}}}});
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(BodyOf(res).contains("message"));

    res = PatchJson(UserPath(id), Json{{"user", {{"last_name", ""}}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["last_name"], Json::array({"can't be blank"}));

    res = PatchJson(UserPath(id), Json{{"user", {{"email_address", nullptr}}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["email_address"], Json::array({"can't be blank"}));

    res = PatchJson(UserPath(id), Json{{"user", {{"email_address", "OTHER@example.com"}}}});
    EXPECT_EQ(res->status, 409);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr(std::to_string(other)));

    res = PatchJson(UserPath(id), Json{{"user", {{"origin_id", "o-2"}}}});
    EXPECT_EQ(res->status, 409);

    // Its own e-mail in another case and its own origin_id are fine.
    res = PatchJson(UserPath(id),
                    Json{{"user", {{"email_address", "ERR@example.com"}, {"origin_id", "o-1"}}}});
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["email_address"], "ERR@example.com");

    res = PatchJson(UserPath(id), Json{{"first_name", "NoWrapper"}});
    EXPECT_EQ(res->status, 400);

    EXPECT_EQ(client_->Patch(UserPath(id), "{}", "application/json")->status, 401);
}

TEST_F(UsersTest, DeactivateLeavesTheListAndPatchCannotReactivate) {
    const RecordId id = CreateId("Leaving", "leaving@example.com");
    Deactivate(id);
    EXPECT_THAT(ListedIds(UsersPath()), ElementsAre(service_account_));
    EXPECT_THAT(ListedIds(CompanyPath("v1.0", "/users/inactive")), ElementsAre(id));

    const auto res = PatchJson(UserPath(id), Json{{"user", {{"is_active", true}}}});
    EXPECT_EQ(res->status, 422);
    const Json messages = BodyOf(res)["errors"]["is_active"];
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_THAT(messages[0].get<std::string>(), HasSubstr("/users/inactive/" + std::to_string(id)));
    EXPECT_THAT(messages[0].get<std::string>(), HasSubstr("sync"));
    EXPECT_EQ(BodyOf(Get(UserPath(id)))["is_active"], false);
}

// --- inactive and reactivate ----------------------------------------------------------------

TEST_F(UsersTest, InactiveListPagesAndNeedsAToken) {
    std::vector<RecordId> ids;
    for (int i = 0; i < 3; ++i) {
        ids.push_back(CreateId("I" + std::to_string(i), "i" + std::to_string(i) + "@example.com"));
        Deactivate(ids.back());
    }
    const std::string path = CompanyPath("v1.0", "/users/inactive");
    auto res = Get(path + "?per_page=2&page=2");
    EXPECT_EQ(res->get_header_value("Total"), "3");
    EXPECT_THAT(ListedIds(path + "?per_page=2&page=2"), ElementsAre(ids[2]));
    EXPECT_THAT(ListedIds(path + "?sort=-name"), ElementsAre(ids[2], ids[1], ids[0]));
    EXPECT_EQ(Get(path + "?sort=email")->status, 400);
    EXPECT_EQ(client_->Get(path)->status, 401);
    // Only v1.0 has it.
    EXPECT_EQ(Get(CompanyPath("v1.3", "/users/inactive"))->status, 404);
}

TEST_F(UsersTest, InactiveListIsEmptyWhenAllAreActive) {
    const auto res = Get(CompanyPath("v1.0", "/users/inactive"));
    EXPECT_EQ(res->status, 200);
    EXPECT_TRUE(BodyOf(res).empty());
    EXPECT_EQ(res->get_header_value("Total"), "0");
}

TEST_F(UsersTest, ReactivateBringsAUserBack) {
    const RecordId id = CreateId("Back", "back@example.com");
    Deactivate(id);
    AdvanceClock(60);
    const std::string path = CompanyPath("v1.0", "/users/inactive/" + std::to_string(id));
    auto res = client_->Patch(path, auth_, "", "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    const Json user = BodyOf(res);
    EXPECT_EQ(user["is_active"], true);
    EXPECT_FALSE(user["last_activated_at"].is_null());
    EXPECT_THAT(ListedIds(UsersPath()), ElementsAre(service_account_, id));
    EXPECT_TRUE(ListedIds(CompanyPath("v1.0", "/users/inactive")).empty());

    // Now active: the inactive resource no longer has it.
    res = client_->Patch(path, auth_, "", "application/json");
    EXPECT_EQ(res->status, 404);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("not inactive"));
    res =
        client_->Patch(CompanyPath("v1.0", "/users/inactive/31337"), auth_, "", "application/json");
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(client_->Patch(path, "", "application/json")->status, 401);
}

// --- invite ---------------------------------------------------------------------------------

TEST_F(UsersTest, InviteStampsWelcomeEmailSentAt) {
    const RecordId id = CreateId("Guest", "guest@example.com");
    EXPECT_TRUE(BodyOf(Get(UserPath(id)))["welcome_email_sent_at"].is_null());
    auto res = client_->Patch(UserPath(id, "v1.0") + "/invite", auth_, "", "application/json");
    ASSERT_EQ(res->status, 202) << res->body;
    const Json body = BodyOf(res);
    EXPECT_EQ(body["id"], id);
    EXPECT_EQ(body["invited"], true);
    const Json user = BodyOf(Get(UserPath(id)));
    EXPECT_FALSE(user["welcome_email_sent_at"].is_null());
    EXPECT_EQ(user["welcome_email_sent_at"], body["welcome_email_sent_at"]);

    res = client_->Patch(UserPath(5555) + "/invite", auth_, "", "application/json");
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(client_->Patch(UserPath(id) + "/invite", "", "application/json")->status, 401);
}

// --- delete ---------------------------------------------------------------------------------

TEST_F(UsersTest, UsersCannotBeDeleted) {
    const RecordId id = CreateId("Stay", "stay@example.com");
    const auto res = client_->Delete(UserPath(id), auth_);
    EXPECT_EQ(res->status, 405);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("is_active"));
    EXPECT_EQ(Get(UserPath(id))->status, 200);
}

// --- sync -----------------------------------------------------------------------------------

class UsersSyncTest : public UsersTest {
protected:
    Json Sync(const Json& updates, const std::string& version = "v1.3") {
        const auto res = PatchJson(UsersPath(version) + "/sync", Json{{"updates", updates}});
        const Json body = BodyOf(res);
        EXPECT_EQ(res->status, 200) << res->body;
        return body;
    }
};

TEST_F(UsersSyncTest, CreatesWhenNeitherIdNorOriginIdMatches) {
    const Json body = Sync(Json::array(
        {{{"last_name", "New"}, {"email_address", "n1@example.com"}},
         {{"last_name", "Origin"}, {"email_address", "n2@example.com"}, {"origin_id", "ext-1"}}}));
    ASSERT_EQ(body["entities"].size(), 2u);
    EXPECT_TRUE(body["errors"].empty());
    EXPECT_TRUE(body["entities"][0]["origin_id"].is_null());
    EXPECT_EQ(body["entities"][1]["origin_id"], "ext-1");
    EXPECT_EQ(ListedIds(UsersPath()).size(), 3u);
}

TEST_F(UsersSyncTest, MatchesByIdThenByOriginId) {
    const RecordId by_id = CreateId("ById", "byid@example.com", {{"origin_id", "old-origin"}});
    const RecordId by_origin =
        CreateId("ByOrigin", "byorigin@example.com", {{"origin_id", "ext-2"}});
    const Json body = Sync(Json::array({
        {{"id", by_id}, {"origin_id", "new-origin"}, {"job_title", "Welder"}},
        {{"origin_id", "ext-2"}, {"job_title", "Painter"}},
        {{"id", std::to_string(by_origin)}, {"first_name", "Form"}},
    }));
    ASSERT_EQ(body["entities"].size(), 3u) << body.dump();
    EXPECT_EQ(body["entities"][0]["id"], by_id);
    EXPECT_EQ(body["entities"][0]["origin_id"], "new-origin");  // only id+origin_id changes it
    EXPECT_EQ(body["entities"][0]["job_title"], "Welder");
    EXPECT_EQ(body["entities"][1]["id"], by_origin);
    EXPECT_EQ(body["entities"][1]["job_title"], "Painter");
    EXPECT_EQ(body["entities"][2]["first_name"], "Form");
    EXPECT_EQ(ListedIds(UsersPath()).size(), 3u);  // nothing created
    EXPECT_THAT(ListedIds(UsersPath() + "?filters[origin_id]=new-origin"), ElementsAre(by_id));
    EXPECT_TRUE(ListedIds(UsersPath() + "?filters[origin_id]=old-origin").empty());
}

TEST_F(UsersSyncTest, FailedItemsEchoTheirInputWithErrors) {
    const RecordId taken = CreateId("Taken", "taken@example.com");
    const Json body = Sync(Json::array({
        {{"id", 123456}, {"job_title", "Ghost"}},
        {{"last_name", "NoEmail"}},
        {{"last_name", "Dup"}, {"email_address", "TAKEN@example.com"}},
        "not an object",
        {{"id", taken}, {"first_name", "Fine"}},
    }));
    ASSERT_EQ(body["errors"].size(), 4u) << body.dump();
    EXPECT_EQ(body["errors"][0]["job_title"], "Ghost");
    EXPECT_EQ(body["errors"][0]["errors"]["id"], Json::array({"Entity with this ID not found"}));
    EXPECT_EQ(body["errors"][1]["last_name"], "NoEmail");
    EXPECT_EQ(body["errors"][1]["errors"]["email_address"], Json::array({"can't be blank"}));
    EXPECT_EQ(body["errors"][2]["errors"]["email_address"],
              Json::array({"has already been taken"}));
    EXPECT_TRUE(body["errors"][3]["errors"].contains("base"));
    ASSERT_EQ(body["entities"].size(), 1u);
    EXPECT_EQ(body["entities"][0]["first_name"], "Fine");
}

TEST_F(UsersSyncTest, DuplicatesWithinOneCallAreCaughtInOrder) {
    const Json body =
        Sync(Json::array({{{"last_name", "One"}, {"email_address", "same@example.com"}},
                          {{"last_name", "Two"}, {"email_address", "same@example.com"}}}));
    EXPECT_EQ(body["entities"].size(), 1u);
    ASSERT_EQ(body["errors"].size(), 1u);
    EXPECT_EQ(body["errors"][0]["last_name"], "Two");
}

TEST_F(UsersSyncTest, SyncMayReactivateAndDeactivate) {
    const RecordId id = CreateId("Cycle", "cycle@example.com");
    Json body = Sync(Json::array({{{"id", id}, {"is_active", false}}}));
    EXPECT_EQ(body["entities"][0]["is_active"], false);
    EXPECT_THAT(ListedIds(CompanyPath("v1.0", "/users/inactive")), ElementsAre(id));
    body = Sync(Json::array({{{"id", id}, {"is_active", true}}}), "v1.0");
    EXPECT_EQ(body["entities"][0]["is_active"], true);
    EXPECT_FALSE(body["entities"][0]["last_activated_at"].is_null());
    EXPECT_THAT(ListedIds(UsersPath()), ElementsAre(service_account_, id));
}

TEST_F(UsersSyncTest, LimitsAndMalformedBodies) {
    Json many = Json::array();
    for (int i = 0; i < 1001; ++i) many.push_back({{"last_name", "X"}});
    auto res = PatchJson(UsersPath() + "/sync", Json{{"updates", many}});
    EXPECT_EQ(res->status, 422);
    EXPECT_THAT(BodyOf(res)["errors"]["updates"][0].get<std::string>(), HasSubstr("1000"));
    EXPECT_EQ(ListedIds(UsersPath()).size(), 1u);

    res = PatchJson(UsersPath() + "/sync", Json{{"users", Json::array()}});
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res).value("message", ""), HasSubstr("updates"));
    res = client_->Patch(UsersPath() + "/sync", auth_, "[", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(Sync(Json::array()), (Json{{"entities", Json::array()}, {"errors", Json::array()}}));
    EXPECT_EQ(client_->Patch(UsersPath() + "/sync", "{}", "application/json")->status, 401);
}

TEST_F(UsersSyncTest, AThousandItemsAreAccepted) {
    Json many = Json::array();
    for (int i = 0; i < 1000; ++i) {
        many.push_back({{"last_name", "Bulk"},
                        {"email_address", "bulk" + std::to_string(i) + "@example.com"},
                        {"origin_id", "bulk-" + std::to_string(i)}});
    }
    const Json body = Sync(many);
    EXPECT_EQ(body["entities"].size(), 1000u);
    EXPECT_TRUE(body["errors"].empty());
    EXPECT_EQ(BodyOf(Get(UsersPath() + "?per_page=1")).size(), 1u);
    EXPECT_EQ(Get(UsersPath() + "?per_page=1")->get_header_value("Total"), "1001");
}

// --- change events --------------------------------------------------------------------------

class UsersEventTest : public UsersTest {
protected:
    void SetUp() override {
        UsersTest::SetUp();
        auto res =
            PostJson("/rest/v1.0/webhooks/hooks", Json{{"company_id", company_id_},
                                                       {"hook",
                                                        {{"api_version", "v2"},
                                                         {"namespace", "users-test"},
                                                         {"destination_url", receiver_.Url()}}}});
        ASSERT_EQ(res->status, 201) << res->body;
        const RecordId hook = BodyOf(res)["id"];
        for (const char* type : {"create", "update"}) {
            res = PostJson(
                "/rest/v1.0/webhooks/hooks/" + std::to_string(hook) + "/triggers",
                Json{{"company_id", company_id_},
                     {"api_version", "v2"},
                     {"trigger", {{"resource_name", "Company Users"}, {"event_type", type}}}});
            ASSERT_EQ(res->status, 201) << res->body;
        }
    }

    // (event_type, resource_id) of the first `count` events.
    std::vector<std::pair<std::string, RecordId>> Seen(std::size_t count) {
        std::vector<std::pair<std::string, RecordId>> seen;
        for (const Json& event : receiver_.WaitFor(count)) {
            EXPECT_EQ(event.value("resource_name", ""), "Company Users");
            EXPECT_EQ(event.value("company_id", RecordId{0}), company_id_);
            seen.emplace_back(event.value("event_type", ""),
                              event.value("resource_id", RecordId{0}));
        }
        return seen;
    }

    // A change whose event closes a sequence: deliveries to a hook keep their order, so an
    // unexpected event before it shows up in the count.
    RecordId Marker() { return CreateId("Marker", "marker@example.com"); }

    EventReceiver receiver_;
};

using EventList = std::vector<std::pair<std::string, RecordId>>;

TEST_F(UsersEventTest, CreateUpdateDeactivateReactivateAndInviteAreReported) {
    const RecordId id = CreateId("Evented", "evented@example.com");
    ASSERT_EQ(PatchJson(UserPath(id), Json{{"user", {{"job_title", "Foreman"}}}})->status, 200);
    Deactivate(id);
    ASSERT_EQ(client_
                  ->Patch(CompanyPath("v1.0", "/users/inactive/" + std::to_string(id)), auth_, "",
                          "application/json")
                  ->status,
              200);
    ASSERT_EQ(client_->Patch(UserPath(id) + "/invite", auth_, "", "application/json")->status, 202);
    EXPECT_EQ(Seen(5),
              (EventList{
                  {"create", id}, {"update", id}, {"update", id}, {"update", id}, {"update", id}}));
}

TEST_F(UsersEventTest, NoEventForAnUpdateThatChangesNothingOrForRefusedWrites) {
    const RecordId id = CreateId("Quiet", "quiet@example.com");
    ASSERT_EQ(PatchJson(UserPath(id), Json{{"user", {{"last_name", "Quiet"}}}})->status, 200);
    ASSERT_EQ(PatchJson(UserPath(id), Json{{"user", {{"last_name", ""}}}})->status, 422);
    ASSERT_EQ(
        PostJson(UsersPath(),
                 Json{{"user", {{"last_name", "Dup"}, {"email_address", "quiet@example.com"}}}})
            ->status,
        409);
    const RecordId marker = Marker();
    EXPECT_EQ(Seen(2), (EventList{{"create", id}, {"create", marker}}));
}

TEST_F(UsersEventTest, SyncReportsEachChangedRecordOnce) {
    const RecordId same = CreateId("Same", "same@example.com");
    const auto res =
        PatchJson(UsersPath() + "/sync",
                  Json{{"updates",
                        {{{"id", same}, {"last_name", "Same"}},    // unchanged
                         {{"id", same}, {"job_title", "Welder"}},  // update
                         {{"id", 999}, {"job_title", "Ghost"}},    // error
                         {{"last_name", "New"}, {"email_address", "new@example.com"}}}}});
    ASSERT_EQ(res->status, 200);
    const Json body = BodyOf(res);
    ASSERT_EQ(body["entities"].size(), 3u);
    const RecordId created = body["entities"][2]["id"];
    const RecordId marker = Marker();
    EXPECT_EQ(
        Seen(4),
        (EventList{{"create", same}, {"update", same}, {"create", created}, {"create", marker}}));
}

// --- a large Directory ----------------------------------------------------------------------

class UsersScaleTest : public UsersTest {};

// The ids of a page of users in order, read without a JSON parser: parsing a megabyte per page
// in a Debug build would cost more than the listing under test. Each record here has exactly
// one "id" key (vendor and templates are null).
std::vector<RecordId> IdsInText(const std::string& text) {
    std::vector<RecordId> ids;
    for (auto at = text.find("\"id\":"); at != std::string::npos;
         at = text.find("\"id\":", at + 1)) {
        ids.push_back(std::strtoll(text.c_str() + at + 5, nullptr, 10));
    }
    return ids;
}

TEST_F(UsersScaleTest, HundredThousandUsersListInPagesOfAThousand) {
    constexpr int kUsers = 100'000;
    {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        Company& company = *s.state.FindCompany(company_id_);
        const Json model = NewUserRecord(0, Json{{"first_name", "Worker"}}, s.clock.Now());
        for (int i = 0; i < kUsers; ++i) {
            Json user = model;
            user["id"] = s.state.NextId();
            user["last_name"] = std::to_string(i);
            user["email_address"] = "worker" + std::to_string(i) + "@example.com";
            user["is_active"] = i % 10 != 0;
            company.users.Put(std::move(user));
        }
    }
    // A hundred pages in a few seconds would trip the spike limit.
    ASSERT_EQ(
        client_
            ->Put("/__emulator/rate_limits",
                  Json{{"hourly", 1'000'000}, {"spike", 1'000'000}}.dump(), "application/json")
            ->status,
        200);
    const int active = kUsers - kUsers / 10 + 1;  // plus the service account
    const auto started = std::chrono::steady_clock::now();
    std::int64_t seen = 0;
    RecordId last = 0;
    for (int page = 1;; ++page) {
        const auto res = Get(UsersPath() + "?per_page=1000&page=" + std::to_string(page));
        ASSERT_EQ(res->status, 200);
        ASSERT_EQ(res->get_header_value("Total"), std::to_string(active));
        ASSERT_EQ(res->body.find("\"is_active\":false"), std::string::npos);
        const std::vector<RecordId> ids = IdsInText(res->body);
        if (ids.empty()) break;
        ASSERT_LE(ids.size(), 1000u);
        for (RecordId id : ids) {
            ASSERT_GT(id, last);
            last = id;
        }
        seen += static_cast<std::int64_t>(ids.size());
    }
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(seen, active);
    std::printf("listed %d users in %.2f s\n", active, seconds);
    // Generous for a Debug build on a shared machine; a quadratic listing takes minutes.
    EXPECT_LT(seconds, 120.0);
}

}  // namespace
}  // namespace crewsync::emulator::testing
