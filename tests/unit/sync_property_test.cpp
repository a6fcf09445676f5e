// Properties of the sync core over randomly generated companies and random edits on both sides:
// applying a plan and planning again leaves nothing to do (idempotence), and no plan ever
// creates a record twice, invites anyone or touches an existing user's permissions.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "support/apply_plan.hpp"
#include "support/scenario.hpp"
#include "synth/company.hpp"
#include "sync/link_report.hpp"
#include "sync/plan.hpp"

namespace crewsync::sync {
namespace {

using testing::ApplyPlan;
using testing::World;

class Dice {
public:
    explicit Dice(std::uint64_t seed) : rng_(seed) {}
    std::uint64_t Below(std::uint64_t n) { return rng_() % n; }
    bool Chance(double p) { return static_cast<double>(rng_() >> 11) * 0x1.0p-53 < p; }

private:
    std::mt19937_64 rng_;
};

Settings RandomSettings(Dice& dice) {
    Settings s;
    s.scope = dice.Chance(0.3) ? PeopleScope::kUsersOnly : PeopleScope::kAll;
    s.direction = dice.Chance(0.4) ? SyncDirection::kTwoWay : SyncDirection::kOneWay;
    const std::uint64_t rule = dice.Below(3);
    s.conflict_rule = rule == 0   ? ConflictRule::kNewestWins
                      : rule == 1 ? ConflictRule::kCrewsyncWins
                                  : ConflictRule::kProcoreWins;
    s.deactivate_user_on_type_change = dice.Chance(0.5);
    s.permission_template_id = dice.Chance(0.5) ? 7 : 0;
    s.projects_system_of_record = dice.Chance(0.5) ? SystemOfRecord::kCrewsync
                                                   : SystemOfRecord::kProcore;
    return s;
}

World Generate(std::uint64_t seed) {
    synth::CompanyShape shape;
    shape.seed = seed;
    shape.people = 300;
    shape.directory_only = 60;
    shape.projects = 30;
    shape.procore_only_projects = 8;
    synth::Company company = synth::GenerateCompany(shape);
    World w;
    w.local = std::move(company.local);
    w.remote = std::move(company.remote);
    return w;
}

// Edits a share of records on both sides the way people do between two syncs.
void EditBothSides(World& w, Dice& dice) {
    const char* titles[] = {"Foreman", "Laborer", "Superintendent", "Carpenter"};
    for (LocalPerson& lp : w.local.people) {
        Person& p = lp.person;
        if (dice.Chance(0.05)) p.job_title = titles[dice.Below(4)];
        if (dice.Chance(0.03)) p.mobile_phone = "312 555 " + std::to_string(1000 + dice.Below(9000));
        if (dice.Chance(0.03)) {
            p.status = p.status == RecordStatus::kActive ? RecordStatus::kInactive
                                                         : RecordStatus::kActive;
        }
        if (dice.Chance(0.03)) p.type = static_cast<PersonType>(dice.Below(3));
        if (dice.Chance(0.02)) p.last_name += "-Lee";
        if (dice.Chance(0.1)) lp.modified_at = w.now + std::chrono::minutes(dice.Below(120));
    }
    for (RemoteUser& u : w.remote.users) {
        if (dice.Chance(0.04)) u.mobile_phone = "(773) 555-" + std::to_string(1000 + dice.Below(9000));
        if (dice.Chance(0.02)) u.job_title = "Edited in Procore";
        if (dice.Chance(0.02)) u.active = !u.active;
        if (dice.Chance(0.02)) u.last_name += "-Kim";
        if (dice.Chance(0.1)) u.updated_at = w.now + std::chrono::minutes(dice.Below(120));
    }
    for (RemoteContact& c : w.remote.contacts) {
        if (dice.Chance(0.03)) c.first_name += "y";
        if (dice.Chance(0.02)) c.active = !c.active;
    }
    for (LocalProject& lp : w.local.projects) {
        if (dice.Chance(0.05)) lp.project.city = "Joliet";
    }
    for (RemoteProject& p : w.remote.projects) {
        if (dice.Chance(0.05)) p.address = "9 Changed Ave";
    }
    // The same field edited on both sides: a two-way conflict.
    for (const Link& link : w.state.links) {
        if (link.remote_kind != RemoteKind::kUser || !dice.Chance(0.05)) continue;
        for (LocalPerson& lp : w.local.people) {
            if (lp.person.id.value() == link.local_id) lp.person.first_name += "-Local";
        }
        for (RemoteUser& u : w.remote.users) {
            if (u.id == link.remote_id) u.first_name += "-Remote";
        }
    }
    // New hires on the crewsync side.
    for (int i = 0; i < 5; ++i) {
        LocalPerson lp;
        lp.person.id = PersonId(w.next_local_id++);
        lp.person.first_name = "New";
        lp.person.last_name = "Hire" + std::to_string(lp.person.id.value());
        lp.person.email = "new" + std::to_string(lp.person.id.value()) + "@acme.example";
        lp.person.employee_id = "N" + std::to_string(lp.person.id.value());
        lp.person.type = static_cast<PersonType>(dice.Below(3));
        w.local.people.push_back(lp);
    }
}

void CheckInvariants(const Plan& plan, const Settings& settings) {
    std::set<std::pair<int, std::int64_t>> created;
    std::set<std::pair<int, ProcoreId>> linked;
    for (const Operation& op : plan.operations) {
        const bool create = op.kind == OperationKind::kCreateUser ||
                            op.kind == OperationKind::kCreateContact ||
                            op.kind == OperationKind::kCreateProject;
        if (create) {
            EXPECT_TRUE(created.insert({static_cast<int>(op.local_kind), op.local_id}).second)
                << "created twice: " << op.label;
            EXPECT_FALSE(op.origin_id.empty());
        }
        if (op.kind == OperationKind::kLink) {
            EXPECT_TRUE(linked.insert({static_cast<int>(op.remote_kind), op.remote_id}).second);
        }
        EXPECT_EQ(op.permission_template_id,
                  op.kind == OperationKind::kCreateUser ? settings.permission_template_id : 0);
        if (settings.scope == PeopleScope::kUsersOnly && op.local_kind == LocalKind::kPerson &&
            op.kind == OperationKind::kCreateContact) {
            ADD_FAILURE() << "users_only scope created a contact for " << op.label;
        }
    }
}

std::string DescribeBaselines(const Plan& plan, const World& w) {
    std::string out;
    for (const PersonBaseline& b : plan.person_baselines) {
        out += "\nperson " + std::to_string(b.person_id) + " " + Name(b.remote_kind) + " " +
               std::to_string(b.remote_id) + " type " + std::string(Name(b.type));
        for (const PersonBaseline& s : w.state.people) {
            if (s.person_id != b.person_id) continue;
            out += " | stored " + std::string(Name(s.remote_kind)) + " " + std::to_string(s.remote_id) +
                   " type " + std::string(Name(s.type));
            for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
                if (s.values[i] != b.values[i]) out += " [" + s.values[i] + " -> " + b.values[i] + "]";
            }
        }
    }
    return out;
}

class SyncIdempotence : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(SyncIdempotence, ApplyingAPlanLeavesNothingToDoEvenAfterEditsOnBothSides) {
    const std::uint64_t seed = GetParam();
    Dice dice(seed * 7919);
    const Settings settings = RandomSettings(dice);
    World w = Generate(seed);
    for (int round = 0; round < 3; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const Plan plan = BuildPlan(w.local, w.remote, w.state, settings);
        CheckInvariants(plan, settings);
        if (round == 0) {
            EXPECT_FALSE(plan.operations.empty());
        }
        ApplyPlan(w, plan);
        const Plan again = BuildPlan(w.local, w.remote, w.state, settings);
        ASSERT_TRUE(again.Empty()) << ::testing::PrintToString(testing::PlanLines(again))
                                   << "\n" << again.person_baselines.size() << " person and "
                                   << again.project_baselines.size() << " project baselines"
                                   << DescribeBaselines(again, w);
        EditBothSides(w, dice);
        w.now += std::chrono::hours(3);
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SyncIdempotence, ::testing::Range<std::uint64_t>(1, 25));

// A run that stopped after Procore created the records but before crewsync stored the links:
// the next plan links every one of them back by the origin id the create wrote, and creates
// nothing (product.md §4, "a crash never makes a duplicate").
class SyncCrashRecovery : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(SyncCrashRecovery, RecordsCreatedBeforeTheLinksWereStoredAreLinkedBackNotCreatedAgain) {
    const std::uint64_t seed = GetParam();
    Dice dice(seed * 104729);
    const Settings settings = RandomSettings(dice);
    World w = Generate(seed);
    const Plan plan = BuildPlan(w.local, w.remote, w.state, settings);
    std::set<std::pair<std::int64_t, LocalKind>> created;
    for (const Operation& op : plan.operations) {
        if (op.kind == OperationKind::kCreateUser || op.kind == OperationKind::kCreateContact ||
            op.kind == OperationKind::kCreateProject) {
            created.insert({op.local_id, op.local_kind});
        }
    }
    ASSERT_FALSE(created.empty());
    const SyncState before = w.state;
    ApplyPlan(w, plan);
    w.state = before;  // the crash: Procore has the records, crewsync remembers nothing new

    const Plan again = BuildPlan(w.local, w.remote, w.state, settings);
    std::set<std::pair<std::int64_t, LocalKind>> recovered;
    for (const Operation& op : again.operations) {
        EXPECT_NE(op.kind, OperationKind::kCreateUser) << op.label;
        EXPECT_NE(op.kind, OperationKind::kCreateContact) << op.label;
        EXPECT_NE(op.kind, OperationKind::kCreateProject) << op.label;
        if (op.kind == OperationKind::kLink && op.link_origin == LinkOrigin::kRecovered) {
            recovered.insert({op.local_id, op.local_kind});
        }
    }
    EXPECT_EQ(recovered, created);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SyncCrashRecovery, ::testing::Range<std::uint64_t>(1, 9));

}  // namespace
}  // namespace crewsync::sync
