// What a sync never does to the Directory (product.md §3): it sends no login invitations, and it
// gives the configured permission template to the Users it creates only.
#include "engine/sync_fixture.hpp"

namespace crewsync::engine::testing {
namespace {

using DirectoryRules = SyncTest;

TEST_F(DirectoryRules, ASyncNeverSendsAnInvitation) {
    const PersonId ana =
        AddPerson(MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1"));
    const PersonId ben =
        AddPerson(MakePerson(PersonType::kBoth, "Ben", "Ito", "ben@example.com", "E-2"));
    UserFields existing;
    existing.first_name = "Cy";
    existing.last_name = "Lee";
    existing.email_address = "cy@example.com";
    CreateDirectoryUser(existing);
    AddPerson(MakePerson(PersonType::kUser, "Cy", "Lee", "cy@example.com", "E-6"));
    ResetCalls();

    ASSERT_EQ(Sync().run.status, "succeeded");
    // Updates, a deactivation and a reactivation send none either.
    EditPerson(ana, [](Person& p) { p.job_title = "Foreman"; });
    EditPerson(ben, [](Person& p) { p.status = RecordStatus::kInactive; });
    ASSERT_EQ(Sync().run.status, "succeeded");
    EditPerson(ben, [](Person& p) { p.status = RecordStatus::kActive; });
    ASSERT_EQ(Sync().run.status, "succeeded");

    EXPECT_EQ(CallsContaining("/invite"), 0);
    WithCompany([](emulator::Company& company, emulator::State&) {
        for (const auto& [id, user] : company.users.All()) {
            EXPECT_TRUE(user.value("welcome_email_sent_at", Json()).is_null())
                << "user " << id << " was invited";
        }
    });
}

TEST_F(DirectoryRules, OnlyNewUsersGetThePermissionTemplate) {
    const auto templates = api().ListPermissionTemplates();
    ASSERT_TRUE(templates) << templates.error().ToString();
    ASSERT_GE(templates->size(), 2u);
    const ProcoreId configured = (*templates)[0].id;
    const ProcoreId theirs = (*templates)[1].id;
    settings_.permission_template_id = configured;
    // Two Users that exist already: one with a template of its own, one with none.
    UserFields with_template;
    with_template.first_name = "Ana";
    with_template.last_name = "Lopez";
    with_template.email_address = "ana@example.com";
    with_template.default_permission_template_id = theirs;
    const procore::RemoteUser ana_user = CreateDirectoryUser(with_template);
    UserFields without;
    without.first_name = "Cy";
    without.last_name = "Lee";
    without.email_address = "cy@example.com";
    const procore::RemoteUser cy_user = CreateDirectoryUser(without);
    Person ana = MakePerson(PersonType::kUser, "Ana", "Lopez", "ana@example.com", "E-1");
    ana.job_title = "Superintendent";
    const PersonId ana_id = AddPerson(ana);
    Person cy = MakePerson(PersonType::kBoth, "Cy", "Lee", "cy@example.com", "E-6");
    cy.job_title = "Foreman";
    AddPerson(cy);
    const PersonId ben_id =
        AddPerson(MakePerson(PersonType::kUser, "Ben", "Ito", "ben@example.com", "E-2"));

    const SyncOutcome run = Sync();

    EXPECT_EQ(run.run.status, "succeeded") << run.run.summary << "\n" << Dump(Lines(run));
    const Json ben_user = UserRecord(UserWithOrigin(PersonOrigin(ben_id)));
    ASSERT_FALSE(ben_user.is_null());
    EXPECT_EQ(ben_user.value("default_permission_template_id", Json()), Json(configured));
    EXPECT_TRUE(HasLine(LinesOf(run, ben_id), "create user", "done",
                        "with permission template " + std::to_string(configured)))
        << Dump(Lines(run));
    // The linked Users were updated, and their templates left as they were.
    const Json ana_after = UserRecord(ana_user.id);
    EXPECT_EQ(Text(ana_after, "job_title"), "Superintendent");
    EXPECT_EQ(ana_after.value("default_permission_template_id", Json()), Json(theirs));
    const Json cy_after = UserRecord(cy_user.id);
    EXPECT_EQ(Text(cy_after, "job_title"), "Foreman");
    EXPECT_TRUE(cy_after.value("default_permission_template_id", Json()).is_null());
    EXPECT_TRUE(LinkOf(ana_id, "user"));

    // Nor on later runs.
    EditPerson(ana_id, [](Person& p) { p.job_title = "Project Manager"; });
    Sync();
    EXPECT_EQ(UserRecord(ana_user.id).value("default_permission_template_id", Json()),
              Json(theirs));
    EXPECT_EQ(Text(UserRecord(ana_user.id), "job_title"), "Project Manager");
}

}  // namespace
}  // namespace crewsync::engine::testing
