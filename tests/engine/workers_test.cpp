// Workers and classifications from Procore (product.md §6): `workers import` turns Procore's
// employee users into people (required fields, employee ID as payroll ID, classification as
// position with the setting on), matched by link then e-mail so a re-run never duplicates; the
// classification sync creates what either side is missing, matching names without case.
#include <algorithm>
#include <map>
#include <set>

#include "engine/classification_sync.hpp"
#include "engine/run_lock.hpp"
#include "engine/sync_fixture.hpp"
#include "engine/workers_import.hpp"

namespace crewsync::engine::testing {
namespace {

class WorkersImport : public SyncTest {
protected:
    WorkersOutcome Import(bool dry_run = false) {
        WorkersEnvironment env{*store_, api(), store_clock_, classification_sync_, LockPath(),
                               {},      batch_};
        WorkersImportRequest request;
        request.dry_run = dry_run;
        Result<WorkersOutcome> outcome = RunWorkersImport(request, env);
        EXPECT_TRUE(outcome) << outcome.error().ToString();
        if (!outcome) return {};
        return std::move(*outcome);
    }

    ClassificationSyncOutcome SyncClassifications(bool dry_run = false) {
        ClassificationSyncEnvironment env{*store_, api(), store_clock_, LockPath(), {}};
        ClassificationSyncRequest request;
        request.dry_run = dry_run;
        Result<ClassificationSyncOutcome> outcome = RunClassificationSync(request, env);
        EXPECT_TRUE(outcome) << outcome.error().ToString();
        if (!outcome) return {};
        return std::move(*outcome);
    }

    // A Directory user with every field the import needs, created through the API.
    static UserFields Worker(const std::string& first, const std::string& last,
                             const std::string& email) {
        UserFields f;
        f.first_name = first;
        f.last_name = last;
        f.email_address = email;
        f.mobile_phone = "(312) 555-0100";
        f.is_employee = true;
        return f;
    }

    // A user put straight into the emulator's Directory, so it may lack what the API requires
    // (an e-mail).
    ProcoreId PutUser(const Json& fields) {
        const Timestamp now = emulator_.services().clock.Now();
        return WithCompany([&](emulator::Company& company, emulator::State& state) {
            const ProcoreId id = state.NextId();
            company.users.Put(emulator::NewUserRecord(id, fields, now));
            return id;
        });
    }

    static Json CompleteUser(const std::string& first, const std::string& email) {
        return Json{{"first_name", first},         {"last_name", "Tester"},
                    {"email_address", email},      {"mobile_phone", "312-555-0101"},
                    {"is_employee", true},         {"is_active", true}};
    }

    // Lines about one Directory user.
    std::vector<store::RunLine> LinesOfUser(std::int64_t run_id, ProcoreId user) {
        std::vector<store::RunLine> out;
        for (store::RunLine& l : Lines(run_id)) {
            if (l.procore_kind == "user" && l.procore_id == user) out.push_back(std::move(l));
        }
        return out;
    }

    ProcoreId CreateWorkClassification(const std::string& name, const std::string& abbreviation) {
        auto created = api().CreateClassification(name, abbreviation);
        EXPECT_TRUE(created) << created.error().ToString();
        return created ? created->id : 0;
    }

    void AddClassification(const std::string& name, const std::string& abbreviation,
                           RecordStatus status = RecordStatus::kActive) {
        Write([&](store::Transaction& tx) {
            Classification c;
            c.name = name;
            c.abbreviation = abbreviation;
            c.status = status;
            auto inserted = tx.InsertClassification(c);
            ASSERT_TRUE(inserted) << inserted.error().ToString();
        });
    }

    std::vector<Classification> Positions() {
        return Read([](store::Transaction& tx) {
            auto all = tx.ListClassifications();
            EXPECT_TRUE(all);
            return all ? *all : std::vector<Classification>{};
        });
    }

    // Procore's work classifications as name → abbreviation ("" for none).
    std::map<std::string, std::string> WorkClassifications() {
        return WithCompany([](emulator::Company& company, emulator::State&) {
            std::map<std::string, std::string> out;
            for (const auto& [id, record] : company.work_classifications.All()) {
                const Json abbreviation = record.value("abbreviation", Json());
                out[record.value("name", "")] =
                    abbreviation.is_string() ? abbreviation.get<std::string>() : "";
            }
            return out;
        });
    }

    bool classification_sync_ = false;
    std::size_t batch_ = 500;
};

using Classifications = WorkersImport;

TEST_F(WorkersImport, ACompleteEmployeeUserBecomesALinkedPersonOfTypeBoth) {
    UserFields fields = Worker("Ana", "Lopez", "ana@example.com");
    fields.employee_id = "E-100";
    fields.job_title = "Foreman";
    const procore::RemoteUser ana = CreateDirectoryUser(fields);

    const WorkersOutcome run = Import();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run.run.id));
    EXPECT_EQ(run.run.kind, "workers");
    EXPECT_EQ(run.run.trigger, "manual");
    EXPECT_EQ(run.run.counts.created, 1);
    const auto people = People();
    ASSERT_EQ(people.size(), 1u);
    const Person& p = people[0];
    EXPECT_EQ(p.first_name, "Ana");
    EXPECT_EQ(p.last_name, "Lopez");
    EXPECT_EQ(p.email, "ana@example.com");
    EXPECT_EQ(p.mobile_phone, "(312) 555-0100");
    EXPECT_EQ(p.employee_id, "E-100") << "the employee ID becomes the payroll ID";
    EXPECT_EQ(p.job_title, "Foreman");
    EXPECT_EQ(p.type, PersonType::kBoth);
    EXPECT_EQ(p.status, RecordStatus::kActive);
    const auto link = LinkOf(p.id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, ana.id);
    EXPECT_EQ(link->how, "created") << "in the sync core's words, which the people sync reads";
    EXPECT_TRUE(HasLine(LinesOfUser(run.run.id, ana.id), "create person", "done",
                        "added to crewsync as person"))
        << Dump(Lines(run.run.id));
}

TEST_F(WorkersImport, ARerunUpdatesTheSamePersonAndNeverDuplicates) {
    const procore::RemoteUser ana = CreateDirectoryUser(Worker("Ana", "Lopez", "ana@example.com"));
    ASSERT_EQ(Import().run.counts.created, 1);
    const PersonId id = People().at(0).id;
    UserFields phone;
    phone.mobile_phone = "(312) 555-0199";
    EditDirectoryUser(ana.id, phone);

    const WorkersOutcome second = Import();

    EXPECT_EQ(second.run.status, "succeeded") << second.run.summary;
    EXPECT_EQ(second.run.counts.created, 0);
    EXPECT_EQ(second.run.counts.updated, 1);
    const auto people = People();
    ASSERT_EQ(people.size(), 1u) << "updated, not duplicated";
    EXPECT_EQ(people[0].id, id);
    EXPECT_EQ(people[0].mobile_phone, "(312) 555-0199");
    EXPECT_TRUE(HasLine(LinesOfUser(second.run.id, ana.id), "update person", "done",
                        "mobile phone '(312) 555-0100' → '(312) 555-0199'"))
        << Dump(Lines(second.run.id));

    const WorkersOutcome third = Import();

    EXPECT_EQ(third.run.counts.created, 0);
    EXPECT_EQ(third.run.counts.updated, 0);
    EXPECT_EQ(third.run.counts.unchanged, 1);
    EXPECT_TRUE(LinesOfUser(third.run.id, ana.id).empty()) << "only changed people are written";
    EXPECT_EQ(People().size(), 1u);
}

TEST_F(WorkersImport, AUserMissingARequiredFieldIsSkippedAndTheLogNamesTheField) {
    Json no_first = CompleteUser("", "a@example.com");
    no_first.erase("first_name");
    Json no_last = CompleteUser("Bo", "b@example.com");
    no_last["last_name"] = nullptr;
    Json no_email = CompleteUser("Cy", "");
    no_email.erase("email_address");
    Json no_mobile = CompleteUser("Di", "d@example.com");
    no_mobile["mobile_phone"] = "  ";
    Json not_employee = CompleteUser("Ed", "e@example.com");
    not_employee["is_employee"] = false;
    const std::vector<std::pair<ProcoreId, std::string>> expected = {
        {PutUser(no_first), "not imported: first name missing"},
        {PutUser(no_last), "not imported: last name missing"},
        {PutUser(no_email), "not imported: e-mail missing"},
        {PutUser(no_mobile), "not imported: mobile phone missing"},
        {PutUser(not_employee), "not imported: not marked as an employee in Procore"},
    };

    const WorkersOutcome run = Import();

    EXPECT_EQ(run.run.status, "succeeded") << "skipped users are not failures";
    EXPECT_TRUE(People().empty());
    EXPECT_GE(run.run.counts.skipped, 5);
    EXPECT_EQ(run.run.counts.failed, 0);
    for (const auto& [user, message] : expected) {
        const auto lines = LinesOfUser(run.run.id, user);
        ASSERT_EQ(lines.size(), 1u) << "user " << user << "\n" << Dump(Lines(run.run.id));
        EXPECT_EQ(lines[0].action, "skip");
        EXPECT_EQ(lines[0].outcome, "skipped");
        EXPECT_EQ(lines[0].message, message);
    }
}

TEST_F(WorkersImport, EveryMissingFieldIsNamedInOneLine) {
    Json bare = CompleteUser("", "f@example.com");
    bare.erase("first_name");
    bare.erase("mobile_phone");
    bare["is_employee"] = false;
    const ProcoreId user = PutUser(bare);

    const WorkersOutcome run = Import();

    const auto lines = LinesOfUser(run.run.id, user);
    ASSERT_EQ(lines.size(), 1u) << Dump(Lines(run.run.id));
    EXPECT_EQ(lines[0].message, "not imported: not marked as an employee in Procore; first name "
                                "and mobile phone missing");
}

TEST_F(WorkersImport, TheEmployeeIdUpdatesThePayrollIdAndAnEmptyOneKeepsCrewsyncs) {
    UserFields with_id = Worker("Ana", "Lopez", "ana@example.com");
    with_id.employee_id = "E-7";
    const procore::RemoteUser ana = CreateDirectoryUser(with_id);
    const procore::RemoteUser bo = CreateDirectoryUser(Worker("Bo", "Berg", "bo@example.com"));
    Person ana_person = MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "OLD-1");
    ana_person.mobile_phone = "(312) 555-0100";
    const PersonId ana_id = AddPerson(ana_person);
    const PersonId bo_id =
        AddPerson(MakePerson(PersonType::kAssignable, "Bo", "Berg", "bo@example.com", "P-2"));

    const WorkersOutcome run = Import();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run.run.id));
    EXPECT_EQ(GetPerson(ana_id).employee_id, "E-7");
    EXPECT_EQ(GetPerson(bo_id).employee_id, "P-2") << "Procore had none: crewsync's stays";
    EXPECT_EQ(LinkOf(ana_id, "user")->procore_id, ana.id);
    EXPECT_EQ(LinkOf(bo_id, "user")->procore_id, bo.id);
}

TEST_F(WorkersImport, AnExistingPersonWithTheUsersEmailIsLinkedInsteadOfCreated) {
    const procore::RemoteUser cat = CreateDirectoryUser(Worker("Cat", "Moreno", "cat@example.com"));
    const PersonId id =
        AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", " CAT@example.com "));

    const WorkersOutcome run = Import();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run.run.id));
    ASSERT_EQ(People().size(), 1u) << "linked, not duplicated";
    const auto link = LinkOf(id, "user");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, cat.id);
    EXPECT_EQ(link->how, "matched");
    const Person p = GetPerson(id);
    EXPECT_EQ(p.type, PersonType::kAssignable) << "an existing person keeps its type";
    EXPECT_EQ(p.email, "cat@example.com");
    EXPECT_EQ(p.mobile_phone, "(312) 555-0100");
    EXPECT_TRUE(HasLine(LinesOfUser(run.run.id, cat.id), "link", "done", "by e-mail"))
        << Dump(Lines(run.run.id));
    EXPECT_EQ(Import().run.counts.unchanged, 1) << "the next run finds the link";
}

TEST_F(WorkersImport, APeopleSyncAfterAnImportFindsThePeopleLinkedAndChangesNothing) {
    CreateDirectoryUser(Worker("Ana", "Lopez", "ana@example.com"));
    const procore::RemoteUser cat = CreateDirectoryUser(Worker("Cat", "Moreno", "cat@example.com"));
    AddPerson(MakePerson(PersonType::kUser, "Cat", "Moreno", "cat@example.com"));
    ASSERT_EQ(Import().run.status, "succeeded");
    const std::int64_t users_before = UserCount();
    ResetCalls();

    SyncRequest request;
    request.scope = SyncScope::kPeople;
    const SyncOutcome sync = Sync(request);

    EXPECT_EQ(sync.run.status, "succeeded") << sync.run.summary << "\n" << Dump(Lines(sync));
    EXPECT_EQ(sync.run.counts.created, 0) << Dump(Lines(sync));
    EXPECT_EQ(UserCount(), users_before) << "no second Directory user for an imported person";
    EXPECT_EQ(Text(UserRecord(cat.id), "email_address"), "cat@example.com");
}

TEST_F(WorkersImport, AnEmailHeldByAPersonLinkedToAnotherUserIsNotDuplicated) {
    const procore::RemoteUser dee = CreateDirectoryUser(Worker("Dee", "Park", "dee@example.com"));
    const PersonId id = AddPerson(MakePerson(PersonType::kUser, "Dee", "Park", "dee@example.com"));
    PutLink({store::Entity::kPerson, id.value(), "user", 987654321, "matched", ""});

    const WorkersOutcome run = Import();

    EXPECT_EQ(People().size(), 1u);
    EXPECT_EQ(run.run.counts.conflicts, 1);
    EXPECT_EQ(run.run.status, "succeeded");
    EXPECT_TRUE(HasLine(LinesOfUser(run.run.id, dee.id), "skip", "skipped",
                        "linked to Directory user 987654321"))
        << Dump(Lines(run.run.id));
}

TEST_F(WorkersImport, AnEmployeeIdAnotherPersonHoldsIsNotDuplicated) {
    UserFields fields = Worker("Eve", "Stone", "eve@example.com");
    fields.employee_id = "E-9";
    const procore::RemoteUser eve = CreateDirectoryUser(fields);
    AddPerson(MakePerson(PersonType::kAssignable, "Someone", "Else", "", "E-9"));

    const WorkersOutcome run = Import();

    EXPECT_EQ(People().size(), 1u);
    EXPECT_TRUE(HasLine(LinesOfUser(run.run.id, eve.id), "skip", "skipped",
                        "employee ID E-9 already belongs to crewsync person 1"))
        << Dump(Lines(run.run.id));
}

TEST_F(WorkersImport, APersonFailingValidationIsAFailedLineAndTheRestGoOn) {
    Json bad = CompleteUser("Fay", "fay@example.com");
    bad["mobile_phone"] = "call the office";
    const ProcoreId fay = PutUser(bad);
    const procore::RemoteUser gus = CreateDirectoryUser(Worker("Gus", "Hale", "gus@example.com"));

    const WorkersOutcome run = Import();

    EXPECT_EQ(run.run.status, "partial");
    EXPECT_EQ(run.run.counts.failed, 1);
    EXPECT_EQ(run.run.counts.created, 1);
    ASSERT_EQ(People().size(), 1u);
    EXPECT_EQ(People()[0].email, "gus@example.com");
    EXPECT_TRUE(HasLine(LinesOfUser(run.run.id, fay), "import", "failed",
                        "mobile phone: 'call the office' is not a phone number"))
        << Dump(Lines(run.run.id));
    EXPECT_TRUE(HasLine(LinesOfUser(run.run.id, gus.id), "create person", "done"));
}

TEST_F(WorkersImport, PeopleAreWrittenInBatchesAndEveryOneIsLogged) {
    batch_ = 2;
    for (int i = 0; i < 5; ++i) {
        CreateDirectoryUser(Worker("W" + std::to_string(i), "Batch",
                                   "w" + std::to_string(i) + "@example.com"));
    }

    const WorkersOutcome run = Import();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary;
    EXPECT_EQ(run.run.counts.created, 5);
    EXPECT_EQ(People().size(), 5u);
    EXPECT_EQ(Links().size(), 5u);
}

TEST_F(WorkersImport, TheClassificationBecomesThePositionOnlyWithTheSettingOn) {
    const ProcoreId carpenter = CreateWorkClassification("Carpenter", "CARP");
    UserFields fields = Worker("Hal", "Ives", "hal@example.com");
    fields.work_classification_id = carpenter;
    CreateDirectoryUser(fields);

    const WorkersOutcome off = Import();

    ASSERT_EQ(off.run.status, "succeeded") << off.run.summary;
    EXPECT_FALSE(off.plan.classifications);
    EXPECT_EQ(People().at(0).classification, "");
    EXPECT_TRUE(Positions().empty()) << "no classification sync with the setting off";

    classification_sync_ = true;
    const WorkersOutcome on = Import();

    EXPECT_EQ(on.run.status, "succeeded") << on.run.summary << "\n" << Dump(Lines(on.run.id));
    ASSERT_EQ(Positions().size(), 1u);
    EXPECT_EQ(Positions()[0].name, "Carpenter");
    EXPECT_EQ(Positions()[0].abbreviation, "CARP");
    EXPECT_EQ(People().at(0).classification, "Carpenter");
    EXPECT_EQ(on.run.counts.updated, 1);
    EXPECT_TRUE(HasLine(Lines(on.run.id), "create classification", "done"));
    EXPECT_TRUE(
        HasLine(Lines(on.run.id), "update person", "done", "position (none) → 'Carpenter'"))
        << Dump(Lines(on.run.id));
}

TEST_F(WorkersImport, APositionSpelledWithOtherCaseIsKeptAndNothingChanges) {
    const ProcoreId je = CreateWorkClassification("Journeyman Electrician", "JE");
    AddClassification("journeyman electrician", "");
    UserFields fields = Worker("Ida", "Jones", "ida@example.com");
    fields.work_classification_id = je;
    CreateDirectoryUser(fields);
    classification_sync_ = true;

    const WorkersOutcome first = Import();
    const WorkersOutcome second = Import();

    EXPECT_EQ(first.run.status, "succeeded") << first.run.summary;
    EXPECT_EQ(People().at(0).classification, "journeyman electrician");
    EXPECT_EQ(Positions().size(), 1u);
    EXPECT_EQ(WorkClassifications().size(), 1u);
    EXPECT_EQ(second.run.counts.created, 0);
    EXPECT_EQ(second.run.counts.updated, 0);
    EXPECT_EQ(second.run.counts.unchanged, 1);
}

TEST_F(WorkersImport, ADryRunWritesNothingAnywhereAndShowsThePlan) {
    const ProcoreId carpenter = CreateWorkClassification("Carpenter", "");
    AddClassification("Foreman", "FM");
    UserFields fields = Worker("Jo", "King", "jo@example.com");
    fields.work_classification_id = carpenter;
    const procore::RemoteUser jo = CreateDirectoryUser(fields);
    classification_sync_ = true;
    ResetCalls();

    const WorkersOutcome dry = Import(true);

    EXPECT_EQ(dry.run.id, 0);
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_TRUE(People().empty());
    EXPECT_TRUE(Links().empty());
    EXPECT_TRUE(Runs().empty()) << "a dry run keeps no log";
    EXPECT_EQ(Positions().size(), 1u);
    EXPECT_EQ(WorkClassifications().size(), 1u);
    ASSERT_TRUE(dry.plan.classifications);
    ASSERT_EQ(dry.plan.classifications->to_crewsync.size(), 1u);
    EXPECT_EQ(dry.plan.classifications->to_crewsync[0].name, "Carpenter");
    ASSERT_EQ(dry.plan.classifications->to_procore.size(), 1u);
    EXPECT_EQ(dry.plan.classifications->to_procore[0].name, "Foreman");
    const auto step = std::find_if(dry.plan.steps.begin(), dry.plan.steps.end(),
                                   [&](const WorkerStep& s) { return s.user_id == jo.id; });
    ASSERT_NE(step, dry.plan.steps.end());
    EXPECT_EQ(step->action, WorkerAction::kCreate) << step->message;
    EXPECT_EQ(step->person.classification, "Carpenter") << "the position the run would make";
}

TEST_F(WorkersImport, ARunWhileAnotherHoldsTheLockIsRefused) {
    CreateDirectoryUser(Worker("Kim", "Lee", "kim@example.com"));
    auto held = RunLock::Acquire(LockPath());
    ASSERT_TRUE(held) << held.error().ToString();

    WorkersEnvironment env{*store_, api(), store_clock_, false, LockPath(), {}, batch_};
    const Result<WorkersOutcome> refused = RunWorkersImport({}, env);

    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::kConflict);
    EXPECT_TRUE(People().empty());
    EXPECT_TRUE(Runs().empty());
}

TEST_F(Classifications, MissingOnesAreCreatedOnBothSidesAndNamesMatchWithoutCase) {
    CreateWorkClassification("Journeyman Electrician", "JE");
    CreateWorkClassification("Carpenter", "CARP");
    AddClassification("journeyman electrician", "");
    AddClassification("Foreman", "FM");

    const ClassificationSyncOutcome run = SyncClassifications();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run.run.id));
    EXPECT_EQ(run.run.kind, "classifications");
    EXPECT_EQ(run.run.counts.created, 2);
    EXPECT_EQ(run.run.counts.unchanged, 1);
    std::set<std::string> names;
    for (const Classification& c : Positions()) names.insert(c.name);
    EXPECT_EQ(names, (std::set<std::string>{"journeyman electrician", "Foreman", "Carpenter"}));
    for (const Classification& c : Positions()) {
        if (c.name == "Carpenter") {
            EXPECT_EQ(c.abbreviation, "CARP");
        }
    }
    EXPECT_EQ(WorkClassifications(),
              (std::map<std::string, std::string>{
                  {"Journeyman Electrician", "JE"}, {"Carpenter", "CARP"}, {"Foreman", "FM"}}));
    EXPECT_TRUE(HasLine(Lines(run.run.id), "create classification", "done",
                        "from Procore work classification"));
    EXPECT_TRUE(HasLine(Lines(run.run.id), "create work classification", "done",
                        "created in Procore"));

    const ClassificationSyncOutcome again = SyncClassifications();

    EXPECT_EQ(again.run.status, "succeeded");
    EXPECT_EQ(again.run.counts.created, 0);
    EXPECT_EQ(again.run.counts.unchanged, 3);
    EXPECT_EQ(Positions().size(), 3u);
    EXPECT_EQ(WorkClassifications().size(), 3u);
}

TEST_F(Classifications, AnInactivePositionIsNotSentToProcore) {
    AddClassification("Retired Trade", "", RecordStatus::kInactive);

    const ClassificationSyncOutcome run = SyncClassifications();

    EXPECT_EQ(run.run.counts.created, 0);
    EXPECT_TRUE(WorkClassifications().empty());
}

TEST_F(Classifications, ADryRunWritesNothing) {
    CreateWorkClassification("Carpenter", "");
    AddClassification("Foreman", "");
    ResetCalls();

    const ClassificationSyncOutcome dry = SyncClassifications(true);

    EXPECT_EQ(dry.run.id, 0);
    EXPECT_EQ(dry.plan.to_crewsync.size(), 1u);
    EXPECT_EQ(dry.plan.to_procore.size(), 1u);
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(Positions().size(), 1u);
    EXPECT_TRUE(Runs().empty());
}

TEST_F(Classifications, ANameCrewsyncCannotHoldFailsAloneAndTheRestIsCreated) {
    CreateWorkClassification("Pipe; Steam Fitter", "");
    CreateWorkClassification("Mason", "");

    const ClassificationSyncOutcome run = SyncClassifications();

    EXPECT_EQ(run.run.status, "partial");
    EXPECT_EQ(run.run.counts.failed, 1);
    EXPECT_EQ(run.run.counts.created, 1);
    ASSERT_EQ(Positions().size(), 1u);
    EXPECT_EQ(Positions()[0].name, "Mason");
    EXPECT_TRUE(HasLine(Lines(run.run.id), "create classification", "failed", "';'"))
        << Dump(Lines(run.run.id));
}

}  // namespace
}  // namespace crewsync::engine::testing
