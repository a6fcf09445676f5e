// Work classifications and permission templates.
#include <algorithm>

#include "procore/integration/client_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

using CatalogTest = ClientTest;

TEST_F(CatalogTest, CreatesAndListsClassifications) {
    const auto carpenter = api().CreateClassification("Carpenter", "CARP");
    const auto laborer = api().CreateClassification("Laborer", "");
    ASSERT_TRUE(carpenter) << carpenter.error().ToString();
    ASSERT_TRUE(laborer) << laborer.error().ToString();
    EXPECT_EQ(carpenter->name, "Carpenter");

    const auto all = api().ListClassifications();

    ASSERT_TRUE(all) << all.error().ToString();
    EXPECT_EQ(*all, (std::vector<RemoteClassification>{*carpenter, *laborer}));
}

TEST_F(CatalogTest, ClassificationNamesAreUnique) {
    ASSERT_TRUE(api().CreateClassification("Electrician", "ELEC"));
    const auto again = api().CreateClassification(" electrician ", "EL2");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code(), ErrorCode::kRemoteRejected);
    EXPECT_TRUE(NamesField(again.error(), "name")) << again.error().ToString();

    const auto blank = api().CreateClassification("", "X");
    ASSERT_FALSE(blank);
    EXPECT_TRUE(NamesField(blank.error(), "name")) << blank.error().ToString();
}

TEST_F(CatalogTest, ListsProjectAndCompanyTemplates) {
    const auto templates = api().ListPermissionTemplates();
    ASSERT_TRUE(templates) << templates.error().ToString();
    const auto count = [&](const std::string& type) {
        return std::count_if(templates->begin(), templates->end(),
                             [&](const PermissionTemplate& t) { return t.type == type; });
    };
    EXPECT_EQ(templates->size(), 7u);
    EXPECT_EQ(count("company_tools"), 2);
    EXPECT_GE(count("project_specific") + count("global"), 5);
    const auto manager =
        std::find_if(templates->begin(), templates->end(),
                     [](const PermissionTemplate& t) { return t.name == "Project Manager"; });
    ASSERT_NE(manager, templates->end());
    EXPECT_GT(manager->id, 0);
}

}  // namespace
}  // namespace crewsync::procore::testing
