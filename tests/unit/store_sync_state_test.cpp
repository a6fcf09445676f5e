// Tests for the sync state in the SQLite store: links, dismissals, baselines, runs and their
// lines, ListLastChanges over the change journal, and the transaction rules they share with the
// records (read transactions refuse writes, no Commit keeps nothing, nothing is journalled).
// Each test gets a fresh database file in its own temporary directory and a FakeClock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/clock.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace crewsync::store {

// gtest prints LastChange in failure messages with this; it has no operator== of its own.
void PrintTo(const LastChange& c, std::ostream* os) {
    *os << "{" << c.entity_id << ", " << c.recorded_at << "}";
}

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using testing::ElementsAre;
using testing::Field;
using testing::HasSubstr;
using testing::IsEmpty;

#define CS_CONCAT_INNER_(a, b) a##b
#define CS_CONCAT_(a, b) CS_CONCAT_INNER_(a, b)

// Asserts that a Result/Status holds a value, printing the error otherwise.
#define ASSERT_OK(expr)                                                            \
    do {                                                                           \
        const auto& cs_ok_result_ = (expr);                                        \
        ASSERT_TRUE(cs_ok_result_.has_value()) << cs_ok_result_.error().ToString(); \
    } while (false)

// Binds the value of a Result or fails the test with its error.
#define ASSERT_OK_AND_ASSIGN(lhs, expr)                                                       \
    auto CS_CONCAT_(cs_result_, __LINE__) = (expr);                                           \
    ASSERT_TRUE(CS_CONCAT_(cs_result_, __LINE__).has_value())                                 \
        << CS_CONCAT_(cs_result_, __LINE__).error().ToString();                               \
    lhs = std::move(*CS_CONCAT_(cs_result_, __LINE__))

// Asserts that a Result/Status failed with the expected error code.
#define ASSERT_ERROR(expr, expected_code)                                   \
    do {                                                                    \
        const auto& cs_err_result_ = (expr);                                \
        ASSERT_FALSE(cs_err_result_.has_value()) << "expected an error";    \
        ASSERT_EQ(cs_err_result_.error().code(), (expected_code))           \
            << cs_err_result_.error().ToString();                           \
    } while (false)

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

Timestamp At(Date date, int h, int m, int s, int ms) {
    using namespace std::chrono;
    return sys_days{date} + hours{h} + minutes{m} + seconds{s} + milliseconds{ms};
}

constexpr const char* kT0 = "2026-11-23T14:05:09.123Z";  // the fixture clock's start

testing::Matcher<const LastChange&> Change(std::int64_t id, const std::string& at) {
    return testing::AllOf(Field("entity_id", &LastChange::entity_id, id),
                          Field("recorded_at", &LastChange::recorded_at, at));
}

LinkRow Link(Entity entity, std::int64_t local_id, std::string kind, std::int64_t procore_id,
             std::string how = "matched") {
    return LinkRow{entity, local_id, std::move(kind), procore_id, std::move(how), ""};
}

BaselineRow Baseline(Entity entity, std::int64_t local_id, std::vector<std::string> values) {
    BaselineRow b;
    b.entity = entity;
    b.local_id = local_id;
    b.person_type = entity == Entity::kPerson ? "user" : "";
    b.procore_kind = entity == Entity::kPerson ? "user" : "project";
    b.procore_id = 9000 + local_id;
    b.values = std::move(values);
    return b;
}

RunRecord MakeRun(std::string kind, std::string started_at) {
    RunRecord r;
    r.kind = std::move(kind);
    r.trigger = "manual";
    r.status = "running";
    r.started_at = std::move(started_at);
    return r;
}

RunLine Line(std::int64_t local_id, std::string action, std::string message) {
    RunLine l;
    l.entity = "person";
    l.local_id = local_id;
    l.procore_kind = "user";
    l.procore_id = 4000 + local_id;
    l.action = std::move(action);
    l.outcome = "done";
    l.label = "Person " + std::to_string(local_id);
    l.message = std::move(message);
    return l;
}

using testing_support::TempDir;

class StoreSyncStateTest : public testing::Test {
protected:
    void SetUp() override { Open(); }

    void Open() {
        auto opened = OpenSqliteStore(path_, clock_);
        ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
        store_ = std::move(*opened);
    }

    std::unique_ptr<Transaction> Write() { return Begin(TxMode::kWrite); }
    std::unique_ptr<Transaction> Read() { return Begin(TxMode::kRead); }

    std::unique_ptr<Transaction> Begin(TxMode mode) {
        auto tx = store_->Begin(mode);
        // Throwing ends the test as failed (gtest catches it) instead of crashing on nullptr.
        if (!tx) throw std::runtime_error("Begin failed: " + tx.error().ToString());
        return std::move(*tx);
    }

    static Person MakePerson(std::string first, std::string last, std::string email = "") {
        Person p;
        p.first_name = std::move(first);
        p.last_name = std::move(last);
        p.email = std::move(email);
        return p;
    }

    // Runs `sql` on the database file with the store closed, then reopens the store.
    void ExecBehindTheStore(const std::string& sql) {
        store_.reset();
        {
            auto db = sqlite::Db::Open(path_);
            ASSERT_TRUE(db.has_value()) << db.error().ToString();
            ASSERT_OK((*db)->Exec(sql));
        }
        Open();
    }

    TempDir dir_;
    std::string path_ = dir_.File("crewsync.db");
    FakeClock clock_{At(D(2026, 11, 23), 14, 5, 9, 123)};
    std::unique_ptr<Store> store_;
};

// ---------------------------------------------------------------------------------------------
// Links

using StoreLinks = StoreSyncStateTest;

TEST_F(StoreLinks, ListIsOrderedByEntityLocalIdAndKindWithTheTransactionTime) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutLink(Link(Entity::kProject, 3, "project", 77, "created")));
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 4312)));
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 2, "user", 4001, "manual")));
        // A person may hold a User and a Contact link at once (during a type change).
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "contact", 8800, "accepted")));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 2, "user", 4001, "manual", kT0},
                                   LinkRow{Entity::kPerson, 12, "contact", 8800, "accepted", kT0},
                                   LinkRow{Entity::kPerson, 12, "user", 4312, "matched", kT0},
                                   LinkRow{Entity::kProject, 3, "project", 77, "created", kT0}));
}

TEST_F(StoreLinks, PutReplacesTheRecordsLinkOfTheSameKind) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 4312)));
        ASSERT_OK(tx->Commit());
    }
    clock_.Advance(std::chrono::hours{1});
    {
        auto tx = Write();
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 5000, "manual")));
        // The Procore record the person left is free for someone else.
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 13, "user", 4312, "manual")));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    const std::string t1 = "2026-11-23T15:05:09.123Z";
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 12, "user", 5000, "manual", t1},
                                   LinkRow{Entity::kPerson, 13, "user", 4312, "manual", t1}));
}

TEST_F(StoreLinks, AProcoreRecordLinkedToAnotherRecordIsAConflict) {
    auto tx = Write();
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 4312)));
    ASSERT_OK(tx->PutLink(Link(Entity::kProject, 5, "project", 77)));

    auto person = tx->PutLink(Link(Entity::kPerson, 13, "user", 4312));
    ASSERT_ERROR(person, ErrorCode::kConflict);
    EXPECT_EQ(person.error().message(), "Procore user 4312 is already linked to person 12");

    auto project = tx->PutLink(Link(Entity::kProject, 6, "project", 77));
    ASSERT_ERROR(project, ErrorCode::kConflict);
    EXPECT_EQ(project.error().message(), "Procore project 77 is already linked to project 5");

    // Moving a record's existing link onto a taken id fails too, and keeps the old link.
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 14, "user", 4400)));
    ASSERT_ERROR(tx->PutLink(Link(Entity::kPerson, 14, "user", 4312)), ErrorCode::kConflict);

    // The same id under another kind is another Procore record.
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 13, "contact", 4312)));

    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 12, "user", 4312, "matched", kT0},
                                   LinkRow{Entity::kPerson, 13, "contact", 4312, "matched", kT0},
                                   LinkRow{Entity::kPerson, 14, "user", 4400, "matched", kT0},
                                   LinkRow{Entity::kProject, 5, "project", 77, "matched", kT0}));
}

TEST_F(StoreLinks, RelinkingTheSameRecordToTheSameProcoreRecordUpdatesHow) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 4312, "matched")));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Write();
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 4312, "recovered")));
    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 12, "user", 4312, "recovered", kT0}));
}

TEST_F(StoreLinks, DeleteRemovesOnlyThatKindAndAMissingLinkIsNotAnError) {
    auto tx = Write();
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "user", 4312)));
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 12, "contact", 8800)));
    ASSERT_OK(tx->PutLink(Link(Entity::kProject, 12, "project", 77)));

    ASSERT_OK(tx->DeleteLink(Entity::kPerson, 12, "user"));
    ASSERT_OK(tx->DeleteLink(Entity::kPerson, 12, "user"));
    ASSERT_OK(tx->DeleteLink(Entity::kPerson, 99, "contact"));

    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 12, "contact", 8800, "matched", kT0},
                                   LinkRow{Entity::kProject, 12, "project", 77, "matched", kT0}));
    // The deleted link's Procore record can be linked again.
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 20, "user", 4312)));
}

// ---------------------------------------------------------------------------------------------
// Dismissals

using StoreDismissals = StoreSyncStateTest;

TEST_F(StoreDismissals, StoredOnceListedInOrderAndDeleted) {
    auto tx = Write();
    ASSERT_OK(tx->PutDismissal(DismissalRow{7, "user", 4312}));
    ASSERT_OK(tx->PutDismissal(DismissalRow{3, "contact", 50}));
    ASSERT_OK(tx->PutDismissal(DismissalRow{7, "contact", 4312}));
    ASSERT_OK(tx->PutDismissal(DismissalRow{7, "user", 4312}));  // twice: not an error

    ASSERT_OK_AND_ASSIGN(const auto all, tx->ListDismissals());
    EXPECT_THAT(all, ElementsAre(DismissalRow{3, "contact", 50}, DismissalRow{7, "contact", 4312},
                                 DismissalRow{7, "user", 4312}));

    ASSERT_OK(tx->DeleteDismissal(DismissalRow{7, "contact", 4312}));
    ASSERT_OK(tx->DeleteDismissal(DismissalRow{7, "contact", 4312}));  // missing: not an error
    ASSERT_OK_AND_ASSIGN(const auto left, tx->ListDismissals());
    EXPECT_THAT(left, ElementsAre(DismissalRow{3, "contact", 50}, DismissalRow{7, "user", 4312}));
}

// ---------------------------------------------------------------------------------------------
// Baselines

using StoreBaselines = StoreSyncStateTest;

TEST_F(StoreBaselines, ValuesRoundTripExactlyAndPutReplaces) {
    // Separators, quotes, brackets, empty strings, a NUL and non-ASCII text all come back as they
    // went in: the encoding must not be a joined list.
    const std::vector<std::string> tricky = {
        "Jane", "", "a,b", "say \"hi\"", "[1, 2]", "line\nbreak", std::string("nul\0in", 6),
        "Zoë Ægir 日本"};
    {
        auto tx = Write();
        ASSERT_OK(tx->PutBaseline(Baseline(Entity::kProject, 4, {"Tower", "T-100"})));
        ASSERT_OK(tx->PutBaseline(Baseline(Entity::kPerson, 9, tricky)));
        ASSERT_OK(tx->PutBaseline(Baseline(Entity::kPerson, 2, {})));
        ASSERT_OK(tx->Commit());
    }
    {
        auto tx = Read();
        ASSERT_OK_AND_ASSIGN(const auto baselines, tx->ListBaselines());
        ASSERT_EQ(baselines.size(), 3u);
        BaselineRow expected = Baseline(Entity::kPerson, 2, {});
        expected.synced_at = kT0;
        EXPECT_EQ(baselines[0], expected);
        expected = Baseline(Entity::kPerson, 9, tricky);
        expected.synced_at = kT0;
        EXPECT_EQ(baselines[1], expected);
        expected = Baseline(Entity::kProject, 4, {"Tower", "T-100"});
        expected.synced_at = kT0;
        EXPECT_EQ(baselines[2], expected);
    }

    clock_.Advance(std::chrono::minutes{30});
    {
        auto tx = Write();
        BaselineRow contact = Baseline(Entity::kPerson, 9, {"Jane", "Doe"});
        contact.person_type = "assignable";
        contact.procore_kind = "contact";
        contact.procore_id = 8800;
        ASSERT_OK(tx->PutBaseline(contact));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto baselines, tx->ListBaselines());
    ASSERT_EQ(baselines.size(), 3u);
    EXPECT_EQ(baselines[1], (BaselineRow{Entity::kPerson, 9, "assignable", "contact", 8800,
                                         {"Jane", "Doe"}, "2026-11-23T14:35:09.123Z"}));
}

TEST_F(StoreBaselines, DeleteRemovesOneRecordsBaselineAndAMissingOneIsNotAnError) {
    auto tx = Write();
    ASSERT_OK(tx->PutBaseline(Baseline(Entity::kPerson, 4, {"a"})));
    ASSERT_OK(tx->PutBaseline(Baseline(Entity::kProject, 4, {"b"})));
    ASSERT_OK(tx->DeleteBaseline(Entity::kPerson, 4));
    ASSERT_OK(tx->DeleteBaseline(Entity::kPerson, 4));
    ASSERT_OK_AND_ASSIGN(const auto baselines, tx->ListBaselines());
    ASSERT_EQ(baselines.size(), 1u);
    EXPECT_EQ(baselines[0].entity, Entity::kProject);
    EXPECT_EQ(baselines[0].values, std::vector<std::string>{"b"});
}

TEST_F(StoreBaselines, AValueThatIsNotUtf8IsRefusedAndStoresNothing) {
    auto tx = Write();
    ASSERT_ERROR(tx->PutBaseline(Baseline(Entity::kPerson, 4, {"ok", "bad \xff byte"})),
                 ErrorCode::kInvalidArgument);
    ASSERT_OK_AND_ASSIGN(const auto baselines, tx->ListBaselines());
    EXPECT_THAT(baselines, IsEmpty());
}

TEST_F(StoreBaselines, StoredValuesThatAreNotAListOfStringsAreCorrupt) {
    ExecBehindTheStore(
        "INSERT INTO sync_baselines (entity, local_id, person_type, procore_kind, procore_id, "
        "field_values, synced_at) VALUES ('person', 1, 'user', 'user', 5, '[\"a\", 3]', 'x')");
    auto tx = Read();
    ASSERT_ERROR(tx->ListBaselines(), ErrorCode::kCorrupt);
}

// ---------------------------------------------------------------------------------------------
// Runs and run lines

using StoreRuns = StoreSyncStateTest;

TEST_F(StoreRuns, InsertAssignsIdsAndGetRoundTripsEveryField) {
    RunRecord full;
    full.kind = "people";
    full.trigger = "schedule";
    full.dry_run = true;
    full.status = "partial";
    full.started_at = "2026-11-23T14:00:00.000Z";
    full.ended_at = "2026-11-23T14:03:00.000Z";
    full.counts = RunCounts{1, 2, 3, 4, 5, 6, 7, 8, 9};
    full.summary = "2 records failed; see the run's lines";

    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const std::int64_t first, tx->InsertRun(full));
    ASSERT_OK_AND_ASSIGN(const std::int64_t second, tx->InsertRun(MakeRun("all", kT0)));
    EXPECT_GT(first, 0);
    EXPECT_GT(second, first);

    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetRun(first));
    full.id = first;  // the record's own id is ignored on insert, set on read
    EXPECT_EQ(got, full);

    ASSERT_OK_AND_ASSIGN(const auto running, tx->GetRun(second));
    ASSERT_TRUE(running.has_value());
    EXPECT_FALSE(running->dry_run);
    EXPECT_EQ(running->ended_at, "");
    EXPECT_EQ(running->counts, RunCounts{});

    ASSERT_OK_AND_ASSIGN(const auto missing, tx->GetRun(second + 100));
    EXPECT_EQ(missing, std::nullopt);
}

TEST_F(StoreRuns, UpdateReplacesEveryFieldButTheIdAndAMissingRunIsNotFound) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const std::int64_t id, tx->InsertRun(MakeRun("people", kT0)));
    ASSERT_OK(tx->AppendRunLines(id, {Line(1, "update", "")}));

    RunRecord finished;
    finished.id = id;
    finished.kind = "projects";
    finished.trigger = "webhook";
    finished.dry_run = true;
    finished.status = "succeeded";
    finished.started_at = "2026-11-23T14:05:10.000Z";
    finished.ended_at = "2026-11-23T14:06:00.000Z";
    finished.counts = RunCounts{9, 8, 7, 6, 5, 4, 3, 2, 1};
    finished.summary = "All in step";
    ASSERT_OK(tx->UpdateRun(finished));
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetRun(id));
    EXPECT_EQ(got, finished);
    // Updating a run to what it already holds is not "missing".
    ASSERT_OK(tx->UpdateRun(finished));

    // ended_at goes back to "" (the field is replaced too), and the lines stay.
    finished.ended_at = "";
    ASSERT_OK(tx->UpdateRun(finished));
    ASSERT_OK_AND_ASSIGN(const auto reopened, tx->GetRun(id));
    EXPECT_EQ(reopened, finished);
    ASSERT_OK_AND_ASSIGN(const auto lines, tx->ListRunLines(id));
    EXPECT_EQ(lines.size(), 1u);

    RunRecord missing = finished;
    missing.id = id + 1;
    auto result = tx->UpdateRun(missing);
    ASSERT_ERROR(result, ErrorCode::kNotFound);
    EXPECT_THAT(result.error().message(), HasSubstr(std::to_string(id + 1)));
}

TEST_F(StoreRuns, ListIsNewestFirstAndPagesWithLimitAndBeforeId) {
    auto tx = Write();
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 5; ++i) {
        ASSERT_OK_AND_ASSIGN(const std::int64_t id, tx->InsertRun(MakeRun("people", kT0)));
        ids.push_back(id);
    }
    auto ids_of = [](const std::vector<RunRecord>& runs) {
        std::vector<std::int64_t> out;
        for (const auto& r : runs) out.push_back(r.id);
        return out;
    };

    ASSERT_OK_AND_ASSIGN(const auto all, tx->ListRuns(RunFilter{}));
    EXPECT_THAT(ids_of(all), ElementsAre(ids[4], ids[3], ids[2], ids[1], ids[0]));

    ASSERT_OK_AND_ASSIGN(const auto page1, tx->ListRuns(RunFilter{2, 0}));
    EXPECT_THAT(ids_of(page1), ElementsAre(ids[4], ids[3]));
    ASSERT_OK_AND_ASSIGN(const auto page2, tx->ListRuns(RunFilter{2, page1.back().id}));
    EXPECT_THAT(ids_of(page2), ElementsAre(ids[2], ids[1]));
    ASSERT_OK_AND_ASSIGN(const auto page3, tx->ListRuns(RunFilter{2, page2.back().id}));
    EXPECT_THAT(ids_of(page3), ElementsAre(ids[0]));
    ASSERT_OK_AND_ASSIGN(const auto page4, tx->ListRuns(RunFilter{2, page3.back().id}));
    EXPECT_THAT(page4, IsEmpty());

    ASSERT_OK_AND_ASSIGN(const auto none, tx->ListRuns(RunFilter{0, 0}));
    EXPECT_THAT(none, IsEmpty());
    // A before_id past the newest lists from the newest.
    ASSERT_OK_AND_ASSIGN(const auto past, tx->ListRuns(RunFilter{1, ids[4] + 10}));
    EXPECT_THAT(ids_of(past), ElementsAre(ids[4]));
    // Rows come back whole, not just their ids.
    EXPECT_EQ(past[0].kind, "people");
    EXPECT_EQ(past[0].started_at, kT0);
}

TEST_F(StoreRuns, LinesAreNumberedAcrossAppendsAndRoundTripEveryField) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const std::int64_t run, tx->InsertRun(MakeRun("people", kT0)));
    ASSERT_OK_AND_ASSIGN(const std::int64_t other, tx->InsertRun(MakeRun("projects", kT0)));

    RunLine created = Line(12, "create user", "");
    created.label = "Jane Doe <jane@example.com>";
    RunLine reset = Line(13, "reset", "Directory had job title 'Foreman', reset to "
                                      "'Superintendent'");
    RunLine failed = Line(14, "update", "Procore refused: e-mail is taken");
    failed.outcome = "failed";
    failed.procore_kind = "contact";
    // A run-wide line names no record.
    RunLine blocked;
    blocked.action = "skip";
    blocked.outcome = "skipped";
    blocked.message = "The guard stopped the run: 60% of users would be deactivated";

    ASSERT_OK(tx->AppendRunLines(run, {created, reset}));
    ASSERT_OK(tx->AppendRunLines(other, {Line(1, "update", "")}));
    ASSERT_OK(tx->AppendRunLines(run, {}));  // nothing to add is fine
    ASSERT_OK(tx->AppendRunLines(run, {failed, blocked}));

    created.seq = 1;
    reset.seq = 2;
    failed.seq = 3;
    blocked.seq = 4;
    ASSERT_OK_AND_ASSIGN(const auto lines, tx->ListRunLines(run));
    EXPECT_THAT(lines, ElementsAre(created, reset, failed, blocked));

    // Each run numbers its own lines from 1.
    ASSERT_OK_AND_ASSIGN(const auto other_lines, tx->ListRunLines(other));
    ASSERT_EQ(other_lines.size(), 1u);
    EXPECT_EQ(other_lines[0].seq, 1);
}

TEST_F(StoreRuns, AppendingToAMissingRunIsNotFound) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const std::int64_t run, tx->InsertRun(MakeRun("people", kT0)));
    auto result = tx->AppendRunLines(run + 1, {Line(1, "update", "")});
    ASSERT_ERROR(result, ErrorCode::kNotFound);
    EXPECT_THAT(result.error().message(), HasSubstr(std::to_string(run + 1)));
    ASSERT_ERROR(tx->AppendRunLines(run + 1, {}), ErrorCode::kNotFound);

    ASSERT_OK_AND_ASSIGN(const auto lines, tx->ListRunLines(run + 1));
    EXPECT_THAT(lines, IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// ListLastChanges

using StoreLastChanges = StoreSyncStateTest;

TEST_F(StoreLastChanges, CreatesAndUpdatesOfListedFieldsCountAndTheLatestWins) {
    PersonId ann, bob, cy;
    {
        auto tx = Write();
        ASSERT_OK_AND_ASSIGN(ann, tx->InsertPerson(MakePerson("Ann", "Able", "ann@example.com")));
        ASSERT_OK_AND_ASSIGN(bob, tx->InsertPerson(MakePerson("Bob", "Best", "bob@example.com")));
        ASSERT_OK_AND_ASSIGN(cy, tx->InsertPerson(MakePerson("Cy", "Cole")));
        Project tower;
        tower.name = "Tower";
        ASSERT_OK(tx->InsertProject(tower));
        ASSERT_OK(tx->Commit());
    }
    // Each step commits at its own time: recorded_at is the transaction's clock time.
    auto update = [&](PersonId id, auto change) {
        clock_.Advance(std::chrono::minutes{1});
        auto tx = Write();
        auto person = tx->GetPerson(id);
        ASSERT_TRUE(person.has_value() && person->has_value());
        Person p = **person;
        change(p);
        ASSERT_OK(tx->UpdatePerson(p));
        ASSERT_OK(tx->Commit());
    };
    update(ann, [](Person& p) { p.job_title = "Foreman"; });                // 14:06, unlisted
    update(bob, [](Person& p) { p.email = "robert@example.com"; });         // 14:07, listed
    update(bob, [](Person& p) { p.mobile_phone = "+1 555 010 0000"; });     // 14:08, unlisted
    update(cy, [](Person& p) { p.job_title = "Lead"; p.last_name = "Coe"; });  // 14:09, listed
    // "name" is not "first_name": fields are matched whole.
    update(ann, [](Person& p) { p.first_name = "Anne"; });                  // 14:10

    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto people,
                         tx->ListLastChanges(Entity::kPerson, {"email", "last_name", "name"}));
    EXPECT_THAT(people, ElementsAre(Change(ann.value(), kT0),
                                    Change(bob.value(), "2026-11-23T14:07:09.123Z"),
                                    Change(cy.value(), "2026-11-23T14:09:09.123Z")));

    // With no fields only creates count.
    ASSERT_OK_AND_ASSIGN(const auto created, tx->ListLastChanges(Entity::kPerson, {}));
    EXPECT_THAT(created, ElementsAre(Change(ann.value(), kT0), Change(bob.value(), kT0),
                                     Change(cy.value(), kT0)));

    // A field listed twice, or the last of an update's several fields, still counts.
    ASSERT_OK_AND_ASSIGN(const auto last_field,
                         tx->ListLastChanges(Entity::kPerson, {"job_title", "job_title"}));
    EXPECT_THAT(last_field, ElementsAre(Change(ann.value(), "2026-11-23T14:06:09.123Z"),
                                        Change(bob.value(), kT0),
                                        Change(cy.value(), "2026-11-23T14:09:09.123Z")));
    ASSERT_OK_AND_ASSIGN(const auto first_name,
                         tx->ListLastChanges(Entity::kPerson, {"first_name"}));
    EXPECT_THAT(first_name, ElementsAre(Change(ann.value(), "2026-11-23T14:10:09.123Z"),
                                        Change(bob.value(), kT0), Change(cy.value(), kT0)));

    // Other entities' rows stay out.
    ASSERT_OK_AND_ASSIGN(const auto projects,
                         tx->ListLastChanges(Entity::kProject, {"email", "name"}));
    ASSERT_EQ(projects.size(), 1u);
    EXPECT_EQ(projects[0].recorded_at, kT0);
}

TEST_F(StoreLastChanges, PicksEachPersonsLatestListedChangeAmongOtherEntitiesRows) {
    // Three journal rows per person, written straight to the journal: a create at T0, an update
    // of an unlisted field and, for every other person, a later update of a listed one. Time
    // entries' rows, which outnumber people's, come in between.
    ExecBehindTheStore(R"sql(
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
        INSERT INTO change_journal (recorded_at, entity, entity_id, action, fields)
        SELECT '2026-01-01T00:00:00.000Z', 'person', i, 'create', '' FROM n
        UNION ALL
        SELECT '2026-02-01T00:00:00.000Z', 'time_entry', i, 'create', '' FROM n
        UNION ALL
        SELECT '2026-03-01T00:00:00.000Z', 'person', i, 'update', 'job_title,status' FROM n
        UNION ALL
        SELECT '2026-04-01T00:00:00.000Z', 'person', i, 'update', 'first_name,email' FROM n
        WHERE i % 2 = 0;
        COMMIT;
    )sql");
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto changes,
                         tx->ListLastChanges(Entity::kPerson, {"email", "mobile_phone"}));
    ASSERT_EQ(changes.size(), 5000u);
    EXPECT_THAT(changes[0], Change(1, "2026-01-01T00:00:00.000Z"));
    EXPECT_THAT(changes[1], Change(2, "2026-04-01T00:00:00.000Z"));
    EXPECT_THAT(changes[4999], Change(5000, "2026-04-01T00:00:00.000Z"));
}

// ---------------------------------------------------------------------------------------------
// Transactions

using StoreSyncStateTransactions = StoreSyncStateTest;

TEST_F(StoreSyncStateTransactions, ReadTransactionRefusesEveryWrite) {
    std::int64_t run = 0;
    {
        auto tx = Write();
        ASSERT_OK_AND_ASSIGN(run, tx->InsertRun(MakeRun("people", kT0)));
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 1, "user", 10)));
        ASSERT_OK(tx->Commit());
    }
    RunRecord finished = MakeRun("people", kT0);
    finished.id = run;
    finished.status = "succeeded";

    auto tx = Read();
    ASSERT_ERROR(tx->PutLink(Link(Entity::kPerson, 2, "user", 20)), ErrorCode::kInternal);
    ASSERT_ERROR(tx->DeleteLink(Entity::kPerson, 1, "user"), ErrorCode::kInternal);
    ASSERT_ERROR(tx->PutDismissal(DismissalRow{1, "user", 30}), ErrorCode::kInternal);
    ASSERT_ERROR(tx->DeleteDismissal(DismissalRow{1, "user", 30}), ErrorCode::kInternal);
    ASSERT_ERROR(tx->PutBaseline(Baseline(Entity::kPerson, 1, {"a"})), ErrorCode::kInternal);
    ASSERT_ERROR(tx->DeleteBaseline(Entity::kPerson, 1), ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertRun(MakeRun("people", kT0)), ErrorCode::kInternal);
    ASSERT_ERROR(tx->UpdateRun(finished), ErrorCode::kInternal);
    ASSERT_ERROR(tx->AppendRunLines(run, {Line(1, "update", "")}), ErrorCode::kInternal);

    // Reads work, and nothing changed.
    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_EQ(links.size(), 1u);
    ASSERT_OK_AND_ASSIGN(const auto dismissals, tx->ListDismissals());
    EXPECT_THAT(dismissals, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto baselines, tx->ListBaselines());
    EXPECT_THAT(baselines, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto runs, tx->ListRuns({}));
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, "running");
    ASSERT_OK_AND_ASSIGN(const auto lines, tx->ListRunLines(run));
    EXPECT_THAT(lines, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto changes, tx->ListLastChanges(Entity::kPerson, {"email"}));
    EXPECT_THAT(changes, IsEmpty());
    ASSERT_OK(tx->Commit());
}

TEST_F(StoreSyncStateTransactions, WithoutCommitNothingIsKeptAndCommittedStateSurvivesReopen) {
    std::int64_t kept_run = 0;
    {
        auto tx = Write();
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 1, "user", 10)));
        ASSERT_OK_AND_ASSIGN(kept_run, tx->InsertRun(MakeRun("people", kT0)));
        ASSERT_OK(tx->AppendRunLines(kept_run, {Line(1, "link", "")}));
        ASSERT_OK(tx->Commit());
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->PutLink(Link(Entity::kPerson, 2, "user", 20)));
        ASSERT_OK(tx->DeleteLink(Entity::kPerson, 1, "user"));
        ASSERT_OK(tx->PutDismissal(DismissalRow{1, "user", 30}));
        ASSERT_OK(tx->PutBaseline(Baseline(Entity::kPerson, 1, {"a"})));
        ASSERT_OK_AND_ASSIGN(const std::int64_t run, tx->InsertRun(MakeRun("all", kT0)));
        ASSERT_OK(tx->AppendRunLines(run, {Line(1, "update", "")}));
        ASSERT_OK(tx->AppendRunLines(kept_run, {Line(2, "update", "")}));
        // Destroyed without Commit.
    }
    store_.reset();
    Open();

    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 1, "user", 10, "matched", kT0}));
    ASSERT_OK_AND_ASSIGN(const auto dismissals, tx->ListDismissals());
    EXPECT_THAT(dismissals, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto baselines, tx->ListBaselines());
    EXPECT_THAT(baselines, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto runs, tx->ListRuns({}));
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].id, kept_run);
    ASSERT_OK_AND_ASSIGN(const auto lines, tx->ListRunLines(kept_run));
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].action, "link");
}

TEST_F(StoreSyncStateTransactions, NothingIsJournalled) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const PersonId person, tx->InsertPerson(MakePerson("Ann", "Able")));
    ASSERT_OK_AND_ASSIGN(const auto before, tx->ReadJournal(0, 1000));
    ASSERT_OK(tx->PutLink(Link(Entity::kPerson, person.value(), "user", 10)));
    ASSERT_OK(tx->DeleteLink(Entity::kPerson, person.value(), "user"));
    ASSERT_OK(tx->PutDismissal(DismissalRow{person.value(), "user", 30}));
    ASSERT_OK(tx->DeleteDismissal(DismissalRow{person.value(), "user", 30}));
    ASSERT_OK(tx->PutBaseline(Baseline(Entity::kPerson, person.value(), {"Ann"})));
    ASSERT_OK(tx->DeleteBaseline(Entity::kPerson, person.value()));
    ASSERT_OK_AND_ASSIGN(const std::int64_t run, tx->InsertRun(MakeRun("people", kT0)));
    ASSERT_OK(tx->AppendRunLines(run, {Line(person.value(), "update", "")}));
    RunRecord finished = MakeRun("people", kT0);
    finished.id = run;
    ASSERT_OK(tx->UpdateRun(finished));
    ASSERT_OK_AND_ASSIGN(const auto after, tx->ReadJournal(0, 1000));
    EXPECT_EQ(after.size(), before.size());
}

TEST_F(StoreSyncStateTransactions, AFinishedTransactionRefusesReadsAndWrites) {
    auto tx = Write();
    ASSERT_OK(tx->Commit());
    ASSERT_ERROR(tx->PutLink(Link(Entity::kPerson, 1, "user", 10)), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListLinks(), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListDismissals(), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListBaselines(), ErrorCode::kInternal);
    ASSERT_ERROR(tx->GetRun(1), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListRuns({}), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListRunLines(1), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListLastChanges(Entity::kPerson, {}), ErrorCode::kInternal);
}

// ---------------------------------------------------------------------------------------------
// Timecard ledger

TimecardLedgerRow LedgerRow(std::int64_t entry, std::string status, std::int64_t timecard) {
    TimecardLedgerRow r;
    r.time_entry_id = entry;
    r.status = std::move(status);
    r.timecard_id = timecard;
    r.project_procore_id = 700;
    r.party_id = 800 + entry;
    r.work_date = "2026-11-16";
    r.origin_id = "crewsync:time:" + std::to_string(entry);
    r.sent = "{\"hours\":\"8.00\"}";
    r.hours = "8.00";
    return r;
}

using StoreTimecardLedger = StoreSyncStateTest;

TEST_F(StoreTimecardLedger, PutReplacesTheRowAndListsInEntryOrderWithTheTransactionTime) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutTimecardLedger(LedgerRow(9, "sending", 0)));
        ASSERT_OK(tx->PutTimecardLedger(LedgerRow(3, "sent", 51)));
        ASSERT_OK(tx->Commit());
    }
    clock_.Advance(std::chrono::minutes{1});
    {
        auto tx = Write();
        TimecardLedgerRow sent = LedgerRow(9, "sent", 52);
        sent.hours = "7.50";
        ASSERT_OK(tx->PutTimecardLedger(sent));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto rows, tx->ListTimecardLedger());
    ASSERT_EQ(rows.size(), 2u);
    TimecardLedgerRow first = LedgerRow(3, "sent", 51);
    first.updated_at = kT0;
    EXPECT_EQ(rows[0], first);
    EXPECT_EQ(rows[1].time_entry_id, 9);
    EXPECT_EQ(rows[1].status, "sent");
    EXPECT_EQ(rows[1].timecard_id, 52);
    EXPECT_EQ(rows[1].hours, "7.50");
    EXPECT_EQ(rows[1].updated_at, "2026-11-23T14:06:09.123Z");
}

TEST_F(StoreTimecardLedger, ASendingRowHasNoTimecardYet) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutTimecardLedger(LedgerRow(4, "sending", 0)));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto rows, tx->ListTimecardLedger());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, "sending");
    EXPECT_EQ(rows[0].timecard_id, 0);
}

TEST_F(StoreTimecardLedger, RefusesUnknownStatusesAndMissingEntryIds) {
    auto tx = Write();
    ASSERT_ERROR(tx->PutTimecardLedger(LedgerRow(4, "pushed", 1)), ErrorCode::kInvalidArgument);
    ASSERT_ERROR(tx->PutTimecardLedger(LedgerRow(0, "sent", 1)), ErrorCode::kInvalidArgument);
    ASSERT_OK_AND_ASSIGN(const auto rows, tx->ListTimecardLedger());
    EXPECT_THAT(rows, IsEmpty());
}

TEST_F(StoreTimecardLedger, DeleteRemovesOneRowAndMissingRowsAreNoError) {
    auto tx = Write();
    ASSERT_OK(tx->PutTimecardLedger(LedgerRow(1, "sent", 11)));
    ASSERT_OK(tx->PutTimecardLedger(LedgerRow(2, "sent", 12)));
    ASSERT_OK(tx->DeleteTimecardLedger(1));
    ASSERT_OK(tx->DeleteTimecardLedger(77));
    ASSERT_OK_AND_ASSIGN(const auto rows, tx->ListTimecardLedger());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].time_entry_id, 2);
}

TEST_F(StoreTimecardLedger, OutlivesTheTimeEntryAndIsNotJournalled) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const auto before, tx->ReadJournal(0, 1000));
    ASSERT_OK(tx->PutTimecardLedger(LedgerRow(5, "sent", 15)));
    ASSERT_OK(tx->PutTimecardLedger(LedgerRow(5, "deleted", 15)));
    ASSERT_OK_AND_ASSIGN(const auto after, tx->ReadJournal(0, 1000));
    EXPECT_EQ(after.size(), before.size());
    ASSERT_OK(tx->Commit());
}

TEST_F(StoreTimecardLedger, ReadTransactionsRefuseWritesAndUncommittedRowsAreGone) {
    {
        auto tx = Read();
        ASSERT_ERROR(tx->PutTimecardLedger(LedgerRow(1, "sent", 11)), ErrorCode::kInternal);
        ASSERT_ERROR(tx->DeleteTimecardLedger(1), ErrorCode::kInternal);
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->PutTimecardLedger(LedgerRow(1, "sent", 11)));
    }
    store_.reset();
    Open();
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto rows, tx->ListTimecardLedger());
    EXPECT_THAT(rows, IsEmpty());
}

}  // namespace
}  // namespace crewsync::store
