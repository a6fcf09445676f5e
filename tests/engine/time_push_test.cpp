// The timesheet push against the emulator (product.md §6): every entry becomes one Procore
// timecard on the linked project, exactly once — re-runs create nothing, edits update the same
// timecard, a push killed between the create and the ledger write does not duplicate — workers
// without a Procore record get a contact first, missing classifications are created and
// attached, and entries that cannot be pushed are rejected with the reason in the run log.
#include <gtest/gtest.h>

#include <set>

#include "engine/time_push.hpp"
#include "engine/time_reconcile.hpp"
#include "model/text.hpp"
#include "sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

Date D(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Hours H(int hundredths) { return Hours{hundredths}; }

class TimePushTest : public SyncTest {
protected:
    void SetUp() override {
        SyncTest::SetUp();
        if (HasFatalFailure()) return;
        Connect();
        if (HasFatalFailure()) return;
        project_ = AddProject(MakeProject("P-100", "Riverside Clinic"));
        ProjectFields fields;
        fields.name = "Riverside Clinic";
        fields.project_number = "P-100";
        procore_project_ = CreateProcoreProject(fields).id;
        PutLink({store::Entity::kProject, project_.value(), "project", procore_project_,
                 "matched", ""});
    }

    // An assignable worker linked to a new Directory contact.
    PersonId LinkedWorker(const std::string& first, const std::string& last,
                          const std::string& employee_id) {
        const PersonId id = AddPerson(MakePerson(PersonType::kAssignable, first, last, "",
                                                 employee_id));
        PersonFields fields;
        fields.first_name = first;
        fields.last_name = last;
        fields.employee_id = employee_id;
        fields.is_employee = true;
        const ProcoreId contact = CreateDirectoryContact(fields).id;
        PutLink({store::Entity::kPerson, id.value(), "contact", contact, "matched", ""});
        return id;
    }

    TimeEntryId AddEntry(PersonId person, Date date, Hours hours,
                         const std::function<void(TimeEntry&)>& change = {}) {
        TimeEntry e;
        e.person = person;
        e.project = project_;
        e.date = date;
        e.hours = hours;
        if (change) change(e);
        TimeEntryId id;
        Write([&](store::Transaction& tx) {
            auto inserted = tx.InsertTimeEntry(e);
            ASSERT_TRUE(inserted) << inserted.error().ToString();
            id = *inserted;
        });
        return id;
    }

    void EditEntry(TimeEntryId id, const std::function<void(TimeEntry&)>& change) {
        Write([&](store::Transaction& tx) {
            auto stored = tx.GetTimeEntry(id);
            ASSERT_TRUE(stored && *stored);
            TimeEntry e = **stored;
            change(e);
            const Status updated = tx.UpdateTimeEntry(e);
            ASSERT_TRUE(updated) << updated.error().ToString();
        });
    }

    void AddClassification(const std::string& name, const std::string& abbreviation) {
        Write([&](store::Transaction& tx) {
            Classification c;
            c.name = name;
            c.abbreviation = abbreviation;
            auto inserted = tx.InsertClassification(c);
            ASSERT_TRUE(inserted) << inserted.error().ToString();
        });
    }

    TimePushOutcome Push(TimePushRequest request = {}) {
        SyncEnvironment env{*store_, api(), store_clock_, settings_, LockPath(), {}, executor_};
        request.default_time_zone = "America/Chicago";
        Result<TimePushOutcome> outcome = RunTimePush(request, env);
        EXPECT_TRUE(outcome) << outcome.error().ToString();
        if (!outcome) return {};
        return std::move(*outcome);
    }

    // Procore's timecard entries that are not deleted, by id.
    std::map<ProcoreId, Json> Timecards() {
        return WithCompany([](emulator::Company& company, emulator::State&) {
            std::map<ProcoreId, Json> out;
            for (const auto& [id, record] : company.timecard_entries.All()) {
                if (record.value("deleted_at", Json()).is_null()) out.emplace(id, record);
            }
            return out;
        });
    }

    std::vector<Json> TimecardsWithOrigin(const std::string& origin) {
        std::vector<Json> out;
        for (const auto& [id, record] : Timecards()) {
            if (record.value("origin_id", Json()) == Json(origin)) out.push_back(record);
        }
        return out;
    }

    std::vector<store::TimecardLedgerRow> Ledger() {
        return Read([](store::Transaction& tx) {
            auto rows = tx.ListTimecardLedger();
            EXPECT_TRUE(rows);
            return rows ? *rows : std::vector<store::TimecardLedgerRow>{};
        });
    }

    std::optional<store::TimecardLedgerRow> LedgerOf(TimeEntryId id) {
        for (const auto& row : Ledger()) {
            if (row.time_entry_id == id.value()) return row;
        }
        return std::nullopt;
    }

    static ProcoreId PartyOf(const Json& timecard) {
        return timecard["party"].is_object() ? timecard["party"].value("id", ProcoreId{0}) : 0;
    }

    std::int64_t ClassificationsNamed(const std::string& name) {
        return WithCompany([&](emulator::Company& company, emulator::State&) {
            std::int64_t n = 0;
            for (const auto& [id, record] : company.work_classifications.All()) {
                if (AsciiLower(record.value("name", "")) == AsciiLower(name)) ++n;
            }
            return n;
        });
    }

    static std::string Origin(TimeEntryId id) {
        return "crewsync:time:" + std::to_string(id.value());
    }

    ProjectId project_;
    ProcoreId procore_project_ = 0;
};

TEST_F(TimePushTest, EveryEntryBecomesOneTimecardOnTheLinkedProject) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const ProcoreId contact = LinkOf(ann, "contact")->procore_id;
    std::vector<TimeEntryId> entries;
    for (unsigned day = 16; day <= 20; ++day) {
        entries.push_back(AddEntry(ann, D(2026, 11, day), H(800), [](TimeEntry& e) {
            e.notes = "framing level 2";
        }));
    }
    ResetCalls();
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.status, "succeeded") << outcome.run.summary;
    EXPECT_EQ(outcome.run.counts.created, 5);
    EXPECT_EQ(WriteCalls(), 1) << "five entries of one project: one bulk create";

    const auto timecards = Timecards();
    ASSERT_EQ(timecards.size(), 5u);
    for (const TimeEntryId id : entries) {
        const auto found = TimecardsWithOrigin(Origin(id));
        ASSERT_EQ(found.size(), 1u) << Origin(id);
        const Json& t = found[0];
        EXPECT_EQ(t["project"]["id"], procore_project_);
        EXPECT_EQ(PartyOf(t), contact);
        EXPECT_EQ(t["hours"], "8.00");
        EXPECT_EQ(t["description"], "framing level 2");
        const auto row = LedgerOf(id);
        ASSERT_TRUE(row);
        EXPECT_EQ(row->status, "sent");
        EXPECT_EQ(row->timecard_id, t["id"].get<ProcoreId>());
        EXPECT_EQ(row->hours, "8.00");
    }
    EXPECT_EQ(TimecardsWithOrigin(Origin(entries[0]))[0]["date"], "2026-11-16");
}

TEST_F(TimePushTest, ReRunningAPushCreatesNothing) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    for (unsigned day = 16; day <= 20; ++day) AddEntry(ann, D(2026, 11, day), H(800));
    Push();
    ResetCalls();
    const TimePushOutcome again = Push();
    EXPECT_EQ(again.run.status, "succeeded");
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(again.run.counts.created, 0);
    EXPECT_EQ(again.run.counts.unchanged, 5);
    EXPECT_EQ(Timecards().size(), 5u);
}

TEST_F(TimePushTest, AnEditedEntryUpdatesTheTimecardItCreated) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const TimeEntryId entry = AddEntry(ann, D(2026, 11, 16), H(800));
    Push();
    const ProcoreId timecard = LedgerOf(entry)->timecard_id;
    EditEntry(entry, [](TimeEntry& e) {
        e.hours = H(650);
        e.notes = "left early";
    });
    ResetCalls();
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.counts.updated, 1) << Dump(Lines(outcome.run.id));
    EXPECT_EQ(outcome.run.counts.created, 0);
    EXPECT_EQ(WriteCalls(), 1);
    const auto timecards = Timecards();
    ASSERT_EQ(timecards.size(), 1u);
    EXPECT_EQ(timecards.begin()->first, timecard);
    EXPECT_EQ(timecards.begin()->second["hours"], "6.50");
    EXPECT_EQ(timecards.begin()->second["description"], "left early");
    EXPECT_EQ(LedgerOf(entry)->hours, "6.50");
    EXPECT_TRUE(HasLine(Lines(outcome.run.id), "update timecard", "done",
                        "updated timecard " + std::to_string(timecard)));

    ResetCalls();
    Push();
    EXPECT_EQ(WriteCalls(), 0) << "the update is recorded: nothing to send again";
}

TEST_F(TimePushTest, AnEntryMovedToAnotherProjectMovesItsTimecard) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const TimeEntryId entry = AddEntry(ann, D(2026, 11, 16), H(800));
    Push();
    const ProjectId other = AddProject(MakeProject("P-200", "Harbor Works"));
    ProjectFields fields;
    fields.name = "Harbor Works";
    fields.project_number = "P-200";
    const ProcoreId procore_other = CreateProcoreProject(fields).id;
    PutLink({store::Entity::kProject, other.value(), "project", procore_other, "matched", ""});
    EditEntry(entry, [&](TimeEntry& e) { e.project = other; });
    Push();
    const auto timecards = Timecards();
    ASSERT_EQ(timecards.size(), 1u);
    EXPECT_EQ(timecards.begin()->second["project"]["id"], procore_other);
}

TEST_F(TimePushTest, APushKilledBetweenCreateAndLedgerWriteDoesNotDuplicate) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const TimeEntryId first = AddEntry(ann, D(2026, 11, 16), H(800));
    Push();
    const ProcoreId timecard = LedgerOf(first)->timecard_id;
    // What a process killed after Procore created the entry and before the answer was stored
    // leaves behind: the row written before the call, still "sending".
    store::TimecardLedgerRow row = *LedgerOf(first);
    row.status = "sending";
    row.timecard_id = 0;
    // And one killed before its call reached Procore: a "sending" row with nothing behind it.
    const TimeEntryId second = AddEntry(ann, D(2026, 11, 17), H(700));
    store::TimecardLedgerRow never_sent = row;
    never_sent.time_entry_id = second.value();
    never_sent.origin_id = Origin(second);
    never_sent.work_date = "2026-11-17";
    Write([&](store::Transaction& tx) {
        ASSERT_TRUE(tx.PutTimecardLedger(row));
        ASSERT_TRUE(tx.PutTimecardLedger(never_sent));
    });

    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.recovered, 1);
    EXPECT_EQ(outcome.run.counts.created, 1) << Dump(Lines(outcome.run.id));
    EXPECT_EQ(TimecardsWithOrigin(Origin(first)).size(), 1u);
    EXPECT_EQ(TimecardsWithOrigin(Origin(second)).size(), 1u);
    EXPECT_EQ(LedgerOf(first)->status, "sent");
    EXPECT_EQ(LedgerOf(first)->timecard_id, timecard);
    EXPECT_EQ(LedgerOf(second)->status, "sent");
    EXPECT_TRUE(HasLine(Lines(outcome.run.id), "recover", "done", "not created again"));

    ResetCalls();
    Push();
    EXPECT_EQ(WriteCalls(), 0);
}

TEST_F(TimePushTest, ALostAnswerToABulkCreateIsFoundAndNotSentAgain) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    for (unsigned day = 16; day <= 18; ++day) AddEntry(ann, D(2026, 11, day), H(800));
    loss_->Lose(http::Method::kPost, "bulk_create", 1);
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(loss_->Lost(), 1);
    EXPECT_EQ(outcome.run.status, "succeeded") << outcome.run.summary;
    EXPECT_EQ(Timecards().size(), 3u);
    EXPECT_EQ(CallsContaining("bulk_create"), 1);
}

TEST_F(TimePushTest, AWorkerWithNoProcoreRecordGetsAContactFirst) {
    const PersonId bo = AddPerson(MakePerson(PersonType::kAssignable, "Bo", "Baker", "", "P-77"));
    AddEntry(bo, D(2026, 11, 16), H(800));
    AddEntry(bo, D(2026, 11, 17), H(800));
    const std::int64_t contacts_before = ContactCount();
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.status, "succeeded") << Dump(Lines(outcome.run.id));
    EXPECT_EQ(ContactCount(), contacts_before + 1);
    const ProcoreId contact = ContactWithOrigin(PersonOrigin(bo));
    ASSERT_NE(contact, 0);
    const Json record = ContactRecord(contact);
    EXPECT_EQ(record["first_name"], "Bo");
    EXPECT_EQ(record["last_name"], "Baker");
    EXPECT_EQ(record["employee_id"], "P-77");
    EXPECT_EQ(record["is_employee"], true);
    const auto link = LinkOf(bo, "contact");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, contact);
    EXPECT_EQ(link->how, "created");
    for (const auto& [id, t] : Timecards()) EXPECT_EQ(PartyOf(t), contact);
    EXPECT_TRUE(HasLine(Lines(outcome.run.id), "create contact", "done", "payroll ID P-77"));

    AddEntry(bo, D(2026, 11, 18), H(800));
    Push();
    EXPECT_EQ(ContactCount(), contacts_before + 1) << "one contact per worker, ever";
    EXPECT_EQ(Timecards().size(), 3u);
}

TEST_F(TimePushTest, AWorkerAlreadyInTheDirectoryIsLinkedNotCreatedAgain) {
    PersonFields fields;
    fields.first_name = "Cy";
    fields.last_name = "Cole";
    fields.employee_id = "P-9";
    fields.is_employee = true;
    const ProcoreId contact = CreateDirectoryContact(fields).id;
    const PersonId cy = AddPerson(MakePerson(PersonType::kAssignable, "Cy", "Cole", "", "P-9"));
    AddEntry(cy, D(2026, 11, 16), H(800));
    const std::int64_t contacts_before = ContactCount();
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.linked_workers, 1);
    EXPECT_EQ(ContactCount(), contacts_before);
    ASSERT_TRUE(LinkOf(cy, "contact"));
    EXPECT_EQ(LinkOf(cy, "contact")->procore_id, contact);
    ASSERT_EQ(Timecards().size(), 1u);
    EXPECT_EQ(PartyOf(Timecards().begin()->second), contact);
}

TEST_F(TimePushTest, AMissingClassificationIsCreatedOnceAndAttached) {
    AddClassification("Journeyman Electrician", "JE");
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    AddEntry(ann, D(2026, 11, 16), H(800),
             [](TimeEntry& e) { e.classification = "Journeyman Electrician"; });
    AddEntry(ann, D(2026, 11, 17), H(800),
             [](TimeEntry& e) { e.classification = "Journeyman Electrician"; });
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.status, "succeeded") << Dump(Lines(outcome.run.id));
    EXPECT_EQ(ClassificationsNamed("Journeyman Electrician"), 1);
    const auto classes = api().ListClassifications();
    ASSERT_TRUE(classes);
    ProcoreId je = 0;
    for (const auto& c : *classes) {
        if (c.name == "Journeyman Electrician") je = c.id;
    }
    ASSERT_NE(je, 0);
    for (const auto& [id, t] : Timecards()) EXPECT_EQ(t["work_classification_id"], je);
    EXPECT_TRUE(HasLine(Lines(outcome.run.id), "create classification", "done"));

    Push();
    EXPECT_EQ(ClassificationsNamed("Journeyman Electrician"), 1);
}

TEST_F(TimePushTest, AnExistingClassificationIsMatchedWithoutRegardToCase) {
    const auto created = api().CreateClassification("FOREMAN", "FM");
    ASSERT_TRUE(created) << created.error().ToString();
    AddClassification("Foreman", "");
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    EditPerson(ann, [](Person& p) { p.classification = "Foreman"; });
    AddEntry(ann, D(2026, 11, 16), H(800));  // no classification: the worker's position
    ResetCalls();
    Push();
    EXPECT_EQ(CallsContaining("work_classifications") -
                  Calls("GET /rest/v1.0/companies/{id}/work_classifications"),
              0)
        << "nothing created";
    ASSERT_EQ(Timecards().size(), 1u);
    EXPECT_EQ(Timecards().begin()->second["work_classification_id"], created->id);
}

TEST_F(TimePushTest, UnlinkedProjectsAndInvalidHoursAreRejectedWithTheReason) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const ProjectId unlinked = AddProject(MakeProject("P-300", "Old Mill"));
    const TimeEntryId good = AddEntry(ann, D(2026, 11, 16), H(800));
    const TimeEntryId elsewhere =
        AddEntry(ann, D(2026, 11, 17), H(800), [&](TimeEntry& e) { e.project = unlinked; });
    // The store keeps hours within 0–24; a shift that ends before it starts gets past it.
    const TimeEntryId backwards = AddEntry(ann, D(2026, 11, 18), H(800), [](TimeEntry& e) {
        e.time_in = TimeOfDay{15 * 60};
        e.time_out = TimeOfDay{7 * 60};
    });
    const TimeEntryId bad_cost =
        AddEntry(ann, D(2026, 11, 19), H(800), [](TimeEntry& e) { e.cost_code = "03-100"; });
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.status, "partial");
    EXPECT_EQ(outcome.run.counts.created, 1);
    EXPECT_EQ(outcome.run.counts.failed, 3);
    const auto lines = Lines(outcome.run.id);
    EXPECT_TRUE(HasLine(lines, "reject", "failed",
                        "project P-300 Old Mill is not linked to a Procore project"))
        << Dump(lines);
    EXPECT_TRUE(HasLine(lines, "reject", "failed", "time out 07:00 is not after time in 15:00"))
        << Dump(lines);
    EXPECT_TRUE(HasLine(lines, "reject", "failed", "cost code '03-100'")) << Dump(lines);
    EXPECT_EQ(Timecards().size(), 1u);
    EXPECT_TRUE(LedgerOf(good));
    EXPECT_FALSE(LedgerOf(elsewhere));
    EXPECT_FALSE(LedgerOf(backwards));
    EXPECT_FALSE(LedgerOf(bad_cost));
}

TEST_F(TimePushTest, ANumericCostCodeIsSentAsProcoresCostCodeId) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    AddEntry(ann, D(2026, 11, 16), H(800), [](TimeEntry& e) { e.cost_code = "5512"; });
    Push();
    ASSERT_EQ(Timecards().size(), 1u);
    EXPECT_EQ(Timecards().begin()->second["cost_code"]["id"], 5512);
}

TEST_F(TimePushTest, TimeInAndOutAreSentInTheProjectsTimeZoneWithLunch) {
    Write([&](store::Transaction& tx) {
        auto p = tx.GetProject(project_);
        ASSERT_TRUE(p && *p);
        Project project = **p;
        project.time_zone = "America/Denver";
        ASSERT_TRUE(tx.UpdateProject(project));
    });
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    AddEntry(ann, D(2026, 11, 16), H(0), [](TimeEntry& e) {
        e.time_in = TimeOfDay{7 * 60};
        e.time_out = TimeOfDay{15 * 60 + 30};
        e.lunch_minutes = 30;
        DeriveHours(e);
    });
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.status, "succeeded") << Dump(Lines(outcome.run.id));
    ASSERT_EQ(Timecards().size(), 1u);
    const Json t = Timecards().begin()->second;
    EXPECT_EQ(t["hours"], "8.00");
    EXPECT_EQ(t["time_in"], "2026-11-16T14:00:00Z") << "07:00 in Denver (UTC-7)";
    EXPECT_EQ(t["time_out"], "2026-11-16T22:30:00Z");
    EXPECT_EQ(t["lunch_time"], "30");
}

TEST_F(TimePushTest, ADeletedEntryIsReportedAndDeletedInProcoreOnlyWithTheFlag) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const TimeEntryId keep = AddEntry(ann, D(2026, 11, 16), H(800));
    const TimeEntryId gone = AddEntry(ann, D(2026, 11, 17), H(800));
    Push();
    const ProcoreId timecard = LedgerOf(gone)->timecard_id;
    Write([&](store::Transaction& tx) { ASSERT_TRUE(tx.DeleteTimeEntry(gone)); });

    ResetCalls();
    const TimePushOutcome reported = Push();
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(Timecards().count(timecard), 1u);
    EXPECT_EQ(reported.run.counts.skipped, 1);
    EXPECT_TRUE(HasLine(Lines(reported.run.id), "report deleted", "skipped",
                        "--delete-removed"));

    TimePushRequest request;
    request.delete_removed = true;
    const TimePushOutcome deleted = Push(request);
    EXPECT_EQ(deleted.run.status, "succeeded");
    EXPECT_EQ(Timecards().count(timecard), 0u);
    EXPECT_EQ(Timecards().size(), 1u);
    EXPECT_EQ(LedgerOf(gone)->status, "deleted");
    EXPECT_EQ(LedgerOf(keep)->status, "sent");
    EXPECT_TRUE(HasLine(Lines(deleted.run.id), "delete timecard", "done"));

    ResetCalls();
    Push(request);
    EXPECT_EQ(WriteCalls(), 0) << "deleted once";
}

TEST_F(TimePushTest, TheDateRangeAndApprovedOnlyChooseTheEntries) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const TimeEntryId before = AddEntry(ann, D(2026, 11, 13), H(800));
    const TimeEntryId pending = AddEntry(ann, D(2026, 11, 16), H(800));
    const TimeEntryId approved = AddEntry(ann, D(2026, 11, 17), H(800), [](TimeEntry& e) {
        e.approval = ApprovalStatus::kApproved;
    });
    const TimeEntryId after = AddEntry(ann, D(2026, 11, 23), H(800));
    TimePushRequest request;
    request.from = D(2026, 11, 16);
    request.to = D(2026, 11, 22);
    request.approved_only = true;
    Push(request);
    EXPECT_TRUE(LedgerOf(approved));
    EXPECT_FALSE(LedgerOf(before));
    EXPECT_FALSE(LedgerOf(pending));
    EXPECT_FALSE(LedgerOf(after));
    EXPECT_EQ(Timecards().size(), 1u);
}

TEST_F(TimePushTest, ADryRunPlansThePushAndWritesNothing) {
    AddClassification("Laborer", "LB");
    const PersonId bo = AddPerson(MakePerson(PersonType::kAssignable, "Bo", "Baker", "", "P-77"));
    AddEntry(bo, D(2026, 11, 16), H(800), [](TimeEntry& e) { e.classification = "Laborer"; });
    ResetCalls();
    TimePushRequest request;
    request.dry_run = true;
    const TimePushOutcome outcome = Push(request);
    EXPECT_EQ(WriteCalls(), 0);
    EXPECT_EQ(outcome.run.id, 0);
    EXPECT_EQ(outcome.plan.contacts.size(), 1u);
    EXPECT_EQ(outcome.plan.classifications.size(), 1u);
    EXPECT_EQ(outcome.plan.creates.size(), 1u);
    EXPECT_TRUE(Runs().empty());
    EXPECT_TRUE(Ledger().empty());
    EXPECT_FALSE(LinkOf(bo, "contact"));

    const TimePushOutcome real = Push();
    EXPECT_EQ(real.run.counts.created, 3) << "the contact, the classification, the timecard";
}

TEST_F(TimePushTest, AnEntryProcoreRefusesFailsAloneAndTheRestOfItsBatchIsCreated) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const PersonId ghost = AddPerson(MakePerson(PersonType::kAssignable, "Gus", "Ghost", "", "G"));
    PutLink({store::Entity::kPerson, ghost.value(), "contact", 987654321, "matched", ""});
    AddEntry(ann, D(2026, 11, 16), H(800));
    const TimeEntryId refused = AddEntry(ghost, D(2026, 11, 16), H(800));
    AddEntry(ann, D(2026, 11, 17), H(800));
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.status, "partial");
    EXPECT_EQ(outcome.run.counts.created, 2);
    EXPECT_EQ(outcome.run.counts.failed, 1);
    EXPECT_TRUE(HasLine(Lines(outcome.run.id), "create timecard", "failed", "party"))
        << Dump(Lines(outcome.run.id));
    EXPECT_FALSE(LedgerOf(refused));
    EXPECT_EQ(Timecards().size(), 2u);
}

TEST_F(TimePushTest, ATimecardDeletedInProcoreIsNotCreatedAgain) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const TimeEntryId entry = AddEntry(ann, D(2026, 11, 16), H(800));
    Push();
    ASSERT_TRUE(api().DeleteTimecardEntry(LedgerOf(entry)->timecard_id));
    EditEntry(entry, [](TimeEntry& e) { e.hours = H(900); });
    const TimePushOutcome outcome = Push();
    EXPECT_TRUE(HasLine(Lines(outcome.run.id), "update timecard", "failed",
                        "no longer exists in Procore"))
        << Dump(Lines(outcome.run.id));
    EXPECT_EQ(LedgerOf(entry)->status, "deleted");
    EXPECT_TRUE(Timecards().empty());
    const TimePushOutcome next = Push();
    EXPECT_EQ(next.run.counts.skipped, 1);
    EXPECT_TRUE(Timecards().empty());
}

TEST_F(TimePushTest, ManyEntriesGoInBatchesOfTwentyFivePerProject) {
    std::vector<PersonId> crew;
    for (int i = 0; i < 12; ++i) {
        crew.push_back(LinkedWorker("W" + std::to_string(i), "Crew", "C-" + std::to_string(i)));
    }
    for (const PersonId p : crew) {
        for (unsigned day = 16; day <= 20; ++day) AddEntry(p, D(2026, 11, day), H(800));
    }
    ResetCalls();
    const TimePushOutcome outcome = Push();
    EXPECT_EQ(outcome.run.counts.created, 60);
    EXPECT_EQ(CallsContaining("bulk_create"), 3) << "60 entries: 25 + 25 + 10";
    std::set<std::string> origins;
    for (const auto& [id, t] : Timecards()) origins.insert(t["origin_id"].get<std::string>());
    EXPECT_EQ(origins.size(), 60u);
}

// ---- time reconcile

const sync::ReconcileRow* RowFor(const sync::Reconciliation& r, Date date) {
    for (const auto& row : r.rows) {
        if (row.date == date) return &row;
    }
    return nullptr;
}

TEST_F(TimePushTest, ReconcileNamesMissingExtraAndEditedHours) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    const ProcoreId contact = LinkOf(ann, "contact")->procore_id;
    AddEntry(ann, D(2026, 11, 16), H(800));                // pushed, agrees
    const TimeEntryId edited = AddEntry(ann, D(2026, 11, 17), H(800));  // edited in Procore
    Push();
    AddEntry(ann, D(2026, 11, 18), H(600));                // not pushed yet
    procore::TimecardFields extra;                         // typed into Procore
    extra.project_id = procore_project_;
    extra.party_id = contact;
    extra.date = "2026-11-19";
    extra.hours = "4";
    ASSERT_TRUE(api().CreateTimecardEntry(extra));
    procore::TimecardFields change;
    change.hours = "9.5";
    ASSERT_TRUE(api().UpdateTimecardEntry(LedgerOf(edited)->timecard_id, change));

    auto result = ReconcileTime(*store_, api(), D(2026, 11, 16), D(2026, 11, 22));
    ASSERT_TRUE(result) << result.error().ToString();
    EXPECT_EQ(result->matching, 1);
    ASSERT_EQ(result->rows.size(), 3u);
    const auto* missing = RowFor(*result, D(2026, 11, 18));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->difference, sync::Difference::kMissingInProcore);
    EXPECT_EQ(missing->worker, "Ann Able");
    EXPECT_EQ(missing->project, "P-100 Riverside Clinic");
    EXPECT_EQ(missing->crewsync, H(600));
    EXPECT_NE(missing->detail.find("not pushed yet"), std::string::npos);
    const auto* changed = RowFor(*result, D(2026, 11, 17));
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->difference, sync::Difference::kEditedInProcore);
    EXPECT_EQ(changed->procore, H(950));
    EXPECT_NE(changed->detail.find("crewsync sent 8"), std::string::npos) << changed->detail;
    const auto* added = RowFor(*result, D(2026, 11, 19));
    ASSERT_TRUE(added);
    EXPECT_EQ(added->difference, sync::Difference::kExtraInProcore);
    EXPECT_EQ(added->procore, H(400));
    EXPECT_EQ(added->worker, "Ann Able");
    EXPECT_EQ(result->crewsync_total, H(2200));
    EXPECT_EQ(result->procore_total, H(2150));
}

TEST_F(TimePushTest, ReconcileAfterAPushOfEverythingFindsNoDifference) {
    const PersonId ann = LinkedWorker("Ann", "Able", "E-1");
    for (unsigned day = 16; day <= 20; ++day) AddEntry(ann, D(2026, 11, day), H(750));
    Push();
    auto result = ReconcileTime(*store_, api(), D(2026, 11, 16), D(2026, 11, 22));
    ASSERT_TRUE(result) << result.error().ToString();
    EXPECT_TRUE(result->rows.empty());
    EXPECT_EQ(result->matching, 5);
    EXPECT_EQ(result->procore_total, H(3750));
}

}  // namespace
}  // namespace crewsync::engine::testing
