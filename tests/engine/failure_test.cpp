// Runs that go wrong (product.md §4, §7): a run that stops part-way keeps what it finished and
// the next run does the rest, creating nothing twice; a record Procore refuses fails alone, with
// the reason in the run log.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using RecordRefusal = SyncTest;

// Few retries, so a call that keeps failing fails for good at once.
procore::testing::ClientSetup Impatient() {
    procore::testing::ClientSetup setup;
    setup.retry.max_attempts = 2;
    return setup;
}

class FailedRunTest : public SyncTest {
protected:
    std::vector<PersonId> AddWorkers(int count) {
        std::vector<PersonId> ids;
        for (int i = 0; i < count; ++i) {
            const std::string n = std::to_string(i);
            ids.push_back(AddPerson(MakePerson(PersonType::kUser, "Worker", "Number" + n,
                                               "worker" + n + "@example.com", "W-" + n)));
        }
        return ids;
    }
};

using PartFailedRun = FailedRunTest;
using CrashedRun = FailedRunTest;

TEST_F(PartFailedRun, KeepsEarlierBatchesAndTheNextRunFinishesWithoutDuplicates) {
    Connect(Impatient());
    const std::vector<PersonId> ids = AddWorkers(5);
    const std::int64_t users_before = UserCount();
    executor_.sync_batch = 2;
    // Once the first batch is stored, every users sync fails (a lasting 500).
    bool armed = false;
    executor_.progress = [&](std::int64_t finished, std::int64_t) {
        if (armed || finished < 2) return;
        armed = true;
        Admin("PUT", "/__emulator/faults",
              Json{{"error_share", 1.0}, {"statuses", {500}}, {"paths", "users/sync"}});
    };

    const SyncOutcome failed = Sync();

    EXPECT_TRUE(armed);
    EXPECT_EQ(failed.run.status, "failed") << failed.run.summary;
    EXPECT_NE(failed.run.summary.find("stopped after"), std::string::npos) << failed.run.summary;
    EXPECT_TRUE(failed.execution.stopped_by);
    EXPECT_EQ(failed.execution.done, 2);
    EXPECT_EQ(failed.execution.not_attempted, 1);
    EXPECT_EQ(Links().size(), 2u) << "the first batch's links are stored";
    EXPECT_TRUE(LinkOf(ids[0], "user"));
    EXPECT_TRUE(LinkOf(ids[1], "user"));
    EXPECT_EQ(UserCount(), users_before + 2);
    EXPECT_EQ(failed.run.counts.created, 2);
    EXPECT_EQ(failed.run.counts.failed, 2);

    Admin("DELETE", "/__emulator/faults");
    executor_.progress = {};
    const SyncOutcome next = Sync();

    EXPECT_EQ(next.run.status, "succeeded") << next.run.summary << "\n" << Dump(Lines(next));
    EXPECT_EQ(next.run.counts.created, 3);
    EXPECT_EQ(Links().size(), 5u);
    EXPECT_EQ(UserCount(), users_before + 5);
    for (const PersonId id : ids) {
        EXPECT_EQ(PeopleWithOrigin(PersonOrigin(id)), 1) << "person " << id.value();
        const auto link = LinkOf(id, "user");
        ASSERT_TRUE(link) << "person " << id.value();
        EXPECT_EQ(link->procore_id, UserWithOrigin(PersonOrigin(id)));
    }
}

TEST_F(CrashedRun, TheNextRunRecoversWhatTheLostCallCreatedAndCreatesNothing) {
    Connect(Impatient());
    const std::vector<PersonId> ids = AddWorkers(2);
    const std::int64_t users_before = UserCount();
    // The users sync reaches Procore, but its answer never comes back (as when the process
    // dies with the call in flight).
    loss_->Lose(http::Method::kPatch, "/users/sync", 100);

    const SyncOutcome crashed = Sync();

    EXPECT_EQ(crashed.run.status, "failed") << crashed.run.summary;
    EXPECT_TRUE(Links().empty());
    EXPECT_EQ(UserCount(), users_before + 2) << "the users were created all the same";

    loss_->Lose(http::Method::kPatch, "", 0);
    ResetCalls();
    const SyncOutcome next = Sync();

    EXPECT_EQ(next.run.status, "succeeded") << next.run.summary << "\n" << Dump(Lines(next));
    EXPECT_EQ(WriteCalls(), 0) << "nothing created, nothing to update";
    EXPECT_EQ(UserCount(), users_before + 2);
    for (const PersonId id : ids) {
        const auto link = LinkOf(id, "user");
        ASSERT_TRUE(link) << "person " << id.value();
        EXPECT_EQ(link->how, "recovered");
        EXPECT_EQ(link->procore_id, UserWithOrigin(PersonOrigin(id)));
        EXPECT_EQ(PeopleWithOrigin(PersonOrigin(id)), 1);
        EXPECT_TRUE(BaselineOf(store::Entity::kPerson, id.value()));
    }
}

TEST_F(CrashedRun, AContactCreatedBeforeTheCrashIsRecoveredToo) {
    const PersonId id = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    // What the crashed run left: the Contact with crewsync's origin id, no link.
    PersonFields fields;
    fields.first_name = "Cat";
    fields.last_name = "Moreno";
    fields.employee_id = "E-3";
    fields.is_employee = true;
    fields.origin_id = PersonOrigin(id);
    const procore::RemoteContact left = CreateDirectoryContact(fields);
    const std::int64_t contacts_before = ContactCount();
    ResetCalls();

    const SyncOutcome next = Sync();

    EXPECT_EQ(next.run.status, "succeeded") << next.run.summary << "\n" << Dump(Lines(next));
    EXPECT_EQ(ContactCount(), contacts_before);
    EXPECT_EQ(WriteCalls(), 0);
    const auto link = LinkOf(id, "contact");
    ASSERT_TRUE(link);
    EXPECT_EQ(link->procore_id, left.id);
    EXPECT_EQ(link->how, "recovered");
}

TEST_F(RecordRefusal, ARecordProcoreRefusesFailsAloneWithTheReason) {
    const PersonId ana =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const PersonId bea =
        AddPerson(MakePerson(PersonType::kUser, "Bea", "Ruiz", "bea-at-example.com", "E-2"));
    const PersonId cat = AddPerson(MakePerson(PersonType::kAssignable, "Cat", "Moreno", "", "E-3"));
    const PersonId dee = AddPerson(MakePerson(PersonType::kAssignable, "Dee", "", "", "E-4"));
    const PersonId eve =
        AddPerson(MakePerson(PersonType::kBoth, "Eve", "Hart", "eve@example.com", "E-5"));

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "partial") << run.run.summary << "\n" << Dump(Lines(run));
    EXPECT_EQ(run.run.counts.failed, 2);
    EXPECT_EQ(run.run.counts.created, 3);
    EXPECT_TRUE(HasLine(LinesOf(run, bea), "create user", "failed", "e-mail address: is invalid"))
        << Dump(Lines(run));
    EXPECT_TRUE(HasLine(LinesOf(run, dee), "create contact", "failed",
                        "last name: can't be blank"))
        << Dump(Lines(run));
    EXPECT_FALSE(LinkOf(bea, "user"));
    EXPECT_FALSE(LinkOf(dee, "contact"));
    EXPECT_FALSE(BaselineOf(store::Entity::kPerson, bea.value()));
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(bea)), 0);
    EXPECT_EQ(PeopleWithOrigin(PersonOrigin(dee)), 0);
    for (const PersonId id : {ana, eve}) {
        EXPECT_TRUE(LinkOf(id, "user")) << "person " << id.value();
        EXPECT_EQ(PeopleWithOrigin(PersonOrigin(id)), 1);
    }
    EXPECT_TRUE(LinkOf(cat, "contact"));

    // The refused records are tried again, and fail again, alone.
    const SyncOutcome again = Sync();
    EXPECT_EQ(again.run.status, "partial");
    EXPECT_EQ(again.run.counts.failed, 2);
    EXPECT_EQ(again.run.counts.created, 0);
}

}  // namespace
}  // namespace crewsync::engine::testing
