#include "emulator/webhook_requests.hpp"

#include <algorithm>

#include "emulator/http_support.hpp"

namespace crewsync::emulator {
namespace {

// An id from the body (number or digits) or the query. False when present but not an id.
bool ReadId(const httplib::Request& request, const Json* body, const char* name, RecordId& id) {
    id = 0;
    if (body && body->is_object()) {
        if (const auto it = body->find(name); it != body->end() && !it->is_null()) {
            if (it->is_number_integer()) {
                id = it->get<RecordId>();
                return id > 0;
            }
            if (it->is_string()) {
                id = IdParam(it->get<std::string>());
                return id > 0;
            }
            return false;
        }
    }
    const std::string text = Param(request, name);
    if (text.empty()) return true;
    id = IdParam(text);
    return id > 0;
}

bool ValidNamespace(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool ValidDestination(const std::string& url) {
    for (const std::string scheme : {"http://", "https://"}) {
        if (url.rfind(scheme, 0) == 0) {
            const std::string rest = url.substr(scheme.size());
            return !rest.empty() && rest[0] != '/' && rest.find(' ') == std::string::npos;
        }
    }
    return false;
}

// A required-or-optional string field: false with the 422 reason when it is missing (and
// required), not a string or empty.
bool ReadText(const Json& fields, const char* name, bool required, std::string& out,
              std::string& message) {
    const auto it = fields.find(name);
    if (it == fields.end() || it->is_null()) {
        if (required) message = "can't be blank";
        return !required;
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
        message = "can't be blank";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

}  // namespace

bool ReadWebhookScope(const httplib::Request& request, httplib::Response& response,
                      const Json* body, const Caller& caller, WebhookScope& scope) {
    RecordId company_id = 0;
    RecordId project_id = 0;
    if (!ReadId(request, body, "company_id", company_id)) {
        ReplyError(response, 400, "company_id must be an id");
        return false;
    }
    if (!ReadId(request, body, "project_id", project_id)) {
        ReplyError(response, 400, "project_id must be an id");
        return false;
    }
    if (company_id == 0 && project_id == 0) {
        ReplyError(response, 400, "You must supply either a company_id or project_id");
        return false;
    }
    if (company_id != 0 && company_id != caller.company->id) {
        ReplyError(response, 403,
                   "The company_id names another company than the Procore-Company-Id header");
        return false;
    }
    if (project_id != 0 && !caller.company->projects.Find(project_id)) {
        ReplyError(response, 404, "Project " + std::to_string(project_id) + " not found");
        return false;
    }
    scope.company_id = caller.company->id;
    scope.project_id = project_id;
    return true;
}

bool Reaches(const WebhookScope& scope, const WebhookHook& hook) {
    return hook.company_id == scope.company_id &&
           (scope.project_id == 0 || hook.project_id == scope.project_id);
}

bool ReadHookFields(const Json& fields, bool creating, WebhookHook& hook, std::string& field,
                    std::string& message) {
    WebhookHook read = hook;
    field = "api_version";
    if (!ReadText(fields, "api_version", creating, read.api_version, message)) return false;
    if (read.api_version != "v2" && read.api_version != "v2.0" && read.api_version != "v3.0") {
        message = "is not included in the list (v2, v2.0, v3.0)";
        return false;
    }
    field = "namespace";
    if (!ReadText(fields, "namespace", creating, read.namespace_name, message)) return false;
    if (!ValidNamespace(read.namespace_name)) {
        message = "is invalid: use lower-case letters a-z, digits and '-' only";
        return false;
    }
    field = "destination_url";
    if (!ReadText(fields, "destination_url", creating, read.destination_url, message)) {
        return false;
    }
    if (!ValidDestination(read.destination_url)) {
        message = "must be an http or https URL";
        return false;
    }
    field = "destination_headers";
    if (const auto it = fields.find("destination_headers");
        it != fields.end() && !it->is_null()) {
        if (!it->is_object()) {
            message = "must be an object";
            return false;
        }
        if (const auto auth = it->find("Authorization"); auth != it->end()) {
            if (!auth->is_string() && !auth->is_null()) {
                field = "destination_headers.Authorization";
                message = "must be a string";
                return false;
            }
            read.authorization = auth->is_string() ? auth->get<std::string>() : "";
        }
    }
    hook = std::move(read);
    return true;
}

}  // namespace crewsync::emulator
