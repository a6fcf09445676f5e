// What the project routes share over HTTP: projects name their company in `company_id` (query
// or body) besides the Procore-Company-Id header, and field errors have Procore's shapes.
#pragma once

#include <httplib.h>

#include <optional>

#include "emulator/project_values.hpp"
#include "emulator/services.hpp"

namespace crewsync::emulator {

// Checks the token and header (Services::Authorize), reads the body when `body` is given
// (400 when malformed), then the company_id of the query or else of the body: 400 when there
// is none, 403 when it is not the header's company. False with the error sent.
bool AuthorizeProjectCall(Services& s, const httplib::Request& request,
                          httplib::Response& response, Caller& caller,
                          std::optional<Json>* body = nullptr);

// 422 {"errors": {field: [message]}}, or 409 {"message", "errors"} for a taken origin_id.
void ReplyFieldError(httplib::Response& response, const FieldError& error);

// The body's object under `key` ("project", "person"), or null with 400 sent.
const Json* ResourceOf(const Json& body, const char* key, httplib::Response& response);

}  // namespace crewsync::emulator
