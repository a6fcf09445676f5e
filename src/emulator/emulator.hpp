// The Procore emulator: an HTTP(S) server on loopback that speaks Procore's REST API as
// documented (design/procore-api.md), with in-memory state, rate limits and admin endpoints.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "emulator/rate_limiter.hpp"
#include "emulator/services.hpp"
#include "model/error.hpp"

namespace httplib {
class Server;
}

namespace crewsync::emulator {

struct EmulatorOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port (see Emulator::Port)
    RateLimits limits;
    std::uint64_t seed = 1;     // tokens and generated data are reproducible from it
    std::string cert_file;      // HTTPS when both are set
    std::string key_file;
    int threads = 8;
};

class Emulator {
public:
    explicit Emulator(EmulatorOptions options);
    ~Emulator();
    Emulator(const Emulator&) = delete;
    Emulator& operator=(const Emulator&) = delete;

    // Binds and starts serving on a background thread.
    Status Start();
    // Stops serving and waits for the thread.
    void Stop();
    int Port() const { return port_; }
    // "http://127.0.0.1:PORT".
    std::string BaseUrl() const;

    Services& services() { return *services_; }

private:
    void Route();

    EmulatorOptions options_;
    std::unique_ptr<Services> services_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace crewsync::emulator
