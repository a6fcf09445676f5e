// Work classifications and permission templates, over HTTP.
#include <gmock/gmock.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "emulator/classification_seed.hpp"
#include "emulator/webhook_store.hpp"
#include "emulator_fixture.hpp"
#include "event_receiver.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::HasSubstr;

class ClassificationsTest : public EmulatorTest {
protected:
    void SetUp() override {
        EmulatorTest::SetUp();
        if (HasFatalFailure()) return;
        Services& s = emulator_.services();
        {
            std::lock_guard lock(s.state.mutex);
            SeedPermissionTemplates(*s.state.FindCompany(company_id_), s.state);
        }
        auth_ = Auth();
    }

    std::string Classifications(const std::string& rest = "") const {
        return CompanyPath("v1.0", "/work_classifications" + rest);
    }

    httplib::Result Create(const Json& fields) {
        return client_->Post(Classifications(), auth_, Json{{"work_classification", fields}}.dump(),
                             "application/json");
    }

    // Creates a classification and returns it; fails the test unless 201.
    Json Created(const std::string& name, const std::string& abbreviation = "") {
        Json fields = {{"name", name}};
        if (!abbreviation.empty()) fields["abbreviation"] = abbreviation;
        const auto res = Create(fields);
        EXPECT_EQ(res->status, 201) << res->body;
        return BodyOf(res);
    }

    std::string IdPath(const Json& record) const {
        return Classifications("/" + std::to_string(record["id"].get<RecordId>()));
    }

    httplib::Headers auth_;
};

TEST_F(ClassificationsTest, CreateReturnsTheFullRecord) {
    const auto res = Create({{"name", "Carpenter"}, {"abbreviation", "CARP"}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json body = BodyOf(res);
    EXPECT_GT(body["id"].get<RecordId>(), RecordId{1} << 32);
    EXPECT_EQ(body["name"], "Carpenter");
    EXPECT_EQ(body["abbreviation"], "CARP");
    EXPECT_EQ(body["company_id"], company_id_);
    EXPECT_EQ(body["deletable"], true);
    EXPECT_EQ(body["company_visible"], true);
    EXPECT_TRUE(body["created_by_id"].is_number_integer());
    EXPECT_EQ(body["project_ids"], Json::array());
    EXPECT_TRUE(body["created_at"].is_string());
    EXPECT_EQ(body["created_at"], body["updated_at"]);
}

TEST_F(ClassificationsTest, NameIsRequiredAndUniqueIgnoringCase) {
    auto res = Create({{"abbreviation", "X"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["name"], Json::array({"can't be blank"}));
    res = Create({{"name", "   "}});
    EXPECT_EQ(res->status, 422);

    Created("Electrician");
    res = Create({{"name", " electrician "}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["name"], Json::array({"has already been taken"}));

    // No wrapping key: Rails' "param is missing".
    res = client_->Post(Classifications(), auth_, Json{{"name", "Laborer"}}.dump(),
                        "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("work_classification"));
}

TEST_F(ClassificationsTest, ShowUpdateAndDelete) {
    const Json laborer = Created("Laborer", "LAB");
    const Json painter = Created("Painter");
    auto res = client_->Get(IdPath(laborer), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), laborer);

    AdvanceClock(5);
    res = client_->Patch(IdPath(laborer), auth_,
                         Json{{"work_classification", {{"abbreviation", "LB"}}}}.dump(),
                         "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    Json updated = BodyOf(res);
    EXPECT_EQ(updated["name"], "Laborer");  // untouched fields stay
    EXPECT_EQ(updated["abbreviation"], "LB");
    EXPECT_NE(updated["updated_at"], laborer["updated_at"]);
    EXPECT_EQ(updated["created_at"], laborer["created_at"]);

    // Its own name is not "taken"; another's is.
    res = client_->Patch(IdPath(laborer), auth_,
                         Json{{"work_classification", {{"name", "LABORER"}}}}.dump(),
                         "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
    res = client_->Patch(IdPath(laborer), auth_,
                         Json{{"work_classification", {{"name", "Painter"}}}}.dump(),
                         "application/json");
    EXPECT_EQ(res->status, 422);
    res = client_->Patch(IdPath(laborer), auth_,
                         Json{{"work_classification", {{"name", ""}}}}.dump(), "application/json");
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["name"], Json::array({"can't be blank"}));

    // Delete answers the deleted record; the name is free again.
    res = client_->Delete(IdPath(painter), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["id"], painter["id"]);
    EXPECT_EQ(client_->Get(IdPath(painter), auth_)->status, 404);
    EXPECT_EQ(client_->Delete(IdPath(painter), auth_)->status, 404);
    res = client_->Get(Classifications(), auth_);
    EXPECT_EQ(BodyOf(res).size(), 1u);
    Created("Painter");
}

TEST_F(ClassificationsTest, UnknownIdsAre404) {
    for (const std::string id : {"/1", "/99999999999"}) {
        auto res = client_->Get(Classifications(id), auth_);
        EXPECT_EQ(res->status, 404);
        EXPECT_TRUE(BodyOf(res).contains("message"));
        res = client_->Patch(Classifications(id), auth_,
                             Json{{"work_classification", {{"name", "X"}}}}.dump(),
                             "application/json");
        EXPECT_EQ(res->status, 404);
    }
}

TEST_F(ClassificationsTest, ListIsPaginated) {
    auto res = client_->Get(Classifications(), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), Json::array());
    EXPECT_EQ(res->get_header_value("Total"), "0");

    for (const char* name : {"A", "B", "C", "D", "E"}) Created(name);
    res = client_->Get(Classifications("?per_page=2"), auth_);
    Json body = BodyOf(res);
    ASSERT_EQ(body.size(), 2u);
    EXPECT_EQ(body[0]["name"], "A");
    EXPECT_EQ(res->get_header_value("Total"), "5");
    EXPECT_THAT(res->get_header_value("Link"), HasSubstr("rel=\"next\""));

    res = client_->Get(Classifications("?per_page=2&page=3"), auth_);
    body = BodyOf(res);
    ASSERT_EQ(body.size(), 1u);
    EXPECT_EQ(body[0]["name"], "E");
    EXPECT_THAT(res->get_header_value("Link"), ::testing::Not(HasSubstr("rel=\"next\"")));

    res = client_->Get(Classifications("?per_page=2&page=9"), auth_);
    EXPECT_EQ(BodyOf(res), Json::array());

    res = client_->Get(Classifications("?per_page=5000"), auth_);
    EXPECT_EQ(res->get_header_value("Per-Page"), "1000");
    EXPECT_EQ(BodyOf(res).size(), 5u);

    EXPECT_EQ(client_->Get(Classifications("?per_page=0"), auth_)->status, 400);
}

TEST_F(ClassificationsTest, SerializerViewsShapeTheList) {
    const Json welder = Created("Welder", "WLD");
    auto res = client_->Get(Classifications("?serializer_view=ids_only"), auth_);
    EXPECT_EQ(BodyOf(res), Json::array({{{"id", welder["id"]}}}));
    res = client_->Get(Classifications("?serializer_view=compact"), auth_);
    EXPECT_EQ(BodyOf(res),
              Json::array({{{"id", welder["id"]}, {"name", "Welder"}, {"abbreviation", "WLD"}}}));
    for (const char* view : {"normal", "extended"}) {
        res = client_->Get(Classifications(std::string("?serializer_view=") + view), auth_);
        EXPECT_EQ(BodyOf(res), Json::array({welder})) << view;
    }
    EXPECT_EQ(client_->Get(Classifications("?serializer_view=everything"), auth_)->status, 400);
}

TEST_F(ClassificationsTest, CallersAreChecked) {
    EXPECT_EQ(client_->Get(Classifications())->status, 401);
    EXPECT_EQ(client_
                  ->Post(Classifications(), Json{{"work_classification", {{"name", "X"}}}}.dump(),
                         "application/json")
                  ->status,
              401);
    // The path's company must be the header's.
    const auto res = client_->Get(
        "/rest/v1.0/companies/" + std::to_string(company_id_ + 1) + "/work_classifications", auth_);
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(client_->Get(CompanyPath("v1.0", "/permission_templates"))->status, 401);
}

TEST_F(ClassificationsTest, WritesAreAnnouncedAsWebhookEvents) {
    EventReceiver receiver;
    receiver.Subscribe(emulator_.webhooks(), company_id_, "Work Classifications");
    const Json fitter = Created("Fitter");
    client_->Patch(IdPath(fitter), auth_,
                   Json{{"work_classification", {{"abbreviation", "F"}}}}.dump(),
                   "application/json");
    client_->Delete(IdPath(fitter), auth_);
    const std::vector<Json> events = receiver.WaitFor(3);
    ASSERT_EQ(events.size(), 3u);
    const char* kinds[] = {"create", "update", "delete"};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(events[i]["resource_name"], "Work Classifications");
        EXPECT_EQ(events[i]["event_type"], kinds[i]);
        EXPECT_EQ(events[i]["resource_id"], fitter["id"]);
        EXPECT_EQ(events[i]["company_id"], company_id_);
        EXPECT_TRUE(events[i]["project_id"].is_null());
    }
}

TEST_F(ClassificationsTest, PermissionTemplatesFilterByType) {
    const std::string path = CompanyPath("v1.0", "/permission_templates");
    auto res = client_->Get(path, auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    const Json project_tools = BodyOf(res);
    std::vector<std::string> names;
    for (const Json& t : project_tools) {
        names.push_back(t["name"]);
        EXPECT_EQ(t["project_specific"], false);
        EXPECT_EQ(t["type"], "global");
        EXPECT_TRUE(t["category"] == "internal" || t["category"] == "external");
        EXPECT_TRUE(t["id"].is_number_integer());
    }
    EXPECT_THAT(names, ::testing::IsSupersetOf(
                           {"Project Manager", "Superintendent", "Foreman", "Field Worker"}));
    EXPECT_EQ(BodyOf(client_->Get(path + "?filters[type]=project_tools", auth_)), project_tools);
    EXPECT_EQ(BodyOf(client_->Get(path + "?filters[type]=global", auth_)), project_tools);

    res = client_->Get(path + "?filters%5Btype%5D=company_tools", auth_);
    const Json company_tools = BodyOf(res);
    ASSERT_FALSE(company_tools.empty());
    EXPECT_EQ(company_tools[0]["name"], "Company Admin");
    for (const Json& t : company_tools) EXPECT_EQ(t["type"], "company_tools");

    EXPECT_EQ(client_->Get(path + "?filters[type]=everything", auth_)->status, 400);

    const std::string one = path + "/" + std::to_string(company_tools[0]["id"].get<RecordId>());
    res = client_->Get(one, auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), company_tools[0]);
    EXPECT_EQ(client_->Get(path + "/12345", auth_)->status, 404);
}

TEST_F(ClassificationsTest, SeedingPermissionTemplatesTwiceAddsNothing) {
    Services& s = emulator_.services();
    std::lock_guard lock(s.state.mutex);
    Company& company = *s.state.FindCompany(company_id_);
    const std::size_t before = company.permission_templates.size();
    EXPECT_GE(before, 5u);
    SeedPermissionTemplates(company, s.state);
    EXPECT_EQ(company.permission_templates.size(), before);
}

TEST_F(ClassificationsTest, ClassificationsSurviveSavingAndLoadingTheState) {
    const Json rigger = Created("Rigger");
    auto res = client_->Get("/__emulator/state");
    ASSERT_EQ(res->status, 200);
    const std::string saved = res->body;
    ASSERT_EQ(client_->Post("/__emulator/reset", "", "application/json")->status, 200);
    ASSERT_EQ(client_->Put("/__emulator/state", saved, "application/json")->status, 200);
    auth_ = Auth();
    res = client_->Get(IdPath(rigger), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), rigger);
    // The uniqueness index is rebuilt on load.
    EXPECT_EQ(Create({{"name", "rigger"}})->status, 422);
}

}  // namespace
}  // namespace crewsync::emulator::testing
