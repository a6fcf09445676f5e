// The emulator at scale (issue 5): a generated company of 100,000 Directory users, how long it
// takes to load, and how many pages of 1,000 users a client lists per second on loopback.
//   bench_emulator [USERS [PASSES [CLIENT_THREADS]]]
// Loading is timed twice: generating the company into a fresh emulator, and loading the same
// company from its saved state (what `procore-emulator --state FILE` does). Listing: one warm-up
// pass over every page (the first pass renders each record once), then PASSES timed passes by
// CLIENT_THREADS keep-alive clients, each reading whole pages.
#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_support.hpp"
#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/seed_generated.hpp"

namespace {

using namespace crewsync;
using Json = nlohmann::json;

std::string Token(httplib::Client& client, const emulator::SeedOptions& seed) {
    const auto res = client.Post("/oauth/token",
                                 httplib::Params{{"grant_type", "client_credentials"},
                                                 {"client_id", seed.client_id},
                                                 {"client_secret", seed.client_secret}});
    if (!res || res->status != 200) {
        std::fprintf(stderr, "bench_emulator: no token\n");
        std::exit(1);
    }
    return Json::parse(res->body).at("access_token").get<std::string>();
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t users = argc > 1 ? std::atoll(argv[1]) : 100000;
    const int passes = argc > 2 ? std::atoi(argv[2]) : 5;
    const int threads = argc > 3 ? std::atoi(argv[3]) : 1;
    constexpr std::int64_t kPerPage = 1000;

    emulator::EmulatorOptions options;
    options.limits = {.hourly = 1'000'000'000, .spike = 1'000'000'000};
    options.threads = std::max(2, threads);
    emulator::Emulator server(options);
    emulator::Services& s = server.services();
    const emulator::SeedOptions seed;

    bench::Stopwatch watch;
    emulator::Company& company = emulator::SeedCompany(s.state, seed, s.clock.Now());
    emulator::GeneratedCompany shape;
    shape.people = users;
    shape.users = users;
    const emulator::GeneratedCounts counts =
        emulator::AddGeneratedRecords(s.state, company, shape, s.clock.Now());
    const double generate_seconds = watch.Lap();

    const std::string saved = s.state.ToJson().dump();
    watch.Lap();
    std::string error;
    if (!s.state.FromJson(Json::parse(saved), error)) {
        std::fprintf(stderr, "bench_emulator: %s\n", error.c_str());
        return 1;
    }
    const double load_seconds = watch.Lap();
    const emulator::RecordId company_id = s.state.Companies().begin()->first;

    if (!server.Start()) return 1;
    httplib::Client client("127.0.0.1", server.Port());
    const httplib::Headers auth = {{"Authorization", "Bearer " + Token(client, seed)},
                                   {"Procore-Company-Id", std::to_string(company_id)}};
    const std::string path = "/rest/v1.3/companies/" + std::to_string(company_id) + "/users";
    const auto total_res = client.Get(path + "?per_page=1", auth);
    const std::int64_t active = std::atoll(total_res->get_header_value("Total").c_str());
    const std::int64_t pages = (active + kPerPage - 1) / kPerPage;

    std::atomic<std::int64_t> bytes{0};
    std::atomic<bool> failed{false};
    const auto read_pages = [&](int first, int step, int repeat) {
        httplib::Client c("127.0.0.1", server.Port());
        c.set_keep_alive(true);
        for (int r = 0; r < repeat; ++r) {
            for (std::int64_t page = 1 + first; page <= pages; page += step) {
                const auto res = c.Get(path + "?per_page=1000&page=" + std::to_string(page), auth);
                if (!res || res->status != 200) {
                    failed = true;
                    return;
                }
                bytes += static_cast<std::int64_t>(res->body.size());
            }
        }
    };
    watch.Lap();
    read_pages(0, 1, 1);  // warm-up: every record rendered once
    const double first_pass = watch.Lap();
    bytes = 0;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) workers.emplace_back(read_pages, t, threads, passes);
    for (std::thread& w : workers) w.join();
    const double timed = watch.Lap();
    if (failed) {
        std::fprintf(stderr, "bench_emulator: a page request failed\n");
        return 1;
    }
    const double pages_read = static_cast<double>(pages * passes);
    std::printf("bench_emulator: %lld users (%lld active), %lld contacts, %lld projects\n",
                static_cast<long long>(counts.users), static_cast<long long>(active),
                static_cast<long long>(counts.contacts), static_cast<long long>(counts.projects));
    std::printf("  generate + seed         %7.3f s\n", generate_seconds);
    std::printf("  load saved state        %7.3f s  (%.1f MB of JSON)\n", load_seconds,
                static_cast<double>(saved.size()) / 1e6);
    std::printf("  first listing pass      %7.3f s  (%lld pages; renders every record once)\n",
                first_pass, static_cast<long long>(pages));
    std::printf("  listing                 %7.0f pages/s of 1,000 users (%d client thread%s, "
                "%d passes, %.0f MB/s)\n",
                pages_read / timed, threads, threads == 1 ? "" : "s", passes,
                static_cast<double>(bytes.load()) / 1e6 / timed);
    std::printf("  peak RSS                %7.0f MiB\n", bench::PeakRssMiB());
    server.Stop();
    return 0;
}
