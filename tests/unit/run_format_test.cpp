// Tests for the run log formats: the text an operator reads in `crewsync runs show` (golden
// strings written by hand), CSV that parses back to the same cells whatever the messages hold,
// and JSON with every field a script needs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "csv/reader.hpp"
#include "report/run_format.hpp"

namespace crewsync::report {
namespace {

using store::RunLine;
using store::RunRecord;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Rows = std::vector<std::vector<std::string>>;

RunRecord SampleRun() {
    RunRecord run;
    run.id = 42;
    run.kind = "people";
    run.trigger = "manual";
    run.status = "partial";
    run.started_at = "2026-11-23T14:05:09.123Z";
    run.ended_at = "2026-11-23T14:05:21.456Z";
    run.counts.created = 1;
    run.counts.unchanged = 30;
    run.counts.failed = 1;
    run.counts.skipped = 1;
    run.summary = "1 of 32 records failed; the next run tries it again.";
    return run;
}

RunLine Line(std::int64_t seq, std::string outcome, std::string action, std::int64_t local_id,
             std::string procore_kind, std::int64_t procore_id, std::string label,
             std::string message) {
    RunLine l;
    l.seq = seq;
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

// Run order: done, failed, skipped; the text puts the failure first.
std::vector<RunLine> SampleLines() {
    return {Line(1, "done", "create user", 7, "user", 4301, "Ann Lee <ann@example.com>",
                 "created Directory user 4301"),
            Line(2, "failed", "create user", 12, "user", 0, "Jane Doe <jane@x.com>",
                 "e-mail address: has already been taken"),
            Line(3, "skipped", "skip", 15, "", 0, "Bo Kim", "no e-mail address to log in with")};
}

Rows ParseCsv(const std::string& text, std::vector<std::string>* header) {
    const Result<csv::Table> table = csv::Parse(text);
    EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().ToString());
    if (!table) return {};
    *header = table->header.values;
    Rows rows;
    for (const csv::Record& record : table->rows) rows.push_back(record.values);
    return rows;
}

// The "Duration:" line of the sample run when it ended at `ended_at`.
std::string DurationLine(const std::string& ended_at) {
    RunRecord run = SampleRun();
    run.ended_at = ended_at;
    const std::string text = RunText(run, {});
    const std::size_t at = text.find("Duration:");
    return text.substr(at, text.find('\n', at) - at);
}

// ---- text

TEST(RunText, HeaderCountsThenFailuresFirst) {
    EXPECT_EQ(RunText(SampleRun(), SampleLines()),
              "Run 42\n"
              "Kind:      people\n"
              "Trigger:   manual\n"
              "Status:    partial: the run finished, but some records failed\n"
              "Started:   2026-11-23 14:05:09 UTC\n"
              "Ended:     2026-11-23 14:05:21 UTC\n"
              "Duration:  12 s\n"
              "Summary:   1 of 32 records failed; the next run tries it again.\n"
              "Counts:    1 created, 0 updated, 30 unchanged, 0 deactivated, 0 reactivated, "
              "0 reset,\n"
              "           0 conflicts, 1 failed, 1 skipped\n"
              "\n"
              "Failed (1):\n"
              "  failed   create user  person 12 Jane Doe <jane@x.com>: e-mail address: has "
              "already been taken\n"
              "\n"
              "Done and skipped (2):\n"
              "  done     create user  person 7 Ann Lee <ann@example.com> ↔ Procore user 4301: "
              "created Directory user 4301\n"
              "  skipped  skip         person 15 Bo Kim: no e-mail address to log in with\n");
}

TEST(RunText, ColumnsFitTheWordsOfTheRun) {
    // Only failures with one action: two spaces after each column, nothing more.
    const std::vector<RunLine> lines = {Line(1, "failed", "create user", 12, "user", 0,
                                             "Jane Doe <jane@x.com>", "e-mail address: taken")};
    EXPECT_THAT(RunText(SampleRun(), lines),
                HasSubstr("\n  failed  create user  person 12 Jane Doe <jane@x.com>: "
                          "e-mail address: taken\n"));
}

TEST(RunText, FailuresFirstKeepRunOrderWithinEachGroup) {
    const std::vector<RunLine> lines = {
        Line(1, "done", "update", 1, "user", 11, "A", "a"),
        Line(2, "failed", "update", 2, "user", 12, "B", "b"),
        Line(3, "skipped", "skip", 3, "", 0, "C", "c"),
        Line(4, "failed", "deactivate", 4, "user", 14, "D", "d"),
        Line(5, "done", "link", 5, "contact", 15, "E", "e"),
    };
    const std::string text = RunText(SampleRun(), lines);
    const auto at = [&](const std::string& needle) {
        const std::size_t pos = text.find(needle);
        EXPECT_NE(pos, std::string::npos) << needle;
        return pos;
    };
    EXPECT_LT(at("Failed (2):"), at("person 2 B"));
    EXPECT_LT(at("person 2 B"), at("person 4 D"));
    EXPECT_LT(at("person 4 D"), at("Done and skipped (3):"));
    EXPECT_LT(at("Done and skipped (3):"), at("person 1 A"));
    EXPECT_LT(at("person 1 A"), at("person 3 C"));
    EXPECT_LT(at("person 3 C"), at("person 5 E"));
}

TEST(RunText, WithoutFailuresThereIsNoFailedHeading) {
    std::vector<RunLine> lines = SampleLines();
    lines.erase(lines.begin() + 1);
    const std::string text = RunText(SampleRun(), lines);
    EXPECT_THAT(text, Not(HasSubstr("Failed")));
    EXPECT_THAT(text, HasSubstr("\nDone and skipped (2):\n  done     create user  person 7"));
}

TEST(RunText, RunningRunWithoutLines) {
    RunRecord run;
    run.id = 7;
    run.kind = "all";
    run.trigger = "schedule";
    run.status = "running";
    run.started_at = "2026-11-23T14:05:09.123Z";
    EXPECT_EQ(RunText(run, {}),
              "Run 7\n"
              "Kind:      all (people and projects)\n"
              "Trigger:   schedule\n"
              "Status:    running: the run has not finished yet\n"
              "Started:   2026-11-23 14:05:09 UTC\n"
              "Ended:     not yet\n"
              "Duration:  still running\n"
              "Counts:    0 created, 0 updated, 0 unchanged, 0 deactivated, 0 reactivated, "
              "0 reset,\n"
              "           0 conflicts, 0 failed, 0 skipped\n"
              "\n"
              "No records were touched.\n");
}

TEST(RunText, StatusesInWords) {
    RunRecord run = SampleRun();
    run.status = "blocked";
    run.summary = "30 of 120 linked records would be deactivated; run again with --approve";
    EXPECT_THAT(RunText(run, {}),
                HasSubstr("Status:    blocked by the mass-change guard: nothing was written\n"
                          "Started:"));
    EXPECT_THAT(RunText(run, {}), HasSubstr("Summary:   30 of 120 linked records would be "
                                            "deactivated; run again with --approve\n"));
    run.status = "failed";
    EXPECT_THAT(RunText(run, {}), HasSubstr("Status:    failed: the run stopped early\n"));
    run.status = "succeeded";
    EXPECT_THAT(RunText(run, {}), HasSubstr("Status:    succeeded\n"));
}

TEST(RunText, ATimesheetPushCountsDeletedTimecardsAsDeleted) {
    RunRecord run = SampleRun();
    run.kind = "time";
    run.counts.deactivated = 2;
    EXPECT_THAT(RunText(run, {}), HasSubstr("2 deleted, 0 reactivated"));
    EXPECT_THAT(RunListText({run}), HasSubstr("2 deleted"));
    run.kind = "people";
    EXPECT_THAT(RunText(run, {}), HasSubstr("2 deactivated, 0 reactivated"));
    EXPECT_THAT(RunListText({run}), HasSubstr("2 deactivated"));
}

TEST(RunText, InterruptedRunHasNoDuration) {
    RunRecord run = SampleRun();
    run.status = "interrupted";
    const std::string text = RunText(run, {});
    EXPECT_THAT(text, HasSubstr("Status:    interrupted: the process ended before the run "
                                "finished\n"));
    EXPECT_THAT(text, HasSubstr("Ended:     2026-11-23 14:05:21 UTC (when the next run found "
                                "it unfinished)\nDuration:  unknown\n"));
}

TEST(RunText, DryRunSaysNothingWasWritten) {
    RunRecord run = SampleRun();
    run.kind = "projects";
    run.dry_run = true;
    EXPECT_THAT(RunText(run, {}),
                HasSubstr("Kind:      projects, dry run (nothing was written to Procore)\n"));
}

TEST(RunText, Durations) {
    EXPECT_EQ(DurationLine("2026-11-23T14:05:09.523Z"), "Duration:  0.4 s");
    EXPECT_EQ(DurationLine("2026-11-23T14:05:18.999Z"), "Duration:  9.9 s");
    EXPECT_EQ(DurationLine("2026-11-23T14:08:14.123Z"), "Duration:  3 min 5 s");
    EXPECT_EQ(DurationLine("2026-11-23T16:15:09.123Z"), "Duration:  2 h 10 min");
    // An end before the start (a clock set back) is not shown as a negative time.
    EXPECT_EQ(DurationLine("2026-11-23T14:05:08.000Z"), "Duration:  unknown");
}

TEST(RunText, TimestampsNotInTheStoredFormAreShownAsTheyAre) {
    RunRecord run = SampleRun();
    run.started_at = "yesterday";
    const std::string text = RunText(run, {});
    EXPECT_THAT(text, HasSubstr("Started:   yesterday\n"));
    EXPECT_THAT(text, HasSubstr("Duration:  unknown\n"));
}

TEST(RunText, EveryLineStaysOnOneLine) {
    std::vector<RunLine> lines = {Line(1, "failed", "update", 3, "user", 9, "Ann\nLee",
                                       "Procore said:\nfirst line\r\nsecond\tline")};
    const std::string text = RunText(SampleRun(), lines);
    EXPECT_THAT(text, HasSubstr("\n  failed  update  person 3 Ann Lee ↔ Procore user 9: "
                                "Procore said: first line  second line\n"));
}

TEST(RunText, RunWideAndProcoreOnlyLines) {
    RunLine run_wide;
    run_wide.seq = 1;
    run_wide.outcome = "failed";
    run_wide.action = "read Procore";
    run_wide.message = "Procore did not answer in 30 s";
    RunLine import;
    import.seq = 2;
    import.entity = "project";
    import.procore_kind = "project";
    import.procore_id = 901;
    import.outcome = "done";
    import.action = "import project";
    import.label = " Main St Tower ";
    import.message = "imported";
    const std::string text = RunText(SampleRun(), {run_wide, import});
    EXPECT_THAT(text, HasSubstr("\n  failed  read Procore    Procore did not answer in 30 s\n"));
    EXPECT_THAT(text,
                HasSubstr("\n  done    import project  Procore project 901 Main St Tower: "
                          "imported\n"));
}

// ---- CSV

TEST(RunCsv, OneRowPerLineInRunOrder) {
    std::vector<std::string> header;
    const Rows rows = ParseCsv(RunCsv(SampleRun(), SampleLines()), &header);
    EXPECT_THAT(header, ElementsAre("run_id", "seq", "outcome", "action", "entity", "local_id",
                                    "procore_kind", "procore_id", "label", "message"));
    EXPECT_THAT(rows,
                ElementsAre(ElementsAre("42", "1", "done", "create user", "person", "7", "user",
                                        "4301", "Ann Lee <ann@example.com>",
                                        "created Directory user 4301"),
                            ElementsAre("42", "2", "failed", "create user", "person", "12",
                                        "user", "", "Jane Doe <jane@x.com>",
                                        "e-mail address: has already been taken"),
                            ElementsAre("42", "3", "skipped", "skip", "person", "15", "", "",
                                        "Bo Kim", "no e-mail address to log in with")));
}

TEST(RunCsv, MessagesWithCommasQuotesAndLineBreaksParseBack) {
    const std::string message = "job title: \"Foreman\", was 'Lead'\nsecond line\r\nthird, end";
    const std::string label = "Doe, Jane \"JJ\" <jane@x.com>";
    std::vector<RunLine> lines = {Line(1, "failed", "update", 3, "user", 9, label, message)};
    const std::string text = RunCsv(SampleRun(), lines);
    EXPECT_THAT(text, HasSubstr("\"Doe, Jane \"\"JJ\"\" <jane@x.com>\""));
    std::vector<std::string> header;
    const Rows rows = ParseCsv(text, &header);
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0][8], label);
    EXPECT_EQ(rows[0][9], message);
}

TEST(RunCsv, MissingIdsAreEmptyCells) {
    RunLine l;
    l.seq = 1;
    l.outcome = "failed";
    l.action = "read Procore";
    l.message = "timed out";
    std::vector<std::string> header;
    const Rows rows = ParseCsv(RunCsv(SampleRun(), {l}), &header);
    EXPECT_THAT(rows, ElementsAre(ElementsAre("42", "1", "failed", "read Procore", "", "", "",
                                              "", "", "timed out")));
}

TEST(RunCsv, EmptyRunIsTheHeaderAlone) {
    EXPECT_EQ(RunCsv(SampleRun(), {}),
              "run_id,seq,outcome,action,entity,local_id,procore_kind,procore_id,label,"
              "message\r\n");
}

// ---- JSON

TEST(RunJson, EveryFieldOfTheRunAndItsLines) {
    const nlohmann::json j = RunJson(SampleRun(), SampleLines());
    EXPECT_EQ(j["id"], 42);
    EXPECT_EQ(j["kind"], "people");
    EXPECT_EQ(j["trigger"], "manual");
    EXPECT_EQ(j["dry_run"], false);
    EXPECT_EQ(j["status"], "partial");
    EXPECT_EQ(j["started_at"], "2026-11-23T14:05:09.123Z");
    EXPECT_EQ(j["ended_at"], "2026-11-23T14:05:21.456Z");
    EXPECT_DOUBLE_EQ(j["duration_seconds"].get<double>(), 12.333);
    EXPECT_EQ(j["summary"], "1 of 32 records failed; the next run tries it again.");
    EXPECT_EQ(j["counts"], nlohmann::json::parse(R"({"created": 1, "updated": 0,
        "unchanged": 30, "deactivated": 0, "reactivated": 0, "reset": 0, "conflicts": 0,
        "failed": 1, "skipped": 1})"));
    ASSERT_EQ(j["lines"].size(), 3U);
    EXPECT_EQ(j["lines"][0], nlohmann::json::parse(R"({"seq": 1, "outcome": "done",
        "action": "create user", "entity": "person", "local_id": 7, "procore_kind": "user",
        "procore_id": 4301, "label": "Ann Lee <ann@example.com>",
        "message": "created Directory user 4301"})"));
    // Lines keep run order in JSON; only the text puts failures first.
    EXPECT_EQ(j["lines"][1]["outcome"], "failed");
    EXPECT_TRUE(j["lines"][1]["procore_id"].is_null());
    EXPECT_TRUE(j["lines"][2]["procore_kind"].is_null());
}

TEST(RunJson, MissingIdsAndKindsAreNull) {
    RunLine l;
    l.seq = 1;
    l.outcome = "failed";
    l.action = "read Procore";
    l.message = "timed out";
    const nlohmann::json line = RunJson(SampleRun(), {l})["lines"][0];
    EXPECT_TRUE(line["entity"].is_null());
    EXPECT_TRUE(line["local_id"].is_null());
    EXPECT_TRUE(line["procore_kind"].is_null());
    EXPECT_TRUE(line["procore_id"].is_null());
    EXPECT_EQ(line["label"], "");
}

TEST(RunJson, EmptyRunningRun) {
    RunRecord run;
    run.id = 3;
    run.kind = "invite";
    run.trigger = "manual";
    run.status = "running";
    run.started_at = "2026-11-23T14:05:09.123Z";
    const nlohmann::json j = RunJson(run, {});
    EXPECT_TRUE(j["ended_at"].is_null());
    EXPECT_TRUE(j["duration_seconds"].is_null());
    EXPECT_EQ(j["lines"], nlohmann::json::array());
}

TEST(RunSummaryJson, TheRunWithoutLines) {
    nlohmann::json expected = RunJson(SampleRun(), SampleLines());
    expected.erase("lines");
    EXPECT_EQ(RunSummaryJson(SampleRun()), expected);
    EXPECT_FALSE(RunSummaryJson(SampleRun()).contains("lines"));
}

// ---- list

TEST(RunListText, OneRowPerRunWithTheCountsThatHappened) {
    RunRecord blocked = SampleRun();
    blocked.id = 43;
    blocked.status = "blocked";
    blocked.trigger = "schedule";
    blocked.counts = {};
    blocked.ended_at = "2026-11-23T14:05:09.523Z";
    RunRecord running = SampleRun();
    running.id = 44;
    running.kind = "all";
    running.dry_run = true;
    running.status = "running";
    running.ended_at = "";
    running.counts = {};
    running.counts.conflicts = 1;
    EXPECT_EQ(RunListText({running, blocked, SampleRun()}),
              "ID  STARTED (UTC)        TOOK   KIND           TRIGGER   STATUS   RECORDS\n"
              "44  2026-11-23 14:05:09         all (dry run)  manual    running  1 conflict\n"
              "43  2026-11-23 14:05:09  0.4 s  people         schedule  blocked  none\n"
              "42  2026-11-23 14:05:09  12 s   people         manual    partial  "
              "1 created, 30 unchanged, 1 failed, 1 skipped\n"
              "3 runs\n");
}

TEST(RunListText, NoRuns) { EXPECT_EQ(RunListText({}), "No runs yet.\n"); }

}  // namespace
}  // namespace crewsync::report
