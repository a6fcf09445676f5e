// Timecard entries (company-level v1.0, v1.1 bulk create) and project timesheets.
#include <fmt/format.h>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

class TimecardsTest : public ClientTest {
protected:
    void SetUp() override {
        ClientTest::SetUp();
        ProjectFields project;
        project.name = "Timecard Tower";
        const auto created = api().CreateProject(project);
        ASSERT_TRUE(created) << created.error().ToString();
        project_id_ = created->id;
        PersonFields worker;
        worker.first_name = "Wendy";
        worker.last_name = "Worker";
        const auto person = api().CreateContact(worker);
        ASSERT_TRUE(person) << person.error().ToString();
        party_id_ = person->id;
    }

    TimecardFields Entry(const std::string& date, const std::string& hours) const {
        TimecardFields fields;
        fields.project_id = project_id_;
        fields.party_id = party_id_;
        fields.date = date;
        fields.hours = hours;
        fields.description = "Framing";
        return fields;
    }

    ProcoreId project_id_ = 0;
    ProcoreId party_id_ = 0;
};

TEST_F(TimecardsTest, CreatesListsUpdatesAndDeletesAnEntry) {
    TimecardFields fields = Entry("2026-05-04", "8");
    fields.origin_id = "4711";
    fields.origin_data = "plan:17";
    const auto created = api().CreateTimecardEntry(fields);
    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_EQ(created->project_id, project_id_);
    EXPECT_EQ(created->party_id, party_id_);
    EXPECT_EQ(created->date, ParseDate("2026-05-04"));
    EXPECT_EQ(created->hours, "8.00");
    EXPECT_EQ(created->origin_id, "4711");
    EXPECT_EQ(created->origin_data, "plan:17");
    EXPECT_EQ(created->description, "Framing");
    EXPECT_GT(created->timecard_time_type_id, 0);
    WithCompany([&](emulator::Company& company, emulator::State&) {
        EXPECT_EQ(company.timecard_entries.Find(created->id)->value("origin_id", Json()),
                  Json(4711))
            << "v1.0 origin_id is an integer";
    });
    ASSERT_TRUE(api().CreateTimecardEntry(Entry("2026-05-09", "4")));

    TimecardQuery week;
    week.start_date = ParseDate("2026-05-04");
    week.end_date = ParseDate("2026-05-08");
    week.party_ids = {party_id_};
    const auto listed = api().ListTimecardEntries(week);
    ASSERT_TRUE(listed) << listed.error().ToString();
    ASSERT_EQ(listed->size(), 1u) << "the dates bound the list";
    EXPECT_EQ(listed->front().id, created->id);

    TimecardFields change;
    change.time_in = "2026-05-04T07:00:00Z";
    change.time_out = "2026-05-04T16:00:00Z";
    change.lunch_time = 30;
    const auto updated = api().UpdateTimecardEntry(created->id, change);
    ASSERT_TRUE(updated) << updated.error().ToString();
    EXPECT_EQ(updated->hours, "8.50");
    EXPECT_EQ(updated->lunch_time, 30);
    EXPECT_EQ(updated->origin_id, "4711");

    ASSERT_TRUE(api().DeleteTimecardEntry(created->id));
    const auto after = api().ListTimecardEntries(week);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->empty());
    EXPECT_EQ(CodeOf(api().DeleteTimecardEntry(created->id)), ErrorCode::kNotFound);
}

TEST_F(TimecardsTest, ANonNumericOriginIdIsRefusedBeforeSending) {
    TimecardFields fields = Entry("2026-05-04", "8");
    fields.origin_id = "plan-17";
    ResetCalls();
    EXPECT_EQ(CodeOf(api().CreateTimecardEntry(fields)), ErrorCode::kInvalidArgument);
    EXPECT_EQ(Calls("POST /rest/v1.0/companies/{id}/timecard_entries"), 0);
}

TEST_F(TimecardsTest, RefusalsAreClassified) {
    TimecardFields first = Entry("2026-05-04", "8");
    first.origin_id = "99";
    ASSERT_TRUE(api().CreateTimecardEntry(first));
    TimecardFields duplicate = Entry("2026-05-05", "8");
    duplicate.origin_id = "99";
    const auto clash = api().CreateTimecardEntry(duplicate);
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code(), ErrorCode::kConflict);
    EXPECT_TRUE(NamesField(clash.error(), "origin_id")) << clash.error().ToString();

    const auto too_long = api().CreateTimecardEntry(Entry("2026-05-04", "25"));
    ASSERT_FALSE(too_long);
    EXPECT_EQ(too_long.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(too_long.error(), "hours")) << too_long.error().ToString();

    EXPECT_EQ(CodeOf(api().UpdateTimecardEntry(4'000'000'001, Entry("2026-05-04", "1"))),
              ErrorCode::kNotFound);
}

TEST_F(TimecardsTest, BulkCreatesInBatchesOfTwentyFive) {
    std::vector<TimecardFields> entries;
    for (int i = 0; i < 30; ++i) {
        TimecardFields fields = Entry(fmt::format("2026-06-{:02}", i % 28 + 1), "7.5");
        fields.project_id.reset();  // the bulk call names the project
        fields.origin_id = "bulk-" + std::to_string(i);
        entries.push_back(std::move(fields));
    }
    ResetCalls();

    const auto created = api().BulkCreateTimecardEntries(project_id_, entries);

    ASSERT_TRUE(created) << created.error().ToString();
    EXPECT_EQ(Calls("POST /rest/v1.1/projects/{id}/project_timecard_entries/bulk_create"), 2);
    ASSERT_EQ(created->size(), 30u);
    for (int i = 0; i < 30; ++i) {
        const TimecardEntry& entry = (*created)[static_cast<std::size_t>(i)];
        EXPECT_EQ(entry.origin_id, "bulk-" + std::to_string(i));
        EXPECT_EQ(entry.project_id, project_id_);
        EXPECT_EQ(entry.party_id, party_id_);
        EXPECT_EQ(entry.hours, "7.50");
    }
}

TEST_F(TimecardsTest, BulkRefusalsNameTheItem) {
    std::vector<TimecardFields> entries = {Entry("2026-06-01", "8"), Entry("2026-06-02", "30")};
    const auto refused = api().BulkCreateTimecardEntries(project_id_, entries);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(refused.error(), "timecard_entries[1].hours"))
        << refused.error().ToString();

    entries[1].project_id = project_id_ + 1;
    EXPECT_EQ(CodeOf(api().BulkCreateTimecardEntries(project_id_, entries)),
              ErrorCode::kInvalidArgument);
}

TEST_F(TimecardsTest, CreatesAndListsTimesheets) {
    const auto first = api().CreateTimesheet(project_id_, *ParseDate("2026-05-04"));
    const auto second = api().CreateTimesheet(project_id_, *ParseDate("2026-05-04"));
    ASSERT_TRUE(first) << first.error().ToString();
    ASSERT_TRUE(second) << second.error().ToString();
    EXPECT_EQ(first->project_id, project_id_);
    EXPECT_EQ(first->date, ParseDate("2026-05-04"));
    EXPECT_EQ(first->status, "pending");
    EXPECT_NE(first->name, second->name) << "numbered within the day";

    const auto listed = api().ListTimesheets(project_id_);
    ASSERT_TRUE(listed) << listed.error().ToString();
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->front().id, first->id);
    EXPECT_EQ(listed->front().project_id, project_id_);

    EXPECT_EQ(CodeOf(api().ListTimesheets(4'000'000'001)), ErrorCode::kNotFound);
    EXPECT_EQ(CodeOf(api().CreateTimesheet(project_id_, Date{})), ErrorCode::kRemoteRejected);
}

}  // namespace
}  // namespace crewsync::procore::testing
