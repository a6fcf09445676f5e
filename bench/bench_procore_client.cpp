// crewsync's own Procore client against Procore's rate limits: every Directory user of a
// generated company listed with ProcoreClient::ListUsers (1,000 per page) through the real stack
// (Connection: OAuth client credentials, the rate governor, the transport's retries, libcurl),
// against an in-process emulator, under several rate limits, with the governor on and off.
//   bench_procore_client [USERS [LISTINGS]]
// USERS (default 100,000) Directory users are generated as `procore-emulator --generate-users`
// does; the users list serves the active ones. Each configuration starts from fresh rate-limit
// windows (PUT /__emulator/rate_limits empties them, and a new connection gets a new token) and
// lists the Directory LISTINGS times (default 1) one after another, after one untimed warm-up
// listing (the emulator's first pass renders every page). Reported per configuration:
// users fetched, API calls (the transport's count and the emulator's GET /__emulator/calls),
// 429s, retries, time waited for pacing and back-off, and wall time.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_support.hpp"
#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/seed_generated.hpp"
#include "http/curl_http_client.hpp"
#include "model/clock.hpp"
#include "procore/connection.hpp"

namespace {

using namespace crewsync;
using Json = nlohmann::json;

[[noreturn]] void Fail(const std::string& what) {
    std::fprintf(stderr, "bench_procore_client: %s\n", what.c_str());
    std::exit(1);
}

// The emulator's own controls (/__emulator/...), over the project's HTTP client.
class Admin {
public:
    explicit Admin(std::string base)
        : base_(std::move(base)), http_(http::MakeCurlHttpClient(http::CurlOptions{})) {}

    Json Send(http::Method method, const std::string& path, const std::string& body = "") {
        http::HttpRequest request;
        request.method = method;
        request.url = base_ + path;
        if (!body.empty()) {
            request.headers.Add("Content-Type", "application/json");
            request.body = body;
        }
        const http::HttpResult result = http_->Send(request);
        if (!result) Fail(path + ": " + result.error().message);
        if (result->status != 200) {
            Fail(path + ": status " + std::to_string(result->status) + ": " + result->body);
        }
        return Json::parse(result->body);
    }

private:
    std::string base_;
    std::unique_ptr<http::HttpClient> http_;
};

struct Config {
    const char* name;
    std::int64_t hourly;
    std::int64_t spike;
    bool governor;
};

struct Outcome {
    std::int64_t users = 0;
    procore::TransportStats stats;
    std::int64_t emulator_calls = 0;  // every call the emulator counted, the token's included
    std::int64_t list_calls = 0;      // of those, GET .../users (429s included)
    double seconds = 0;
};

Outcome Run(const Config& config, Admin& admin, const std::string& base,
            std::int64_t company_id, const emulator::SeedOptions& seed, int listings) {
    admin.Send(http::Method::kPut, "/__emulator/rate_limits",
               Json{{"hourly", config.hourly}, {"spike", config.spike}}.dump());
    admin.Send(http::Method::kDelete, "/__emulator/calls");

    procore::ConnectionSettings settings;
    settings.base_url = base;
    settings.login_url = base;
    settings.company_id = company_id;
    settings.app = {seed.client_id, SecretString(seed.client_secret)};
    settings.governor.enabled = config.governor;
    procore::MemoryTokenKeeper keeper;
    const SystemClock clock;
    procore::RealSleeper sleeper;
    procore::Connection connection(settings, keeper, clock, sleeper, [] {
        return http::MakeCurlHttpClient(http::CurlOptions{});
    });

    Outcome outcome;
    bench::Stopwatch watch;
    for (int listing = 0; listing < listings; ++listing) {
        Result<std::vector<procore::RemoteUser>> users = connection.api().ListUsers({});
        if (!users) Fail(std::string(config.name) + ": " + users.error().message());
        outcome.users += static_cast<std::int64_t>(users->size());
    }
    outcome.seconds = watch.Lap();
    outcome.stats = connection.transport().stats();

    const Json calls = admin.Send(http::Method::kGet, "/__emulator/calls");
    outcome.emulator_calls = calls.at("total").get<std::int64_t>();
    const std::string list = "GET /rest/v1.3/companies/{id}/users";
    if (calls.at("calls").contains(list)) {
        outcome.list_calls = calls.at("calls").at(list).get<std::int64_t>();
    }
    return outcome;
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t generate = argc > 1 ? std::atoll(argv[1]) : 100000;
    const int listings = argc > 2 ? std::atoi(argv[2]) : 1;
    if (generate < 1 || listings < 1) Fail("usage: bench_procore_client [USERS [LISTINGS]]");
    const http::HttpGlobalInit curl;
    if (!curl.ok()) Fail("libcurl did not start");
    bench::Stopwatch total;

    emulator::EmulatorOptions options;
    options.threads = 4;
    emulator::Emulator server(options);
    emulator::Services& s = server.services();
    const emulator::SeedOptions seed;
    emulator::Company& company = emulator::SeedCompany(s.state, seed, s.clock.Now());
    emulator::GeneratedCompany shape;
    shape.people = generate;
    shape.users = generate;
    const emulator::GeneratedCounts counts =
        emulator::AddGeneratedRecords(s.state, company, shape, s.clock.Now());
    const std::int64_t company_id = s.state.Companies().begin()->first;
    if (!server.Start()) Fail("the emulator did not start");
    const double generate_seconds = total.Lap();
    const std::string base = server.BaseUrl();
    auto admin_client = std::make_unique<Admin>(base);
    Admin& admin = *admin_client;

    // A first listing, untimed in the table: the emulator renders each record and joins each
    // page once, then serves the same text until the Directory changes.
    constexpr Config kUnlimited{"unlimited", 1'000'000'000, 1'000'000'000, true};
    const Outcome warm_up = Run(kUnlimited, admin, base, company_id, seed, 1);
    // Unlimited: what the client costs when Procore never says no. Then Procore's
    // long-standing defaults, and the smaller example limits of today's documentation.
    const std::vector<Config> configs = {
        kUnlimited,
        {"3600/h, 100/10 s", 3600, 100, true},
        {"3600/h, 100/10 s", 3600, 100, false},
        {"600/h, 25/10 s", 600, 25, true},
        {"600/h, 25/10 s", 600, 25, false},
    };
    std::printf("bench_procore_client: %lld Directory users generated (%.1f s); ListUsers, "
                "1,000 per page, %d listing%s per configuration\n",
                static_cast<long long>(counts.users), generate_seconds, listings,
                listings == 1 ? "" : "s");
    std::printf("  warm-up listing, unlimited (the emulator renders every page once): %lld "
                "users in %lld calls, %.2f s\n",
                static_cast<long long>(warm_up.users),
                static_cast<long long>(warm_up.stats.requests), warm_up.seconds);
    std::printf("  %-17s %-8s %7s %7s %8s %5s %7s %8s %8s\n", "limits", "governor", "users",
                "client", "emulator", "429s", "retries", "waited", "wall");
    std::printf("  %-17s %-8s %7s %7s %8s %5s %7s %8s %8s\n", "", "", "fetched", "calls",
                "calls", "", "", "", "");
    for (const Config& config : configs) {
        const Outcome o = Run(config, admin, base, company_id, seed, listings);
        std::printf("  %-17s %-8s %7lld %7lld %8lld %5lld %7lld %7.1fs %7.2fs\n", config.name,
                    config.governor ? "on" : "off", static_cast<long long>(o.users),
                    static_cast<long long>(o.stats.requests),
                    static_cast<long long>(o.emulator_calls),
                    static_cast<long long>(o.stats.rate_limited),
                    static_cast<long long>(o.stats.retries),
                    static_cast<double>(o.stats.waited.count()) / 1000.0, o.seconds);
        std::fflush(stdout);
        if (o.emulator_calls != o.list_calls + 1) {
            std::printf("    (emulator: %lld users-list calls, %lld others)\n",
                        static_cast<long long>(o.list_calls),
                        static_cast<long long>(o.emulator_calls - o.list_calls));
        }
    }
    std::printf("  emulator calls: every request it answered, the token's (one per "
                "configuration) and 429s included\n");
    // Closed before the emulator stops: its server waits for open keep-alive connections.
    admin_client.reset();
    server.Stop();
    std::printf("  total %.1f s, peak RSS %.0f MiB\n", total.Lap() + generate_seconds,
                bench::PeakRssMiB());
    return 0;
}
