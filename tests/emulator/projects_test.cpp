// Projects: lists (v1.0, v1.1, the company list), show, create, update, sync and the service
// account's project membership, over HTTP.
#include <gmock/gmock.h>

#include "emulator_fixture.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::HasSubstr;

class ProjectsTest : public EmulatorTest {
protected:
    void SetUp() override {
        EmulatorTest::SetUp();
        if (HasFatalFailure()) return;
        auth_ = Auth();
    }

    std::string CompanyQuery() const { return "company_id=" + std::to_string(company_id_); }

    httplib::Result PostProject(const Json& project) {
        return client_->Post("/rest/v1.0/projects", auth_,
                             Json{{"company_id", company_id_}, {"project", project}}.dump(),
                             "application/json");
    }

    httplib::Result PatchProject(RecordId id, const Json& project) {
        return client_->Patch("/rest/v1.0/projects/" + std::to_string(id), auth_,
                              Json{{"company_id", company_id_}, {"project", project}}.dump(),
                              "application/json");
    }

    httplib::Result Sync(const Json& updates) {
        return client_->Patch("/rest/v1.0/projects/sync", auth_,
                              Json{{"company_id", company_id_}, {"updates", updates}}.dump(),
                              "application/json");
    }

    Json CreateProject(const Json& project) {
        const auto res = PostProject(project);
        EXPECT_TRUE(res);
        if (!res) return Json();
        EXPECT_EQ(res->status, 201) << res->body;
        return BodyOf(res);
    }

    httplib::Result Show(RecordId id, const std::string& extra = "") {
        return client_->Get("/rest/v1.0/projects/" + std::to_string(id) + "?" + CompanyQuery() +
                                extra,
                            auth_);
    }

    Json List(const std::string& version, const std::string& extra = "") {
        const auto res = client_->Get("/rest/" + version + "/projects?" + CompanyQuery() + extra,
                                      auth_);
        EXPECT_TRUE(res);
        if (!res) return Json();
        EXPECT_EQ(res->status, 200) << res->body;
        return BodyOf(res);
    }

    httplib::Result SetMember(RecordId id, const std::string& body) {
        return client_->Put("/__emulator/projects/" + std::to_string(id) + "/service_account",
                            body, "application/json");
    }

    // A second company where the app is installed too.
    RecordId AddInstalledCompany() {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.AddCompany("Other Builders").id;
        s.state.Clients().at(seed_.client_id).companies.push_back(id);
        return id;
    }

    static std::vector<RecordId> IdsOf(const Json& list) {
        std::vector<RecordId> ids;
        for (const Json& item : list) ids.push_back(item["id"].get<RecordId>());
        return ids;
    }

    static bool HasInternalKey(const std::string& body) {
        return body.find("\"__") != std::string::npos;
    }

    httplib::Headers auth_;
};

TEST_F(ProjectsTest, CreateAnswers201WithTheFullRepresentation) {
    const auto res = PostProject({{"name", "Harbor Tower"},
                                  {"project_number", "HT-1"},
                                  {"address", "1 Pier Rd"},
                                  {"city", "Portland"},
                                  {"state_code", "OR"},
                                  {"country_code", "us"},
                                  {"zip", "97201"},
                                  {"time_zone", "Pacific Time (US & Canada)"},
                                  {"start_date", "2026-03-01"},
                                  {"completion_date", "2027-06-30"},
                                  {"total_value", 1500000},
                                  {"flag", "Green"},
                                  {"origin_id", "erp-1"},
                                  {"origin_data", "{\"k\":1}"},
                                  {"origin_code", "C-1"},
                                  {"office_id", 77},
                                  {"department_ids", {3, 4}},
                                  {"not_a_field", 1}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json p = BodyOf(res);
    EXPECT_GT(p["id"].get<RecordId>(), std::int64_t{1} << 32);
    EXPECT_EQ(p["name"], "Harbor Tower");
    EXPECT_EQ(p["display_name"], "HT-1 - Harbor Tower");
    EXPECT_EQ(p["project_number"], "HT-1");
    EXPECT_EQ(p["address"], "1 Pier Rd");
    EXPECT_EQ(p["city"], "Portland");
    EXPECT_EQ(p["state_code"], "OR");
    EXPECT_EQ(p["country_code"], "US");
    EXPECT_EQ(p["zip"], "97201");
    EXPECT_EQ(p["time_zone"], "Pacific Time (US & Canada)");
    EXPECT_EQ(p["tz_name"], "America/Los_Angeles");
    EXPECT_EQ(p["active"], true);
    EXPECT_EQ(p["start_date"], "2026-03-01");
    EXPECT_EQ(p["estimated_start_date"], "2026-03-01");
    EXPECT_EQ(p["completion_date"], "2027-06-30");
    EXPECT_EQ(p["estimated_completion_date"], "2027-06-30");
    EXPECT_EQ(p["total_value"], "1500000.0");
    EXPECT_EQ(p["estimated_value"], "1500000.0");
    EXPECT_EQ(p["flag"], "Green");
    EXPECT_EQ(p["origin_id"], "erp-1");
    EXPECT_EQ(p["origin_data"], "{\"k\":1}");
    EXPECT_EQ(p["origin_code"], "C-1");
    EXPECT_EQ(p["office"], (Json{{"id", 77}, {"name", nullptr}}));
    EXPECT_EQ(p["departments"].size(), 2u);
    EXPECT_EQ(p["company"], (Json{{"id", company_id_}, {"name", seed_.company_name}}));
    EXPECT_EQ(p["created_by"]["login"], seed_.client_id + "@service-accounts.procore.test");
    EXPECT_TRUE(p["created_at"].is_string());
    EXPECT_EQ(p["created_at"], p["updated_at"]);
    // Documented fields the emulator has no value for are there, null.
    for (const char* field : {"county", "latitude", "longitude", "phone", "description",
                              "project_stage", "program", "logo_url", "parent_job"}) {
        EXPECT_TRUE(p.contains(field)) << field;
        EXPECT_TRUE(p[field].is_null()) << field;
    }
    EXPECT_FALSE(p.contains("not_a_field"));
    EXPECT_FALSE(HasInternalKey(res->body));
    // Show answers the same.
    EXPECT_EQ(BodyOf(Show(p["id"])), p);
}

TEST_F(ProjectsTest, CreateDefaultsAndCompanyIdInTheQuery) {
    const auto res = client_->Post("/rest/v1.0/projects?" + CompanyQuery(), auth_,
                                   Json{{"project", {{"name", "Plain"}}}}.dump(),
                                   "application/json");
    ASSERT_EQ(res->status, 201) << res->body;
    const Json p = BodyOf(res);
    EXPECT_EQ(p["active"], true);
    EXPECT_EQ(p["display_name"], "Plain");
    EXPECT_EQ(p["time_zone"], "Pacific Time (US & Canada)");
    EXPECT_EQ(p["tz_name"], "America/Los_Angeles");
    EXPECT_TRUE(p["origin_id"].is_null());
    EXPECT_TRUE(p["project_number"].is_null());
}

TEST_F(ProjectsTest, TimeZonesTakeRailsAndTzNamesAndRefuseUnknownOnes) {
    const struct {
        const char* zone;
        const char* tz;
    } cases[] = {{"Central Time (US & Canada)", "America/Chicago"},
                 {"Mountain Time (US & Canada)", "America/Denver"},
                 {"Eastern Time (US & Canada)", "America/New_York"},
                 {"UTC", "Etc/UTC"},
                 {"America/Chicago", "America/Chicago"},
                 {"US/Pacific", "America/Los_Angeles"}};
    for (const auto& c : cases) {
        const Json p = CreateProject({{"name", c.zone}, {"time_zone", c.zone}});
        EXPECT_EQ(p["time_zone"], c.zone);
        EXPECT_EQ(p["tz_name"], c.tz) << c.zone;
    }
    for (const Json& zone : {Json("Mars/Olympus"), Json("pacific time (us & canada)"), Json(5),
                             Json(nullptr)}) {
        const auto res = PostProject({{"name", "Bad zone"}, {"time_zone", zone}});
        EXPECT_EQ(res->status, 422) << zone;
        EXPECT_TRUE(BodyOf(res)["errors"].contains("time_zone")) << zone;
    }
}

TEST_F(ProjectsTest, CreateValidationErrorsAre422InRailsShape) {
    auto res = PostProject({{"project_number", "N-1"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res), (Json{{"errors", {{"name", {"can't be blank"}}}}}));
    res = PostProject({{"name", "  "}});
    EXPECT_EQ(res->status, 422);
    const struct {
        const char* field;
        Json value;
    } bad[] = {{"start_date", "2026-02-30"},    {"completion_date", "06/30/2027"},
               {"warranty_end_date", 20270630}, {"flag", "Blue"},
               {"country_code", "USA"},         {"active", "sometimes"},
               {"square_feet", "big"},          {"latitude", "north"},
               {"department_ids", "3"},         {"priority", "urgent"}};
    for (const auto& b : bad) {
        res = PostProject({{"name", "Bad"}, {b.field, b.value}});
        EXPECT_EQ(res->status, 422) << b.field;
        EXPECT_TRUE(BodyOf(res)["errors"].contains(b.field)) << b.field << " " << res->body;
    }
    EXPECT_EQ(List("v1.0", "&filters[by_status]=All"), Json::array());
    // A leap day is a date.
    EXPECT_EQ(CreateProject({{"name", "Leap"}, {"start_date", "2028-02-29"}})["start_date"],
              "2028-02-29");
}

TEST_F(ProjectsTest, MissingProjectObjectCompanyIdOrBrokenJsonIs400) {
    auto res = client_->Post("/rest/v1.0/projects", auth_,
                             Json{{"company_id", company_id_}}.dump(), "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("project"));
    res = client_->Post("/rest/v1.0/projects", auth_, Json{{"project", {{"name", "X"}}}}.dump(),
                        "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("company_id"));
    res = client_->Post("/rest/v1.0/projects", auth_, "{oops", "application/json");
    EXPECT_EQ(res->status, 400);
    res = client_->Get("/rest/v1.0/projects", auth_);
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("company_id is required"));
    res = client_->Get("/rest/v1.0/projects?company_id=abc", auth_);
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("positive whole number"));
}

TEST_F(ProjectsTest, TokenAndCompanyChecks) {
    EXPECT_EQ(client_->Get("/rest/v1.0/projects?" + CompanyQuery())->status, 401);
    EXPECT_EQ(client_->Get("/rest/v1.1/projects?" + CompanyQuery())->status, 401);
    EXPECT_EQ(client_->Get("/rest/v1.0/projects/1?" + CompanyQuery())->status, 401);
    EXPECT_EQ(client_->Post("/rest/v1.0/projects", "{}", "application/json")->status, 401);
    EXPECT_EQ(client_->Patch("/rest/v1.0/projects/1", "{}", "application/json")->status, 401);
    EXPECT_EQ(client_->Patch("/rest/v1.0/projects/sync", "{}", "application/json")->status, 401);
    const auto res = client_->Get(CompanyPath("v1.0", "/projects"));
    EXPECT_EQ(res->status, 401);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    // company_id naming another company than the header.
    const RecordId other = AddInstalledCompany();
    EXPECT_EQ(client_->Get("/rest/v1.0/projects?company_id=" + std::to_string(other), auth_)
                  ->status,
              403);
    EXPECT_EQ(client_->Get("/rest/v1.0/companies/" + std::to_string(other) + "/projects", auth_)
                  ->status,
              403);
}

TEST_F(ProjectsTest, ShowIs404ForUnknownAndOtherCompanysProjects) {
    auto res = Show(12345);
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    const RecordId other = AddInstalledCompany();
    const httplib::Headers other_auth = {{"Authorization", auth_.find("Authorization")->second},
                                         {"Procore-Company-Id", std::to_string(other)}};
    res = client_->Post("/rest/v1.0/projects", other_auth,
                        Json{{"company_id", other}, {"project", {{"name", "Theirs"}}}}.dump(),
                        "application/json");
    ASSERT_EQ(res->status, 201) << res->body;
    const RecordId theirs = BodyOf(res)["id"];
    EXPECT_EQ(Show(theirs)->status, 404);
    EXPECT_EQ(PatchProject(theirs, {{"name", "Mine now"}})->status, 404);
    EXPECT_EQ(List("v1.0"), Json::array());
}

TEST_F(ProjectsTest, ShowMinimalViewIsASubset) {
    const Json p = CreateProject({{"name", "Mini"}, {"project_number", "M-1"}, {"phone", "555"}});
    const Json minimal = BodyOf(Show(p["id"], "&view=minimal"));
    EXPECT_EQ(minimal["name"], "Mini");
    EXPECT_EQ(minimal["project_number"], "M-1");
    EXPECT_TRUE(minimal.contains("country_code"));
    EXPECT_FALSE(minimal.contains("phone"));
    EXPECT_LT(minimal.size(), p.size());
}

TEST_F(ProjectsTest, OriginIdIsUniquePerCompanyWith409) {
    const Json first = CreateProject({{"name", "A"}, {"origin_id", "erp-1"}});
    auto res = PostProject({{"name", "B"}, {"origin_id", "erp-1"}});
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(BodyOf(res)["errors"]["origin_id"][0], "has already been taken");
    const Json second = CreateProject({{"name", "B"}, {"origin_id", "erp-2"}});
    res = PatchProject(second["id"], {{"origin_id", "erp-1"}});
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(PatchProject(first["id"], {{"origin_id", "erp-1"}})->status, 200);
    // An inactive project keeps its origin_id.
    ASSERT_EQ(PatchProject(first["id"], {{"active", false}})->status, 200);
    EXPECT_EQ(PostProject({{"name", "C"}, {"origin_id", "erp-1"}})->status, 409);
    // Another company may use the same origin_id.
    const RecordId other = AddInstalledCompany();
    const httplib::Headers other_auth = {{"Authorization", auth_.find("Authorization")->second},
                                         {"Procore-Company-Id", std::to_string(other)}};
    res = client_->Post("/rest/v1.0/projects", other_auth,
                        Json{{"company_id", other},
                             {"project", {{"name", "Theirs"}, {"origin_id", "erp-1"}}}}
                            .dump(),
                        "application/json");
    EXPECT_EQ(res->status, 201) << res->body;
}

TEST_F(ProjectsTest, UpdateChangesFieldsAndMovesUpdatedAtOnlyOnChange) {
    const Json p = CreateProject({{"name", "Old"}, {"project_number", "7"}});
    const RecordId id = p["id"];
    AdvanceClock(10);
    auto res = PatchProject(id, {{"name", "New"},
                                 {"city", "Austin"},
                                 {"time_zone", "America/Chicago"},
                                 {"completion_date", "2027-01-31"},
                                 {"estimated_value", "250.5"}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json updated = BodyOf(res);
    EXPECT_EQ(updated["name"], "New");
    EXPECT_EQ(updated["display_name"], "7 - New");
    EXPECT_EQ(updated["city"], "Austin");
    EXPECT_EQ(updated["tz_name"], "America/Chicago");
    EXPECT_EQ(updated["completion_date"], "2027-01-31");
    EXPECT_EQ(updated["total_value"], "250.5");
    EXPECT_GT(updated["updated_at"].get<std::string>(), p["updated_at"].get<std::string>());
    EXPECT_EQ(updated["created_at"], p["created_at"]);
    AdvanceClock(10);
    res = PatchProject(id, {{"name", "New"}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["updated_at"], updated["updated_at"]);
    // Clearing a date.
    res = PatchProject(id, {{"completion_date", nullptr}});
    EXPECT_TRUE(BodyOf(res)["completion_date"].is_null());
}

TEST_F(ProjectsTest, UpdateValidatesAndAnswers404ForUnknown) {
    const RecordId id = CreateProject({{"name", "P"}})["id"];
    auto res = PatchProject(id, {{"name", ""}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["name"][0], "can't be blank");
    res = PatchProject(id, {{"start_date", "2026-13-01"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("start_date"));
    res = PatchProject(id, {{"time_zone", "Nowhere"}});
    EXPECT_EQ(res->status, 422);
    res = PatchProject(999, {{"name", "X"}});
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    res = client_->Patch("/rest/v1.0/projects/" + std::to_string(id), auth_,
                         Json{{"company_id", company_id_}}.dump(), "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(BodyOf(Show(id))["name"], "P");
}

TEST_F(ProjectsTest, DeactivatedProjectsLeaveTheActiveList) {
    const RecordId a = CreateProject({{"name", "A"}})["id"];
    const RecordId b = CreateProject({{"name", "B"}})["id"];
    const auto res = PatchProject(a, {{"active", false}});
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["active"], false);
    EXPECT_EQ(IdsOf(List("v1.0")), (std::vector<RecordId>{b}));
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[by_status]=Active")), (std::vector<RecordId>{b}));
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[by_status]=Inactive")), (std::vector<RecordId>{a}));
    EXPECT_EQ(IdsOf(List("v1.1", "&filters[by_status]=All")), (std::vector<RecordId>{a, b}));
    EXPECT_EQ(Show(a)->status, 200);  // still shown by id
    const auto bad = client_->Get("/rest/v1.0/projects?" + CompanyQuery() +
                                      "&filters[by_status]=Closed",
                                  auth_);
    EXPECT_EQ(bad->status, 400);
}

TEST_F(ProjectsTest, ListFiltersByIdOriginNameNumberAndTime) {
    const Json a =
        CreateProject({{"name", "North Yard"}, {"origin_id", "o-a"}, {"project_number", "100"}});
    AdvanceClock(2 * 24 * 3600);
    auth_ = Auth();  // the old token expired meanwhile
    const Json b =
        CreateProject({{"name", "South Yard"}, {"origin_id", "o-b"}, {"project_number", "200"}});
    const Json c = CreateProject({{"name", "Depot"}});
    const RecordId ia = a["id"], ib = b["id"], ic = c["id"];
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[id][]=" + std::to_string(ia) + "&filters[id][]=" +
                                     std::to_string(ic))),
              (std::vector<RecordId>{ia, ic}));
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[id]=" + std::to_string(ib))),
              (std::vector<RecordId>{ib}));
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[origin_id]=o-b")), (std::vector<RecordId>{ib}));
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[name]=yard")), (std::vector<RecordId>{ia, ib}));
    EXPECT_EQ(IdsOf(List("v1.1", "&filters[project_number]=200")), (std::vector<RecordId>{ib}));
    const std::string a_day = a["updated_at"].get<std::string>().substr(0, 10);
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[updated_at]=" + a_day + "..." + a_day)),
              (std::vector<RecordId>{ia}));
    const std::string b_at = b["created_at"];
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[created_at]=" + b_at + "...2100-01-01")),
              (std::vector<RecordId>{ib, ic}));
    for (const char* bad : {"&filters[id][]=x", "&filters[updated_at]=today", "&sort=budget"}) {
        const auto res = client_->Get("/rest/v1.0/projects?" + CompanyQuery() + bad, auth_);
        EXPECT_EQ(res->status, 400) << bad;
        EXPECT_TRUE(BodyOf(res).contains("message"));
    }
}

TEST_F(ProjectsTest, ListSortsByNameAndDisplayName) {
    const RecordId c = CreateProject({{"name", "charlie"}, {"project_number", "1"}})["id"];
    const RecordId a = CreateProject({{"name", "Alpha"}, {"project_number", "3"}})["id"];
    const RecordId b = CreateProject({{"name", "bravo"}, {"project_number", "2"}})["id"];
    EXPECT_EQ(IdsOf(List("v1.0")), (std::vector<RecordId>{c, a, b}));
    EXPECT_EQ(IdsOf(List("v1.0", "&sort=name")), (std::vector<RecordId>{a, b, c}));
    EXPECT_EQ(IdsOf(List("v1.0", "&sort=-name")), (std::vector<RecordId>{c, b, a}));
    EXPECT_EQ(IdsOf(List("v1.1", "&sort=display_name")), (std::vector<RecordId>{c, b, a}));
}

TEST_F(ProjectsTest, ListViews) {
    const Json p = CreateProject({{"name", "Viewed"}, {"project_number", "V1"}});
    EXPECT_EQ(
        List("v1.0", "&serializer_view=compact"),
        Json::array({{{"id", p["id"]}, {"name", "Viewed"}, {"display_name", "V1 - Viewed"}}}));
    EXPECT_EQ(List("v1.1", "&view=compact"), Json::array({{{"id", p["id"]}, {"name", "Viewed"}}}));
    const auto res = client_->Get("/rest/v1.1/projects?" + CompanyQuery() + "&view=ids&per_page=5",
                                  auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), Json::array({{{"id", p["id"]}}}));
    EXPECT_EQ(res->get_header_value("Per-Page"), "200000");
    EXPECT_EQ(List("v1.1", "&view=normal"), Json::array({p}));
    EXPECT_EQ(List("v1.1", "&view=extended"), Json::array({p}));
    EXPECT_EQ(List("v1.0"), Json::array({p}));
}

TEST_F(ProjectsTest, PaginationEdgesAndPerPageLimits) {
    auto res = client_->Get("/rest/v1.0/projects?" + CompanyQuery(), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), Json::array());
    EXPECT_EQ(res->get_header_value("Total"), "0");
    EXPECT_EQ(res->get_header_value("Per-Page"), "100");
    std::vector<RecordId> ids;
    for (int i = 0; i < 5; ++i)
        ids.push_back(CreateProject({{"name", "P" + std::to_string(i)}})["id"]);
    res = client_->Get("/rest/v1.0/projects?" + CompanyQuery() + "&per_page=2&page=3", auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(IdsOf(BodyOf(res)), (std::vector<RecordId>{ids[4]}));
    EXPECT_EQ(res->get_header_value("Total"), "5");
    EXPECT_THAT(res->get_header_value("Link"), HasSubstr("rel=\"prev\""));
    EXPECT_THAT(res->get_header_value("Link"), ::testing::Not(HasSubstr("rel=\"next\"")));
    res = client_->Get("/rest/v1.0/projects?" + CompanyQuery() + "&per_page=2", auth_);
    EXPECT_THAT(res->get_header_value("Link"), HasSubstr("page=2>; rel=\"next\""));
    res = client_->Get("/rest/v1.0/projects?" + CompanyQuery() + "&per_page=2&page=4", auth_);
    EXPECT_EQ(BodyOf(res), Json::array());
    res = client_->Get("/rest/v1.0/projects?" + CompanyQuery() + "&per_page=5000", auth_);
    EXPECT_EQ(res->get_header_value("Per-Page"), "1000");
    res = client_->Get("/rest/v1.1/projects?" + CompanyQuery() + "&per_page=5000", auth_);
    EXPECT_EQ(res->get_header_value("Per-Page"), "300");
    EXPECT_EQ(BodyOf(res).size(), 5u);
    res = client_->Get("/rest/v1.1/projects?" + CompanyQuery() + "&per_page=0", auth_);
    EXPECT_EQ(res->status, 400);
}

TEST_F(ProjectsTest, CompanyListNestsTheAddressAndShowsTheStatus) {
    const RecordId a = CreateProject({{"name", "A"}, {"address", "1 Main St"}, {"city", "Reno"},
                                      {"zip", "89501"}, {"state_code", "NV"},
                                      {"country_code", "US"}})["id"];
    const RecordId b = CreateProject({{"name", "B"}, {"active", false}})["id"];
    const auto res = client_->Get(CompanyPath("v1.0", "/projects"), auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    const Json list = BodyOf(res);
    ASSERT_EQ(IdsOf(list), (std::vector<RecordId>{a, b}));
    EXPECT_EQ(list[0]["name"], "A");
    EXPECT_EQ(list[0]["address"], (Json{{"street", "1 Main St"}, {"city", "Reno"},
                                        {"state_code", "NV"}, {"zip", "89501"},
                                        {"country_code", "US"}}));
    EXPECT_EQ(list[0]["status_name"], "Active");
    EXPECT_EQ(list[1]["status_name"], "Inactive");
    EXPECT_TRUE(list[0]["created_by"]["email"].is_string());
}

TEST_F(ProjectsTest, SyncCreatesAndUpdatesByIdAndOriginId) {
    const Json existing = CreateProject({{"name", "Existing"}, {"origin_id", "e-1"}});
    const RecordId existing_id = existing["id"];
    const auto res = Sync(Json::array({
        {{"name", "Fresh"}},                                            // create, no origin
        {{"origin_id", "e-1"}, {"city", "Boise"}},                      // update by origin
        {{"origin_id", "n-1"}, {"name", "New by origin"}},              // create with origin
        {{"id", existing_id}, {"origin_id", "e-2"}},                    // change origin by id
        {{"id", 4242}, {"name", "Ghost"}},                              // unknown id
        {{"name", "Bad date"}, {"start_date", "soon"}},                 // invalid
        {{"project_number", "no name"}},                                // create without name
        {{"origin_id", "n-2"}, {"name", "Coded"}, {"origin_code", "X"}} // origin_code ignored
    }));
    ASSERT_EQ(res->status, 200) << res->body;
    const Json body = BodyOf(res);
    ASSERT_EQ(body["entities"].size(), 5u) << res->body;
    ASSERT_EQ(body["errors"].size(), 3u) << res->body;
    const Json& entities = body["entities"];
    EXPECT_EQ(entities[0]["name"], "Fresh");
    EXPECT_TRUE(entities[0]["origin_id"].is_null());
    EXPECT_EQ(entities[1]["id"], existing_id);
    EXPECT_EQ(entities[1]["city"], "Boise");
    EXPECT_EQ(entities[2]["origin_id"], "n-1");
    EXPECT_NE(entities[2]["id"], existing_id);
    EXPECT_EQ(entities[3]["id"], existing_id);
    EXPECT_EQ(entities[3]["origin_id"], "e-2");
    EXPECT_EQ(entities[3]["city"], "Boise");  // the earlier item's change is kept
    EXPECT_TRUE(entities[4]["origin_code"].is_null());
    const Json& errors = body["errors"];
    EXPECT_EQ(errors[0]["id"], 4242);
    EXPECT_EQ(errors[0]["name"], "Ghost");  // the input is echoed
    EXPECT_EQ(errors[0]["errors"]["id"][0], "Entity with this ID not found");
    EXPECT_TRUE(errors[1]["errors"].contains("start_date"));
    EXPECT_EQ(errors[2]["errors"]["name"][0], "can't be blank");
    EXPECT_FALSE(HasInternalKey(res->body));
    // The stored state agrees.
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[origin_id]=e-2")),
              (std::vector<RecordId>{existing_id}));
    EXPECT_EQ(List("v1.0", "&filters[origin_id]=e-1"), Json::array());
    EXPECT_EQ(List("v1.0").size(), 4u);
}

TEST_F(ProjectsTest, SyncReportsATakenOriginIdPerItem) {
    CreateProject({{"name", "A"}, {"origin_id", "a"}});
    const RecordId b = CreateProject({{"name", "B"}, {"origin_id", "b"}})["id"];
    const auto res = Sync(Json::array({{{"id", b}, {"origin_id", "a"}}, "not an object"}));
    ASSERT_EQ(res->status, 200);
    const Json body = BodyOf(res);
    EXPECT_EQ(body["entities"], Json::array());
    ASSERT_EQ(body["errors"].size(), 2u);
    EXPECT_EQ(body["errors"][0]["errors"]["origin_id"][0], "has already been taken");
    EXPECT_TRUE(body["errors"][1]["errors"].contains("base"));
}

TEST_F(ProjectsTest, SyncTakesAtMost1000ItemsAndNeedsAnUpdatesArray) {
    Json many = Json::array();
    for (int i = 0; i < 1001; ++i) many.push_back({{"name", "P" + std::to_string(i)}});
    auto res = Sync(many);
    EXPECT_EQ(res->status, 422);
    EXPECT_THAT(BodyOf(res)["errors"]["updates"][0].get<std::string>(), HasSubstr("1000"));
    EXPECT_EQ(List("v1.0"), Json::array());
    many.erase(many.size() - 1);
    res = Sync(many);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["entities"].size(), 1000u);
    res = client_->Patch("/rest/v1.0/projects/sync", auth_,
                         Json{{"company_id", company_id_}}.dump(), "application/json");
    EXPECT_EQ(res->status, 400);
    // company_id may come in the query.
    res = client_->Patch("/rest/v1.0/projects/sync?" + CompanyQuery(), auth_,
                         Json{{"updates", Json::array()}}.dump(), "application/json");
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), (Json{{"entities", Json::array()}, {"errors", Json::array()}}));
}

TEST_F(ProjectsTest, ProjectsTheServiceAccountWasNotAddedToAreInvisible) {
    const RecordId hidden = CreateProject({{"name", "Hidden"}, {"origin_id", "h"}})["id"];
    const RecordId shown = CreateProject({{"name", "Shown"}})["id"];
    auto res = SetMember(hidden, R"({"member": false})");
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["member"], false);
    EXPECT_EQ(IdsOf(List("v1.0", "&filters[by_status]=All")), (std::vector<RecordId>{shown}));
    EXPECT_EQ(IdsOf(List("v1.1", "&view=ids")), (std::vector<RecordId>{shown}));
    // The company's list shows every project of the company (an emulator choice).
    EXPECT_EQ(IdsOf(BodyOf(client_->Get(CompanyPath("v1.0", "/projects"), auth_))),
              (std::vector<RecordId>{hidden, shown}));
    EXPECT_EQ(Show(hidden)->status, 404);
    EXPECT_EQ(PatchProject(hidden, {{"name", "Found"}})->status, 404);
    res = Sync(Json::array({{{"id", hidden}, {"name", "Found"}}, {{"origin_id", "h"}}}));
    const Json sync = BodyOf(res);
    EXPECT_EQ(sync["entities"], Json::array());
    EXPECT_EQ(sync["errors"][0]["errors"]["id"][0], "Entity with this ID not found");
    EXPECT_EQ(sync["errors"][1]["errors"]["origin_id"][0], "has already been taken");
    // The saved state keeps the flag; the API never shows it.
    const std::string state = client_->Get("/__emulator/state")->body;
    EXPECT_THAT(state, HasSubstr("\"__service_account_member\":false"));
    ASSERT_EQ(SetMember(hidden, R"({"member": true})")->status, 200);
    res = Show(hidden);
    ASSERT_EQ(res->status, 200);
    EXPECT_FALSE(HasInternalKey(res->body));
    EXPECT_EQ(IdsOf(List("v1.0")), (std::vector<RecordId>{hidden, shown}));
}

TEST_F(ProjectsTest, AStateFileMayMarkMembersExplicitly) {
    const RecordId id = CreateProject({{"name", "Loaded"}})["id"];
    Json state = BodyOf(client_->Get("/__emulator/state"));
    for (Json& company : state["companies"]) {
        for (Json& project : company["projects"]) project["__service_account_member"] = true;
    }
    ASSERT_EQ(client_->Put("/__emulator/state", state.dump(), "application/json")->status, 200);
    const auto res = client_->Get("/rest/v1.0/projects?" + CompanyQuery(), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(IdsOf(BodyOf(res)), (std::vector<RecordId>{id}));
    EXPECT_FALSE(HasInternalKey(res->body));
    EXPECT_FALSE(HasInternalKey(Show(id)->body));
}

TEST_F(ProjectsTest, ServiceAccountSwitchChecksItsInput) {
    const RecordId id = CreateProject({{"name", "P"}})["id"];
    auto res = SetMember(999, R"({"member": false})");
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    res = SetMember(id, R"({"member": "no"})");
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("member"));
    res = SetMember(id, R"({})");
    EXPECT_EQ(res->status, 422);
    res = SetMember(id, "{broken");
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(Show(id)->status, 200);
}

}  // namespace
}  // namespace crewsync::emulator::testing
