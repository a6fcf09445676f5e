#include "emulator/emulator.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>

#include "emulator/faults_http.hpp"
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"
#include "emulator/webhook_dispatcher.hpp"
#include "emulator/webhook_routes.hpp"
#include "emulator/webhook_store.hpp"

namespace crewsync::emulator {
namespace {

bool IsApiPath(const std::string& path) { return path.rfind("/rest/", 0) == 0; }

// Rate limits are per application token and company (procore-api.md §4).
std::string BucketOf(const httplib::Request& request) {
    return BearerToken(request) + "|" + request.get_header_value("Procore-Company-Id");
}

WebhookOptions WebhookOptionsOf(const EmulatorOptions& options) {
    WebhookOptions out;
    out.retry.first_delay = options.webhook_first_retry;
    out.retry.max_delay = options.webhook_max_retry;
    out.retry.give_up = options.webhook_give_up;
    out.duplicate_share = options.webhook_duplicate_share;
    out.seed = options.seed;
    out.timeout = options.webhook_timeout;
    return out;
}

// Connections inherit the listening socket's options. A page of 1,000 Directory users is about
// 1 MB; with a send buffer that holds a whole page, a reply leaves in one write and the
// thread is free while the client reads it. TCP_NODELAY (inherited by accepted connections):
// without it a small answer on a reused connection waits ~40 ms for the client's delayed ACK.
void SetSocketOptions(socket_t socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    int send_buffer = 4 << 20;
    ::setsockopt(socket, SOL_SOCKET, SO_SNDBUF, &send_buffer, sizeof send_buffer);
}

}  // namespace

Emulator::Emulator(EmulatorOptions options)
    : options_(std::move(options)),
      services_(std::make_unique<Services>()),
      webhooks_(std::make_unique<WebhookStore>(WebhookOptionsOf(options_), services_->clock)),
      dispatcher_(std::make_unique<WebhookDispatcher>(services_->changes, *webhooks_,
                                                      services_->clock,
                                                      options_.webhook_timeout)),
      faults_(std::make_unique<FaultInjector>(options_.faults)) {
    services_->tokens = TokenStore(options_.seed);
    services_->limiter.SetLimits(options_.limits);
    const bool https = !options_.cert_file.empty() && !options_.key_file.empty();
    services_->https = https;
    if (https) {
        server_ = std::make_unique<httplib::SSLServer>(options_.cert_file.c_str(),
                                                       options_.key_file.c_str());
    } else {
        server_ = std::make_unique<httplib::Server>();
    }
    const int threads = options_.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_socket_options(SetSocketOptions);
    Route();
}

Emulator::~Emulator() { Stop(); }

void Emulator::Route() {
    Services& s = *services_;
    FaultInjector& faults = *faults_;
    server_->set_pre_routing_handler([&s, &faults](const httplib::Request& request,
                                                   httplib::Response& response) {
        s.counters.Count(EndpointOf(request.method, request.path));
        if (!IsApiPath(request.path)) return httplib::Server::HandlerResponse::Unhandled;
        // An answer given here comes before the request body is read; a body left unread on a
        // kept-alive connection would be taken for the next request, so such a connection ends.
        const auto answer_early = [&request, &response] {
            const std::string length = request.get_header_value("Content-Length");
            if ((!length.empty() && length != "0") ||
                request.get_header_value("Transfer-Encoding") == "chunked") {
                response.set_header("Connection", "close");
            }
            return httplib::Server::HandlerResponse::Handled;
        };
        // Injected faults come before the rate limit: they stand for failures in front of
        // Procore's servers, which count nothing.
        if (ApplyFault(faults.Decide(request.path), s, response)) return answer_early();
        RateVerdict verdict;
        {
            std::lock_guard lock(s.state.mutex);
            verdict = s.limiter.Take(BucketOf(request), s.clock.Now());
        }
        response.set_header("X-Rate-Limit-Limit", std::to_string(verdict.limit));
        response.set_header("X-Rate-Limit-Remaining", std::to_string(verdict.remaining));
        response.set_header("X-Rate-Limit-Reset", std::to_string(verdict.reset));
        if (verdict.allowed) return httplib::Server::HandlerResponse::Unhandled;
        const auto wait = verdict.reset - UnixSeconds(s.clock.Now());
        response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, wait)));
        ReplyError(response, 429,
                   "You have surpassed the max number of requests for an hour. Please wait "
                   "until your limit resets.");
        return answer_early();
    });
    server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        SlowDownBodyIfMarked(response);
    });
    // Every response carries a JSON body, unknown paths included (a dropped connection
    // deliberately has none).
    server_->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty() || response.has_header(kFaultHeader)) return;
        if (response.status == 404) {
            ReplyError(response, 404, "No route matches " + request.method + " " + request.path);
        } else {
            ReplyError(response, response.status, "request failed");
        }
    });
    server_->set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
            std::string what = "internal error";
            try {
                if (error) std::rethrow_exception(error);
            } catch (const std::exception& e) {
                what = std::string("internal error: ") + e.what();
            } catch (...) {
            }
            ReplyError(response, 500, what);
        });
    AddOAuthRoutes(*server_, s);
    AddIdentityRoutes(*server_, s);
    AddAdminRoutes(*server_, s);
    AddPermissionRoutes(*server_, s);
    AddUserRoutes(*server_, s);
    AddPeopleRoutes(*server_, s);
    AddProjectRoutes(*server_, s);
    AddClassificationRoutes(*server_, s);
    AddTimecardRoutes(*server_, s);
    AddWebhookRoutes(*server_, s, *webhooks_);
    AddFaultRoutes(*server_, *faults_);
}

Status Emulator::Start() {
    // The settings pass the checks PUT /__emulator/faults makes.
    FaultSettings checked;
    std::string field;
    std::string message;
    if (!FaultSettingsFromJson(FaultSettingsToJson(options_.faults), checked, field, message)) {
        return Fail(ErrorCode::kInvalidArgument, "fault setting " + field + " " + message);
    }
    if (options_.port == 0) {
        port_ = server_->bind_to_any_port(options_.host.c_str());
    } else {
        port_ = server_->bind_to_port(options_.host.c_str(), options_.port) ? options_.port : -1;
    }
    if (port_ <= 0) {
        return Fail(ErrorCode::kIo, "cannot listen on " + options_.host + ":" +
                                        std::to_string(options_.port) +
                                        " (in use, or not an address of this machine)");
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    dispatcher_->Start();
    return {};
}

void Emulator::Stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
    dispatcher_->Stop();
}

std::string Emulator::BaseUrl() const {
    return std::string(services_->https ? "https://" : "http://") + options_.host + ":" +
           std::to_string(port_);
}

}  // namespace crewsync::emulator
