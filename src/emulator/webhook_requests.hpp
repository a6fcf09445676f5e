// Reading Webhooks API requests (procore-api.md §10.2): the company or project scope every
// call names, and the fields of a hook.
#pragma once

#include <httplib.h>

#include <string>

#include "emulator/services.hpp"
#include "emulator/webhook_model.hpp"

namespace crewsync::emulator {

struct WebhookScope {
    RecordId company_id = 0;
    RecordId project_id = 0;  // 0: the company itself
};

// For a caller that passed Services::Authorize: reads `company_id` or `project_id` from
// `body` (when given) or else the query. Sends 400 when neither is there or one is not
// an id, 403 when company_id is not the header's company, 404 when the project is not one of
// the company's. False with the error sent.
bool ReadWebhookScope(const httplib::Request& request, httplib::Response& response,
                      const Json* body, const Caller& caller, WebhookScope& scope);

// A company scope reaches all of the company's hooks; a project scope only the project's.
bool Reaches(const WebhookScope& scope, const WebhookHook& hook);

// Reads the hook fields present in `fields` (the body's "hook" object) over `hook`. When
// `creating`, api_version, namespace and destination_url are required. False with the field
// and message of a 422 when one is missing or invalid.
bool ReadHookFields(const Json& fields, bool creating, WebhookHook& hook, std::string& field,
                    std::string& message);

}  // namespace crewsync::emulator
