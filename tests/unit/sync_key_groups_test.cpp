#include "sync/key_groups.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crewsync::sync::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::uint32_t> Records(const KeyGroups& groups, std::string_view key) {
    const auto found = groups.Find(key);
    return {found.begin(), found.end()};
}

TEST(KeyGroups, FindsEveryRecordWithTheKeyAscending) {
    const std::vector<std::string> keys = {"b@x.com", "a@x.com", "b@x.com", "c@x.com", "b@x.com"};
    const KeyGroups groups({keys.begin(), keys.end()});
    EXPECT_THAT(Records(groups, "b@x.com"), ElementsAre(0, 2, 4));
    EXPECT_THAT(Records(groups, "a@x.com"), ElementsAre(1));
    EXPECT_THAT(Records(groups, "c@x.com"), ElementsAre(3));
}

TEST(KeyGroups, GroupOfARecordIsTheGroupItsKeyFinds) {
    const std::vector<std::string> keys = {"b", "a", "b", "", "b"};
    const KeyGroups groups({keys.begin(), keys.end()});
    for (std::uint32_t record : {0u, 2u, 4u}) {
        const auto group = groups.GroupOf(record);
        EXPECT_THAT(std::vector<std::uint32_t>(group.begin(), group.end()), ElementsAre(0, 2, 4));
    }
    const auto alone = groups.GroupOf(1);
    EXPECT_THAT(std::vector<std::uint32_t>(alone.begin(), alone.end()), ElementsAre(1));
    EXPECT_THAT(groups.GroupOf(3), IsEmpty());
    EXPECT_THAT(groups.GroupOf(99), IsEmpty());
}

TEST(KeyGroups, EmptyKeysAreInNoGroup) {
    const std::vector<std::string> keys = {"", "e1", ""};
    const KeyGroups groups({keys.begin(), keys.end()});
    EXPECT_THAT(Records(groups, ""), IsEmpty());
    EXPECT_THAT(Records(groups, "e1"), ElementsAre(1));
}

TEST(KeyGroups, UnknownKeysAndAPrefixFindNothing) {
    const std::vector<std::string> keys = {"jane@acme.com"};
    const KeyGroups groups({keys.begin(), keys.end()});
    EXPECT_THAT(Records(groups, "jane@acme.co"), IsEmpty());
    EXPECT_THAT(Records(groups, "JANE@ACME.COM"), IsEmpty());  // keys are normalised by callers
    EXPECT_THAT(Records(KeyGroups(), "jane@acme.com"), IsEmpty());
}

TEST(KeyGroups, ManyDistinctKeysEachFindOnlyThemselves) {
    std::vector<std::string> keys;
    for (int i = 0; i < 5000; ++i) keys.push_back("person" + std::to_string(i % 2500) + "@acme.com");
    const KeyGroups groups({keys.begin(), keys.end()});
    for (std::uint32_t i = 0; i < 2500; ++i) {
        ASSERT_THAT(Records(groups, keys[i]), ElementsAre(i, i + 2500)) << keys[i];
    }
}

}  // namespace
}  // namespace crewsync::sync::internal
