#include "emulator/faults_http.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <memory>
#include <thread>

#include "emulator/http_support.hpp"

namespace crewsync::emulator {
namespace {

// Set by ApplyFault, read and removed by SlowDownBodyIfMarked: the pre-routing handler cannot
// pass anything else to the post-routing one.
constexpr const char* kSlowBodyMarker = "X-Emulator-Slow-Body-Ms";
constexpr std::size_t kSlowBodyPieces = 10;

const char* MessageOf(int status) {
    switch (status) {
        case 429:
            return "You have surpassed the max number of requests for an hour. Please wait "
                   "until your limit resets.";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "Injected error";
    }
}

void InjectError(int status, std::int64_t retry_after, Services& s,
                 httplib::Response& response) {
    response.set_header(kFaultHeader, "error " + std::to_string(status));
    if (status == 429) {
        std::int64_t spike = 0;
        {
            std::lock_guard lock(s.state.mutex);
            spike = s.limiter.Limits().spike;
        }
        response.set_header("X-Rate-Limit-Limit", std::to_string(spike));
        response.set_header("X-Rate-Limit-Remaining", "0");
        response.set_header("X-Rate-Limit-Reset",
                            std::to_string(UnixSeconds(s.clock.Now()) + retry_after));
    }
    if (status == 429 || status == 503) {
        response.set_header("Retry-After", std::to_string(retry_after));
    }
    ReplyError(response, status, MessageOf(status));
}

// cpp-httplib 0.11.4 writes the status line and headers before it asks a content provider
// for the body; a provider that fails makes the server close the connection there. So the
// client sees a 500 announcing a JSON body and then the end of the connection: a
// whole-response client (httplib, curl) reports a read error, as for a dropped connection.
void DropConnection(httplib::Response& response) {
    response.status = 500;
    response.set_header(kFaultHeader, "drop");
    const std::string body = Json{{"message", "connection dropped"}}.dump();
    response.set_content_provider(body.size(), "application/json; charset=utf-8",
                                  [](std::size_t, std::size_t, httplib::DataSink&) {
                                      return false;
                                  });
}

}  // namespace

bool ApplyFault(const FaultPlan& plan, Services& s, httplib::Response& response) {
    if (!plan.affected) return false;
    if (plan.latency_ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(plan.latency_ms));
    }
    switch (plan.kind) {
        case FaultKind::kDrop: DropConnection(response); return true;
        case FaultKind::kError:
            InjectError(plan.status, plan.retry_after_seconds, s, response);
            break;
        case FaultKind::kNone: break;
    }
    if (plan.slow_body_ms > 0) {
        response.set_header(kSlowBodyMarker, std::to_string(plan.slow_body_ms));
    }
    return plan.kind == FaultKind::kError;
}

void SlowDownBodyIfMarked(httplib::Response& response) {
    if (!response.has_header(kSlowBodyMarker)) return;
    const std::string text = response.get_header_value(kSlowBodyMarker);
    response.headers.erase(kSlowBodyMarker);
    std::int64_t total_ms = 0;
    std::from_chars(text.data(), text.data() + text.size(), total_ms);
    if (total_ms <= 0) return;
    // The headers (Content-Length included) are final by now; only the body moves into a
    // provider that hands it out piece by piece. A body already sent by a provider (a cached
    // page) is slowed down the same way.
    httplib::ContentProvider source = std::move(response.content_provider_);
    std::size_t size = response.content_length_;
    if (!source && !response.body.empty()) {
        auto body = std::make_shared<const std::string>(std::move(response.body));
        response.body.clear();
        size = body->size();
        source = [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return sink.write(body->data() + offset, length);
        };
    }
    if (!source || size == 0) {
        response.content_provider_ = std::move(source);
        return;
    }
    const std::size_t pieces = std::min(kSlowBodyPieces, size);
    const std::size_t piece_size = (size + pieces - 1) / pieces;
    const auto pause = std::chrono::milliseconds(total_ms / static_cast<std::int64_t>(pieces));
    response.content_length_ = size;
    response.content_provider_ = [source = std::move(source), piece_size, pause](
                                     std::size_t offset, std::size_t length,
                                     httplib::DataSink& sink) {
        std::this_thread::sleep_for(pause);
        return source(offset, std::min(length, piece_size), sink);
    };
}

void AddFaultRoutes(httplib::Server& server, FaultInjector& faults) {
    server.Get("/__emulator/faults", [&faults](const auto&, auto& res) {
        Reply(res, 200, FaultSettingsToJson(faults.Get()));
    });
    server.Put("/__emulator/faults", [&faults](const auto& req, auto& res) {
        std::string error;
        const std::optional<Json> body = ParseBody(req, error);
        if (!body) return ReplyError(res, 400, error);
        // PUT replaces: what the body leaves out goes back to its default.
        FaultSettings settings;
        std::string field;
        if (!FaultSettingsFromJson(*body, settings, field, error)) {
            return ReplyInvalid(res, field, error);
        }
        if (!faults.Set(settings)) {
            return ReplyInvalid(res, "paths", "is not a valid regular expression");
        }
        Reply(res, 200, FaultSettingsToJson(faults.Get()));
    });
    server.Delete("/__emulator/faults", [&faults](const auto&, auto& res) {
        faults.Clear();
        Reply(res, 200, FaultSettingsToJson(faults.Get()));
    });
}

}  // namespace crewsync::emulator
