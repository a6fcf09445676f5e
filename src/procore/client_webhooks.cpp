// Webhooks v1.0 at company scope (procore-api.md §10.2): hooks, their triggers and the
// delivery log. The scope travels as company_id in the query (reads, deletes) or the body.
#include <fmt/format.h>

#include "procore/client_fields.hpp"
#include "procore/client_support.hpp"
#include "procore/procore_client.hpp"
#include "procore/resource_json.hpp"

namespace crewsync::procore {
namespace {

using internal::CallName;
using internal::CompanyIdText;
using internal::Dump;
using internal::Json;

// The largest delivery page Procore serves.
constexpr int kDeliveriesPerPage = 1000;

std::string HookPath(ProcoreId id, std::string_view rest = "") {
    return fmt::format("/rest/v1.0/webhooks/hooks/{}{}", id, rest);
}

// A read or delete in the company's scope.
ApiRequest Scoped(const ApiTransport& transport, http::Method method, std::string path) {
    ApiRequest request;
    request.method = method;
    request.path = std::move(path);
    request.query = {{"company_id", CompanyIdText(transport)}};
    return request;
}

std::string HookBody(const ApiTransport& transport, const WebhookHookFields& fields) {
    return Dump(Json{{"company_id", transport.endpoint().company_id},
                     {"hook", internal::HookObject(fields)}});
}

Result<WebhookHook> CallForHook(ApiTransport& transport, const ApiRequest& request) {
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport.Call(request));
    return internal::DecodeObject(CallName(request), response.body, internal::ReadHook);
}

}  // namespace

Result<std::vector<WebhookHook>> ProcoreClient::ListHooks(const std::string& namespace_name) {
    ApiRequest request = Scoped(transport_, http::Method::kGet, "/rest/v1.0/webhooks/hooks");
    if (!namespace_name.empty()) request.query.emplace_back("namespace", namespace_name);
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
    return internal::DecodeArray(CallName(request), response.body, internal::ReadHook);
}

Result<WebhookHook> ProcoreClient::CreateHook(const WebhookHookFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = "/rest/v1.0/webhooks/hooks";
    request.json_body = HookBody(transport_, fields);
    request.replay = Replay::kCreate;
    return CallForHook(transport_, request);
}

Result<WebhookHook> ProcoreClient::UpdateHook(ProcoreId id, const WebhookHookFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = HookPath(id);
    request.json_body = HookBody(transport_, fields);
    return CallForHook(transport_, request);
}

Status ProcoreClient::DeleteHook(ProcoreId id) {
    return internal::CallDelete(transport_,
                                Scoped(transport_, http::Method::kDelete, HookPath(id)));
}

Result<std::vector<WebhookTrigger>> ProcoreClient::ListTriggers(ProcoreId hook_id) {
    const ApiRequest request =
        Scoped(transport_, http::Method::kGet, HookPath(hook_id, "/triggers"));
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
    CREWSYNC_ASSIGN_OR_RETURN(
        std::vector<WebhookTrigger> triggers,
        internal::DecodeArray(CallName(request), response.body, internal::ReadTrigger));
    for (WebhookTrigger& trigger : triggers) {
        if (trigger.hook_id == 0) trigger.hook_id = hook_id;
    }
    return triggers;
}

Result<WebhookTrigger> ProcoreClient::CreateTrigger(ProcoreId hook_id,
                                                    const std::string& resource_name,
                                                    const std::string& event_type) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = HookPath(hook_id, "/triggers");
    request.json_body = Dump(Json{
        {"company_id", transport_.endpoint().company_id},
        {"api_version", "v2"},
        {"trigger", {{"resource_name", resource_name}, {"event_type", event_type}}}});
    request.replay = Replay::kCreate;
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
    CREWSYNC_ASSIGN_OR_RETURN(
        WebhookTrigger trigger,
        internal::DecodeObject(CallName(request), response.body, internal::ReadTrigger));
    if (trigger.hook_id == 0) trigger.hook_id = hook_id;
    return trigger;
}

Status ProcoreClient::DeleteTrigger(ProcoreId hook_id, ProcoreId trigger_id) {
    return internal::CallDelete(
        transport_, Scoped(transport_, http::Method::kDelete,
                           HookPath(hook_id, fmt::format("/triggers/{}", trigger_id))));
}

Result<std::vector<WebhookDelivery>> ProcoreClient::ListDeliveries(ProcoreId hook_id) {
    // Paged by cursor, not by page number: each page starts after the last id of the one
    // before, and an empty or short page is the end.
    std::vector<WebhookDelivery> deliveries;
    ProcoreId after = 0;
    while (true) {
        ApiRequest request =
            Scoped(transport_, http::Method::kGet, HookPath(hook_id, "/deliveries"));
        request.query.emplace_back("page_size", std::to_string(kDeliveriesPerPage));
        if (after != 0) request.query.emplace_back("page_start", std::to_string(after));
        CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
        CREWSYNC_ASSIGN_OR_RETURN(
            std::vector<WebhookDelivery> page,
            internal::DecodeArray(CallName(request), response.body, internal::ReadDelivery));
        if (page.empty()) break;
        const ProcoreId last = page.back().id;
        const bool full = page.size() >= static_cast<std::size_t>(kDeliveriesPerPage);
        for (WebhookDelivery& delivery : page) deliveries.push_back(std::move(delivery));
        if (!full) break;
        if (last <= after) {
            return Fail(ErrorCode::kRemoteBug,
                        fmt::format("{}: Procore's delivery pages do not move forward (page "
                                    "after {} ends at {})",
                                    CallName(request), after, last));
        }
        after = last;
    }
    return deliveries;
}

}  // namespace crewsync::procore
