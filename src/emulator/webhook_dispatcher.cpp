#include "emulator/webhook_dispatcher.hpp"

#include <httplib.h>

namespace crewsync::emulator {
namespace {

// How often the change feed is looked at: it has no way to wake anyone, and taking from an
// empty feed costs a lock.
constexpr std::chrono::milliseconds kPollInterval{10};
constexpr std::size_t kMaxRecordedBody = 16 * 1024;

struct Destination {
    std::string origin;  // "https://host:port"
    std::string target;  // "/path?query"
};

// "https://example.test:8443/hooks?x=1" → origin and target; false unless http(s).
bool SplitUrl(const std::string& url, Destination& out) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return false;
    const std::string scheme = url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https") return false;
    const auto path_start = url.find_first_of("/?#", scheme_end + 3);
    out.origin = url.substr(0, path_start);
    out.target = path_start == std::string::npos ? "/" : url.substr(path_start);
    if (!out.target.empty() && out.target[0] != '/') out.target = "/" + out.target;
    if (const auto fragment = out.target.find('#'); fragment != std::string::npos) {
        out.target.erase(fragment);
    }
    return out.origin.size() > scheme_end + 3;
}

}  // namespace

DeliveryResult SendWebhook(const DeliveryAttempt& attempt, std::chrono::milliseconds timeout,
                           const Clock& clock) {
    DeliveryResult result;
    result.started_at = clock.Now();
    Destination destination;
    if (!SplitUrl(attempt.destination_url, destination)) {
        result.error = "destination_url is not an http(s) URL";
        result.completed_at = clock.Now();
        return result;
    }
    httplib::Client client(destination.origin);
    client.set_connection_timeout(timeout);
    client.set_read_timeout(timeout);
    client.set_write_timeout(timeout);
    // Destinations are test receivers, often with self-signed certificates.
    client.enable_server_certificate_verification(false);
    httplib::Headers headers = {{"User-Agent", "procore-emulator-webhooks"}};
    if (!attempt.authorization.empty()) headers.emplace("Authorization", attempt.authorization);
    const auto response =
        client.Post(destination.target, headers, attempt.event->body, "application/json");
    result.completed_at = clock.Now();
    if (!response) {
        result.error = httplib::to_string(response.error());
        return result;
    }
    result.status = response->status;
    result.headers = Json::object();
    for (const auto& [name, value] : response->headers) {
        Json& slot = result.headers[name];
        slot = slot.is_string() ? Json(slot.get<std::string>() + ", " + value) : Json(value);
    }
    result.body = response->body.substr(0, kMaxRecordedBody);
    if (!result.Succeeded()) result.error = "HTTP " + std::to_string(response->status);
    return result;
}

WebhookDispatcher::WebhookDispatcher(ChangeFeed& feed, WebhookStore& store, const Clock& clock,
                                     std::chrono::milliseconds timeout)
    : feed_(feed), store_(store), clock_(clock), timeout_(timeout) {}

WebhookDispatcher::~WebhookDispatcher() { Stop(); }

void WebhookDispatcher::Start() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { Run(); });
}

void WebhookDispatcher::Stop() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool WebhookDispatcher::Stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void WebhookDispatcher::Run() {
    while (!Stopping()) {
        // Taken even when nobody listens: the feed would otherwise grow without end.
        store_.Enqueue(feed_.Take());
        while (!Stopping()) {
            const auto attempt = store_.NextAttempt(std::chrono::steady_clock::now());
            if (!attempt) break;
            const DeliveryResult result = SendWebhook(*attempt, timeout_, clock_);
            store_.Finish(*attempt, result, std::chrono::steady_clock::now());
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, kPollInterval, [this] { return stopping_; });
    }
}

}  // namespace crewsync::emulator
