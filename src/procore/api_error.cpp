#include "procore/api_error.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace crewsync::procore {
namespace {

using Json = nlohmann::json;

std::string Text(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return "";
    return value.dump();
}

void AddFieldErrors(const Json& errors, std::vector<FieldProblem>& problems) {
    for (const auto& [field, messages] : errors.items()) {
        if (messages.is_array()) {
            for (const Json& m : messages) problems.push_back({field, Text(m)});
        } else {
            problems.push_back({field, Text(messages)});
        }
    }
}

// {"error": {"code", "message", "details": [{"message", "source"}]}} (Procore's v2 shape).
void ReadStructuredError(const Json& error, ErrorBody& out) {
    out.message = Text(error.value("message", Json()));
    const auto details = error.find("details");
    if (details == error.end() || !details->is_array()) return;
    for (const Json& d : *details) {
        if (!d.is_object()) continue;
        out.problems.push_back({Text(d.value("source", Json())), Text(d.value("message", Json()))});
    }
}

std::string Describe(ErrorCode code) {
    switch (code) {
        case ErrorCode::kUnauthorized: return "Procore did not accept the credentials";
        case ErrorCode::kForbidden: return "Procore refused: the service account lacks permission";
        case ErrorCode::kNotFound: return "Procore has no such record (or does not show it)";
        case ErrorCode::kConflict:
            return "Procore refused: the record clashes with an existing one";
        case ErrorCode::kRateLimited: return "Procore's rate limit was exceeded";
        case ErrorCode::kTransient: return "Procore was unavailable";
        case ErrorCode::kRemoteBug: return "Procore failed";
        default: return "Procore refused the request";
    }
}

}  // namespace

ErrorCode ClassifyStatus(int status) {
    switch (status) {
        case 401: return ErrorCode::kUnauthorized;
        case 403: return ErrorCode::kForbidden;
        case 404: return ErrorCode::kNotFound;
        case 409: return ErrorCode::kConflict;
        case 429: return ErrorCode::kRateLimited;
        case 408:
        case 502:
        case 503:
        case 504: return ErrorCode::kTransient;
        default: break;
    }
    if (status >= 400 && status < 500) return ErrorCode::kRemoteRejected;
    return ErrorCode::kRemoteBug;
}

bool IsRetryableStatus(int status) { return status == 408 || status == 429 || status >= 500; }

ErrorBody ParseErrorBody(std::string_view body) {
    ErrorBody out;
    const Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded()) return out;
    if (!doc.is_object()) {
        if (doc.is_string()) out.message = doc.get<std::string>();
        return out;
    }
    if (const auto m = doc.find("message"); m != doc.end()) out.message = Text(*m);
    if (const auto e = doc.find("errors"); e != doc.end()) {
        if (e->is_object()) {
            AddFieldErrors(*e, out.problems);
        } else if (e->is_array()) {
            for (const Json& item : *e) out.problems.push_back({"", Text(item)});
        } else if (out.message.empty()) {
            out.message = Text(*e);
        }
    }
    if (const auto e = doc.find("error"); e != doc.end()) {
        if (e->is_object()) {
            ErrorBody structured;
            ReadStructuredError(*e, structured);
            if (out.message.empty()) out.message = structured.message;
            for (auto& p : structured.problems) out.problems.push_back(std::move(p));
        } else if (out.message.empty()) {
            out.message = Text(*e);
        }
    }
    if (const auto d = doc.find("error_description"); d != doc.end() && d->is_string()) {
        out.message = d->get<std::string>();
    }
    return out;
}

Error ErrorFromResponse(const http::HttpResponse& response, std::string_view call) {
    const ErrorCode code = ClassifyStatus(response.status);
    ErrorBody body = ParseErrorBody(response.body);
    std::string message = fmt::format("{}: {} (HTTP {})", call, Describe(code),
                                      response.status);
    if (!body.message.empty()) message += ": " + body.message;
    if (const auto id = response.headers.Find("X-Request-Id")) {
        message += fmt::format(" [request id {}]", *id);
    }
    return Error(code, std::move(message), std::move(body.problems));
}

Error ErrorFromTransport(const http::TransportError& error, std::string_view call) {
    const bool hopeless = error.kind == http::TransportFailure::kTls ||
                          error.kind == http::TransportFailure::kOther;
    return Error(hopeless ? ErrorCode::kRemoteRejected : ErrorCode::kTransient,
                 fmt::format("{}: no answer from Procore ({}: {})", call,
                             http::TransportFailureName(error.kind), error.message));
}

std::optional<std::chrono::seconds> RetryAfter(const http::Headers& headers) {
    const auto text = headers.Find("Retry-After");
    if (!text) return std::nullopt;
    long long seconds = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, seconds);
    if (ec != std::errc() || ptr != end || seconds < 0) return std::nullopt;
    return std::chrono::seconds(seconds);
}

}  // namespace crewsync::procore
