// The emulator's webhooks: hooks with their triggers, the events waiting for each hook and the
// log of deliveries. Routes manage hooks and triggers; the dispatcher thread feeds in change
// events and takes out delivery attempts. Safe to use from both (one mutex; routes may hold
// the state mutex when they call in, the dispatcher never takes it).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "emulator/services.hpp"
#include "emulator/webhook_model.hpp"
#include "emulator/webhook_retry.hpp"

namespace crewsync::emulator {

using SteadyTime = std::chrono::steady_clock::time_point;

struct WebhookOptions {
    WebhookRetryPolicy retry;
    double duplicate_share = 0;  // 0..1 of events sent twice (at-least-once delivery)
    std::uint64_t seed = 1;      // event ids' ULIDs and which events are duplicated
    std::chrono::milliseconds timeout{5000};  // to connect, and to wait for the answer
    std::size_t max_deliveries_per_hook = 10'000;  // older records are forgotten
    std::size_t max_queue_per_hook = 100'000;      // events beyond it are discarded
};

enum class DeliveryFilter { kAny, kSuccessful, kFailing, kDiscarded };

// One POST to make: the event at the head of a hook's queue.
struct DeliveryAttempt {
    RecordId hook_id = 0;
    std::string destination_url;
    std::string authorization;
    std::shared_ptr<const WebhookEvent> event;
    SteadyTime started{};
};

// What the destination did with it.
struct DeliveryResult {
    int status = 0;  // 0: no response (connection error, timeout)
    Json headers;
    std::string body;
    std::string error;
    Timestamp started_at{};
    Timestamp completed_at{};

    bool Succeeded() const { return status >= 200 && status < 300; }
};

class WebhookStore {
public:
    WebhookStore(WebhookOptions options, const Clock& clock);

    void AddHook(WebhookHook hook);
    std::optional<WebhookHook> FindHook(RecordId id) const;
    // Replaces the hook of that id; a new destination or Authorization is tried at once.
    bool UpdateHook(const WebhookHook& hook);
    // Removes the hook with its triggers, queue and deliveries.
    std::optional<WebhookHook> RemoveHook(RecordId id);
    // The hooks of exactly this scope (project 0: the company's own hooks), in id order.
    std::vector<WebhookHook> HooksOf(RecordId company_id, RecordId project_id) const;

    // False when the hook is gone.
    bool AddTrigger(WebhookTrigger trigger);
    std::vector<WebhookTrigger> Triggers(RecordId hook_id) const;
    std::optional<WebhookTrigger> RemoveTrigger(RecordId hook_id, RecordId trigger_id);

    // Deliveries of the hook with ids above `after_id`, oldest first, at most `limit`.
    std::vector<WebhookDelivery> Deliveries(RecordId hook_id, DeliveryFilter filter,
                                            RecordId after_id, std::size_t limit) const;

    // Queues each event for every hook with a matching trigger (company hooks see the whole
    // company, project hooks their project); events nobody subscribed to are dropped.
    void Enqueue(const std::vector<ChangeEvent>& events);
    // The next event to send: the head of a hook's queue whose retry time has come and that
    // is not being sent already.
    std::optional<DeliveryAttempt> NextAttempt(SteadyTime now);
    // Records the attempt and moves the queue on, or schedules the retry, or gives up.
    void Finish(const DeliveryAttempt& attempt, const DeliveryResult& result, SteadyTime now);

    // Forgets every hook, trigger, queued event and delivery.
    void Clear();
    // {"hooks", "triggers", "queued", "deliveries"}: counts, for tests waiting on delivery.
    Json Summary() const;

private:
    struct HookState {
        WebhookHook hook;
        std::vector<WebhookTrigger> triggers;
        std::deque<std::shared_ptr<const WebhookEvent>> queue;
        std::deque<WebhookDelivery> deliveries;
        int failures = 0;  // in a row
        SteadyTime failing_since{};
        SteadyTime next_try{};
        bool in_flight = false;
    };

    bool Subscribed(const HookState& state, const ChangeEvent& event) const;
    void Record(HookState& state, WebhookDelivery delivery);
    void Discard(HookState& state, std::shared_ptr<const WebhookEvent> event,
                 const std::string& reason);
    double Draw();

    const WebhookOptions options_;
    const Clock& clock_;
    mutable std::mutex mutex_;
    std::map<RecordId, HookState> hooks_;
    std::mt19937_64 random_;
    std::int64_t next_event_id_ = 5'900'000'000'000'000'001;  // above 2^53, as Procore's are
    RecordId next_delivery_id_ = 7'000'000'001;
    RecordId last_served_ = 0;  // hooks take turns
};

}  // namespace crewsync::emulator
