// Long lists page by page: every record once, the fewest calls, progress after each page, and
// the edges (no record at all, exactly one full page).
#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using ListsTest = ClientTest;

struct ProgressLog {
    std::vector<std::int64_t> done;
    std::vector<std::optional<std::int64_t>> totals;

    ListProgress Listener() {
        return [this](std::int64_t so_far, std::optional<std::int64_t> total) {
            done.push_back(so_far);
            totals.push_back(total);
        };
    }
};

TEST_F(ListsTest, ListsTenThousandUsersInFullPages) {
    AddUsers(9'999);  // and the service account
    const std::int64_t n = UserCount();
    ASSERT_EQ(n, 10'000);
    ResetCalls();
    ProgressLog progress;

    const auto users = api().ListUsers(progress.Listener());

    ASSERT_TRUE(users) << users.error().ToString();
    EXPECT_EQ(static_cast<std::int64_t>(users->size()), n);
    std::set<ProcoreId> ids;
    for (const RemoteUser& user : *users) ids.insert(user.id);
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), n) << "every user exactly once";
    const std::int64_t pages = (n + 999) / 1000;
    EXPECT_EQ(Calls("GET /rest/v1.3/companies/{id}/users"), pages);
    EXPECT_EQ(transport().stats().requests, pages);
    ASSERT_EQ(static_cast<std::int64_t>(progress.done.size()), pages);
    EXPECT_EQ(progress.done.front(), 1000);
    EXPECT_EQ(progress.done.back(), n);
    EXPECT_EQ(progress.totals.back(), n);
}

TEST_F(ListsTest, UsersCarryTheirFields) {
    AddUsers(3, "fielded");
    const auto users = api().ListUsers({});
    ASSERT_TRUE(users) << users.error().ToString();
    const auto it = std::find_if(users->begin(), users->end(),
                                 [](const RemoteUser& u) { return u.origin_id == "fielded-2"; });
    ASSERT_NE(it, users->end());
    EXPECT_EQ(it->first_name, "First2");
    EXPECT_EQ(it->last_name, "fielded2");
    EXPECT_EQ(it->email, "fielded2@example.com");
    EXPECT_TRUE(it->active);
    EXPECT_GT(it->id, std::int64_t{1} << 32) << "ids are 64-bit";
}

TEST_F(ListsTest, ExactlyOneFullPageTakesOneCall) {
    AddUsers(999);
    ASSERT_EQ(UserCount(), 1000);
    ResetCalls();

    const auto users = api().ListUsers({});

    ASSERT_TRUE(users) << users.error().ToString();
    EXPECT_EQ(users->size(), 1000u);
    EXPECT_EQ(Calls("GET /rest/v1.3/companies/{id}/users"), 1) << "no next link, no extra call";
}

TEST_F(ListsTest, EmptyListsTakeOneCallEach) {
    ResetCalls();
    ProgressLog progress;

    const auto inactive = api().ListInactiveUsers(progress.Listener());
    const auto contacts = api().ListContacts({});
    const auto projects = api().ListProjects({});

    ASSERT_TRUE(inactive) << inactive.error().ToString();
    ASSERT_TRUE(contacts) << contacts.error().ToString();
    ASSERT_TRUE(projects) << projects.error().ToString();
    EXPECT_TRUE(inactive->empty());
    EXPECT_TRUE(contacts->empty());
    EXPECT_TRUE(projects->empty());
    EXPECT_TRUE(progress.done.empty()) << "an empty page is no progress";
    EXPECT_EQ(Calls("GET /rest/v1.0/companies/{id}/users/inactive"), 1);
    EXPECT_EQ(Calls("GET /rest/v1.0/companies/{id}/people"), 1);
    EXPECT_EQ(Calls("GET /rest/v1.0/companies/{id}/people/inactive"), 1);
    EXPECT_EQ(Calls("GET /rest/v1.1/projects"), 1);
}

TEST_F(ListsTest, ContactsListSkipsUsersAndTakesInactiveContacts) {
    AddUsers(5);
    ClientSetup small;
    small.client.people_per_page = 2;
    Connect(small);
    for (int i = 0; i < 5; ++i) {
        PersonFields person;
        person.first_name = "Con";
        person.last_name = "Tact" + std::to_string(i);
        person.active = i != 4;
        ASSERT_TRUE(api().CreateContact(person));
    }
    ResetCalls();
    ProgressLog progress;

    const auto contacts = api().ListContacts(progress.Listener());

    ASSERT_TRUE(contacts) << contacts.error().ToString();
    ASSERT_EQ(contacts->size(), 5u) << "contacts only, active and inactive";
    EXPECT_EQ(std::count_if(contacts->begin(), contacts->end(),
                            [](const RemoteContact& c) { return !c.active; }),
              1);
    EXPECT_EQ(Calls("GET /rest/v1.0/companies/{id}/people"), 2);  // 4 active, 2 a page
    EXPECT_EQ(Calls("GET /rest/v1.0/companies/{id}/people/inactive"), 1);
    EXPECT_EQ(progress.done.back(), 5);
    EXPECT_EQ(progress.totals.back(), 5);
}

TEST_F(ListsTest, ProjectsPageAtTheConfiguredSize) {
    ClientSetup small;
    small.client.projects_per_page = 3;
    Connect(small);
    for (int i = 0; i < 7; ++i) {
        ProjectFields project;
        project.name = "Project " + std::to_string(i);
        project.active = i % 2 == 0;
        ASSERT_TRUE(api().CreateProject(project));
    }
    ResetCalls();

    const auto projects = api().ListProjects({});

    ASSERT_TRUE(projects) << projects.error().ToString();
    EXPECT_EQ(projects->size(), 7u) << "active and inactive";
    EXPECT_EQ(Calls("GET /rest/v1.1/projects"), 3);
}

}  // namespace
}  // namespace crewsync::procore::testing
