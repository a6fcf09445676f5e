// End-to-end tests of `crewsync runs list|show|download`: runs and their lines are written
// straight into a fresh workspace's database through the store, then read back by the real
// crewsync binary (CREWSYNC_BIN), checking exit status, stdout, stderr and the files it writes.
#include <stdlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "csv/reader.hpp"
#include "model/clock.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/run_program.hpp"

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using Output = testing_support::ProgramOutput;

// Exit codes, as cli/exit_codes.hpp promises scripts.
constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kInvalidInput = 3;
constexpr int kNotFound = 4;

// A message with everything CSV must quote, and a label with a comma.
constexpr const char* kAwkwardMessage = "e-mail address: \"jane@x.com\", taken\nby user 4312";

store::RunLine Line(std::string outcome, std::string action, std::int64_t local_id,
                    std::string procore_kind, std::int64_t procore_id, std::string label,
                    std::string message) {
    store::RunLine l;
    l.entity = "person";
    l.local_id = local_id;
    l.procore_kind = std::move(procore_kind);
    l.procore_id = procore_id;
    l.action = std::move(action);
    l.outcome = std::move(outcome);
    l.label = std::move(label);
    l.message = std::move(message);
    return l;
}

store::RunRecord MakeRun(std::string kind, std::string status, std::string started,
                         std::string ended) {
    store::RunRecord run;
    run.kind = std::move(kind);
    run.trigger = "manual";
    run.status = std::move(status);
    run.started_at = std::move(started);
    run.ended_at = std::move(ended);
    return run;
}

class RunsCliTest : public testing::Test {
protected:
    void SetUp() override {
        const char* bin = std::getenv("CREWSYNC_BIN");
        ASSERT_NE(bin, nullptr) << "CREWSYNC_BIN must name the crewsync binary";
        bin_ = bin;
        std::string pattern = (fs::temp_directory_path() / "crewsync-runs-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        root_ = pattern;
        dir_ = root_ / "work";
        io_ = root_ / "io";
        fs::create_directories(dir_);
        fs::create_directories(io_);
        const Output init = Exec({"init", "--json"});
        ASSERT_EQ(init.code, kOk) << init;
        database_ = json::parse(init.out).at("database").get<std::string>();
    }
    void TearDown() override {
        std::error_code ec;
        if (!root_.empty()) fs::remove_all(root_, ec);
    }

    Output Exec(const std::vector<std::string>& args) {
        return testing_support::RunProgram({bin_, args, dir_.string(), {}, std::nullopt, io_});
    }

    // Runs a command that must succeed and returns its stdout.
    std::string Ok(const std::vector<std::string>& args) {
        const Output o = Exec(args);
        EXPECT_EQ(o.code, kOk) << "crewsync " << testing::PrintToString(args) << "\n" << o;
        EXPECT_THAT(o.err, IsEmpty());
        return o.out;
    }

    // Stores a run and its lines as the engine would; returns the run's id. The store is closed
    // again before crewsync runs.
    std::int64_t AddRun(const store::RunRecord& run, const std::vector<store::RunLine>& lines) {
        auto opened = store::OpenSqliteStore(database_, clock_);
        EXPECT_TRUE(opened.has_value()) << opened.error().ToString();
        auto tx = (*opened)->Begin(store::TxMode::kWrite);
        EXPECT_TRUE(tx.has_value());
        auto id = (*tx)->InsertRun(run);
        EXPECT_TRUE(id.has_value()) << id.error().ToString();
        EXPECT_TRUE((*tx)->AppendRunLines(*id, lines).has_value());
        EXPECT_TRUE((*tx)->Commit().has_value());
        return *id;
    }

    // Run 1: a partial people sync with a done, a failed and a skipped line.
    std::int64_t AddPartialRun() {
        store::RunRecord run = MakeRun("people", "partial", "2026-11-23T14:05:09.123Z",
                                       "2026-11-23T14:05:21.456Z");
        run.counts.created = 1;
        run.counts.failed = 1;
        run.counts.skipped = 1;
        run.summary = "1 of 3 records failed; the next run tries it again";
        return AddRun(run, {Line("done", "create user", 7, "user", 4301,
                                 "Ann Lee <ann@example.com>", "created Directory user 4301"),
                            Line("failed", "create user", 12, "user", 0,
                                 "Doe, Jane <jane@x.com>", kAwkwardMessage),
                            Line("skipped", "skip", 15, "", 0, "Bo Kim", "no e-mail address")});
    }

    std::string bin_;
    fs::path root_, dir_, io_;
    std::string database_;
    SystemClock clock_;
};

TEST_F(RunsCliTest, ListWithoutRuns) { EXPECT_EQ(Ok({"runs", "list"}), "No runs yet.\n"); }

TEST_F(RunsCliTest, ListShowsNewestFirstAndPagesBack) {
    AddPartialRun();
    store::RunRecord second = MakeRun("projects", "succeeded", "2026-11-23T15:00:00.000Z",
                                      "2026-11-23T15:00:02.000Z");
    second.counts.updated = 4;
    AddRun(second, {});
    AddRun(MakeRun("all", "running", "2026-11-23T16:00:00.000Z", ""), {});

    const std::string all = Ok({"runs", "list"});
    EXPECT_THAT(all, StartsWith("ID  STARTED (UTC)  "));
    EXPECT_THAT(all, HasSubstr("\n3   2026-11-23 16:00:00         all       manual   "
                               "running    none\n"
                               "2   2026-11-23 15:00:00  2.0 s  projects  manual   "
                               "succeeded  4 updated\n"
                               "1   2026-11-23 14:05:09  12 s   people    manual   "
                               "partial    1 created, 1 failed, 1 skipped\n"
                               "3 runs\n"));

    const std::string page = Ok({"runs", "list", "--limit", "2"});
    EXPECT_THAT(page, HasSubstr("\n3 "));
    EXPECT_THAT(page, Not(HasSubstr("\n1 ")));
    EXPECT_THAT(page, HasSubstr("2 runs\nOlder runs: crewsync runs list --before 2\n"));

    const std::string older = Ok({"runs", "list", "--before", "2"});
    EXPECT_THAT(older, HasSubstr("\n1 "));
    EXPECT_THAT(older, Not(HasSubstr("\n2 ")));
    EXPECT_THAT(older, HasSubstr("1 run\n"));
}

TEST_F(RunsCliTest, ListAsJson) {
    AddPartialRun();
    const json list = json::parse(Ok({"runs", "list", "--json"}));
    ASSERT_TRUE(list.is_array());
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["id"], 1);
    EXPECT_EQ(list[0]["status"], "partial");
    EXPECT_EQ(list[0]["counts"]["failed"], 1);
    EXPECT_FALSE(list[0].contains("lines"));
}

TEST_F(RunsCliTest, ListRejectsALimitOfZero) {
    const Output o = Exec({"runs", "list", "--limit", "0"});
    EXPECT_EQ(o.code, kUsage) << o;
}

TEST_F(RunsCliTest, ShowPrintsTheLogWithFailuresFirst) {
    const std::int64_t id = AddPartialRun();
    const std::string text = Ok({"runs", "show", std::to_string(id)});
    EXPECT_THAT(text, StartsWith("Run 1\nKind:      people\nTrigger:   manual\nStatus:    "
                                 "partial: the run finished, but some records failed\n"));
    EXPECT_THAT(text, HasSubstr("Summary:   1 of 3 records failed; the next run tries it again\n"));
    EXPECT_THAT(text, HasSubstr("\nFailed (1):\n  failed   create user  person 12 Doe, Jane "
                                "<jane@x.com>: e-mail address: \"jane@x.com\", taken by user "
                                "4312\n\nDone and skipped (2):\n  done     create user  "
                                "person 7 Ann Lee <ann@example.com> ↔ Procore user 4301: "
                                "created Directory user 4301\n  skipped  skip         person "
                                "15 Bo Kim: no e-mail address\n"));
    // "#1" is accepted as other commands accept record ids.
    EXPECT_EQ(Ok({"runs", "show", "#1"}), text);
}

TEST_F(RunsCliTest, ShowAsJson) {
    AddPartialRun();
    const json run = json::parse(Ok({"runs", "show", "1", "--json"}));
    EXPECT_EQ(run["id"], 1);
    EXPECT_EQ(run["kind"], "people");
    EXPECT_EQ(run["ended_at"], "2026-11-23T14:05:21.456Z");
    ASSERT_EQ(run["lines"].size(), 3U);
    EXPECT_EQ(run["lines"][1]["seq"], 2);
    EXPECT_EQ(run["lines"][1]["message"], kAwkwardMessage);
    EXPECT_TRUE(run["lines"][1]["procore_id"].is_null());
    EXPECT_TRUE(run["lines"][2]["procore_kind"].is_null());
}

TEST_F(RunsCliTest, DownloadCsvToAFile) {
    AddPartialRun();
    const std::string file = (root_ / "run-1.csv").string();
    EXPECT_EQ(Ok({"runs", "download", "1", "--format", "csv", "--output", file}),
              "wrote the log of run 1 as CSV to " + file + "\n");
    const Result<csv::Table> table = csv::ReadFile(file);
    ASSERT_TRUE(table.has_value()) << table.error().ToString();
    EXPECT_THAT(table->header.values,
                testing::ElementsAre("run_id", "seq", "outcome", "action", "entity", "local_id",
                                     "procore_kind", "procore_id", "label", "message"));
    ASSERT_EQ(table->rows.size(), 3U);
    EXPECT_THAT(table->rows[1].values,
                testing::ElementsAre("1", "2", "failed", "create user", "person", "12", "user",
                                     "", "Doe, Jane <jane@x.com>", kAwkwardMessage));
    EXPECT_FALSE(fs::exists(file + ".tmp"));
}

TEST_F(RunsCliTest, DownloadJsonAndTextToFiles) {
    AddPartialRun();
    const std::string json_file = (root_ / "run-1.json").string();
    EXPECT_EQ(Ok({"runs", "download", "1", "--format", "json", "--output", json_file}),
              "wrote the log of run 1 as JSON to " + json_file + "\n");
    EXPECT_EQ(json::parse(testing_support::ReadWholeFile(json_file)),
              json::parse(Ok({"runs", "show", "1", "--json"})));

    const std::string text_file = (root_ / "run-1.txt").string();
    EXPECT_EQ(Ok({"runs", "download", "1", "--format", "text", "-o", text_file}),
              "wrote the log of run 1 as text to " + text_file + "\n");
    EXPECT_EQ(testing_support::ReadWholeFile(text_file), Ok({"runs", "show", "1"}));
}

TEST_F(RunsCliTest, DownloadToStandardOutput) {
    AddPartialRun();
    const std::string csv_text = Ok({"runs", "download", "1", "--format", "csv"});
    EXPECT_THAT(csv_text, StartsWith("run_id,seq,outcome,action,entity,local_id,procore_kind,"
                                     "procore_id,label,message\r\n1,1,done,create user,"));
    EXPECT_EQ(Ok({"runs", "download", "1", "--format", "text"}), Ok({"runs", "show", "1"}));
}

TEST_F(RunsCliTest, DownloadWithJsonFlagSaysWhereItWrote) {
    AddPartialRun();
    const std::string file = (root_ / "run.csv").string();
    const json said =
        json::parse(Ok({"runs", "download", "1", "--format", "csv", "--output", file, "--json"}));
    EXPECT_EQ(said, (json{{"run", 1}, {"format", "csv"}, {"output", file}}));
    EXPECT_TRUE(fs::exists(file));
}

TEST_F(RunsCliTest, DownloadNeedsAKnownFormat) {
    AddPartialRun();
    EXPECT_EQ(Exec({"runs", "download", "1"}).code, kUsage);
    const Output o = Exec({"runs", "download", "1", "--format", "pdf"});
    EXPECT_EQ(o.code, kUsage) << o;
    EXPECT_THAT(o.err, HasSubstr("--format"));
}

TEST_F(RunsCliTest, UnknownRunIsNotFound) {
    AddPartialRun();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"runs", "show", "42"},
          std::vector<std::string>{"runs", "download", "42", "--format", "csv", "--output",
                                   (root_ / "x.csv").string()}}) {
        const Output o = Exec(args);
        EXPECT_EQ(o.code, kNotFound) << o;
        EXPECT_THAT(o.out, IsEmpty());
        EXPECT_THAT(o.err, HasSubstr("no run 42; `crewsync runs list` shows the runs"));
    }
    EXPECT_FALSE(fs::exists(root_ / "x.csv"));
}

TEST_F(RunsCliTest, RunIdMustBeANumber) {
    const Output o = Exec({"runs", "show", "latest"});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, HasSubstr("'latest' is not a run id"));
}

TEST_F(RunsCliTest, Help) {
    const std::string runs = Ok({"runs", "--help"});
    EXPECT_THAT(runs, HasSubstr("list"));
    EXPECT_THAT(runs, HasSubstr("show"));
    EXPECT_THAT(runs, HasSubstr("download"));
    const std::string list = Ok({"runs", "list", "--help"});
    EXPECT_THAT(list, HasSubstr("--limit"));
    EXPECT_THAT(list, HasSubstr("--before"));
    const std::string download = Ok({"runs", "download", "--help"});
    EXPECT_THAT(download, HasSubstr("--format"));
    EXPECT_THAT(download, HasSubstr("csv"));
    EXPECT_THAT(download, HasSubstr("--output"));
    EXPECT_THAT(Ok({"--help"}), HasSubstr("runs"));
}

}  // namespace
}  // namespace crewsync
