#include "emulator/webhook_model.hpp"

namespace crewsync::emulator {
namespace {

Json IdOrNull(RecordId id) { return id == 0 ? Json(nullptr) : Json(id); }

Json TextOrNull(const std::optional<std::string>& text) {
    return text ? Json(*text) : Json(nullptr);
}

}  // namespace

std::string MaskedAuthorization(const std::string& authorization) {
    constexpr std::size_t kShown = 5;
    if (authorization.empty()) return "";
    const std::size_t shown = std::min(kShown, authorization.size());
    return "****" + authorization.substr(authorization.size() - shown);
}

Json HookJson(const WebhookHook& hook) {
    Json headers = Json::object();
    if (!hook.authorization.empty()) {
        headers["Authorization"] = MaskedAuthorization(hook.authorization);
    }
    return Json{{"id", hook.id},
                {"api_version", hook.api_version},
                {"namespace", hook.namespace_name},
                {"destination_url", hook.destination_url},
                {"destination_headers", headers},
                {"owned_by_company_id", hook.project_id == 0 ? Json(hook.company_id) : Json()},
                {"owned_by_project_id", IdOrNull(hook.project_id)},
                {"owned_by_user_id", IdOrNull(hook.user_id)}};
}

Json TriggerJson(const WebhookTrigger& trigger) {
    return Json{{"id", trigger.id},
                {"webhook_hook_id", trigger.hook_id},
                {"resource_name", trigger.resource_name},
                {"resource_id", nullptr},
                {"event_type", trigger.event_type},
                {"company_id", trigger.project_id == 0 ? Json(trigger.company_id) : Json()},
                {"project_id", IdOrNull(trigger.project_id)},
                {"user_id", IdOrNull(trigger.user_id)}};
}

Json DeliveryJson(const WebhookDelivery& delivery) {
    return Json{{"id", delivery.id},
                {"event_id", delivery.event ? Json(delivery.event->id) : Json()},
                {"event", delivery.event ? delivery.event->payload : Json()},
                {"outcome", delivery.outcome},
                {"response_status",
                 delivery.response_status == 0 ? Json() : Json(delivery.response_status)},
                {"response_headers", delivery.response_headers},
                {"response_body", TextOrNull(delivery.response_body)},
                {"response_error", TextOrNull(delivery.response_error)},
                {"started_at", FormatTimestamp(delivery.started_at)},
                {"completed_at", FormatTimestamp(delivery.completed_at)}};
}

}  // namespace crewsync::emulator
