// End-to-end tests: run the real crewsync binary (CREWSYNC_BIN) in a fresh temporary directory
// per test and check its exit status, stdout and stderr separately, and the files it leaves.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

// Exit codes, as cli/exit_codes.hpp promises scripts.
constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kInvalidInput = 3;
constexpr int kNotFound = 4;
constexpr int kConflict = 5;

std::string ReadBytes(const fs::path& path) { return testing_support::ReadWholeFile(path); }

void WriteFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

mode_t FileMode(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return info.st_mode & 07777;
}

using Output = testing_support::ProgramOutput;

struct RunOptions {
    std::optional<fs::path> cwd;                // default: the test's directory
    std::map<std::string, std::string> env;     // added to a CREWSYNC_-free environment
    std::optional<std::string> stdin_text;      // default: /dev/null
};

RunOptions InDir(fs::path dir) {
    RunOptions options;
    options.cwd = std::move(dir);
    return options;
}
RunOptions WithEnv(const std::string& name, const std::string& value) {
    RunOptions options;
    options.env[name] = value;
    return options;
}
RunOptions WithStdin(std::string text) {
    RunOptions options;
    options.stdin_text = std::move(text);
    return options;
}

class CliTest : public testing::Test {
protected:
    void SetUp() override {
        const char* bin = std::getenv("CREWSYNC_BIN");
        ASSERT_NE(bin, nullptr) << "CREWSYNC_BIN must name the crewsync binary";
        bin_ = bin;
        ASSERT_TRUE(fs::exists(bin_)) << bin_;
        std::string pattern = (fs::temp_directory_path() / "crewsync-cli-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        root_ = pattern;
        dir_ = root_ / "work";
        io_ = root_ / "io";
        fs::create_directories(dir_);
        fs::create_directories(io_);
    }
    void TearDown() override {
        std::error_code ec;
        if (!root_.empty()) fs::remove_all(root_, ec);
    }

    // Runs crewsync with `args`; stdout and stderr go to files, read back after it exits.
    Output Run(const std::vector<std::string>& args, const RunOptions& options = {}) {
        const auto o = testing_support::RunProgram(
            {bin_, args, options.cwd.value_or(dir_).string(), options.env, options.stdin_text,
             io_});
        if (o.code < 0) ADD_FAILURE() << "fork failed";
        return Output{o.code, o.out, o.err};
    }

    // `crewsync init` in the test directory, which must succeed.
    void Init() {
        const Output o = Run({"init"});
        ASSERT_EQ(o.code, kOk) << o;
    }

    // Runs a command that must succeed and returns its stdout.
    std::string Ok(const std::vector<std::string>& args, const RunOptions& options = {}) {
        const Output o = Run(args, options);
        EXPECT_EQ(o.code, kOk) << "crewsync " << testing::PrintToString(args) << "\n" << o;
        return o.out;
    }

    json Json(const std::vector<std::string>& args) {
        std::vector<std::string> with_json = args;
        with_json.push_back("--json");
        const std::string out = Ok(with_json);
        try {
            return json::parse(out);
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not JSON: " << e.what() << "\n" << out;
            return json();
        }
    }

    fs::path Db() const { return dir_ / "crewsync.db"; }

    std::string bin_;
    fs::path root_;
    fs::path dir_;  // where commands run
    fs::path io_;   // captured output, outside the workspace
};

// ---------------------------------------------------------------------------------------------
// Workspaces.

TEST_F(CliTest, InitCreatesSettingsDatabaseAndAPrivateKey) {
    const Output o = Run({"init", "--name", "Acme Builders"});
    ASSERT_EQ(o.code, kOk) << o;
    EXPECT_THAT(o.out, HasSubstr("Created a crewsync workspace in " + dir_.string()));
    EXPECT_THAT(o.err, IsEmpty());
    EXPECT_TRUE(fs::is_regular_file(dir_ / "crewsync.toml"));
    EXPECT_TRUE(fs::is_regular_file(dir_ / "crewsync.db"));
    EXPECT_TRUE(fs::is_regular_file(dir_ / "crewsync.key"));
    EXPECT_EQ(FileMode(dir_ / "crewsync.key"), 0600u);
    // The database holds personal data: readable by its owner only.
    EXPECT_EQ(FileMode(dir_ / "crewsync.db"), 0600u);
    EXPECT_THAT(ReadBytes(dir_ / "crewsync.toml"), HasSubstr("Acme Builders"));
}

TEST_F(CliTest, InitTwiceFailsWithConflictAndChangesNothing) {
    Init();
    const std::string key = ReadBytes(dir_ / "crewsync.key");
    const std::string toml = ReadBytes(dir_ / "crewsync.toml");
    const Output o = Run({"init"});
    EXPECT_EQ(o.code, kConflict) << o;
    EXPECT_THAT(o.err, HasSubstr("a crewsync workspace already exists at " + dir_.string()));
    EXPECT_THAT(o.err, HasSubstr("nothing was changed"));
    EXPECT_EQ(ReadBytes(dir_ / "crewsync.key"), key);
    EXPECT_EQ(ReadBytes(dir_ / "crewsync.toml"), toml);
}

TEST_F(CliTest, CommandOutsideAWorkspaceFailsWithNotFoundAndSuggestsInit) {
    const Output o = Run({"people", "list"});
    EXPECT_EQ(o.code, kNotFound) << o;
    EXPECT_THAT(o.err, StartsWith("crewsync: no crewsync workspace in " + dir_.string()));
    EXPECT_THAT(o.err, HasSubstr("run `crewsync init DIR`"));
    EXPECT_THAT(o.out, IsEmpty());
}

TEST_F(CliTest, WorkspaceComesFromTheFlagOrTheEnvironment) {
    ASSERT_EQ(Run({"init", "company"}).code, kOk);
    Ok({"--workspace", "company", "people", "add", "--first-name", "Ana", "--last-name", "Ruiz",
        "--employee-id", "E100"});
    EXPECT_THAT(Ok({"people", "list", "-w", (dir_ / "company").string()}), HasSubstr("Ana Ruiz"));
    EXPECT_THAT(Ok({"people", "list"}, WithEnv("CREWSYNC_WORKSPACE", "company")),
                HasSubstr("Ana Ruiz"));

    const Output wrong = Run({"people", "list"}, WithEnv("CREWSYNC_WORKSPACE", "elsewhere"));
    EXPECT_EQ(wrong.code, kNotFound) << wrong;
    EXPECT_THAT(wrong.err, HasSubstr("CREWSYNC_WORKSPACE environment variable"));
}

TEST_F(CliTest, WorkspaceIsFoundFromASubdirectory) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--employee-id", "E100"});
    fs::create_directories(dir_ / "exports" / "2026");
    EXPECT_THAT(Ok({"people", "list"}, InDir(dir_ / "exports" / "2026")), HasSubstr("Ana Ruiz"));
}

TEST_F(CliTest, BrokenSettingsFileNamesPathLineAndColumn) {
    Init();
    std::string toml = ReadBytes(dir_ / "crewsync.toml");
    toml += "\n[people\nscope = \"all\"\n";
    WriteFile(dir_ / "crewsync.toml", toml);
    const Output o = Run({"people", "list"});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    const std::string path = (dir_ / "crewsync.toml").string();
    EXPECT_THAT(o.err, HasSubstr("cannot parse " + path));
    std::size_t lines = 0;
    for (char c : ReadBytes(dir_ / "crewsync.toml")) lines += c == '\n' ? 1 : 0;
    // The bad table header is on the second-to-last line.
    EXPECT_THAT(o.err, HasSubstr(path + ":" + std::to_string(lines - 1) + ":")) << o;
}

TEST_F(CliTest, ConfigShowPrintsSettingsWithEnvironmentOverrides) {
    Init();
    const std::string plain = Ok({"config", "show"});
    EXPECT_THAT(plain, HasSubstr("people.scope"));
    EXPECT_THAT(plain, HasSubstr("workspace.database"));
    const json doc = Json({"config", "show"});
    EXPECT_EQ(doc.value("people.scope", ""), "all");

    Output o = Run({"config", "show", "--json"}, WithEnv("CREWSYNC_PEOPLE_SCOPE", "users_only"));
    ASSERT_EQ(o.code, kOk) << o;
    EXPECT_EQ(json::parse(o.out).value("people.scope", ""), "users_only");

    o = Run({"config", "show"}, WithEnv("CREWSYNC_PEOPLE_SCOPE", "some"));
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, HasSubstr("CREWSYNC_PEOPLE_SCOPE"));
}

// ---------------------------------------------------------------------------------------------
// People.

TEST_F(CliTest, PeopleAddShowAndListJson) {
    Init();
    Ok({"groups", "add", "North"});
    const std::string added =
        Ok({"people", "add", "--first-name", "José", "--last-name", "Núñez", "--email",
            "jose@example.com", "--employee-id", "E100", "--group", "North", "--custom",
            "Shirt size=XL", "--type", "both"});
    EXPECT_THAT(added, HasSubstr("added #1 José Núñez"));

    const std::string shown = Ok({"people", "show", "E100"});
    EXPECT_THAT(shown, HasSubstr("jose@example.com"));
    EXPECT_THAT(shown, HasSubstr("custom: Shirt size"));

    const json list = Json({"people", "list"});
    ASSERT_TRUE(list.is_array());
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["id"], 1);
    EXPECT_EQ(list[0]["first_name"], "José");
    EXPECT_EQ(list[0]["email"], "jose@example.com");
    EXPECT_EQ(list[0]["type"], "both");
    EXPECT_EQ(list[0]["groups"], json::array({"North"}));
    EXPECT_EQ(list[0]["custom_fields"]["Shirt size"], "XL");

    const json one = Json({"people", "show", "JOSE@example.com"});
    EXPECT_EQ(one, list[0]);
}

TEST_F(CliTest, PeopleEditChangesOnlyTheGivenFields) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--email",
        "ana@example.com", "--employee-id", "E100", "--job-title", "Electrician", "--mobile",
        "+1 555 010 0001", "--custom", "Boots=42"});
    json before = Json({"people", "show", "E100"});
    Ok({"people", "edit", "ana@example.com", "--job-title", "Foreman", "--custom", "Locker=7"});
    const json after = Json({"people", "show", "#1"});
    before["job_title"] = "Foreman";
    before["custom_fields"]["Locker"] = "7";
    EXPECT_EQ(after, before);
}

TEST_F(CliTest, DuplicateEmailIsAConflictUnlessAllowed) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--email",
        "ana@example.com"});
    const Output o = Run({"people", "add", "--first-name", "Anna", "--last-name", "Ruiz",
                          "--email", "ANA@example.com"});
    EXPECT_EQ(o.code, kConflict) << o;
    EXPECT_THAT(o.err, HasSubstr("e-mail 'ANA@example.com' is already used by #1 Ana Ruiz"));
    EXPECT_EQ(Json({"people", "list"}).size(), 1u);

    Ok({"people", "add", "--first-name", "Anna", "--last-name", "Ruiz", "--email",
        "ANA@example.com", "--allow-duplicate"});
    EXPECT_EQ(Json({"people", "list"}).size(), 2u);
}

TEST_F(CliTest, UserTypePersonCannotBeAssigned) {
    Init();
    Ok({"people", "add", "--first-name", "Ben", "--last-name", "Lee", "--email",
        "ben@example.com", "--type", "user"});
    Ok({"projects", "add", "--name", "Riverside Tower", "--number", "P-100"});
    const Output o = Run({"assignments", "add", "ben@example.com", "P-100", "--from",
                          "2026-03-02", "--to", "2026-03-06"});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, HasSubstr("Ben Lee is a 'user'-type person and cannot be assigned to "
                                 "projects (change the type to assignable or both)"));
    EXPECT_EQ(Json({"assignments", "list"}).size(), 0u);
}

// ---------------------------------------------------------------------------------------------
// CSV import and export.

TEST_F(CliTest, BadCsvImportListsEveryProblemAndLeavesTheDatabaseUnchanged) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--email",
        "ana@example.com", "--employee-id", "E100"});
    const std::string before = ReadBytes(Db());
    WriteFile(dir_ / "people.csv",
              "first_name,last_name,email,employee_id\n"
              "Cara,Diaz,cara@example.com,E300\n"
              "Dan,,dan@example,E400\n"
              "Eve,Stone,eve@example.com,E500\n"
              "Fay,Fox,fay@example.com,E300\n");
    const Output o = Run({"people", "import", "people.csv"});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_EQ(o.err,
              "crewsync: people.csv: 3 problems; nothing was imported\n"
              "  3:2: last_name: is required\n"
              "  3:3: email: 'dan@example' is not an e-mail address\n"
              "  5:4: employee_id: employee ID 'E300' is also on line 2 (two new people cannot "
              "share it)\n");
    EXPECT_THAT(o.out, IsEmpty());
    EXPECT_EQ(ReadBytes(Db()), before);
    EXPECT_EQ(Json({"people", "list"}).size(), 1u);
}

TEST_F(CliTest, DryRunListsWhatWouldChangeAndWritesNothing) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--email",
        "ana@example.com", "--employee-id", "E100"});
    const std::string before = ReadBytes(Db());
    WriteFile(dir_ / "people.csv",
              "Employee ID,First Name,Last Name,Job Title\n"
              "E100,Ana,Ruiz,Foreman\n"
              "E300,Cara,Diaz,Welder\n");
    const Output o = Run({"people", "import", "--dry-run", "people.csv"});
    ASSERT_EQ(o.code, kOk) << o;
    EXPECT_EQ(o.out,
              "line 2: update #1 Ana Ruiz (job_title)\n"
              "line 3: add Cara Diaz\n"
              "dry run of people.csv: 1 to add, 1 to update, 0 unchanged; nothing was written\n");
    EXPECT_EQ(ReadBytes(Db()), before);
    EXPECT_EQ(Json({"people", "list"}).size(), 1u);
}

TEST_F(CliTest, PeopleExportThenImportReportsEveryRowUnchanged) {
    Init();
    Ok({"groups", "add", "East, Coast"});
    Ok({"people", "add", "--first-name", "José", "--last-name", "Núñez, Jr.", "--email",
        "jose@example.com", "--job-title", "Foreman, \"Night\" shift", "--group", "East, Coast",
        "--custom", "Notes=likes \"coffee\"; black"});
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--employee-id", "007"});
    const Output exported = Run({"people", "export", "people.csv"});
    ASSERT_EQ(exported.code, kOk) << exported;
    EXPECT_EQ(exported.out, "wrote people.csv\n");
    EXPECT_EQ(Ok({"people", "export"}), ReadBytes(dir_ / "people.csv"));

    const Output o = Run({"people", "import", "people.csv"});
    ASSERT_EQ(o.code, kOk) << o;
    EXPECT_EQ(o.out, "people.csv: 0 added, 0 updated, 2 unchanged\n");
    EXPECT_EQ(Json({"journal"}).size(), 3u);  // the group and two people; nothing more
}

TEST_F(CliTest, ImportReadsStandardInputAndReportsJson) {
    Init();
    const Output o = Run({"people", "import", "-", "--json"},
                         WithStdin("first_name,last_name,email\r\nCara,Diaz,cara@example.com\r\n"));
    ASSERT_EQ(o.code, kOk) << o;
    const json report = json::parse(o.out);
    EXPECT_EQ(report["file"], "standard input");
    EXPECT_EQ(report["added"], 1);
    EXPECT_EQ(report["rows"][0]["line"], 2);
    EXPECT_EQ(report["rows"][0]["id"], 1);
}

TEST_F(CliTest, JsonErrorsGoToStdoutWithACode) {
    Init();
    WriteFile(dir_ / "people.csv", "first_name,last_name,email\nCara,,cara@example\n");
    const Output o = Run({"--json", "people", "import", "people.csv"});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, IsEmpty());
    const json doc = json::parse(o.out);
    EXPECT_EQ(doc["error"]["code"], "invalid_argument");
    EXPECT_EQ(doc["error"]["message"], "people.csv: 2 problems; nothing was imported");
    ASSERT_EQ(doc["error"]["problems"].size(), 2u);
    EXPECT_EQ(doc["error"]["problems"][0],
              json({{"location", "2:2"}, {"field", "last_name"}, {"message", "is required"}}));

    const Output missing = Run({"people", "show", "E999", "--json"});
    EXPECT_EQ(missing.code, kNotFound) << missing;
    EXPECT_EQ(json::parse(missing.out)["error"]["code"], "not_found");
}

TEST_F(CliTest, UnreadableCsvIsReportedWithItsSyntaxProblems) {
    Init();
    WriteFile(dir_ / "people.csv", "first_name,last_name\n\"Cara,Diaz\n");
    const Output o = Run({"people", "import", "people.csv"});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, StartsWith("crewsync: people.csv is not valid CSV\n  2:1: "));

    const Output none = Run({"people", "import", "missing.csv"});
    EXPECT_EQ(none.code, 8) << none;
    EXPECT_THAT(none.err, HasSubstr("cannot read missing.csv"));
}

// ---------------------------------------------------------------------------------------------
// Time, journal, help.

TEST_F(CliTest, TimeAddComputesHoursFromInAndOut) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--employee-id", "E100"});
    Ok({"projects", "add", "--name", "Riverside Tower", "--number", "P-100"});
    const std::string out = Ok({"time", "add", "E100", "P-100", "--date", "2026-03-02", "--in",
                                "07:00", "--out", "15:30", "--lunch", "30"});
    EXPECT_THAT(out, HasSubstr("8 h 07:00-15:30 (30 min lunch)"));
    const json list = Json({"time", "list"});
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["hours"], "8");
    EXPECT_EQ(list[0]["time_in"], "07:00");
    EXPECT_EQ(list[0]["lunch_minutes"], 30);

    const Output bad = Run({"time", "add", "E100", "P-100", "--date", "2026-03-03", "--in",
                            "15:00", "--out", "07:00"});
    EXPECT_EQ(bad.code, kInvalidInput) << bad;
    EXPECT_THAT(bad.err, HasSubstr("time_out: 07:00 is not after time in 15:00"));
}

TEST_F(CliTest, JournalJsonShowsEveryChange) {
    Init();
    Ok({"people", "add", "--first-name", "Ana", "--last-name", "Ruiz", "--employee-id", "E100"});
    Ok({"people", "edit", "E100", "--job-title", "Foreman"});
    const json journal = Json({"journal"});
    ASSERT_EQ(journal.size(), 2u) << journal.dump(2);
    EXPECT_EQ(journal[0]["entity"], "person");
    EXPECT_EQ(journal[0]["entity_id"], 1);
    EXPECT_EQ(journal[0]["action"], "create");
    EXPECT_EQ(journal[1]["action"], "update");
    EXPECT_EQ(journal[1]["fields"], json::array({"job_title"}));
    EXPECT_LT(journal[0]["seq"].get<int>(), journal[1]["seq"].get<int>());
}

TEST_F(CliTest, HelpNamesTheCommandsAndImportOptions) {
    const Output root = Run({"--help"});
    EXPECT_EQ(root.code, kOk) << root;
    EXPECT_THAT(root.out, AllOf(HasSubstr("init"), HasSubstr("people"), HasSubstr("--workspace"),
                                HasSubstr("--json"), HasSubstr("Exit status")));

    const Output import = Run({"people", "import", "--help"});
    EXPECT_EQ(import.code, kOk) << import;
    EXPECT_THAT(import.out, AllOf(HasSubstr("--dry-run"), HasSubstr("--allow-duplicates"),
                                  HasSubstr("--create-missing"), HasSubstr("standard input")));
}

TEST_F(CliTest, VersionPrintsTheVersion) {
    const Output o = Run({"--version"});
    EXPECT_EQ(o.code, kOk) << o;
    EXPECT_THAT(o.out, StartsWith("crewsync "));
    EXPECT_THAT(o.out, Not(HasSubstr("\n\n")));
}

TEST_F(CliTest, UnknownCommandIsAUsageError) {
    const Output o = Run({"peeple", "list"});
    EXPECT_EQ(o.code, kUsage) << o;
    EXPECT_THAT(o.err, HasSubstr("--help"));
    EXPECT_THAT(o.err, HasSubstr("unknown command 'peeple'; choose one of: init, config, people"));
    EXPECT_THAT(o.out, IsEmpty());
    const Output nested = Run({"people", "lst"});
    EXPECT_EQ(nested.code, kUsage) << nested;
    EXPECT_THAT(nested.err, HasSubstr("unknown command 'lst'; choose one of: add, edit, show, list"));
    const Output missing_arg = Run({"people", "show"});
    EXPECT_EQ(missing_arg.code, kUsage) << missing_arg;
}

}  // namespace
}  // namespace crewsync
