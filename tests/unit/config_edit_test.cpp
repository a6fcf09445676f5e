#include "workspace/config_edit.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"
#include "workspace/config.hpp"

namespace crewsync::workspace {
namespace {

TEST(WithSettings, ReplacesTheKeyLineInItsSectionOnly) {
    const std::string text =
        "# top comment\n[workspace]\nname = \"A\"\n\n# How crewsync reaches Procore.\n"
        "[procore]\n# Address of the Procore API.\nbase_url = \"https://api.procore.com\"\n"
        "company_id = 0  # not yet\n\n[people]\nscope = \"all\"\n";
    const std::string out = WithSettings(
        text, "procore",
        {{"base_url", TomlString("http://127.0.0.1:9")}, {"company_id", "5000000001"}});
    EXPECT_EQ(out,
              "# top comment\n[workspace]\nname = \"A\"\n\n# How crewsync reaches Procore.\n"
              "[procore]\n# Address of the Procore API.\nbase_url = \"http://127.0.0.1:9\"\n"
              "company_id = 5000000001\n\n[people]\nscope = \"all\"\n");
}

TEST(WithSettings, AddsMissingKeysAndSections) {
    EXPECT_EQ(WithSettings("[procore]\n", "procore", {{"company_id", "7"}}),
              "[procore]\ncompany_id = 7\n");
    EXPECT_EQ(WithSettings("[people]\ncompany_id = 1\n", "procore", {{"company_id", "7"}}),
              "[people]\ncompany_id = 1\n\n[procore]\ncompany_id = 7\n");
    // A key whose name starts like another's is not mistaken for it.
    EXPECT_EQ(WithSettings("[procore]\nbase_url_x = 1\n", "procore", {{"base_url", "\"u\""}}),
              "[procore]\nbase_url = \"u\"\nbase_url_x = 1\n");
}

TEST(TomlString, EscapesWhatTomlNeeds) {
    EXPECT_EQ(TomlString("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
}

TEST(SetSettings, WritesOnlyWhatLoadsAndKeepsTheFileOtherwise) {
    testing_support::TempDir dir;
    const std::string path = dir.File("crewsync.toml");
    {
        std::ofstream out(path);
        out << DefaultConfigText("Acme");
    }
    ASSERT_TRUE(SetSettings(path, "procore", {{"company_id", "42"}}));
    const auto loaded = LoadConfig(path, Environment::FromMap({}));
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->procore.company_id, 42);
    EXPECT_EQ(loaded->workspace.name, "Acme");

    const Status bad = SetSettings(path, "procore", {{"base_url", TomlString("ftp://x")}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(LoadConfig(path, Environment::FromMap({}))->procore.base_url,
              "https://api.procore.com");
    EXPECT_FALSE(std::ifstream(path + ".new").good());
}

}  // namespace
}  // namespace crewsync::workspace
