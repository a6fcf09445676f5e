// Webhook hooks, triggers, deliveries and resources, v1.0 (procore-api.md §10.2). Every call
// names its scope with company_id or project_id; hooks of a project are reached through the
// project or its company.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "emulator/http_support.hpp"
#include "emulator/webhook_requests.hpp"
#include "emulator/webhook_resources.hpp"
#include "emulator/webhook_routes.hpp"

namespace crewsync::emulator {
namespace {

constexpr std::int64_t kDefaultPageSize = 100;
constexpr std::int64_t kMaxPageSize = 1000;

struct Context {
    Services& s;
    WebhookStore& store;
};

// The hook of the path's id when the scope reaches it; 404 sent otherwise.
std::optional<WebhookHook> ReachableHook(Context& c, const std::string& id_text,
                                         const WebhookScope& scope, httplib::Response& response) {
    const RecordId id = IdParam(id_text);
    std::optional<WebhookHook> hook = id ? c.store.FindHook(id) : std::nullopt;
    if (!hook || !Reaches(scope, *hook)) {
        ReplyError(response, 404, "Webhooks hook " + id_text + " not found");
        return std::nullopt;
    }
    return hook;
}

// Authorizes the caller and reads the scope (company_id or project_id) from the query, or
// from `body` when given (read from the request first); false with the error reply sent.
bool ReadRequest(Context& c, const httplib::Request& request, httplib::Response& response,
                 Json* body, Caller& caller, WebhookScope& scope) {
    return c.s.Authorize(request, response, true, caller) &&
           (!body || ReadObjectBody(request, response, *body)) &&
           ReadWebhookScope(request, response, body, caller, scope);
}

// The hook named by the path's first group, for a request ReadRequest accepts; nothing with
// the error reply sent.
std::optional<WebhookHook> RequestedHook(Context& c, const httplib::Request& request,
                                         httplib::Response& response, Json* body,
                                         Caller& caller) {
    WebhookScope scope;
    if (!ReadRequest(c, request, response, body, caller, scope)) return std::nullopt;
    return ReachableHook(c, request.matches[1], scope, response);
}

void ListHooks(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Caller caller;
    WebhookScope scope;
    if (!ReadRequest(c, request, response, nullptr, caller, scope)) return;
    const std::string name = Param(request, "namespace");
    const std::string api_version = Param(request, "api_version");
    Json out = Json::array();
    for (const WebhookHook& hook : c.store.HooksOf(scope.company_id, scope.project_id)) {
        if (!name.empty() && hook.namespace_name != name) continue;
        if (!api_version.empty() && hook.api_version != api_version) continue;
        out.push_back(HookJson(hook));
    }
    Reply(response, 200, out);
}

void CreateHook(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Json body;
    Caller caller;
    WebhookScope scope;
    if (!ReadRequest(c, request, response, &body, caller, scope)) return;
    const auto fields = body.find("hook");
    if (fields == body.end() || !fields->is_object()) {
        return ReplyError(response, 400, "param is missing or the value is empty: hook");
    }
    WebhookHook hook;
    std::string field;
    std::string message;
    if (!ReadHookFields(*fields, true, hook, field, message)) {
        return ReplyInvalid(response, field, message);
    }
    hook.id = c.s.state.NextId();
    hook.company_id = scope.company_id;
    hook.project_id = scope.project_id;
    hook.user_id = caller.user_id;
    c.store.AddHook(hook);
    Reply(response, 201, HookJson(hook));
}

void UpdateHook(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Json body;
    Caller caller;
    std::optional<WebhookHook> hook = RequestedHook(c, request, response, &body, caller);
    if (!hook) return;
    const auto fields = body.find("hook");
    if (fields == body.end() || !fields->is_object()) {
        return ReplyError(response, 400, "param is missing or the value is empty: hook");
    }
    std::string field;
    std::string message;
    if (!ReadHookFields(*fields, false, *hook, field, message)) {
        return ReplyInvalid(response, field, message);
    }
    c.store.UpdateHook(*hook);
    Reply(response, 200, HookJson(*hook));
}

void DeleteHook(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Caller caller;
    const std::optional<WebhookHook> hook = RequestedHook(c, request, response, nullptr, caller);
    if (!hook) return;
    c.store.RemoveHook(hook->id);
    Reply(response, 200, HookJson(*hook));
}

void ListTriggers(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Caller caller;
    const std::optional<WebhookHook> hook = RequestedHook(c, request, response, nullptr, caller);
    if (!hook) return;
    Json out = Json::array();
    for (const WebhookTrigger& trigger : c.store.Triggers(hook->id)) {
        out.push_back(TriggerJson(trigger));
    }
    Reply(response, 200, out);
}

std::string Lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return text;
}

void CreateTrigger(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Json body;
    Caller caller;
    const std::optional<WebhookHook> hook = RequestedHook(c, request, response, &body, caller);
    if (!hook) return;
    const auto fields = body.find("trigger");
    if (fields == body.end() || !fields->is_object()) {
        return ReplyError(response, 400, "param is missing or the value is empty: trigger");
    }
    const Json& resource_name = fields->value("resource_name", Json());
    const Json& event_type = fields->value("event_type", Json());
    if (!resource_name.is_string() || resource_name.get<std::string>().empty()) {
        return ReplyInvalid(response, "resource_name", "can't be blank");
    }
    if (!event_type.is_string() || event_type.get<std::string>().empty()) {
        return ReplyInvalid(response, "event_type", "can't be blank");
    }
    const WebhookResource* resource =
        FindWebhookResource(resource_name.get<std::string>(), hook->project_id != 0);
    if (!resource) {
        return ReplyInvalid(response, "resource_name",
                            "is not a webhook resource of this hook's scope (see "
                            "GET /rest/v1.0/webhooks/resources)");
    }
    const std::string type = Lowered(event_type.get<std::string>());
    if (!IsWebhookEventType(type)) {
        return ReplyInvalid(response, "event_type", "is not included in the list (create, "
                                                    "update, delete)");
    }
    for (const WebhookTrigger& existing : c.store.Triggers(hook->id)) {
        if (existing.resource_name == resource->name && existing.event_type == type) {
            return ReplyInvalid(response, "event_type", "has already been taken");
        }
    }
    WebhookTrigger trigger;
    trigger.id = c.s.state.NextId();
    trigger.hook_id = hook->id;
    trigger.resource_name = resource->name;
    trigger.event_type = type;
    trigger.company_id = hook->company_id;
    trigger.project_id = hook->project_id;
    trigger.user_id = caller.user_id;
    c.store.AddTrigger(trigger);
    Reply(response, 201, TriggerJson(trigger));
}

void DeleteTrigger(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Caller caller;
    const std::optional<WebhookHook> hook = RequestedHook(c, request, response, nullptr, caller);
    if (!hook) return;
    const RecordId id = IdParam(request.matches[2]);
    const std::optional<WebhookTrigger> removed =
        id ? c.store.RemoveTrigger(hook->id, id) : std::nullopt;
    if (!removed) {
        return ReplyError(response, 404,
                          "Webhooks trigger " + std::string(request.matches[2]) + " not found");
    }
    Reply(response, 200, TriggerJson(*removed));
}

// A non-negative whole number from the query, `fallback` when absent; false when malformed.
bool ReadCount(const httplib::Request& request, const char* name, std::int64_t fallback,
               std::int64_t& out) {
    const std::string text = Param(request, name);
    out = fallback;
    if (text.empty()) return true;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && out >= 0;
}

void ListDeliveries(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Caller caller;
    const std::optional<WebhookHook> hook = RequestedHook(c, request, response, nullptr, caller);
    if (!hook) return;
    // The reference spells it filters[status], the guide filter[status].
    std::string status = Param(request, "filters[status]");
    if (status.empty()) status = Param(request, "filter[status]");
    DeliveryFilter filter = DeliveryFilter::kAny;
    if (status == "successful") {
        filter = DeliveryFilter::kSuccessful;
    } else if (status == "failing") {
        filter = DeliveryFilter::kFailing;
    } else if (status == "discarded") {
        filter = DeliveryFilter::kDiscarded;
    } else if (!status.empty() && status != "any") {
        return ReplyError(response, 400,
                          "filters[status] must be one of any, successful, failing, discarded");
    }
    std::int64_t page_size = 0;
    std::int64_t page_start = 0;
    if (!ReadCount(request, "page_size", kDefaultPageSize, page_size) || page_size < 1) {
        return ReplyError(response, 400, "page_size must be a positive integer");
    }
    if (!ReadCount(request, "page_start", 0, page_start)) {
        return ReplyError(response, 400, "page_start must be the id of a delivery");
    }
    page_size = std::min(page_size, kMaxPageSize);
    Json out = Json::array();
    for (const WebhookDelivery& delivery : c.store.Deliveries(
             hook->id, filter, page_start, static_cast<std::size_t>(page_size))) {
        out.push_back(DeliveryJson(delivery));
    }
    Reply(response, 200, out);
}

void ListResources(Context& c, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(c.s.state.mutex);
    Caller caller;
    WebhookScope scope;
    if (!ReadRequest(c, request, response, nullptr, caller, scope)) return;
    Json out = Json::array();
    for (const WebhookResource* resource : WebhookResources(scope.project_id != 0)) {
        out.push_back(WebhookResourceJson(*resource));
    }
    Reply(response, 200, out);
}

}  // namespace

void AddWebhookRoutes(httplib::Server& server, Services& s, WebhookStore& webhooks) {
    // Lives as long as the server's handlers (the emulator owns all three).
    auto c = std::make_shared<Context>(Context{s, webhooks});
    const auto bind = [c](void (*handler)(Context&, const httplib::Request&,
                                          httplib::Response&)) {
        return [c, handler](const httplib::Request& req, httplib::Response& res) {
            handler(*c, req, res);
        };
    };
    const std::string hooks = R"(/rest/v1\.0/webhooks/hooks)";
    server.Get(hooks, bind(ListHooks));
    server.Post(hooks, bind(CreateHook));
    server.Patch(hooks + R"(/(\d+))", bind(UpdateHook));
    server.Delete(hooks + R"(/(\d+))", bind(DeleteHook));
    server.Get(hooks + R"(/(\d+)/triggers)", bind(ListTriggers));
    server.Post(hooks + R"(/(\d+)/triggers)", bind(CreateTrigger));
    server.Delete(hooks + R"(/(\d+)/triggers/(\d+))", bind(DeleteTrigger));
    server.Get(hooks + R"(/(\d+)/deliveries)", bind(ListDeliveries));
    server.Get(R"(/rest/v1\.0/webhooks/resources)", bind(ListResources));

    server.Get("/__emulator/webhooks", [&webhooks](const auto&, auto& res) {
        Reply(res, 200, webhooks.Summary());
    });
    server.Delete("/__emulator/webhooks", [&webhooks](const auto&, auto& res) {
        webhooks.Clear();
        Reply(res, 200, webhooks.Summary());
    });
}

}  // namespace crewsync::emulator
