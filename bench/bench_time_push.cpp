// The timesheet push of 10,000 time entries, end to end: engine::RunTimePush with crewsync's
// real Procore client (OAuth, rate governor, retries, libcurl) against an in-process emulator,
// and a fresh SQLite workspace store.
//   bench_time_push [ENTRIES [WORKERS]]
// ENTRIES (default 10,000) entries of WORKERS (default 200) assignable workers with no Procore
// record yet, spread over 10 linked projects and consecutive days, each worker holding one of 5
// positions Procore does not have. Runs: the first push (contacts, classifications, timecards),
// the same push again (must write nothing: exits 1 otherwise), and a push after 100 entries were
// edited. Reported per run: API reads and writes per endpoint, as the emulator counted them, and
// wall time; and the writes a client sending one request per timecard would have made.
// A second configuration repeats the first push under Procore's default rate limits.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "bench_support.hpp"
#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "engine/time_push.hpp"
#include "http/curl_http_client.hpp"
#include "model/clock.hpp"
#include "procore/connection.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace crewsync;

using bench::Die;
using bench::Must;

constexpr int kProjects = 10;
constexpr int kPositions = 5;

struct Calls {
    std::int64_t reads = 0, writes = 0;
    std::map<std::string, std::int64_t> write_endpoints;
};

Calls Classify(const std::map<std::string, std::int64_t>& counts) {
    Calls c;
    for (const auto& [endpoint, n] : counts) {
        const auto space = endpoint.find(' ');
        const std::string method = endpoint.substr(0, space);
        if (endpoint.find(" /rest/") == std::string::npos) continue;
        if (method == "GET") {
            c.reads += n;
        } else {
            c.writes += n;
            c.write_endpoints[endpoint] += n;
        }
    }
    return c;
}

// Workers, positions, linked projects and entries, straight into the store.
void FillWorkspace(store::Store& store, procore::ProcoreApi& api, int entries, int workers) {
    auto tx = Must(store.Begin(store::TxMode::kWrite), "begin");
    for (int c = 0; c < kPositions; ++c) {
        Classification position;
        position.name = "Trade " + std::to_string(c + 1);
        position.abbreviation = "T" + std::to_string(c + 1);
        Must(tx->InsertClassification(position), "classification");
    }
    std::vector<PersonId> people;
    for (int w = 0; w < workers; ++w) {
        Person p;
        p.type = PersonType::kAssignable;
        p.first_name = "Worker" + std::to_string(w);
        p.last_name = "Crew" + std::to_string(w % 37);
        p.employee_id = "PAY-" + std::to_string(10000 + w);
        p.classification = "Trade " + std::to_string(w % kPositions + 1);
        people.push_back(Must(tx->InsertPerson(p), "person"));
    }
    std::vector<ProjectId> projects;
    for (int k = 0; k < kProjects; ++k) {
        Project project;
        project.name = "Bench Project " + std::to_string(k);
        project.project_number = "B-" + std::to_string(100 + k);
        const ProjectId id = Must(tx->InsertProject(project), "project");
        procore::ProjectFields fields;
        fields.name = project.name;
        fields.project_number = project.project_number;
        const procore::RemoteProject remote = Must(api.CreateProject(fields), "Procore project");
        Must(tx->PutLink({store::Entity::kProject, id.value(), "project", remote.id, "matched",
                          ""}),
             "link");
        projects.push_back(id);
    }
    const std::chrono::sys_days first_day{std::chrono::year{2026} / 1 / 5};
    for (int i = 0; i < entries; ++i) {
        TimeEntry e;
        e.person = people[static_cast<std::size_t>(i % workers)];
        e.project = projects[static_cast<std::size_t>((i / workers) % kProjects)];
        e.date = Date{first_day + std::chrono::days{i / workers}};
        e.hours = Hours{700 + (i % 5) * 50};
        e.approval = ApprovalStatus::kApproved;
        Must(tx->InsertTimeEntry(e), "time entry");
    }
    Must(tx->Commit(), "commit");
}

void EditEntries(store::Store& store, int count) {
    auto tx = Must(store.Begin(store::TxMode::kWrite), "begin");
    const auto entries = Must(tx->ListTimeEntries({}), "entries");
    for (int i = 0; i < count && i < static_cast<int>(entries.size()); ++i) {
        TimeEntry e = entries[static_cast<std::size_t>(i) * 97 % entries.size()];
        e.hours = Hours{e.hours.hundredths == 800 ? 750 : 800};
        Must(tx->UpdateTimeEntry(e), "edit");
    }
    Must(tx->Commit(), "commit");
}

struct Run {
    Calls calls;
    double seconds = 0;
    engine::TimePushOutcome outcome;
};

Run Push(engine::SyncEnvironment& env, emulator::Services& s) {
    s.counters.Clear();
    engine::TimePushRequest request;
    bench::Stopwatch watch;
    Run run;
    run.outcome = Must(engine::RunTimePush(request, env), "push");
    run.seconds = watch.Lap();
    run.calls = Classify(s.counters.Snapshot());
    if (run.outcome.run.status != "succeeded") {
        Die("the push did not succeed: " + run.outcome.run.summary);
    }
    return run;
}

void Print(const char* name, const Run& r) {
    const auto& c = r.outcome.run.counts;
    std::printf("%-28s %5lld reads %5lld writes  %7.2f s  created %lld, updated %lld, "
                "unchanged %lld\n",
                name, static_cast<long long>(r.calls.reads),
                static_cast<long long>(r.calls.writes), r.seconds,
                static_cast<long long>(c.created), static_cast<long long>(c.updated),
                static_cast<long long>(c.unchanged));
    for (const auto& [endpoint, n] : r.calls.write_endpoints) {
        std::printf("    %6lld  %s\n", static_cast<long long>(n), endpoint.c_str());
    }
}

// One configuration: a fresh emulator and workspace; returns false if a re-push wrote.
bool Configuration(const char* name, bool procore_limits, bool again, int entries,
                   int workers) {
    emulator::EmulatorOptions options;
    options.threads = 4;
    if (!procore_limits) options.limits = {1'000'000'000, 1'000'000'000};
    emulator::Emulator server(options);
    emulator::Services& s = server.services();
    const emulator::SeedOptions seed_options;
    emulator::SeedCompany(s.state, seed_options, s.clock.Now());
    const std::int64_t company_id = s.state.Companies().begin()->first;
    Must(server.Start(), "the emulator did not start");

    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("crewsync-bench-time-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const SystemClock clock;
    bool quiet_again = true;
    {
        auto store = Must(store::OpenSqliteStore((dir / "crewsync.db").string(), clock),
                          "open the store");
        procore::ConnectionSettings settings;
        settings.base_url = server.BaseUrl();
        settings.login_url = server.BaseUrl();
        settings.company_id = company_id;
        settings.app = {seed_options.client_id, SecretString(seed_options.client_secret)};
        procore::MemoryTokenKeeper keeper;
        procore::RealSleeper sleeper;
        procore::Connection connection(settings, keeper, clock, sleeper, [] {
            return http::MakeCurlHttpClient(http::CurlOptions{});
        });
        FillWorkspace(*store, connection.api(), entries, workers);
        engine::SyncEnvironment env{*store, connection.api(), clock, sync::Settings{},
                                    (dir / "crewsync.db.sync-lock").string(), {}, {}};
        std::printf("%s: %d entries, %d workers without a Procore record, %d projects, "
                    "%d positions missing in Procore\n",
                    name, entries, workers, kProjects, kPositions);
        const Run first = Push(env, s);
        Print("  first push", first);
        std::printf("    one request per timecard would write %lld times (%.0fx)\n",
                    static_cast<long long>(entries + workers + kPositions),
                    static_cast<double>(entries + workers + kPositions) /
                        static_cast<double>(first.calls.writes));
        if (again) {
            const Run second = Push(env, s);
            Print("  same push again", second);
            quiet_again = second.calls.writes == 0;
            EditEntries(*store, 100);
            const Run edited = Push(env, s);
            Print("  after editing 100 entries", edited);
        }
    }
    server.Stop();
    std::filesystem::remove_all(dir);
    return quiet_again;
}

}  // namespace

int main(int argc, char** argv) {
    const int entries = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int workers = argc > 2 ? std::atoi(argv[2]) : 200;
    if (entries <= 0 || workers <= 0) Die("usage: bench_time_push [ENTRIES [WORKERS]]");
    const bool quiet = Configuration("no rate limits", false, true, entries, workers);
    Configuration("Procore's limits (3,600/h, 100 per 10 s)", true, false, entries, workers);
    if (!quiet) Die("the second push wrote to Procore");
    return 0;
}
