// The pure timesheet push planner (sync/time_plan.hpp) and time reconciliation
// (sync/time_reconcile.hpp): the rules the emulator tests cannot reach (hours the store would
// refuse, unknown time zones, the ledger's text) and the edges of each rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sync/time_plan.hpp"
#include "sync/time_reconcile.hpp"

namespace crewsync::sync {
namespace {

using testing::HasSubstr;

Date D(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

class TimePlanTest : public testing::Test {
protected:
    TimePlanTest() {
        Person ann;
        ann.id = PersonId{1};
        ann.first_name = "Ann";
        ann.last_name = "Able";
        ann.employee_id = "E-1";
        input_.people.emplace(1, ann);
        Project p;
        p.id = ProjectId{10};
        p.name = "Riverside";
        p.project_number = "P-100";
        input_.projects.emplace(10, p);
        input_.procore_project_of[10] = 700;
        input_.party_of[1] = 800;
    }

    TimeEntry& Entry(std::int64_t id, Date date, int hundredths) {
        TimeEntry e;
        e.id = TimeEntryId{id};
        e.person = PersonId{1};
        e.project = ProjectId{10};
        e.date = date;
        e.hours = Hours{hundredths};
        input_.entries.push_back(e);
        input_.stored_entry_ids.insert(id);
        return input_.entries.back();
    }

    // Marks the entry as sent exactly as it is planned now.
    void Sent(std::int64_t id) {
        const TimePlan plan = PlanTimePush(input_);
        for (const TimecardDraft& d : plan.creates) {
            if (d.time_entry_id == id) {
                input_.ledger.push_back({id, 9000 + id, false, ParseDate(d.date).value(),
                                         SentText(d)});
            }
        }
    }

    TimePushInput input_;
};

TEST_F(TimePlanTest, AFirstPushCreatesEveryEntryWithItsOriginId) {
    Entry(5, D(2026, 11, 16), 800);
    const TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.creates.size(), 1u);
    const TimecardDraft& d = plan.creates[0];
    EXPECT_EQ(d.origin_id, "crewsync:time:5");
    EXPECT_EQ(d.project_procore_id, 700);
    EXPECT_EQ(d.party_id, 800);
    EXPECT_EQ(d.hours, "8.00");
    EXPECT_EQ(d.date, "2026-11-16");
    EXPECT_EQ(d.label, "Ann Able · 2026-11-16 · 8 h · P-100 Riverside");
    EXPECT_EQ(plan.Writes(), 1);
}

TEST_F(TimePlanTest, ASentEntryIsUnchangedUntilItChanges) {
    Entry(5, D(2026, 11, 16), 800);
    Sent(5);
    EXPECT_EQ(PlanTimePush(input_).unchanged, 1);
    EXPECT_EQ(PlanTimePush(input_).Writes(), 0);

    input_.entries[0].hours = Hours{725};
    const TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.updates.size(), 1u);
    EXPECT_EQ(plan.updates[0].timecard_id, 9005);
    EXPECT_EQ(plan.updates[0].draft.hours, "7.25");
    EXPECT_TRUE(plan.creates.empty());
}

TEST_F(TimePlanTest, EveryFieldSentTakesPartInTheLedgerText) {
    TimecardDraft base;
    base.project_procore_id = 1;
    base.party_id = 2;
    base.date = "2026-11-16";
    base.hours = "8.00";
    base.description = "a";
    const std::string text = SentText(base);
    std::vector<TimecardDraft> changed(7, base);
    changed[0].project_procore_id = 3;
    changed[1].party_id = 4;
    changed[2].date = "2026-11-17";
    changed[3].hours = "7.00";
    changed[4].classification_id = 5;
    changed[5].cost_code_id = 6;
    changed[6].description = "b";
    for (const TimecardDraft& d : changed) EXPECT_NE(SentText(d), text);
    // A description cannot pass for other fields.
    TimecardDraft tricky = base;
    tricky.description = "a;cost_code=1:7";
    EXPECT_NE(SentText(tricky), SentText(base));
    // The label and origin are not sent: changing them changes nothing.
    TimecardDraft relabelled = base;
    relabelled.label = "other";
    EXPECT_EQ(SentText(relabelled), text);
}

TEST_F(TimePlanTest, HoursProcoreWouldRefuseAreRejectedWithTheReason) {
    Entry(1, D(2026, 11, 16), 2500);
    Entry(2, D(2026, 11, 17), 0);
    const TimePlan plan = PlanTimePush(input_);
    EXPECT_TRUE(plan.creates.empty());
    ASSERT_EQ(plan.rejections.size(), 2u);
    EXPECT_THAT(plan.rejections[0].reason, HasSubstr("hours 25 are out of range"));
    EXPECT_THAT(plan.rejections[1].reason, HasSubstr("hours 0 are out of range"));
    EXPECT_TRUE(plan.rejections[0].failed);
}

TEST_F(TimePlanTest, AUserTypePersonCannotLogTime) {
    input_.people[1].type = PersonType::kUser;
    Entry(1, D(2026, 11, 16), 800);
    const TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.rejections.size(), 1u);
    EXPECT_THAT(plan.rejections[0].reason, HasSubstr("'user'-type person"));
}

TEST_F(TimePlanTest, TimesUseTheProjectsZoneOrTheWorkspacesAndAnUnknownZoneIsRejected) {
    TimeEntry& e = Entry(1, D(2026, 7, 6), 800);
    e.time_in = TimeOfDay{7 * 60};
    e.time_out = TimeOfDay{15 * 60 + 30};
    e.lunch_minutes = 30;
    input_.default_time_zone = "America/New_York";
    TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.creates.size(), 1u);
    EXPECT_EQ(plan.creates[0].time_in, "2026-07-06T07:00:00-04:00");
    EXPECT_EQ(plan.creates[0].time_out, "2026-07-06T15:30:00-04:00");
    EXPECT_EQ(plan.creates[0].lunch_minutes, 30);

    input_.projects[10].time_zone = "Asia/Kolkata";
    plan = PlanTimePush(input_);
    EXPECT_EQ(plan.creates[0].time_in, "2026-07-06T07:00:00+05:30");

    input_.projects[10].time_zone = "Mars/Olympus_Mons";
    plan = PlanTimePush(input_);
    ASSERT_EQ(plan.rejections.size(), 1u);
    EXPECT_THAT(plan.rejections[0].reason, HasSubstr("time zone 'Mars/Olympus_Mons'"));
}

TEST_F(TimePlanTest, AnUnlinkedWorkerGetsOneContactForAllTheirEntries) {
    input_.party_of.clear();
    Entry(1, D(2026, 11, 16), 800);
    Entry(2, D(2026, 11, 17), 800);
    const TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.contacts.size(), 1u);
    EXPECT_EQ(plan.contacts[0].origin_id, "crewsync:person:1");
    EXPECT_EQ(plan.contacts[0].employee_id, "E-1");
    EXPECT_EQ(plan.creates.size(), 2u);
    EXPECT_EQ(plan.creates[0].party_id, 0);
}

TEST_F(TimePlanTest, AWorkerTheLinkReportHoldsBackIsRejectedNotCreated) {
    input_.party_of.clear();
    input_.worker_held[1] = "conflict in the link report";
    Entry(1, D(2026, 11, 16), 800);
    const TimePlan plan = PlanTimePush(input_);
    EXPECT_TRUE(plan.contacts.empty());
    ASSERT_EQ(plan.rejections.size(), 1u);
    EXPECT_THAT(plan.rejections[0].reason, HasSubstr("conflict in the link report"));
}

TEST_F(TimePlanTest, AMissingClassificationIsPlannedOnceWithCrewsyncsAbbreviation) {
    Classification je;
    je.id = ClassificationId{3};
    je.name = "Journeyman Electrician";
    je.abbreviation = "JE";
    input_.classifications.emplace(3, je);
    Entry(1, D(2026, 11, 16), 800).classification = "Journeyman Electrician";
    Entry(2, D(2026, 11, 17), 800).classification = "journeyman electrician";
    const TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.classifications.size(), 1u);
    EXPECT_EQ(plan.classifications[0].name, "Journeyman Electrician");
    EXPECT_EQ(plan.classifications[0].abbreviation, "JE");

    input_.procore_classifications.push_back({55, "JOURNEYMAN ELECTRICIAN"});
    const TimePlan known = PlanTimePush(input_);
    EXPECT_TRUE(known.classifications.empty());
    EXPECT_EQ(known.creates[0].classification_id, 55);
}

TEST_F(TimePlanTest, ASentEntryWaitingForANewClassificationIsAnUpdate) {
    Entry(1, D(2026, 11, 16), 800);
    Sent(1);
    input_.entries[0].classification = "Foreman";
    const TimePlan plan = PlanTimePush(input_);
    EXPECT_EQ(plan.updates.size(), 1u);
    EXPECT_EQ(plan.classifications.size(), 1u);
}

TEST_F(TimePlanTest, DeletedEntriesInTheRangeAreReportedAndDeletedOnlyWhenAsked) {
    input_.ledger.push_back({7, 9007, false, D(2026, 11, 16), "x"});
    input_.ledger.push_back({8, 9008, false, D(2026, 10, 1), "x"});
    input_.ledger.push_back({9, 9009, true, D(2026, 11, 16), "x"});  // already deleted
    input_.from = D(2026, 11, 16);
    input_.to = D(2026, 11, 22);
    TimePlan plan = PlanTimePush(input_);
    ASSERT_EQ(plan.removals.size(), 1u);
    EXPECT_EQ(plan.removals[0].timecard_id, 9007);
    EXPECT_FALSE(plan.removals[0].delete_in_procore);
    EXPECT_EQ(plan.Writes(), 0);
    input_.delete_removed = true;
    plan = PlanTimePush(input_);
    ASSERT_EQ(plan.removals.size(), 1u);
    EXPECT_TRUE(plan.removals[0].delete_in_procore);
    EXPECT_EQ(plan.Writes(), 1);
}

TEST_F(TimePlanTest, AnEntryWhoseTimecardWasDeletedInProcoreIsSkippedNotFailed) {
    Entry(1, D(2026, 11, 16), 800);
    input_.ledger.push_back({1, 9001, true, D(2026, 11, 16), "x"});
    const TimePlan plan = PlanTimePush(input_);
    EXPECT_TRUE(plan.creates.empty());
    ASSERT_EQ(plan.rejections.size(), 1u);
    EXPECT_FALSE(plan.rejections[0].failed);
    EXPECT_THAT(plan.rejections[0].reason, HasSubstr("deleted in Procore"));
}

// ---- reconciliation

class ReconcileTest : public TimePlanTest {
protected:
    RemoteTimecard Card(ProcoreId id, Date date, int hundredths, ProcoreId party = 800,
                        ProcoreId project = 700) {
        RemoteTimecard t;
        t.id = id;
        t.project_id = project;
        t.party_id = party;
        t.date = date;
        t.hours = Hours{hundredths};
        return t;
    }

    ReconcileInput In() {
        ReconcileInput in;
        in.entries = input_.entries;
        in.people = input_.people;
        in.projects = input_.projects;
        in.party_of = input_.party_of;
        in.procore_project_of = input_.procore_project_of;
        return in;
    }
};

TEST_F(ReconcileTest, HoursThatAgreeAcrossSeveralTimecardsMatch) {
    Entry(1, D(2026, 11, 16), 800);
    ReconcileInput in = In();
    in.timecards = {Card(1, D(2026, 11, 16), 500), Card(2, D(2026, 11, 16), 300)};
    const Reconciliation r = Reconcile(in);
    EXPECT_TRUE(r.rows.empty());
    EXPECT_EQ(r.matching, 1);
}

TEST_F(ReconcileTest, EachDifferenceIsNamed) {
    Entry(1, D(2026, 11, 16), 800);  // pushed, since deleted in Procore
    Entry(2, D(2026, 11, 17), 800);  // changed in crewsync since the push
    ReconcileInput in = In();
    in.ledger_hours = {{1, "8.00"}, {2, "7.00"}};
    in.sent_hours = {{21, "8.00"}, {22, "7.00"}, {23, "6.00"}};
    in.timecards = {Card(22, D(2026, 11, 17), 700), Card(23, D(2026, 11, 18), 600),
                    Card(24, D(2026, 11, 19), 400, 801)};
    in.timecards.back().party_name = "Zed Zulu";
    const Reconciliation r = Reconcile(in);
    ASSERT_EQ(r.rows.size(), 4u);
    EXPECT_EQ(r.rows[0].difference, Difference::kMissingInProcore);
    EXPECT_THAT(r.rows[0].detail, HasSubstr("deleted in Procore"));
    EXPECT_EQ(r.rows[1].difference, Difference::kNotPushedYet);
    EXPECT_EQ(r.rows[2].difference, Difference::kExtraInProcore);
    EXPECT_THAT(r.rows[2].detail, HasSubstr("pushed by crewsync"));
    EXPECT_EQ(r.rows[3].difference, Difference::kExtraInProcore);
    EXPECT_THAT(r.rows[3].detail, HasSubstr("entered in Procore"));
    EXPECT_EQ(r.rows[3].worker, "Zed Zulu");
    EXPECT_EQ(std::string(Name(r.rows[3].difference)), "extra in Procore");
}

TEST_F(ReconcileTest, EntriesOfUnlinkedRecordsAreMissingWithTheReason) {
    input_.procore_project_of.clear();
    Entry(1, D(2026, 11, 16), 800);
    const Reconciliation r = Reconcile(In());
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].project, "P-100 Riverside");
    EXPECT_EQ(r.rows[0].worker, "Ann Able");
    EXPECT_THAT(r.rows[0].detail, HasSubstr("not linked"));
}

}  // namespace
}  // namespace crewsync::sync
