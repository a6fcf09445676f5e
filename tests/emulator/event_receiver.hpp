// A webhook destination on loopback that keeps every event the emulator POSTs to it. The
// emulator's dispatcher drains the change feed within milliseconds, so tests observe change
// events where clients see them: delivered to a hook.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/webhook_store.hpp"

namespace crewsync::emulator::testing {

class EventReceiver {
public:
    using Json = nlohmann::json;

    EventReceiver() {
        server_.Post("/events", [this](const httplib::Request& request, httplib::Response& res) {
            {
                std::lock_guard lock(mutex_);
                events_.push_back(Json::parse(request.body, nullptr, false));
            }
            arrived_.notify_all();
            res.set_content("{}", "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~EventReceiver() {
        server_.stop();
        thread_.join();
    }
    EventReceiver(const EventReceiver&) = delete;
    EventReceiver& operator=(const EventReceiver&) = delete;

    std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/events"; }

    // Subscribes here, straight in the store, to `resource_name` create/update/delete events
    // of `company_id` (tests of other endpoints need not go through the webhooks API).
    void Subscribe(WebhookStore& store, RecordId company_id, const std::string& resource_name) {
        WebhookHook hook;
        hook.id = 1;
        hook.api_version = "v2.0";
        hook.namespace_name = "emulator-tests";
        hook.destination_url = Url();
        hook.company_id = company_id;
        store.AddHook(hook);
        RecordId trigger_id = 1;
        for (const char* type : {"create", "update", "delete"}) {
            WebhookTrigger trigger;
            trigger.id = trigger_id++;
            trigger.hook_id = hook.id;
            trigger.resource_name = resource_name;
            trigger.event_type = type;
            trigger.company_id = company_id;
            store.AddTrigger(trigger);
        }
    }

    // The events received once there are at least `count` (or after 10 s, whatever came).
    std::vector<Json> WaitFor(std::size_t count) {
        std::unique_lock lock(mutex_);
        arrived_.wait_for(lock, std::chrono::seconds(10), [&] { return events_.size() >= count; });
        return events_;
    }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<Json> events_;
};

}  // namespace crewsync::emulator::testing
