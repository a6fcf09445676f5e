// Webhooks v1.0 over HTTP: hooks, triggers, resources, deliveries, and delivery itself to a
// small receiver running in the test.
#include <gmock/gmock.h>

#include <chrono>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "emulator/webhook_store.hpp"
#include "emulator_fixture.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using namespace std::chrono_literals;

// A webhook destination: records every POST and answers with the statuses it is told to (200
// once they run out).
class Receiver {
public:
    struct Call {
        std::string path;
        std::string authorization;
        std::string content_type;
        Json body;
        std::chrono::steady_clock::time_point at;
    };

    Receiver() {
        server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            calls_.push_back({req.path, req.get_header_value("Authorization"),
                              req.get_header_value("Content-Type"),
                              Json::parse(req.body, nullptr, false),
                              std::chrono::steady_clock::now()});
            int status = 200;
            if (!statuses_.empty()) {
                status = statuses_.front();
                statuses_.pop_front();
            } else if (always_ != 0) {
                status = always_;
            }
            res.status = status;
            res.set_header("X-Receiver", "test");
            res.set_content(status < 300 ? R"({"received":true})" : R"({"error":"boom"})",
                            "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~Receiver() {
        server_.stop();
        thread_.join();
    }

    std::string Url(const std::string& path = "/procore/events") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    void AnswerNext(std::vector<int> statuses) {
        std::lock_guard lock(mutex_);
        statuses_.assign(statuses.begin(), statuses.end());
    }
    void AnswerAlways(int status) {
        std::lock_guard lock(mutex_);
        always_ = status;
    }
    std::vector<Call> Calls() const {
        std::lock_guard lock(mutex_);
        return calls_;
    }
    // Waits until at least `count` calls arrived; false after `timeout`.
    bool WaitFor(std::size_t count, std::chrono::milliseconds timeout = 5s) const {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            if (Calls().size() >= count) return true;
            std::this_thread::sleep_for(5ms);
        }
        return false;
    }

private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    mutable std::mutex mutex_;
    std::vector<Call> calls_;
    std::deque<int> statuses_;
    int always_ = 0;
};

EmulatorOptions FastRetries(std::chrono::milliseconds give_up = 60s, double duplicates = 0) {
    EmulatorOptions options;
    options.webhook_first_retry = 50ms;
    options.webhook_max_retry = 200ms;
    options.webhook_give_up = give_up;
    options.webhook_duplicate_share = duplicates;
    return options;
}

class WebhooksTest : public EmulatorTest {
protected:
    explicit WebhooksTest(EmulatorOptions options = FastRetries())
        : EmulatorTest(std::move(options)) {}

    void SetUp() override {
        EmulatorTest::SetUp();
        auth_ = Auth();
    }

    std::string Company() const { return "company_id=" + std::to_string(company_id_); }

    // A project of the seeded company, put straight into the state.
    RecordId AddProject() {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.NextId();
        s.state.FindCompany(company_id_)->projects.Put(Json{{"id", id}, {"name", "Tower"}});
        return id;
    }

    Json CreateHook(const Json& scope, const std::string& url, const std::string& api = "v2",
                    const std::string& authorization = "Bearer secret-abcde") {
        Json body = scope;
        body["hook"] = {{"api_version", api},
                        {"namespace", "crewsync-test"},
                        {"destination_url", url},
                        {"destination_headers", {{"Authorization", authorization}}}};
        const auto res = client_->Post("/rest/v1.0/webhooks/hooks", auth_, body.dump(),
                                       "application/json");
        EXPECT_EQ(res->status, 201) << res->body;
        return BodyOf(res);
    }
    Json CompanyScope() const { return Json{{"company_id", company_id_}}; }

    httplib::Result PostTrigger(RecordId hook_id, const std::string& resource,
                                const std::string& event_type, Json scope = Json()) {
        Json body = scope.is_null() ? CompanyScope() : scope;
        body["api_version"] = "v2";
        body["trigger"] = {{"resource_name", resource}, {"event_type", event_type}};
        return client_->Post("/rest/v1.0/webhooks/hooks/" + std::to_string(hook_id) + "/triggers",
                             auth_, body.dump(), "application/json");
    }
    Json CreateTrigger(RecordId hook_id, const std::string& resource,
                       const std::string& event_type, Json scope = Json()) {
        const auto res = PostTrigger(hook_id, resource, event_type, std::move(scope));
        EXPECT_EQ(res->status, 201) << res->body;
        return BodyOf(res);
    }

    // A change as a route would record it.
    void Change(const std::string& resource, const std::string& event_type, RecordId resource_id,
                RecordId project_id = 0, RecordId company_id = 0) {
        ChangeEvent event;
        event.resource_name = resource;
        event.event_type = event_type;
        event.company_id = company_id ? company_id : company_id_;
        event.project_id = project_id;
        event.resource_id = resource_id;
        event.user_id = 42;
        event.at = emulator_.services().clock.Now();
        emulator_.services().changes.Add(event);
    }

    Json Deliveries(RecordId hook_id, const std::string& query = "") {
        const auto res = client_->Get("/rest/v1.0/webhooks/hooks/" + std::to_string(hook_id) +
                                          "/deliveries?" + Company() + query,
                                      auth_);
        EXPECT_EQ(res->status, 200) << res->body;
        return BodyOf(res);
    }
    // Polls the deliveries until `count` are recorded.
    Json WaitForDeliveries(RecordId hook_id, std::size_t count, const std::string& query = "") {
        Json out;
        const auto end = std::chrono::steady_clock::now() + 5s;
        do {
            out = Deliveries(hook_id, query);
            if (out.size() >= count) break;
            std::this_thread::sleep_for(10ms);
        } while (std::chrono::steady_clock::now() < end);
        return out;
    }
    static std::vector<std::string> Outcomes(const Json& deliveries) {
        std::vector<std::string> out;
        for (const Json& d : deliveries) out.push_back(d["outcome"]);
        return out;
    }

    httplib::Headers auth_;
    Receiver receiver_;
};

// --- hooks -------------------------------------------------------------------------------

TEST_F(WebhooksTest, CreateHookAnswersTheHookWithItsAuthorizationMasked) {
    const Json hook = CreateHook(CompanyScope(), receiver_.Url(), "v2", "Bearer token-12345");
    EXPECT_TRUE(hook["id"].is_number_integer());
    EXPECT_EQ(hook["api_version"], "v2");
    EXPECT_EQ(hook["namespace"], "crewsync-test");
    EXPECT_EQ(hook["destination_url"], receiver_.Url());
    EXPECT_EQ(hook["destination_headers"]["Authorization"], "****12345");
    EXPECT_EQ(hook["owned_by_company_id"], company_id_);
    EXPECT_TRUE(hook["owned_by_project_id"].is_null());
    EXPECT_TRUE(hook["owned_by_user_id"].is_number_integer());

    const auto res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company(), auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    const Json list = BodyOf(res);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0], hook);
}

TEST_F(WebhooksTest, HookListFiltersByNamespaceAndApiVersionAndIsEmptyWithoutHooks) {
    auto res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company(), auth_);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), Json::array());
    CreateHook(CompanyScope(), receiver_.Url(), "v2");
    Json other = CompanyScope();
    other["hook"] = {{"api_version", "v3.0"},
                     {"namespace", "another-app"},
                     {"destination_url", receiver_.Url()}};
    res = client_->Post("/rest/v1.0/webhooks/hooks", auth_, other.dump(), "application/json");
    ASSERT_EQ(res->status, 201) << res->body;
    EXPECT_EQ(BodyOf(res)["destination_headers"], Json::object());

    res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company() + "&namespace=another-app",
                       auth_);
    Json list = BodyOf(res);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["namespace"], "another-app");
    res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company() + "&api_version=v2", auth_);
    list = BodyOf(res);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["namespace"], "crewsync-test");
    res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company(), auth_);
    EXPECT_EQ(BodyOf(res).size(), 2u);
}

TEST_F(WebhooksTest, CreateHookRefusesBadNamespaceUrlAndApiVersionWith422) {
    const auto post = [&](const Json& hook) {
        Json body = CompanyScope();
        body["hook"] = hook;
        return client_->Post("/rest/v1.0/webhooks/hooks", auth_, body.dump(),
                             "application/json");
    };
    const Json good = {{"api_version", "v2"},
                       {"namespace", "crewsync-1"},
                       {"destination_url", receiver_.Url()}};
    const auto expect_invalid = [&](const char* key, const Json& value, const char* field) {
        Json hook = good;
        if (value.is_null()) {
            hook.erase(key);
        } else {
            hook[key] = value;
        }
        const auto res = post(hook);
        EXPECT_EQ(res->status, 422) << key << " " << value << ": " << res->body;
        EXPECT_TRUE(BodyOf(res)["errors"][field].is_array()) << res->body;
    };
    expect_invalid("namespace", "CrewSync", "namespace");
    expect_invalid("namespace", "crew sync", "namespace");
    expect_invalid("namespace", "crew_sync", "namespace");
    expect_invalid("namespace", nullptr, "namespace");
    expect_invalid("destination_url", "ftp://example.test/hook", "destination_url");
    expect_invalid("destination_url", "example.test/hook", "destination_url");
    expect_invalid("destination_url", nullptr, "destination_url");
    expect_invalid("api_version", "v1", "api_version");
    expect_invalid("api_version", nullptr, "api_version");
    expect_invalid("destination_headers", "Bearer x", "destination_headers");
    EXPECT_EQ(post(good)->status, 201);
    Json https = good;
    https["destination_url"] = "https://hooks.example.test/procore";
    EXPECT_EQ(post(https)->status, 201);
}

TEST_F(WebhooksTest, CallsNeedATokenAScopeAndTheCallersCompany) {
    auto res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company());
    EXPECT_EQ(res->status, 401);
    EXPECT_TRUE(BodyOf(res).contains("message"));
    res = client_->Get("/rest/v1.0/webhooks/hooks", auth_);
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("company_id or project_id"));
    res = client_->Get("/rest/v1.0/webhooks/hooks?company_id=" + std::to_string(company_id_ + 999),
                       auth_);
    EXPECT_EQ(res->status, 403);
    res = client_->Get("/rest/v1.0/webhooks/hooks?project_id=123", auth_);
    EXPECT_EQ(res->status, 404);
    res = client_->Get("/rest/v1.0/webhooks/hooks?company_id=abc", auth_);
    EXPECT_EQ(res->status, 400);
    res = client_->Post("/rest/v1.0/webhooks/hooks", auth_, "{not json", "application/json");
    EXPECT_EQ(res->status, 400);
    res = client_->Post("/rest/v1.0/webhooks/hooks", auth_, CompanyScope().dump(),
                        "application/json");
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("hook"));
    res = client_->Get("/rest/v1.0/webhooks/resources?" + Company());
    EXPECT_EQ(res->status, 401);
}

TEST_F(WebhooksTest, PatchChangesAHookAndDeleteRemovesIt) {
    const Json hook = CreateHook(CompanyScope(), receiver_.Url());
    const std::string path = "/rest/v1.0/webhooks/hooks/" + hook["id"].dump();
    Json body = CompanyScope();
    body["hook"] = {{"destination_url", receiver_.Url("/other")},
                    {"destination_headers", {{"Authorization", "Bearer new-zyxwv"}}}};
    auto res = client_->Patch(path, auth_, body.dump(), "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    Json patched = BodyOf(res);
    EXPECT_EQ(patched["destination_url"], receiver_.Url("/other"));
    EXPECT_EQ(patched["destination_headers"]["Authorization"], "****zyxwv");
    EXPECT_EQ(patched["namespace"], "crewsync-test");  // untouched

    body["hook"] = {{"namespace", "Not Valid"}};
    res = client_->Patch(path, auth_, body.dump(), "application/json");
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"]["namespace"].is_array());
    res = client_->Patch("/rest/v1.0/webhooks/hooks/999", auth_, body.dump(), "application/json");
    EXPECT_EQ(res->status, 404);

    res = client_->Delete(path + "?" + Company(), auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["id"], hook["id"]);
    res = client_->Delete(path + "?" + Company(), auth_);
    EXPECT_EQ(res->status, 404);
    res = client_->Get(path + "/triggers?" + Company(), auth_);
    EXPECT_EQ(res->status, 404);
    res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company(), auth_);
    EXPECT_EQ(BodyOf(res), Json::array());
}

TEST_F(WebhooksTest, ProjectHooksAreReachedThroughTheirProjectOrTheCompany) {
    const RecordId project_id = AddProject();
    const Json project_scope = {{"project_id", project_id}};
    const Json project_hook = CreateHook(project_scope, receiver_.Url());
    EXPECT_EQ(project_hook["owned_by_project_id"], project_id);
    const Json company_hook = CreateHook(CompanyScope(), receiver_.Url());

    auto res = client_->Get("/rest/v1.0/webhooks/hooks?project_id=" + std::to_string(project_id),
                            auth_);
    Json list = BodyOf(res);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["id"], project_hook["id"]);
    res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company(), auth_);
    list = BodyOf(res);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["id"], company_hook["id"]);

    // The company reaches the project's hook; the project does not reach the company's.
    res = client_->Get("/rest/v1.0/webhooks/hooks/" + project_hook["id"].dump() + "/triggers?" +
                           Company(),
                       auth_);
    EXPECT_EQ(res->status, 200);
    res = client_->Get("/rest/v1.0/webhooks/hooks/" + company_hook["id"].dump() +
                           "/triggers?project_id=" + std::to_string(project_id),
                       auth_);
    EXPECT_EQ(res->status, 404);
}

// --- triggers and resources ----------------------------------------------------------------

TEST_F(WebhooksTest, TriggersAreCreatedListedAndDeleted) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    const Json trigger = CreateTrigger(hook_id, "Company Users", "update");
    EXPECT_TRUE(trigger["id"].is_number_integer());
    EXPECT_EQ(trigger["webhook_hook_id"], hook_id);
    EXPECT_EQ(trigger["resource_name"], "Company Users");
    EXPECT_TRUE(trigger["resource_id"].is_null());
    EXPECT_EQ(trigger["event_type"], "update");
    EXPECT_EQ(trigger["company_id"], company_id_);
    EXPECT_TRUE(trigger["project_id"].is_null());
    EXPECT_TRUE(trigger["user_id"].is_number_integer());
    // Upper case is read as lower case.
    EXPECT_EQ(CreateTrigger(hook_id, "Projects", "CREATE")["event_type"], "create");

    const std::string path = "/rest/v1.0/webhooks/hooks/" + std::to_string(hook_id) + "/triggers";
    auto res = client_->Get(path + "?" + Company(), auth_);
    ASSERT_EQ(res->status, 200);
    Json list = BodyOf(res);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0], trigger);

    res = client_->Delete(path + "/" + trigger["id"].dump() + "?" + Company(), auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["id"], trigger["id"]);
    res = client_->Delete(path + "/" + trigger["id"].dump() + "?" + Company(), auth_);
    EXPECT_EQ(res->status, 404);
    res = client_->Get(path + "?" + Company(), auth_);
    EXPECT_EQ(BodyOf(res).size(), 1u);
    EXPECT_EQ(PostTrigger(999, "Projects", "update")->status, 404);
}

TEST_F(WebhooksTest, TriggersRefuseUnknownResourcesEventTypesAndDuplicates) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    const auto expect_invalid = [&](const std::string& resource, const std::string& event_type,
                                    const char* field) {
        const auto res = PostTrigger(hook_id, resource, event_type);
        EXPECT_EQ(res->status, 422) << resource << "/" << event_type << ": " << res->body;
        EXPECT_TRUE(BodyOf(res)["errors"][field].is_array()) << res->body;
    };
    expect_invalid("RFIs", "create", "resource_name");
    expect_invalid("", "create", "resource_name");
    expect_invalid("Company Users", "destroy", "event_type");
    CreateTrigger(hook_id, "Timecard Entries", "delete");
    expect_invalid("Timecard Entries", "delete", "event_type");  // already there

    Json body = CompanyScope();
    const auto res = client_->Post(
        "/rest/v1.0/webhooks/hooks/" + std::to_string(hook_id) + "/triggers", auth_, body.dump(),
        "application/json");
    EXPECT_EQ(res->status, 400);

    // A project hook offers project-level resources only.
    const RecordId project_id = AddProject();
    const Json project_scope = {{"project_id", project_id}};
    const RecordId project_hook = CreateHook(project_scope, receiver_.Url())["id"];
    EXPECT_EQ(PostTrigger(project_hook, "Company Users", "update", project_scope)->status, 422);
    const Json trigger = CreateTrigger(project_hook, "Timecard Entries", "create", project_scope);
    EXPECT_EQ(trigger["project_id"], project_id);
    EXPECT_TRUE(trigger["company_id"].is_null());
}

TEST_F(WebhooksTest, ResourcesListWhatTheEmulatorReports) {
    auto res = client_->Get("/rest/v1.0/webhooks/resources?" + Company(), auth_);
    ASSERT_EQ(res->status, 200) << res->body;
    std::vector<std::string> names;
    for (const Json& resource : BodyOf(res)) {
        names.push_back(resource["resource_name"]);
        for (const char* key : {"api_version", "product_category", "tools"}) {
            EXPECT_TRUE(resource[key].is_string()) << key;
        }
        EXPECT_TRUE(resource["except"].is_array());
        EXPECT_EQ(resource["except"], Json::array());
        EXPECT_EQ(resource["create"], "create");
        EXPECT_EQ(resource["update"], "update");
        EXPECT_EQ(resource["delete"], "delete");
    }
    EXPECT_THAT(names, IsSupersetOf({"Company Users", "Company People", "Projects",
                                     "Timecard Entries", "Work Classifications"}));

    const RecordId project_id = AddProject();
    res = client_->Get("/rest/v1.0/webhooks/resources?project_id=" + std::to_string(project_id),
                       auth_);
    ASSERT_EQ(res->status, 200);
    names.clear();
    for (const Json& resource : BodyOf(res)) names.push_back(resource["resource_name"]);
    EXPECT_THAT(names, ElementsAre("Timecard Entries", "Timesheets"));
}

// --- delivery --------------------------------------------------------------------------------

TEST_F(WebhooksTest, AnEventIsPostedWithThePayloadAndTheHooksAuthorization) {
    const RecordId hook_id =
        CreateHook(CompanyScope(), receiver_.Url(), "v2", "Bearer receiver-secret")["id"];
    CreateTrigger(hook_id, "Company Users", "update");
    Change("Company Users", "update", 777);
    ASSERT_TRUE(receiver_.WaitFor(1));
    const Receiver::Call call = receiver_.Calls()[0];
    EXPECT_EQ(call.path, "/procore/events");
    EXPECT_EQ(call.authorization, "Bearer receiver-secret");
    EXPECT_THAT(call.content_type, HasSubstr("application/json"));
    const Json& event = call.body;
    ASSERT_TRUE(event.is_object());
    EXPECT_TRUE(event["id"].is_number_integer());
    EXPECT_GT(event["id"].get<std::int64_t>(), std::int64_t{1} << 53);
    ASSERT_TRUE(event["ulid"].is_string());
    EXPECT_THAT(event["ulid"].get<std::string>(),
                ::testing::MatchesRegex("[0-7][0-9A-HJKMNP-TV-Z]{25}"));  // Crockford base32
    EXPECT_THAT(event["timestamp"].get<std::string>(),
                ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                                        "\\.[0-9]{6}Z"));
    EXPECT_EQ(event["user_id"], 42);
    EXPECT_EQ(event["company_id"], company_id_);
    EXPECT_TRUE(event["project_id"].is_null());
    EXPECT_EQ(event["api_version"], "v2.0");
    EXPECT_EQ(event["event_type"], "update");
    EXPECT_EQ(event["resource_name"], "Company Users");
    EXPECT_EQ(event["resource_id"], 777);
    const Json& metadata = event["metadata"];
    EXPECT_EQ(metadata["source_user_id"], 42);
    EXPECT_EQ(metadata["source_company_id"], company_id_);
    EXPECT_TRUE(metadata["source_project_id"].is_null());
    EXPECT_TRUE(metadata.contains("source_operation_id"));
    EXPECT_TRUE(metadata["source_operation_id"].is_null());
    EXPECT_TRUE(metadata.contains("source_application_id"));
    EXPECT_FALSE(event.contains("related_resources"));

    const Json deliveries = WaitForDeliveries(hook_id, 1);
    ASSERT_EQ(deliveries.size(), 1u);
    const Json& delivery = deliveries[0];
    EXPECT_EQ(delivery["outcome"], "ok");
    EXPECT_EQ(delivery["event_id"], event["id"]);
    EXPECT_EQ(delivery["event"], event);
    EXPECT_EQ(delivery["response_status"], 200);
    EXPECT_EQ(delivery["response_headers"]["X-Receiver"], "test");
    EXPECT_EQ(delivery["response_body"], R"({"received":true})");
    EXPECT_TRUE(delivery["response_error"].is_null());
    EXPECT_TRUE(delivery["started_at"].is_string());
    EXPECT_TRUE(delivery["completed_at"].is_string());
}

TEST_F(WebhooksTest, V3HooksGetRelatedResources) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url(), "v3.0")["id"];
    CreateTrigger(hook_id, "Projects", "create");
    Change("Projects", "create", 5, 5);
    ASSERT_TRUE(receiver_.WaitFor(1));
    const Json event = receiver_.Calls()[0].body;
    EXPECT_EQ(event["api_version"], "v3.0");
    EXPECT_EQ(event["related_resources"], Json::array());
    EXPECT_EQ(event["project_id"], 5);
}

TEST_F(WebhooksTest, EventsWithoutAMatchingTriggerAreNotDeliveredAndTheFeedIsDrained) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(hook_id, "Company Users", "update");
    Change("Company Users", "create", 1);                 // other event type
    Change("Projects", "update", 2, 2);                   // other resource
    Change("Company Users", "update", 3, 0, 987654321);   // other company
    Change("Company Users", "update", 4);                 // this one
    ASSERT_TRUE(receiver_.WaitFor(1));
    std::this_thread::sleep_for(100ms);
    const auto calls = receiver_.Calls();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].body["resource_id"], 4);
    EXPECT_TRUE(emulator_.services().changes.Take().empty());
}

TEST_F(WebhooksTest, ProjectHooksGetTheirProjectsEventsAndCompanyHooksAll) {
    Receiver project_receiver;
    const RecordId project_id = AddProject();
    const Json project_scope = {{"project_id", project_id}};
    const RecordId project_hook = CreateHook(project_scope, project_receiver.Url())["id"];
    CreateTrigger(project_hook, "Timecard Entries", "create", project_scope);
    const RecordId company_hook = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(company_hook, "Timecard Entries", "create");

    Change("Timecard Entries", "create", 10, project_id + 1);  // another project
    Change("Timecard Entries", "create", 11, project_id);
    ASSERT_TRUE(receiver_.WaitFor(2));
    ASSERT_TRUE(project_receiver.WaitFor(1));
    std::this_thread::sleep_for(100ms);
    ASSERT_EQ(project_receiver.Calls().size(), 1u);
    EXPECT_EQ(project_receiver.Calls()[0].body["resource_id"], 11);
    EXPECT_EQ(project_receiver.Calls()[0].body["project_id"], project_id);
    ASSERT_EQ(receiver_.Calls().size(), 2u);
    // The same event has the same id at both hooks.
    EXPECT_EQ(receiver_.Calls()[1].body["id"], project_receiver.Calls()[0].body["id"]);
}

TEST_F(WebhooksTest, AFailingDestinationIsRetriedWithBackOffAndHoldsLaterEventsInOrder) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(hook_id, "Work Classifications", "create");
    receiver_.AnswerNext({500, 503});
    Change("Work Classifications", "create", 1);
    Change("Work Classifications", "create", 2);
    ASSERT_TRUE(receiver_.WaitFor(4));
    const auto calls = receiver_.Calls();
    std::vector<int> order;
    for (const auto& call : calls) order.push_back(call.body["resource_id"]);
    EXPECT_THAT(order, ElementsAre(1, 1, 1, 2));
    EXPECT_EQ(calls[0].body["ulid"], calls[2].body["ulid"]);  // the same event again
    // 50 ms, then 100 ms.
    EXPECT_GE(calls[1].at - calls[0].at, 45ms);
    EXPECT_GE(calls[2].at - calls[1].at, 95ms);

    const Json deliveries = WaitForDeliveries(hook_id, 4);
    EXPECT_THAT(Outcomes(deliveries), ElementsAre("retried", "retried", "ok", "ok"));
    EXPECT_EQ(deliveries[0]["response_status"], 500);
    EXPECT_EQ(deliveries[0]["response_body"], R"({"error":"boom"})");
    EXPECT_EQ(deliveries[1]["response_status"], 503);
    EXPECT_EQ(deliveries[0]["event_id"], deliveries[2]["event_id"]);
    EXPECT_THAT(Outcomes(Deliveries(hook_id, "&filters[status]=failing")),
                ElementsAre("retried", "retried"));
    EXPECT_THAT(Outcomes(Deliveries(hook_id, "&filters[status]=successful")),
                ElementsAre("ok", "ok"));
    EXPECT_EQ(Deliveries(hook_id, "&filters[status]=discarded"), Json::array());
}

TEST_F(WebhooksTest, AnUnreachableDestinationIsRecordedWithItsError) {
    int closed_port = 0;
    {
        Receiver gone;
        closed_port = std::stoi(gone.Url().substr(gone.Url().rfind(':') + 1));
    }
    const RecordId hook_id =
        CreateHook(CompanyScope(),
                   "http://127.0.0.1:" + std::to_string(closed_port) + "/nobody-home")["id"];
    CreateTrigger(hook_id, "Company People", "create");
    Change("Company People", "create", 1);
    const Json deliveries = WaitForDeliveries(hook_id, 1);
    ASSERT_GE(deliveries.size(), 1u);
    EXPECT_EQ(deliveries[0]["outcome"], "retried");
    EXPECT_TRUE(deliveries[0]["response_status"].is_null());
    EXPECT_TRUE(deliveries[0]["response_error"].is_string());
}

class WebhooksGiveUpTest : public WebhooksTest {
protected:
    WebhooksGiveUpTest() : WebhooksTest(FastRetries(300ms)) {}
};

TEST_F(WebhooksGiveUpTest, EventsAreDiscardedAfterTheGiveUpTimeAndDeliveryStartsOver) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(hook_id, "Company Users", "create");
    receiver_.AnswerAlways(500);
    Change("Company Users", "create", 1);
    Change("Company Users", "create", 2);
    // Tries at about 0, 50 and 150 ms; the next (at 350 ms) would be past the give-up time.
    const Json discarded = WaitForDeliveries(hook_id, 2, "&filters[status]=discarded");
    ASSERT_EQ(discarded.size(), 2u);
    EXPECT_EQ(discarded[0]["event"]["resource_id"], 1);
    EXPECT_EQ(discarded[1]["event"]["resource_id"], 2);
    EXPECT_TRUE(discarded[0]["response_status"].is_null());
    EXPECT_TRUE(discarded[0]["response_error"].is_string());
    // Every try of event 1 failed; the last one ended the retries. Event 2 was never sent.
    // Usually three tries fit in the give-up time; a loaded machine may fit only one.
    std::vector<std::string> outcomes = Outcomes(Deliveries(hook_id));
    ASSERT_GE(outcomes.size(), 3u);
    EXPECT_THAT(std::vector<std::string>(outcomes.end() - 3, outcomes.end()),
                ElementsAre("failed", "discarded", "discarded"));
    outcomes.resize(outcomes.size() - 3);
    EXPECT_THAT(outcomes, ::testing::Each("retried"));
    EXPECT_EQ(receiver_.Calls().size(), outcomes.size() + 1);
    for (const auto& call : receiver_.Calls()) EXPECT_EQ(call.body["resource_id"], 1);
    EXPECT_THAT(Outcomes(Deliveries(hook_id, "&filters[status]=failing")),
                ::testing::Contains("failed"));

    const std::size_t tries = receiver_.Calls().size();
    receiver_.AnswerAlways(0);
    Change("Company Users", "create", 3);
    ASSERT_TRUE(receiver_.WaitFor(tries + 1));
    EXPECT_EQ(receiver_.Calls()[tries].body["resource_id"], 3);
    EXPECT_THAT(Outcomes(Deliveries(hook_id, "&filters[status]=successful")), ElementsAre("ok"));
}

class WebhooksDuplicatesTest : public WebhooksTest {
protected:
    WebhooksDuplicatesTest() : WebhooksTest(FastRetries(60s, 1.0)) {}
};

TEST_F(WebhooksDuplicatesTest, EveryEventIsDeliveredTwiceWhenTheShareIsOne) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(hook_id, "Company Users", "update");
    Change("Company Users", "update", 1);
    Change("Company Users", "update", 2);
    ASSERT_TRUE(receiver_.WaitFor(4));
    const auto calls = receiver_.Calls();
    EXPECT_EQ(calls[0].body, calls[1].body);
    EXPECT_EQ(calls[2].body, calls[3].body);
    EXPECT_NE(calls[0].body["ulid"], calls[2].body["ulid"]);
    EXPECT_EQ(WaitForDeliveries(hook_id, 4).size(), 4u);
}

TEST_F(WebhooksTest, DeliveriesArePagedByCursor) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    EXPECT_EQ(Deliveries(hook_id), Json::array());
    CreateTrigger(hook_id, "Company Users", "update");
    for (int i = 1; i <= 3; ++i) Change("Company Users", "update", i);
    ASSERT_EQ(WaitForDeliveries(hook_id, 3).size(), 3u);

    const Json first = Deliveries(hook_id, "&page_size=2");
    ASSERT_EQ(first.size(), 2u);
    EXPECT_LT(first[0]["id"].get<RecordId>(), first[1]["id"].get<RecordId>());
    EXPECT_EQ(first[0]["event"]["resource_id"], 1);
    const Json second = Deliveries(hook_id, "&page_size=2&page_start=" + first[1]["id"].dump());
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0]["event"]["resource_id"], 3);
    EXPECT_EQ(Deliveries(hook_id, "&page_size=2&page_start=" + second[0]["id"].dump()),
              Json::array());
    EXPECT_EQ(Deliveries(hook_id, "&page_size=5000").size(), 3u);  // capped, not refused
    EXPECT_EQ(Deliveries(hook_id, "&filter[status]=any").size(), 3u);

    const std::string path =
        "/rest/v1.0/webhooks/hooks/" + std::to_string(hook_id) + "/deliveries?" + Company();
    EXPECT_EQ(client_->Get(path + "&page_size=0", auth_)->status, 400);
    EXPECT_EQ(client_->Get(path + "&page_start=x", auth_)->status, 400);
    EXPECT_EQ(client_->Get(path + "&filters[status]=broken", auth_)->status, 400);
    EXPECT_EQ(client_->Get("/rest/v1.0/webhooks/hooks/999/deliveries?" + Company(), auth_)->status,
              404);
}

TEST_F(WebhooksTest, ARealRouteChangeReachesTheHook) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(hook_id, "Company Users", "create");
    const Json user = {{"user", {{"last_name", "Rivera"}, {"email_address", "ana@example.test"}}}};
    const auto res = client_->Post(CompanyPath("v1.3", "/users"), auth_, user.dump(),
                                   "application/json");
    ASSERT_EQ(res->status, 201) << res->body;
    ASSERT_TRUE(receiver_.WaitFor(1));
    const Json event = receiver_.Calls()[0].body;
    EXPECT_EQ(event["resource_name"], "Company Users");
    EXPECT_EQ(event["event_type"], "create");
    EXPECT_EQ(event["resource_id"], BodyOf(res)["id"]);
}

TEST_F(WebhooksTest, AdminEndpointCountsAndForgetsWebhooks) {
    const RecordId hook_id = CreateHook(CompanyScope(), receiver_.Url())["id"];
    CreateTrigger(hook_id, "Company Users", "update");
    auto res = client_->Get("/__emulator/webhooks");
    ASSERT_EQ(res->status, 200);
    Json summary = BodyOf(res);
    EXPECT_EQ(summary["hooks"], 1);
    EXPECT_EQ(summary["triggers"], 1);
    res = client_->Delete("/__emulator/webhooks");
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res)["hooks"], 0);
    res = client_->Get("/rest/v1.0/webhooks/hooks?" + Company(), auth_);
    EXPECT_EQ(BodyOf(res), Json::array());
    Change("Company Users", "update", 1);
    std::this_thread::sleep_for(100ms);
    EXPECT_TRUE(receiver_.Calls().empty());
}

}  // namespace
}  // namespace crewsync::emulator::testing
