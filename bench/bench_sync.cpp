// The first sync of a 10,000-person company, end to end: engine::RunSync with crewsync's real
// Procore client (OAuth, rate governor, retries, libcurl) against an in-process emulator, and a
// fresh SQLite workspace store.
//   bench_sync [PEOPLE [SEED]]
// PEOPLE (default 10,000) crewsync people come from the synthetic company generator (seed
// SEED, default 42); each configuration gets a fresh emulator and a fresh workspace, runs a
// first sync and then a second one with nothing changed in between. Reported per run: API
// reads (GET) and writes (POST/PATCH) per endpoint, as the emulator counted them; the run's
// wall time; what it did (created, updated, linked, …); and the calls a client that writes one
// request per record would have made (the same reads, plus one write per record created,
// updated, deactivated or reactivated), with the ratio. Exits 1 when a second run writes
// anything, or a run stops early.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "bench_support.hpp"
#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/seed_generated.hpp"
#include "engine/sync_run.hpp"
#include "http/curl_http_client.hpp"
#include "model/clock.hpp"
#include "procore/connection.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "synth/company.hpp"

namespace {

using namespace crewsync;

using bench::Die;
using bench::Must;

// What Procore holds before the first run.
enum class Directory {
    kGenerated,  // the company's Directory as `crewsync emulator --generate-people N` loads it
    kEmpty,      // nobody exists in Procore yet (only the service account)
};

struct Config {
    const char* name;
    Directory directory;
    bool everyone_user;       // every person of type user or both (no assignable people)
    PeopleScope scope;
    bool procore_limits;      // Procore's default rate limits (3600/h, 100 per 10 s)
    // Give the generated Directory's contacts the job titles the generator made for them
    // (AddGeneratedRecords leaves them out; see FillContactTitles).
    bool fill_contact_titles = true;
};

// The emulator's calls of one run, by kind.
struct Calls {
    std::int64_t reads = 0;   // GET /rest/…
    std::int64_t writes = 0;  // POST/PATCH/PUT/DELETE /rest/…
    std::int64_t tokens = 0;  // POST /oauth/token
    std::map<std::string, std::int64_t> read_endpoints, write_endpoints;
    std::int64_t user_writes = 0, contact_writes = 0, project_writes = 0;
};

Calls Classify(const std::map<std::string, std::int64_t>& counts) {
    Calls c;
    for (const auto& [endpoint, n] : counts) {
        const auto space = endpoint.find(' ');
        const std::string method = endpoint.substr(0, space);
        const std::string path = endpoint.substr(space + 1);
        if (path.starts_with("/oauth/")) {
            c.tokens += n;
            continue;
        }
        if (!path.starts_with("/rest/")) continue;
        if (method == "GET") {
            c.reads += n;
            c.read_endpoints[endpoint] += n;
            continue;
        }
        c.writes += n;
        c.write_endpoints[endpoint] += n;
        if (path.find("/users") != std::string::npos) {
            c.user_writes += n;
        } else if (path.find("/people") != std::string::npos) {
            c.contact_writes += n;
        } else if (path.find("/projects") != std::string::npos) {
            c.project_writes += n;
        }
    }
    return c;
}

// The Procore writes a client sending one request per record would make for `plan`: one per
// record created, and one per linked record changed (an update, a deactivation and a
// reactivation of the same record would go together).
struct PerRecord {
    std::int64_t users = 0, contacts = 0, projects = 0;
    std::int64_t Total() const { return users + contacts + projects; }
};

PerRecord PerRecordWrites(const sync::Plan& plan) {
    using K = sync::OperationKind;
    PerRecord out;
    std::set<std::tuple<int, std::int64_t, std::int64_t>> records;
    for (const sync::Operation& op : plan.operations) {
        const bool create = op.kind == K::kCreateUser || op.kind == K::kCreateContact ||
                            op.kind == K::kCreateProject;
        const bool change = op.kind == K::kUpdateRemote || op.kind == K::kDeactivateRemote ||
                            op.kind == K::kReactivateRemote;
        if (!create && !change) continue;
        const auto key = std::make_tuple(static_cast<int>(op.remote_kind),
                                         create ? op.local_id : 0, create ? 0 : op.remote_id);
        if (!records.insert(key).second) continue;
        switch (op.remote_kind) {
            case sync::RemoteKind::kUser: ++out.users; break;
            case sync::RemoteKind::kContact: ++out.contacts; break;
            case sync::RemoteKind::kProject: ++out.projects; break;
        }
    }
    return out;
}

struct RunNumbers {
    Calls calls;
    PerRecord per_record;
    store::RunRecord run;
    std::int64_t linked = 0;   // links stored by the run (matched by key, no write)
    std::map<std::string, std::int64_t> operations;  // the plan's operations by kind
    std::int64_t failed = 0;
    bool guard_blocked = false;
    double seconds = 0;
    procore::TransportStats stats;
};

// Puts the crewsync side of `company` into the store: groups and classifications first (people
// refer to them), then people and projects in id order, so the store's ids are the generator's.
void FillWorkspace(store::Store& store, const synth::Company& company) {
    auto tx = Must(store.Begin(store::TxMode::kWrite), "begin");
    for (const std::string& name : company.local.group_names) {
        Group group;
        group.name = name;
        Must(tx->InsertGroup(group), "group " + name);
    }
    for (const sync::RemoteClassification& c : company.remote.classifications) {
        Classification classification;
        classification.name = c.name;
        Must(tx->InsertClassification(classification), "classification " + c.name);
    }
    for (const sync::LocalPerson& p : company.local.people) {
        const PersonId id = Must(tx->InsertPerson(p.person), "person");
        if (id != p.person.id) Die("people were not stored with the generator's ids");
    }
    for (const sync::LocalProject& p : company.local.projects) {
        const ProjectId id = Must(tx->InsertProject(p.project), "project");
        if (id != p.project.id) Die("projects were not stored with the generator's ids");
    }
    Must(tx->Commit(), "commit");
}

// AddGeneratedRecords (src/emulator/seed_generated.cpp) copies every field of the generated
// Directory users but leaves out the contacts' job titles, so every matched contact would look
// as if its title had been erased in Procore and the first sync would update it. A company's
// real Directory holds the titles its people were entered with; this puts them back, contact by
// contact (the loader stores them in the generator's order, with ascending ids). Returns how many
// it changed: 0 once the loader copies them itself.
std::int64_t FillContactTitles(emulator::Company& procore, const synth::Company& company) {
    const auto& generated = company.remote.contacts;
    if (procore.contacts.size() != generated.size()) {
        Die("the loaded contacts are not the generated ones");
    }
    std::vector<emulator::RecordId> ids;
    for (const auto& [id, record] : procore.contacts.All()) ids.push_back(id);
    std::int64_t filled = 0;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        emulator::Json& record = *procore.contacts.FindMutable(ids[k]);
        const emulator::Json& last = record["last_name"];
        if (!last.is_string() || last.get<std::string>() != generated[k].last_name) {
            Die("the loaded contacts are not in the generator's order");
        }
        const std::string& title = generated[k].job_title;
        if (title.empty() || record["job_title"] == title) continue;
        record["job_title"] = title;
        procore.contacts.Touched(ids[k]);
        ++filled;
    }
    return filled;
}

class Bench {
public:
    Bench(const Config& config, std::int64_t people, std::uint64_t seed)
        : config_(config), people_(people), seed_(seed) {}

    // The first run and the second; returns false when the second wrote anything.
    bool Run(RunNumbers& first, RunNumbers& second, std::int64_t& directory_records,
             std::int64_t& titles_filled) {
        synth::CompanyShape shape;
        shape.seed = seed_;
        shape.people = people_;
        if (config_.everyone_user) {
            shape.share_user = 0.7;
            shape.share_both = 0.3;
        }
        const synth::Company company = synth::GenerateCompany(shape);

        emulator::EmulatorOptions options;
        options.threads = 4;
        if (!config_.procore_limits) options.limits = {1'000'000'000, 1'000'000'000};
        emulator::Emulator server(options);
        emulator::Services& s = server.services();
        const emulator::SeedOptions seed_options;
        emulator::Company& procore_company =
            emulator::SeedCompany(s.state, seed_options, s.clock.Now());
        directory_records = 0;
        titles_filled = 0;
        if (config_.directory == Directory::kGenerated) {
            // The same shape as above: GeneratedCompany{seed, people} is the default shape.
            if (config_.everyone_user) Die("a generated Directory has the default type mix");
            emulator::GeneratedCompany generated;
            generated.seed = seed_;
            generated.people = people_;
            const emulator::GeneratedCounts counts = emulator::AddGeneratedRecords(
                s.state, procore_company, generated, s.clock.Now());
            directory_records = counts.users + counts.contacts;
            titles_filled = config_.fill_contact_titles
                                ? FillContactTitles(procore_company, company)
                                : 0;
        }
        const std::int64_t company_id = s.state.Companies().begin()->first;
        Must(server.Start(), "the emulator did not start");

        const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                          ("crewsync-bench-sync-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        const SystemClock clock;
        {
            auto store = Must(store::OpenSqliteStore((dir / "crewsync.db").string(), clock),
                              "open the store");
            FillWorkspace(*store, company);

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

            sync::Settings sync_settings;
            sync_settings.scope = config_.scope;
            engine::SyncEnvironment env{*store, connection.api(), clock, sync_settings,
                                        (dir / "crewsync.db.sync-lock").string(), {}, {}};
            first = Once(env, s, connection);
            second = Once(env, s, connection);
        }
        server.Stop();
        std::filesystem::remove_all(dir);
        return second.calls.writes == 0;
    }

private:
    RunNumbers Once(engine::SyncEnvironment& env, emulator::Services& s,
                    procore::Connection& connection) {
        s.counters.Clear();
        const procore::TransportStats before = connection.transport().stats();
        engine::SyncRequest request;
        request.scope = engine::SyncScope::kAll;
        // The guard's decision is reported, not obeyed: the benchmark measures the writes.
        request.approve_mass_change = true;
        RunNumbers n;
        bench::Stopwatch watch;
        const engine::SyncOutcome outcome = Must(engine::RunSync(request, env), "sync");
        n.seconds = watch.Lap();
        n.calls = Classify(s.counters.Snapshot());
        n.per_record = PerRecordWrites(outcome.plan);
        n.run = outcome.run;
        n.failed = outcome.execution.failed;
        n.guard_blocked = outcome.guard.blocked;
        for (const sync::Operation& op : outcome.plan.operations) {
            if (op.kind == sync::OperationKind::kLink) ++n.linked;
            std::string kind = sync::Name(op.kind);
            if (op.kind == sync::OperationKind::kUpdateRemote) {
                kind += std::string(" ") + sync::Name(op.remote_kind);
            }
            ++n.operations[kind];
        }
        const procore::TransportStats after = connection.transport().stats();
        n.stats.requests = after.requests - before.requests;
        n.stats.rate_limited = after.rate_limited - before.rate_limited;
        n.stats.waited = after.waited - before.waited;
        // A partial run (some records refused) is reported with its failures; a run that
        // stopped or was blocked measured nothing worth printing.
        if (outcome.run.status != "succeeded" && outcome.run.status != "partial") {
            Die(std::string(config_.name) + ": the run " + outcome.run.status + ": " +
                outcome.run.summary);
        }
        return n;
    }

    Config config_;
    std::int64_t people_;
    std::uint64_t seed_;
};

void Print(const char* run, const RunNumbers& n) {
    const Calls& c = n.calls;
    const std::int64_t baseline = n.per_record.Total() + c.reads;
    const std::int64_t actual = c.writes + c.reads;
    std::printf("    %-6s %6.2f s  reads %4lld  writes %5lld (users %lld, contacts %lld, "
                "projects %lld)  token %lld\n",
                run, n.seconds, static_cast<long long>(c.reads), static_cast<long long>(c.writes),
                static_cast<long long>(c.user_writes), static_cast<long long>(c.contact_writes),
                static_cast<long long>(c.project_writes), static_cast<long long>(c.tokens));
    std::string reads;
    for (const auto& [endpoint, count] : c.read_endpoints) {
        reads += (reads.empty() ? "" : ", ") + std::to_string(count) + " × " + endpoint.substr(4);
    }
    std::printf("             reads: %s\n", reads.c_str());
    for (const auto& [endpoint, count] : c.write_endpoints) {
        std::printf("             %5lld × %s\n", static_cast<long long>(count), endpoint.c_str());
    }
    if (!n.operations.empty()) {
        std::string plan;
        for (const auto& [kind, count] : n.operations) {
            plan += (plan.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
        }
        std::printf("             plan: %s\n", plan.c_str());
    }
    const store::RunCounts& k = n.run.counts;
    std::printf("             %s: %lld created, %lld updated, %lld linked (no write), "
                "%lld deactivated, %lld reactivated, %lld reset, %lld unchanged, %lld skipped, "
                "%lld failed%s\n",
                n.run.status.c_str(), static_cast<long long>(k.created),
                static_cast<long long>(k.updated),
                static_cast<long long>(n.linked), static_cast<long long>(k.deactivated),
                static_cast<long long>(k.reactivated), static_cast<long long>(k.reset),
                static_cast<long long>(k.unchanged), static_cast<long long>(k.skipped),
                static_cast<long long>(k.failed),
                n.guard_blocked ? " (the mass-change guard would have asked for approval)" : "");
    std::printf("             one request per record: %lld writes (users %lld, contacts %lld, "
                "projects %lld) + %lld reads = %lld calls; this run %lld calls",
                static_cast<long long>(n.per_record.Total()),
                static_cast<long long>(n.per_record.users),
                static_cast<long long>(n.per_record.contacts),
                static_cast<long long>(n.per_record.projects), static_cast<long long>(c.reads),
                static_cast<long long>(baseline), static_cast<long long>(actual));
    if (actual > 0) {
        std::printf(", ratio %.1f×", static_cast<double>(baseline) / static_cast<double>(actual));
    }
    const std::int64_t bulk = c.user_writes + c.project_writes;
    const std::int64_t bulk_baseline = n.per_record.users + n.per_record.projects;
    if (bulk > 0) {
        std::printf("; users+projects writes %lld vs %lld (%.0f×)", static_cast<long long>(bulk),
                    static_cast<long long>(bulk_baseline),
                    static_cast<double>(bulk_baseline) / static_cast<double>(bulk));
    }
    std::printf("\n");
    if (n.stats.rate_limited > 0 || n.stats.waited.count() > 0) {
        std::printf("             rate limits: %lld 429s, %.1f s waited by the governor and "
                    "retries\n",
                    static_cast<long long>(n.stats.rate_limited),
                    static_cast<double>(n.stats.waited.count()) / 1000.0);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t people = argc > 1 ? std::atoll(argv[1]) : 10000;
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 42;
    if (people < 1) Die("usage: bench_sync [PEOPLE [SEED]]");
    const http::HttpGlobalInit curl;
    if (!curl.ok()) Die("libcurl did not start");

    const std::vector<Config> configs = {
        {"generated Directory, scope all", Directory::kGenerated, false, PeopleScope::kAll,
         false},
        {"generated Directory, scope users_only", Directory::kGenerated, false,
         PeopleScope::kUsersOnly, false},
        {"empty Procore, scope all", Directory::kEmpty, false, PeopleScope::kAll, false},
        {"empty Procore, every person a user", Directory::kEmpty, true, PeopleScope::kAll, false},
        {"generated Directory, scope users_only, Procore's rate limits", Directory::kGenerated,
         false, PeopleScope::kUsersOnly, true},
        {"empty Procore, every person a user, Procore's rate limits", Directory::kEmpty, true,
         PeopleScope::kAll, true},
    };
    std::printf("bench_sync: %lld crewsync people (seed %llu), engine::RunSync scope all, real "
                "Procore client over loopback to an in-process emulator, SQLite workspace\n",
                static_cast<long long>(people), static_cast<unsigned long long>(seed));
    bench::Stopwatch total;
    bool ok = true;
    for (const Config& config : configs) {
        RunNumbers first, second;
        std::int64_t directory = 0;
        std::int64_t titles = 0;
        Bench bench(config, people, seed);
        const bool quiet = bench.Run(first, second, directory, titles);
        std::printf("  %s (Directory before: %lld users and contacts", config.name,
                    static_cast<long long>(directory));
        if (titles > 0) {
            std::printf(", %lld contacts given their generated job titles",
                        static_cast<long long>(titles));
        }
        std::printf("; limits: %s)\n", config.procore_limits ? "3600/h, 100 per 10 s" : "none");
        Print("first", first);
        Print("second", second);
        if (!quiet) {
            std::printf("    FAILED: the second run, with nothing changed, wrote to Procore\n");
            ok = false;
        }
        std::fflush(stdout);
    }
    std::printf("  total %.1f s, peak RSS %.0f MiB\n", total.Lap(), bench::PeakRssMiB());
    return ok ? 0 : 1;
}
