// End-to-end: the real crewsync binary links, syncs and invites against an emulator running
// inside the test process; what each command prints, writes and exits with. What crewsync prints
// here also goes to $CREWSYNC_TEST_OUTPUT_DIR with the run's secrets, for the leak check.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "support/connected_workspace.hpp"

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::HasSubstr;
using testing_support::ProgramOutput;

constexpr int kOk = 0;
constexpr int kInvalidInput = 3;
constexpr int kNotFound = 4;
constexpr int kAccess = 6;
constexpr int kBlocked = 10;

class SyncCliTest : public testing_support::ConnectedWorkspaceTest {
protected:
    SyncCliTest() : ConnectedWorkspaceTest("sync-cli-test-secret-5d20e8", "Sync CLI Test") {}

    void SetUp() override {
        ConnectedWorkspaceTest::SetUp();
        if (HasFatalFailure()) return;
        admin_ = std::make_unique<httplib::Client>("127.0.0.1", emulator_.Port());
    }

    void AddPerson(const std::string& first, const std::string& email,
                   const std::string& type = "user") {
        const ProgramOutput o = Run({"people", "add", "--first-name", first, "--last-name",
                                     "Tester", "--email", email, "--type", type});
        ASSERT_EQ(o.code, kOk) << o;
    }

    // Calls that wrote to Procore (anything but GET), of every endpoint.
    std::int64_t Writes() {
        std::int64_t writes = 0;
        for (const auto& [endpoint, count] : emulator_.services().counters.Snapshot()) {
            if (!endpoint.starts_with("GET ") && endpoint.find("/rest/") != std::string::npos) {
                writes += count;
            }
        }
        return writes;
    }

    // The emulator's Directory user with this e-mail (null when none).
    json UserByEmail(const std::string& email) {
        emulator::State& state = emulator_.services().state;
        std::lock_guard lock(state.mutex);
        for (const auto& [id, user] : state.FindCompany(company_id_)->users.All()) {
            if (user.value("email_address", "") == email) return user;
        }
        return nullptr;
    }

    void Admin(const std::string& path, const json& body) {
        const auto res = admin_->Put(path, body.dump(), "application/json");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
    }

    std::unique_ptr<httplib::Client> admin_;
};

TEST_F(SyncCliTest, DryRunPrintsThePlanAndWritesNothingThenTheRunCreatesAndLogs) {
    AddPerson("Ana", "ana@example.com");
    const std::int64_t before = Writes();
    const ProgramOutput dry = Run({"sync", "people", "--dry-run"});
    ASSERT_EQ(dry.code, kOk) << dry;
    EXPECT_THAT(dry.out, HasSubstr("nothing was written"));
    EXPECT_THAT(dry.out, HasSubstr("create user"));
    EXPECT_EQ(Writes(), before);
    EXPECT_TRUE(UserByEmail("ana@example.com").is_null());
    EXPECT_THAT(Run({"runs", "list"}).out, HasSubstr("No runs yet"));

    const ProgramOutput run = Run({"sync", "people", "--json"});
    ASSERT_EQ(run.code, kOk) << run;
    const json out = json::parse(run.out);
    EXPECT_EQ(out["status"], "succeeded");
    EXPECT_EQ(out["counts"]["created"], 1);
    const json user = UserByEmail("ana@example.com");
    ASSERT_FALSE(user.is_null());
    EXPECT_EQ(user["origin_id"], "crewsync:person:1");
    EXPECT_TRUE(user["welcome_email_sent_at"].is_null()) << "a sync never invites";

    const ProgramOutput again = Run({"sync", "people"});
    ASSERT_EQ(again.code, kOk) << again;
    EXPECT_THAT(again.out, HasSubstr("0 created, 0 updated, 1 unchanged"));
    const ProgramOutput shown = Run({"runs", "show", std::to_string(out["run_id"].get<int>())});
    EXPECT_THAT(shown.out, HasSubstr("created Directory user"));
}

TEST_F(SyncCliTest, APermissionWithdrawnMidwayStopsTheRunWithExitSixAndTheNextRunFinishes) {
    AddPerson("Ana", "ana@example.com");
    Admin("/__emulator/permissions", {{"directory", "read_only"}});
    const ProgramOutput stopped = Run({"sync", "people"});
    EXPECT_EQ(stopped.code, kAccess) << stopped;
    EXPECT_THAT(stopped.out, HasSubstr("failed"));
    EXPECT_THAT(stopped.err, HasSubstr("run the same command again"));

    Admin("/__emulator/permissions", {{"directory", "admin"}});
    const ProgramOutput finished = Run({"sync", "people"});
    EXPECT_EQ(finished.code, kOk) << finished;
    EXPECT_THAT(finished.out, HasSubstr("1 created"));
}

TEST_F(SyncCliTest, TheMassChangeGuardExitsTenWritesNothingAndLetsAnApprovedRunThrough) {
    for (int i = 0; i < 26; ++i) {
        AddPerson("P" + std::to_string(i), "p" + std::to_string(i) + "@example.com");
    }
    ASSERT_EQ(Run({"sync", "people"}).code, kOk);
    std::vector<std::string> deactivate = {"people", "deactivate"};
    for (int i = 0; i < 26; ++i) deactivate.push_back("p" + std::to_string(i) + "@example.com");
    ASSERT_EQ(Run(deactivate).code, kOk);

    const std::int64_t before = Writes();
    const ProgramOutput blocked = Run({"sync", "people"});
    EXPECT_EQ(blocked.code, kBlocked) << blocked;
    EXPECT_THAT(blocked.out, HasSubstr("--approve-mass-change"));
    EXPECT_EQ(Writes(), before);
    EXPECT_EQ(UserByEmail("p0@example.com")["is_active"], true);

    const ProgramOutput approved = Run({"sync", "people", "--approve-mass-change"});
    EXPECT_EQ(approved.code, kOk) << approved;
    EXPECT_THAT(approved.out, HasSubstr("26 deactivated"));
    EXPECT_EQ(UserByEmail("p0@example.com")["is_active"], false);
}

TEST_F(SyncCliTest, InviteSendsOnlyToTheNamedLinkedUsersAndLogsIt) {
    AddPerson("Ana", "ana@example.com");
    AddPerson("Bo", "bo@example.com");
    const ProgramOutput early = Run({"invite", "ana@example.com"});
    EXPECT_EQ(early.code, kInvalidInput) << early;
    EXPECT_THAT(early.err, HasSubstr("not linked to a Directory user"));

    ASSERT_EQ(Run({"sync", "people"}).code, kOk);
    const ProgramOutput sent = Run({"invite", "ana@example.com"});
    ASSERT_EQ(sent.code, kOk) << sent;
    EXPECT_THAT(sent.out, HasSubstr("invitation sent"));
    EXPECT_FALSE(UserByEmail("ana@example.com")["welcome_email_sent_at"].is_null());
    EXPECT_TRUE(UserByEmail("bo@example.com")["welcome_email_sent_at"].is_null());
    EXPECT_THAT(Run({"runs", "list"}).out, HasSubstr("invite"));
}

TEST_F(SyncCliTest, LinkSetUnlinkAndRejectSayWhatTheyDidAndRefuseWhatMakesNoSense) {
    AddPerson("Ana", "ana@example.com");
    AddPerson("Bo", "bo@example.com");
    ASSERT_EQ(Run({"sync", "people"}).code, kOk);
    const std::int64_t bo_user = UserByEmail("bo@example.com")["id"].get<std::int64_t>();

    const ProgramOutput unlinked = Run({"link", "unlink", "ana@example.com"});
    ASSERT_EQ(unlinked.code, kOk) << unlinked;
    EXPECT_THAT(unlinked.out, HasSubstr("unlinked from Procore user"));
    EXPECT_EQ(Run({"link", "unlink", "ana@example.com"}).code, kNotFound);

    // Bo's Directory user is linked to Bo: linking Ana to it too is refused.
    const ProgramOutput taken = Run({"link", "set", "ana@example.com", std::to_string(bo_user)});
    EXPECT_EQ(taken.code, 5) << taken;
    EXPECT_EQ(Run({"link", "set", "ana@example.com", "99"}).code, kNotFound);

    const std::int64_t ana_user = UserByEmail("ana@example.com")["id"].get<std::int64_t>();
    const ProgramOutput set = Run({"link", "set", "ana@example.com", std::to_string(ana_user)});
    ASSERT_EQ(set.code, kOk) << set;
    EXPECT_THAT(set.out, HasSubstr("linked to Procore user " + std::to_string(ana_user)));

    const ProgramOutput reject = Run({"link", "reject", "ana@example.com"});
    EXPECT_EQ(reject.code, kInvalidInput) << reject;
    EXPECT_THAT(reject.err, HasSubstr("not a suggestion"));
    const ProgramOutput report = Run({"link", "report"});
    ASSERT_EQ(report.code, kOk) << report;
    EXPECT_THAT(report.out, HasSubstr("2 linked"));
}

TEST_F(SyncCliTest, SyncTimePushesOnceReconcilesAndRefusesBadDates) {
    AddPerson("Cy", "cy@example.com", "assignable");
    ASSERT_EQ(Run({"projects", "add", "--name", "Harbor Works", "--number", "P-1"}).code, kOk);
    const std::map<std::string, std::string> crewsync_projects = {
        {"CREWSYNC_PROJECTS_SYSTEM_OF_RECORD", "crewsync"}};
    ASSERT_EQ(Run({"sync", "projects"}, crewsync_projects).code, kOk);
    ASSERT_EQ(Run({"time", "add", "cy@example.com", "P-1", "--date", "2026-11-16", "--hours",
                   "8", "--approval", "approved"})
                  .code,
              kOk);

    const std::int64_t before = Writes();
    const ProgramOutput dry = Run({"sync", "time", "--dry-run"});
    ASSERT_EQ(dry.code, kOk) << dry;
    EXPECT_THAT(dry.out, HasSubstr("nothing was written"));
    EXPECT_THAT(dry.out, HasSubstr("create contact"));
    EXPECT_THAT(dry.out, HasSubstr("create timecard"));
    EXPECT_EQ(Writes(), before);

    const ProgramOutput pushed =
        Run({"sync", "time", "--from", "2026-11-16", "--to", "2026-11-22", "--json"});
    ASSERT_EQ(pushed.code, kOk) << pushed;
    const json out = json::parse(pushed.out);
    EXPECT_EQ(out["kind"], "time");
    EXPECT_EQ(out["counts"]["created"], 2) << "the worker's contact and the timecard";

    const ProgramOutput again = Run({"sync", "time"});
    ASSERT_EQ(again.code, kOk) << again;
    EXPECT_THAT(again.out, HasSubstr("0 created, 0 updated, 1 unchanged"));

    const ProgramOutput reconciled =
        Run({"time", "reconcile", "--from", "2026-11-16", "--to", "2026-11-22", "--json"});
    ASSERT_EQ(reconciled.code, kOk) << reconciled;
    const json r = json::parse(reconciled.out);
    EXPECT_EQ(r["differences"], 0);
    EXPECT_EQ(r["matching"], 1);
    EXPECT_EQ(r["procore_hours"], "8");

    const ProgramOutput bad = Run({"sync", "time", "--from", "2026-13-01"});
    EXPECT_EQ(bad.code, kInvalidInput) << bad;
    EXPECT_THAT(bad.err, HasSubstr("--from '2026-13-01' is not a date"));
    const ProgramOutput backwards = Run({"time", "reconcile", "--from", "2026-11-22", "--to",
                                         "2026-11-16"});
    EXPECT_EQ(backwards.code, kInvalidInput) << backwards;
    const ProgramOutput misplaced = Run({"sync", "people", "--approved-only"});
    EXPECT_EQ(misplaced.code, kInvalidInput) << misplaced;
    EXPECT_THAT(misplaced.err, HasSubstr("are for `crewsync sync time`"));
}

}  // namespace
}  // namespace crewsync
