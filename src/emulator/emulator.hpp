// The Procore emulator: an HTTP(S) server on loopback that speaks Procore's REST API as
// documented (design/procore-api.md), with in-memory state, rate limits and admin endpoints.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "emulator/faults.hpp"
#include "emulator/rate_limiter.hpp"
#include "emulator/services.hpp"
#include "model/error.hpp"

namespace httplib {
class Server;
}

namespace crewsync::emulator {

class WebhookStore;
class WebhookDispatcher;

struct EmulatorOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port (see Emulator::Port)
    RateLimits limits;
    std::uint64_t seed = 1;     // tokens and generated data are reproducible from it
    std::string cert_file;      // HTTPS when both are set
    std::string key_file;
    int threads = 8;

    // Webhook delivery (procore-api.md §10.4). A failing destination is tried again after
    // webhook_first_retry, then twice as long each time up to webhook_max_retry between
    // tries; after failing for webhook_give_up its queued events are discarded. Waits are in
    // real time (moving the emulator's clock does not speed them up).
    std::chrono::milliseconds webhook_first_retry{1000};
    std::chrono::milliseconds webhook_max_retry{std::chrono::hours(1)};
    std::chrono::milliseconds webhook_give_up{std::chrono::hours(12)};
    std::chrono::milliseconds webhook_timeout{5000};  // connect, and wait for the answer
    // 0..1: the share of events delivered twice, to test a receiver's de-duplication.
    double webhook_duplicate_share = 0;

    // Faults injected into /rest/ responses from the start (also settable over HTTP at
    // /__emulator/faults).
    FaultSettings faults;
};

class Emulator {
public:
    explicit Emulator(EmulatorOptions options);
    ~Emulator();
    Emulator(const Emulator&) = delete;
    Emulator& operator=(const Emulator&) = delete;

    // Binds and starts serving on a background thread, and starts delivering webhooks on
    // another. Fails when the port cannot be bound or options.faults is out of range.
    Status Start();
    // Stops serving and delivering, and waits for both threads (a webhook delivery in
    // progress may take up to webhook_timeout to end).
    void Stop();
    int Port() const { return port_; }
    // "http://127.0.0.1:PORT".
    std::string BaseUrl() const;

    Services& services() { return *services_; }
    WebhookStore& webhooks() { return *webhooks_; }
    FaultInjector& faults() { return *faults_; }

private:
    void Route();

    EmulatorOptions options_;
    std::unique_ptr<Services> services_;
    std::unique_ptr<WebhookStore> webhooks_;
    std::unique_ptr<WebhookDispatcher> dispatcher_;
    std::unique_ptr<FaultInjector> faults_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace crewsync::emulator
