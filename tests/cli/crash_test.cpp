// The crash test: `crewsync sync people` for 2,000 people, killed with SIGKILL at 20 points
// chosen with a seeded RNG and run again each time, must end with exactly one Procore record
// per person and the same crewsync state as one uninterrupted run; and the same with 20% of
// the Procore calls answered 429/5xx.
//
// The real crewsync binary (CREWSYNC_BIN) talks to an emulator inside this process, so the
// test can watch the emulator's call counters and records while crewsync runs, and kill it
// at the moment that matters: while it reads the Directory, right after Procore took a write
// (a 1,000-user sync call or one contact) and before crewsync stored the answer, or just
// after the answer arrived. Answers of write calls reach crewsync slowly (the emulator's
// slow-body fault), which holds that window open long enough to hit it reliably.
//
// Every run's kill point and outcome is printed as a summary. CRASH_TEST_SEED=N draws other
// kill points (and other faults), to explore or to replay what a summary showed.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "model/clock.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using std::chrono::milliseconds;
using testing_support::ProgramOutput;
using Steady = std::chrono::steady_clock;

constexpr int kOk = 0;
constexpr int kRemoteFailed = 7;  // Procore failed or refused (exit_codes.hpp)
constexpr int kPeople = 2000;
constexpr int kKills = 20;
constexpr std::int64_t kUsersPerCall = 1000;  // the executor's users sync batch
// How long the answer to a write call takes to reach crewsync once Procore has done the
// write: the window in which a kill leaves a record Procore holds and crewsync never stored.
constexpr std::int64_t kSlowBodyMs = 8;
// The calls whose answers are slowed: users sync and the People API. (The regex sees the
// path only, so the contacts list, on the same path as a contact create, is slowed too.)
constexpr const char* kWritePaths = "/users/sync|/people";
constexpr const char* kOriginPrefix = "crewsync:person:";

// Person i (1-based, also its crewsync id after a fresh import) is assignable, and so a
// Procore contact written with one call, when i % 40 falls in the last `assignable_in_40`
// places; the others are users and "both" in turn, written 1,000 to a users sync call.
const char* TypeOf(int i, int assignable_in_40) {
    const int slot = i % 40;
    if (slot >= 40 - assignable_in_40) return "assignable";
    return slot % 2 == 0 ? "user" : "both";
}
bool IsContact(int i, int assignable_in_40) {
    return std::strcmp(TypeOf(i, assignable_in_40), "assignable") == 0;
}

std::int64_t ContactCount(int assignable_in_40) {
    std::int64_t n = 0;
    for (int i = 1; i <= kPeople; ++i) n += IsContact(i, assignable_in_40) ? 1 : 0;
    return n;
}

// 2,000 people, the same every time: unique e-mails and employee IDs; some assignable
// people have no e-mail, some nobody has a phone or a title.
std::string PeopleCsv(int assignable_in_40) {
    static const char* const kFirst[] = {"Ana",   "Ben",  "Chloe", "Dev",   "Eva",  "Farid",
                                         "Greta", "Hugo", "Ines",  "Jonas", "Kira", "Liam",
                                         "Maya",  "Noor", "Omar",  "Pia",   "Quinn"};
    static const char* const kLast[] = {"Adler",  "Brandt", "Costa", "Dubois", "Eriksen",
                                        "Fischer", "Garcia", "Haas",  "Ibsen",  "Jensen",
                                        "Kowalski", "Lopez", "Moreau"};
    static const char* const kTitles[] = {"Foreman", "Carpenter", "Electrician", "Engineer",
                                          "Site Manager", ""};
    std::ostringstream out;
    out << "first_name,last_name,email,employee_id,mobile_phone,job_title,type,status\n";
    for (int i = 1; i <= kPeople; ++i) {
        const std::string first = kFirst[i % std::size(kFirst)];
        const std::string last = kLast[(i * 7) % std::size(kLast)];
        std::string email = first + "." + last + "." + std::to_string(i) + "@crew" +
                            std::to_string(i % 5) + ".example.com";
        for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (IsContact(i, assignable_in_40) && i % 3 == 0) email.clear();
        const std::string phone =
            i % 4 == 0 ? "" : "+1 555 " + std::to_string(1000000 + i);
        out << first << ',' << last << ',' << email << ",E" << 100000 + i << ',' << phone << ','
            << kTitles[i % std::size(kTitles)] << ',' << TypeOf(i, assignable_in_40)
            << ",active\n";
    }
    return out.str();
}

// ---- the emulated Procore

// What the emulator's counters and records say at one moment.
struct Sample {
    std::int64_t reads = 0;    // GET /rest/… calls, faulted ones included
    std::int64_t writes = 0;   // other /rest/… calls
    std::int64_t users = 0;    // Directory users, the service account aside
    std::int64_t contacts = 0;
    std::int64_t records() const { return users + contacts; }
};

// The Procore records crewsync made, by the person their origin_id names.
struct Census {
    std::map<std::int64_t, int> per_person;          // person id → records with its origin_id
    std::map<std::string, std::string> origin_of;    // "user 5000000042" → origin_id
    std::int64_t records = 0;                        // every user and contact of the company
    std::int64_t foreign = 0;                        // records without a crewsync origin_id
};

class Procore {
public:
    explicit Procore(const emulator::FaultSettings& faults) : emulator_(Options(faults)) {
        auto& s = emulator_.services();
        company_id_ = emulator::SeedCompany(s.state, seed_, s.clock.Now()).id;
    }
    ~Procore() { emulator_.Stop(); }

    bool Start() { return emulator_.Start().has_value(); }
    std::string BaseUrl() const { return emulator_.BaseUrl(); }
    std::int64_t company_id() const { return company_id_; }
    const emulator::SeedOptions& seed() const { return seed_; }

    Sample Take() {
        Sample out;
        for (const auto& [endpoint, n] : emulator_.services().counters.Snapshot()) {
            if (endpoint.find(" /rest/") == std::string::npos) continue;
            (endpoint.rfind("GET ", 0) == 0 ? out.reads : out.writes) += n;
        }
        auto& state = emulator_.services().state;
        std::lock_guard lock(state.mutex);
        const emulator::Company* company = state.FindCompany(company_id_);
        out.users = static_cast<std::int64_t>(company->users.size()) - 1;
        out.contacts = static_cast<std::int64_t>(company->contacts.size());
        return out;
    }

    Census Count() {
        Census out;
        auto& state = emulator_.services().state;
        std::lock_guard lock(state.mutex);
        const emulator::Company* company = state.FindCompany(company_id_);
        const auto add = [&](const emulator::Collection& records, const char* kind) {
            for (const auto& [id, record] : records.All()) {
                ++out.records;
                const auto origin = record.find("origin_id");
                const std::string text = origin != record.end() && origin->is_string()
                                             ? origin->get<std::string>()
                                             : "";
                out.origin_of[std::string(kind) + " " + std::to_string(id)] = text;
                if (text.rfind(kOriginPrefix, 0) != 0) {
                    ++out.foreign;
                    continue;
                }
                ++out.per_person[std::stoll(text.substr(std::strlen(kOriginPrefix)))];
            }
        };
        add(company->users, "user");
        add(company->contacts, "contact");
        return out;
    }

    // Live timecard entries by origin_id, and how many carry each.
    std::map<std::string, int> TimecardOrigins() {
        std::map<std::string, int> out;
        auto& state = emulator_.services().state;
        std::lock_guard lock(state.mutex);
        const emulator::Company* company = state.FindCompany(company_id_);
        for (const auto& [id, record] : company->timecard_entries.All()) {
            if (!record.value("deleted_at", json()).is_null()) continue;
            const json origin = record.value("origin_id", json());
            ++out[origin.is_string() ? origin.get<std::string>() : origin.dump()];
        }
        return out;
    }

private:
    static emulator::EmulatorOptions Options(const emulator::FaultSettings& faults) {
        emulator::EmulatorOptions options;
        options.threads = 4;
        // Rate limits out of the way: the test is about crashes, and crewsync paces itself to
        // the limits it is told.
        options.limits = {100'000'000, 10'000'000};
        options.faults = faults;
        return options;
    }

    emulator::Emulator emulator_;
    emulator::SeedOptions seed_;
    std::int64_t company_id_ = 0;
};

// ---- a crewsync workspace

// What the crewsync environment holds after fork: built before, so the child only makes
// async-signal-safe calls (this process has the emulator's threads).
struct Exec {
    std::vector<std::string> argv_strings, env_strings;
    std::vector<char*> argv, envp;

    Exec(const std::string& bin, const std::vector<std::string>& args,
         const std::map<std::string, std::string>& env) {
        for (char** e = environ; *e != nullptr; ++e) {
            if (std::strncmp(*e, "CREWSYNC_", 9) != 0) env_strings.emplace_back(*e);
        }
        for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
        argv_strings.push_back(bin);
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        for (auto& s : env_strings) envp.push_back(s.data());
        envp.push_back(nullptr);
        for (auto& s : argv_strings) argv.push_back(s.data());
        argv.push_back(nullptr);
    }
};

int ExitCodeOf(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class Workspace {
public:
    Workspace(std::string bin, const std::string& name)
        : bin_(std::move(bin)), dir_("crewsync-crash-" + name) {
        fs::create_directories(io());
    }

    fs::path path() const { return dir_.path(); }
    fs::path io() const { return dir_.path() / "io"; }
    fs::path database() const { return dir_.path() / "crewsync.db"; }

    ProgramOutput Run(const std::vector<std::string>& args,
                      std::map<std::string, std::string> env = {}) {
        env["CREWSYNC_WORKSPACE"] = dir_.path().string();
        return testing_support::RunProgram(
            {bin_, args, dir_.path().string(), env, std::nullopt, io()});
    }

    // Starts crewsync without waiting; stdout and stderr go to `out` and `err`.
    pid_t Spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
        Exec exec(bin_, args, {{"CREWSYNC_WORKSPACE", dir_.path().string()}});
        const std::string out_file = out.string();
        const std::string err_file = err.string();
        const std::string cwd = dir_.path().string();
        const pid_t pid = ::fork();
        if (pid == 0) {
            const int in = ::open("/dev/null", O_RDONLY);
            const int o = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int e = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || o < 0 || e < 0 || ::dup2(in, 0) < 0 || ::dup2(o, 1) < 0 ||
                ::dup2(e, 2) < 0 || ::chdir(cwd.c_str()) != 0) {
                ::_exit(126);
            }
            ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
            ::_exit(127);
        }
        return pid;
    }

    // A workspace with the 2,000 people, connected to `procore`.
    void Prepare(Procore& procore, const fs::path& csv) {
        ProgramOutput o = Run({"init", "--name", "Crash Test"});
        ASSERT_EQ(o.code, kOk) << o;
        o = Run({"people", "import", csv.string()});
        ASSERT_EQ(o.code, kOk) << o;
        o = Run({"connect", "--base-url", procore.BaseUrl(), "--company-id",
                 std::to_string(procore.company_id())},
                {{"CREWSYNC_PROCORE_CLIENT_ID", procore.seed().client_id},
                 {"CREWSYNC_PROCORE_CLIENT_SECRET", procore.seed().client_secret}});
        ASSERT_EQ(o.code, kOk) << o;
    }

private:
    std::string bin_;
    testing_support::TempDir dir_;
};

std::string BinaryOrEmpty() {
    const char* bin = std::getenv("CREWSYNC_BIN");
    return bin != nullptr ? bin : "";
}

// ---- the database, read directly

// PRAGMA integrity_check's verdict ("ok" when sound) and the number of stored links.
struct DatabaseCheck {
    std::string integrity;
    std::int64_t links = -1;
};

DatabaseCheck CheckDatabase(const fs::path& path) {
    DatabaseCheck out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        out.integrity = std::string("cannot open: ") + sqlite3_errmsg(db);
        sqlite3_close(db);
        return out;
    }
    sqlite3_busy_timeout(db, 5000);
    const auto query = [&](const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            out.integrity += std::string(sql) + ": " + sqlite3_errmsg(db) + "\n";
            return;
        }
        int rc = 0;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) row(stmt);
        if (rc != SQLITE_DONE) out.integrity += std::string(sql) + ": " + sqlite3_errmsg(db);
        sqlite3_finalize(stmt);
    };
    std::string verdict;
    query("PRAGMA integrity_check", [&](sqlite3_stmt* stmt) {
        verdict += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    });
    query("SELECT count(*) FROM links", [&](sqlite3_stmt* stmt) {
        out.links = sqlite3_column_int64(stmt, 0);
    });
    out.integrity = verdict + out.integrity;
    sqlite3_close(db);
    return out;
}

// What a sync left, Procore ids aside, in words that diff well.
struct Synced {
    std::map<std::int64_t, std::string> links;      // person → "user crewsync:person:7"
    std::map<std::int64_t, std::string> baselines;  // person → "both user | Ana | Adler | …"
    std::map<std::string, int> link_how;            // "created" → how many links
    std::int64_t records = 0;                       // Directory users and contacts
};

Synced ReadSynced(const fs::path& database, const Census& census) {
    Synced out;
    out.records = census.records;
    SystemClock clock;
    auto store = store::OpenSqliteStore(database.string(), clock);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    if (!store) return out;
    auto tx = (*store)->Begin(store::TxMode::kRead);
    EXPECT_TRUE(tx.has_value());
    if (!tx) return out;
    auto links = (*tx)->ListLinks();
    auto baselines = (*tx)->ListBaselines();
    EXPECT_TRUE(links.has_value());
    EXPECT_TRUE(baselines.has_value());
    if (!links || !baselines) return out;
    for (const store::LinkRow& l : *links) {
        if (l.entity != store::Entity::kPerson) continue;
        const std::string key = l.procore_kind + " " + std::to_string(l.procore_id);
        const auto origin = census.origin_of.find(key);
        const std::string text = origin == census.origin_of.end() ? "(no such Procore record)"
                                                                  : origin->second;
        EXPECT_TRUE(out.links.emplace(l.local_id, l.procore_kind + " " + text).second)
            << "person " << l.local_id << " has two links";
        ++out.link_how[l.how];
    }
    for (const store::BaselineRow& b : *baselines) {
        if (b.entity != store::Entity::kPerson) continue;
        std::string text = b.person_type + " " + b.procore_kind;
        for (const std::string& v : b.values) text += " | " + v;
        EXPECT_TRUE(out.baselines.emplace(b.local_id, text).second)
            << "person " << b.local_id << " has two baselines";
    }
    return out;
}

// The first differences between two maps, for a failure message that fits on a screen.
std::string Differences(const std::map<std::int64_t, std::string>& want,
                        const std::map<std::int64_t, std::string>& got) {
    std::ostringstream out;
    int shown = 0;
    std::int64_t total = 0;
    std::set<std::int64_t> keys;
    for (const auto& [k, v] : want) keys.insert(k);
    for (const auto& [k, v] : got) keys.insert(k);
    for (std::int64_t k : keys) {
        const auto w = want.find(k);
        const auto g = got.find(k);
        const std::string wv = w == want.end() ? "(none)" : w->second;
        const std::string gv = g == got.end() ? "(none)" : g->second;
        if (wv == gv) continue;
        ++total;
        if (shown++ < 10) {
            out << "  person " << k << ": clean run " << wv << "\n    crashed   " << gv << '\n';
        }
    }
    return total == 0 ? "" : std::to_string(total) + " differ:\n" + out.str();
}

// ---- kill points

enum class KillAt {
    kStartup,        // a random moment in the first 150 ms: start-up, lock, run row, and
                     // on a quick machine the reads or the first writes
    kReading,        // while a read of the Directory is in flight
    kWriteSent,      // the n-th write of the run reached Procore: the emulator counts a call
                     // once it has its headers, and does it unless the body never arrives
    kWriteApplied,   // Procore did the n-th write; its answer is on the way
    kAnswerArrived,  // as kWriteApplied, then the answer's time to arrive and a little more:
                     // while crewsync stores it, or between calls
};

struct KillPlan {
    KillAt at = KillAt::kReading;
    std::int64_t calls = 0;     // kReading: reads; write kinds: write calls into the run
    std::int64_t records = 0;   // applied kinds: new Procore records once call `calls` is done
    std::int64_t delay_ms = 0;  // kStartup: after the start; kAnswerArrived: after the write
};

// What the next run has left to write, from what Procore holds.
struct Remaining {
    std::int64_t users = 0;
    std::int64_t contacts = 0;
    std::int64_t calls() const {
        return (users + kUsersPerCall - 1) / kUsersPerCall + contacts;
    }
    // Records Procore holds after the run's first `n` write calls.
    std::int64_t RecordsAfter(std::int64_t n) const {
        std::int64_t added = 0;
        std::int64_t u = users;
        for (std::int64_t i = 0; i < n; ++i) {
            if (u > 0) {
                const std::int64_t batch = std::min(kUsersPerCall, u);
                added += batch;
                u -= batch;
            } else {
                ++added;
            }
        }
        return added;
    }
};

// The k-th kill of kKills. The first lands while the empty Directory is read, the second right
// after Procore created the first 1,000 users; the rest are drawn, each spending on average
// its share of the work left so that the last kills still find writes to interrupt.
KillPlan PlanKill(std::mt19937_64& rng, int k, const Remaining& left) {
    const auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    KillPlan plan;
    const std::int64_t calls = left.calls();
    if (k == 0 || calls == 0) {
        plan.at = KillAt::kReading;
        plan.calls = uniform(1, 3);
        return plan;
    }
    if (k == 1) {
        plan.at = KillAt::kWriteApplied;
    } else {
        // Weights of startup, reading, write sent, write applied, answer arrived.
        static const std::vector<int> kWeights = {2, 3, 4, 7, 4};
        std::discrete_distribution<int> pick(kWeights.begin(), kWeights.end());
        plan.at = static_cast<KillAt>(pick(rng));
    }
    switch (plan.at) {
        case KillAt::kStartup: plan.delay_ms = uniform(0, 150); return plan;
        case KillAt::kReading: plan.calls = uniform(1, 3); return plan;
        default: break;
    }
    plan.calls = k == 1 ? 1 : uniform(1, std::max<std::int64_t>(1, 2 * calls / (kKills - k)));
    plan.calls = std::min(plan.calls, calls);
    plan.records = left.RecordsAfter(plan.calls);
    if (plan.at == KillAt::kAnswerArrived) plan.delay_ms = kSlowBodyMs + uniform(0, 8);
    return plan;
}

std::string Describe(const KillPlan& plan) {
    switch (plan.at) {
        case KillAt::kStartup: return "startup +" + std::to_string(plan.delay_ms) + " ms";
        case KillAt::kReading: return "reading, read call " + std::to_string(plan.calls);
        case KillAt::kWriteSent: return "write call " + std::to_string(plan.calls) + " sent";
        case KillAt::kWriteApplied:
            return "write call " + std::to_string(plan.calls) + " applied (+" +
                   std::to_string(plan.records) + " records)";
        case KillAt::kAnswerArrived:
            return "write call " + std::to_string(plan.calls) + " applied (+" +
                   std::to_string(plan.records) + " records) +" +
                   std::to_string(plan.delay_ms) + " ms";
    }
    return "?";
}

bool Reached(const KillPlan& plan, const Sample& start, const Sample& now,
             Steady::duration since_start) {
    switch (plan.at) {
        case KillAt::kStartup: return since_start >= milliseconds(plan.delay_ms);
        case KillAt::kReading: return now.reads - start.reads >= plan.calls;
        case KillAt::kWriteSent: return now.writes - start.writes >= plan.calls;
        case KillAt::kWriteApplied:
        case KillAt::kAnswerArrived: return now.records() - start.records() >= plan.records;
    }
    return false;
}

// One run of the crash loop, as the summary reports it.
struct KillRecord {
    KillPlan plan;
    bool killed = false;           // false: the run ended before its kill point
    int exit_code = 0;
    std::int64_t records_before = 0;
    std::int64_t records_after = 0;
    std::int64_t unstored = 0;     // crewsync records Procore holds that crewsync has no link to
    std::optional<std::int64_t> run_row;  // the row the run left in the runs table
    std::string run_status;                // and its status right after
    std::string said;              // the summary of a run that ended by itself
};

// "  run 7: write call 3 applied (+1 records) -> killed, Procore records …".
std::string Line(int number, const KillRecord& r) {
    std::ostringstream out;
    out << "  run " << number << ": " << Describe(r.plan) << " -> "
        << (r.killed ? "killed" : "ended " + std::to_string(r.exit_code)) << ", Procore records "
        << r.records_before << " -> " << r.records_after << ", not stored by crewsync "
        << r.unstored
        << (r.run_row ? ", run row " + std::to_string(*r.run_row) + " " + r.run_status : "")
        << (r.said.empty() ? "" : ": " + r.said) << '\n';
    return out.str();
}

struct CrashOptions {
    std::string name;
    emulator::FaultSettings faults;
    std::uint64_t seed = 1;       // of the kill points
    int assignable_in_40 = 12;    // 30%: 600 contacts, 600 contact calls a full run
};

// ---- the test

class CrashTest : public testing::Test {
protected:
    void SetUp() override {
        bin_ = BinaryOrEmpty();
        ASSERT_FALSE(bin_.empty()) << "CREWSYNC_BIN must name the crewsync binary";
    }

    fs::path Csv() const { return csv_dir_.path() / "people.csv"; }

    // One uninterrupted run against a Procore without faults: what every crashed run must
    // end up equal to.
    void CleanRun(Synced& out) {
        Procore procore(emulator::FaultSettings{});
        ASSERT_TRUE(procore.Start());
        Workspace ws(bin_, "clean");
        ASSERT_NO_FATAL_FAILURE(ws.Prepare(procore, Csv()));
        const auto started = Steady::now();
        const ProgramOutput o = ws.Run({"sync", "people", "--json"});
        clean_ms_ = std::chrono::duration_cast<milliseconds>(Steady::now() - started).count();
        ASSERT_EQ(o.code, kOk) << o;
        const Census census = procore.Count();
        ASSERT_EQ(static_cast<int>(census.per_person.size()), kPeople);
        out = ReadSynced(ws.database(), census);
        ASSERT_EQ(static_cast<int>(out.links.size()), kPeople);
        ASSERT_EQ(static_cast<int>(out.baselines.size()), kPeople);
    }

    static emulator::FaultSettings WriteSlowdown() {
        emulator::FaultSettings faults;
        faults.paths = kWritePaths;
        faults.slow_body_ms = kSlowBodyMs;
        return faults;
    }

    void CrashLoop(const CrashOptions& options);

    std::string bin_;
    testing_support::TempDir csv_dir_{"crewsync-crash-csv"};
    std::int64_t clean_ms_ = 0;
};

// Runs `crewsync sync people` in `ws` and kills it as `plan` says; false when it could not
// be started or waited for.
bool RunAndKill(Workspace& ws, Procore& procore, const KillPlan& plan, int number,
                KillRecord& record) {
    const Sample start = procore.Take();
    record.plan = plan;
    record.records_before = start.records();
    const pid_t pid = ws.Spawn({"sync", "people", "--json"},
                               ws.io() / ("run-" + std::to_string(number) + ".out"),
                               ws.io() / ("run-" + std::to_string(number) + ".err"));
    if (pid < 0) return false;
    const auto started = Steady::now();
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        const Sample now = procore.Take();
        if (Reached(plan, start, now, Steady::now() - started)) {
            if (plan.at == KillAt::kAnswerArrived) {
                std::this_thread::sleep_for(milliseconds(plan.delay_ms));
            }
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        if (Steady::now() - started > std::chrono::seconds(120)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            ADD_FAILURE() << "run " << number << " did not reach its kill point in 120 s";
            return false;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(250));
    }
    record.exit_code = ExitCodeOf(status);
    record.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (!record.killed) {
        // What a run that ended by itself said, for the summary.
        const std::string out = testing_support::ReadWholeFile(
            ws.io() / ("run-" + std::to_string(number) + ".out"));
        const json answer = json::parse(out, nullptr, false);
        record.said = answer.is_object() ? answer.value("summary", out) : out;
    }
    // A request crewsync sent just before it died is still being answered: let the emulator
    // finish it, so the next run reads a Procore that no longer changes under it (as a re-run
    // by a person or a timer would). Done when nothing moved for 30 ms.
    Sample settled = procore.Take();
    for (int i = 0; i < 100; ++i) {
        std::this_thread::sleep_for(milliseconds(kSlowBodyMs + 30));
        const Sample now = procore.Take();
        if (now.records() == settled.records() && now.writes == settled.writes &&
            now.reads == settled.reads) {
            break;
        }
        settled = now;
    }
    record.records_after = settled.records();
    return true;
}

std::vector<json> ListRuns(Workspace& ws) {
    const ProgramOutput o = ws.Run({"runs", "list", "--json", "--limit", "1000"});
    EXPECT_EQ(o.code, kOk) << "the database cannot be read after a kill\n" << o;
    const json list = json::parse(o.out, nullptr, false);
    EXPECT_TRUE(list.is_array()) << o;
    if (!list.is_array()) return {};
    return {list.begin(), list.end()};
}

// CRASH_TEST_SEED=N replaces the seeds of the kill points and of the injected faults, to
// try other kill points or replay a failure the summary reported.
CrashOptions WithSeedFromEnvironment(CrashOptions options) {
    if (const char* text = std::getenv("CRASH_TEST_SEED"); text != nullptr && *text != 0) {
        options.seed = std::strtoull(text, nullptr, 10);
        options.faults.seed = options.seed;
    }
    return options;
}

void CrashTest::CrashLoop(const CrashOptions& given) {
    const CrashOptions options = WithSeedFromEnvironment(given);
    const auto test_started = Steady::now();
    std::ofstream(Csv()) << PeopleCsv(options.assignable_in_40);
    Synced clean;
    ASSERT_NO_FATAL_FAILURE(CleanRun(clean));

    Procore procore(options.faults);
    ASSERT_TRUE(procore.Start());
    Workspace ws(bin_, options.name);
    ASSERT_NO_FATAL_FAILURE(ws.Prepare(procore, Csv()));
    std::cout << "[crash " << options.name << ", seed " << options.seed << "] clean run "
              << clean_ms_ << " ms\n";
    const std::int64_t contacts_total = ContactCount(options.assignable_in_40);
    const std::int64_t users_total = kPeople - contacts_total;

    std::mt19937_64 rng(options.seed);
    std::vector<KillRecord> records;
    std::set<std::int64_t> killed_runs;  // run rows left "running" by a kill
    std::int64_t newest_run = 0;
    int kills = 0;
    for (int number = 1; kills < kKills && number <= 2 * kKills; ++number) {
        const Sample before = procore.Take();
        const Remaining left{users_total - before.users, contacts_total - before.contacts};
        const KillPlan plan = PlanKill(rng, kills, left);
        KillRecord record;
        ASSERT_TRUE(RunAndKill(ws, procore, plan, number, record));
        if (record.killed) ++kills;

        // The database is sound and readable by crewsync after every kill.
        const std::vector<json> runs = ListRuns(ws);
        const DatabaseCheck db = CheckDatabase(ws.database());
        const Census census = procore.Count();
        record.unstored = static_cast<std::int64_t>(census.per_person.size()) - db.links;
        int new_rows = 0;
        for (const json& r : runs) {
            const std::int64_t id = r.value("id", std::int64_t{0});
            const std::string status = r.value("status", "");
            if (id > newest_run) {
                // The row of the run just made. "running" when it was killed mid-way; finished
                // when the kill came as it was exiting, or it was not killed.
                ++new_rows;
                record.run_row = id;
                record.run_status = status;
                if (status == "running") {
                    EXPECT_TRUE(record.killed) << "run row " << id << " is running, but run "
                                               << number << " ended with " << record.exit_code;
                    killed_runs.insert(id);
                }
            } else if (status == "running") {
                // A run killed before it marked the one before it "interrupted": only in its
                // first moments (it marks them as soon as it holds the lock).
                EXPECT_EQ(plan.at, KillAt::kStartup)
                    << "run row " << id << " is still running after run " << number;
            }
        }
        for (const json& r : runs) newest_run = std::max(newest_run, r.value("id", newest_run));
        EXPECT_LE(new_rows, 1);
        if (plan.at != KillAt::kStartup) {
            // Anything past start-up has its run row.
            EXPECT_TRUE(record.run_row.has_value())
                << "run " << number << " (" << Describe(plan) << ") left no run row";
        }
        if (!record.killed) {
            // A run that ended by itself finished the sync, or (with faults) stopped with 7.
            // The emulator answers an injected error before it reads the request's body; a
            // body over ~4 KB (a users sync) stays on the kept-alive connection and the next
            // call on it gets 400/414, which crewsync rightly does not retry. Never "partial":
            // no record may fail.
            EXPECT_TRUE(record.exit_code == kOk ||
                        (options.faults.error_share > 0 && record.exit_code == kRemoteFailed))
                << "run " << number << " ended with " << record.exit_code << ": " << record.said;
        }
        records.push_back(record);
        std::cout << Line(number, record) << std::flush;
        ASSERT_EQ(db.integrity, "ok") << "after run " << number << " (" << Describe(plan) << ")";
        // Never two Procore records for one person, at any point.
        for (const auto& [person, n] : census.per_person) {
            ASSERT_EQ(n, 1) << "person " << person << " has " << n << " Procore records after run "
                            << number << " (" << Describe(plan) << ")";
        }
    }
    ASSERT_EQ(kills, kKills) << "too many runs ended before their kill point";

    // To the end, then once more: the last run finds nothing to write.
    ProgramOutput last;
    int finishing_runs = 0;
    for (; finishing_runs < 4; ++finishing_runs) {
        last = ws.Run({"sync", "people", "--json"});
        if (last.code == kOk) break;
        EXPECT_TRUE(options.faults.error_share > 0 && last.code == kRemoteFailed) << last;
    }
    ASSERT_EQ(last.code, kOk) << "the runs after the kills did not finish the sync\n" << last;
    const Sample before_again = procore.Take();
    const ProgramOutput again = ws.Run({"sync", "people", "--json"});
    const Sample after_again = procore.Take();
    ASSERT_EQ(again.code, kOk) << again;
    EXPECT_EQ(after_again.writes - before_again.writes, 0) << again;
    json again_json = json::parse(again.out, nullptr, false);
    ASSERT_TRUE(again_json.is_object()) << again;
    EXPECT_EQ(again_json["status"], "succeeded") << again;
    EXPECT_EQ(again_json["counts"]["created"], 0) << again;
    EXPECT_EQ(again_json["counts"]["updated"], 0) << again;

    // Exactly one Procore record per person, and nothing else but the service account.
    const Census census = procore.Count();
    EXPECT_EQ(census.foreign, 1) << "records without a crewsync origin_id";
    EXPECT_EQ(static_cast<int>(census.per_person.size()), kPeople);
    for (int person = 1; person <= kPeople; ++person) {
        const auto it = census.per_person.find(person);
        EXPECT_EQ(it == census.per_person.end() ? 0 : it->second, 1) << "person " << person;
    }
    // The same state as the clean run, Procore ids aside.
    const Synced crashed = ReadSynced(ws.database(), census);
    EXPECT_EQ(crashed.records, clean.records);
    EXPECT_EQ(Differences(clean.links, crashed.links), "") << "links";
    EXPECT_EQ(Differences(clean.baselines, crashed.baselines), "") << "baselines";

    // Every killed run that had started is "interrupted"; none is left "running".
    std::map<std::string, int> statuses;
    for (const json& r : ListRuns(ws)) {
        const std::string status = r.value("status", "");
        ++statuses[status];
        if (killed_runs.contains(r.value("id", std::int64_t{0}))) {
            EXPECT_EQ(status, "interrupted") << r.dump();
        }
    }
    EXPECT_EQ(statuses["running"], 0);
    EXPECT_EQ(statuses["interrupted"], static_cast<int>(killed_runs.size()));

    // The kills hit what they aimed at: some left records Procore holds that crewsync had not
    // stored yet (the window the slowed answers hold open).
    int unstored_kills = 0;
    for (const KillRecord& r : records) unstored_kills += r.unstored > 0 ? 1 : 0;
    EXPECT_GE(unstored_kills, 1);

    const auto took = std::chrono::duration_cast<milliseconds>(Steady::now() - test_started);
    std::ostringstream summary;
    summary << "  " << kills << " kills in " << records.size() << " runs, then "
            << finishing_runs + 1 << " run(s) to finish and 1 with nothing to write; "
            << took.count() << " ms in all\n";
    summary << "  links by how:";
    for (const auto& [how, n] : crashed.link_how) summary << ' ' << how << '=' << n;
    summary << "; runs by status:";
    for (const auto& [status, n] : statuses) summary << ' ' << status << '=' << n;
    summary << "; Procore calls " << after_again.reads << " reads, " << after_again.writes
            << " writes\n";
    std::cout << summary.str();
}

TEST_F(CrashTest, KilledTwentyTimesEndsAsACleanRun) {
    CrashOptions options;
    options.name = "plain";
    options.faults = WriteSlowdown();
    options.seed = 20261123;
    CrashLoop(options);
}

TEST_F(CrashTest, KilledTwentyTimesWithFaultsEndsAsACleanRun) {
    CrashOptions options;
    options.name = "faults";
    // A fifth of every Procore call fails with 429/500/502/503, kills included. Retry-After 0
    // keeps crewsync's waits at its own back-off; every answer is slowed, as above.
    // crewsync waits 0.5-1 s before it repeats a call that met a 5xx, so each call costs
    // ~0.12 s on average here: 100 contacts (5%) rather than 600 keep the test near 30 s.
    options.assignable_in_40 = 2;
    options.faults.error_share = 0.2;
    options.faults.retry_after_seconds = 0;
    options.faults.slow_body_ms = kSlowBodyMs;
    options.faults.seed = 11;
    options.seed = 977;
    CrashLoop(options);
}

// ---- the timesheet push, killed

// 4 workers × 50 days on one project: 200 entries, 8 bulk creates of 25.
constexpr int kTimeWorkers = 4;
constexpr int kTimeDays = 50;

std::string TimeCsv() {
    std::ostringstream out;
    out << "person,project,date,hours,approval\n";
    const std::chrono::sys_days first{std::chrono::year{2026} / 1 / 5};
    for (int w = 1; w <= kTimeWorkers; ++w) {
        for (int d = 0; d < kTimeDays; ++d) {
            const std::chrono::year_month_day day{first + std::chrono::days{d}};
            out << "T" << w << ",P-1," << static_cast<int>(day.year()) << '-'
                << (static_cast<unsigned>(day.month()) < 10 ? "0" : "")
                << static_cast<unsigned>(day.month()) << '-'
                << (static_cast<unsigned>(day.day()) < 10 ? "0" : "")
                << static_cast<unsigned>(day.day()) << "," << 6 + (d % 3) << ",approved\n";
        }
    }
    return out.str();
}

// `crewsync sync time` killed with SIGKILL three times, each time right after Procore created a
// batch of timecards and while its answer was still on the way (the emulator slows the answers
// of bulk creates), so crewsync dies between the create and its ledger write. The runs after
// must find those timecards by origin_id instead of creating them again.
TEST_F(CrashTest, ATimesheetPushKilledBetweenCreateAndLedgerCreatesNoTimecardTwice) {
    emulator::FaultSettings faults;
    faults.paths = "bulk_create";
    faults.slow_body_ms = 60;
    Procore procore(faults);
    ASSERT_TRUE(procore.Start());
    Workspace ws(bin_, "time");
    ProgramOutput o = ws.Run({"init", "--name", "Time Crash Test"});
    ASSERT_EQ(o.code, kOk) << o;
    for (int w = 1; w <= kTimeWorkers; ++w) {
        o = ws.Run({"people", "add", "--first-name", "Worker", "--last-name", std::to_string(w),
                    "--employee-id", "T" + std::to_string(w), "--type", "assignable"});
        ASSERT_EQ(o.code, kOk) << o;
    }
    o = ws.Run({"projects", "add", "--name", "Harbor Works", "--number", "P-1"});
    ASSERT_EQ(o.code, kOk) << o;
    o = ws.Run({"connect", "--base-url", procore.BaseUrl(), "--company-id",
                std::to_string(procore.company_id())},
               {{"CREWSYNC_PROCORE_CLIENT_ID", procore.seed().client_id},
                {"CREWSYNC_PROCORE_CLIENT_SECRET", procore.seed().client_secret}});
    ASSERT_EQ(o.code, kOk) << o;
    o = ws.Run({"sync", "projects"}, {{"CREWSYNC_PROJECTS_SYSTEM_OF_RECORD", "crewsync"}});
    ASSERT_EQ(o.code, kOk) << o;
    const fs::path csv = ws.io() / "time.csv";
    std::ofstream(csv) << TimeCsv();
    o = ws.Run({"time", "import", csv.string()});
    ASSERT_EQ(o.code, kOk) << o;

    int kills = 0;
    for (int run = 0; run < 3; ++run) {
        const std::size_t before = procore.TimecardOrigins().size();
        const pid_t pid = ws.Spawn({"sync", "time", "--json"},
                                   ws.io() / ("time-" + std::to_string(run) + ".out"),
                                   ws.io() / ("time-" + std::to_string(run) + ".err"));
        ASSERT_GT(pid, 0);
        int status = 0;
        const auto started = Steady::now();
        for (;;) {
            if (::waitpid(pid, &status, WNOHANG) == pid) break;
            if (procore.TimecardOrigins().size() > before) {
                // Procore holds the batch; its answer is still trickling out.
                ::kill(pid, SIGKILL);
                while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
                }
                break;
            }
            ASSERT_LT(Steady::now() - started, std::chrono::seconds(60)) << "run " << run;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills;
        std::this_thread::sleep_for(milliseconds(200));  // the emulator finishes its answer
    }
    EXPECT_EQ(kills, 3);

    o = ws.Run({"sync", "time", "--json"});
    ASSERT_EQ(o.code, kOk) << o;
    const json finished = json::parse(o.out, nullptr, false);
    ASSERT_TRUE(finished.is_object()) << o;
    const std::map<std::string, int> origins = procore.TimecardOrigins();
    EXPECT_EQ(origins.size(), static_cast<std::size_t>(kTimeWorkers * kTimeDays));
    for (const auto& [origin, n] : origins) {
        EXPECT_EQ(n, 1) << origin << " was created " << n << " times";
        EXPECT_EQ(origin.rfind("crewsync:time:", 0), 0u) << origin;
    }
    // The three killed runs left batches Procore had created; runs after found them.
    const ProgramOutput runs = ws.Run({"runs", "list", "--json"});
    ASSERT_EQ(runs.code, kOk) << runs;
    EXPECT_NE(runs.out.find("interrupted"), std::string::npos) << runs;
    int recovered = 0;
    for (const json& run : ListRuns(ws)) {
        if (run.value("kind", "") != "time") continue;
        const ProgramOutput log = ws.Run({"runs", "download", std::to_string(run.value("id", 0)),
                                          "--format", "csv"});
        for (std::size_t at = log.out.find(",recover,"); at != std::string::npos;
             at = log.out.find(",recover,", at + 1)) {
            ++recovered;
        }
    }
    EXPECT_GE(recovered, 25) << "at least one killed batch was found in Procore and recorded";

    const Sample quiet = procore.Take();
    o = ws.Run({"sync", "time", "--json"});
    ASSERT_EQ(o.code, kOk) << o;
    EXPECT_EQ(procore.Take().writes, quiet.writes) << "a push after it all writes nothing";
    const json again = json::parse(o.out, nullptr, false);
    ASSERT_TRUE(again.is_object()) << o;
    EXPECT_EQ(again["counts"]["unchanged"], kTimeWorkers * kTimeDays);
}

}  // namespace
}  // namespace crewsync
