// Procore's failures as crewsync Errors, classified so callers switch on the code and never on
// message text (procore-api.md §5):
//
//   401 → kUnauthorized     403 → kForbidden        404 → kNotFound       409 → kConflict
//   400, 422, other 4xx → kRemoteRejected ("invalid"), with one FieldProblem per field message
//   429 → kRateLimited      408, 502, 503, 504, timeouts and broken connections → kTransient
//   500 and anything else unexpected (a 3xx, a body that is not what the API documents)
//     → kRemoteBug
//
// Messages name the call ("PATCH /rest/v1.3/companies/7/users/sync") and Procore's request id
// when there is one; they never hold header values, tokens or request bodies.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_client.hpp"
#include "model/error.hpp"

namespace crewsync::procore {

ErrorCode ClassifyStatus(int status);

// Whether a failure with this status is worth another try (the server may answer differently).
bool IsRetryableStatus(int status);

// The explanation in one of Procore's error bodies: {"errors": {field: [msg, …]}},
// {"errors": "text" | [..]}, {"message": "…"}, {"error": "…" | {"message", "details": [..]}},
// {"error_description": "…"} (OAuth). Unparsable or empty bodies give an empty message.
struct ErrorBody {
    std::string message;
    std::vector<FieldProblem> problems;
};
ErrorBody ParseErrorBody(std::string_view body);

// The classified error for a response that was not 2xx. `call` names the request.
Error ErrorFromResponse(const http::HttpResponse& response, std::string_view call);
// The classified error for a request that got no response (always kTransient, except a bad URL
// or a TLS failure, which retrying cannot cure: kRemoteRejected).
Error ErrorFromTransport(const http::TransportError& error, std::string_view call);

// Retry-After in seconds (Procore sends seconds; an HTTP date is not used), if present.
std::optional<std::chrono::seconds> RetryAfter(const http::Headers& headers);

}  // namespace crewsync::procore
