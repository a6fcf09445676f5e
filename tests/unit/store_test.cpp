// Tests for the SQLite store: migrations, round trips of every entity, filters and look-ups,
// identity and reference errors, the change journal and transaction semantics. Each test gets
// a fresh database file in its own temporary directory and a FakeClock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/file_mode.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/clock.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace crewsync::store {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::IsSupersetOf;
using testing::Optional;
using Fields = std::vector<std::string>;

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

using testing_support::TempDir;

// Writes the database at `path` as a crewsync that knew the migrations up to `version` left it.
Status CreateAtVersion(const std::string& path, int version) {
    CREWSYNC_ASSIGN_OR_RETURN(auto db, sqlite::Db::Open(path));
    CREWSYNC_TRY(db->Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                          "name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    for (const auto& m : sqlite::Migrations()) {
        if (m.version > version) break;
        CREWSYNC_TRY(db->Exec(m.sql));
        CREWSYNC_ASSIGN_OR_RETURN(sqlite::Stmt * s, db->Prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        s->Bind(1, m.version).Bind(2, m.name).Bind(3, "2025-01-01T00:00:00.000Z");
        CREWSYNC_TRY(s->Run());
    }
    return Ok();
}

class StoreTest : public testing::Test {
protected:
    void SetUp() override {
        auto opened = OpenSqliteStore(path_, clock_);
        ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
        store_ = std::move(*opened);
    }

    std::unique_ptr<Transaction> Write() { return Begin(*store_, TxMode::kWrite); }
    std::unique_ptr<Transaction> Read() { return Begin(*store_, TxMode::kRead); }

    static std::unique_ptr<Transaction> Begin(Store& store, TxMode mode) {
        auto tx = store.Begin(mode);
        // Throwing ends the test as failed (gtest catches it) instead of crashing on nullptr.
        if (!tx) throw std::runtime_error("Begin failed: " + tx.error().ToString());
        return std::move(*tx);
    }

    // Groups North and South West, classifications Journeyman Electrician and Apprentice.
    void SeedCatalog(Transaction& tx) {
        ASSERT_OK(tx.InsertGroup(Group{GroupId{}, "North", "Northern branch"}));
        ASSERT_OK(tx.InsertGroup(Group{GroupId{}, "South West", ""}));
        ASSERT_OK(tx.InsertClassification(
            Classification{ClassificationId{}, "Journeyman Electrician", "JE",
                           RecordStatus::kActive}));
        ASSERT_OK(tx.InsertClassification(
            Classification{ClassificationId{}, "Apprentice", "AP", RecordStatus::kActive}));
    }

    static Person MakePerson(std::string first, std::string last, std::string email = "") {
        Person p;
        p.first_name = std::move(first);
        p.last_name = std::move(last);
        p.email = std::move(email);
        return p;
    }

    static Project MakeProject(std::string name, std::string number = "") {
        Project p;
        p.name = std::move(name);
        p.project_number = std::move(number);
        return p;
    }

    static Assignment MakeAssignment(PersonId person, ProjectId project, Date start, Date end) {
        Assignment a;
        a.person = person;
        a.project = project;
        a.start_date = start;
        a.end_date = end;
        return a;
    }

    static TimeEntry MakeEntry(PersonId person, ProjectId project, Date date, int hundredths) {
        TimeEntry e;
        e.person = person;
        e.project = project;
        e.date = date;
        e.hours = Hours{hundredths};
        return e;
    }

    TempDir dir_;
    std::string path_ = dir_.File("crewsync.db");
    FakeClock clock_{At(D(2026, 11, 23), 14, 5, 9, 123)};
    std::unique_ptr<Store> store_;
};

// ---------------------------------------------------------------------------------------------
// Migrations

using StoreMigrations = StoreTest;

TEST_F(StoreMigrations, FreshDatabaseIsAtVersionFiveWithEveryTable) {
    ASSERT_OK_AND_ASSIGN(const int version, store_->SchemaVersion());
    EXPECT_EQ(version, 5);
    ASSERT_OK_AND_ASSIGN(const auto tables, store_->TableNames());
    EXPECT_THAT(tables, IsSupersetOf({"groups", "classifications", "people", "person_groups",
                                      "person_custom_fields", "projects", "project_groups",
                                      "assignments", "time_entries", "change_journal", "links",
                                      "link_dismissals", "sync_baselines", "runs", "run_lines",
                                      "secrets", "timecard_ledger", "schema_migrations"}));
    // Migration 4 replaced the fingerprints with baselines.
    EXPECT_THAT(tables, testing::Not(testing::Contains("sync_fingerprints")));
    EXPECT_TRUE(std::is_sorted(tables.begin(), tables.end()));
}

TEST_F(StoreMigrations, ReopeningKeepsDataAndAppliesNothingAgain) {
    {
        auto tx = Write();
        ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "North", ""}));
        ASSERT_OK(tx->Commit());
    }
    store_.reset();
    clock_.Advance(std::chrono::hours{24});
    ASSERT_OK_AND_ASSIGN(auto reopened, OpenSqliteStore(path_, clock_));
    ASSERT_OK_AND_ASSIGN(const int version, reopened->SchemaVersion());
    EXPECT_EQ(version, 5);
    {
        auto tx = Begin(*reopened, TxMode::kRead);
        ASSERT_OK_AND_ASSIGN(const auto groups, tx->ListGroups());
        ASSERT_EQ(groups.size(), 1u);
        EXPECT_EQ(groups[0].name, "North");
    }
    reopened.reset();

    // Each migration is recorded once, at the time of the first open.
    ASSERT_OK_AND_ASSIGN(auto db, sqlite::Db::Open(path_));
    ASSERT_OK_AND_ASSIGN(sqlite::Stmt * s, db->Prepare(
        "SELECT count(*), min(applied_at), max(applied_at) FROM schema_migrations"));
    ASSERT_OK_AND_ASSIGN(const bool row, s->Step());
    ASSERT_TRUE(row);
    EXPECT_EQ(s->Int(0), 5);
    EXPECT_EQ(s->Text(1), "2026-11-23T14:05:09.123Z");
    EXPECT_EQ(s->Text(2), "2026-11-23T14:05:09.123Z");
    s->Reset();
}

TEST_F(StoreMigrations, NewerSchemaVersionIsRefusedAsCorrupt) {
    store_.reset();
    {
        ASSERT_OK_AND_ASSIGN(auto db, sqlite::Db::Open(path_));
        ASSERT_OK(db->Exec("INSERT INTO schema_migrations (version, name, applied_at) "
                           "VALUES (99, 'from the future', '2030-01-01T00:00:00.000Z')"));
    }
    auto opened = OpenSqliteStore(path_, clock_);
    ASSERT_ERROR(opened, ErrorCode::kCorrupt);
    EXPECT_THAT(opened.error().message(), HasSubstr("schema version 99"));
    EXPECT_THAT(opened.error().message(), HasSubstr("versions up to 5"));
    EXPECT_THAT(opened.error().message(), HasSubstr(path_));
}

TEST_F(StoreMigrations, AFileThatIsNotADatabaseIsCorrupt) {
    const std::string junk = dir_.File("junk.db");
    {
        std::ofstream out(junk, std::ios::binary);
        out << std::string(4096, 'x');
    }
    ASSERT_ERROR(OpenSqliteStore(junk, clock_), ErrorCode::kCorrupt);
}

TEST_F(StoreMigrations, AVersionTwoDatabaseGainsTheSecretsTable) {
    // What crewsync wrote before migration 3 existed.
    const std::string old = dir_.File("old.db");
    ASSERT_OK(CreateAtVersion(old, 2));
    {
        ASSERT_OK_AND_ASSIGN(auto db, sqlite::Db::Open(old));
        ASSERT_OK(db->Exec("INSERT INTO groups (name, created_at, updated_at) "
                           "VALUES ('North', '2025-01-01T00:00:00.000Z', "
                           "'2025-01-01T00:00:00.000Z')"));
    }
    ASSERT_OK_AND_ASSIGN(auto reopened, OpenSqliteStore(old, clock_));
    ASSERT_OK_AND_ASSIGN(const int version, reopened->SchemaVersion());
    EXPECT_EQ(version, 5);
    ASSERT_OK_AND_ASSIGN(const auto tables, reopened->TableNames());
    EXPECT_THAT(tables, testing::Contains("secrets"));
    auto tx = Begin(*reopened, TxMode::kWrite);
    ASSERT_OK(tx->PutSecret("procore.client_secret", "sealed"));
    ASSERT_OK_AND_ASSIGN(const auto groups, tx->ListGroups());
    EXPECT_EQ(groups.size(), 1u);
    ASSERT_OK(tx->Commit());
}

TEST_F(StoreMigrations, AVersionThreeDatabaseGainsBaselinesAndDismissalsAndKeepsItsRuns) {
    const std::string old = dir_.File("old.db");
    ASSERT_OK(CreateAtVersion(old, 3));
    {
        ASSERT_OK_AND_ASSIGN(auto db, sqlite::Db::Open(old));
        ASSERT_OK(db->Exec(R"sql(
            INSERT INTO change_journal (recorded_at, entity, entity_id, action, fields)
                VALUES ('2025-01-01T00:00:00.000Z', 'person', 1, 'create', ''),
                       ('2025-02-01T00:00:00.000Z', 'person', 1, 'update', 'email');
            INSERT INTO links (entity, local_id, procore_kind, procore_id, how, linked_at)
                VALUES ('person', 1, 'user', 4312, 'matched', '2025-01-02T00:00:00.000Z');
            INSERT INTO sync_fingerprints (entity, local_id, local_fingerprint,
                                           remote_fingerprint, synced_at)
                VALUES ('person', 1, 'aa', 'bb', '2025-01-02T00:00:00.000Z');
            INSERT INTO runs (id, kind, trigger, status, started_at)
                VALUES (1, 'people', 'manual', 'running', '2025-01-02T00:00:00.000Z');
            INSERT INTO run_lines (run_id, seq, entity, local_id, procore_id, action, outcome,
                                   message)
                VALUES (1, 1, 'person', 1, 4312, 'link', 'done', 'matched by e-mail');
        )sql"));
    }
    ASSERT_OK_AND_ASSIGN(auto reopened, OpenSqliteStore(old, clock_));
    ASSERT_OK_AND_ASSIGN(const int version, reopened->SchemaVersion());
    EXPECT_EQ(version, 5);
    ASSERT_OK_AND_ASSIGN(const auto tables, reopened->TableNames());
    EXPECT_THAT(tables, IsSupersetOf({"sync_baselines", "link_dismissals"}));
    EXPECT_THAT(tables, testing::Not(testing::Contains("sync_fingerprints")));

    auto tx = Begin(*reopened, TxMode::kWrite);
    // The old line reads back with the new columns empty, and numbering continues after it.
    ASSERT_OK(tx->AppendRunLines(1, {RunLine{0, "person", 2, "contact", 8800, "create contact",
                                             "done", "Ann Able", ""}}));
    ASSERT_OK_AND_ASSIGN(const auto lines, tx->ListRunLines(1));
    EXPECT_THAT(lines, ElementsAre(RunLine{1, "person", 1, "", 4312, "link", "done", "",
                                           "matched by e-mail"},
                                   RunLine{2, "person", 2, "contact", 8800, "create contact",
                                           "done", "Ann Able", ""}));
    ASSERT_OK_AND_ASSIGN(const auto links, tx->ListLinks());
    EXPECT_THAT(links, ElementsAre(LinkRow{Entity::kPerson, 1, "user", 4312, "matched",
                                           "2025-01-02T00:00:00.000Z"}));
    ASSERT_OK(tx->PutBaseline(BaselineRow{Entity::kPerson, 1, "user", "user", 4312, {"Ann"}, ""}));
    ASSERT_OK(tx->PutDismissal(DismissalRow{1, "contact", 50}));
    ASSERT_OK_AND_ASSIGN(const auto changes, tx->ListLastChanges(Entity::kPerson, {"email"}));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].recorded_at, "2025-02-01T00:00:00.000Z");
    ASSERT_OK(tx->Commit());
}

// ---------------------------------------------------------------------------------------------
// Groups and classifications

using StoreCatalog = StoreTest;

TEST_F(StoreCatalog, GroupsRoundTripAndListByNameIgnoringCase) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const GroupId south, tx->InsertGroup(Group{GroupId{}, "south", "S"}));
    ASSERT_OK_AND_ASSIGN(const GroupId north,
                         tx->InsertGroup(Group{GroupId{}, "North", "Northern branch"}));
    EXPECT_TRUE(south.valid());
    EXPECT_NE(south, north);
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto groups, rtx->ListGroups());
    EXPECT_THAT(groups, ElementsAre(Group{north, "North", "Northern branch"},
                                    Group{south, "south", "S"}));
    ASSERT_OK_AND_ASSIGN(const auto found, rtx->FindGroup("  NORTH "));
    EXPECT_EQ(found, (Group{north, "North", "Northern branch"}));
    ASSERT_OK_AND_ASSIGN(const auto missing, rtx->FindGroup("East"));
    EXPECT_EQ(missing, std::nullopt);
}

TEST_F(StoreCatalog, GroupNameDifferingOnlyInCaseIsAConflict) {
    auto tx = Write();
    ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "North", ""}));
    const auto dup = tx->InsertGroup(Group{GroupId{}, "NORTH", ""});
    ASSERT_ERROR(dup, ErrorCode::kConflict);
    EXPECT_EQ(dup.error().message(), "a group named 'NORTH' already exists");

    ASSERT_OK_AND_ASSIGN(const GroupId south, tx->InsertGroup(Group{GroupId{}, "South", ""}));
    ASSERT_ERROR(tx->UpdateGroup(Group{south, "north", ""}), ErrorCode::kConflict);
}

TEST_F(StoreCatalog, UpdateGroupRenamesAndUnknownIdIsNotFound) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const GroupId id, tx->InsertGroup(Group{GroupId{}, "North", ""}));
    ASSERT_OK(tx->UpdateGroup(Group{id, "Northern", "renamed"}));
    ASSERT_OK_AND_ASSIGN(const auto groups, tx->ListGroups());
    EXPECT_THAT(groups, ElementsAre(Group{id, "Northern", "renamed"}));
    ASSERT_ERROR(tx->UpdateGroup(Group{GroupId{999}, "X", ""}), ErrorCode::kNotFound);
}

TEST_F(StoreCatalog, ClassificationsRoundTripAndNamesAreUniqueIgnoringCase) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const ClassificationId je,
                         tx->InsertClassification(Classification{
                             ClassificationId{}, "Journeyman Electrician", "JE",
                             RecordStatus::kActive}));
    ASSERT_OK_AND_ASSIGN(const ClassificationId ap,
                         tx->InsertClassification(Classification{
                             ClassificationId{}, "Apprentice", "", RecordStatus::kInactive}));
    const auto dup = tx->InsertClassification(
        Classification{ClassificationId{}, "journeyman electrician", "", RecordStatus::kActive});
    ASSERT_ERROR(dup, ErrorCode::kConflict);
    EXPECT_EQ(dup.error().message(),
              "a classification named 'journeyman electrician' already exists");

    ASSERT_OK(tx->UpdateClassification(
        Classification{ap, "Apprentice", "AP", RecordStatus::kActive}));
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto all, rtx->ListClassifications());
    EXPECT_THAT(all, ElementsAre(
                         Classification{ap, "Apprentice", "AP", RecordStatus::kActive},
                         Classification{je, "Journeyman Electrician", "JE",
                                        RecordStatus::kActive}));
    ASSERT_OK_AND_ASSIGN(const auto found, rtx->FindClassification("JOURNEYMAN electrician"));
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, je);
}

// ---------------------------------------------------------------------------------------------
// People

using StorePeople = StoreTest;

Person FullPerson() {
    Person p;
    p.first_name = "Pat";
    p.last_name = "Lee";
    p.email = "pat.lee@example.com";
    p.employee_id = "E-100";
    p.mobile_phone = "(312) 555-0100";
    p.job_title = "Foreman";
    p.status = RecordStatus::kInactive;
    p.type = PersonType::kBoth;
    p.groups = {"south west", "NORTH"};
    p.permission = PermissionLevel::kEditor;
    p.classification = "journeyman electrician";
    p.custom_fields = {{"shirt_size", "L"}, {"boots", "11"}};
    return p;
}

TEST_F(StorePeople, InsertAndGetRoundTripEveryField) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    ASSERT_OK_AND_ASSIGN(const PersonId id, tx->InsertPerson(FullPerson()));
    EXPECT_TRUE(id.valid());
    ASSERT_OK(tx->Commit());

    // Group and classification names come back as the catalog spells them.
    Person expected = FullPerson();
    expected.id = id;
    expected.groups = {"North", "South West"};
    expected.classification = "Journeyman Electrician";
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetPerson(id));
    EXPECT_EQ(got, expected);
    ASSERT_OK_AND_ASSIGN(const auto none, rtx->GetPerson(PersonId{id.value() + 1}));
    EXPECT_EQ(none, std::nullopt);
}

TEST_F(StorePeople, MinimalPersonRoundTripsExactly) {
    auto tx = Write();
    Person p = MakePerson("Sam", "Ortiz");
    p.id = PersonId{42};  // ignored on insert
    ASSERT_OK_AND_ASSIGN(const PersonId id, tx->InsertPerson(p));
    p.id = id;
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetPerson(id));
    EXPECT_EQ(got, p);
}

TEST_F(StorePeople, UpdateReplacesEveryField) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    ASSERT_OK_AND_ASSIGN(const PersonId id, tx->InsertPerson(FullPerson()));
    Person changed;
    changed.id = id;
    changed.first_name = "Patricia";
    changed.last_name = "Li";
    changed.email = "patricia@example.org";
    changed.employee_id = "E-200";
    changed.mobile_phone = "555-0199";
    changed.job_title = "Superintendent";
    changed.status = RecordStatus::kActive;
    changed.type = PersonType::kUser;
    changed.groups = {"North"};
    changed.permission = PermissionLevel::kAdmin;
    changed.classification = "Apprentice";
    changed.custom_fields = {{"shirt_size", "XL"}, {"hat", "M"}};
    ASSERT_OK(tx->UpdatePerson(changed));
    ASSERT_OK(tx->Commit());

    {
        auto rtx = Read();
        ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetPerson(id));
        EXPECT_EQ(got, changed);
    }

    // Clearing groups, classification and custom fields clears them.
    auto tx2 = Write();
    changed.groups.clear();
    changed.classification.clear();
    changed.custom_fields.clear();
    ASSERT_OK(tx2->UpdatePerson(changed));
    ASSERT_OK_AND_ASSIGN(const auto cleared, tx2->GetPerson(id));
    EXPECT_EQ(cleared, changed);
}

TEST_F(StorePeople, UpdateOfAnUnknownPersonIsNotFound) {
    auto tx = Write();
    Person p = MakePerson("Nobody", "Here");
    p.id = PersonId{12345};
    ASSERT_ERROR(tx->UpdatePerson(p), ErrorCode::kNotFound);
}

TEST_F(StorePeople, UnknownGroupIsInvalidArgumentAndStoresNothing) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    Person p = MakePerson("Pat", "Lee");
    p.groups = {"North", "West"};
    const auto inserted = tx->InsertPerson(p);
    ASSERT_ERROR(inserted, ErrorCode::kInvalidArgument);
    EXPECT_EQ(inserted.error().message(), "unknown group 'West'");
    ASSERT_OK_AND_ASSIGN(const auto people, tx->ListPeople({}));
    EXPECT_THAT(people, IsEmpty());

    // An update naming an unknown group leaves the stored person as it was.
    p.groups = {"North"};
    ASSERT_OK_AND_ASSIGN(const PersonId id, tx->InsertPerson(p));
    Person changed = p;
    changed.id = id;
    changed.job_title = "Foreman";
    changed.groups = {"West"};
    const auto updated = tx->UpdatePerson(changed);
    ASSERT_ERROR(updated, ErrorCode::kInvalidArgument);
    EXPECT_EQ(updated.error().message(), "unknown group 'West'");
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetPerson(id));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->job_title, "");
    EXPECT_THAT(got->groups, ElementsAre("North"));
}

TEST_F(StorePeople, UnknownClassificationIsInvalidArgument) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    Person p = MakePerson("Pat", "Lee");
    p.classification = "Welder";
    const auto inserted = tx->InsertPerson(p);
    ASSERT_ERROR(inserted, ErrorCode::kInvalidArgument);
    EXPECT_EQ(inserted.error().message(), "unknown classification 'Welder'");
}

TEST_F(StorePeople, ListPeopleFiltersByStatusTypeAndGroup) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    Person a = MakePerson("Ann", "A");
    a.groups = {"North"};
    Person b = MakePerson("Bo", "B");
    b.status = RecordStatus::kInactive;
    b.groups = {"South West"};
    Person c = MakePerson("Cy", "C", "cy@example.com");
    c.type = PersonType::kUser;
    c.groups = {"North", "South West"};
    Person d = MakePerson("Di", "D", "di@example.com");
    d.type = PersonType::kBoth;
    ASSERT_OK_AND_ASSIGN(const PersonId ida, tx->InsertPerson(a));
    ASSERT_OK_AND_ASSIGN(const PersonId idb, tx->InsertPerson(b));
    ASSERT_OK_AND_ASSIGN(const PersonId idc, tx->InsertPerson(c));
    ASSERT_OK_AND_ASSIGN(const PersonId idd, tx->InsertPerson(d));
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    const auto ids = [&](const PersonFilter& filter) {
        std::vector<PersonId> out;
        auto people = rtx->ListPeople(filter);
        EXPECT_TRUE(people.has_value());
        if (people) {
            for (const Person& p : *people) out.push_back(p.id);
        }
        return out;
    };
    EXPECT_THAT(ids({}), ElementsAre(ida, idb, idc, idd));
    EXPECT_THAT(ids({RecordStatus::kInactive, std::nullopt, ""}), ElementsAre(idb));
    EXPECT_THAT(ids({RecordStatus::kActive, std::nullopt, ""}), ElementsAre(ida, idc, idd));
    EXPECT_THAT(ids({std::nullopt, PersonType::kUser, ""}), ElementsAre(idc));
    EXPECT_THAT(ids({std::nullopt, PersonType::kAssignable, ""}), ElementsAre(ida, idb));
    EXPECT_THAT(ids({std::nullopt, std::nullopt, "north"}), ElementsAre(ida, idc));
    EXPECT_THAT(ids({RecordStatus::kActive, std::nullopt, "SOUTH WEST"}), ElementsAre(idc));
    EXPECT_THAT(ids({RecordStatus::kActive, PersonType::kAssignable, "South West"}), IsEmpty());
    EXPECT_THAT(ids({std::nullopt, std::nullopt, "Nowhere"}), IsEmpty());

    // Filtered lists still carry each person's full group list.
    auto north = rtx->ListPeople({std::nullopt, PersonType::kUser, "North"});
    ASSERT_OK(north);
    ASSERT_EQ(north->size(), 1u);
    EXPECT_THAT(north->front().groups, ElementsAre("North", "South West"));
}

TEST_F(StorePeople, FindPeopleByEmailIgnoresCaseAndSurroundingSpaces) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const PersonId one,
                         tx->InsertPerson(MakePerson("Pat", "Lee", "Pat.Lee@Example.com")));
    ASSERT_OK_AND_ASSIGN(const PersonId two,
                         tx->InsertPerson(MakePerson("Pat", "Lee2", "pat.lee@example.com")));
    ASSERT_OK(tx->InsertPerson(MakePerson("Sam", "Ortiz", "sam@example.com")));
    ASSERT_OK(tx->InsertPerson(MakePerson("No", "Email")));
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto found, rtx->FindPeopleByEmail("  PAT.LEE@example.COM\t"));
    EXPECT_THAT(found, ElementsAre(one, two));
    ASSERT_OK_AND_ASSIGN(const auto none, rtx->FindPeopleByEmail("lee@example.com"));
    EXPECT_THAT(none, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto blank, rtx->FindPeopleByEmail("  "));
    EXPECT_THAT(blank, IsEmpty());  // people without an e-mail do not match each other
}

TEST_F(StorePeople, FindPeopleByEmployeeId) {
    auto tx = Write();
    Person a = MakePerson("Pat", "Lee");
    a.employee_id = "E-100";
    Person b = MakePerson("Sam", "Ortiz");
    b.employee_id = "E-1000";
    ASSERT_OK_AND_ASSIGN(const PersonId ida, tx->InsertPerson(a));
    ASSERT_OK(tx->InsertPerson(b));
    ASSERT_OK(tx->InsertPerson(MakePerson("No", "Id")));
    ASSERT_OK_AND_ASSIGN(const auto found, tx->FindPeopleByEmployeeId("E-100"));
    EXPECT_THAT(found, ElementsAre(ida));
    ASSERT_OK_AND_ASSIGN(const auto none, tx->FindPeopleByEmployeeId("E-999"));
    EXPECT_THAT(none, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto blank, tx->FindPeopleByEmployeeId(""));
    EXPECT_THAT(blank, IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// Projects

using StoreProjects = StoreTest;

TEST_F(StoreProjects, InsertGetUpdateRoundTripIncludingOptionalDates) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    Project p = MakeProject("Riverside Tower", "2024-017");
    p.status = RecordStatus::kInactive;
    p.start_date = D(2024, 2, 29);
    p.planned_end_date = D(2025, 1, 31);
    p.address = "100 River St";
    p.city = "Chicago";
    p.postal_code = "60601";
    p.time_zone = "America/Chicago";
    p.groups = {"north"};
    ASSERT_OK_AND_ASSIGN(const ProjectId id, tx->InsertProject(p));
    ASSERT_OK(tx->Commit());

    Project expected = p;
    expected.id = id;
    expected.groups = {"North"};
    {
        auto rtx = Read();
        ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetProject(id));
        EXPECT_EQ(got, expected);
    }

    auto tx2 = Write();
    expected.start_date.reset();
    expected.planned_end_date.reset();
    expected.groups = {"North", "South West"};
    expected.time_zone = "";
    ASSERT_OK(tx2->UpdateProject(expected));
    ASSERT_OK(tx2->Commit());
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetProject(id));
    EXPECT_EQ(got, expected);
    ASSERT_OK_AND_ASSIGN(const auto none, rtx->GetProject(ProjectId{id.value() + 7}));
    EXPECT_EQ(none, std::nullopt);
}

TEST_F(StoreProjects, ListProjectsFiltersAndFindsByNumber) {
    auto tx = Write();
    ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
    Project a = MakeProject("A", "100");
    a.groups = {"North"};
    Project b = MakeProject("B", "200");
    b.status = RecordStatus::kInactive;
    b.groups = {"North"};
    Project c = MakeProject("C", "100");  // numbers are not unique
    ASSERT_OK_AND_ASSIGN(const ProjectId ida, tx->InsertProject(a));
    ASSERT_OK_AND_ASSIGN(const ProjectId idb, tx->InsertProject(b));
    ASSERT_OK_AND_ASSIGN(const ProjectId idc, tx->InsertProject(c));
    ASSERT_OK_AND_ASSIGN(const ProjectId idd, tx->InsertProject(MakeProject("D")));

    const auto ids = [&](const ProjectFilter& filter) {
        std::vector<ProjectId> out;
        auto projects = tx->ListProjects(filter);
        EXPECT_TRUE(projects.has_value());
        if (projects) {
            for (const Project& p : *projects) out.push_back(p.id);
        }
        return out;
    };
    EXPECT_THAT(ids({}), ElementsAre(ida, idb, idc, idd));
    EXPECT_THAT(ids({RecordStatus::kActive, ""}), ElementsAre(ida, idc, idd));
    EXPECT_THAT(ids({std::nullopt, "NORTH"}), ElementsAre(ida, idb));
    EXPECT_THAT(ids({RecordStatus::kInactive, "north"}), ElementsAre(idb));
    EXPECT_THAT(ids({std::nullopt, "South West"}), IsEmpty());

    ASSERT_OK_AND_ASSIGN(const auto hundred, tx->FindProjectsByNumber("100"));
    EXPECT_THAT(hundred, ElementsAre(ida, idc));
    ASSERT_OK_AND_ASSIGN(const auto none, tx->FindProjectsByNumber("300"));
    EXPECT_THAT(none, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto blank, tx->FindProjectsByNumber(""));
    EXPECT_THAT(blank, IsEmpty());
}

TEST_F(StoreProjects, UnknownGroupIsInvalidArgumentAndUnknownIdIsNotFound) {
    auto tx = Write();
    Project p = MakeProject("Riverside");
    p.groups = {"Downtown"};
    const auto inserted = tx->InsertProject(p);
    ASSERT_ERROR(inserted, ErrorCode::kInvalidArgument);
    EXPECT_EQ(inserted.error().message(), "unknown group 'Downtown'");
    ASSERT_OK_AND_ASSIGN(const auto projects, tx->ListProjects({}));
    EXPECT_THAT(projects, IsEmpty());

    // An update naming an unknown group leaves the stored project as it was.
    p.groups.clear();
    ASSERT_OK_AND_ASSIGN(p.id, tx->InsertProject(p));
    Project changed = p;
    changed.city = "Chicago";
    changed.groups = {"Downtown"};
    ASSERT_ERROR(tx->UpdateProject(changed), ErrorCode::kInvalidArgument);
    ASSERT_OK_AND_ASSIGN(const auto stored, tx->GetProject(p.id));
    EXPECT_EQ(stored, p);

    p.id = ProjectId{77};
    ASSERT_ERROR(tx->UpdateProject(p), ErrorCode::kNotFound);
}

// ---------------------------------------------------------------------------------------------
// Assignments

class StoreWork : public StoreTest {
protected:
    // Two people and two projects, committed.
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(StoreTest::SetUp());
        auto tx = Write();
        ASSERT_NO_FATAL_FAILURE(SeedCatalog(*tx));
        ASSERT_OK_AND_ASSIGN(pat_, tx->InsertPerson(MakePerson("Pat", "Lee")));
        ASSERT_OK_AND_ASSIGN(sam_, tx->InsertPerson(MakePerson("Sam", "Ortiz")));
        ASSERT_OK_AND_ASSIGN(tower_, tx->InsertProject(MakeProject("Tower", "100")));
        ASSERT_OK_AND_ASSIGN(bridge_, tx->InsertProject(MakeProject("Bridge", "200")));
        ASSERT_OK(tx->Commit());
    }

    PersonId pat_;
    PersonId sam_;
    ProjectId tower_;
    ProjectId bridge_;
};

using StoreAssignments = StoreWork;

TEST_F(StoreAssignments, InsertGetUpdateDeleteRoundTrip) {
    auto tx = Write();
    Assignment a = MakeAssignment(pat_, tower_, D(2024, 3, 4), D(2024, 3, 8));
    a.note = "nights";
    ASSERT_OK_AND_ASSIGN(const AssignmentId id, tx->InsertAssignment(a));
    a.id = id;
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetAssignment(id));
    EXPECT_EQ(got, a);

    a.project = bridge_;
    a.end_date = D(2024, 3, 4);  // one day
    a.note = "";
    ASSERT_OK(tx->UpdateAssignment(a));
    ASSERT_OK(tx->Commit());
    {
        auto rtx = Read();
        ASSERT_OK_AND_ASSIGN(const auto updated, rtx->GetAssignment(id));
        EXPECT_EQ(updated, a);
    }

    auto tx2 = Write();
    ASSERT_OK(tx2->DeleteAssignment(id));
    ASSERT_OK_AND_ASSIGN(const auto gone, tx2->GetAssignment(id));
    EXPECT_EQ(gone, std::nullopt);
    ASSERT_ERROR(tx2->DeleteAssignment(id), ErrorCode::kNotFound);
    a.note = "again";
    ASSERT_ERROR(tx2->UpdateAssignment(a), ErrorCode::kNotFound);
}

TEST_F(StoreAssignments, AssignmentToAMissingPersonOrProjectIsAnError) {
    auto tx = Write();
    const auto no_person = tx->InsertAssignment(
        MakeAssignment(PersonId{9999}, tower_, D(2024, 3, 4), D(2024, 3, 8)));
    ASSERT_ERROR(no_person, ErrorCode::kNotFound);
    EXPECT_EQ(no_person.error().message(), "the assignment's person or project does not exist");
    ASSERT_ERROR(tx->InsertAssignment(
                     MakeAssignment(pat_, ProjectId{9999}, D(2024, 3, 4), D(2024, 3, 8))),
                 ErrorCode::kNotFound);
    ASSERT_OK_AND_ASSIGN(const auto all, tx->ListAssignments({}));
    EXPECT_THAT(all, IsEmpty());
}

TEST_F(StoreAssignments, ACheckFailureIsNotReportedAsAMissingPersonOrProject) {
    auto tx = Write();
    // The store's CHECK (end >= start) is the last line of defence behind validation.
    const auto backwards = tx->InsertAssignment(
        MakeAssignment(pat_, tower_, D(2024, 3, 8), D(2024, 3, 4)));
    ASSERT_ERROR(backwards, ErrorCode::kConflict);
    EXPECT_THAT(backwards.error().message(), HasSubstr("CHECK constraint failed"));
}

TEST_F(StoreAssignments, ListAssignmentsFiltersByPersonProjectAndActiveDate) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const AssignmentId a1, tx->InsertAssignment(MakeAssignment(
                                                    pat_, tower_, D(2024, 3, 4), D(2024, 3, 8))));
    ASSERT_OK_AND_ASSIGN(const AssignmentId a2,
                         tx->InsertAssignment(MakeAssignment(pat_, bridge_, D(2024, 3, 11),
                                                             D(2024, 3, 15))));
    ASSERT_OK_AND_ASSIGN(const AssignmentId a3, tx->InsertAssignment(MakeAssignment(
                                                    sam_, tower_, D(2024, 3, 1), D(2024, 3, 31))));
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    const auto ids = [&](const AssignmentFilter& filter) {
        std::vector<AssignmentId> out;
        auto all = rtx->ListAssignments(filter);
        EXPECT_TRUE(all.has_value());
        if (all) {
            for (const Assignment& a : *all) out.push_back(a.id);
        }
        return out;
    };
    // Ordered by start date.
    EXPECT_THAT(ids({}), ElementsAre(a3, a1, a2));
    EXPECT_THAT(ids({pat_, std::nullopt, std::nullopt}), ElementsAre(a1, a2));
    EXPECT_THAT(ids({std::nullopt, tower_, std::nullopt}), ElementsAre(a3, a1));
    EXPECT_THAT(ids({pat_, tower_, std::nullopt}), ElementsAre(a1));
    // Both ends of the range are inclusive.
    EXPECT_THAT(ids({std::nullopt, std::nullopt, D(2024, 3, 4)}), ElementsAre(a3, a1));
    EXPECT_THAT(ids({std::nullopt, std::nullopt, D(2024, 3, 8)}), ElementsAre(a3, a1));
    EXPECT_THAT(ids({std::nullopt, std::nullopt, D(2024, 3, 9)}), ElementsAre(a3));
    EXPECT_THAT(ids({pat_, std::nullopt, D(2024, 3, 11)}), ElementsAre(a2));
    EXPECT_THAT(ids({std::nullopt, std::nullopt, D(2024, 4, 1)}), IsEmpty());
    EXPECT_THAT(ids({sam_, bridge_, std::nullopt}), IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// Time entries

using StoreTimeEntries = StoreWork;

TEST_F(StoreTimeEntries, InsertGetRoundTripWithTimeInAndOut) {
    auto tx = Write();
    TimeEntry e = MakeEntry(pat_, tower_, D(2024, 3, 4), 800);
    e.time_in = TimeOfDay{7 * 60};
    e.time_out = TimeOfDay{15 * 60 + 30};
    e.lunch_minutes = 30;
    e.classification = "apprentice";
    e.cost_code = "01-100";
    e.notes = "pour day";
    e.approval = ApprovalStatus::kApproved;
    e.source_ref = "TC-1";
    ASSERT_OK_AND_ASSIGN(const TimeEntryId id, tx->InsertTimeEntry(e));
    ASSERT_OK(tx->Commit());

    e.id = id;
    e.classification = "Apprentice";
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetTimeEntry(id));
    EXPECT_EQ(got, e);
    ASSERT_OK_AND_ASSIGN(const auto by_ref, rtx->FindTimeEntryBySourceRef("TC-1"));
    EXPECT_EQ(by_ref, id);
    ASSERT_OK_AND_ASSIGN(const auto no_ref, rtx->FindTimeEntryBySourceRef("TC-2"));
    EXPECT_EQ(no_ref, std::nullopt);
}

TEST_F(StoreTimeEntries, HoursOnlyEntryRoundTripsWithoutTimesOrRef) {
    auto tx = Write();
    TimeEntry e = MakeEntry(sam_, bridge_, D(2024, 2, 29), 725);
    ASSERT_OK_AND_ASSIGN(const TimeEntryId id, tx->InsertTimeEntry(e));
    e.id = id;
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetTimeEntry(id));
    EXPECT_EQ(got, e);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->time_in, std::nullopt);
    EXPECT_EQ(got->time_out, std::nullopt);
}

TEST_F(StoreTimeEntries, UpdateAndDeleteRoundTrip) {
    auto tx = Write();
    TimeEntry e = MakeEntry(pat_, tower_, D(2024, 3, 4), 800);
    ASSERT_OK_AND_ASSIGN(const TimeEntryId id, tx->InsertTimeEntry(e));
    e.id = id;
    e.hours = Hours{750};
    e.time_in = TimeOfDay{420};
    e.time_out = TimeOfDay{420 + 450};
    e.classification = "Journeyman Electrician";
    e.approval = ApprovalStatus::kApproved;
    e.source_ref = "TC-9";
    ASSERT_OK(tx->UpdateTimeEntry(e));
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetTimeEntry(id));
    EXPECT_EQ(got, e);

    ASSERT_OK(tx->DeleteTimeEntry(id));
    ASSERT_OK_AND_ASSIGN(const auto gone, tx->GetTimeEntry(id));
    EXPECT_EQ(gone, std::nullopt);
    ASSERT_ERROR(tx->DeleteTimeEntry(id), ErrorCode::kNotFound);
    ASSERT_ERROR(tx->UpdateTimeEntry(e), ErrorCode::kNotFound);
}

TEST_F(StoreTimeEntries, DuplicateSourceRefIsAConflictButBlankRefsAreNot) {
    auto tx = Write();
    TimeEntry e = MakeEntry(pat_, tower_, D(2024, 3, 4), 800);
    e.source_ref = "TC-1";
    ASSERT_OK(tx->InsertTimeEntry(e));
    e.date = D(2024, 3, 5);
    const auto dup = tx->InsertTimeEntry(e);
    ASSERT_ERROR(dup, ErrorCode::kConflict);
    EXPECT_EQ(dup.error().message(), "another time entry already has source ref 'TC-1'");

    e.source_ref = "";
    ASSERT_OK(tx->InsertTimeEntry(e));
    ASSERT_OK(tx->InsertTimeEntry(e));
    ASSERT_OK_AND_ASSIGN(const auto all, tx->ListTimeEntries({}));
    EXPECT_EQ(all.size(), 3u);
}

TEST_F(StoreTimeEntries, UnknownClassificationPersonOrProjectIsAnError) {
    auto tx = Write();
    TimeEntry e = MakeEntry(pat_, tower_, D(2024, 3, 4), 800);
    e.classification = "Welder";
    const auto unknown = tx->InsertTimeEntry(e);
    ASSERT_ERROR(unknown, ErrorCode::kInvalidArgument);
    EXPECT_EQ(unknown.error().message(), "unknown classification 'Welder'");
    ASSERT_ERROR(tx->InsertTimeEntry(MakeEntry(PersonId{999}, tower_, D(2024, 3, 4), 800)),
                 ErrorCode::kNotFound);
    ASSERT_ERROR(tx->InsertTimeEntry(MakeEntry(pat_, ProjectId{999}, D(2024, 3, 4), 800)),
                 ErrorCode::kNotFound);
}

TEST_F(StoreTimeEntries, ListTimeEntriesFiltersByDatesApprovalPersonAndProject) {
    auto tx = Write();
    const auto add = [&](PersonId person, ProjectId project, Date date, ApprovalStatus approval) {
        TimeEntry e = MakeEntry(person, project, date, 800);
        e.approval = approval;
        auto id = tx->InsertTimeEntry(e);
        EXPECT_TRUE(id.has_value());
        return id.value_or(TimeEntryId{});
    };
    const TimeEntryId t5 = add(pat_, tower_, D(2024, 3, 5), ApprovalStatus::kApproved);
    const TimeEntryId t3 = add(pat_, bridge_, D(2024, 3, 3), ApprovalStatus::kPending);
    const TimeEntryId t4 = add(sam_, tower_, D(2024, 3, 4), ApprovalStatus::kPending);
    const TimeEntryId t9 = add(sam_, bridge_, D(2024, 3, 9), ApprovalStatus::kApproved);
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    const auto ids = [&](const TimeEntryFilter& filter) {
        std::vector<TimeEntryId> out;
        auto all = rtx->ListTimeEntries(filter);
        EXPECT_TRUE(all.has_value());
        if (all) {
            for (const TimeEntry& e : *all) out.push_back(e.id);
        }
        return out;
    };
    TimeEntryFilter f;
    EXPECT_THAT(ids(f), ElementsAre(t3, t4, t5, t9));  // by date
    f.from = D(2024, 3, 4);
    EXPECT_THAT(ids(f), ElementsAre(t4, t5, t9));
    f.to = D(2024, 3, 5);
    EXPECT_THAT(ids(f), ElementsAre(t4, t5));  // both ends inclusive
    f.approval = ApprovalStatus::kPending;
    EXPECT_THAT(ids(f), ElementsAre(t4));
    f.approval = ApprovalStatus::kApproved;
    EXPECT_THAT(ids(f), ElementsAre(t5));
    f = {};
    f.to = D(2024, 3, 3);
    EXPECT_THAT(ids(f), ElementsAre(t3));
    f = {};
    f.approval = ApprovalStatus::kApproved;
    EXPECT_THAT(ids(f), ElementsAre(t5, t9));
    f = {};
    f.person = sam_;
    EXPECT_THAT(ids(f), ElementsAre(t4, t9));
    f.project = bridge_;
    EXPECT_THAT(ids(f), ElementsAre(t9));
    f = {};
    f.project = tower_;
    EXPECT_THAT(ids(f), ElementsAre(t4, t5));
    f.from = D(2024, 3, 10);
    EXPECT_THAT(ids(f), IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// The change journal

using StoreJournal = StoreWork;

std::vector<JournalEntry> ReadAll(Transaction& tx) {
    auto rows = tx.ReadJournal(0, 10'000);
    EXPECT_TRUE(rows.has_value());
    return rows.value_or(std::vector<JournalEntry>{});
}

struct Row {
    Entity entity;
    std::int64_t id;
    ChangeAction action;
    Fields fields;
};

void ExpectRows(const std::vector<JournalEntry>& got, const std::vector<Row>& expected) {
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        SCOPED_TRACE("journal row " + std::to_string(i));
        EXPECT_EQ(Name(got[i].entity), Name(expected[i].entity));
        EXPECT_EQ(got[i].entity_id, expected[i].id);
        EXPECT_EQ(Name(got[i].action), Name(expected[i].action));
        if (expected[i].action == ChangeAction::kUpdate) {
            EXPECT_EQ(got[i].fields, expected[i].fields);
        }
        if (i > 0) {
            EXPECT_GT(got[i].seq, got[i - 1].seq);
        }
    }
}

TEST_F(StoreJournal, EntityAndActionNamesAreStable) {
    EXPECT_EQ(Name(Entity::kPerson), "person");
    EXPECT_EQ(Name(Entity::kProject), "project");
    EXPECT_EQ(Name(Entity::kGroup), "group");
    EXPECT_EQ(Name(Entity::kClassification), "classification");
    EXPECT_EQ(Name(Entity::kAssignment), "assignment");
    EXPECT_EQ(Name(Entity::kTimeEntry), "time_entry");
    EXPECT_EQ(Name(ChangeAction::kCreate), "create");
    EXPECT_EQ(Name(ChangeAction::kUpdate), "update");
    EXPECT_EQ(Name(ChangeAction::kDelete), "delete");
}

TEST_F(StoreJournal, SeedingWroteOneCreateRowPerRecord) {
    auto tx = Read();
    const auto rows = ReadAll(*tx);
    ASSERT_EQ(rows.size(), 8u);  // 2 groups, 2 classifications, 2 people, 2 projects
    ExpectRows(rows, {{Entity::kGroup, 1, ChangeAction::kCreate, {}},
                      {Entity::kGroup, 2, ChangeAction::kCreate, {}},
                      {Entity::kClassification, 1, ChangeAction::kCreate, {}},
                      {Entity::kClassification, 2, ChangeAction::kCreate, {}},
                      {Entity::kPerson, pat_.value(), ChangeAction::kCreate, {}},
                      {Entity::kPerson, sam_.value(), ChangeAction::kCreate, {}},
                      {Entity::kProject, tower_.value(), ChangeAction::kCreate, {}},
                      {Entity::kProject, bridge_.value(), ChangeAction::kCreate, {}}});
}

TEST_F(StoreJournal, OneRowPerInsertUpdateAndDeleteWithTheChangedFields) {
    std::int64_t start = 0;
    {
        auto rtx = Read();
        const auto before = ReadAll(*rtx);
        ASSERT_FALSE(before.empty());
        start = before.back().seq;
    }
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(auto pat, tx->GetPerson(pat_));
    ASSERT_TRUE(pat.has_value());
    pat->email = "pat@example.com";
    pat->job_title = "Foreman";
    pat->groups = {"North"};
    ASSERT_OK(tx->UpdatePerson(*pat));

    ASSERT_OK_AND_ASSIGN(auto tower, tx->GetProject(tower_));
    ASSERT_TRUE(tower.has_value());
    tower->planned_end_date = D(2025, 6, 30);
    tower->city = "Chicago";
    ASSERT_OK(tx->UpdateProject(*tower));

    ASSERT_OK_AND_ASSIGN(auto groups, tx->ListGroups());
    ASSERT_FALSE(groups.empty());
    groups[0].description = "changed";
    ASSERT_OK(tx->UpdateGroup(groups[0]));

    Assignment a = MakeAssignment(pat_, tower_, D(2024, 3, 4), D(2024, 3, 8));
    ASSERT_OK_AND_ASSIGN(a.id, tx->InsertAssignment(a));
    a.note = "bring a ladder";
    a.end_date = D(2024, 3, 9);
    ASSERT_OK(tx->UpdateAssignment(a));
    ASSERT_OK(tx->DeleteAssignment(a.id));

    TimeEntry e = MakeEntry(pat_, tower_, D(2024, 3, 4), 800);
    ASSERT_OK_AND_ASSIGN(e.id, tx->InsertTimeEntry(e));
    e.approval = ApprovalStatus::kApproved;
    e.cost_code = "01-100";
    ASSERT_OK(tx->UpdateTimeEntry(e));
    ASSERT_OK(tx->DeleteTimeEntry(e.id));
    ASSERT_OK(tx->Commit());

    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto rows, rtx->ReadJournal(start, 100));
    ExpectRows(rows,
               {{Entity::kPerson, pat_.value(), ChangeAction::kUpdate,
                 {"email", "job_title", "groups"}},
                {Entity::kProject, tower_.value(), ChangeAction::kUpdate,
                 {"planned_end_date", "city"}},
                {Entity::kGroup, groups[0].id.value(), ChangeAction::kUpdate, {"description"}},
                {Entity::kAssignment, a.id.value(), ChangeAction::kCreate, {}},
                {Entity::kAssignment, a.id.value(), ChangeAction::kUpdate, {"end_date", "note"}},
                {Entity::kAssignment, a.id.value(), ChangeAction::kDelete, {}},
                {Entity::kTimeEntry, e.id.value(), ChangeAction::kCreate, {}},
                {Entity::kTimeEntry, e.id.value(), ChangeAction::kUpdate,
                 {"cost_code", "approval"}},
                {Entity::kTimeEntry, e.id.value(), ChangeAction::kDelete, {}}});
}

TEST_F(StoreJournal, UpdatesThatChangeNothingWriteNoRow) {
    auto tx = Write();
    const std::size_t before = ReadAll(*tx).size();

    Person p = MakePerson("Ann", "A");
    p.groups = {"North", "South West"};
    p.classification = "Apprentice";
    p.custom_fields = {{"k", "v"}};
    ASSERT_OK_AND_ASSIGN(p.id, tx->InsertPerson(p));
    ASSERT_EQ(ReadAll(*tx).size(), before + 1);

    // Same data; groups in another order and case, classification in another case.
    Person same = p;
    same.groups = {"south west", "NORTH"};
    same.classification = "APPRENTICE";
    ASSERT_OK(tx->UpdatePerson(same));
    ASSERT_OK_AND_ASSIGN(auto project, tx->GetProject(tower_));
    ASSERT_OK(tx->UpdateProject(*project));
    ASSERT_OK_AND_ASSIGN(auto groups, tx->ListGroups());
    ASSERT_OK(tx->UpdateGroup(groups[0]));
    ASSERT_OK_AND_ASSIGN(auto classifications, tx->ListClassifications());
    ASSERT_OK(tx->UpdateClassification(classifications[0]));
    Assignment a = MakeAssignment(pat_, tower_, D(2024, 3, 4), D(2024, 3, 8));
    ASSERT_OK_AND_ASSIGN(a.id, tx->InsertAssignment(a));
    ASSERT_OK(tx->UpdateAssignment(a));
    TimeEntry e = MakeEntry(pat_, tower_, D(2024, 3, 4), 800);
    ASSERT_OK_AND_ASSIGN(e.id, tx->InsertTimeEntry(e));
    ASSERT_OK(tx->UpdateTimeEntry(e));

    EXPECT_EQ(ReadAll(*tx).size(), before + 3);  // the three inserts only
    ASSERT_OK_AND_ASSIGN(const auto stored, tx->GetPerson(p.id));
    ASSERT_TRUE(stored.has_value());
    EXPECT_THAT(stored->groups, ElementsAre("North", "South West"));
}

TEST_F(StoreJournal, RolledBackTransactionLeavesNoRecordsAndNoJournalRows) {
    std::size_t journal_before = 0;
    {
        auto rtx = Read();
        journal_before = ReadAll(*rtx).size();
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "Temporary", ""}));
        ASSERT_OK(tx->InsertPerson(MakePerson("Tess", "Temp")));
        ASSERT_OK(tx->InsertProject(MakeProject("Temp project")));
        ASSERT_OK(tx->InsertTimeEntry(MakeEntry(pat_, tower_, D(2024, 3, 4), 800)));
        ASSERT_OK(tx->DeleteTimeEntry(TimeEntryId{1}));
        Person pat = MakePerson("Pat", "Renamed");
        pat.id = pat_;
        ASSERT_OK(tx->UpdatePerson(pat));
        EXPECT_EQ(ReadAll(*tx).size(), journal_before + 6);
        // Destroyed without Commit.
    }
    auto rtx = Read();
    EXPECT_EQ(ReadAll(*rtx).size(), journal_before);
    ASSERT_OK_AND_ASSIGN(const auto group, rtx->FindGroup("Temporary"));
    EXPECT_EQ(group, std::nullopt);
    ASSERT_OK_AND_ASSIGN(const auto people, rtx->ListPeople({}));
    EXPECT_EQ(people.size(), 2u);
    ASSERT_OK_AND_ASSIGN(const auto pat, rtx->GetPerson(pat_));
    ASSERT_TRUE(pat.has_value());
    EXPECT_EQ(pat->last_name, "Lee");
    ASSERT_OK_AND_ASSIGN(const auto projects, rtx->ListProjects({}));
    EXPECT_EQ(projects.size(), 2u);
    ASSERT_OK_AND_ASSIGN(const auto entries, rtx->ListTimeEntries({}));
    EXPECT_THAT(entries, IsEmpty());
}

TEST_F(StoreJournal, ReadTransactionRefusesWrites) {
    auto tx = Read();
    ASSERT_ERROR(tx->InsertGroup(Group{GroupId{}, "East", ""}), ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertClassification(Classification{}), ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertPerson(MakePerson("Ann", "A")), ErrorCode::kInternal);
    Person pat = MakePerson("Pat", "Renamed");
    pat.id = pat_;
    ASSERT_ERROR(tx->UpdatePerson(pat), ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertProject(MakeProject("P")), ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertAssignment(MakeAssignment(pat_, tower_, D(2024, 3, 4), D(2024, 3, 4))),
                 ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertTimeEntry(MakeEntry(pat_, tower_, D(2024, 3, 4), 800)),
                 ErrorCode::kInternal);
    ASSERT_ERROR(tx->DeleteTimeEntry(TimeEntryId{1}), ErrorCode::kInternal);
    ASSERT_OK(tx->Commit());

    auto check = Read();
    ASSERT_OK_AND_ASSIGN(const auto groups, check->ListGroups());
    EXPECT_EQ(groups.size(), 2u);
    ASSERT_OK_AND_ASSIGN(const auto got, check->GetPerson(pat_));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->last_name, "Lee");
}

TEST_F(StoreJournal, CommitTwiceFailsAndAFinishedTransactionRefusesWork) {
    auto tx = Write();
    ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "East", ""}));
    ASSERT_OK(tx->Commit());
    ASSERT_ERROR(tx->Commit(), ErrorCode::kInternal);
    ASSERT_ERROR(tx->InsertGroup(Group{GroupId{}, "West", ""}), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListGroups(), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ReadJournal(0, 10), ErrorCode::kInternal);
    tx.reset();

    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto east, rtx->FindGroup("East"));
    EXPECT_NE(east, std::nullopt);
    ASSERT_OK_AND_ASSIGN(const auto west, rtx->FindGroup("West"));
    EXPECT_EQ(west, std::nullopt);
}

TEST_F(StoreJournal, RecordedAtIsTheClockTimeWhenTheTransactionBegan) {
    clock_.Set(At(D(2027, 1, 2), 3, 4, 5, 678));
    {
        auto tx = Write();
        ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "East", ""}));
        clock_.Advance(std::chrono::minutes{5});  // one timestamp per transaction
        ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "West", ""}));
        ASSERT_OK(tx->Commit());
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "Central", ""}));
        ASSERT_OK(tx->Commit());
    }
    auto rtx = Read();
    const auto rows = ReadAll(*rtx);
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows[0].recorded_at, "2026-11-23T14:05:09.123Z");  // the fixture's seeding
    EXPECT_EQ(rows[rows.size() - 3].recorded_at, "2027-01-02T03:04:05.678Z");
    EXPECT_EQ(rows[rows.size() - 2].recorded_at, "2027-01-02T03:04:05.678Z");
    EXPECT_EQ(rows[rows.size() - 1].recorded_at, "2027-01-02T03:09:05.678Z");
}

TEST_F(StoreJournal, ReadJournalPagesBySeqAndLimit) {
    auto tx = Read();
    const auto all = ReadAll(*tx);
    ASSERT_EQ(all.size(), 8u);
    ASSERT_OK_AND_ASSIGN(const auto first, tx->ReadJournal(0, 3));
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[2].seq, all[2].seq);
    ASSERT_OK_AND_ASSIGN(const auto rest, tx->ReadJournal(first.back().seq, 100));
    ASSERT_EQ(rest.size(), 5u);
    EXPECT_EQ(rest.front().seq, all[3].seq);
    ASSERT_OK_AND_ASSIGN(const auto none, tx->ReadJournal(all.back().seq, 100));
    EXPECT_THAT(none, IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// Two connections to one file

using StoreConnections = StoreTest;

TEST_F(StoreConnections, TwoStoresOnOneFileSeeEachOthersCommittedData) {
    ASSERT_OK_AND_ASSIGN(auto other, OpenSqliteStore(path_, clock_));

    // Uncommitted work on one connection is invisible to the other.
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const GroupId north, tx->InsertGroup(Group{GroupId{}, "North", ""}));
    {
        auto peek = Begin(*other, TxMode::kRead);
        ASSERT_OK_AND_ASSIGN(const auto groups, peek->ListGroups());
        EXPECT_THAT(groups, IsEmpty());
    }
    ASSERT_OK(tx->Commit());
    tx.reset();

    {
        auto otx = Begin(*other, TxMode::kRead);
        ASSERT_OK_AND_ASSIGN(const auto groups, otx->ListGroups());
        EXPECT_THAT(groups, ElementsAre(Group{north, "North", ""}));
    }
    PersonId ann;
    {
        auto otx = Begin(*other, TxMode::kWrite);
        Person p = MakePerson("Ann", "A");
        p.groups = {"north"};
        ASSERT_OK_AND_ASSIGN(ann, otx->InsertPerson(p));
        ASSERT_OK(otx->Commit());
    }
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetPerson(ann));
    ASSERT_TRUE(got.has_value());
    EXPECT_THAT(got->groups, ElementsAre("North"));
    const auto rows = ReadAll(*rtx);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(Name(rows[1].entity), "person");
}

TEST_F(StoreConnections, AStoreOpenedOnAnExistingFileSeesLaterCommits) {
    // The second store opens an already-migrated file, so its migration step has nothing to
    // apply; it must still not pin an old snapshot of the database.
    ASSERT_OK_AND_ASSIGN(auto other, OpenSqliteStore(path_, clock_));
    {
        auto tx = Write();
        ASSERT_OK(tx->InsertGroup(Group{GroupId{}, "North", ""}));
        ASSERT_OK(tx->Commit());
    }
    {
        auto otx = Begin(*other, TxMode::kRead);
        ASSERT_OK_AND_ASSIGN(const auto groups, otx->ListGroups());
        EXPECT_EQ(groups.size(), 1u);
    }
    {
        auto otx = Begin(*other, TxMode::kWrite);
        ASSERT_NE(otx, nullptr);
        ASSERT_OK(otx->InsertGroup(Group{GroupId{}, "South", ""}));
        ASSERT_OK(otx->Commit());
    }
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto groups, rtx->ListGroups());
    EXPECT_EQ(groups.size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Secrets: sealed credentials, stored as opaque bytes and never journalled

using StoreSecrets = StoreWork;

// Looks like a sealed value: a version byte, NULs and high bytes, so any text conversion or
// NUL termination on the way in or out would show.
const std::string kSealedA = std::string("\x01\x00\xff\x7f nonce\x00and\xfe tag", 19);
const std::string kSealedB = std::string("\x01\x80\x00\x00second\x00value", 17);

TEST_F(StoreSecrets, PutGetReplaceDeleteAndList) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("procore.refresh_token", kSealedA));
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedB));
        ASSERT_OK(tx->PutSecret("procore.access_token", kSealedA));
        ASSERT_OK_AND_ASSIGN(const auto got, tx->GetSecret("procore.refresh_token"));
        EXPECT_THAT(got, Optional(kSealedA));  // visible inside its own transaction
        ASSERT_OK(tx->Commit());
    }
    {
        auto tx = Write();
        ASSERT_OK_AND_ASSIGN(const auto names, tx->ListSecretNames());
        EXPECT_THAT(names, ElementsAre("procore.access_token", "procore.client_secret",
                                       "procore.refresh_token"));
        ASSERT_OK_AND_ASSIGN(const auto client, tx->GetSecret("procore.client_secret"));
        EXPECT_THAT(client, Optional(kSealedB));

        // Put replaces.
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedA));
        ASSERT_OK_AND_ASSIGN(const auto replaced, tx->GetSecret("procore.client_secret"));
        EXPECT_THAT(replaced, Optional(kSealedA));

        ASSERT_OK(tx->DeleteSecret("procore.access_token"));
        ASSERT_OK(tx->Commit());
    }
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto names, rtx->ListSecretNames());
    EXPECT_THAT(names, ElementsAre("procore.client_secret", "procore.refresh_token"));
    ASSERT_OK_AND_ASSIGN(const auto deleted, rtx->GetSecret("procore.access_token"));
    EXPECT_EQ(deleted, std::nullopt);
    ASSERT_OK_AND_ASSIGN(const auto client, rtx->GetSecret("procore.client_secret"));
    EXPECT_THAT(client, Optional(kSealedA));
}

TEST_F(StoreSecrets, ValuesRoundTripByteForByte) {
    const std::string every_byte = [] {
        std::string bytes;
        for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
        return bytes;
    }();
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("every.byte", every_byte));
        ASSERT_OK(tx->PutSecret("empty", ""));
        ASSERT_OK(tx->PutSecret("large", std::string(100'000, '\xa5')));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetSecret("every.byte"));
    EXPECT_THAT(got, Optional(every_byte));
    ASSERT_OK_AND_ASSIGN(const auto empty, tx->GetSecret("empty"));
    EXPECT_THAT(empty, Optional(std::string()));
    ASSERT_OK_AND_ASSIGN(const auto large, tx->GetSecret("large"));
    EXPECT_THAT(large, Optional(std::string(100'000, '\xa5')));
}

TEST_F(StoreSecrets, NamesAreExactAndSortedByBytes) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("b", kSealedA));
        ASSERT_OK(tx->PutSecret("B", kSealedB));
        ASSERT_OK(tx->PutSecret("a.z", kSealedA));
        ASSERT_OK(tx->PutSecret("a", kSealedA));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_OK_AND_ASSIGN(const auto names, tx->ListSecretNames());
    EXPECT_THAT(names, ElementsAre("B", "a", "a.z", "b"));
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    // Names are not case-folded: "B" and "b" are two secrets.
    ASSERT_OK_AND_ASSIGN(const auto upper, tx->GetSecret("B"));
    EXPECT_THAT(upper, Optional(kSealedB));
    ASSERT_OK_AND_ASSIGN(const auto lower, tx->GetSecret("b"));
    EXPECT_THAT(lower, Optional(kSealedA));
}

TEST_F(StoreSecrets, AMissingSecretIsNulloptAndDeletingItIsNotAnError) {
    auto tx = Write();
    ASSERT_OK_AND_ASSIGN(const auto names, tx->ListSecretNames());
    EXPECT_THAT(names, IsEmpty());
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetSecret("procore.client_secret"));
    EXPECT_EQ(got, std::nullopt);
    ASSERT_OK(tx->DeleteSecret("procore.client_secret"));
    ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedA));
    ASSERT_OK(tx->DeleteSecret("procore.client_secret"));
    ASSERT_OK(tx->DeleteSecret("procore.client_secret"));
    ASSERT_OK(tx->Commit());
}

TEST_F(StoreSecrets, AnEmptyNameIsInvalidArgument) {
    auto tx = Write();
    ASSERT_ERROR(tx->PutSecret("", kSealedA), ErrorCode::kInvalidArgument);
    ASSERT_ERROR(tx->GetSecret(""), ErrorCode::kInvalidArgument);
    ASSERT_ERROR(tx->DeleteSecret(""), ErrorCode::kInvalidArgument);
}

TEST_F(StoreSecrets, SecretsAreNotJournalled) {
    std::vector<JournalEntry> before;
    {
        auto rtx = Read();
        before = ReadAll(*rtx);
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedA));
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedB));
        ASSERT_OK(tx->PutSecret("procore.refresh_token", kSealedA));
        ASSERT_OK(tx->DeleteSecret("procore.refresh_token"));
        ASSERT_OK(tx->Commit());
    }
    auto rtx = Read();
    const auto after = ReadAll(*rtx);
    ASSERT_EQ(after.size(), before.size());
    EXPECT_EQ(after.back().seq, before.back().seq);
}

TEST_F(StoreSecrets, RolledBackTransactionLeavesSecretsAsTheyWere) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedA));
        ASSERT_OK(tx->Commit());
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("procore.access_token", kSealedB));
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedB));
        ASSERT_OK_AND_ASSIGN(const auto names, tx->ListSecretNames());
        EXPECT_THAT(names, ElementsAre("procore.access_token", "procore.client_secret"));
        // Destroyed without Commit.
    }
    {
        auto tx = Write();
        ASSERT_OK(tx->DeleteSecret("procore.client_secret"));
        // Destroyed without Commit.
    }
    auto rtx = Read();
    ASSERT_OK_AND_ASSIGN(const auto names, rtx->ListSecretNames());
    EXPECT_THAT(names, ElementsAre("procore.client_secret"));
    ASSERT_OK_AND_ASSIGN(const auto got, rtx->GetSecret("procore.client_secret"));
    EXPECT_THAT(got, Optional(kSealedA));
}

TEST_F(StoreSecrets, ReadTransactionRefusesSecretWritesButReads) {
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedA));
        ASSERT_OK(tx->Commit());
    }
    auto tx = Read();
    ASSERT_ERROR(tx->PutSecret("procore.access_token", kSealedB), ErrorCode::kInternal);
    ASSERT_ERROR(tx->DeleteSecret("procore.client_secret"), ErrorCode::kInternal);
    ASSERT_OK_AND_ASSIGN(const auto got, tx->GetSecret("procore.client_secret"));
    EXPECT_THAT(got, Optional(kSealedA));
    ASSERT_OK_AND_ASSIGN(const auto names, tx->ListSecretNames());
    EXPECT_THAT(names, ElementsAre("procore.client_secret"));
    ASSERT_OK(tx->Commit());
}

TEST_F(StoreSecrets, AFinishedTransactionRefusesSecretWork) {
    auto tx = Write();
    ASSERT_OK(tx->Commit());
    ASSERT_ERROR(tx->PutSecret("procore.client_secret", kSealedA), ErrorCode::kInternal);
    ASSERT_ERROR(tx->GetSecret("procore.client_secret"), ErrorCode::kInternal);
    ASSERT_ERROR(tx->DeleteSecret("procore.client_secret"), ErrorCode::kInternal);
    ASSERT_ERROR(tx->ListSecretNames(), ErrorCode::kInternal);
}

TEST_F(StoreSecrets, SecretsSurviveReopeningAsBlobsWithTheirUpdateTime) {
    clock_.Set(At(D(2027, 1, 2), 3, 4, 5, 678));
    {
        auto tx = Write();
        ASSERT_OK(tx->PutSecret("procore.client_secret", kSealedA));
        ASSERT_OK(tx->Commit());
    }
    store_.reset();
    {
        ASSERT_OK_AND_ASSIGN(auto reopened, OpenSqliteStore(path_, clock_));
        auto tx = Begin(*reopened, TxMode::kRead);
        ASSERT_OK_AND_ASSIGN(const auto got, tx->GetSecret("procore.client_secret"));
        EXPECT_THAT(got, Optional(kSealedA));
    }
    // Stored as a BLOB (raw bytes, not text) with the transaction's time.
    ASSERT_OK_AND_ASSIGN(auto db, sqlite::Db::Open(path_));
    ASSERT_OK_AND_ASSIGN(sqlite::Stmt * s, db->Prepare(
        "SELECT typeof(sealed), length(sealed), updated_at FROM secrets WHERE name = ?"));
    s->Bind(1, std::string_view("procore.client_secret"));
    ASSERT_OK_AND_ASSIGN(const bool row, s->Step());
    ASSERT_TRUE(row);
    EXPECT_EQ(s->Text(0), "blob");
    EXPECT_EQ(s->Int(1), static_cast<std::int64_t>(kSealedA.size()));
    EXPECT_EQ(s->Text(2), "2027-01-02T03:04:05.678Z");
    s->Reset();
}

// ---------------------------------------------------------------------------------------------
// The database file's mode: it holds personal data and sealed credentials

using testing_support::FileMode;
using testing_support::UmaskGuard;

TEST(StoreFileMode, ANewDatabaseAndItsWalFilesAreOwnerOnlyWhateverTheUmask) {
    for (const mode_t mask : {mode_t{0}, mode_t{022}, mode_t{077}, mode_t{0277}}) {
        SCOPED_TRACE(testing::Message() << "umask 0" << std::oct << mask);
        TempDir dir;
        const std::string path = dir.File("crewsync.db");
        FakeClock clock{At(D(2026, 11, 23), 14, 5, 9, 123)};
        UmaskGuard umask_guard(mask);
        ASSERT_OK_AND_ASSIGN(auto store, OpenSqliteStore(path, clock));
        {
            auto tx = store->Begin(TxMode::kWrite);
            ASSERT_TRUE(tx.has_value()) << tx.error().ToString();
            ASSERT_OK((*tx)->PutSecret("procore.client_secret", kSealedA));
            ASSERT_OK((*tx)->Commit());
        }
        EXPECT_EQ(FileMode(path), 0600u);
        // With the connection open, WAL mode keeps both files around.
        ASSERT_TRUE(std::filesystem::exists(path + "-wal"));
        ASSERT_TRUE(std::filesystem::exists(path + "-shm"));
        EXPECT_EQ(FileMode(path + "-wal"), 0600u);
        EXPECT_EQ(FileMode(path + "-shm"), 0600u);
    }
}

TEST(StoreFileMode, AnExistingDatabaseKeepsItsMode) {
    TempDir dir;
    const std::string path = dir.File("crewsync.db");
    FakeClock clock{At(D(2026, 11, 23), 14, 5, 9, 123)};
    {
        ASSERT_OK_AND_ASSIGN(auto store, OpenSqliteStore(path, clock));
    }
    // Its owner chose to share it with the group; crewsync does not undo that.
    ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
    ASSERT_OK_AND_ASSIGN(auto store, OpenSqliteStore(path, clock));
    EXPECT_EQ(FileMode(path), 0640u);
}

TEST(StoreFileMode, AnExistingEmptyFileKeepsItsMode) {
    // An empty file is a valid new database to SQLite, but it is not crewsync's to chmod.
    TempDir dir;
    const std::string path = dir.File("crewsync.db");
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::fchmod(fd, 0644), 0);
    ::close(fd);
    FakeClock clock{At(D(2026, 11, 23), 14, 5, 9, 123)};
    ASSERT_OK_AND_ASSIGN(auto store, OpenSqliteStore(path, clock));
    ASSERT_OK_AND_ASSIGN(const int version, store->SchemaVersion());
    EXPECT_EQ(version, 5);
    EXPECT_EQ(FileMode(path), 0644u);
}

}  // namespace
}  // namespace crewsync::store
