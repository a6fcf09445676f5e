// End-to-end tests of the procore-emulator program (PROCORE_EMULATOR_BIN), not just the Emulator
// class: its options and exit statuses, --state FILE and --save, --generate-users, and
// POST /__emulator/reset going back to the state the program started with. Each test runs the
// real binary as a child process on a free port (--port 0) and talks to it over HTTP with a plain
// cpp-httplib client, the way a script or a benchmark would.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

extern char** environ;

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;
using ::testing::HasSubstr;
using ::testing::Not;
using testing_support::TempDir;

// Exit statuses, as docs/emulator.md promises them.
constexpr int kStopped = 0;
constexpr int kOtherFailure = 1;  // for example the port is taken
constexpr int kBadOptions = 2;
constexpr int kStateFileError = 8;
// What WaitForExit reports for a child that had to be killed because it did not exit in time.
constexpr int kHung = -1;

// How long the program may take to print its address, or to exit: a hang fails the test
// instead of blocking ctest.
constexpr auto kPatience = std::chrono::seconds(20);

// The credentials of the application the program seeds by default.
constexpr const char* kClientId = "crewsync-demo";
constexpr const char* kClientSecret = "crewsync-demo-secret";

std::string ReadText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void WriteText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// One run of procore-emulator: stdout through a pipe, read as the test needs it; stderr to a
// file, read when asked. The destructor kills a child the test left running (a failed ASSERT
// returns early), so no emulator outlives its test.
class EmulatorProcess {
public:
    EmulatorProcess(const std::string& bin, const std::vector<std::string>& args,
                    fs::path stderr_path)
        : stderr_path_(std::move(stderr_path)) {
        int pipe_fds[2];
        // Close-on-exec: another child started while this one runs must not keep its write end
        // open, or this one's EOF would never come.
        if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
            ADD_FAILURE() << "pipe2 failed";
            return;
        }
        stdout_fd_ = pipe_fds[0];
        std::vector<std::string> argv_strings = {bin};
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& s : argv_strings) argv.push_back(s.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
        posix_spawn_file_actions_addopen(&actions, 2, stderr_path_.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int error =
            ::posix_spawn(&pid_, bin.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipe_fds[1]);
        if (error != 0) {
            pid_ = -1;
            ADD_FAILURE() << "cannot start " << bin << ": " << std::strerror(error);
        }
    }

    ~EmulatorProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            Reap();
        }
        if (stdout_fd_ >= 0) ::close(stdout_fd_);
    }

    EmulatorProcess(const EmulatorProcess&) = delete;
    EmulatorProcess& operator=(const EmulatorProcess&) = delete;

    // Reads stdout until "listening on http://127.0.0.1:PORT"; false if the program exits or
    // hangs first.
    bool WaitUntilListening() {
        static const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+)\n)");
        return ReadUntil([this] {
            std::smatch match;
            if (!std::regex_search(out_, match, listening)) return false;
            port_ = std::stoi(match[1]);
            return true;
        });
    }

    int port() const { return port_; }

    // The id in "company N ..." which the program prints when it seeds a company; 0 if none.
    long long CompanyId() const {
        static const std::regex company(R"((?:^|\n)company (\d+) )");
        std::smatch match;
        return std::regex_search(out_, match, company) ? std::stoll(match[1]) : 0;
    }

    // Asks the program to stop with SIGTERM, as a service manager would; its exit status.
    int Stop() {
        if (pid_ <= 0) return exit_status_;
        ::kill(pid_, SIGTERM);
        return WaitForExit();
    }

    // Waits for the program to exit on its own (killing it after kPatience); its exit status:
    // the code it exited with, 128 + the signal that killed it, or kHung.
    int WaitForExit() {
        if (pid_ <= 0) return exit_status_;
        // Its stdout reaches EOF when it exits; reading it also keeps it from blocking on a full
        // pipe.
        ReadUntil([] { return false; });
        if (!eof_) ::kill(pid_, SIGKILL);
        const int status = Reap();
        if (!eof_) return exit_status_ = kHung;
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_status_;
    }

    const std::string& out() const { return out_; }
    std::string err() const { return ReadText(stderr_path_); }

    // For failure messages.
    std::string Describe() const {
        return "--- stdout ---\n" + out_ + "--- stderr ---\n" + err() +
               (timed_out_ ? "(gave up waiting after " + std::to_string(kPatience.count()) + " s)\n"
                           : "");
    }

private:
    // Appends what stdout has to out_ until `done` holds (true), or EOF or kPatience (false).
    bool ReadUntil(const std::function<bool()>& done) {
        const auto deadline = SteadyClock::now() + kPatience;
        while (!done()) {
            if (eof_ || stdout_fd_ < 0) return false;
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now())
                    .count();
            if (left <= 0) {
                timed_out_ = true;
                return false;
            }
            pollfd ready{stdout_fd_, POLLIN, 0};
            const int polled = ::poll(&ready, 1, static_cast<int>(left));
            if (polled < 0 && errno != EINTR) return false;
            if (polled <= 0) continue;
            char buffer[4096];
            const ssize_t n = ::read(stdout_fd_, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                eof_ = true;
                return false;
            }
            out_.append(buffer, static_cast<std::size_t>(n));
        }
        return true;
    }

    int Reap() {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

    fs::path stderr_path_;
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    std::string out_;
    int port_ = 0;
    bool eof_ = false;
    bool timed_out_ = false;
    int exit_status_ = kHung;
};

// A run that is expected to end before it listens.
struct Exit {
    int status = kHung;
    std::string out;
    std::string err;
};

std::ostream& operator<<(std::ostream& os, const Exit& e) {
    return os << "exit status " << e.status << "\n--- stdout ---\n"
              << e.out << "--- stderr ---\n"
              << e.err;
}

// ---------------------------------------------------------------------------------------------
// Talking to it, as any Procore client would.

std::unique_ptr<httplib::Client> ClientFor(const EmulatorProcess& emulator) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", emulator.port());
    client->set_connection_timeout(5);
    client->set_read_timeout(10);
    return client;
}

// A client-credentials token of the seeded application; "" (and a test failure) if refused.
std::string Token(httplib::Client& client) {
    const auto res =
        client.Post("/oauth/token", httplib::Params{{"grant_type", "client_credentials"},
                                                    {"client_id", kClientId},
                                                    {"client_secret", kClientSecret}});
    if (!res) {
        ADD_FAILURE() << "POST /oauth/token: no response";
        return "";
    }
    EXPECT_EQ(res->status, 200) << res->body;
    const Json body = Json::parse(res->body, nullptr, false);
    return body.is_object() ? body.value("access_token", "") : "";
}

httplib::Headers Auth(const std::string& token, long long company) {
    return {{"Authorization", "Bearer " + token}, {"Procore-Company-Id", std::to_string(company)}};
}

std::string UsersPath(long long company) {
    return "/rest/v1.3/companies/" + std::to_string(company) + "/users";
}

// Page 1 of the company's Directory users, 1000 a page (the most the emulator gives).
struct UsersPage {
    int status = 0;
    long long total = -1;  // the Total header: how many active users there are
    Json users;            // the body
};

UsersPage ListUsers(httplib::Client& client, const std::string& token, long long company) {
    UsersPage page;
    const auto res = client.Get(UsersPath(company) + "?per_page=1000&page=1", Auth(token, company));
    if (!res) {
        ADD_FAILURE() << "GET users: no response";
        return page;
    }
    page.status = res->status;
    if (res->has_header("Total")) page.total = std::stoll(res->get_header_value("Total"));
    page.users = Json::parse(res->body, nullptr, false);
    EXPECT_FALSE(page.users.is_discarded()) << "not JSON: " << res->body;
    return page;
}

// Creates a Directory user; the response status (201 when created).
int CreateUser(httplib::Client& client, const std::string& token, long long company,
               const std::string& email) {
    const Json body = {{"user", {{"email_address", email}, {"last_name", "Program Test"}}}};
    const auto res =
        client.Post(UsersPath(company), Auth(token, company), body.dump(), "application/json");
    if (!res) {
        ADD_FAILURE() << "POST users: no response";
        return 0;
    }
    EXPECT_EQ(res->status, 201) << res->body;
    return res->status;
}

int Reset(httplib::Client& client) {
    const auto res = client.Post("/__emulator/reset");
    if (!res) {
        ADD_FAILURE() << "POST /__emulator/reset: no response";
        return 0;
    }
    return res->status;
}

// Whether a list of user records (or a state document's users) has one with this e-mail.
bool HasEmail(const Json& users, const std::string& email) {
    if (!users.is_array()) return false;
    for (const Json& user : users) {
        if (user.is_object() && user.value("email_address", "") == email) return true;
    }
    return false;
}

// The users of every company in a state document, as --save writes it.
Json UsersInState(const Json& state) {
    Json users = Json::array();
    if (!state.is_object() || !state.contains("companies")) return users;
    for (const Json& company : state["companies"]) {
        if (!company.is_object() || !company.contains("users")) continue;
        for (const Json& user : company["users"]) users.push_back(user);
    }
    return users;
}

// The records without created_at and updated_at: seeding stamps records with the time the
// program started, the one thing --seed does not fix between two runs.
Json WithoutStartTime(Json records) {
    for (Json& record : records) {
        if (!record.is_object()) continue;
        record.erase("created_at");
        record.erase("updated_at");
    }
    return records;
}

// "" when two lists of records are equal; otherwise where they first differ (the whole lists
// would be hundreds of lines in a failure message).
std::string FirstDifference(const Json& a, const Json& b) {
    if (a == b) return "";
    if (!a.is_array() || !b.is_array()) return "not both arrays: " + a.dump() + " vs " + b.dump();
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] != b[i]) {
            return "record " + std::to_string(i) + " differs:\n  " + a[i].dump() + "\n  " +
                   b[i].dump();
        }
    }
    return "sizes differ: " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
}

// What a run of --generate-users 300 --seed SEED serves.
struct GeneratedRun {
    long long generated_users = -1;  // from the "generated N users, ..." line
    UsersPage page;
};

// ---------------------------------------------------------------------------------------------

class EmulatorProgramTest : public ::testing::Test {
protected:
    void SetUp() override {
        const char* bin = std::getenv("PROCORE_EMULATOR_BIN");
        ASSERT_NE(bin, nullptr) << "PROCORE_EMULATOR_BIN must name the procore-emulator binary";
        bin_ = bin;
        ASSERT_TRUE(fs::exists(bin_)) << bin_;
    }

    // Starts the program on a free port; the caller waits for it with WaitUntilListening.
    std::unique_ptr<EmulatorProcess> Launch(std::vector<std::string> args) {
        args.insert(args.begin(), {"--port", "0"});
        return LaunchExactly(args);
    }

    // Starts the program with exactly these arguments.
    std::unique_ptr<EmulatorProcess> LaunchExactly(const std::vector<std::string>& args) {
        const fs::path err = dir_.File("stderr-" + std::to_string(++runs_));
        return std::make_unique<EmulatorProcess>(bin_, args, err);
    }

    // Runs the program where it must give up before listening: its exit status and output.
    Exit RunToExit(const std::vector<std::string>& args) {
        const auto process = LaunchExactly(args);
        Exit result;
        if (process->WaitUntilListening()) {
            ADD_FAILURE() << "it started listening instead of exiting";
            result.status = process->Stop();
        } else {
            result.status = process->WaitForExit();
        }
        result.out = process->out();
        result.err = process->err();
        return result;
    }

    // Runs --generate-users 300 --seed SEED and notes what it generated.
    void RunGenerated(const std::string& seed, GeneratedRun& run) {
        const auto emulator = Launch({"--generate-users", "300", "--seed", seed});
        ASSERT_TRUE(emulator->WaitUntilListening()) << emulator->Describe();
        std::smatch match;
        const std::string& out = emulator->out();
        ASSERT_TRUE(std::regex_search(out, match, std::regex(R"(\ngenerated (\d+) users, )")))
            << emulator->Describe();
        run.generated_users = std::stoll(match[1]);
        const long long company = emulator->CompanyId();
        ASSERT_NE(company, 0) << emulator->Describe();
        const auto client = ClientFor(*emulator);
        run.page = ListUsers(*client, Token(*client), company);
        EXPECT_EQ(run.page.status, 200);
        EXPECT_EQ(emulator->Stop(), kStopped) << emulator->Describe();
    }

    std::string bin_;
    TempDir dir_{"crewsync-emulator-program"};

private:
    int runs_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Generated companies.

TEST_F(EmulatorProgramTest, GeneratedCompanyIsTheSameForTheSameSeedAndDiffersForAnother) {
    GeneratedRun first;
    GeneratedRun again;
    GeneratedRun other;
    ASSERT_NO_FATAL_FAILURE(RunGenerated("7", first));
    ASSERT_NO_FATAL_FAILURE(RunGenerated("7", again));
    ASSERT_NO_FATAL_FAILURE(RunGenerated("8", other));

    // "At least N users" in the Directory; Total counts only the active ones, fewer but some.
    EXPECT_GE(first.generated_users, 300);
    EXPECT_GT(first.page.total, 0);
    EXPECT_LE(first.page.total, first.generated_users);
    // All of them fit on the page, so comparing the page compares the whole Directory.
    ASSERT_TRUE(first.page.users.is_array());
    EXPECT_EQ(static_cast<long long>(first.page.users.size()), first.page.total);

    EXPECT_EQ(again.generated_users, first.generated_users);
    EXPECT_EQ(again.page.total, first.page.total);
    EXPECT_EQ(
        FirstDifference(WithoutStartTime(first.page.users), WithoutStartTime(again.page.users)),
        "");
    EXPECT_NE(WithoutStartTime(other.page.users), WithoutStartTime(first.page.users))
        << "--seed 8 generated the same users as --seed 7";
}

TEST_F(EmulatorProgramTest, ResetBringsBackTheGeneratedCompany) {
    const auto emulator = Launch({"--generate-users", "300", "--seed", "7"});
    ASSERT_TRUE(emulator->WaitUntilListening()) << emulator->Describe();
    const long long company = emulator->CompanyId();
    ASSERT_NE(company, 0) << emulator->Describe();
    const auto client = ClientFor(*emulator);
    const std::string token = Token(*client);
    const UsersPage before = ListUsers(*client, token, company);
    ASSERT_EQ(before.status, 200);
    ASSERT_GT(before.total, 0);

    const std::string added = "reset.me@example.test";
    ASSERT_EQ(CreateUser(*client, token, company, added), 201);
    ASSERT_TRUE(HasEmail(ListUsers(*client, token, company).users, added));

    ASSERT_EQ(Reset(*client), 200);
    // Tokens are part of what a reset clears.
    EXPECT_EQ(ListUsers(*client, token, company).status, 401);
    const UsersPage after = ListUsers(*client, Token(*client), company);
    ASSERT_EQ(after.status, 200);
    // Generated again from the same seed and the same start time: the same records exactly,
    // ids and timestamps included.
    EXPECT_EQ(after.total, before.total);
    EXPECT_EQ(FirstDifference(before.users, after.users), "");
    EXPECT_FALSE(HasEmail(after.users, added));

    EXPECT_EQ(emulator->Stop(), kStopped) << emulator->Describe();
}

// ---------------------------------------------------------------------------------------------
// --state FILE and --save.

TEST_F(EmulatorProgramTest, SaveWritesTheStateWhichStateLoadsAndResetGoesBackTo) {
    const fs::path file = dir_.File("state.json");
    const std::string saved = "saved@example.test";
    const std::string transient = "transient@example.test";
    long long company = 0;
    {
        // No file yet: the program seeds the demo company, and writes the state when stopped.
        const auto emulator = Launch({"--state", file.string(), "--save"});
        ASSERT_TRUE(emulator->WaitUntilListening()) << emulator->Describe();
        company = emulator->CompanyId();
        ASSERT_NE(company, 0) << "no seeded company\n" << emulator->Describe();
        EXPECT_FALSE(fs::exists(file)) << "written before it was stopped";
        const auto client = ClientFor(*emulator);
        ASSERT_EQ(CreateUser(*client, Token(*client), company, saved), 201);
        ASSERT_EQ(emulator->Stop(), kStopped) << emulator->Describe();
    }
    ASSERT_TRUE(fs::exists(file));
    EXPECT_FALSE(fs::exists(file.string() + ".tmp")) << "the temporary file was left behind";
    const std::string text = ReadText(file);
    const Json state = Json::parse(text, nullptr, false);
    ASSERT_FALSE(state.is_discarded()) << "not JSON: " << text;
    EXPECT_TRUE(HasEmail(UsersInState(state), saved)) << text;

    // Loaded from the file: no "company" line (nothing is seeded), and the saved user is there.
    const auto emulator = Launch({"--state", file.string()});
    ASSERT_TRUE(emulator->WaitUntilListening()) << emulator->Describe();
    EXPECT_THAT(emulator->out(), Not(HasSubstr("company "))) << emulator->Describe();
    const auto client = ClientFor(*emulator);
    const std::string token = Token(*client);
    const UsersPage loaded = ListUsers(*client, token, company);
    ASSERT_EQ(loaded.status, 200);
    EXPECT_TRUE(HasEmail(loaded.users, saved));

    ASSERT_EQ(CreateUser(*client, token, company, transient), 201);
    ASSERT_EQ(Reset(*client), 200);
    // Back to the file's state, not to the demo company.
    const UsersPage after = ListUsers(*client, Token(*client), company);
    ASSERT_EQ(after.status, 200);
    EXPECT_TRUE(HasEmail(after.users, saved));
    EXPECT_FALSE(HasEmail(after.users, transient));
    EXPECT_EQ(FirstDifference(loaded.users, after.users), "");

    EXPECT_EQ(emulator->Stop(), kStopped) << emulator->Describe();
    // Without --save the file is left as it was.
    EXPECT_EQ(ReadText(file), text);
}

// ---------------------------------------------------------------------------------------------
// Exit statuses.

TEST_F(EmulatorProgramTest, HelpExitsWith0) {
    const Exit e = RunToExit({"--help"});
    EXPECT_EQ(e.status, kStopped) << e;
    EXPECT_THAT(e.out, HasSubstr("--state")) << e;
}

TEST_F(EmulatorProgramTest, UnknownOptionExitsWith2) {
    const Exit e = RunToExit({"--port", "0", "--no-such-option"});
    EXPECT_EQ(e.status, kBadOptions) << e;
    EXPECT_THAT(e.err, HasSubstr("--no-such-option")) << e;
}

TEST_F(EmulatorProgramTest, SaveWithoutStateExitsWith2) {
    const Exit e = RunToExit({"--port", "0", "--save"});
    EXPECT_EQ(e.status, kBadOptions) << e;
    EXPECT_THAT(e.err, HasSubstr("--save needs --state")) << e;
}

TEST_F(EmulatorProgramTest, StateFileWithMalformedJsonExitsWith8AndNamesTheFile) {
    const fs::path file = dir_.File("broken.json");
    WriteText(file, R"({"next_id": 5000000100, "companies": [)");
    const Exit e = RunToExit({"--port", "0", "--state", file.string(), "--save"});
    EXPECT_EQ(e.status, kStateFileError) << e;
    EXPECT_THAT(e.err, HasSubstr(file.string())) << e;
    EXPECT_THAT(e.err, HasSubstr("not valid JSON")) << e;
    // Refused, so not overwritten by --save either.
    EXPECT_EQ(ReadText(file), R"({"next_id": 5000000100, "companies": [)");
}

// A state file that is there but cannot be read is an error, not a missing file: seeding the
// demo company instead would overwrite it on exit with --save.
TEST_F(EmulatorProgramTest, StateFileThatCannotBeReadExitsWith8) {
    const fs::path directory = dir_.File("a-directory");
    fs::create_directory(directory);
    const Exit e = RunToExit({"--port", "0", "--state", directory.string(), "--save"});
    EXPECT_EQ(e.status, kStateFileError) << e;
    EXPECT_THAT(e.err, HasSubstr(directory.string())) << e;
    EXPECT_TRUE(fs::is_directory(directory));
}

TEST_F(EmulatorProgramTest, StateFileThatIsNotAStateDocumentExitsWith8) {
    const fs::path file = dir_.File("not-state.json");
    for (const char* document : {R"({"companies": 5})", "[]", "{}", R"("companies")",
                                 R"({"companies": [{"id": 1, "name": "X", "users": {}}]})",
                                 R"({"companies": [{"id": 1, "name": "X", "users": [{}]}]})"}) {
        SCOPED_TRACE(document);
        WriteText(file, document);
        const Exit e = RunToExit({"--port", "0", "--state", file.string()});
        EXPECT_EQ(e.status, kStateFileError) << e;
        EXPECT_THAT(e.err, HasSubstr(file.string())) << e;
        EXPECT_THAT(e.err, HasSubstr("not an emulator state document")) << e;
    }
}

TEST_F(EmulatorProgramTest, PortInUseExitsWith1) {
    // Taken by another emulator: the second must not share it (SO_REUSEPORT would let it).
    const auto first = Launch({});
    ASSERT_TRUE(first->WaitUntilListening()) << first->Describe();
    const std::string port = std::to_string(first->port());
    const Exit e = RunToExit({"--port", port});
    EXPECT_EQ(e.status, kOtherFailure) << e;
    EXPECT_THAT(e.err, HasSubstr("cannot listen on 127.0.0.1:" + port)) << e;
    EXPECT_THAT(e.out, Not(HasSubstr("listening on"))) << e;

    // The first one is still the one answering there.
    const auto client = ClientFor(*first);
    const auto res = client->Get("/__emulator/state");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(first->Stop(), kStopped) << first->Describe();
}

// ---------------------------------------------------------------------------------------------
// Stopping.

// A script stops the emulator as soon as it has read the address: the signal handlers must be
// in place by then, or SIGTERM kills the program (no clean exit, no --save).
TEST_F(EmulatorProgramTest, StopsCleanlyOnSigtermRightAfterPrintingItsAddress) {
    for (int run = 0; run < 20; ++run) {
        const auto emulator = Launch({});
        ASSERT_TRUE(emulator->WaitUntilListening()) << emulator->Describe();
        ASSERT_EQ(emulator->Stop(), kStopped) << "run " << run << "\n"
                                                    << emulator->Describe();
    }
}

}  // namespace
}  // namespace crewsync
