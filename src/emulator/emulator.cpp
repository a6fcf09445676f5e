#include "emulator/emulator.hpp"

#include <httplib.h>

#include <chrono>

#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

bool IsApiPath(const std::string& path) { return path.rfind("/rest/", 0) == 0; }

// Rate limits are per application token and company (procore-api.md §4).
std::string BucketOf(const httplib::Request& request) {
    return BearerToken(request) + "|" + request.get_header_value("Procore-Company-Id");
}

}  // namespace

Emulator::Emulator(EmulatorOptions options)
    : options_(std::move(options)), services_(std::make_unique<Services>()) {
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
    Route();
}

Emulator::~Emulator() { Stop(); }

void Emulator::Route() {
    Services& s = *services_;
    server_->set_pre_routing_handler([&s](const httplib::Request& request,
                                          httplib::Response& response) {
        s.counters.Count(EndpointOf(request.method, request.path));
        if (!IsApiPath(request.path)) return httplib::Server::HandlerResponse::Unhandled;
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
        return httplib::Server::HandlerResponse::Handled;
    });
    // Every response carries a JSON body, unknown paths included.
    server_->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return;
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
}

Status Emulator::Start() {
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
    return {};
}

void Emulator::Stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
}

std::string Emulator::BaseUrl() const {
    return std::string(services_->https ? "https://" : "http://") + options_.host + ":" +
           std::to_string(port_);
}

}  // namespace crewsync::emulator
