// Company people (contacts and users shown as people), over HTTP.
#include <gmock/gmock.h>

#include "emulator/user_record.hpp"
#include "emulator_fixture.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::HasSubstr;

class PeopleTest : public EmulatorTest {
protected:
    void SetUp() override {
        EmulatorTest::SetUp();
        if (HasFatalFailure()) return;
        auth_ = Auth();
    }

    std::string PeoplePath(const std::string& rest = "") const {
        return CompanyPath("v1.0", "/people" + rest);
    }

    httplib::Result PostPerson(const Json& person) {
        return client_->Post(PeoplePath(), auth_, Json{{"person", person}}.dump(),
                             "application/json");
    }

    httplib::Result PatchPerson(RecordId id, const Json& person) {
        return client_->Patch(PeoplePath("/" + std::to_string(id)), auth_,
                              Json{{"person", person}}.dump(), "application/json");
    }

    // A contact created through the API; its representation.
    Json CreateContact(const Json& person) {
        const auto res = PostPerson(person);
        EXPECT_TRUE(res);
        if (!res) return Json();
        EXPECT_EQ(res->status, 201) << res->body;
        return BodyOf(res);
    }

    // A Directory user put straight into the state (the users endpoints are not under test).
    RecordId AddUser(const Json& fields) {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.NextId();
        s.state.FindCompany(company_id_)->users.Put(NewUserRecord(id, fields, s.clock.Now()));
        return id;
    }

    RecordId AddWorkClassification(const std::string& name) {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.NextId();
        s.state.FindCompany(company_id_)
            ->work_classifications.Put(Json{{"id", id}, {"name", name}});
        return id;
    }

    RecordId ServiceAccountId() {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        return s.state.Clients().at(seed_.client_id).service_account_id;
    }

    Json List(const std::string& query = "", const std::string& rest = "") {
        const auto res = client_->Get(PeoplePath(rest) + query, auth_);
        EXPECT_TRUE(res);
        if (!res) return Json();
        EXPECT_EQ(res->status, 200) << res->body;
        return BodyOf(res);
    }

    static std::vector<RecordId> IdsOf(const Json& people) {
        std::vector<RecordId> ids;
        for (const Json& person : people) ids.push_back(person["id"].get<RecordId>());
        return ids;
    }

    httplib::Headers auth_;
};

TEST_F(PeopleTest, ListShowsContactsAndUsersAsPeopleInIdOrder) {
    const RecordId service_account = ServiceAccountId();
    const Json contact = CreateContact({{"first_name", "Ana"}, {"last_name", "Lopez"}});
    const RecordId user = AddUser({{"first_name", "Bo"},
                                   {"last_name", "Berg"},
                                   {"email_address", "bo@acme.test"},
                                   {"is_employee", true},
                                   {"employee_id", "E-7"},
                                   {"origin_id", "hr-7"},
                                   {"job_title", "Foreman"}});
    const auto res = client_->Get(PeoplePath(), auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    const Json people = BodyOf(res);
    EXPECT_EQ(res->get_header_value("Total"), "3");
    EXPECT_EQ(IdsOf(people), (std::vector<RecordId>{service_account,
                                                     contact["id"].get<RecordId>(), user}));
    const Json& as_contact = people[1];
    EXPECT_TRUE(as_contact["user_id"].is_null());
    EXPECT_TRUE(as_contact["user_uuid"].is_null());
    EXPECT_EQ(as_contact["last_name"], "Lopez");
    const Json& as_user = people[2];
    EXPECT_EQ(as_user["user_id"], user);
    EXPECT_TRUE(as_user["user_uuid"].is_string());
    EXPECT_EQ(as_user["first_name"], "Bo");
    EXPECT_EQ(as_user["is_employee"], true);
    EXPECT_EQ(as_user["employee_id"], "E-7");
    EXPECT_EQ(as_user["origin_id"], "hr-7");
    EXPECT_EQ(as_user["job_title"], "Foreman");
    EXPECT_EQ(as_user["contact"], (Json{{"is_active", true}, {"email", "bo@acme.test"}}));
    EXPECT_TRUE(as_user["created_at"].is_string());
    EXPECT_TRUE(as_user["updated_at"].is_string());
    EXPECT_TRUE(as_user.contains("work_classification_id"));
}

TEST_F(PeopleTest, CreateContactAnswers201WithTheDocumentedFieldsAndDefaults) {
    const RecordId carpenter = AddWorkClassification("Carpenter");
    const auto res = PostPerson({{"first_name", "Ana"},
                                 {"last_name", "Lopez"},
                                 {"employee_id", "E-1"},
                                 {"origin_id", "crew-1"},
                                 {"job_title", "Carpenter"},
                                 {"work_classification_id", carpenter},
                                 {"unknown_field", "ignored"}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json person = BodyOf(res);
    EXPECT_GT(person["id"].get<RecordId>(), std::int64_t{1} << 32);
    EXPECT_EQ(person["first_name"], "Ana");
    EXPECT_EQ(person["last_name"], "Lopez");
    EXPECT_EQ(person["is_employee"], false);  // the default
    EXPECT_EQ(person["employee_id"], "E-1");
    EXPECT_TRUE(person["user_id"].is_null());
    EXPECT_TRUE(person["user_uuid"].is_null());
    EXPECT_EQ(person["work_classification_id"], carpenter);
    EXPECT_EQ(person["origin_id"], "crew-1");
    EXPECT_EQ(person["job_title"], "Carpenter");
    EXPECT_EQ(person["contact"], (Json{{"is_active", true}, {"email", nullptr}}));
    EXPECT_EQ(person["created_at"], person["updated_at"]);
    EXPECT_FALSE(person.contains("unknown_field"));
    // It is listed as it was answered.
    EXPECT_EQ(List("?filters[reference_users_only]=true"), Json::array({person}));
}

TEST_F(PeopleTest, CreateInactiveContactGoesToTheInactiveList) {
    const Json person = CreateContact({{"last_name", "Gone"}, {"active", false}});
    EXPECT_EQ(person["contact"]["is_active"], false);
    EXPECT_EQ(List("?filters[reference_users_only]=true"), Json::array());
    EXPECT_EQ(IdsOf(List("", "/inactive")),
              (std::vector<RecordId>{person["id"].get<RecordId>()}));
}

TEST_F(PeopleTest, CreateRefusesABlankLastNameAndBadValuesWith422) {
    auto res = PostPerson({{"first_name", "Ana"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res), (Json{{"errors", {{"last_name", {"can't be blank"}}}}}));
    res = PostPerson({{"last_name", "   "}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["last_name"][0], "can't be blank");
    res = PostPerson({{"last_name", "Lopez"}, {"is_employee", "maybe"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("is_employee"));
    res = PostPerson({{"last_name", "Lopez"}, {"first_name", Json::array({1})}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("first_name"));
    res = PostPerson({{"last_name", "Lopez"}, {"work_classification_id", 42}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("work_classification_id"));
    EXPECT_EQ(List("?filters[reference_users_only]=true"), Json::array());
}

TEST_F(PeopleTest, CreateWithoutAPersonObjectOrWithBrokenJsonIs400) {
    auto res = client_->Post(PeoplePath(), auth_, R"({"last_name": "Lopez"})", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("person"));
    res = client_->Post(PeoplePath(), auth_, "{not json", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_TRUE(BodyOf(res).contains("message"));
}

TEST_F(PeopleTest, CreateAcceptsAFormBody) {
    const auto res = client_->Post(PeoplePath(), auth_,
                                   "person[last_name]=Form&person[is_employee]=true",
                                   "application/x-www-form-urlencoded");
    ASSERT_EQ(res->status, 201) << res->body;
    EXPECT_EQ(BodyOf(res)["is_employee"], true);
}

TEST_F(PeopleTest, OriginIdIsUniqueAmongContactsAndUsersWith409) {
    CreateContact({{"last_name", "One"}, {"origin_id", "ext-1"}});
    AddUser({{"last_name", "User"}, {"email_address", "u@acme.test"}, {"origin_id", "ext-2"}});
    for (const char* taken : {"ext-1", "ext-2"}) {
        const auto res = PostPerson({{"last_name", "Two"}, {"origin_id", taken}});
        EXPECT_EQ(res->status, 409) << taken;
        EXPECT_EQ(BodyOf(res)["errors"]["origin_id"][0], "has already been taken");
    }
    // An empty origin_id is none, and "none" is not unique.
    EXPECT_TRUE(CreateContact({{"last_name", "A"}, {"origin_id", ""}})["origin_id"].is_null());
    EXPECT_TRUE(CreateContact({{"last_name", "B"}, {"origin_id", ""}})["origin_id"].is_null());
}

TEST_F(PeopleTest, EveryEndpointNeedsAToken) {
    EXPECT_EQ(client_->Get(PeoplePath())->status, 401);
    EXPECT_EQ(client_->Get(PeoplePath("/inactive"))->status, 401);
    EXPECT_EQ(client_->Post(PeoplePath(), R"({"person":{"last_name":"X"}})", "application/json")
                  ->status,
              401);
    const auto res = client_->Patch(PeoplePath("/1"), R"({"person":{}})", "application/json");
    EXPECT_EQ(res->status, 401);
    EXPECT_TRUE(BodyOf(res).contains("message"));
}

TEST_F(PeopleTest, APathCompanyOtherThanTheHeaderIs403) {
    const auto res = client_->Get("/rest/v1.0/companies/42/people", auth_);
    EXPECT_EQ(res->status, 403);
    EXPECT_TRUE(BodyOf(res).contains("message"));
}

TEST_F(PeopleTest, UpdateChangesAContactAndMovesUpdatedAt) {
    const Json created = CreateContact({{"first_name", "Ana"}, {"last_name", "Lopez"}});
    const RecordId id = created["id"];
    AdvanceClock(5);
    auto res = PatchPerson(id, {{"first_name", "Anna"},
                                {"is_employee", true},
                                {"employee_id", "E-9"},
                                {"origin_id", "crew-9"}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json updated = BodyOf(res);
    EXPECT_EQ(updated["first_name"], "Anna");
    EXPECT_EQ(updated["last_name"], "Lopez");  // untouched
    EXPECT_EQ(updated["is_employee"], true);
    EXPECT_EQ(updated["employee_id"], "E-9");
    EXPECT_EQ(updated["origin_id"], "crew-9");
    EXPECT_GT(updated["updated_at"].get<std::string>(), created["updated_at"].get<std::string>());
    EXPECT_EQ(updated["created_at"], created["created_at"]);
    // Nothing to change: updated_at stays.
    AdvanceClock(5);
    res = PatchPerson(id, {{"first_name", "Anna"}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["updated_at"], updated["updated_at"]);
    // The new origin_id finds it.
    EXPECT_EQ(IdsOf(List("?filters[origin_id]=crew-9")), (std::vector<RecordId>{id}));
}

TEST_F(PeopleTest, UpdateValidatesLikeCreate) {
    const RecordId id = CreateContact({{"last_name", "Lopez"}})["id"];
    CreateContact({{"last_name", "Other"}, {"origin_id", "taken"}});
    auto res = PatchPerson(id, {{"last_name", ""}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["last_name"][0], "can't be blank");
    res = PatchPerson(id, {{"origin_id", "taken"}});
    EXPECT_EQ(res->status, 409);
    res = PatchPerson(id, {{"active", "perhaps"}});
    EXPECT_EQ(res->status, 422);
    res = client_->Patch(PeoplePath("/" + std::to_string(id)), auth_, R"({"name": "x"})",
                         "application/json");
    EXPECT_EQ(res->status, 400);
    // A contact may keep its own origin_id.
    CreateContact({{"last_name", "Mine"}, {"origin_id", "mine"}});
    const RecordId mine =
        BodyOf(client_->Get(PeoplePath() + "?filters[origin_id]=mine", auth_))[0]["id"];
    EXPECT_EQ(PatchPerson(mine, {{"origin_id", "mine"}})->status, 200);
}

TEST_F(PeopleTest, UpdateOfAnUnknownPersonIs404AndOfAUserIs422) {
    auto res = PatchPerson(999, {{"last_name", "X"}});
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    const RecordId user = AddUser({{"last_name", "User"}, {"email_address", "u@acme.test"}});
    res = PatchPerson(user, {{"last_name", "X"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_THAT(BodyOf(res)["errors"]["base"][0].get<std::string>(), HasSubstr("users"));
    EXPECT_EQ(List("?filters[without_reference_users]=true&filters[search]=user")[0]["last_name"],
              "User");
}

TEST_F(PeopleTest, DeactivatingAndReactivatingMovesBetweenTheLists) {
    const RecordId id = CreateContact({{"last_name", "Lopez"}})["id"];
    auto res = PatchPerson(id, {{"active", false}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["contact"]["is_active"], false);
    EXPECT_EQ(List("?filters[reference_users_only]=true"), Json::array());
    EXPECT_EQ(IdsOf(List("", "/inactive")), (std::vector<RecordId>{id}));
    res = PatchPerson(id, {{"active", true}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["contact"]["is_active"], true);
    EXPECT_EQ(IdsOf(List("?filters[reference_users_only]=true")), (std::vector<RecordId>{id}));
    EXPECT_EQ(List("", "/inactive"), Json::array());
}

TEST_F(PeopleTest, InactiveUsersAreInactivePeople) {
    const RecordId user =
        AddUser({{"last_name", "Former"}, {"email_address", "f@acme.test"}, {"is_active", false}});
    const Json inactive = List("", "/inactive");
    ASSERT_EQ(IdsOf(inactive), (std::vector<RecordId>{user}));
    EXPECT_EQ(inactive[0]["contact"]["is_active"], false);
    for (const Json& person : List()) EXPECT_NE(person["id"], user);
}

TEST_F(PeopleTest, FiltersSelectByKindEmploymentSearchAndOrigin) {
    const RecordId service_account = ServiceAccountId();
    const RecordId worker =
        CreateContact({{"first_name", "Ana"}, {"last_name", "Lopez"}, {"is_employee", true},
                       {"origin_id", "o-1"}})["id"];
    const RecordId visitor = CreateContact(
        {{"first_name", "Vic"}, {"last_name", "Tor"}, {"job_title", "Inspector"}})["id"];
    const RecordId user = AddUser({{"first_name", "Bo"}, {"last_name", "Berg"},
                                   {"email_address", "bo.berg@acme.test"}, {"is_employee", true},
                                   {"mobile_phone", "555-0101"}});
    EXPECT_EQ(IdsOf(List("?filters[is_employee]=true")), (std::vector<RecordId>{worker, user}));
    EXPECT_EQ(IdsOf(List("?filters[is_employee]=false")),
              (std::vector<RecordId>{service_account, visitor}));
    EXPECT_EQ(IdsOf(List("?filters[reference_users_only]=true")),
              (std::vector<RecordId>{worker, visitor}));
    EXPECT_EQ(IdsOf(List("?filters[without_reference_users]=true")),
              (std::vector<RecordId>{service_account, user}));
    EXPECT_EQ(IdsOf(List("?filters[reference_users_only]=false")).size(), 4u);
    EXPECT_EQ(IdsOf(List("?filters[search]=LOPEZ")), (std::vector<RecordId>{worker}));
    EXPECT_EQ(IdsOf(List("?filters[search]=ana%20lo")), (std::vector<RecordId>{worker}));
    EXPECT_EQ(IdsOf(List("?filters[search]=inspector")), (std::vector<RecordId>{visitor}));
    EXPECT_EQ(IdsOf(List("?filters[search]=bo.berg@")), (std::vector<RecordId>{user}));
    EXPECT_EQ(IdsOf(List("?filters[search]=555-0101")), (std::vector<RecordId>{user}));
    EXPECT_EQ(IdsOf(List("?filters[job_title]=inspector")), (std::vector<RecordId>{visitor}));
    EXPECT_EQ(IdsOf(List("?filters[origin_id]=o-1")), (std::vector<RecordId>{worker}));
    EXPECT_EQ(List("?filters[origin_id]=nope"), Json::array());
    EXPECT_EQ(IdsOf(List("?filters[is_employee]=true&filters[reference_users_only]=true")),
              (std::vector<RecordId>{worker}));
}

TEST_F(PeopleTest, UpdatedAtFilterTakesARange) {
    const Json early = CreateContact({{"last_name", "Early"}});
    AdvanceClock(3 * 24 * 3600);
    auth_ = Auth();  // the old token expired meanwhile
    const Json late = CreateContact({{"last_name", "Late"}});
    const std::string early_at = early["updated_at"];
    const std::string late_at = late["updated_at"];
    EXPECT_EQ(IdsOf(List("?filters[reference_users_only]=true&filters[updated_at]=" + early_at +
                         "..." + early_at)),
              (std::vector<RecordId>{early["id"].get<RecordId>()}));
    EXPECT_EQ(IdsOf(List("?filters[reference_users_only]=true&filters[updated_at]=" +
                         late_at.substr(0, 10) + "..." + late_at.substr(0, 10))),
              (std::vector<RecordId>{late["id"].get<RecordId>()}));
}

TEST_F(PeopleTest, MalformedFiltersAre400) {
    for (const char* query : {"?filters[is_employee]=yes", "?filters[reference_users_only]=2",
                              "?filters[updated_at]=yesterday", "?page=0", "?per_page=x"}) {
        const auto res = client_->Get(PeoplePath() + query, auth_);
        EXPECT_EQ(res->status, 400) << query;
        EXPECT_TRUE(BodyOf(res).contains("message")) << query;
    }
}

TEST_F(PeopleTest, PagesWithTotalPerPageAndLinks) {
    for (int i = 0; i < 4; ++i) CreateContact({{"last_name", "P" + std::to_string(i)}});
    // 5 people: the service account and 4 contacts.
    auto res = client_->Get(PeoplePath() + "?per_page=2&page=2", auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res).size(), 2u);
    EXPECT_EQ(res->get_header_value("Total"), "5");
    EXPECT_EQ(res->get_header_value("Per-Page"), "2");
    const std::string links = res->get_header_value("Link");
    EXPECT_THAT(links, HasSubstr("rel=\"next\""));
    EXPECT_THAT(links, HasSubstr("rel=\"prev\""));
    EXPECT_THAT(links, HasSubstr("page=3>; rel=\"last\""));
    res = client_->Get(PeoplePath() + "?per_page=2&page=3", auth_);
    EXPECT_EQ(BodyOf(res).size(), 1u);
    EXPECT_THAT(res->get_header_value("Link"), ::testing::Not(HasSubstr("rel=\"next\"")));
    res = client_->Get(PeoplePath() + "?per_page=2&page=9", auth_);
    EXPECT_EQ(BodyOf(res), Json::array());
    res = client_->Get(PeoplePath() + "?per_page=5000", auth_);
    EXPECT_EQ(res->get_header_value("Per-Page"), "1000");
    EXPECT_EQ(BodyOf(res).size(), 5u);
    res = client_->Get(PeoplePath() + "?", auth_);
    EXPECT_EQ(res->get_header_value("Per-Page"), "100");
}

TEST_F(PeopleTest, AnEmptyInactiveListIsAnEmptyArray) {
    const auto res = client_->Get(PeoplePath("/inactive"), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), Json::array());
    EXPECT_EQ(res->get_header_value("Total"), "0");
}

}  // namespace
}  // namespace crewsync::emulator::testing
