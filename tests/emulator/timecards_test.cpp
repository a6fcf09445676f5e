// Timecard time types, entries (company, project, v1.1 bulk) and timesheets, over HTTP.
#include <gmock/gmock.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "emulator/clock.hpp"
#include "emulator/webhook_store.hpp"
#include "emulator_fixture.hpp"
#include "event_receiver.hpp"

namespace crewsync::emulator::testing {
namespace {

using ::testing::HasSubstr;

class TimecardsTest : public EmulatorTest {
protected:
    void SetUp() override {
        EmulatorTest::SetUp();
        if (HasFatalFailure()) return;
        auth_ = Auth();
        project_ = AddProject("Harbor Bridge");
        worker_ = AddContact("Ana", "Lima");
    }

    // Projects and people go straight into the state: their routes are not this suite's.
    RecordId AddProject(const std::string& name) {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.NextId();
        s.state.FindCompany(company_id_)
            ->projects.Put(Json{{"id", id}, {"name", name}, {"active", true}});
        return id;
    }
    RecordId AddContact(const std::string& first, const std::string& last) {
        Services& s = emulator_.services();
        std::lock_guard lock(s.state.mutex);
        const RecordId id = s.state.NextId();
        s.state.FindCompany(company_id_)
            ->contacts.Put(Json{{"id", id},
                                {"first_name", first},
                                {"last_name", last},
                                {"user_id", nullptr},
                                {"is_employee", true}});
        return id;
    }

    std::string Today() { return IsoSeconds(emulator_.services().clock.Now()).substr(0, 10); }

    std::string Entries(const std::string& rest = "") const {
        return CompanyPath("v1.0", "/timecard_entries" + rest);
    }
    std::string ProjectPath(RecordId project, const std::string& rest) const {
        return "/rest/v1.0/projects/" + std::to_string(project) + rest;
    }
    static std::string IdOf(const Json& record) {
        return "/" + std::to_string(record["id"].get<RecordId>());
    }

    httplib::Result Post(const std::string& path, const Json& body) {
        return client_->Post(path, auth_, body.dump(), "application/json");
    }
    httplib::Result Patch(const std::string& path, const Json& body) {
        return client_->Patch(path, auth_, body.dump(), "application/json");
    }
    httplib::Result Get(const std::string& path) { return client_->Get(path, auth_); }

    // POST /companies/{id}/timecard_entries; fails the test unless 201.
    Json CreateEntry(const Json& fields, RecordId project = 0) {
        const auto res = Post(Entries(), Json{{"project_id", project ? project : project_},
                                              {"timecard_entry", fields}});
        EXPECT_EQ(res->status, 201) << res->body;
        return BodyOf(res);
    }
    Json EightHours(const std::string& date) {
        return Json{{"date", date}, {"hours", "8"}, {"party_id", worker_}};
    }

    // The errors of a 422 answer to creating `fields`.
    Json CreateErrors(const Json& fields) {
        const auto res =
            Post(Entries(), Json{{"project_id", project_}, {"timecard_entry", fields}});
        EXPECT_EQ(res->status, 422) << res->body;
        return BodyOf(res).value("errors", Json());
    }

    std::vector<RecordId> IdsIn(const Json& list) {
        std::vector<RecordId> ids;
        for (const Json& item : list) ids.push_back(item["id"].get<RecordId>());
        return ids;
    }

    httplib::Headers auth_;
    RecordId project_ = 0;
    RecordId worker_ = 0;
};

TEST_F(TimecardsTest, TimeTypesAreRegularOvertimeAndDoubleTime) {
    auto res = Get(CompanyPath("v1.0", "/timecard_time_types"));
    ASSERT_EQ(res->status, 200) << res->body;
    const Json types = BodyOf(res);
    ASSERT_EQ(types.size(), 3u);
    EXPECT_EQ(types[0]["time_type"], "Regular Time");
    EXPECT_EQ(types[1]["time_type"], "Overtime");
    EXPECT_EQ(types[2]["time_type"], "Double Time");
    EXPECT_EQ(types[0].size(), 2u);  // {id, time_type}
    // Asking again gives the same ids: seeded once.
    EXPECT_EQ(BodyOf(Get(CompanyPath("v1.0", "/timecard_time_types"))), types);
    EXPECT_EQ(client_->Get(CompanyPath("v1.0", "/timecard_time_types"))->status, 401);
}

TEST_F(TimecardsTest, CompanyCreateAnswersTheFullEntry) {
    const auto types = BodyOf(Get(CompanyPath("v1.0", "/timecard_time_types")));
    const Json entry = CreateEntry({{"date", "2024-05-06"},
                                    {"hours", 7.5},
                                    {"party_id", worker_},
                                    {"billable", true},
                                    {"description", "Formwork"},
                                    {"cost_code_id", 77},
                                    {"origin_id", 1234},
                                    {"origin_data", "row 5"}});
    EXPECT_GT(entry["id"].get<RecordId>(), RecordId{1} << 32);
    EXPECT_EQ(entry["date"], "2024-05-06");
    EXPECT_EQ(entry["datetime"], "2024-05-06T00:00:00Z");
    EXPECT_EQ(entry["hours"], "7.50");
    EXPECT_EQ(entry["billable"], true);
    EXPECT_EQ(entry["description"], "Formwork");
    EXPECT_EQ(entry["approval_status"], "pending");
    EXPECT_EQ(entry["origin_id"], 1234);
    EXPECT_EQ(entry["origin_data"], "row 5");
    EXPECT_EQ(entry["party"], (Json{{"id", worker_}, {"name", "Ana Lima"}}));
    EXPECT_EQ(entry["project"], (Json{{"id", project_}, {"name", "Harbor Bridge"}}));
    EXPECT_EQ(entry["cost_code"]["id"], 77);
    EXPECT_EQ(entry["timecard_time_type"]["id"], types[0]["id"]);  // Regular Time by default
    EXPECT_EQ(entry["timecard_time_type"]["time_type"], "Regular Time");
    EXPECT_TRUE(entry["time_in"].is_null());
    EXPECT_TRUE(entry["timesheet"].is_null());
    EXPECT_TRUE(entry["deleted_at"].is_null());
    EXPECT_EQ(entry["created_by"]["login"], seed_.client_id + "@service-accounts.procore.test");
    EXPECT_EQ(entry["created_at"], entry["updated_at"]);

    const auto res = Get(Entries(IdOf(entry)));
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), entry);
}

TEST_F(TimecardsTest, HoursComeFromTimeInAndOutMinusLunch) {
    Json entry = CreateEntry({{"date", "2024-05-06"},
                              {"time_in", "2024-05-06T07:00:00-07:00"},
                              {"time_out", "2024-05-06T15:30:00-07:00"},
                              {"lunch_time", "30"},
                              {"hours", "3"},  // ignored: the times decide
                              {"party_id", worker_}});
    EXPECT_EQ(entry["hours"], "8.00");
    EXPECT_EQ(entry["time_in"], "2024-05-06T14:00:00Z");
    EXPECT_EQ(entry["time_out"], "2024-05-06T22:30:00Z");
    EXPECT_EQ(entry["lunch_time"], "30");

    // Changing a time recomputes; dropping the times lets hours speak again.
    auto res =
        Patch(Entries(IdOf(entry)), {{"timecard_entry", {{"time_out", "2024-05-06T23:30:00Z"}}}});
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["hours"], "9.00");
    res = Patch(
        Entries(IdOf(entry)),
        {{"timecard_entry", {{"time_in", nullptr}, {"time_out", nullptr}, {"hours", "6.25"}}}});
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["hours"], "6.25");
}

TEST_F(TimecardsTest, InvalidEntriesAre422WithFieldErrors) {
    EXPECT_EQ(CreateErrors({{"hours", 8}})["date"], Json::array({"can't be blank"}));
    EXPECT_TRUE(CreateErrors({{"date", "2024-02-30"}, {"hours", 8}}).contains("date"));
    EXPECT_TRUE(CreateErrors({{"date", "06/05/2024"}, {"hours", 8}}).contains("date"));
    EXPECT_TRUE(CreateErrors({{"date", "2024-05-06"}}).contains("hours"));
    EXPECT_EQ(CreateErrors({{"date", "2024-05-06"}, {"hours", "0"}})["hours"],
              Json::array({"must be greater than 0"}));
    EXPECT_EQ(CreateErrors({{"date", "2024-05-06"}, {"hours", 24.5}})["hours"],
              Json::array({"must be less than or equal to 24"}));
    EXPECT_EQ(CreateErrors({{"date", "2024-05-06"}, {"hours", "eight"}})["hours"],
              Json::array({"is not a number"}));
    EXPECT_TRUE(CreateErrors({{"date", "2024-05-06"}, {"hours", 8}, {"approval_status", "done"}})
                    .contains("approval_status"));
    EXPECT_EQ(CreateErrors({{"date", "2024-05-06"},
                            {"time_in", "2024-05-06T10:00:00Z"},
                            {"time_out", "2024-05-06T09:00:00Z"}})["time_out"],
              Json::array({"must be after time_in"}));
    EXPECT_TRUE(CreateErrors({{"date", "2024-05-06"}, {"time_in", "7am"}, {"hours", 8}})
                    .contains("time_in"));
    EXPECT_EQ(
        CreateErrors({{"date", "2024-05-06"}, {"hours", 8}, {"party_id", 424242}})["party_id"],
        Json::array({"party not found"}));
    EXPECT_TRUE(CreateErrors({{"date", "2024-05-06"}, {"hours", 8}, {"timecard_time_type_id", 9}})
                    .contains("timecard_time_type_id"));
    EXPECT_TRUE(CreateErrors({{"date", "2024-05-06"}, {"hours", 8}, {"origin_id", "abc"}})
                    .contains("origin_id"));
    // Several problems at once are all reported.
    const Json errors = CreateErrors({{"hours", -1}, {"billable", "maybe"}});
    EXPECT_TRUE(errors.contains("date"));
    EXPECT_TRUE(errors.contains("hours"));
    EXPECT_TRUE(errors.contains("billable"));

    // project_id: required, and one of the company's projects.
    auto res = Post(Entries(), Json{{"timecard_entry", EightHours("2024-05-06")}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("project_id"));
    res = Post(Entries(), Json{{"project_id", 5}, {"timecard_entry", EightHours("2024-05-06")}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(BodyOf(res)["errors"]["project_id"], Json::array({"project not found"}));
    // No timecard_entry object: 400 as Rails' "param is missing".
    res = Post(Entries(), Json{{"project_id", project_}});
    EXPECT_EQ(res->status, 400);
    res = client_->Post(Entries(), auth_, "{broken", "application/json");
    EXPECT_EQ(res->status, 400);

    EXPECT_EQ(BodyOf(Get(Entries())), Json::array());  // nothing was stored
}

TEST_F(TimecardsTest, AUserCanBeTheParty) {
    Services& s = emulator_.services();
    RecordId user_id = 0;
    {
        std::lock_guard lock(s.state.mutex);
        user_id = s.state.Clients().at(seed_.client_id).service_account_id;
    }
    Json fields = EightHours("2024-05-06");
    fields["party_id"] = user_id;
    const Json entry = CreateEntry(fields);
    EXPECT_EQ(entry["party"]["id"], user_id);
    EXPECT_EQ(entry["party"]["name"], seed_.client_id + " (service account)");
}

TEST_F(TimecardsTest, OriginIdIsUniquePerCompany) {
    Json fields = EightHours("2024-05-06");
    fields["origin_id"] = 99;
    const Json first = CreateEntry(fields);
    auto res = Post(Entries(), Json{{"project_id", project_}, {"timecard_entry", fields}});
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(BodyOf(res)["errors"]["origin_id"], Json::array({"has already been taken"}));
    // Digits as text are the same origin.
    fields["origin_id"] = "99";
    EXPECT_EQ(Post(Entries(), Json{{"project_id", project_}, {"timecard_entry", fields}})->status,
              409);
    // Through PATCH too.
    fields["origin_id"] = 100;
    const Json second = CreateEntry(fields);
    res = Patch(Entries(IdOf(second)), {{"timecard_entry", {{"origin_id", 99}}}});
    EXPECT_EQ(res->status, 409);
    // Re-sending its own origin is fine.
    EXPECT_EQ(Patch(Entries(IdOf(second)), {{"timecard_entry", {{"origin_id", 100}}}})->status,
              200);
    // A deleted entry frees its origin_id.
    ASSERT_EQ(client_->Delete(Entries(IdOf(first)), auth_)->status, 200);
    fields["origin_id"] = 99;
    CreateEntry(fields);
}

TEST_F(TimecardsTest, UpdateKeepsWhatItDoesNotTouchAndCanMoveProjects) {
    const Json entry = CreateEntry(EightHours("2024-05-06"));
    AdvanceClock(5);
    const RecordId other = AddProject("Depot");
    auto res = Patch(Entries(IdOf(entry)),
                     {{"project_id", other},
                      {"timecard_entry", {{"approval_status", "approved"}, {"billable", "true"}}}});
    ASSERT_EQ(res->status, 200) << res->body;
    const Json updated = BodyOf(res);
    EXPECT_EQ(updated["approval_status"], "approved");
    EXPECT_EQ(updated["billable"], true);
    EXPECT_EQ(updated["hours"], "8.00");
    EXPECT_EQ(updated["party"], entry["party"]);
    EXPECT_EQ(updated["project"]["name"], "Depot");
    EXPECT_EQ(updated["created_at"], entry["created_at"]);
    EXPECT_NE(updated["updated_at"], entry["updated_at"]);
    EXPECT_EQ(BodyOf(Get(Entries(IdOf(entry)))), updated);

    res = Patch(Entries(IdOf(entry)), {{"timecard_entry", {{"hours", 30}}}});
    EXPECT_EQ(res->status, 422);
    res = Patch(Entries(IdOf(entry)), {{"project_id", 5}, {"timecard_entry", Json::object()}});
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(Patch(Entries("/12345"), {{"timecard_entry", {{"hours", 1}}}})->status, 404);
    EXPECT_EQ(BodyOf(Get(Entries(IdOf(entry)))), updated);  // failed PATCHes changed nothing
}

TEST_F(TimecardsTest, DeleteHidesTheEntryButDeletedAtFindsIt) {
    const Json kept = CreateEntry(EightHours("2024-05-06"));
    const Json gone = CreateEntry(EightHours("2024-05-07"));
    auto res = client_->Delete(Entries(IdOf(gone)), auth_);
    ASSERT_EQ(res->status, 200);
    const Json deleted = BodyOf(res);
    EXPECT_TRUE(deleted["deleted_at"].is_string());
    EXPECT_EQ(Get(Entries(IdOf(gone)))->status, 404);
    EXPECT_EQ(client_->Delete(Entries(IdOf(gone)), auth_)->status, 404);
    EXPECT_EQ(Patch(Entries(IdOf(gone)), {{"timecard_entry", {{"hours", 1}}}})->status, 404);

    EXPECT_EQ(IdsIn(BodyOf(Get(Entries()))), std::vector<RecordId>{kept["id"].get<RecordId>()});
    const std::string today = Today();
    res = Get(Entries("?filters[deleted_at]=" + today + "..." + today));
    EXPECT_EQ(IdsIn(BodyOf(res)), std::vector<RecordId>{gone["id"].get<RecordId>()});
    res = Get(Entries("?filters[deleted_at]=2001-01-01...2001-01-02"));
    EXPECT_EQ(BodyOf(res), Json::array());
}

TEST_F(TimecardsTest, CompanyListFilters) {
    const RecordId other_worker = AddContact("Bo", "Chen");
    const Json a = CreateEntry(EightHours("2024-05-06"));
    Json fields = EightHours("2024-05-08");
    fields["party_id"] = other_worker;
    const Json b = CreateEntry(fields);
    const Json c = CreateEntry(EightHours("2024-05-10"));
    const RecordId ida = a["id"], idb = b["id"], idc = c["id"];

    auto ids = [&](const std::string& query) { return IdsIn(BodyOf(Get(Entries(query)))); };
    EXPECT_EQ(ids(""), (std::vector<RecordId>{ida, idb, idc}));
    EXPECT_EQ(
        ids("?filters[id][]=" + std::to_string(ida) + "&filters[id][]=" + std::to_string(idc)),
        (std::vector<RecordId>{ida, idc}));
    EXPECT_EQ(ids("?filters[party_id][]=" + std::to_string(other_worker)),
              (std::vector<RecordId>{idb}));
    EXPECT_EQ(ids("?start_date=2024-05-07"), (std::vector<RecordId>{idb, idc}));
    EXPECT_EQ(ids("?start_date=2024-05-07&end_date=2024-05-08"), (std::vector<RecordId>{idb}));
    EXPECT_EQ(ids("?end_date=2024-05-06"), (std::vector<RecordId>{ida}));

    AdvanceClock(3 * 86400);
    auth_ = Auth();  // the old token expired meanwhile
    ASSERT_EQ(
        Patch(Entries("/" + std::to_string(idc)), {{"timecard_entry", {{"description", "late"}}}})
            ->status,
        200);
    const std::string now = IsoSeconds(emulator_.services().clock.Now()).substr(0, 10);
    EXPECT_EQ(ids("?filters[updated_at]=" + now + "..." + now), (std::vector<RecordId>{idc}));

    auto res = Get(Entries("?serializer_view=ids_only"));
    EXPECT_EQ(BodyOf(res), (Json::array({{{"id", ida}}, {{"id", idb}}, {{"id", idc}}})));

    EXPECT_EQ(Get(Entries("?filters[id][]=abc"))->status, 400);
    EXPECT_EQ(Get(Entries("?start_date=May"))->status, 400);
    EXPECT_EQ(Get(Entries("?filters[updated_at]=yesterday"))->status, 400);
    EXPECT_EQ(Get(Entries("?serializer_view=everything"))->status, 400);
}

TEST_F(TimecardsTest, CompanyListIsPaginated) {
    auto res = Get(Entries());
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), Json::array());
    EXPECT_EQ(res->get_header_value("Total"), "0");

    for (int day = 1; day <= 5; ++day) CreateEntry(EightHours("2024-05-0" + std::to_string(day)));
    res = Get(Entries("?per_page=2"));
    EXPECT_EQ(BodyOf(res).size(), 2u);
    EXPECT_EQ(res->get_header_value("Total"), "5");
    EXPECT_EQ(res->get_header_value("Per-Page"), "2");
    EXPECT_THAT(res->get_header_value("Link"), HasSubstr("page=3>; rel=\"last\""));

    res = Get(Entries("?per_page=2&page=3"));
    const Json last = BodyOf(res);
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0]["date"], "2024-05-05");
    EXPECT_THAT(res->get_header_value("Link"), ::testing::Not(HasSubstr("rel=\"next\"")));
    EXPECT_EQ(BodyOf(Get(Entries("?per_page=2&page=4"))), Json::array());
    EXPECT_EQ(BodyOf(Get(Entries("?per_page=2&page=999999999999999999"))), Json::array());

    res = Get(Entries("?per_page=100000"));
    EXPECT_EQ(res->get_header_value("Per-Page"), "1000");
    EXPECT_EQ(BodyOf(res).size(), 5u);
    EXPECT_EQ(Get(Entries("?page=0"))->status, 400);
}

TEST_F(TimecardsTest, ProjectRoutesWorkWithinTheirProject) {
    const std::string today = Today();
    const std::string path = ProjectPath(project_, "/timecard_entries");
    auto res = Post(path, Json{{"timecard_entry", EightHours(today)}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json todays = BodyOf(res);
    EXPECT_EQ(todays["project"]["id"], project_);
    // A datetime instead of a date.
    res = Post(path,
               Json{{"timecard_entry",
                     {{"datetime", "2024-05-06T09:00:00Z"}, {"hours", 4}, {"party_id", worker_}}}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json older = BodyOf(res);
    EXPECT_EQ(older["date"], "2024-05-06");
    EXPECT_EQ(older["datetime"], "2024-05-06T09:00:00Z");
    res = Post(
        path, Json{{"timecard_entry",
                    {{"date", "2024-05-06"}, {"datetime", "2024-05-06T09:00:00Z"}, {"hours", 4}}}});
    EXPECT_EQ(res->status, 422);

    const RecordId elsewhere = AddProject("Elsewhere");
    const Json foreign = CreateEntry(EightHours(today), elsewhere);

    // The list shows today's entries of this project unless told otherwise.
    EXPECT_EQ(IdsIn(BodyOf(Get(path))), std::vector<RecordId>{todays["id"].get<RecordId>()});
    EXPECT_EQ(IdsIn(BodyOf(Get(path + "?log_date=2024-05-06"))),
              std::vector<RecordId>{older["id"].get<RecordId>()});
    EXPECT_EQ(IdsIn(BodyOf(Get(path + "?start_date=2024-01-01&end_date=2099-01-01"))),
              (std::vector<RecordId>{todays["id"].get<RecordId>(), older["id"].get<RecordId>()}));

    EXPECT_EQ(Get(path + IdOf(todays))->status, 200);
    EXPECT_EQ(Get(path + IdOf(foreign))->status, 404);  // another project's entry
    res = Patch(path + IdOf(older), {{"timecard_entry", {{"description", "rebar"}}}});
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(BodyOf(res)["description"], "rebar");
    EXPECT_EQ(Patch(path + IdOf(foreign), {{"timecard_entry", {{"hours", 1}}}})->status, 404);
    EXPECT_EQ(client_->Delete(path + IdOf(foreign), auth_)->status, 404);
    EXPECT_EQ(client_->Delete(path + IdOf(older), auth_)->status, 200);
    EXPECT_EQ(Get(path + IdOf(older))->status, 404);

    // Unknown project, missing token, missing company header.
    EXPECT_EQ(Get(ProjectPath(777, "/timecard_entries"))->status, 404);
    EXPECT_EQ(
        Post(ProjectPath(777, "/timecard_entries"), Json{{"timecard_entry", EightHours(today)}})
            ->status,
        404);
    EXPECT_EQ(client_->Get(path)->status, 401);
    res = client_->Get(path,
                       httplib::Headers{{"Authorization", auth_.find("Authorization")->second}});
    EXPECT_EQ(res->status, 400);
}

TEST_F(TimecardsTest, BulkCreateMakesAllEntriesOrNone) {
    const std::string path =
        "/rest/v1.1/projects/" + std::to_string(project_) + "/project_timecard_entries/bulk_create";
    const auto item = [&](const std::string& date, const Json& origin) {
        return Json{{"project_id", project_},
                    {"date", date},
                    {"hours", "8"},
                    {"party_id", worker_},
                    {"origin_id", origin}};
    };
    auto res = Post(path, Json{{"timecard_entries",
                                {item("2024-05-06", "ext-1"), item("2024-05-07", "ext-2")}}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json created = BodyOf(res)["timecard_entries"];
    ASSERT_EQ(created.size(), 2u);
    EXPECT_EQ(created[0]["origin_id"], "ext-1");  // a string on v1.1
    EXPECT_EQ(created[0]["project_id"], project_);
    EXPECT_EQ(created[0]["company_id"], company_id_);
    EXPECT_EQ(created[0]["party_id"], worker_);
    EXPECT_EQ(created[0]["hours"], "8.00");
    EXPECT_TRUE(created[0]["timecard_time_type_id"].is_number_integer());
    EXPECT_EQ(BodyOf(Get(Entries())).size(), 2u);

    // One bad item: nothing is created, and the error names the item.
    Json bad = item("2024-05-09", "ext-4");
    bad["hours"] = 25;
    res = Post(path, Json{{"timecard_entries", {item("2024-05-08", "ext-3"), bad}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("timecard_entries[1].hours")) << res->body;
    EXPECT_EQ(BodyOf(Get(Entries())).size(), 2u);

    // origin_id taken already, or twice in one request.
    res = Post(path, Json{{"timecard_entries", {item("2024-05-08", "ext-1")}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("timecard_entries[0].origin_id"));
    res = Post(path,
               Json{{"timecard_entries", {item("2024-05-08", "dup"), item("2024-05-09", "dup")}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("timecard_entries[1].origin_id"));

    // Each item names the path's project.
    Json unscoped = item("2024-05-08", "ext-5");
    unscoped.erase("project_id");
    Json elsewhere = item("2024-05-08", "ext-6");
    elsewhere["project_id"] = AddProject("Elsewhere");
    res = Post(path, Json{{"timecard_entries", {unscoped, elsewhere}}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(BodyOf(res)["errors"].contains("timecard_entries[0].project_id"));
    EXPECT_TRUE(BodyOf(res)["errors"].contains("timecard_entries[1].project_id"));

    // At most 25 per request; an empty or missing list is a bad request.
    Json many = Json::array();
    for (int i = 0; i < 26; ++i) many.push_back(item("2024-05-10", "many-" + std::to_string(i)));
    res = Post(path, Json{{"timecard_entries", many}});
    EXPECT_EQ(res->status, 400);
    EXPECT_THAT(BodyOf(res)["message"].get<std::string>(), HasSubstr("25"));
    many.erase(many.size() - 1);
    EXPECT_EQ(Post(path, Json{{"timecard_entries", many}})->status, 201);
    EXPECT_EQ(Post(path, Json{{"timecard_entries", Json::array()}})->status, 400);
    EXPECT_EQ(Post(path, Json::object())->status, 400);
    EXPECT_EQ(Post("/rest/v1.1/projects/777/project_timecard_entries/bulk_create",
                   Json{{"timecard_entries", {item("2024-05-08", "x")}}})
                  ->status,
              404);
    EXPECT_EQ(client_->Post(path, Json::object().dump(), "application/json")->status, 401);
}

TEST_F(TimecardsTest, TimesheetsNumberTheirDayAndHoldTheirEntries) {
    const std::string path = ProjectPath(project_, "/timesheets");
    auto res = Post(path, Json{{"timesheet", {{"date", "2018-11-01"}}}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json first = BodyOf(res);
    EXPECT_EQ(first["date"], "2018-11-01");
    EXPECT_EQ(first["name"], "2018-11-01 - 01");
    EXPECT_EQ(first["number"], 1);
    EXPECT_EQ(first["status"], "pending");
    EXPECT_EQ(first["timecard_entries"], Json::array());
    EXPECT_TRUE(first["created_by"].is_object());
    res = Post(path, Json{{"timesheet", {{"date", "2018-11-01"}}}});
    const Json second = BodyOf(res);
    EXPECT_EQ(second["name"], "2018-11-01 - 02");
    EXPECT_EQ(second["number"], 2);

    EXPECT_EQ(Post(path, Json{{"timesheet", Json::object()}})->status, 422);
    EXPECT_EQ(Post(path, Json{{"timesheet", {{"date", "2018-13-01"}}}})->status, 422);
    EXPECT_EQ(Post(path, Json::object())->status, 400);
    EXPECT_EQ(Post(ProjectPath(777, "/timesheets"), Json{{"timesheet", {{"date", "2018-11-01"}}}})
                  ->status,
              404);

    Json fields = EightHours("2018-11-01");
    fields["timesheet_id"] = first["id"];
    const Json entry = CreateEntry(fields);
    EXPECT_EQ(entry["timesheet"]["id"], first["id"]);
    EXPECT_EQ(entry["timesheet"]["name"], "2018-11-01 - 01");
    // A timesheet of another project is refused.
    const RecordId elsewhere = AddProject("Elsewhere");
    const auto wrong = Post(Entries(), Json{{"project_id", elsewhere}, {"timecard_entry", fields}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_TRUE(BodyOf(wrong)["errors"].contains("timesheet_id"));

    res = Get(path);
    ASSERT_EQ(res->status, 200);
    const Json list = BodyOf(res);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(IdsIn(list[0]["timecard_entries"]),
              std::vector<RecordId>{entry["id"].get<RecordId>()});
    EXPECT_EQ(list[1]["timecard_entries"], Json::array());
    EXPECT_EQ(res->get_header_value("Total"), "2");
    EXPECT_EQ(BodyOf(Get(path + "?per_page=1&page=2")).size(), 1u);
    EXPECT_EQ(BodyOf(Get(path + "?filters[date]=2018-11-02...2018-11-30")), Json::array());
    EXPECT_EQ(BodyOf(Get(ProjectPath(elsewhere, "/timesheets"))), Json::array());

    res = Get(path + IdOf(first));
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), list[0]);
    EXPECT_EQ(Get(path + "/12345")->status, 404);
    EXPECT_EQ(Get(ProjectPath(elsewhere, "/timesheets") + IdOf(first))->status, 404);
    EXPECT_EQ(client_->Get(path)->status, 401);
}

TEST_F(TimecardsTest, CompanyTimesheetsGroupTheWeekByPerson) {
    const RecordId other_worker = AddContact("Bo", "Chen");
    const std::string today = Today();
    const Json ana = CreateEntry(EightHours(today));
    Json fields = EightHours(today);
    fields["party_id"] = other_worker;
    const Json bo = CreateEntry(fields);
    const Json old = CreateEntry(EightHours("2020-01-06"));
    const std::string path = CompanyPath("v1.0", "/timesheets");

    auto res = Get(path);
    ASSERT_EQ(res->status, 200) << res->body;
    Json groups = BodyOf(res);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0]["party"], (Json{{"id", worker_}, {"name", "Ana Lima"}}));
    EXPECT_EQ(IdsIn(groups[0]["timecard_entries"]),
              std::vector<RecordId>{ana["id"].get<RecordId>()});
    EXPECT_EQ(groups[0]["other_hours"], Json::array());
    EXPECT_EQ(groups[1]["party"]["id"], other_worker);
    EXPECT_EQ(groups[1]["timecard_entries"][0]["hours"], "8.00");

    res = Get(path + "?start_date=2020-01-01&end_date=2020-01-31");
    groups = BodyOf(res);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(IdsIn(groups[0]["timecard_entries"]),
              std::vector<RecordId>{old["id"].get<RecordId>()});

    EXPECT_EQ(BodyOf(Get(path + "?per_page=1&page=2"))[0]["party"]["id"], other_worker);
    EXPECT_EQ(Get(path + "?start_date=2020-01-01")->status, 400);
    EXPECT_EQ(Get(path + "?start_date=2020-01-01&end_date=soon")->status, 400);
    EXPECT_EQ(client_->Get(path)->status, 401);
    (void)bo;
}

TEST_F(TimecardsTest, WritesAreAnnouncedAsWebhookEvents) {
    EventReceiver entries;
    entries.Subscribe(emulator_.webhooks(), company_id_, "Timecard Entries");
    const Json entry = CreateEntry(EightHours("2024-05-06"));
    Patch(Entries(IdOf(entry)), {{"timecard_entry", {{"hours", 6}}}});
    client_->Delete(Entries(IdOf(entry)), auth_);
    const std::vector<Json> events = entries.WaitFor(3);
    ASSERT_EQ(events.size(), 3u);
    const char* kinds[] = {"create", "update", "delete"};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(events[i]["resource_name"], "Timecard Entries");
        EXPECT_EQ(events[i]["event_type"], kinds[i]);
        EXPECT_EQ(events[i]["resource_id"], entry["id"]);
        EXPECT_EQ(events[i]["project_id"], project_);
        EXPECT_EQ(events[i]["company_id"], company_id_);
    }
}

TEST_F(TimecardsTest, BulkEntriesAndTimesheetsAreAnnouncedToo) {
    EventReceiver receiver;
    WebhookStore& store = emulator_.webhooks();
    receiver.Subscribe(store, company_id_, "Timecard Entries");
    WebhookTrigger timesheets;
    timesheets.id = 10;
    timesheets.hook_id = 1;
    timesheets.resource_name = "Timesheets";
    timesheets.event_type = "create";
    timesheets.company_id = company_id_;
    store.AddTrigger(timesheets);

    const auto res =
        Post(ProjectPath(project_, "/timesheets"), Json{{"timesheet", {{"date", "2024-05-06"}}}});
    ASSERT_EQ(res->status, 201);
    Json item = EightHours("2024-05-06");
    item["project_id"] = project_;
    ASSERT_EQ(Post("/rest/v1.1/projects/" + std::to_string(project_) +
                       "/project_timecard_entries/bulk_create",
                   Json{{"timecard_entries", {item, item}}})
                  ->status,
              201);
    const std::vector<Json> events = receiver.WaitFor(3);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0]["resource_name"], "Timesheets");
    EXPECT_EQ(events[0]["resource_id"], BodyOf(res)["id"]);
    EXPECT_EQ(events[0]["project_id"], project_);
    for (std::size_t i = 1; i < 3; ++i) {
        EXPECT_EQ(events[i]["resource_name"], "Timecard Entries");
        EXPECT_EQ(events[i]["event_type"], "create");
    }
}

TEST_F(TimecardsTest, EntriesSurviveSavingAndLoadingTheState) {
    const Json entry = CreateEntry(EightHours("2024-05-06"));
    auto res = client_->Get("/__emulator/state");
    ASSERT_EQ(res->status, 200);
    const Json saved = BodyOf(res);
    ASSERT_EQ(client_->Post("/__emulator/reset", "", "application/json")->status, 200);
    ASSERT_EQ(client_->Put("/__emulator/state", saved.dump(), "application/json")->status, 200);
    auth_ = Auth();
    res = Get(Entries(IdOf(entry)));
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(BodyOf(res), entry);
    EXPECT_EQ(BodyOf(Get(CompanyPath("v1.0", "/timecard_time_types"))).size(), 3u);
}

TEST_F(TimecardsTest, FormBodiesWorkToo) {
    const auto res =
        client_->Post(Entries(), auth_,
                      httplib::Params{{"project_id", std::to_string(project_)},
                                      {"timecard_entry[date]", "2024-05-06"},
                                      {"timecard_entry[hours]", "7.25"},
                                      {"timecard_entry[billable]", "true"},
                                      {"timecard_entry[party_id]", std::to_string(worker_)},
                                      {"timecard_entry[origin_id]", "55"}});
    ASSERT_EQ(res->status, 201) << res->body;
    const Json entry = BodyOf(res);
    EXPECT_EQ(entry["hours"], "7.25");
    EXPECT_EQ(entry["billable"], true);
    EXPECT_EQ(entry["origin_id"], 55);
    EXPECT_EQ(entry["party"]["id"], worker_);
}

}  // namespace
}  // namespace crewsync::emulator::testing
