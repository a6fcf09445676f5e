#include "emulator/webhook_store.hpp"

#include <algorithm>

#include "emulator/webhook_payload.hpp"

namespace crewsync::emulator {
namespace {

bool Passes(DeliveryFilter filter, const std::string& outcome) {
    switch (filter) {
        case DeliveryFilter::kAny: return true;
        case DeliveryFilter::kSuccessful: return outcome == "ok";
        case DeliveryFilter::kFailing: return outcome == "retried" || outcome == "failed";
        case DeliveryFilter::kDiscarded: return outcome == "discarded";
    }
    return true;
}

}  // namespace

WebhookStore::WebhookStore(WebhookOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock), random_(options_.seed) {}

void WebhookStore::AddHook(WebhookHook hook) {
    std::lock_guard lock(mutex_);
    const RecordId id = hook.id;
    hooks_[id].hook = std::move(hook);
}

std::optional<WebhookHook> WebhookStore::FindHook(RecordId id) const {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(id);
    if (it == hooks_.end()) return std::nullopt;
    return it->second.hook;
}

bool WebhookStore::UpdateHook(const WebhookHook& hook) {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(hook.id);
    if (it == hooks_.end()) return false;
    HookState& state = it->second;
    if (state.hook.destination_url != hook.destination_url ||
        state.hook.authorization != hook.authorization) {
        state.failures = 0;
        state.next_try = {};
    }
    state.hook = hook;
    return true;
}

std::optional<WebhookHook> WebhookStore::RemoveHook(RecordId id) {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(id);
    if (it == hooks_.end()) return std::nullopt;
    WebhookHook hook = std::move(it->second.hook);
    hooks_.erase(it);
    return hook;
}

std::vector<WebhookHook> WebhookStore::HooksOf(RecordId company_id, RecordId project_id) const {
    std::lock_guard lock(mutex_);
    std::vector<WebhookHook> out;
    for (const auto& [id, state] : hooks_) {
        if (state.hook.company_id == company_id && state.hook.project_id == project_id) {
            out.push_back(state.hook);
        }
    }
    return out;
}

bool WebhookStore::AddTrigger(WebhookTrigger trigger) {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(trigger.hook_id);
    if (it == hooks_.end()) return false;
    it->second.triggers.push_back(std::move(trigger));
    return true;
}

std::vector<WebhookTrigger> WebhookStore::Triggers(RecordId hook_id) const {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(hook_id);
    if (it == hooks_.end()) return {};
    return it->second.triggers;
}

std::optional<WebhookTrigger> WebhookStore::RemoveTrigger(RecordId hook_id,
                                                          RecordId trigger_id) {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(hook_id);
    if (it == hooks_.end()) return std::nullopt;
    auto& triggers = it->second.triggers;
    const auto found = std::find_if(triggers.begin(), triggers.end(),
                                    [&](const WebhookTrigger& t) { return t.id == trigger_id; });
    if (found == triggers.end()) return std::nullopt;
    WebhookTrigger removed = std::move(*found);
    triggers.erase(found);
    return removed;
}

std::vector<WebhookDelivery> WebhookStore::Deliveries(RecordId hook_id, DeliveryFilter filter,
                                                      RecordId after_id,
                                                      std::size_t limit) const {
    std::lock_guard lock(mutex_);
    std::vector<WebhookDelivery> out;
    const auto it = hooks_.find(hook_id);
    if (it == hooks_.end()) return out;
    for (const WebhookDelivery& delivery : it->second.deliveries) {
        if (out.size() >= limit) break;
        if (delivery.id > after_id && Passes(filter, delivery.outcome)) out.push_back(delivery);
    }
    return out;
}

bool WebhookStore::Subscribed(const HookState& state, const ChangeEvent& event) const {
    const WebhookHook& hook = state.hook;
    if (hook.company_id != event.company_id) return false;
    if (hook.project_id != 0 && hook.project_id != event.project_id) return false;
    return std::any_of(state.triggers.begin(), state.triggers.end(),
                       [&](const WebhookTrigger& t) {
                           return t.resource_name == event.resource_name &&
                                  t.event_type == event.event_type;
                       });
}

double WebhookStore::Draw() { return static_cast<double>(random_() >> 11) * 0x1.0p-53; }

void WebhookStore::Enqueue(const std::vector<ChangeEvent>& events) {
    std::lock_guard lock(mutex_);
    if (hooks_.empty()) return;
    for (const ChangeEvent& event : events) {
        std::int64_t event_id = 0;
        std::string ulid;
        for (auto& [hook_id, state] : hooks_) {
            if (!Subscribed(state, event)) continue;
            if (event_id == 0) {  // one id for every hook the event goes to
                event_id = next_event_id_++;
                ulid = NewUlid(event.at, random_);
            }
            auto queued = std::make_shared<WebhookEvent>();
            queued->id = event_id;
            queued->payload = EventPayload(event, event_id, ulid, state.hook.api_version);
            queued->body = queued->payload.dump();
            const int copies = Draw() < options_.duplicate_share ? 2 : 1;
            for (int copy = 0; copy < copies; ++copy) {
                if (state.queue.size() >= options_.max_queue_per_hook) {
                    Discard(state, queued, "the hook's queue is full");
                } else {
                    state.queue.push_back(queued);
                }
            }
        }
    }
}

std::optional<DeliveryAttempt> WebhookStore::NextAttempt(SteadyTime now) {
    std::lock_guard lock(mutex_);
    const auto ready = [&](const HookState& state) {
        return !state.queue.empty() && !state.in_flight && state.next_try <= now;
    };
    // Start after the hook served last, so a busy hook does not starve the others.
    auto it = hooks_.upper_bound(last_served_);
    for (std::size_t seen = 0; seen < hooks_.size(); ++seen, ++it) {
        if (it == hooks_.end()) it = hooks_.begin();
        HookState& state = it->second;
        if (!ready(state)) continue;
        state.in_flight = true;
        last_served_ = it->first;
        return DeliveryAttempt{it->first, state.hook.destination_url, state.hook.authorization,
                               state.queue.front(), now};
    }
    return std::nullopt;
}

void WebhookStore::Finish(const DeliveryAttempt& attempt, const DeliveryResult& result,
                          SteadyTime now) {
    std::lock_guard lock(mutex_);
    const auto it = hooks_.find(attempt.hook_id);
    if (it == hooks_.end()) return;  // removed while the request ran
    HookState& state = it->second;
    state.in_flight = false;
    if (state.queue.empty() || state.queue.front() != attempt.event) return;

    WebhookDelivery delivery;
    delivery.hook_id = attempt.hook_id;
    delivery.event = attempt.event;
    delivery.response_status = result.status;
    delivery.response_headers = result.status == 0 ? Json() : result.headers;
    if (result.status != 0) delivery.response_body = result.body;
    if (!result.error.empty()) delivery.response_error = result.error;
    delivery.started_at = result.started_at;
    delivery.completed_at = result.completed_at;

    if (result.Succeeded()) {
        delivery.outcome = "ok";
        Record(state, std::move(delivery));
        state.queue.pop_front();
        state.failures = 0;
        state.next_try = {};
        return;
    }
    if (state.failures == 0) state.failing_since = attempt.started;
    ++state.failures;
    const auto failing_for =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - state.failing_since);
    if (const auto delay = NextRetryDelay(options_.retry, state.failures, failing_for)) {
        delivery.outcome = "retried";
        Record(state, std::move(delivery));
        state.next_try = now + *delay;
        return;
    }
    // Given up: the queue is flushed and the counters start over.
    delivery.outcome = "failed";
    Record(state, std::move(delivery));
    auto flushed = std::move(state.queue);
    state.queue.clear();
    for (auto& event : flushed) {
        Discard(state, std::move(event), "the destination kept failing past the give-up time");
    }
    state.failures = 0;
    state.next_try = {};
}

void WebhookStore::Record(HookState& state, WebhookDelivery delivery) {
    delivery.id = next_delivery_id_++;
    state.deliveries.push_back(std::move(delivery));
    while (state.deliveries.size() > options_.max_deliveries_per_hook) {
        state.deliveries.pop_front();
    }
}

void WebhookStore::Discard(HookState& state, std::shared_ptr<const WebhookEvent> event,
                           const std::string& reason) {
    WebhookDelivery delivery;
    delivery.hook_id = state.hook.id;
    delivery.event = std::move(event);
    delivery.outcome = "discarded";
    delivery.response_error = reason;
    delivery.started_at = delivery.completed_at = clock_.Now();
    Record(state, std::move(delivery));
}

void WebhookStore::Clear() {
    std::lock_guard lock(mutex_);
    hooks_.clear();
}

Json WebhookStore::Summary() const {
    std::lock_guard lock(mutex_);
    std::size_t triggers = 0;
    std::size_t queued = 0;
    std::size_t deliveries = 0;
    for (const auto& [id, state] : hooks_) {
        triggers += state.triggers.size();
        queued += state.queue.size();
        deliveries += state.deliveries.size();
    }
    return Json{{"hooks", hooks_.size()},
                {"triggers", triggers},
                {"queued", queued},
                {"deliveries", deliveries}};
}

}  // namespace crewsync::emulator
