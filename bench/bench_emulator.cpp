// The emulator at scale (issue 5): a generated company of 100,000 Directory users, how long it
// takes to load, and how many pages of 1,000 users a client lists per second on loopback.
//   bench_emulator [USERS [PASSES [CLIENT_THREADS]]]
// Loading is timed twice: generating the company into a fresh emulator, and loading the same
// company from its saved state (what `procore-emulator --state FILE` does). Listing: one warm-up
// pass over every page (the first pass renders each record and joins each page once), then
// PASSES timed passes by CLIENT_THREADS keep-alive libcurl clients (the HTTP library crewsync's
// own Procore client uses), each reading whole pages. Beside it, what the loopback carries for
// messages of the same size with no HTTP at all, so the listing rate can be read against it.
#include <curl/curl.h>

#include <algorithm>
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
#include "loopback_ceiling.hpp"

namespace {

using namespace crewsync;
using Json = nlohmann::json;

// Large reads, as a client fetching megabyte pages would set them (curl's default is 16 KB).
constexpr long kReadBufferBytes = 512 * 1024;

std::size_t Append(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

// A keep-alive HTTP client on one curl handle.
class Client {
public:
    explicit Client(std::string base) : base_(std::move(base)), curl_(curl_easy_init()) {
        curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Append);
        curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body_);
        curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, Append);
        curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &head_);
        curl_easy_setopt(curl_, CURLOPT_BUFFERSIZE, kReadBufferBytes);
        body_.reserve(std::size_t{2} << 20);
    }
    ~Client() {
        curl_slist_free_all(headers_);
        curl_easy_cleanup(curl_);
    }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    void SetHeaders(const std::vector<std::string>& headers) {
        for (const std::string& header : headers) {
            headers_ = curl_slist_append(headers_, header.c_str());
        }
        curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
    }
    // The status of GET or (with a form body) POST `path`; the body is in body().
    long Send(const std::string& path, const std::string* form = nullptr) {
        body_.clear();
        head_.clear();
        const std::string url = base_ + path;
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        if (form) {
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, form->c_str());
        } else {
            curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
        }
        long status = 0;
        if (curl_easy_perform(curl_) != CURLE_OK) return 0;
        curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
        return status;
    }
    const std::string& body() const { return body_; }
    // A response header's value as a number (0 when absent); names as the server spells them.
    std::int64_t NumberHeader(const std::string& name) const {
        const std::size_t at = head_.find("\n" + name + ": ");
        return at == std::string::npos ? 0 : std::atoll(head_.c_str() + at + name.size() + 3);
    }

private:
    std::string base_;
    CURL* curl_;
    curl_slist* headers_ = nullptr;
    std::string body_;
    std::string head_;
};

[[noreturn]] void Fail(const char* what) {
    std::fprintf(stderr, "bench_emulator: %s\n", what);
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t users = argc > 1 ? std::atoll(argv[1]) : 100000;
    const int passes = argc > 2 ? std::atoi(argv[2]) : 5;
    const int threads = argc > 3 ? std::atoi(argv[3]) : 1;
    constexpr std::int64_t kPerPage = 1000;
    curl_global_init(CURL_GLOBAL_DEFAULT);

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

    const std::string saved = s.state.ToText();
    const double save_seconds = watch.Lap();
    std::string error;
    if (!s.state.FromJson(Json::parse(saved), error)) Fail(error.c_str());
    const double load_seconds = watch.Lap();
    const emulator::RecordId company_id = s.state.Companies().begin()->first;

    if (!server.Start()) Fail("the emulator did not start");
    const std::string base = "http://127.0.0.1:" + std::to_string(server.Port());
    std::string token;
    {
        Client client(base);
        const std::string form = "grant_type=client_credentials&client_id=" + seed.client_id +
                                 "&client_secret=" + seed.client_secret;
        if (client.Send("/oauth/token", &form) != 200) Fail("no token");
        token = Json::parse(client.body()).at("access_token").get<std::string>();
    }
    const std::vector<std::string> headers = {"Authorization: Bearer " + token,
                                              "Procore-Company-Id: " + std::to_string(company_id)};
    const std::string path = "/rest/v1.3/companies/" + std::to_string(company_id) + "/users";
    std::int64_t active = 0;
    {
        Client client(base);
        client.SetHeaders(headers);
        if (client.Send(path + "?per_page=1") != 200) Fail("no first page");
        active = client.NumberHeader("Total");
    }
    const std::int64_t pages = (active + kPerPage - 1) / kPerPage;

    std::atomic<std::int64_t> bytes{0};
    std::atomic<bool> failed{false};
    const auto read_pages = [&](int first, int step, int repeat) {
        Client client(base);
        client.SetHeaders(headers);
        for (int r = 0; r < repeat; ++r) {
            for (std::int64_t page = 1 + first; page <= pages; page += step) {
                if (client.Send(path + "?per_page=1000&page=" + std::to_string(page)) != 200) {
                    failed = true;
                    return;
                }
                bytes += static_cast<std::int64_t>(client.body().size());
            }
        }
    };
    watch.Lap();
    read_pages(0, 1, 1);  // warm-up: every record rendered, every page joined once
    const double first_pass = watch.Lap();
    if (failed) Fail("a page request failed");
    // One pass over every page: its bytes over the pages are the average page size.
    const double average_page = static_cast<double>(bytes.load()) / static_cast<double>(pages);
    // The machine is shared and noisy: listing and the bare loopback are measured in turns,
    // kRounds times, and both reported as medians.
    constexpr int kRounds = 5;
    std::vector<double> listing_rates;
    std::vector<double> loopback_rates;
    for (int round = 0; round < kRounds; ++round) {
        watch.Lap();
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) workers.emplace_back(read_pages, t, threads, passes);
        for (std::thread& w : workers) w.join();
        listing_rates.push_back(static_cast<double>(pages * passes) / watch.Lap());
        if (failed) Fail("a page request failed");
        loopback_rates.push_back(bench::LoopbackMessagesPerSecond(
            static_cast<std::size_t>(average_page), static_cast<int>(pages * passes) / threads,
            threads, kReadBufferBytes));
    }
    const auto median = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    const double listing = median(listing_rates);
    const double ceiling = median(loopback_rates);
    std::printf("bench_emulator: %lld users (%lld active), %lld contacts, %lld projects\n",
                static_cast<long long>(counts.users), static_cast<long long>(active),
                static_cast<long long>(counts.contacts), static_cast<long long>(counts.projects));
    std::printf("  generate + seed         %7.3f s\n", generate_seconds);
    std::printf("  save state              %7.3f s  (%.1f MB of JSON)\n", save_seconds,
                static_cast<double>(saved.size()) / 1e6);
    std::printf("  load saved state        %7.3f s\n", load_seconds);
    std::printf("  first listing pass      %7.3f s  (%lld pages of %.2f MB on average)\n",
                first_pass, static_cast<long long>(pages), average_page / 1e6);
    std::printf("  listing                 %7.0f pages/s of 1,000 users, %.0f MB/s (%d client "
                "thread%s; median of %d rounds of %d passes; slowest %.0f, fastest %.0f)\n",
                listing, listing * average_page / 1e6, threads, threads == 1 ? "" : "s", kRounds,
                passes, *std::min_element(listing_rates.begin(), listing_rates.end()),
                *std::max_element(listing_rates.begin(), listing_rates.end()));
    std::printf("  loopback, no HTTP       %7.0f messages/s of %.2f MB (%d connection%s; median)\n",
                ceiling, average_page / 1e6, threads, threads == 1 ? "" : "s");
    std::printf("  peak RSS                %7.0f MiB\n", bench::PeakRssMiB());
    server.Stop();
    curl_global_cleanup();
    return 0;
}
