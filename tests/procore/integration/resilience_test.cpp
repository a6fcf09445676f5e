// What the transport cures: an expired token, a storm of 429s, a fifth of all answers failing.
// Each write must land exactly once, and no call may fail.
#include <chrono>
#include <map>
#include <string>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using ResilienceTest = ClientTest;

TEST_F(ResilienceTest, RenewsATokenProcoreRejects) {
    ASSERT_TRUE(api().GetMe());
    // The emulator's token expires; the client's clock says it is still fresh, so only the 401
    // can tell it.
    Admin("POST", "/__emulator/clock", Json{{"advance_seconds", 6000}});

    const auto users = api().ListUsers({});

    ASSERT_TRUE(users) << users.error().ToString();
    EXPECT_EQ(transport().stats().renewals, 1);
    EXPECT_EQ(keeper_->renewals(), 2) << "the first token and its renewal";
}

// Creates `count` users and then updates each: 2 × count writes.
void CreateThenUpdate(ProcoreClient& api, const std::string& key, int count) {
    std::vector<ProcoreId> ids;
    for (int i = 0; i < count; ++i) {
        UserFields user;
        user.last_name = "Storm" + std::to_string(i);
        user.email_address = key + std::to_string(i) + "@example.com";
        user.origin_id = key + "-" + std::to_string(i);
        const auto created = api.CreateUser(user);
        ASSERT_TRUE(created) << created.error().ToString();
        ids.push_back(created->id);
    }
    for (const ProcoreId id : ids) {
        UserFields change;
        change.job_title = "Updated";
        const auto updated = api.UpdateUser(id, change);
        ASSERT_TRUE(updated) << updated.error().ToString();
    }
}

TEST_F(ResilienceTest, RateLimitStormLandsEveryWriteOnce) {
    const auto real_start = std::chrono::steady_clock::now();
    ClientSetup ungoverned;
    ungoverned.virtual_time = true;
    ungoverned.governor.enabled = false;
    Connect(ungoverned);
    Admin("PUT", "/__emulator/rate_limits", Json{{"hourly", 100000}, {"spike", 5}});
    CreateThenUpdate(api(), "wild", 20);
    const std::int64_t ungoverned_429s = transport().stats().rate_limited;

    ClientSetup governed;
    governed.virtual_time = true;
    Connect(governed);
    Admin("PUT", "/__emulator/rate_limits", Json{{"hourly", 100000}, {"spike", 5}});
    CreateThenUpdate(api(), "tame", 20);
    const std::int64_t governed_429s = transport().stats().rate_limited;

    EXPECT_GT(ungoverned_429s, 0);
    EXPECT_LT(governed_429s, ungoverned_429s);
    EXPECT_LE(governed_429s, 2) << "the governor paces instead of hitting the limit";
    for (const std::string key : {"wild", "tame"}) {
        for (int i = 0; i < 20; ++i) {
            const std::string origin = key + "-" + std::to_string(i);
            EXPECT_EQ(UsersWithOrigin(origin), 1) << origin;
        }
    }
    WithCompany([](emulator::Company& company, emulator::State&) {
        int updated = 0;
        for (const auto& [id, user] : company.users.All()) {
            updated += user.value("job_title", Json()) == Json("Updated") ? 1 : 0;
        }
        EXPECT_EQ(updated, 40);
    });
    EXPECT_GT(virtual_time_->slept(), std::chrono::seconds(60)) << "5 per 10 s for 80 writes";
    EXPECT_LT(std::chrono::steady_clock::now() - real_start, std::chrono::seconds(10));
}

TEST_F(ResilienceTest, FailingFifthOfAnswersLosesNoWriteAndDuplicatesNone) {
    ClientSetup patient;
    patient.retry.max_attempts = 10;
    patient.client.sync_batch = 10;
    Connect(patient);
    Admin("PUT", "/__emulator/faults",
          Json{{"error_share", 0.2},
               {"statuses", {500, 502, 503}},
               {"seed", 20260523},
               {"retry_after_seconds", 0}});

    for (int i = 0; i < 100; ++i) {
        UserFields user;
        user.last_name = "Faulty" + std::to_string(i);
        user.email_address = "faulty" + std::to_string(i) + "@example.com";
        user.origin_id = "faulty-" + std::to_string(i);
        const auto created = api().CreateUser(user);
        ASSERT_TRUE(created) << created.error().ToString();
    }
    std::vector<UserSyncItem> items(100);
    for (int i = 0; i < 100; ++i) {
        items[static_cast<std::size_t>(i)].fields.last_name = "Synced" + std::to_string(i);
        items[static_cast<std::size_t>(i)].fields.email_address =
            "synced" + std::to_string(i) + "@example.com";
        items[static_cast<std::size_t>(i)].fields.origin_id = "synced-" + std::to_string(i);
    }
    const auto synced = api().SyncUsers(items);
    ASSERT_TRUE(synced) << synced.error().ToString();
    EXPECT_TRUE(synced->errors.empty());
    EXPECT_EQ(synced->entities.size(), 100u);
    Admin("DELETE", "/__emulator/faults");

    const TransportStats& stats = transport().stats();
    EXPECT_GT(stats.retries, 10) << "about a fifth of ~200 writes failed at first";
    EXPECT_GT(stats.lookups, 0) << "creates answered 500/502 were looked up before resending";
    const auto listed = api().ListUsers({});
    ASSERT_TRUE(listed) << listed.error().ToString();
    std::map<std::string, int> by_origin;
    for (const RemoteUser& user : *listed) ++by_origin[user.origin_id];
    for (const std::string key : {"faulty", "synced"}) {
        for (int i = 0; i < 100; ++i) {
            const std::string origin = key + "-" + std::to_string(i);
            EXPECT_EQ(by_origin[origin], 1) << origin;
            EXPECT_EQ(UsersWithOrigin(origin), 1) << origin;
        }
    }
    const auto found = api().FindUserByOriginId("synced-99");
    ASSERT_TRUE(found) << found.error().ToString();
    EXPECT_TRUE(found->has_value());
    EXPECT_EQ(UserCount(), 201);
}

}  // namespace
}  // namespace crewsync::procore::testing
