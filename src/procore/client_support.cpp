#include "procore/client_support.hpp"

#include <fmt/format.h>

#include "procore/resource_json.hpp"

namespace crewsync::procore::internal {
namespace {

std::string AsText(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return value.dump();
    return "";
}

}  // namespace

std::string CompanyIdText(const ApiTransport& transport) {
    return std::to_string(transport.endpoint().company_id);
}

std::string CompanyPath(const ApiTransport& transport, std::string_view version,
                        std::string_view rest) {
    return fmt::format("/rest/{}/companies/{}{}", version, transport.endpoint().company_id,
                       rest);
}

std::string CallName(const ApiRequest& request) {
    return fmt::format("{} {}", http::MethodName(request.method),
                       request.path.substr(0, request.path.find('?')));
}

Error BadAnswer(std::string_view call, const Error& decode_error) {
    if (decode_error.code() == ErrorCode::kRemoteBug) return decode_error;  // named already
    return Error(ErrorCode::kRemoteBug,
                 fmt::format("{}: Procore's answer is not what its API documents: {}", call,
                             decode_error.message()),
                 decode_error.problems());
}

Result<std::optional<std::string>> FindRecord(ApiTransport& transport, ApiRequest request,
                                              int per_page, std::string_view field,
                                              std::string_view value) {
    const std::string call = CallName(request);
    std::optional<std::string> found;
    const Status walked = ForEachPage(
        transport, std::move(request), per_page, [&](const Page& page) -> Status {
            CREWSYNC_ASSIGN_OR_RETURN(const Json doc, ParseAnswer(call, page.response.body));
            if (doc.is_null()) return Ok();
            if (!doc.is_array()) {
                return Fail(NotDocumented(call, std::string("expected a JSON array, found ") +
                                                    doc.type_name()));
            }
            for (const Json& record : doc) {
                if (!record.is_object()) continue;
                const auto it = record.find(std::string(field));
                if (it != record.end() && AsText(*it) == value) {
                    found = Dump(record);
                    // Not a failure: the only way to stop ForEachPage before the last page.
                    return Fail(ErrorCode::kInternal, "found");
                }
            }
            return Ok();
        });
    if (found) return found;
    if (!walked) return Fail(walked.error());
    return std::optional<std::string>();
}

http::HttpResponse FoundResponse(std::string body) {
    http::HttpResponse response;
    response.status = 200;
    response.headers.Add("Content-Type", "application/json");
    response.body = std::move(body);
    return response;
}

Status CallDelete(ApiTransport& transport, const ApiRequest& request) {
    const TransportStats before = transport.stats();
    const Result<http::HttpResponse> response = transport.Call(request);
    if (response) return Ok();
    if (response.error().code() == ErrorCode::kNotFound &&
        ResentAfterFailure(before, transport.stats())) {
        return Ok();  // the unanswered first attempt deleted it
    }
    return Fail(response.error());
}

bool ResentAfterFailure(const TransportStats& before, const TransportStats& after) {
    // Every resend is counted in `retries`; those after a 429 or a 401 were resent because the
    // first attempt was refused unprocessed, so they say nothing about its outcome.
    const std::int64_t resends = after.retries - before.retries;
    const std::int64_t refused = (after.rate_limited - before.rate_limited) +
                                 (after.renewals - before.renewals);
    return resends > refused;
}

}  // namespace crewsync::procore::internal
