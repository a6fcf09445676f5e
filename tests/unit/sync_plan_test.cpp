// Plan and mass-change guard rules (product.md §3, §5, §7) stated in code.
#include <gtest/gtest.h>

#include "support/sync_builders.hpp"
#include "sync/plan.hpp"

namespace crewsync::sync {
namespace {

using testing::MakePerson;
using testing::MakeUser;

Plan PlanWith(std::int64_t linked, std::int64_t touched, OperationKind kind) {
    Plan plan;
    plan.linked_records = linked;
    for (std::int64_t i = 0; i < touched; ++i) {
        Operation op;
        op.kind = kind;
        op.remote_kind = RemoteKind::kUser;
        op.remote_id = 1000 + i;
        plan.operations.push_back(op);
    }
    return plan;
}

TEST(MassChangeGuard, DefaultAllowsTenPercentOfALargeCompany) {
    const Settings s;  // 10%, at least 25
    EXPECT_FALSE(CheckMassChange(PlanWith(1000, 100, OperationKind::kDeactivateRemote), s).blocked);
    const GuardDecision d = CheckMassChange(PlanWith(1000, 101, OperationKind::kDeactivateRemote), s);
    EXPECT_TRUE(d.blocked);
    EXPECT_EQ(d.limit, 100);
    EXPECT_EQ(d.affected, 101);
    EXPECT_NE(d.message.find("101 of 1000"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("--approve-mass-change"), std::string::npos);
}

TEST(MassChangeGuard, SmallCompaniesMayAlwaysChangeFewerThanTheMinimum) {
    const Settings s;
    EXPECT_FALSE(CheckMassChange(PlanWith(30, 24, OperationKind::kUpdateRemote), s).blocked);
    EXPECT_TRUE(CheckMassChange(PlanWith(30, 25, OperationKind::kUpdateRemote), s).blocked);
}

TEST(MassChangeGuard, CreatesAndLinksDoNotCount) {
    const Settings s;
    EXPECT_FALSE(CheckMassChange(PlanWith(10, 500, OperationKind::kCreateUser), s).blocked);
    EXPECT_FALSE(CheckMassChange(PlanWith(10, 500, OperationKind::kLink), s).blocked);
}

TEST(MassChangeGuard, CountsEachRecordOnce) {
    Plan plan = PlanWith(100, 20, OperationKind::kUpdateRemote);
    Plan more = PlanWith(100, 20, OperationKind::kDeactivateRemote);
    plan.operations.insert(plan.operations.end(), more.operations.begin(), more.operations.end());
    EXPECT_EQ(CheckMassChange(plan, Settings{}).affected, 20);
}

TEST(SyncPlan, FieldsOutsideTheMapAreNeverTouched) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane@acme.com")};
    local.people[0].person.groups = {"North"};
    local.people[0].person.custom_fields = {{"shirt", "L"}};
    local.people[0].person.classification = "Foreman";
    local.people[0].person.permission = PermissionLevel::kAdmin;
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Doe", "jane@acme.com")};
    SyncState state;
    state.links = {{LocalKind::kPerson, 1, RemoteKind::kUser, 101, LinkOrigin::kMatched}};
    const Plan plan = BuildPlan(local, remote, state, Settings{});
    EXPECT_TRUE(plan.operations.empty());
    EXPECT_EQ(plan.counts.unchanged, 1);
}

TEST(SyncPlan, ExistingUsersNeverGetAPermissionTemplate) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane@acme.com"),
                    MakePerson(2, "New", "Hire", "new@acme.com")};
    local.people[0].person.job_title = "Boss";
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Doe", "jane@acme.com")};
    Settings settings;
    settings.permission_template_id = 42;
    const Plan plan = BuildPlan(local, remote, {}, settings);
    for (const Operation& op : plan.operations) {
        EXPECT_EQ(op.permission_template_id, op.kind == OperationKind::kCreateUser ? 42 : 0)
            << Name(op.kind);
    }
}

TEST(SyncPlan, UpToDateRecordStillRemembersItsBaselineOnce) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe", "jane@acme.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Doe", "jane@acme.com")};
    SyncState state;
    state.links = {{LocalKind::kPerson, 1, RemoteKind::kUser, 101, LinkOrigin::kMatched}};
    const Plan first = BuildPlan(local, remote, state, Settings{});
    ASSERT_EQ(first.person_baselines.size(), 1u);
    EXPECT_EQ(first.person_baselines[0].remote_id, 101);
    state.people = first.person_baselines;
    EXPECT_TRUE(BuildPlan(local, remote, state, Settings{}).Empty());
}

TEST(SyncPlan, NewestWinsTieGoesToCrewsync) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "Jane", "Doe-Smith", "jane@acme.com")};
    RemoteSnapshot remote;
    remote.users = {MakeUser(101, "Jane", "Smith", "jane@acme.com")};
    local.people[0].modified_at = remote.users[0].updated_at;
    SyncState state;
    state.links = {{LocalKind::kPerson, 1, RemoteKind::kUser, 101, LinkOrigin::kMatched}};
    PersonBaseline base{1, PersonType::kUser, RemoteKind::kUser, 101,
                        ValuesOf(MakePerson(1, "Jane", "Doe", "jane@acme.com").person)};
    state.people = {base};
    Settings settings;
    settings.direction = SyncDirection::kTwoWay;
    const Plan plan = BuildPlan(local, remote, state, settings);
    ASSERT_EQ(plan.operations.size(), 1u);
    EXPECT_EQ(plan.operations[0].kind, OperationKind::kUpdateRemote);
    ASSERT_TRUE(plan.operations[0].changes[0].conflict);
    EXPECT_EQ(plan.operations[0].changes[0].conflict->winner, "crewsync");
    EXPECT_EQ(plan.counts.conflicts, 1);
}

TEST(SyncPlan, HeldBackRecordsAreCountedAsSkipped) {
    LocalSnapshot local;
    local.people = {MakePerson(1, "A", "B", "same@acme.com"), MakePerson(2, "C", "D", "same@acme.com")};
    const Plan plan = BuildPlan(local, {}, {}, Settings{});
    EXPECT_TRUE(plan.operations.empty());
    EXPECT_EQ(plan.counts.skipped, 2);
}

TEST(SyncPlan, NoOperationEverInvites) {
    for (int k = 0; k <= static_cast<int>(OperationKind::kImportPerson); ++k) {
        const std::string name = Name(static_cast<OperationKind>(k));
        EXPECT_EQ(name.find("invite"), std::string::npos);
        EXPECT_NE(name, "?");
    }
}

}  // namespace
}  // namespace crewsync::sync
