// The background thread that delivers webhook events: it takes the routes' change events,
// queues them for the hooks that subscribed, and POSTs each to its destination, one at a time
// per hook, in order, waiting (in real time) between retries of a failing destination.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "emulator/services.hpp"
#include "emulator/webhook_store.hpp"

namespace crewsync::emulator {

// POSTs the event's body to the destination with Content-Type application/json and the
// hook's Authorization header; connect and read time out after `timeout`. Times come from
// `clock` (the emulator's, so they agree with the events' timestamps).
DeliveryResult SendWebhook(const DeliveryAttempt& attempt, std::chrono::milliseconds timeout,
                           const Clock& clock);

class WebhookDispatcher {
public:
    WebhookDispatcher(ChangeFeed& feed, WebhookStore& store, const Clock& clock,
                      std::chrono::milliseconds timeout);
    ~WebhookDispatcher();
    WebhookDispatcher(const WebhookDispatcher&) = delete;
    WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

    void Start();
    // Waits for a delivery in progress to end (at most the timeout), then for the thread.
    void Stop();

private:
    void Run();
    bool Stopping();

    ChangeFeed& feed_;
    WebhookStore& store_;
    const Clock& clock_;
    const std::chrono::milliseconds timeout_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace crewsync::emulator
