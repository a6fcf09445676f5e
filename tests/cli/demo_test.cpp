// End-to-end: `crewsync demo --dir DIR` with the real binary (CREWSYNC_BIN). The demo is what a
// new user runs first, so the test checks the story it tells (doctor ready, a conflict accepted,
// a first sync that creates records, a second run that resets a Directory edit and names the
// field and both values) and that it cleans up after itself: the emulator it started no longer
// listens and no process it started is left.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_program.hpp"

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class DemoTest : public testing::Test {
protected:
    void SetUp() override {
        const char* bin = std::getenv("CREWSYNC_BIN");
        ASSERT_NE(bin, nullptr) << "CREWSYNC_BIN must name the crewsync binary";
        bin_ = bin;
        std::string pattern = (fs::temp_directory_path() / "crewsync-demo-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        root_ = pattern;
        fs::create_directories(root_ / "io");
    }
    void TearDown() override {
        std::error_code ec;
        if (!root_.empty()) fs::remove_all(root_, ec);
    }

    std::string bin_;
    fs::path root_;
};

// The first match's groups of `pattern` in `text`; empty when it does not match.
std::smatch Find(const std::string& text, const std::string& pattern) {
    std::smatch match;
    std::regex_search(text, match, std::regex(pattern));
    return match;
}

// Whether something accepts TCP connections on 127.0.0.1:port.
bool Listening(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected =
        ::connect(s, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(s);
    return connected;
}

// Processes whose command line names `needle` (the demo's workspace is unique to this test).
std::vector<std::string> ProcessesNaming(const std::string& needle) {
    std::vector<std::string> found;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator("/proc", ec)) {
        const std::string pid = entry.path().filename().string();
        if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
        if (pid == std::to_string(::getpid())) continue;
        std::string cmdline = testing_support::ReadWholeFile(entry.path() / "cmdline");
        for (char& c : cmdline) {
            if (c == '\0') c = ' ';
        }
        if (cmdline.find(needle) != std::string::npos) found.push_back(pid + ": " + cmdline);
    }
    return found;
}

TEST_F(DemoTest, WalksThroughAFirstSyncAndLeavesNothingRunning) {
    const fs::path dir = root_ / "workspace";
    const testing_support::ProgramOutput o = testing_support::RunProgram(
        {bin_, {"demo", "--dir", dir.string()}, root_.string(), {}, std::nullopt, root_ / "io"});
    ASSERT_EQ(o.code, 0) << o;
    const std::string& out = o.out;

    EXPECT_THAT(out, HasSubstr("$ crewsync doctor\n")) << o;
    EXPECT_THAT(out, HasSubstr("Ready: the account can do everything crewsync needs.")) << o;

    // A conflict from the link report, accepted.
    EXPECT_FALSE(Find(out, R"(\$ crewsync link accept '#\d+'\n)").empty()) << o;
    EXPECT_FALSE(Find(out, R"(person \d+ linked to Procore (user|contact) \d+)").empty()) << o;

    // The first sync created records (the mass-change guard may ask for approval first).
    const std::smatch first =
        Find(out, R"(\$ crewsync sync all[^\n]*\nRun (\d+) succeeded: (\d+) created)");
    ASSERT_FALSE(first.empty()) << o;
    EXPECT_GT(std::stoi(first[2].str()), 0) << o;

    // The Directory edit, then the second run resets it and its log says so, naming the field
    // and both values.
    const std::smatch edit =
        Find(out, R"(Job title of .+ \(Directory user \d+\): '([^']+)' -> '([^']+)')");
    ASSERT_FALSE(edit.empty()) << o;
    const std::string crewsync_value = edit[1].str();
    const std::string directory_value = edit[2].str();
    const std::smatch second =
        Find(out, R"(\$ crewsync sync people\nRun (\d+) succeeded: [^\n]*\b1 reset\b)");
    ASSERT_FALSE(second.empty()) << o;
    EXPECT_GT(std::stoi(second[1].str()), std::stoi(first[1].str()));
    EXPECT_THAT(out, HasSubstr("$ crewsync runs show " + second[1].str() + "\n")) << o;
    EXPECT_THAT(out, HasSubstr("Directory had job title '" + directory_value + "', reset to '" +
                               crewsync_value + "'"))
        << o;

    // The workspace is kept for the user; the emulator and everything else are gone.
    EXPECT_TRUE(fs::exists(dir / "crewsync.toml"));
    EXPECT_TRUE(fs::exists(dir / "link-report.csv"));

    // A crew's week of time: pushed once, a re-push sends nothing, both sides edited, the
    // reconciliation names each difference, and the next push updates the edited entry only.
    EXPECT_TRUE(fs::exists(dir / "time.csv"));
    EXPECT_THAT(out, HasSubstr("time.csv: 25 added")) << o;
    EXPECT_FALSE(Find(out, R"(Run \d+ succeeded: 25 created, 0 updated, 0 unchanged)").empty())
        << o;
    EXPECT_FALSE(Find(out, R"(Run \d+ succeeded: 0 created, 0 updated, 25 unchanged)").empty())
        << o;
    EXPECT_FALSE(Find(out, R"(edited in Procore +timecard \d+ has 10 h, crewsync sent 8)").empty())
        << o;
    EXPECT_THAT(out, HasSubstr("not pushed yet")) << o;
    EXPECT_THAT(out, HasSubstr("23 worker-days agree, 2 differ")) << o;
    EXPECT_FALSE(Find(out, R"(Run \d+ succeeded: 0 created, 1 updated, 24 unchanged)").empty())
        << o;
    const std::smatch port = Find(out, R"(an emulator at http://127\.0\.0\.1:(\d+))");
    ASSERT_FALSE(port.empty()) << o;
    EXPECT_FALSE(Listening(std::stoi(port[1].str())))
        << "the demo's emulator still listens on port " << port[1].str();
    EXPECT_THAT(out, HasSubstr("nothing is left running")) << o;
    EXPECT_THAT(ProcessesNaming(dir.string()), ::testing::IsEmpty());
}

}  // namespace
}  // namespace crewsync
