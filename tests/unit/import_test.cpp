// Tests for CSV import and export of people, projects and time entries (src/records): exact
// problem lists for bad files, matching rows to existing records, dry runs, all-or-nothing
// writes down to the database's bytes, and export → import round trips.
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "csv/reader.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "records/import.hpp"
#include "records/records.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace crewsync {

// Found by argument-dependent lookup, so gtest prints problems readably in failure messages.
void PrintTo(const FieldProblem& p, std::ostream* os) {
    *os << "{location=\"" << p.location << "\", field=\"" << p.field << "\", message=\""
        << p.message << "\"}";
}

namespace {

namespace fs = std::filesystem;
using records::ImportOptions;
using records::ImportReport;
using records::RowAction;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A problem as the brief reads it: where, which field, what is wrong.
FieldProblem P(std::string location, std::string field, std::string message) {
    return FieldProblem{std::move(field), std::move(message), std::move(location)};
}

// Import options with the given flags on, e.g. Options({&ImportOptions::dry_run}).
ImportOptions Options(std::initializer_list<bool ImportOptions::*> flags) {
    ImportOptions options;
    for (auto flag : flags) options.*flag = true;
    return options;
}

template <class T>
std::string Describe(const Result<T>& result) {
    return result ? std::string("ok") : result.error().ToString();
}

using testing_support::TempDir;

std::string ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Timestamp Start() {
    using namespace std::chrono;
    return Timestamp{sys_days{year{2026} / March / 1}};
}

Date D(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

csv::Table Parse(std::string_view text) {
    auto table = csv::Parse(text);
    if (!table) {
        ADD_FAILURE() << "test input is not valid CSV: " << table.error().ToString();
        return {};
    }
    return *table;
}

// One workspace database with a fake clock; Seed() fills it with a small, known company.
class ImportTest : public testing::Test {
protected:
    void SetUp() override { Open(); }

    void Open(const std::string& name = "crewsync.db") {
        auto store = store::OpenSqliteStore(dir_.File(name), clock_);
        ASSERT_TRUE(store) << store.error().ToString();
        store_ = std::move(*store);
    }
    void Close() { store_.reset(); }
    std::string DbPath() const { return dir_.File("crewsync.db"); }

    std::unique_ptr<store::Transaction> Begin(store::TxMode mode) {
        auto tx = store_->Begin(mode);
        if (!tx) throw std::runtime_error(tx.error().ToString());
        return std::move(*tx);
    }

    // Groups North and South, classification Journeyman Electrician;
    // #1 Ana Ruiz (E100, assignable), #2 Ben Lee (E200, user);
    // projects #1 Riverside Tower (P-100), #2 Depot (P-200).
    void Seed() {
        auto tx = Begin(store::TxMode::kWrite);
        ASSERT_TRUE(tx->InsertGroup(Group{GroupId{}, "North", ""}));
        ASSERT_TRUE(tx->InsertGroup(Group{GroupId{}, "South", ""}));
        ASSERT_TRUE(tx->InsertClassification(
            Classification{ClassificationId{}, "Journeyman Electrician", "JE",
                           RecordStatus::kActive}));
        auto ana = records::AddPerson(*tx, Ana(), {});
        ASSERT_TRUE(ana) << ana.error().ToString();
        ASSERT_EQ(ana->value(), 1);
        auto ben = records::AddPerson(*tx, Ben(), {});
        ASSERT_TRUE(ben) << ben.error().ToString();
        ASSERT_EQ(ben->value(), 2);
        Project riverside;
        riverside.name = "Riverside Tower";
        riverside.project_number = "P-100";
        riverside.start_date = D(2026, 1, 5);
        riverside.planned_end_date = D(2026, 12, 18);
        riverside.groups = {"North"};
        ASSERT_TRUE(records::AddProject(*tx, riverside));
        Project depot;
        depot.name = "Depot";
        depot.project_number = "P-200";
        ASSERT_TRUE(records::AddProject(*tx, depot));
        ASSERT_TRUE(tx->Commit());
    }

    static Person Ana() {
        Person p;
        p.id = PersonId{1};
        p.first_name = "Ana";
        p.last_name = "Ruiz";
        p.email = "ana@example.com";
        p.employee_id = "E100";
        p.mobile_phone = "+1 555 010 0001";
        p.job_title = "Electrician";
        p.type = PersonType::kAssignable;
        p.groups = {"North"};
        p.classification = "Journeyman Electrician";
        p.custom_fields = {{"Shirt size", "M"}, {"Boots", "42"}};
        return p;
    }
    static Person Ben() {
        Person p;
        p.id = PersonId{2};
        p.first_name = "Ben";
        p.last_name = "Lee";
        p.email = "ben@example.com";
        p.employee_id = "E200";
        p.type = PersonType::kUser;
        p.permission = PermissionLevel::kAdmin;
        p.groups = {"South"};
        return p;
    }

    Result<ImportReport> ImportPeople(std::string_view text, const ImportOptions& options = {}) {
        return records::ImportPeople(*store_, Parse(text), "people.csv", options);
    }
    Result<ImportReport> ImportProjects(std::string_view text, const ImportOptions& options = {}) {
        return records::ImportProjects(*store_, Parse(text), "projects.csv", options);
    }
    Result<ImportReport> ImportTime(std::string_view text, const ImportOptions& options = {}) {
        return records::ImportTimeEntries(*store_, Parse(text), "time.csv", options);
    }

    std::vector<Person> People() {
        auto tx = Begin(store::TxMode::kRead);
        return tx->ListPeople({}).value();
    }
    Person GetPerson(std::int64_t id) {
        auto tx = Begin(store::TxMode::kRead);
        auto person = tx->GetPerson(PersonId{id}).value();
        if (!person) throw std::runtime_error("no person #" + std::to_string(id));
        return *person;
    }
    std::vector<Project> Projects() {
        auto tx = Begin(store::TxMode::kRead);
        return tx->ListProjects({}).value();
    }
    std::vector<TimeEntry> TimeEntries() {
        auto tx = Begin(store::TxMode::kRead);
        return tx->ListTimeEntries({}).value();
    }
    std::vector<store::JournalEntry> Journal(std::int64_t after = 0) {
        auto tx = Begin(store::TxMode::kRead);
        return tx->ReadJournal(after, 1'000'000).value();
    }
    std::int64_t LastSeq() {
        const auto journal = Journal();
        return journal.empty() ? 0 : journal.back().seq;
    }
    bool HasGroup(const std::string& name) {
        auto tx = Begin(store::TxMode::kRead);
        return tx->FindGroup(name).value().has_value();
    }

    TempDir dir_;
    FakeClock clock_{Start()};
    std::unique_ptr<store::Store> store_;
};

// ---------------------------------------------------------------------------------------------
// Bad files: every problem, exactly where it is, and nothing written.

enum class Kind { kPeople, kProjects, kTime };

struct RejectCase {
    const char* name;
    Kind kind;
    std::string csv;
    std::string message;
    std::vector<FieldProblem> problems;
};

void PrintTo(const RejectCase& c, std::ostream* os) { *os << c.name; }

const std::string kOneProblem = "people.csv: 1 problem; nothing was imported";

const std::vector<RejectCase>& RejectCases() {
    static const std::vector<RejectCase> cases = {
        {"BadEmail", Kind::kPeople, "first_name,last_name,email\nCara,Diaz,cara-at-example.com\n",
         kOneProblem, {P("2:3", "email", "'cara-at-example.com' is not an e-mail address")}},
        {"MissingLastName", Kind::kPeople, "first_name,last_name,email\nCara,,cara@example.com\n",
         kOneProblem, {P("2:2", "last_name", "is required")}},
        {"UnknownGroup", Kind::kPeople,
         "first_name,last_name,email,groups\nCara,Diaz,cara@example.com,north; West\n",
         kOneProblem, {P("2:4", "groups", "unknown group 'West'")}},
        {"UnknownClassification", Kind::kPeople, "employee_id,classification\nE100,Pipe Fitter\n",
         kOneProblem, {P("2:2", "classification", "unknown classification 'Pipe Fitter'")}},
        {"BadTypeStatusAndPermission", Kind::kPeople,
         "first_name,last_name,email,type,status,permission\n"
         "Cara,Diaz,cara@example.com,boss,maybe,god\n",
         "people.csv: 3 problems; nothing was imported",
         {P("2:4", "type", "'boss' is not a type (user, assignable or both)"),
          P("2:5", "status", "'maybe' is not a status (active or inactive)"),
          P("2:6", "permission",
            "'god' is not a permission level (none, viewer, editor or admin)")}},
        {"BadPhone", Kind::kPeople, "employee_id,mobile\nE100,call me\n", kOneProblem,
         {P("2:2", "mobile_phone",
            "'call me' is not a phone number (7 to 15 digits, with + ( ) - . and spaces)")}},
        {"UserTypeWithoutEmail", Kind::kPeople,
         "first_name,last_name,employee_id,type,email\nCara,Diaz,E300,user,\n", kOneProblem,
         {P("2:5", "email",
            "is required for type 'user' (people who log in need an e-mail address)")}},
        {"TwoNewRowsShareAnEmail", Kind::kPeople,
         "first_name,last_name,email\nCara,Diaz,cara@example.com\nCarl,Diaz,CARA@example.com\n",
         kOneProblem,
         {P("3:3", "email",
            "e-mail 'cara@example.com' is also on line 2 (two new people cannot share it)")}},
        {"TwoNewRowsShareAnEmployeeId", Kind::kPeople,
         "first_name,last_name,employee_id\nCara,Diaz,E300\nCarl,Diaz,E300\n", kOneProblem,
         {P("3:3", "employee_id",
            "employee ID 'E300' is also on line 2 (two new people cannot share it)")}},
        {"RowWithoutIdEmployeeIdOrEmail", Kind::kPeople,
         "first_name,last_name,email,employee_id\nCara,Diaz,,\n", kOneProblem,
         {P("2:4", "employee_id",
            "the row has no id, employee ID or e-mail, so crewsync could not recognise this "
            "person on a later import; give at least one")}},
        {"IdThatDoesNotExist", Kind::kPeople, "id,first_name,last_name\n99,Cara,Diaz\n",
         kOneProblem,
         {P("2:1", "id",
            "no person with id 99 in this workspace (leave the id column out to add people "
            "from another workspace)")}},
        {"EmployeeIdAndEmailOfDifferentPeople", Kind::kPeople,
         "first_name,last_name,email,employee_id\nAna,Ruiz,ben@example.com,E100\n", kOneProblem,
         {P("2:3", "email",
            "employee ID 'E100' is #1 but e-mail 'ben@example.com' is #2; fix one of them")}},
        {"TwoRowsUpdateTheSamePerson", Kind::kPeople,
         "employee_id,job_title\nE100,Foreman\nE100,Lead\n", kOneProblem,
         {P("3:1", "employee_id", "this row and line 2 both update #1")}},
        {"UpdateTakesAnotherPersonsEmployeeId", Kind::kPeople, "id,employee_id\n1,E200\n",
         kOneProblem,
         {P("2:2", "employee_id",
            "employee ID 'E200' is already used by #2; to keep both, import with "
            "--allow-duplicates")}},
        {"UpdateAndNewRowClaimTheSameEmail", Kind::kPeople,
         "employee_id,first_name,last_name,email\n"
         "E100,Ana,Ruiz,new@example.com\n"
         "E300,Cara,Diaz,NEW@example.com\n",
         kOneProblem,
         {P("3:4", "email", "e-mail 'new@example.com' is also on line 2 (two people cannot "
                            "share it)")}},
        // Physical lines count: the quoted line break makes row 2 span lines 2-3 and the blank
        // line 4 is skipped, so the next rows are on lines 5 and 7.
        {"ProblemsInSeveralRowsAreAllReported", Kind::kPeople,
         "first_name,last_name,email,job_title\r\n"
         "Cara,Diaz,cara@example.com,\"Foreman\r\nnights\"\r\n"
         "\r\n"
         "Dan,,dan@example,Welder\r\n"
         "Eve,Stone,eve@example.com, Painter \r\n"
         ",Fox,fox@example.com,Rigger\r\n",
         "people.csv: 4 problems; nothing was imported",
         {P("2:4", "job_title", "contains control characters or is not valid UTF-8"),
          P("5:2", "last_name", "is required"),
          P("5:3", "email", "'dan@example' is not an e-mail address"),
          P("7:1", "first_name", "is required")}},
        // Matching problems are found before validation problems; both come in file order.
        {"ProblemsAreListedInFileOrder", Kind::kPeople,
         "id,first_name,last_name,email\n,Cara,Diaz,cara@x\n99,Dan,Diaz,dan@example.com\n",
         "people.csv: 2 problems; nothing was imported",
         {P("2:4", "email", "'cara@x' is not an e-mail address"),
          P("3:1", "id",
            "no person with id 99 in this workspace (leave the id column out to add people "
            "from another workspace)")}},
        {"UnknownColumnInHeader", Kind::kPeople, "First Name,LAST_NAME,shoe size\nCara,Diaz,42\n",
         "people.csv: the header does not match the expected columns",
         {P("1:3", "shoe size", "unknown column"),
          P("", "",
            "accepted column names: id (also: crewsync id, person id), first_name (also: first "
            "name, first, given name, firstname), last_name (also: last name, last, surname, "
            "family name, lastname), email (also: e-mail, email address, e-mail address, mail), "
            "employee_id (also: employee id, employee number, employee no, employee #, emp id, "
            "payroll id), mobile_phone (also: mobile, mobile phone, cell, cell phone, phone), "
            "job_title (also: title, job title), status (also: active, active?), type (also: "
            "person type), permission (also: permission level, permissions), classification "
            "(also: position, trade, work classification), groups (also: group); or any column "
            "starting with \"custom:\"")}},

        {"ProjectEndsBeforeItStarts", Kind::kProjects,
         "name,project_number,start_date,planned_end_date\n"
         "Harbor Bridge,P-300,2026-05-01,2026-04-30\n",
         "projects.csv: 1 problem; nothing was imported",
         {P("2:4", "planned_end_date", "2026-04-30 is before the start date 2026-05-01")}},
        {"ProjectDateThatDoesNotExist", Kind::kProjects,
         "name,project_number,start date\nHarbor Bridge,P-300,2026-02-30\n",
         "projects.csv: 1 problem; nothing was imported",
         {P("2:3", "start_date", "'2026-02-30' is not a date (write YYYY-MM-DD)")}},
        {"DuplicateProjectNumbersInTheFile", Kind::kProjects,
         "name,project_number\nHarbor Bridge,P-300\nHarbor Annex,P-300\n",
         "projects.csv: 1 problem; nothing was imported",
         {P("3:2", "project_number", "project number 'P-300' is also on line 2")}},
        {"ProjectNumberOfAnotherProject", Kind::kProjects,
         "id,name,project_number\n2,Depot,P-100\n",
         "projects.csv: 1 problem; nothing was imported",
         {P("2:3", "project_number", "project number 'P-100' is already used by project #1")}},
        {"ProjectWithUnknownTimeZoneAndGroup", Kind::kProjects,
         "name,time_zone,groups\nHarbor Bridge,Mars/Olympus,West\n",
         "projects.csv: 2 problems; nothing was imported",
         {P("2:2", "time_zone",
            "'Mars/Olympus' is not a known time zone (use an IANA name such as "
            "America/Chicago)"),
          P("2:3", "groups", "unknown group 'West'")}},
        {"ProjectRowWithoutName", Kind::kProjects, "name,city\n,Springfield\n",
         "projects.csv: 1 problem; nothing was imported",
         {P("2:1", "name", "the row has no id, project number or name")}},

        {"TimeForUnknownPersonAndProject", Kind::kTime,
         "person,project,date,hours\nE999,P-999,2026-03-02,8\n",
         "time.csv: 2 problems; nothing was imported",
         {P("2:1", "person",
            "no person with employee ID 'E999' (name people by employee ID, e-mail or #id)"),
          P("2:2", "project",
            "no project with number or name 'P-999' (name projects by number, name or #id)")}},
        {"HoursOutOfRange", Kind::kTime,
         "person,project,date,hours\nE100,P-100,2026-03-02,25\nE100,P-100,2026-03-03,0\n"
         "E100,P-100,2026-03-04,-1\n",
         "time.csv: 3 problems; nothing was imported",
         {P("2:4", "hours", "25 is out of range (more than 0, at most 24)"),
          P("3:4", "hours", "0 is out of range (more than 0, at most 24)"),
          P("4:4", "hours", "'-1' is not a number of hours (e.g. 8 or 7.25)")}},
        {"TimeOutBeforeTimeIn", Kind::kTime,
         "person,project,date,time_in,time_out\nE100,P-100,2026-03-02,15:00,07:00\n",
         "time.csv: 1 problem; nothing was imported",
         {P("2:5", "time_out",
            "07:00 is not after time in 15:00 (split shifts that cross midnight into two "
            "entries)")}},
        {"HoursThatDisagreeWithTheShift", Kind::kTime,
         "person,project,date,hours,time_in,time_out,lunch\n"
         "E100,P-100,2026-03-02,8,07:00,15:00,30\n",
         "time.csv: 1 problem; nothing was imported",
         {P("2:4", "hours", "8 does not match time in/out (7.5 h)")}},
        {"LunchThatIsNotANumberOfMinutes", Kind::kTime,
         "person,project,date,time_in,time_out,lunch\n"
         "E100,P-100,2026-03-02,07:00,15:00,half an hour\n"
         "E100,P-100,2026-03-03,07:00,15:00,300\n",
         "time.csv: 2 problems; nothing was imported",
         {P("2:6", "lunch_minutes", "'half an hour' is not a number of minutes"),
          P("3:6", "lunch_minutes", "300 is out of range (0 to 240 minutes)")}},
        {"BadTimeOfDay", Kind::kTime,
         "person,project,date,time_in,time_out\nE100,P-100,2026-03-02,7h,15:00\n",
         "time.csv: 1 problem; nothing was imported",
         {P("2:4", "time_in", "'7h' is not a time of day (write HH:MM, 24-hour)")}},
        {"UserTypePersonLogsTime", Kind::kTime,
         "person,project,date,hours\nben@example.com,Depot,2026-03-02,8\n",
         "time.csv: 1 problem; nothing was imported",
         {P("2:1", "person", "Ben Lee is a 'user'-type person and cannot log time on projects")}},
        {"SameEntryTwiceWithoutRef", Kind::kTime,
         "person,project,date,hours\nE100,P-100,2026-03-02,8\nE100,P-100,2026-03-02,2\n",
         "time.csv: 1 problem; nothing was imported",
         {P("3:3", "date",
            "same person, project, date, time in, classification and cost code as line 2; give "
            "each row a ref to keep both")}},
        {"SameRefTwice", Kind::kTime,
         "ref,person,project,date,hours\nR1,E100,P-100,2026-03-02,8\nR1,E100,P-100,2026-03-03,8\n",
         "time.csv: 1 problem; nothing was imported",
         {P("3:1", "ref", "ref 'R1' is also on line 2")}},
        {"TimeFileWithoutProjectColumn", Kind::kTime, "person,date,hours\nE100,2026-03-02,8\n",
         "time.csv: the header does not match the expected columns",
         {P("", "project",
            "required column is missing (also accepted as: project number, job, job number, "
            "project #)")}},
    };
    return cases;
}

class RejectTest : public ImportTest, public testing::WithParamInterface<RejectCase> {};

TEST_P(RejectTest, ListsEveryProblemAndWritesNothing) {
    const RejectCase& c = GetParam();
    Seed();
    const std::int64_t seq = LastSeq();
    const auto people = People();
    const auto projects = Projects();

    Result<ImportReport> result = [&] {
        switch (c.kind) {
            case Kind::kPeople: return ImportPeople(c.csv);
            case Kind::kProjects: return ImportProjects(c.csv);
            case Kind::kTime: return ImportTime(c.csv);
        }
        return ImportPeople(c.csv);
    }();
    ASSERT_FALSE(result) << "the import should have failed";
    EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message(), c.message);
    EXPECT_EQ(result.error().problems(), c.problems);

    EXPECT_EQ(LastSeq(), seq);
    EXPECT_EQ(People(), people);
    EXPECT_EQ(Projects(), projects);
    EXPECT_THAT(TimeEntries(), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Import, RejectTest, testing::ValuesIn(RejectCases()),
                         [](const testing::TestParamInfo<RejectCase>& param) {
                             return std::string(param.param.name);
                         });

// ---------------------------------------------------------------------------------------------
// Options that turn a rejection into an import.

TEST_F(ImportTest, CreateMissingCreatesUnknownGroupsAndClassificationsAndReportsThem) {
    Seed();
    auto report = ImportPeople(
        "first_name,last_name,email,groups,classification\n"
        "Cara,Diaz,cara@example.com,north; West,Pipe Fitter\n"
        "Dan,Diaz,dan@example.com,WEST; East,pipe fitter\n",
        Options({&ImportOptions::create_missing}));
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_THAT(report->created_groups, ElementsAre("West", "East"));
    EXPECT_THAT(report->created_classifications, ElementsAre("Pipe Fitter"));
    EXPECT_EQ(report->Count(RowAction::kAdd), 2u);
    EXPECT_TRUE(HasGroup("West"));
    EXPECT_TRUE(HasGroup("East"));
    // Stored under the workspace's spelling of each group.
    EXPECT_THAT(GetPerson(3).groups, ElementsAre("North", "West"));
}

TEST_F(ImportTest, DryRunWithCreateMissingReportsGroupsButCreatesNothing) {
    Seed();
    const std::int64_t seq = LastSeq();
    auto report = ImportPeople("first_name,last_name,email,groups\nCara,Diaz,cara@x.com,West\n",
                               Options({&ImportOptions::dry_run, &ImportOptions::create_missing}));
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_TRUE(report->dry_run);
    EXPECT_THAT(report->created_groups, ElementsAre("West"));
    EXPECT_FALSE(HasGroup("West"));
    EXPECT_EQ(LastSeq(), seq);
}

TEST_F(ImportTest, AllowDuplicatesKeepsNewRowsThatShareAnEmailAsSeparatePeople) {
    Seed();
    auto report = ImportPeople(
        "first_name,last_name,email\nCara,Diaz,cara@example.com\nCarl,Diaz,CARA@example.com\n",
        Options({&ImportOptions::allow_duplicates}));
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_EQ(report->Count(RowAction::kAdd), 2u);
    auto tx = Begin(store::TxMode::kRead);
    EXPECT_EQ(tx->FindPeopleByEmail("cara@example.com").value().size(), 2u);
}

TEST_F(ImportTest, UpdatingAPersonByIdToAnotherPersonsEmailIsRejectedUnlessAllowed) {
    Seed();
    auto report = ImportPeople("id,email\n1,BEN@example.com\n");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().problems(),
              std::vector<FieldProblem>{P("2:2", "email",
                                          "e-mail 'ben@example.com' is already used by #2; to "
                                          "keep both, import with --allow-duplicates")});
    EXPECT_EQ(GetPerson(1), Ana());

    auto allowed = ImportPeople("id,email\n1,BEN@example.com\n",
                                Options({&ImportOptions::allow_duplicates}));
    ASSERT_TRUE(allowed) << allowed.error().ToString();
    EXPECT_EQ(GetPerson(1).email, "BEN@example.com");
}

TEST_F(ImportTest, PeopleWhoAlreadyShareAnEmailReimportUnchanged) {
    Seed();
    {
        auto tx = Begin(store::TxMode::kWrite);
        Person twin = Ben();
        twin.first_name = "Benjamin";
        twin.employee_id = "E201";
        ASSERT_TRUE(records::AddPerson(*tx, twin, {.allow_duplicate = true}));
        ASSERT_TRUE(tx->Commit());
    }
    const std::string exported = [&] {
        auto tx = Begin(store::TxMode::kRead);
        return records::ExportPeople(*tx, {}).value();
    }();
    auto report = ImportPeople(exported);
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_EQ(report->Count(RowAction::kUnchanged), 3u);
}

TEST_F(ImportTest, TwoRowsUpdatingOneProjectAreOneProblemAtTheColumnThatMatched) {
    Seed();
    auto report = ImportProjects("name,city\nDepot,Springfield\ndepot,Shelbyville\n");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().problems(),
              std::vector<FieldProblem>{P("3:1", "name", "this row and line 2 both update "
                                                         "project #2")});
}

TEST_F(ImportTest, TwoRowsUpdatingOneTimeEntryAreAProblemAtTheirDate) {
    Seed();
    const std::string header = "person,project,date,hours\n";
    ASSERT_TRUE(ImportTime(header + "E100,P-100,2026-03-02,8\n"));
    auto report = ImportTime(header + "E100,P-100,2026-03-02,7\nE100,P-100,2026-03-02,6\n");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().problems(),
              std::vector<FieldProblem>{
                  P("3:3", "date", "this row and line 2 both update time entry #1")});
}

// ---------------------------------------------------------------------------------------------
// Matching rows to the people already there.

TEST_F(ImportTest, ReimportingTheSameFileLeavesEveryRowUnchanged) {
    const std::string file =
        "First Name,Last Name,E-mail,Employee ID,Type,Groups,custom: Shirt size\n"
        "Cara,Diaz,cara@example.com,E300,both,,L\n"
        "Dan,\"O'Neil, Jr.\",dan@example.com,,assignable,,\n"
        "Eve,Stone,,E500,assignable,,\"XL \"\"tall\"\"\"\n";
    auto first = ImportPeople(file);
    ASSERT_TRUE(first) << first.error().ToString();
    EXPECT_EQ(first->Count(RowAction::kAdd), 3u);
    std::vector<std::int64_t> ids;
    for (const auto& row : first->rows) ids.push_back(row.id);
    EXPECT_THAT(ids, ElementsAre(1, 2, 3));
    const std::int64_t seq = LastSeq();

    auto second = ImportPeople(file);
    ASSERT_TRUE(second) << second.error().ToString();
    ASSERT_EQ(second->rows.size(), 3u);
    for (const auto& row : second->rows) {
        EXPECT_EQ(row.action, RowAction::kUnchanged) << "line " << row.line;
        EXPECT_THAT(row.changed_fields, IsEmpty());
    }
    EXPECT_EQ(second->rows[1].id, 2);
    EXPECT_EQ(second->rows[1].label, "Dan O'Neil, Jr.");
    EXPECT_EQ(LastSeq(), seq);
    EXPECT_EQ(People().size(), 3u);
}

TEST_F(ImportTest, SpreadsheetExportsWithBomCrlfQuotedHeadersAndBlankLinesImport) {
    const std::string file =
        "\xEF\xBB\xBF\"Given Name\",\"SURNAME\",\"E-Mail Address\",Payroll ID\r\n"
        "\r\n"
        "\"Cara\",\"Diaz, \"\"CJ\"\"\",cara@example.com,E300\r\n"
        ",,,\r\n"
        "Dan,Núñez,dan@example.com,E400\r\n";
    auto report = ImportPeople(file);
    ASSERT_TRUE(report) << report.error().ToString();
    ASSERT_EQ(report->rows.size(), 2u);
    EXPECT_EQ(report->rows[0].line, 3u);
    EXPECT_EQ(report->rows[0].label, "Cara Diaz, \"CJ\"");
    EXPECT_EQ(report->rows[1].line, 5u);
    EXPECT_EQ(GetPerson(2).last_name, "Núñez");
    EXPECT_EQ(GetPerson(2).employee_id, "E400");
}

TEST_F(ImportTest, MatchingByEmployeeIdUpdatesOnlyTheColumnsTheFileHas) {
    Seed();
    auto report = ImportPeople("Employee ID,Job Title,Mobile\nE100,Foreman,+1 555 010 9999\n");
    ASSERT_TRUE(report) << report.error().ToString();
    ASSERT_EQ(report->rows.size(), 1u);
    const auto& row = report->rows[0];
    EXPECT_EQ(row.line, 2u);
    EXPECT_EQ(row.action, RowAction::kUpdate);
    EXPECT_EQ(row.id, 1);
    EXPECT_EQ(row.label, "Ana Ruiz");
    EXPECT_THAT(row.changed_fields, ElementsAre("mobile_phone", "job_title"));

    Person expected = Ana();
    expected.job_title = "Foreman";
    expected.mobile_phone = "+1 555 010 9999";
    EXPECT_EQ(GetPerson(1), expected);  // names, e-mail, groups, custom fields untouched
    EXPECT_EQ(GetPerson(2), Ben());
}

TEST_F(ImportTest, MatchingByEmailIgnoresCaseAndSurroundingSpaces) {
    Seed();
    auto report = ImportPeople("email,first_name\n  ANA@Example.COM ,Anita\n");
    ASSERT_TRUE(report) << report.error().ToString();
    ASSERT_EQ(report->rows.size(), 1u);
    EXPECT_EQ(report->rows[0].action, RowAction::kUpdate);
    EXPECT_EQ(report->rows[0].id, 1);
    EXPECT_EQ(People().size(), 2u);
    EXPECT_EQ(GetPerson(1).first_name, "Anita");
    EXPECT_EQ(GetPerson(1).employee_id, "E100");
}

TEST_F(ImportTest, EmptyTypeStatusAndPermissionCellsKeepTheStoredValues) {
    Seed();
    auto report = ImportPeople("employee_id,type,status,permission\nE200,,,\n");
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_EQ(report->rows.at(0).action, RowAction::kUnchanged);
    EXPECT_EQ(GetPerson(2), Ben());
}

TEST_F(ImportTest, CustomColumnsSetAndClearCustomFieldsAndLeaveOthersAlone) {
    Seed();
    // Ana has Shirt size=M and Boots=42; the file sets one, clears one and adds one.
    auto report = ImportPeople(
        "employee_id,custom: Shirt size,CUSTOM:Boots,custom:Locker\n"
        "E100,L,,\"B-12, top\"\n"
        "E200,,,\n");
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_THAT(report->rows.at(0).changed_fields, ElementsAre("custom_fields"));
    EXPECT_EQ(report->rows.at(1).action, RowAction::kUnchanged);
    const std::map<std::string, std::string> expected = {{"Shirt size", "L"},
                                                         {"Locker", "B-12, top"}};
    EXPECT_EQ(GetPerson(1).custom_fields, expected);

    auto untouched = ImportPeople("employee_id,custom:Locker\nE100,B-13\n");
    ASSERT_TRUE(untouched) << untouched.error().ToString();
    EXPECT_EQ(GetPerson(1).custom_fields.at("Shirt size"), "L");
}

TEST_F(ImportTest, ProblemInACustomColumnIsPlacedAtThatColumn) {
    Seed();
    auto report = ImportPeople("employee_id,custom:Notes\nE100,\"two\nlines\"\n");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().problems(),
              std::vector<FieldProblem>{
                  P("2:2", "custom:Notes", "contains control characters or is not valid UTF-8")});
}

TEST_F(ImportTest, DryRunCountsAddsUpdatesAndUnchangedAndWritesNothing) {
    Seed();
    const std::int64_t seq = LastSeq();
    auto report = ImportPeople(
        "employee_id,first_name,last_name,job_title\n"
        "E300,Cara,Diaz,Welder\n"
        "E100,Ana,Ruiz,Foreman\n"
        "E200,Ben,Lee,\n",
        Options({&ImportOptions::dry_run}));
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_TRUE(report->dry_run);
    EXPECT_EQ(report->Count(RowAction::kAdd), 1u);
    EXPECT_EQ(report->Count(RowAction::kUpdate), 1u);
    EXPECT_EQ(report->Count(RowAction::kUnchanged), 1u);
    EXPECT_EQ(report->rows.at(0).id, 0);  // not stored, so no id
    EXPECT_EQ(report->rows.at(1).id, 1);
    EXPECT_THAT(report->rows.at(1).changed_fields, ElementsAre("job_title"));
    EXPECT_THAT(Journal(seq), IsEmpty());
    EXPECT_EQ(People().size(), 2u);
    EXPECT_EQ(GetPerson(1), Ana());
}

TEST_F(ImportTest, DryRunOnAnEmptyWorkspaceLeavesTheJournalEmpty) {
    auto report = ImportPeople("first_name,last_name,email\nCara,Diaz,cara@example.com\n",
                               Options({&ImportOptions::dry_run}));
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_EQ(report->Count(RowAction::kAdd), 1u);
    EXPECT_THAT(Journal(), IsEmpty());
    EXPECT_THAT(People(), IsEmpty());
}

TEST_F(ImportTest, ProjectsAreMatchedByNumberThenByName) {
    Seed();
    auto report = ImportProjects(
        "project_number,name,city\n"
        "P-200,Depot West,Springfield\n"
        ",riverside tower,Shelbyville\n"
        "P-300,Harbor Bridge,\n");
    ASSERT_TRUE(report) << report.error().ToString();
    ASSERT_EQ(report->rows.size(), 3u);
    EXPECT_EQ(report->rows[0].id, 2);
    EXPECT_THAT(report->rows[0].changed_fields, ElementsAre("name", "city"));
    EXPECT_EQ(report->rows[0].label, "Depot West (P-200)");
    EXPECT_EQ(report->rows[1].id, 1);
    // An empty project-number cell clears the number; the name matched the project.
    EXPECT_THAT(report->rows[1].changed_fields, ElementsAre("name", "project_number", "city"));
    EXPECT_EQ(report->rows[2].action, RowAction::kAdd);
    EXPECT_EQ(report->rows[2].id, 3);
    EXPECT_EQ(Projects().size(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Time entries.

TEST_F(ImportTest, TimeEntriesAreMatchedByRef) {
    Seed();
    auto first = ImportTime("ref,person,project,date,hours\nTC-1,E100,P-100,2026-03-02,8\n");
    ASSERT_TRUE(first) << first.error().ToString();
    ASSERT_EQ(first->rows.at(0).action, RowAction::kAdd);
    const std::int64_t id = first->rows[0].id;

    // Same ref, another day and project: the entry moves rather than a second one appearing.
    auto second = ImportTime("ref,person,project,date,hours\nTC-1,E100,Depot,2026-03-03,8\n");
    ASSERT_TRUE(second) << second.error().ToString();
    ASSERT_EQ(second->rows.size(), 1u);
    EXPECT_EQ(second->rows[0].action, RowAction::kUpdate);
    EXPECT_EQ(second->rows[0].id, id);
    EXPECT_THAT(second->rows[0].changed_fields, ElementsAre("project", "date"));
    ASSERT_EQ(TimeEntries().size(), 1u);
    EXPECT_EQ(TimeEntries()[0].date, D(2026, 3, 3));
}

TEST_F(ImportTest, TimeEntriesWithoutRefAreMatchedByWhatTheyDescribe) {
    Seed();
    const std::string header = "person,project,date,hours,cost_code,notes\n";
    auto first = ImportTime(header + "E100,P-100,2026-03-02,8,01-100,\nE100,P-100,2026-03-02,1,"
                                     "02-200,\n");
    ASSERT_TRUE(first) << first.error().ToString();
    EXPECT_EQ(first->Count(RowAction::kAdd), 2u);

    // The person named by e-mail and the project by name still describe the same entries.
    auto second = ImportTime(header + "ana@example.com,riverside tower,2026-03-02,7.5,01-100,"
                                      "rain\nE100,P-100,2026-03-02,1,02-200,\n");
    ASSERT_TRUE(second) << second.error().ToString();
    EXPECT_EQ(second->rows.at(0).action, RowAction::kUpdate);
    EXPECT_EQ(second->rows.at(0).id, first->rows.at(0).id);
    EXPECT_THAT(second->rows.at(0).changed_fields, ElementsAre("hours", "notes"));
    EXPECT_EQ(second->rows.at(1).action, RowAction::kUnchanged);
    EXPECT_EQ(TimeEntries().size(), 2u);
}

TEST_F(ImportTest, HoursAreDerivedFromTimeInAndOutLessLunch) {
    Seed();
    auto report = ImportTime(
        "person,project,date,hours,time_in,time_out,lunch_minutes\n"
        "E100,P-100,2026-03-02,,07:00,15:30,30\n"
        "E100,P-100,2026-03-03,,7:00,15:20,\n");
    ASSERT_TRUE(report) << report.error().ToString();
    const auto entries = TimeEntries();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].hours, Hours{800});
    EXPECT_EQ(entries[0].lunch_minutes, 30);
    EXPECT_EQ(entries[1].hours, Hours{833});  // 8 h 20 min, rounded to hundredths
    EXPECT_EQ(entries[1].time_in, TimeOfDay{7 * 60});
}

TEST_F(ImportTest, CreateMissingCreatesTimeEntryClassifications) {
    Seed();
    auto report = ImportTime("person,project,date,hours,classification\n"
                             "E100,P-100,2026-03-02,8,Foreman\n",
                             Options({&ImportOptions::create_missing}));
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_THAT(report->created_classifications, ElementsAre("Foreman"));
    EXPECT_EQ(TimeEntries().at(0).classification, "Foreman");
}

// ---------------------------------------------------------------------------------------------
// All or nothing, down to the bytes of the database file.

std::string LargePeopleFile(std::size_t rows, const std::string& last_row) {
    std::string text = "first_name,last_name,email,employee_id,groups,custom:Shirt size\n";
    for (std::size_t i = 1; i < rows; ++i) {
        text += "Worker,Number " + std::to_string(i) + ",worker" + std::to_string(i) +
                "@example.com,W" + std::to_string(i) + ",North,L\n";
    }
    return text + last_row + "\n";
}

TEST_F(ImportTest, FailedImportLeavesTheDatabaseFileByteForByteUnchanged) {
    Seed();
    const std::int64_t seq = LastSeq();
    Close();
    const std::string before = ReadBytes(DbPath());
    ASSERT_FALSE(before.empty());

    Open();
    // 4,999 good rows, then a bad one: the failure comes after every row was planned.
    const std::string file = LargePeopleFile(5000, "Last,Row,not-an-email,W5000,North,L");
    auto report = ImportPeople(file);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().problems(),
              std::vector<FieldProblem>{
                  P("5001:3", "email", "'not-an-email' is not an e-mail address")});
    Close();

    EXPECT_TRUE(ReadBytes(DbPath()) == before) << "the database file changed";
    std::error_code ec;
    const auto wal_size = fs::file_size(DbPath() + "-wal", ec);
    EXPECT_TRUE(ec || wal_size == 0) << "a -wal file with " << wal_size << " bytes remains";

    Open();
    EXPECT_EQ(People().size(), 2u);
    EXPECT_EQ(LastSeq(), seq);
}

TEST_F(ImportTest, TheSameLargeFileWithoutTheBadRowImportsEveryRow) {
    Seed();
    const std::string file = LargePeopleFile(5000, "Last,Row,last@example.com,W5000,North,L");
    std::vector<std::pair<std::size_t, std::size_t>> progress;
    ImportOptions options;
    options.progress = [&](std::size_t done, std::size_t total) {
        progress.emplace_back(done, total);
    };
    auto report = ImportPeople(file, options);
    ASSERT_TRUE(report) << report.error().ToString();
    EXPECT_EQ(report->Count(RowAction::kAdd), 5000u);
    EXPECT_EQ(People().size(), 5002u);
    ASSERT_FALSE(progress.empty());
    EXPECT_EQ(progress.back(), std::make_pair(std::size_t{5000}, std::size_t{5000}));
}

// ---------------------------------------------------------------------------------------------
// Export → import round trips.

class ImportRoundTripTest : public ImportTest {
protected:
    // A company whose text needs every kind of CSV quoting: commas, quotes, semicolons, tabs
    // and non-ASCII letters (validation rejects line breaks inside fields).
    void BuildCompany() {
        auto tx = Begin(store::TxMode::kWrite);
        for (const char* g : {"North", "Île-de-France", "East, Coast"}) {
            ASSERT_TRUE(tx->InsertGroup(Group{GroupId{}, g, ""}));
        }
        for (const char* c : {"Journeyman Electrician", "Foreman \"Lead\""}) {
            ASSERT_TRUE(tx->InsertClassification(
                Classification{ClassificationId{}, c, "", RecordStatus::kActive}));
        }
        Person jose;
        jose.first_name = "José";
        jose.last_name = "Núñez";
        jose.email = "jose.nunez@example.com";
        jose.employee_id = "E-001";
        jose.mobile_phone = "+34 600 123 456";
        jose.job_title = "Foreman, \"Night\" shift";
        jose.type = PersonType::kBoth;
        jose.permission = PermissionLevel::kEditor;
        jose.groups = {"Île-de-France", "East, Coast"};
        jose.classification = "Journeyman Electrician";
        jose.custom_fields = {{"Notes", "likes \"coffee\"; black, no sugar"},
                              {"Shirt size", "XL"}};
        Person zoe;
        zoe.first_name = "Zoë";
        zoe.last_name = "O'Brien";
        zoe.email = "Zoe.OBrien@Example.com";
        zoe.type = PersonType::kUser;
        zoe.status = RecordStatus::kInactive;
        zoe.custom_fields = {{"Tabbed", "a\tb"}};
        Person ana;
        ana.first_name = "Ana";
        ana.last_name = "Ruiz, Jr.";
        ana.employee_id = "007";
        ana.groups = {"North"};
        ana.classification = "Foreman \"Lead\"";
        Person li;
        li.first_name = "李";
        li.last_name = "雷";
        li.email = "li.lei@example.com";
        for (const Person& p : {jose, zoe, ana, li}) {
            auto id = records::AddPerson(*tx, p, {});
            ASSERT_TRUE(id) << id.error().ToString();
        }
        Project riverside;
        riverside.name = "Riverside Tower";
        riverside.project_number = "P-100";
        riverside.start_date = D(2026, 1, 5);
        riverside.planned_end_date = D(2026, 12, 18);
        riverside.address = "1 Main St, Suite 5";
        riverside.city = "Zürich";
        riverside.postal_code = "8001";
        riverside.time_zone = "Europe/Zurich";
        riverside.groups = {"North", "East, Coast"};
        Project depot;
        depot.name = "Dépôt \"Nord\"";
        depot.status = RecordStatus::kInactive;
        depot.start_date = D(2025, 11, 3);
        for (const Project& p : {riverside, depot}) {
            auto id = records::AddProject(*tx, p);
            ASSERT_TRUE(id) << id.error().ToString();
        }
        TimeEntry shift;
        shift.person = PersonId{1};
        shift.project = ProjectId{1};
        shift.date = D(2026, 3, 2);
        shift.time_in = TimeOfDay{7 * 60};
        shift.time_out = TimeOfDay{15 * 60 + 30};
        shift.lunch_minutes = 30;
        shift.classification = "Journeyman Electrician";
        shift.cost_code = "01-100";
        shift.notes = "Pour, \"slab\" 3; north side";
        shift.source_ref = "TC-1";
        shift.approval = ApprovalStatus::kApproved;
        TimeEntry hours;
        hours.person = PersonId{3};
        hours.project = ProjectId{2};
        hours.date = D(2026, 3, 3);
        hours.hours = Hours{725};
        hours.classification = "Foreman \"Lead\"";
        for (const TimeEntry& e : {shift, hours}) {
            auto id = records::AddTimeEntry(*tx, e);
            ASSERT_TRUE(id) << id.error().ToString();
        }
        ASSERT_TRUE(tx->Commit());
    }

    struct Exports {
        std::string people, projects, time;
    };
    Exports Export(bool without_ids) {
        auto tx = Begin(store::TxMode::kRead);
        const records::ExportOptions options{.without_ids = without_ids};
        return {records::ExportPeople(*tx, options).value(),
                records::ExportProjects(*tx, options).value(),
                records::ExportTimeEntries(*tx, {}, options).value()};
    }
};

TEST_F(ImportRoundTripTest, ExportThenImportIntoTheSameWorkspaceChangesNothing) {
    BuildCompany();
    const Exports exported = Export(false);
    const std::int64_t seq = LastSeq();
    const auto people = People();

    for (auto [what, report] :
         {std::pair{"people", ImportPeople(exported.people)},
          std::pair{"projects", ImportProjects(exported.projects)},
          std::pair{"time", ImportTime(exported.time)}}) {
        ASSERT_TRUE(report) << what << ": " << report.error().ToString();
        EXPECT_EQ(report->Count(RowAction::kAdd), 0u) << what;
        EXPECT_EQ(report->Count(RowAction::kUpdate), 0u) << what;
        EXPECT_EQ(report->Count(RowAction::kUnchanged), report->rows.size()) << what;
        EXPECT_EQ(report->rows.size(), what == std::string("people") ? 4u : 2u) << what;
    }
    EXPECT_EQ(LastSeq(), seq);
    EXPECT_EQ(People(), people);
    EXPECT_EQ(Export(false).people, exported.people);
}

TEST_F(ImportRoundTripTest, ExportWithoutIdsIntoAFreshWorkspaceExportsTheSameText) {
    BuildCompany();
    const Exports original = Export(true);
    EXPECT_EQ(original.people.substr(0, original.people.find("\r\n")),
              "first_name,last_name,email,employee_id,mobile_phone,job_title,status,type,"
              "permission,classification,groups,custom:Notes,custom:Shirt size,custom:Tabbed");
    EXPECT_NE(original.people.find("\"Foreman, \"\"Night\"\" shift\""), std::string::npos)
        << original.people;
    Close();

    Open("fresh.db");
    const ImportOptions options = Options({&ImportOptions::create_missing});
    auto people = ImportPeople(original.people, options);
    ASSERT_TRUE(people) << people.error().ToString();
    // In the order the file first names them (a person's groups are exported by name).
    EXPECT_THAT(people->created_groups, ElementsAre("East, Coast", "Île-de-France", "North"));
    EXPECT_THAT(people->created_classifications,
                ElementsAre("Journeyman Electrician", "Foreman \"Lead\""));
    auto projects = ImportProjects(original.projects, options);
    ASSERT_TRUE(projects) << projects.error().ToString();
    auto time = ImportTime(original.time, options);
    ASSERT_TRUE(time) << time.error().ToString();
    EXPECT_EQ(time->Count(RowAction::kAdd), 2u);

    const Exports again = Export(true);
    EXPECT_EQ(again.people, original.people);
    EXPECT_EQ(again.projects, original.projects);
    EXPECT_EQ(again.time, original.time);
}

TEST_F(ImportRoundTripTest, TimeExportWithoutIdsNamesProjectsWithoutANumberByName) {
    BuildCompany();
    const Exports original = Export(true);
    Close();

    // The other workspace already has a project, so crewsync ids differ between the two.
    Open("other.db");
    {
        auto tx = Begin(store::TxMode::kWrite);
        Project yard;
        yard.name = "Yard";
        ASSERT_TRUE(records::AddProject(*tx, yard));
        ASSERT_TRUE(tx->Commit());
    }
    const ImportOptions options = Options({&ImportOptions::create_missing});
    ASSERT_TRUE(ImportPeople(original.people, options));
    ASSERT_TRUE(ImportProjects(original.projects, options));
    auto time = ImportTime(original.time, options);
    ASSERT_TRUE(time) << time.error().ToString();
    auto tx = Begin(store::TxMode::kRead);
    const auto depot = tx->ListProjects({}).value().at(2);
    ASSERT_EQ(depot.name, "Dépôt \"Nord\"");
    store::TimeEntryFilter filter;
    filter.project = depot.id;
    EXPECT_EQ(tx->ListTimeEntries(filter).value().size(), 1u)
        << "the Dépôt hours went to another project:\n" << original.time;
}

}  // namespace
}  // namespace crewsync
