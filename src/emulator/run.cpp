#include "emulator/run.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/seed_generated.hpp"

namespace crewsync::emulator {
namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

// Loads `path` into `state`; `text` keeps the file's text for a later reset.
bool ReadState(const std::string& path, State& state, std::string& text) {
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "procore-emulator: cannot read %s\n", path.c_str());
        return false;
    }
    std::stringstream content;
    content << in.rdbuf();
    text = content.str();
    Json document = Json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        std::fprintf(stderr, "procore-emulator: %s: not valid JSON\n", path.c_str());
        return false;
    }
    std::string error;
    if (!state.FromJson(std::move(document), error)) {
        std::fprintf(stderr, "procore-emulator: %s: %s\n", path.c_str(), error.c_str());
        return false;
    }
    return true;
}

// The seeded company, filled from a generated one when `generated` asks for people.
GeneratedCounts Seed(State& state, const SeedOptions& seed, const GeneratedCompany& generated,
                     Timestamp now) {
    Company& company = SeedCompany(state, seed, now);
    if (generated.people == 0 && generated.users == 0) return {};
    return AddGeneratedRecords(state, company, generated, now);
}

bool WriteState(const std::string& path, const State& state) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << state.ToText() << "\n";
        out.close();  // the last buffered bytes are written here: check after, not before
        if (!out) {
            std::fprintf(stderr, "procore-emulator: cannot write %s\n", temporary.c_str());
            std::remove(temporary.c_str());
            return false;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::fprintf(stderr, "procore-emulator: cannot replace %s\n", path.c_str());
        return false;
    }
    return true;
}

}  // namespace

int RunEmulator(int argc, char** argv) {
    CLI::App app{
        "A local Procore for tests, benchmarks and demos: Procore's REST API on loopback, with "
        "in-memory state, rate limits and admin endpoints under /__emulator/."};
    app.name("procore-emulator");
    EmulatorOptions options;
    SeedOptions seed;
    std::string state_file;
    bool save_on_exit = false;
    app.add_option("--host", options.host, "Address to listen on")->capture_default_str();
    app.add_option("--port", options.port, "Port; 0 picks a free one and prints it")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    app.add_option("--seed", options.seed, "Seed for tokens and generated data")
        ->capture_default_str();
    app.add_option("--hourly-limit", options.limits.hourly, "Requests per hour per app and company")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--spike-limit", options.limits.spike, "Requests per 10 seconds")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--cert", options.cert_file, "TLS certificate (PEM); with --key serves HTTPS")
        ->check(CLI::ExistingFile);
    app.add_option("--key", options.key_file, "TLS private key (PEM)")->check(CLI::ExistingFile);
    app.add_option("--state", state_file,
                   "Load the state from this JSON file (as saved by --save or "
                   "GET /__emulator/state) instead of seeding a demo company");
    app.add_flag("--save", save_on_exit, "Write the state back to --state FILE when stopped");
    app.add_option("--company", seed.company_name, "Name of the seeded company")
        ->capture_default_str();
    app.add_option("--client-id", seed.client_id, "OAuth client id of the seeded application")
        ->capture_default_str();
    app.add_option("--client-secret", seed.client_secret, "Its client secret")
        ->capture_default_str();
    auto* faults = app.add_option_group("Fault injection",
                                        "Also settable at run time: PUT /__emulator/faults");
    faults->add_option("--error-share", options.faults.error_share,
                       "Share of /rest/ requests answered with an error (0-1)")
        ->check(CLI::Range(0.0, 1.0));
    faults->add_option("--error-statuses", options.faults.statuses,
                       "Statuses the errors are picked from")
        ->capture_default_str();
    faults->add_option("--drop-share", options.faults.drop_share,
                       "Share of /rest/ requests whose connection drops without an answer (0-1)")
        ->check(CLI::Range(0.0, 1.0));
    faults->add_option("--latency-ms", options.faults.latency_ms, "Delay added to each request")
        ->check(CLI::NonNegativeNumber);
    faults->add_option("--slow-body-ms", options.faults.slow_body_ms,
                       "Send each body in pieces over this long")
        ->check(CLI::NonNegativeNumber);
    faults->add_option("--fault-paths", options.faults.paths,
                       "Only paths matching this regular expression (default: every /rest/ path)");
    faults->add_option("--fault-seed", options.faults.seed,
                       "Seed of the fault sequence (the same seed repeats the same faults)")
        ->capture_default_str();
    auto* hooks = app.add_option_group("Webhooks");
    double give_up_hours = 12;
    hooks->add_option("--webhook-give-up-hours", give_up_hours,
                      "Discard events to a destination failing for this long")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    hooks->add_option("--webhook-duplicate-share", options.webhook_duplicate_share,
                      "Share of events delivered twice, to test deduplication (0-1)")
        ->check(CLI::Range(0.0, 1.0));
    GeneratedCompany generated;
    generated.people = 0;
    app.add_option("--generate-people", generated.people,
                   "Fill the seeded company from a generated company of N people (Directory "
                   "users and contacts, projects, classifications, with near-duplicates, "
                   "conflicts and Directory-only people on purpose; reproducible with --seed)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--generate-users", generated.users,
                   "Add Directory-only users to the generated company until the Directory "
                   "holds at least N users (alone: a company of N people)")
        ->check(CLI::NonNegativeNumber);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    options.webhook_give_up =
        std::chrono::milliseconds(static_cast<std::int64_t>(give_up_hours * 3'600'000));
    if (options.cert_file.empty() != options.key_file.empty()) {
        std::fprintf(stderr, "procore-emulator: --cert and --key go together\n");
        return 2;
    }
    if (save_on_exit && state_file.empty()) {
        std::fprintf(stderr, "procore-emulator: --save needs --state FILE\n");
        return 2;
    }

    // Before anything slow: a SIGTERM during a long load, or sent as soon as the address is
    // printed, must stop the emulator cleanly (and save with --save), not kill it.
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    Emulator emulator(options);
    Services& services = emulator.services();
    // Lines for stdout once the emulator is listening: nothing is promised before that.
    std::string banner;
    std::error_code exists_error;
    if (!state_file.empty() && std::filesystem::exists(state_file, exists_error)) {
        if (generated.people > 0 || generated.users > 0) {
            std::fprintf(stderr,
                         "procore-emulator: %s exists: the state comes from it, --generate-people "
                         "and --generate-users are not used\n",
                         state_file.c_str());
        }
        std::string text;
        if (!ReadState(state_file, services.state, text)) return 8;
        services.restore = [text = std::move(text)](State& state) {
            std::string error;
            state.FromJson(Json::parse(text), error);  // it was loaded once already
        };
    } else {
        if (generated.people > 0 || generated.users > 0) {
            generated.seed = options.seed;
            if (generated.people == 0) generated.people = generated.users;
        }
        const Timestamp started = services.clock.Now();
        const GeneratedCounts counts = Seed(services.state, seed, generated, started);
        const Company& company = services.state.Companies().begin()->second;
        banner = "company " + std::to_string(company.id) + " \"" + company.name +
                 "\", client id " + seed.client_id + "\n";
        if (generated.people > 0) {
            banner += "generated " + std::to_string(counts.users) + " users, " +
                      std::to_string(counts.contacts) + " contacts, " +
                      std::to_string(counts.projects) + " projects, " +
                      std::to_string(counts.classifications) + " classifications\n";
        }
        services.restore = [seed, generated, started](State& state) {
            State fresh;
            Seed(fresh, seed, generated, started);
            state.Replace(std::move(fresh));
        };
    }
    if (const Status started = emulator.Start(); !started) {
        std::fprintf(stderr, "procore-emulator: %s\n", started.error().message().c_str());
        return 1;
    }
    std::printf("%slistening on %s\n", banner.c_str(), emulator.BaseUrl().c_str());
    std::fflush(stdout);
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    emulator.Stop();
    if (save_on_exit) {
        std::lock_guard lock(services.state.mutex);
        if (!WriteState(state_file, services.state)) return 8;
    }
    return 0;
}

}  // namespace crewsync::emulator
