// End-to-end: the real crewsync binary imports Procore users as people (`workers import`) and
// syncs classifications (`classifications sync`) against an emulator running inside the test
// process; what each command prints, writes and exits with. What crewsync prints here also goes
// to $CREWSYNC_TEST_OUTPUT_DIR with the run's secrets, for the leak check.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/user_record.hpp"
#include "support/connected_workspace.hpp"

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::HasSubstr;
using testing_support::ProgramOutput;

constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kIncomplete = 9;
const std::map<std::string, std::string> kSettingOn = {
    {"CREWSYNC_TIME_CLASSIFICATION_SYNC", "true"}};

class WorkersCliTest : public testing_support::ConnectedWorkspaceTest {
protected:
    WorkersCliTest() : ConnectedWorkspaceTest("workers-cli-test-secret-81c4a2", "Workers CLI Test") {}

    // An active Directory user; `mobile` "" leaves the mobile phone out.
    std::int64_t PutUser(const std::string& first, const std::string& email,
                         const std::string& mobile = "312-555-0100",
                         std::int64_t classification = 0) {
        json fields = {{"first_name", first},      {"last_name", "Worker"},
                       {"email_address", email},   {"is_employee", true},
                       {"is_active", true},        {"employee_id", "E-" + first}};
        if (!mobile.empty()) fields["mobile_phone"] = mobile;
        if (classification != 0) fields["work_classification_id"] = classification;
        const Timestamp now = emulator_.services().clock.Now();
        return WithCompany([&](emulator::Company& company, emulator::State& state) {
            const std::int64_t id = state.NextId();
            company.users.Put(emulator::NewUserRecord(id, fields, now));
            return id;
        });
    }

    std::int64_t PutWorkClassification(const std::string& name) {
        return WithCompany([&](emulator::Company& company, emulator::State& state) {
            const std::int64_t id = state.NextId();
            company.work_classifications.Put(json{{"id", id}, {"name", name}});
            return id;
        });
    }

    std::vector<std::string> WorkClassificationNames() {
        return WithCompany([](emulator::Company& company, emulator::State&) {
            std::vector<std::string> names;
            for (const auto& [id, record] : company.work_classifications.All()) {
                names.push_back(record.value("name", ""));
            }
            return names;
        });
    }

    json ListJson(const std::vector<std::string>& args) {
        std::vector<std::string> with_json = args;
        with_json.push_back("--json");
        const ProgramOutput o = Run(with_json);
        EXPECT_EQ(o.code, kOk) << o;
        return json::parse(o.out, nullptr, false);
    }

};

TEST_F(WorkersCliTest, ADryRunPrintsThePlanAndWritesNothingThenTheImportCreatesAndLogs) {
    PutUser("Ana", "ana@example.com");
    PutUser("Bo", "bo@example.com", "");

    const ProgramOutput dry = Run({"workers", "import", "--dry-run"});
    ASSERT_EQ(dry.code, kOk) << dry;
    EXPECT_THAT(dry.out, HasSubstr("nothing was written"));
    EXPECT_THAT(dry.out, HasSubstr("create person"));
    EXPECT_THAT(dry.out, HasSubstr("not imported: mobile phone missing"));
    EXPECT_TRUE(ListJson({"people", "list"}).empty());
    EXPECT_THAT(Run({"runs", "list"}).out, HasSubstr("No runs yet"));

    const ProgramOutput run = Run({"workers", "import", "--json"});
    ASSERT_EQ(run.code, kOk) << run;
    const json out = json::parse(run.out);
    EXPECT_EQ(out["kind"], "workers");
    EXPECT_EQ(out["status"], "succeeded");
    EXPECT_EQ(out["counts"]["created"], 1);
    bool named = false;
    for (const json& line : out["skipped"]) {
        named = named || line["message"] == "not imported: mobile phone missing";
    }
    EXPECT_TRUE(named) << out.dump(2);
    const json people = ListJson({"people", "list"});
    ASSERT_EQ(people.size(), 1u) << people.dump(2);
    EXPECT_EQ(people[0]["email"], "ana@example.com");
    EXPECT_EQ(people[0]["employee_id"], "E-Ana");
    EXPECT_EQ(people[0]["type"], "both");

    const ProgramOutput again = Run({"workers", "import"});
    ASSERT_EQ(again.code, kOk) << again;
    EXPECT_THAT(again.out, HasSubstr("0 created, 0 updated, 1 unchanged"));
    EXPECT_THAT(again.out, HasSubstr("skipped  Bo Worker <bo@example.com>: not imported: mobile "
                                     "phone missing"));
    EXPECT_EQ(ListJson({"people", "list"}).size(), 1u);
    const ProgramOutput shown =
        Run({"runs", "show", std::to_string(out["run_id"].get<int>())});
    EXPECT_THAT(shown.out, HasSubstr("added to crewsync as person"));
}

TEST_F(WorkersCliTest, APersonCrewsyncCannotAcceptExitsNineAndTheOthersAreImported) {
    PutUser("Ana", "ana@example.com");
    PutUser("Cy", "cy@example.com", "ring the site office");

    const ProgramOutput run = Run({"workers", "import"});

    EXPECT_EQ(run.code, kIncomplete) << run;
    EXPECT_THAT(run.out, HasSubstr("partial"));
    EXPECT_THAT(run.out, HasSubstr("failed   Cy Worker <cy@example.com>"));
    EXPECT_EQ(ListJson({"people", "list"}).size(), 1u);
}

TEST_F(WorkersCliTest, ClassificationsSyncWithTheSettingOffSaysHowToTurnItOnAndExitsTwo) {
    PutWorkClassification("Carpenter");

    const ProgramOutput off = Run({"classifications", "sync"});

    EXPECT_EQ(off.code, kUsage) << off;
    EXPECT_THAT(off.err, HasSubstr("classification sync is off"));
    EXPECT_THAT(off.err, HasSubstr("classification_sync = true"));
    EXPECT_TRUE(ListJson({"classifications", "list"}).empty());
}

TEST_F(WorkersCliTest, ClassificationsSyncCreatesWhatEachSideIsMissing) {
    PutWorkClassification("Carpenter");
    PutWorkClassification("Journeyman Electrician");
    ASSERT_EQ(Run({"classifications", "add", "Foreman", "--abbreviation", "FM"}).code, kOk);
    ASSERT_EQ(Run({"classifications", "add", "journeyman electrician"}).code, kOk);

    const ProgramOutput dry = Run({"classifications", "sync", "--dry-run"}, kSettingOn);
    ASSERT_EQ(dry.code, kOk) << dry;
    EXPECT_THAT(dry.out, HasSubstr("create in crewsync  Carpenter"));
    EXPECT_THAT(dry.out, HasSubstr("create in Procore   Foreman"));
    EXPECT_EQ(WorkClassificationNames().size(), 2u);

    const ProgramOutput run = Run({"classifications", "sync", "--json"}, kSettingOn);
    ASSERT_EQ(run.code, kOk) << run;
    const json out = json::parse(run.out);
    EXPECT_EQ(out["kind"], "classifications");
    EXPECT_EQ(out["counts"]["created"], 2);
    EXPECT_EQ(out["counts"]["unchanged"], 1);
    EXPECT_EQ(ListJson({"classifications", "list"}).size(), 3u);
    EXPECT_THAT(WorkClassificationNames(),
                testing::UnorderedElementsAre("Carpenter", "Journeyman Electrician", "Foreman"));

    const ProgramOutput again = Run({"positions", "sync"}, kSettingOn);
    ASSERT_EQ(again.code, kOk) << again;
    EXPECT_THAT(again.out, HasSubstr("0 created, 3 unchanged, 0 failed"));
}

TEST_F(WorkersCliTest, WithTheSettingOnTheImportGivesPeopleTheirPosition) {
    const std::int64_t carpenter = PutWorkClassification("Carpenter");
    PutUser("Dee", "dee@example.com", "312-555-0102", carpenter);

    const ProgramOutput run = Run({"workers", "import"}, kSettingOn);

    ASSERT_EQ(run.code, kOk) << run;
    EXPECT_THAT(run.out, HasSubstr("classifications: 1 created"));
    const json people = ListJson({"people", "list"});
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0]["classification"], "Carpenter") << people.dump(2);
}

}  // namespace
}  // namespace crewsync
