// Webhook hooks, triggers and deliveries as the v1.0 Webhooks API shows them
// (procore-api.md §10.1–10.2).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "emulator/collection.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

// Where and how events of a company or one of its projects are sent.
struct WebhookHook {
    RecordId id = 0;
    std::string api_version;  // "v2", "v2.0" or "v3.0", as the client gave it
    std::string namespace_name;
    std::string destination_url;
    std::string authorization;  // sent in full, shown masked
    RecordId company_id = 0;
    RecordId project_id = 0;  // 0 for a company hook
    RecordId user_id = 0;     // who created it
};

// A resource and event type a hook is subscribed to.
struct WebhookTrigger {
    RecordId id = 0;
    RecordId hook_id = 0;
    std::string resource_name;
    std::string event_type;  // "create", "update" or "delete"
    RecordId company_id = 0;  // the hook's scope
    RecordId project_id = 0;
    RecordId user_id = 0;
};

// One event on its way to one hook.
struct WebhookEvent {
    RecordId id = 0;  // the payload's id; the same for every hook the event goes to
    Json payload;
    std::string body;  // the payload as sent
};

// The outcome of one delivery record:
//   ok        the destination answered 2xx;
//   retried   it failed (non-2xx, timeout, connection error) and will be tried again;
//   failed    it failed and the hook gave up (the give-up time passed);
//   discarded the event was flushed from the hook's queue when it gave up (no request made).
struct WebhookDelivery {
    RecordId id = 0;
    RecordId hook_id = 0;
    std::shared_ptr<const WebhookEvent> event;
    std::string outcome;
    int response_status = 0;  // 0: no response
    Json response_headers;    // object, or null without a response
    std::optional<std::string> response_body;
    std::optional<std::string> response_error;
    Timestamp started_at{};
    Timestamp completed_at{};
};

// "****abcde": only the last five characters of a destination's Authorization header.
std::string MaskedAuthorization(const std::string& authorization);

Json HookJson(const WebhookHook& hook);
Json TriggerJson(const WebhookTrigger& trigger);
Json DeliveryJson(const WebhookDelivery& delivery);

}  // namespace crewsync::emulator
