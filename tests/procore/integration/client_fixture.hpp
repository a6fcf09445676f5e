// The real Procore client (libcurl, the transport with its retries, the governor, OAuth) against
// an in-process emulator on a free loopback port, one fresh emulator per test.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/user_record.hpp"
#include "http/curl_http_client.hpp"
#include "procore/connection.hpp"

namespace crewsync::procore::testing {

using Json = nlohmann::json;

// libcurl's process-wide state, made before the first client (and any curl use) of the binary.
inline void EnsureCurl() {
    static http::HttpGlobalInit init;
    ASSERT_TRUE(init.ok());
}

// Time the client and the emulator share when a test needs waits of seconds to cost nothing:
// sleeping moves both clocks forward together, so Retry-After, rate windows and the governor's
// pacing all see the same time.
class VirtualTime final : public Clock, public Sleeper {
public:
    explicit VirtualTime(emulator::ShiftableClock& emulator_clock) : emulator_(emulator_clock) {}

    Timestamp Now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now()) +
               std::chrono::milliseconds(offset_ms_.load());
    }
    void SleepFor(std::chrono::milliseconds duration) override {
        if (duration.count() <= 0) return;
        offset_ms_ += duration.count();
        emulator_.Advance(duration);
    }
    std::chrono::milliseconds slept() const { return std::chrono::milliseconds(offset_ms_.load()); }

private:
    emulator::ShiftableClock& emulator_;
    std::atomic<std::int64_t> offset_ms_{0};
};

// Which answers to lose: the request reaches the emulator and is handled, and the client hears
// nothing, as when a connection breaks after the request went out. Shared by every HTTP client
// of a connection.
struct AnswerLoss {
    std::mutex mutex;
    http::Method method = http::Method::kGet;
    std::string url_part;  // lost when the URL holds this
    int remaining = 0;     // answers still to lose
    int lost = 0;

    void Lose(http::Method lose_method, std::string part, int count) {
        std::lock_guard lock(mutex);
        method = lose_method;
        url_part = std::move(part);
        remaining = count;
    }
    int Lost() {
        std::lock_guard lock(mutex);
        return lost;
    }
};

class LossyHttpClient final : public http::HttpClient {
public:
    LossyHttpClient(std::unique_ptr<http::HttpClient> inner, std::shared_ptr<AnswerLoss> loss)
        : inner_(std::move(inner)), loss_(std::move(loss)) {}

    http::HttpResult Send(const http::HttpRequest& request) override {
        http::HttpResult result = inner_->Send(request);
        std::lock_guard lock(loss_->mutex);
        if (loss_->remaining > 0 && request.method == loss_->method &&
            request.url.find(loss_->url_part) != std::string::npos) {
            --loss_->remaining;
            ++loss_->lost;
            return tl::unexpected(http::TransportError{http::TransportFailure::kConnectionLost,
                                                       true, "the answer was lost (test)"});
        }
        return result;
    }

private:
    std::unique_ptr<http::HttpClient> inner_;
    std::shared_ptr<AnswerLoss> loss_;
};

// The code a call failed with; nullopt when it worked.
template <class T>
std::optional<ErrorCode> CodeOf(const Result<T>& result) {
    if (result) return std::nullopt;
    return result.error().code();
}

// Whether one of the error's problems is about `field`.
inline bool NamesField(const Error& error, const std::string& field) {
    for (const FieldProblem& problem : error.problems()) {
        if (problem.field == field) return true;
    }
    return false;
}

// Back-off short enough that retries cost milliseconds.
inline RetryOptions FastRetries() {
    RetryOptions retry;
    retry.first_backoff = std::chrono::milliseconds(5);
    retry.max_backoff = std::chrono::milliseconds(50);
    retry.jitter_seed = 42;
    return retry;
}

struct ClientSetup {
    GovernorOptions governor;
    RetryOptions retry = FastRetries();
    ClientOptions client;
    bool virtual_time = false;
};

class ClientTest : public ::testing::Test {
protected:
    ClientTest() : emulator_(TestEmulatorOptions()) {}

    void SetUp() override {
        EnsureCurl();
        emulator::Services& s = emulator_.services();
        company_id_ = emulator::SeedCompany(s.state, seed_, s.clock.Now()).id;
        s.restore = [seed = seed_, now = s.clock.Now()](emulator::State& state) {
            emulator::State fresh;
            emulator::SeedCompany(fresh, seed, now);
            state.Replace(std::move(fresh));
        };
        ASSERT_TRUE(emulator_.Start());
        admin_ = std::make_unique<httplib::Client>("127.0.0.1", emulator_.Port());
        Connect();
    }

    void TearDown() override {
        connection_.reset();
        emulator_.Stop();
    }

    // A new connection (new token, governor and transport) with these settings.
    void Connect(ClientSetup setup = {}) {
        connection_.reset();
        const Clock* clock = &clock_;
        Sleeper* sleeper = &sleeper_;
        if (!setup.virtual_time) {
            virtual_time_.reset();
        } else {
            // Kept across connections: the emulator's clock stays where it was moved.
            if (!virtual_time_) {
                virtual_time_ = std::make_unique<VirtualTime>(emulator_.services().clock);
            }
            clock = virtual_time_.get();
            sleeper = virtual_time_.get();
        }
        keeper_ = std::make_unique<MemoryTokenKeeper>();
        ConnectionSettings settings;
        settings.base_url = emulator_.BaseUrl();
        settings.login_url = emulator_.BaseUrl();
        settings.company_id = company_id_;
        settings.grant = GrantType::kClientCredentials;
        settings.app = {seed_.client_id, SecretString(seed_.client_secret)};
        settings.governor = setup.governor;
        settings.retry = setup.retry;
        settings.client = setup.client;
        connection_ = std::make_unique<Connection>(
            std::move(settings), *keeper_, *clock, *sleeper, [loss = loss_] {
                http::CurlOptions options;
                options.connect_timeout = std::chrono::seconds(5);
                options.total_timeout = std::chrono::seconds(30);
                return std::make_unique<LossyHttpClient>(http::MakeCurlHttpClient(options), loss);
            });
    }

    ProcoreClient& api() { return connection_->api(); }
    ApiTransport& transport() { return connection_->transport(); }

    // An admin call (/__emulator/…) with a JSON body; the answer's JSON.
    Json Admin(const std::string& method, const std::string& path, const Json& body = Json()) {
        const std::string text = body.is_null() ? "" : body.dump();
        const httplib::Result res = [&] {
            if (method == "GET") return admin_->Get(path);
            if (method == "PUT") return admin_->Put(path, text, "application/json");
            if (method == "POST") return admin_->Post(path, text, "application/json");
            return admin_->Delete(path);
        }();
        EXPECT_TRUE(res) << method << " " << path << ": no answer";
        if (!res) return Json();
        EXPECT_EQ(res->status, 200) << method << " " << path << ": " << res->body;
        return Json::parse(res->body, nullptr, false);
    }

    // Calls the emulator counted for one endpoint ("GET /rest/v1.3/companies/{id}/users").
    std::int64_t Calls(const std::string& endpoint) {
        const auto counts = emulator_.services().counters.Snapshot();
        const auto it = counts.find(endpoint);
        return it == counts.end() ? 0 : it->second;
    }
    void ResetCalls() { emulator_.services().counters.Clear(); }

    // Runs `f(company)` with the emulator's state locked.
    template <class F>
    auto WithCompany(F&& f) {
        emulator::State& state = emulator_.services().state;
        std::lock_guard lock(state.mutex);
        return f(*state.FindCompany(company_id_), state);
    }

    // Puts `count` active users straight into the emulator's Directory.
    void AddUsers(int count, const std::string& prefix = "seeded") {
        const Timestamp now = emulator_.services().clock.Now();
        WithCompany([&](emulator::Company& company, emulator::State& state) {
            for (int i = 0; i < count; ++i) {
                const std::string n = std::to_string(i);
                company.users.Put(emulator::NewUserRecord(
                    state.NextId(),
                    Json{{"first_name", "First" + n},
                         {"last_name", prefix + n},
                         {"email_address", prefix + n + "@example.com"},
                         {"origin_id", prefix + "-" + n},
                         {"is_active", true}},
                    now));
            }
        });
    }

    std::int64_t UserCount() {
        return WithCompany([](emulator::Company& company, emulator::State&) {
            return static_cast<std::int64_t>(company.users.size());
        });
    }

    // How many of the company's users hold this origin_id (the emulator indexes one).
    int UsersWithOrigin(const std::string& origin_id) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            int n = 0;
            for (const auto& [id, user] : company.users.All()) {
                if (user.value("origin_id", Json()) == Json(origin_id)) ++n;
            }
            return n;
        });
    }

    std::string CompanyEndpoint(const std::string& version, const std::string& rest) const {
        return "/rest/" + version + "/companies/{id}" + rest;
    }

    static emulator::EmulatorOptions TestEmulatorOptions() {
        emulator::EmulatorOptions options;
        options.port = 0;
        options.threads = 4;
        // Tests that want rate limiting set it; the others must never meet it.
        options.limits = {1'000'000, 1'000'000};
        return options;
    }

    emulator::Emulator emulator_;
    emulator::SeedOptions seed_;
    std::int64_t company_id_ = 0;
    std::unique_ptr<httplib::Client> admin_;
    std::shared_ptr<AnswerLoss> loss_ = std::make_shared<AnswerLoss>();
    SystemClock clock_;
    RealSleeper sleeper_;
    std::unique_ptr<VirtualTime> virtual_time_;
    std::unique_ptr<MemoryTokenKeeper> keeper_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace crewsync::procore::testing
