// The tool permissions of the application's service account: enforcement per tool and level,
// the harmless probes a client uses to find out what it may do, the admin endpoints, saving
// and resetting them; the company project list; the record of issued tokens.
#include <gmock/gmock.h>

#include <algorithm>

#include "emulator_fixture.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class PermissionsTest : public EmulatorTest {
protected:
    void SetUp() override {
        EmulatorTest::SetUp();
        if (HasFatalFailure()) return;
        token_ = Token();
        auth_ = Auth(token_);
    }

    httplib::Result SetPermissions(const Json& body) {
        return client_->Put("/__emulator/permissions", body.dump(), "application/json");
    }
    // Sets the permissions; fails the test unless 200.
    void Allow(const Json& body) {
        const auto res = SetPermissions(body);
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
    }
    Json Permissions() { return BodyOf(client_->Get("/__emulator/permissions")); }

    std::string Company() const { return "company_id=" + std::to_string(company_id_); }

    RecordId ServiceAccount() {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        return s.state.Clients().at(seed_.client_id).service_account_id;
    }
    // A project of the seeded company, put straight into the state (members by default).
    RecordId AddProject(const std::string& name, bool member = true) {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.NextId();
        Json project = {{"id", id}, {"name", name}, {"active", true}};
        if (!member) project["__service_account_member"] = false;
        s.state.FindCompany(company_id_)->projects.Put(std::move(project));
        return id;
    }

    httplib::Result Send(const std::string& method, const std::string& path,
                         const Json& body = Json()) {
        return Send(method, path, auth_, body);
    }
    httplib::Result Send(const std::string& method, const std::string& path,
                         const httplib::Headers& headers, const Json& body = Json()) {
        const std::string text = body.is_null() ? "" : body.dump();
        if (method == "GET") return client_->Get(path, headers);
        if (method == "POST") return client_->Post(path, headers, text, "application/json");
        if (method == "PUT") return client_->Put(path, headers, text, "application/json");
        if (method == "DELETE") return client_->Delete(path, headers, text, "application/json");
        return client_->Patch(path, headers, text, "application/json");
    }

    // The harmless write probes crewsync uses.
    httplib::Result EmptyUserSync() {
        return Send("PATCH", CompanyPath("v1.3", "/users/sync"), Json{{"updates", Json::array()}});
    }
    httplib::Result EmptyProjectSync() {
        return Send("PATCH", "/rest/v1.0/projects/sync",
                    Json{{"company_id", company_id_}, {"updates", Json::array()}});
    }
    httplib::Result EmptyTimecardEntry() {
        return Send("POST", CompanyPath("v1.0", "/timecard_entries"),
                    Json{{"timecard_entry", Json::object()}});
    }

    static Json EmptySyncAnswer() {
        return Json{{"entities", Json::array()}, {"errors", Json::array()}};
    }
    static std::string Refusal(const std::string& tool, const std::string& level,
                               const std::string& needed) {
        return "The service account's permission for the " + tool + " tool is " + level +
               "; this request needs " + needed;
    }

    std::string token_;
    httplib::Headers auth_;
};

// A read and a write of each tool, with the status each answers when allowed.
struct Probe {
    std::string method;
    std::string path;
    Json body;
    int allowed_status = 200;
};

struct ToolProbes {
    std::string tool;
    Probe read;
    Probe write;
};

TEST_F(PermissionsTest, EverythingIsAllowedByDefault) {
    EXPECT_EQ(Permissions(), (Json{{"client_id", seed_.client_id},
                                   {"directory", "admin"},
                                   {"projects", "admin"},
                                   {"timecards", "admin"},
                                   {"webhooks", "standard"}}));
    EXPECT_EQ(EmptyUserSync()->status, 200);
}

TEST_F(PermissionsTest, EachToolAtEachLevelForAReadAndAWrite) {
    const std::string sa = "/users/" + std::to_string(ServiceAccount());
    const std::vector<ToolProbes> tools = {
        {"directory",
         {"GET", CompanyPath("v1.3", "/users"), Json(), 200},
         {"PATCH", CompanyPath("v1.3", sa), Json{{"user", {{"job_title", "Robot"}}}}, 200}},
        {"projects",
         {"GET", "/rest/v1.1/projects?" + Company(), Json(), 200},
         {"PATCH", "/rest/v1.0/projects/sync",
          Json{{"company_id", company_id_}, {"updates", Json::array()}}, 200}},
        {"timecards",
         {"GET", CompanyPath("v1.0", "/timecard_time_types"), Json(), 200},
         {"POST", CompanyPath("v1.0", "/timecard_entries"),
          Json{{"timecard_entry", Json::object()}}, 422}},
        {"webhooks",
         {"GET", "/rest/v1.0/webhooks/hooks?" + Company(), Json(), 200},
         {"POST", "/rest/v1.0/webhooks/hooks", Json{{"company_id", company_id_}}, 400}},
    };
    // Level → whether a read and a write pass.
    const std::vector<std::tuple<std::string, bool, bool>> levels = {
        {"none", false, false},
        {"read_only", true, false},
        {"standard", true, true},
        {"admin", true, true},
    };
    for (const ToolProbes& probes : tools) {
        for (const auto& [level, reads, writes] : levels) {
            if (probes.tool == "webhooks" && (level == "read_only" || level == "admin")) {
                continue;  // not levels of that tool
            }
            Allow({{probes.tool, level}});
            if (HasFatalFailure()) return;
            for (const auto& [probe, allowed] :
                 {std::pair{&probes.read, reads}, std::pair{&probes.write, writes}}) {
                const auto res = Send(probe->method, probe->path, probe->body);
                ASSERT_TRUE(res);
                EXPECT_EQ(res->status, allowed ? probe->allowed_status : 403)
                    << probes.tool << " " << level << ": " << probe->method << " "
                    << probe->path << " " << res->body;
            }
        }
        Allow({{probes.tool, probes.tool == "webhooks" ? "standard" : "admin"}});
    }
}

TEST_F(PermissionsTest, TheRefusalNamesTheToolTheLevelAndWhatTheRequestNeeds) {
    Allow({{"directory", "read_only"}, {"timecards", "none"}, {"webhooks", "none"}});
    auto res = Send("POST", CompanyPath("v1.0", "/users"), Json{{"user", Json::object()}});
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(BodyOf(res), (Json{{"message", Refusal("Directory", "Read Only", "Standard")}}));
    res = Send("GET", CompanyPath("v1.0", "/timecard_entries"));
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(BodyOf(res)["message"], Refusal("Timecards", "None", "Read Only"));
    res = Send("GET", "/rest/v1.0/webhooks/hooks?" + Company());
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(BodyOf(res)["message"], Refusal("Webhooks", "None", "Standard"));
    // Refusals carry the rate-limit headers like every API answer.
    EXPECT_TRUE(res->has_header("X-Rate-Limit-Remaining"));
}

TEST_F(PermissionsTest, UserSyncNeedsDirectoryAdmin) {
    Allow({{"directory", "standard"}});
    auto res = EmptyUserSync();
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(BodyOf(res)["message"], Refusal("Directory", "Standard", "Admin"));
    // Standard still creates and updates users one at a time.
    res = Send("POST", CompanyPath("v1.3", "/users"),
               Json{{"user", {{"last_name", "Lima"}, {"email_address", "ana@example.test"}}}});
    EXPECT_EQ(res->status, 201) << res->body;
    Allow({{"directory", "admin"}});
    res = EmptyUserSync();
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), EmptySyncAnswer());
}

TEST_F(PermissionsTest, EmptyProbesAnswerWithoutChangingAnything) {
    const std::string before = client_->Get("/__emulator/state")->body;
    auto res = EmptyUserSync();
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), EmptySyncAnswer());
    res = EmptyProjectSync();
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), EmptySyncAnswer());
    AddProject("Harbor Bridge");
    const std::string with_project = client_->Get("/__emulator/state")->body;
    res = EmptyTimecardEntry();
    EXPECT_EQ(res->status, 422) << res->body;
    EXPECT_TRUE(BodyOf(res)["errors"].contains("project_id")) << res->body;
    res = Send("GET", CompanyPath("v1.0", "/timecard_entries"));
    EXPECT_EQ(BodyOf(res), Json::array());
    EXPECT_EQ(client_->Get("/__emulator/state")->body, with_project);
    EXPECT_NE(before, with_project);
}

TEST_F(PermissionsTest, TheCheckComesAfterAuthenticationAndBeforeTheBody) {
    Allow({{"directory", "none"}});
    const std::string sync = CompanyPath("v1.3", "/users/sync");
    EXPECT_EQ(client_->Patch(sync, "{}", "application/json")->status, 401);
    const httplib::Headers bad_token = {{"Authorization", "Bearer nope"},
                                        {"Procore-Company-Id", std::to_string(company_id_)}};
    EXPECT_EQ(Send("PATCH", sync, bad_token, Json::object())->status, 401);
    const httplib::Headers no_company = {{"Authorization", "Bearer " + token_}};
    EXPECT_EQ(Send("PATCH", sync, no_company, Json::object())->status, 400);
    const httplib::Headers unknown_company = {
        {"Authorization", "Bearer " + token_},
        {"Procore-Company-Id", std::to_string(company_id_ + 999)}};
    EXPECT_EQ(Send("PATCH", sync, unknown_company, Json::object())->status, 404);
    // A body the route would refuse is never read.
    const auto res = client_->Patch(sync, auth_, "{broken", "application/json");
    EXPECT_EQ(res->status, 403);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("Directory tool"));
}

TEST_F(PermissionsTest, IdentityCallsAreNeverChecked) {
    Allow({{"directory", "none"}, {"projects", "none"}, {"timecards", "none"},
           {"webhooks", "none"}});
    EXPECT_EQ(Send("GET", "/rest/v1.0/me")->status, 200);
    EXPECT_EQ(Send("GET", "/rest/v1.0/companies")->status, 200);
}

TEST_F(PermissionsTest, EachPathBelongsToItsTool) {
    const RecordId project = AddProject("Tower");
    const std::string in_project = "/rest/v1.0/projects/" + std::to_string(project);
    // Only the timecards tool is allowed: timecard paths under projects and companies pass.
    Allow({{"directory", "none"}, {"projects", "none"}, {"webhooks", "none"}});
    for (const std::string& path :
         {CompanyPath("v1.0", "/timecard_entries"), CompanyPath("v1.0", "/timecard_time_types"),
          CompanyPath("v1.0", "/timesheets"), in_project + "/timecard_entries",
          in_project + "/timesheets"}) {
        const auto res = Send("GET", path);
        EXPECT_EQ(res->status, 200) << path << " " << res->body;
    }
    const auto bulk = Send("POST",
                           "/rest/v1.1/projects/" + std::to_string(project) +
                               "/project_timecard_entries/bulk_create",
                           Json::object());
    EXPECT_EQ(bulk->status, 400) << bulk->body;  // the body is read: the tool allowed it
    // The Directory covers users, people, work classifications and permission templates.
    for (const char* rest :
         {"/users", "/people", "/work_classifications", "/permission_templates"}) {
        const auto res = Send("GET", CompanyPath("v1.0", rest));
        EXPECT_EQ(res->status, 403) << rest;
        EXPECT_THAT(res->body, HasSubstr("Directory tool")) << rest;
    }
    // Projects: the lists, one project and the company's list.
    for (const std::string& path :
         {"/rest/v1.0/projects?" + Company(), "/rest/v1.1/projects?" + Company(),
          in_project + "?" + Company(), CompanyPath("v1.0", "/projects")}) {
        const auto res = Send("GET", path);
        EXPECT_EQ(res->status, 403) << path;
        EXPECT_THAT(res->body, HasSubstr("Projects tool")) << path;
    }
    EXPECT_THAT(Send("GET", "/rest/v1.0/webhooks/resources?" + Company())->body,
                HasSubstr("Webhooks tool"));
}

TEST_F(PermissionsTest, AuthorizationCodeTokensAreBoundToo) {
    auto res = client_->Get("/oauth/authorize?response_type=code&client_id=" + seed_.client_id +
                            "&redirect_uri=urn:ietf:wg:oauth:2.0:oob");
    ASSERT_EQ(res->status, 200) << res->body;
    res = client_->Post("/oauth/token",
                        httplib::Params{{"grant_type", "authorization_code"},
                                        {"code", BodyOf(res)["code"].get<std::string>()},
                                        {"redirect_uri", "urn:ietf:wg:oauth:2.0:oob"},
                                        {"client_id", seed_.client_id},
                                        {"client_secret", seed_.client_secret}});
    ASSERT_EQ(res->status, 200) << res->body;
    const httplib::Headers user_auth = Auth(BodyOf(res)["access_token"].get<std::string>());
    Allow({{"projects", "read_only"}});
    EXPECT_EQ(Send("GET", "/rest/v1.0/projects?" + Company(), user_auth)->status, 200);
    res = Send("PATCH", "/rest/v1.0/projects/sync", user_auth,
               Json{{"company_id", company_id_}, {"updates", Json::array()}});
    EXPECT_EQ(res->status, 403);
}

TEST_F(PermissionsTest, RefusalsCountAgainstTheRateLimit) {
    auto res = client_->Put("/__emulator/rate_limits", R"({"hourly": 2})", "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    Allow({{"directory", "none"}});
    res = Send("GET", CompanyPath("v1.3", "/users"));
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(res->get_header_value("X-Rate-Limit-Remaining"), "1");
    EXPECT_EQ(Send("GET", CompanyPath("v1.3", "/users"))->status, 403);
    EXPECT_EQ(Send("GET", CompanyPath("v1.3", "/users"))->status, 429);
}

TEST_F(PermissionsTest, PutChangesOnlyTheToolsGivenAndAnswersThemAll) {
    auto res = SetPermissions({{"directory", "read_only"}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json expected = {{"client_id", seed_.client_id}, {"directory", "read_only"},
                           {"projects", "admin"},          {"timecards", "admin"},
                           {"webhooks", "standard"}};
    EXPECT_EQ(BodyOf(res), expected);
    res = SetPermissions({{"client_id", seed_.client_id}, {"timecards", "none"}});
    ASSERT_EQ(res->status, 200) << res->body;
    Json now = expected;
    now["timecards"] = "none";
    EXPECT_EQ(BodyOf(res), now);
    EXPECT_EQ(Permissions(), now);
    EXPECT_EQ(BodyOf(client_->Get("/__emulator/permissions?client_id=" + seed_.client_id)), now);
    // An empty body changes nothing and answers the permissions.
    EXPECT_EQ(BodyOf(SetPermissions(Json::object())), now);
}

TEST_F(PermissionsTest, PutRefusesBadInputAndChangesNothing) {
    const Json before = Permissions();
    auto res = client_->Put("/__emulator/permissions", "{broken", "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    res = SetPermissions({{"directory", "none"}, {"payroll", "admin"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("payroll")) << res->body;
    res = SetPermissions({{"directory", "none"}, {"projects", "owner"}});
    EXPECT_EQ(res->status, 422);
    EXPECT_THAT(BodyOf(res)["errors"]["projects"][0].get<std::string>(), HasSubstr("read_only"));
    res = SetPermissions({{"projects", 3}});
    EXPECT_EQ(res->status, 422);
    for (const char* level : {"read_only", "admin"}) {
        res = SetPermissions({{"webhooks", level}});
        EXPECT_EQ(res->status, 422) << level;
        EXPECT_EQ(BodyOf(res)["errors"]["webhooks"][0], "must be none or standard");
    }
    res = SetPermissions({{"client_id", "someone-else"}, {"directory", "none"}});
    EXPECT_EQ(res->status, 404);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("someone-else"));
    res = SetPermissions({{"client_id", 7}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(client_->Get("/__emulator/permissions?client_id=someone-else")->status, 404);
    EXPECT_EQ(Permissions(), before);
}

TEST_F(PermissionsTest, PermissionsAreSavedWithTheStateAndLoadedBack) {
    Allow({{"directory", "read_only"}, {"webhooks", "none"}});
    const std::string saved = client_->Get("/__emulator/state")->body;
    const Json state = Json::parse(saved);
    EXPECT_EQ(state["clients"][0]["permissions"],
              (Json{{"directory", "read_only"}, {"projects", "admin"}, {"timecards", "admin"},
                    {"webhooks", "none"}}));
    Allow({{"directory", "admin"}, {"webhooks", "standard"}});
    ASSERT_EQ(client_->Put("/__emulator/state", saved, "application/json")->status, 200);
    EXPECT_EQ(Permissions()["directory"], "read_only");
    EXPECT_EQ(Permissions()["webhooks"], "none");
    EXPECT_EQ(EmptyUserSync()->status, 403);

    // A document from before permissions existed allows everything.
    Json old = state;
    old["clients"][0].erase("permissions");
    ASSERT_EQ(client_->Put("/__emulator/state", old.dump(), "application/json")->status, 200);
    EXPECT_EQ(Permissions()["directory"], "admin");
    // A malformed one is refused and changes nothing.
    Json bad = state;
    bad["clients"][0]["permissions"]["directory"] = "superuser";
    const auto res = client_->Put("/__emulator/state", bad.dump(), "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("permissions"));
    EXPECT_EQ(Permissions()["directory"], "admin");
}

TEST_F(PermissionsTest, ResetRestoresTheSeededPermissions) {
    const Json seeded = Permissions();
    Allow({{"directory", "none"}, {"projects", "read_only"}, {"timecards", "standard"}});
    ASSERT_EQ(client_->Post("/__emulator/reset", "", "application/json")->status, 200);
    EXPECT_EQ(Permissions(), seeded);
    EXPECT_EQ(Send("GET", CompanyPath("v1.3", "/users"), Auth())->status, 200);
}

TEST_F(PermissionsTest, TheCompanyProjectListIncludesProjectsTheServiceAccountIsNotIn) {
    const RecordId member = AddProject("Member");
    const RecordId outsider = AddProject("Outsider", false);
    const auto ids_of = [](const Json& list) {
        std::vector<RecordId> ids;
        for (const Json& item : list) ids.push_back(item["id"].get<RecordId>());
        return ids;
    };
    auto res = Send("GET", CompanyPath("v1.0", "/projects"));
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(ids_of(BodyOf(res)), (std::vector<RecordId>{member, outsider}));
    EXPECT_THAT(res->body, Not(HasSubstr("__service_account_member")));
    res = Send("GET", "/rest/v1.1/projects?" + Company());
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(ids_of(BodyOf(res)), (std::vector<RecordId>{member}));
    res = Send("GET", "/rest/v1.0/projects?" + Company());
    EXPECT_EQ(ids_of(BodyOf(res)), (std::vector<RecordId>{member}));
}

TEST_F(PermissionsTest, IssuedTokensKeepsRefreshedAndRevokedTokens) {
    const std::string client_token = Token();
    auto res = client_->Get("/oauth/authorize?response_type=code&client_id=" + seed_.client_id +
                            "&redirect_uri=urn:ietf:wg:oauth:2.0:oob");
    ASSERT_EQ(res->status, 200) << res->body;
    const httplib::Params credentials = {{"client_id", seed_.client_id},
                                         {"client_secret", seed_.client_secret}};
    httplib::Params exchange = credentials;
    exchange.insert({{"grant_type", "authorization_code"},
                     {"code", BodyOf(res)["code"].get<std::string>()},
                     {"redirect_uri", "urn:ietf:wg:oauth:2.0:oob"}});
    res = client_->Post("/oauth/token", exchange);
    ASSERT_EQ(res->status, 200) << res->body;
    const Json first = BodyOf(res);
    httplib::Params refresh = credentials;
    refresh.insert({{"grant_type", "refresh_token"},
                    {"refresh_token", first["refresh_token"].get<std::string>()}});
    res = client_->Post("/oauth/token", refresh);
    ASSERT_EQ(res->status, 200) << res->body;
    const Json second = BodyOf(res);
    res = client_->Post("/oauth/revoke",
                        httplib::Params{{"token", second["access_token"].get<std::string>()}});
    ASSERT_EQ(res->status, 200);
    ASSERT_EQ(client_->Post("/__emulator/reset", "", "application/json")->status, 200);

    const std::vector<std::string> issued = emulator_.services().IssuedTokens();
    for (const std::string& token :
         {client_token, first["access_token"].get<std::string>(),
          first["refresh_token"].get<std::string>(), second["access_token"].get<std::string>(),
          second["refresh_token"].get<std::string>()}) {
        EXPECT_THAT(issued, Contains(token));
    }
    // The fixture's own token of SetUp is there too, and nothing but tokens.
    EXPECT_EQ(issued.size(), 6u);
    EXPECT_TRUE(std::all_of(issued.begin(), issued.end(),
                            [](const std::string& token) { return token.size() == 64; }));
}

}  // namespace
}  // namespace crewsync::emulator::testing
