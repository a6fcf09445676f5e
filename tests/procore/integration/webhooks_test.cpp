// Webhooks v1.0: hooks, triggers and the delivery log, at company scope.
#include <chrono>
#include <thread>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

// A destination on loopback that answers every delivery with 200.
class Receiver {
public:
    Receiver() {
        server_.Post("/hook", [](const httplib::Request&, httplib::Response& response) {
            response.set_content("{}", "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~Receiver() {
        server_.stop();
        thread_.join();
    }
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

using WebhooksTest = ClientTest;

WebhookHookFields HookFields(const std::string& url) {
    WebhookHookFields fields;
    fields.namespace_name = "crewsync-test";
    fields.destination_url = url;
    fields.authorization = SecretString("Bearer hook-secret-12345");
    return fields;
}

TEST_F(WebhooksTest, ManagesHooksAndTriggers) {
    const auto hook = api().CreateHook(HookFields("https://receiver.example/procore"));
    ASSERT_TRUE(hook) << hook.error().ToString();
    EXPECT_EQ(hook->namespace_name, "crewsync-test");
    EXPECT_EQ(hook->destination_url, "https://receiver.example/procore");
    EXPECT_EQ(hook->api_version, "v2");
    EXPECT_EQ(hook->owned_by_company_id, company_id_);

    WebhookHookFields other = HookFields("https://other.example/");
    other.namespace_name = "someone-else";
    ASSERT_TRUE(api().CreateHook(other));
    const auto mine = api().ListHooks("crewsync-test");
    ASSERT_TRUE(mine) << mine.error().ToString();
    ASSERT_EQ(mine->size(), 1u) << "listed by namespace";
    EXPECT_EQ(mine->front().id, hook->id);

    WebhookHookFields moved;
    moved.destination_url = "https://moved.example/procore";
    const auto updated = api().UpdateHook(hook->id, moved);
    ASSERT_TRUE(updated) << updated.error().ToString();
    EXPECT_EQ(updated->destination_url, "https://moved.example/procore");
    EXPECT_EQ(updated->namespace_name, "crewsync-test");

    const auto trigger = api().CreateTrigger(hook->id, "Company Users", "update");
    ASSERT_TRUE(trigger) << trigger.error().ToString();
    EXPECT_EQ(trigger->hook_id, hook->id);
    EXPECT_EQ(trigger->resource_name, "Company Users");
    EXPECT_EQ(trigger->event_type, "update");
    const auto twice = api().CreateTrigger(hook->id, "Company Users", "UPDATE");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(twice.error(), "event_type")) << twice.error().ToString();
    ASSERT_TRUE(api().CreateTrigger(hook->id, "Projects", "create"));

    const auto triggers = api().ListTriggers(hook->id);
    ASSERT_TRUE(triggers) << triggers.error().ToString();
    EXPECT_EQ(triggers->size(), 2u);
    ASSERT_TRUE(api().DeleteTrigger(hook->id, trigger->id));
    const auto left = api().ListTriggers(hook->id);
    ASSERT_TRUE(left);
    ASSERT_EQ(left->size(), 1u);
    EXPECT_EQ(left->front().resource_name, "Projects");

    ASSERT_TRUE(api().DeleteHook(hook->id));
    const auto gone = api().ListHooks("crewsync-test");
    ASSERT_TRUE(gone);
    EXPECT_TRUE(gone->empty());
}

TEST_F(WebhooksTest, RefusalsAreClassified) {
    WebhookHookFields bad_namespace = HookFields("https://receiver.example/");
    bad_namespace.namespace_name = "Bad Namespace!";
    const auto invalid = api().CreateHook(bad_namespace);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(invalid.error(), "namespace")) << invalid.error().ToString();
    EXPECT_EQ(invalid.error().ToString().find("hook-secret"), std::string::npos);

    const auto bad_url = api().CreateHook(HookFields("not a url"));
    ASSERT_FALSE(bad_url);
    EXPECT_EQ(bad_url.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(bad_url.error(), "destination_url")) << bad_url.error().ToString();

    const ProcoreId unknown = 4'000'000'001;
    EXPECT_EQ(CodeOf(api().DeleteHook(unknown)), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().UpdateHook(unknown, HookFields("https://x.example/"))),
              ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().ListTriggers(unknown)), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().ListDeliveries(unknown)), ErrorCode::kNotFound);
    const auto hook = api().CreateHook(HookFields("https://receiver.example/"));
    ASSERT_TRUE(hook);
    EXPECT_EQ(CodeOf(api().CreateTrigger(hook->id, "No Such Thing", "create")),
              ErrorCode::kRemoteRejected);
    EXPECT_EQ(CodeOf(api().DeleteTrigger(hook->id, unknown)), ErrorCode::kNotFound);
}

TEST_F(WebhooksTest, ListsDeliveries) {
    Receiver receiver;
    const auto hook = api().CreateHook(HookFields(receiver.Url()));
    ASSERT_TRUE(hook) << hook.error().ToString();
    ASSERT_TRUE(api().CreateTrigger(hook->id, "Company Users", "create"));
    for (int i = 0; i < 3; ++i) {
        UserFields user;
        user.last_name = "Hooked" + std::to_string(i);
        user.email_address = "hooked" + std::to_string(i) + "@example.com";
        ASSERT_TRUE(api().CreateUser(user));
    }

    std::vector<WebhookDelivery> deliveries;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (deliveries.size() < 3 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const auto listed = api().ListDeliveries(hook->id);
        ASSERT_TRUE(listed) << listed.error().ToString();
        deliveries = *listed;
    }

    ASSERT_EQ(deliveries.size(), 3u);
    for (const WebhookDelivery& delivery : deliveries) {
        EXPECT_EQ(delivery.outcome, "ok");
        EXPECT_EQ(delivery.response_status, 200);
        EXPECT_GE(delivery.event_id.size(), 16u) << "event ids keep every digit";
        EXPECT_FALSE(delivery.started_at.empty());
    }
    EXPECT_LT(deliveries[0].id, deliveries[2].id) << "oldest first";
}

}  // namespace
}  // namespace crewsync::procore::testing
