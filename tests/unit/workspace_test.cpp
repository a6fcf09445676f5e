// Tests for src/workspace: crewsync.toml settings, environment overrides, locating and creating
// workspaces, and the secret key file.
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/file_mode.hpp"

#include "model/error.hpp"
#include "workspace/config.hpp"
#include "workspace/environment.hpp"
#include "workspace/secret_key.hpp"
#include "workspace/workspace.hpp"

namespace crewsync::workspace {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

// A known key, so tests can look for its text in error messages.
constexpr std::string_view kKeyHex =
    "00112233445566778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0";
constexpr std::string_view kOtherKeyHex =
    "f0e1d2c3b4a5968778695a4b3c2d1e0fffeeddccbbaa99887766554433221100";

Environment NoEnv() { return Environment::FromMap({}); }

template <class T>
std::string Describe(const Result<T>& result) {
    return result ? std::string("ok") : result.error().ToString();
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<unsigned char> HexToBytes(std::string_view hex) {
    std::vector<unsigned char> bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        bytes.push_back(static_cast<unsigned char>(std::stoi(std::string(hex.substr(i, 2)),
                                                             nullptr, 16)));
    }
    return bytes;
}

std::vector<unsigned char> KeyBytes(const SecretKey& key) {
    return std::vector<unsigned char>(key.data(), key.data() + key.size());
}

using testing_support::FileMode;
using testing_support::UmaskGuard;

class WorkspaceTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern =
            (fs::temp_directory_path() / "crewsync-workspace-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    std::string Path(std::string_view name) const { return (fs::path(dir_) / name).string(); }

    std::string WriteFile(std::string_view name, std::string_view text, mode_t mode = 0600) const {
        const std::string path = Path(name);
        fs::create_directories(fs::path(path).parent_path());
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
        EXPECT_EQ(::chmod(path.c_str(), mode), 0);
        return path;
    }

    Result<Config> LoadText(std::string_view text, const Environment& env = NoEnv()) const {
        return LoadConfig(WriteFile("crewsync.toml", text, 0644), env);
    }

    // The only problem of a failed load, or a placeholder that fails the caller's expectations.
    static FieldProblem OnlyProblem(const Result<Config>& result) {
        EXPECT_FALSE(result) << "expected a failure";
        if (result) return {};
        EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
        EXPECT_EQ(result.error().problems().size(), 1u) << result.error().ToString();
        if (result.error().problems().empty()) return {};
        return result.error().problems().front();
    }

    std::string dir_;
};

// ---------------------------------------------------------------------------------------------
// Config: defaults and parsing

TEST_F(WorkspaceTest, EmptyFileGivesDefaults) {
    Result<Config> config = LoadText("");
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_EQ(config->workspace.name, "");
    EXPECT_EQ(config->workspace.database, "crewsync.db");
    EXPECT_EQ(config->workspace.time_zone, "UTC");
    EXPECT_EQ(config->workspace.default_country_code, "1");
    EXPECT_EQ(config->procore.base_url, "https://api.procore.com");
    EXPECT_EQ(config->procore.login_url, "https://login.procore.com");
    EXPECT_EQ(config->procore.company_id, 0);
    EXPECT_EQ(config->people.scope, PeopleScope::kAll);
    EXPECT_EQ(config->people.direction, SyncDirection::kOneWay);
    EXPECT_EQ(config->people.conflict_rule, ConflictRule::kNewestWins);
    EXPECT_FALSE(config->people.deactivate_user_on_type_change);
    EXPECT_EQ(config->people.permission_template_id, 0);
    EXPECT_EQ(config->projects.system_of_record, SystemOfRecord::kProcore);
    EXPECT_EQ(config->sync.schedule, "@hourly");
    EXPECT_DOUBLE_EQ(config->sync.mass_change_share, 0.10);
    EXPECT_EQ(config->sync.mass_change_min_records, 25);
    EXPECT_EQ(*config, Config{});
}

TEST_F(WorkspaceTest, EmptySectionsKeepDefaults) {
    Result<Config> config = LoadText("[workspace]\n[procore]\n[people]\n[projects]\n[sync]\n");
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_EQ(*config, Config{});
}

TEST_F(WorkspaceTest, ParsesEveryKey) {
    Result<Config> config = LoadText(R"(
[workspace]
name = "Acme North"
database = "data/acme.db"
time_zone = "America/Chicago"
default_country_code = "44"

[procore]
base_url = "https://sandbox.procore.com"
login_url = "http://login.example.test:8080/oauth"
company_id = 4242

[people]
scope = "users_only"
direction = "two_way"
conflict_rule = "procore_wins"
deactivate_user_on_type_change = true
permission_template_id = 77
suggestion_threshold = 0.9

[projects]
system_of_record = "crewsync"

[sync]
schedule = "*/15 * * * *"
mass_change_share = 0.25
mass_change_min_records = 0
)");
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_EQ(config->workspace.name, "Acme North");
    EXPECT_EQ(config->workspace.database, "data/acme.db");
    EXPECT_EQ(config->workspace.time_zone, "America/Chicago");
    EXPECT_EQ(config->workspace.default_country_code, "44");
    EXPECT_EQ(config->procore.base_url, "https://sandbox.procore.com");
    EXPECT_EQ(config->procore.login_url, "http://login.example.test:8080/oauth");
    EXPECT_EQ(config->procore.company_id, 4242);
    EXPECT_EQ(config->people.scope, PeopleScope::kUsersOnly);
    EXPECT_EQ(config->people.direction, SyncDirection::kTwoWay);
    EXPECT_EQ(config->people.conflict_rule, ConflictRule::kProcoreWins);
    EXPECT_TRUE(config->people.deactivate_user_on_type_change);
    EXPECT_EQ(config->people.permission_template_id, 77);
    EXPECT_DOUBLE_EQ(config->people.suggestion_threshold, 0.9);
    EXPECT_EQ(config->projects.system_of_record, SystemOfRecord::kCrewsync);
    EXPECT_EQ(config->sync.schedule, "*/15 * * * *");
    EXPECT_DOUBLE_EQ(config->sync.mass_change_share, 0.25);
    EXPECT_EQ(config->sync.mass_change_min_records, 0);
}

TEST_F(WorkspaceTest, ParsesEveryEnumValue) {
    const std::vector<std::pair<std::string, PeopleScope>> scopes = {
        {"all", PeopleScope::kAll}, {"users_only", PeopleScope::kUsersOnly}};
    for (const auto& [text, value] : scopes) {
        Result<Config> config = LoadText("[people]\nscope = \"" + text + "\"\n");
        ASSERT_TRUE(config) << Describe(config);
        EXPECT_EQ(config->people.scope, value) << text;
    }
    const std::vector<std::pair<std::string, ConflictRule>> rules = {
        {"newest_wins", ConflictRule::kNewestWins},
        {"crewsync_wins", ConflictRule::kCrewsyncWins},
        {"procore_wins", ConflictRule::kProcoreWins}};
    for (const auto& [text, value] : rules) {
        Result<Config> config = LoadText("[people]\nconflict_rule = \"" + text + "\"\n");
        ASSERT_TRUE(config) << Describe(config);
        EXPECT_EQ(config->people.conflict_rule, value) << text;
    }
    Result<Config> config =
        LoadText("[people]\ndirection = \"one_way\"\n[projects]\nsystem_of_record = \"procore\"\n");
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_EQ(config->people.direction, SyncDirection::kOneWay);
    EXPECT_EQ(config->projects.system_of_record, SystemOfRecord::kProcore);
}

TEST_F(WorkspaceTest, EnumNamesAndParsersRoundTrip) {
    for (PeopleScope v : {PeopleScope::kAll, PeopleScope::kUsersOnly}) {
        EXPECT_EQ(ParsePeopleScope(PeopleScopeName(v)).value(), v);
    }
    for (SyncDirection v : {SyncDirection::kOneWay, SyncDirection::kTwoWay}) {
        EXPECT_EQ(ParseSyncDirection(SyncDirectionName(v)).value(), v);
    }
    for (ConflictRule v :
         {ConflictRule::kNewestWins, ConflictRule::kCrewsyncWins, ConflictRule::kProcoreWins}) {
        EXPECT_EQ(ParseConflictRule(ConflictRuleName(v)).value(), v);
    }
    for (SystemOfRecord v : {SystemOfRecord::kProcore, SystemOfRecord::kCrewsync}) {
        EXPECT_EQ(ParseSystemOfRecord(SystemOfRecordName(v)).value(), v);
    }
    EXPECT_EQ(PeopleScopeName(PeopleScope::kUsersOnly), "users_only");
    EXPECT_EQ(ConflictRuleName(ConflictRule::kCrewsyncWins), "crewsync_wins");
    Result<SyncDirection> bad = ParseSyncDirection("One_Way");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_THAT(bad.error().message(), HasSubstr("\"one_way\", \"two_way\""));
}

// ---------------------------------------------------------------------------------------------
// Config: every enum rejects an unknown value, naming the allowed ones and the exact position

struct EnumCase {
    std::string section;
    std::string key;
    std::vector<std::string> allowed;
};

class EnumValueTest : public WorkspaceTest, public ::testing::WithParamInterface<EnumCase> {};

TEST_P(EnumValueTest, UnknownValueListsAllowedValuesWithPosition) {
    const EnumCase& param = GetParam();
    // The value starts after `key = `, on line 3 (line 1 is a comment, line 2 the header).
    Result<Config> config =
        LoadText("# settings\n[" + param.section + "]\n" + param.key + " = \"bogus\"\n");
    const FieldProblem problem = OnlyProblem(config);
    EXPECT_EQ(problem.field, param.section + "." + param.key);
    EXPECT_EQ(problem.location, Path("crewsync.toml") + ":3:" +
                                    std::to_string(param.key.size() + 4));
    EXPECT_THAT(problem.message, HasSubstr("\"bogus\""));
    for (const std::string& allowed : param.allowed) {
        EXPECT_THAT(problem.message, HasSubstr("\"" + allowed + "\""));
    }
}

INSTANTIATE_TEST_SUITE_P(
    AllEnums, EnumValueTest,
    ::testing::Values(EnumCase{"people", "scope", {"all", "users_only"}},
                      EnumCase{"people", "direction", {"one_way", "two_way"}},
                      EnumCase{"people",
                               "conflict_rule",
                               {"newest_wins", "crewsync_wins", "procore_wins"}},
                      EnumCase{"projects", "system_of_record", {"procore", "crewsync"}}),
    [](const ::testing::TestParamInfo<EnumCase>& param_info) {
        return param_info.param.key;
    });

// ---------------------------------------------------------------------------------------------
// Config: syntax, unknown keys, wrong types, out-of-range values

TEST_F(WorkspaceTest, SyntaxErrorReportsExactLineAndColumn) {
    // Line 3, column 8: the value is missing after `=`.
    Result<Config> config = LoadText("[workspace]\nname = \"x\"\nschedul= \n");
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_THAT(config.error().message(), HasSubstr(Path("crewsync.toml")));
    ASSERT_EQ(config.error().problems().size(), 1u);
    EXPECT_EQ(config.error().problems()[0].location, Path("crewsync.toml") + ":3:10");
    EXPECT_FALSE(config.error().problems()[0].message.empty());
}

TEST_F(WorkspaceTest, SyntaxErrorInStringReportsPosition) {
    Result<Config> config = LoadText("[people]\nscope = \"all\n");
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code(), ErrorCode::kInvalidArgument);
    ASSERT_EQ(config.error().problems().size(), 1u);
    EXPECT_THAT(config.error().problems()[0].location, HasSubstr(Path("crewsync.toml") + ":2:"));
}

TEST_F(WorkspaceTest, UnknownKeyIsAnErrorNamingTheSection) {
    const FieldProblem problem = OnlyProblem(LoadText("[workspace]\n  nmae = \"Acme\"\n"));
    EXPECT_EQ(problem.field, "workspace.nmae");
    EXPECT_EQ(problem.location, Path("crewsync.toml") + ":2:3");
    EXPECT_THAT(problem.message, HasSubstr("\"nmae\""));
    EXPECT_THAT(problem.message, HasSubstr("[workspace]"));
    EXPECT_THAT(problem.message, HasSubstr("name"));
}

TEST_F(WorkspaceTest, UnknownTableIsAnError) {
    const FieldProblem problem = OnlyProblem(LoadText("[workspace]\nname = \"a\"\n\n[peeple]\n"));
    EXPECT_EQ(problem.field, "peeple");
    EXPECT_EQ(problem.location, Path("crewsync.toml") + ":4:1");
    EXPECT_THAT(problem.message, HasSubstr("unknown table [peeple]"));
    EXPECT_THAT(problem.message, HasSubstr("[people]"));
}

TEST_F(WorkspaceTest, KeyOutsideAnyTableIsAnError) {
    const FieldProblem problem = OnlyProblem(LoadText("name = \"Acme\"\n"));
    EXPECT_EQ(problem.field, "name");
    EXPECT_EQ(problem.location, Path("crewsync.toml") + ":1:1");
    EXPECT_THAT(problem.message, HasSubstr("outside any table"));
}

TEST_F(WorkspaceTest, SubTableInsideSectionIsUnknown) {
    const FieldProblem problem = OnlyProblem(LoadText("[people.extra]\nx = 1\n"));
    EXPECT_EQ(problem.field, "people.extra");
    EXPECT_THAT(problem.message, HasSubstr("unknown key \"extra\" in [people]"));
}

TEST_F(WorkspaceTest, WrongTypeNamesExpectedAndFoundTypes) {
    struct Case {
        std::string text;
        std::string field;
        std::string message;
        int column;
    };
    const std::vector<Case> cases = {
        {"[procore]\ncompany_id = \"12\"\n", "procore.company_id",
         "must be an integer (found a string)", 14},
        {"[procore]\ncompany_id = 1.5\n", "procore.company_id",
         "must be an integer (found a float)", 14},
        {"[people]\ndeactivate_user_on_type_change = \"yes\"\n",
         "people.deactivate_user_on_type_change", "must be true or false (found a string)", 34},
        {"[workspace]\nname = 42\n", "workspace.name", "must be a string (found an integer)", 8},
        {"[people]\nscope = [\"all\"]\n", "people.scope", "must be a string (found an array)", 9},
        {"[sync]\nmass_change_share = \"10%\"\n", "sync.mass_change_share",
         "must be a number (found a string)", 21},
        {"[workspace]\ntime_zone = 2024-01-01\n", "workspace.time_zone",
         "must be a string (found a date)", 13},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const FieldProblem problem = OnlyProblem(LoadText(c.text));
        EXPECT_EQ(problem.field, c.field);
        EXPECT_EQ(problem.message, c.message);
        EXPECT_EQ(problem.location, Path("crewsync.toml") + ":2:" + std::to_string(c.column));
    }
}

TEST_F(WorkspaceTest, SectionThatIsNotATableIsAnError) {
    const FieldProblem problem = OnlyProblem(LoadText("sync = 5\n"));
    EXPECT_EQ(problem.field, "sync");
    EXPECT_THAT(problem.message, HasSubstr("must be a table"));
    EXPECT_THAT(problem.location, HasSubstr(Path("crewsync.toml") + ":1:"));
}

TEST_F(WorkspaceTest, OutOfRangeAndMalformedValuesAreRejected) {
    struct Case {
        std::string text;
        std::string field;
        std::string message_part;
    };
    const std::vector<Case> cases = {
        {"[sync]\nmass_change_share = 0.0\n", "sync.mass_change_share", "greater than 0"},
        {"[sync]\nmass_change_share = 1.5\n", "sync.mass_change_share", "at most 1"},
        {"[sync]\nmass_change_share = -0.1\n", "sync.mass_change_share", "at most 1"},
        {"[sync]\nmass_change_share = nan\n", "sync.mass_change_share", "greater than 0"},
        {"[sync]\nmass_change_min_records = -1\n", "sync.mass_change_min_records",
         "must be at least 0 (found -1)"},
        {"[procore]\ncompany_id = -5\n", "procore.company_id", "must be at least 0 (found -5)"},
        {"[people]\npermission_template_id = -1\n", "people.permission_template_id",
         "must be at least 0"},
        {"[people]\nsuggestion_threshold = 1.2\n", "people.suggestion_threshold", "at most 1"},
        {"[workspace]\ndefault_country_code = \"1234\"\n", "workspace.default_country_code",
         "1 to 3 digits"},
        {"[workspace]\ndefault_country_code = \"+1\"\n", "workspace.default_country_code",
         "1 to 3 digits"},
        {"[workspace]\ndefault_country_code = \"\"\n", "workspace.default_country_code",
         "1 to 3 digits"},
        {"[workspace]\ntime_zone = \"Mars/Olympus_Mons\"\n", "workspace.time_zone",
         "unknown time zone \"Mars/Olympus_Mons\""},
        {"[workspace]\ndatabase = \"\"\n", "workspace.database", "must not be empty"},
        {"[procore]\nbase_url = \"ftp://api.procore.com\"\n", "procore.base_url",
         "http:// or https://"},
        {"[procore]\nbase_url = \"api.procore.com\"\n", "procore.base_url", "http:// or https://"},
        {"[procore]\nlogin_url = \"https://\"\n", "procore.login_url", "http:// or https://"},
        {"[procore]\nlogin_url = \"https://login procore.com\"\n", "procore.login_url",
         "http:// or https://"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const FieldProblem problem = OnlyProblem(LoadText(c.text));
        EXPECT_EQ(problem.field, c.field);
        EXPECT_THAT(problem.message, HasSubstr(c.message_part));
        EXPECT_THAT(problem.location, HasSubstr(Path("crewsync.toml") + ":2:"));
    }
}

TEST_F(WorkspaceTest, BoundaryValuesAreAccepted) {
    Result<Config> config = LoadText(
        "[sync]\nmass_change_share = 1\nmass_change_min_records = 0\n"
        "[workspace]\ndefault_country_code = \"358\"\ntime_zone = \"Europe/Helsinki\"\n"
        "[procore]\nbase_url = \"HTTP://localhost:8080\"\n");
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_DOUBLE_EQ(config->sync.mass_change_share, 1.0);
    EXPECT_EQ(config->workspace.default_country_code, "358");
    EXPECT_EQ(config->procore.base_url, "HTTP://localhost:8080");
}

TEST_F(WorkspaceTest, CollectsEveryProblemInFileOrder) {
    Result<Config> config = LoadText(
        "[workspace]\ntime_zone = \"Nowhere/City\"\n"
        "[people]\nscope = \"some\"\ntypo = 1\n"
        "[sync]\nmass_change_share = 2.0\n");
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_THAT(config.error().message(), HasSubstr(Path("crewsync.toml")));
    std::vector<std::string> fields;
    for (const FieldProblem& problem : config.error().problems()) fields.push_back(problem.field);
    EXPECT_THAT(fields, ElementsAre("workspace.time_zone", "people.scope", "people.typo",
                                    "sync.mass_change_share"));
    EXPECT_THAT(config.error().ToString(), HasSubstr(Path("crewsync.toml") + ":5:1"));
}

TEST_F(WorkspaceTest, MissingConfigFileIsNotFound) {
    Result<Config> config = LoadConfig(Path("nope.toml"), NoEnv());
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code(), ErrorCode::kNotFound);
    EXPECT_THAT(config.error().message(), HasSubstr(Path("nope.toml")));
}

// ---------------------------------------------------------------------------------------------
// Config: environment overrides

TEST_F(WorkspaceTest, EnvironmentOverridesWinOverTheFile) {
    const Environment env = Environment::FromMap({
        {"CREWSYNC_PROCORE_BASE_URL", "https://sandbox.procore.com"},
        {"CREWSYNC_PROCORE_COMPANY_ID", "99"},
        {"CREWSYNC_PEOPLE_SCOPE", "users_only"},
        {"CREWSYNC_PEOPLE_DEACTIVATE_USER_ON_TYPE_CHANGE", "true"},
        {"CREWSYNC_SYNC_MASS_CHANGE_SHARE", "0.5"},
        {"CREWSYNC_SYNC_MASS_CHANGE_MIN_RECORDS", "3"},
        {"CREWSYNC_WORKSPACE_TIME_ZONE", "Asia/Tokyo"},
        {"CREWSYNC_PROJECTS_SYSTEM_OF_RECORD", "crewsync"},
        // Not settings: must be ignored rather than reported.
        {"CREWSYNC_WORKSPACE", "/somewhere"},
        {"CREWSYNC_SECRET_KEY", std::string(kKeyHex)},
        {"CREWSYNC_LOG_LEVEL", "debug"},
    });
    Result<Config> config = LoadText(
        "[procore]\nbase_url = \"https://api.procore.com\"\ncompany_id = 1\n"
        "[people]\nscope = \"all\"\n[sync]\nmass_change_share = 0.2\n",
        env);
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_EQ(config->procore.base_url, "https://sandbox.procore.com");
    EXPECT_EQ(config->procore.company_id, 99);
    EXPECT_EQ(config->people.scope, PeopleScope::kUsersOnly);
    EXPECT_TRUE(config->people.deactivate_user_on_type_change);
    EXPECT_DOUBLE_EQ(config->sync.mass_change_share, 0.5);
    EXPECT_EQ(config->sync.mass_change_min_records, 3);
    EXPECT_EQ(config->workspace.time_zone, "Asia/Tokyo");
    EXPECT_EQ(config->projects.system_of_record, SystemOfRecord::kCrewsync);
    // Untouched settings keep their file values or defaults.
    EXPECT_EQ(config->people.direction, SyncDirection::kOneWay);
}

TEST_F(WorkspaceTest, EmptyEnvironmentVariableCountsAsUnset) {
    Result<Config> config =
        LoadText("[people]\nscope = \"users_only\"\n",
                 Environment::FromMap({{"CREWSYNC_PEOPLE_SCOPE", ""}}));
    ASSERT_TRUE(config) << Describe(config);
    EXPECT_EQ(config->people.scope, PeopleScope::kUsersOnly);
}

TEST_F(WorkspaceTest, BadEnvironmentValuesNameTheVariable) {
    const Environment env = Environment::FromMap({
        {"CREWSYNC_PEOPLE_SCOPE", "everyone"},
        {"CREWSYNC_SYNC_MASS_CHANGE_SHARE", "lots"},
        {"CREWSYNC_PROCORE_COMPANY_ID", "12x"},
        {"CREWSYNC_PEOPLE_DEACTIVATE_USER_ON_TYPE_CHANGE", "maybe"},
        {"CREWSYNC_PROCORE_LOGIN_URL", "login.procore.com"},
    });
    Result<Config> config = LoadText("", env);
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code(), ErrorCode::kInvalidArgument);
    std::map<std::string, FieldProblem> by_field;
    for (const FieldProblem& problem : config.error().problems()) by_field[problem.field] = problem;
    ASSERT_EQ(by_field.size(), 5u) << config.error().ToString();

    EXPECT_EQ(by_field["people.scope"].location, "environment variable CREWSYNC_PEOPLE_SCOPE");
    EXPECT_THAT(by_field["people.scope"].message, HasSubstr("\"all\", \"users_only\""));
    EXPECT_EQ(by_field["sync.mass_change_share"].location,
              "environment variable CREWSYNC_SYNC_MASS_CHANGE_SHARE");
    EXPECT_THAT(by_field["sync.mass_change_share"].message, HasSubstr("\"lots\""));
    EXPECT_EQ(by_field["procore.company_id"].location,
              "environment variable CREWSYNC_PROCORE_COMPANY_ID");
    EXPECT_EQ(by_field["people.deactivate_user_on_type_change"].location,
              "environment variable CREWSYNC_PEOPLE_DEACTIVATE_USER_ON_TYPE_CHANGE");
    EXPECT_EQ(by_field["procore.login_url"].location,
              "environment variable CREWSYNC_PROCORE_LOGIN_URL");
}

TEST_F(WorkspaceTest, EnvironmentOverrideIsRangeChecked) {
    const FieldProblem problem = OnlyProblem(
        LoadText("", Environment::FromMap({{"CREWSYNC_SYNC_MASS_CHANGE_SHARE", "1.01"}})));
    EXPECT_EQ(problem.field, "sync.mass_change_share");
    EXPECT_EQ(problem.location, "environment variable CREWSYNC_SYNC_MASS_CHANGE_SHARE");
    EXPECT_THAT(problem.message, HasSubstr("at most 1"));
}

TEST_F(WorkspaceTest, EnvironmentVariableNames) {
    EXPECT_EQ(EnvironmentVariableFor("procore", "base_url"), "CREWSYNC_PROCORE_BASE_URL");
    EXPECT_EQ(EnvironmentVariableFor("sync", "mass_change_share"),
              "CREWSYNC_SYNC_MASS_CHANGE_SHARE");
}

TEST_F(WorkspaceTest, ProcessEnvironmentReadsRealVariables) {
    const std::string name = "CREWSYNC_WORKSPACE_TEST_PROBE_" + std::to_string(::getpid());
    ASSERT_EQ(::setenv(name.c_str(), "probe value", 1), 0);
    EXPECT_EQ(Environment::Process().Get(name), std::optional<std::string>("probe value"));
    ASSERT_EQ(::unsetenv(name.c_str()), 0);
    EXPECT_EQ(Environment::Process().Get(name), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Config: writing

TEST_F(WorkspaceTest, DefaultConfigTextLoadsAsDefaults) {
    const std::string name = "Acme \"North\" \\ Yard";
    Result<Config> config = LoadText(DefaultConfigText(name));
    ASSERT_TRUE(config) << Describe(config);
    Config expected;
    expected.workspace.name = name;
    EXPECT_EQ(*config, expected);
}

TEST_F(WorkspaceTest, DefaultConfigTextCommentsEverySetting) {
    const std::string text = DefaultConfigText("Acme");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (const auto& [field, value] : ConfigEntries(Config{})) {
        const std::string key = field.substr(field.find('.') + 1);
        bool found = false;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            if (lines[i].starts_with(key + " = ")) {
                found = true;
                EXPECT_TRUE(lines[i - 1].starts_with("# ")) << "no comment above " << field;
            }
        }
        EXPECT_TRUE(found) << field << " missing from the default config";
    }
}

TEST_F(WorkspaceTest, ConfigToTomlRoundTrips) {
    Config config;
    config.workspace.name = "Line\nbreak\ttab";
    config.workspace.database = "/var/lib/crewsync/acme.db";
    config.workspace.time_zone = "America/Denver";
    config.workspace.default_country_code = "61";
    config.procore.base_url = "http://localhost:9000/api";
    config.procore.company_id = 123456789012;
    config.people.scope = PeopleScope::kUsersOnly;
    config.people.direction = SyncDirection::kTwoWay;
    config.people.conflict_rule = ConflictRule::kCrewsyncWins;
    config.people.deactivate_user_on_type_change = true;
    config.people.permission_template_id = 5;
    config.projects.system_of_record = SystemOfRecord::kCrewsync;
    config.sync.schedule = "@daily";
    config.sync.mass_change_share = 1.0;
    config.sync.mass_change_min_records = 1000;
    Result<Config> loaded = LoadText(ConfigToToml(config));
    ASSERT_TRUE(loaded) << Describe(loaded);
    EXPECT_EQ(*loaded, config);

    config.sync.mass_change_share = 0.3;  // not exactly representable: must still round-trip
    loaded = LoadText(ConfigToToml(config));
    ASSERT_TRUE(loaded) << Describe(loaded);
    EXPECT_EQ(*loaded, config);
}

TEST_F(WorkspaceTest, ConfigEntriesListsEverySettingInFileOrder) {
    Config config;
    config.people.scope = PeopleScope::kUsersOnly;
    config.sync.mass_change_share = 0.25;
    config.people.deactivate_user_on_type_change = true;
    config.time.classification_sync = true;
    EXPECT_THAT(ConfigEntries(config),
                ElementsAre(Pair("workspace.name", ""),
                            Pair("workspace.database", "crewsync.db"),
                            Pair("workspace.time_zone", "UTC"),
                            Pair("workspace.default_country_code", "1"),
                            Pair("procore.base_url", "https://api.procore.com"),
                            Pair("procore.login_url", "https://login.procore.com"),
                            Pair("procore.company_id", "0"),
                            Pair("people.scope", "users_only"),
                            Pair("people.direction", "one_way"),
                            Pair("people.conflict_rule", "newest_wins"),
                            Pair("people.deactivate_user_on_type_change", "true"),
                            Pair("people.permission_template_id", "0"),
                            Pair("people.suggestion_threshold", "0.75"),
                            Pair("projects.system_of_record", "procore"),
                            Pair("time.classification_sync", "true"),
                            Pair("sync.schedule", "@hourly"),
                            Pair("sync.mass_change_share", "0.25"),
                            Pair("sync.mass_change_min_records", "25")));
}

// ---------------------------------------------------------------------------------------------
// Locating, creating and laying out workspaces

TEST_F(WorkspaceTest, LocateWorkspacePrecedence) {
    WriteFile("flag/crewsync.toml", "");
    WriteFile("env/crewsync.toml", "");
    WriteFile("cwd/crewsync.toml", "");
    const Environment env = Environment::FromMap({{"CREWSYNC_WORKSPACE", Path("env")}});

    Result<std::string> found = LocateWorkspace(Path("flag"), env, Path("cwd"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("flag"));

    found = LocateWorkspace(std::nullopt, env, Path("cwd"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("env"));

    found = LocateWorkspace(std::nullopt, NoEnv(), Path("cwd"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("cwd"));
}

TEST_F(WorkspaceTest, LocateWorkspaceResolvesRelativePathsAgainstCwd) {
    WriteFile("a/ws/crewsync.toml", "");
    Result<std::string> found = LocateWorkspace(std::string("ws/"), NoEnv(), Path("a"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("a/ws"));

    found = LocateWorkspace(std::nullopt, Environment::FromMap({{"CREWSYNC_WORKSPACE", "../ws"}}),
                            Path("a/other"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("a/ws"));
}

TEST_F(WorkspaceTest, LocateWorkspaceSearchesParentsForTheNearest) {
    WriteFile("outer/crewsync.toml", "");
    WriteFile("outer/inner/crewsync.toml", "");
    fs::create_directories(Path("outer/inner/site/logs"));
    fs::create_directories(Path("outer/other/deep"));

    Result<std::string> found =
        LocateWorkspace(std::nullopt, NoEnv(), Path("outer/inner/site/logs"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("outer/inner"));

    found = LocateWorkspace(std::nullopt, NoEnv(), Path("outer/other/deep"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, Path("outer"));
}

TEST_F(WorkspaceTest, LocateWorkspaceIgnoresADirectoryNamedLikeTheConfig) {
    fs::create_directories(Path("ws/crewsync.toml"));
    WriteFile("crewsync.toml", "");
    Result<std::string> found = LocateWorkspace(std::nullopt, NoEnv(), Path("ws"));
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, dir_);
}

TEST_F(WorkspaceTest, LocateWorkspaceFlagOrEnvWithoutConfigIsNotFound) {
    WriteFile("crewsync.toml", "");  // a cwd workspace must not rescue a wrong flag
    fs::create_directories(Path("empty"));
    const std::string expected = "no crewsync workspace at " + Path("empty") +
                                 " (crewsync.toml not found); run `crewsync init " +
                                 Path("empty") + "` to create one";

    Result<std::string> found = LocateWorkspace(Path("empty"), NoEnv(), dir_);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code(), ErrorCode::kNotFound);
    EXPECT_EQ(found.error().message(), expected);

    found = LocateWorkspace(std::nullopt,
                            Environment::FromMap({{"CREWSYNC_WORKSPACE", Path("empty")}}), dir_);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code(), ErrorCode::kNotFound);
    EXPECT_THAT(found.error().message(), HasSubstr(expected));
    EXPECT_THAT(found.error().message(), HasSubstr("CREWSYNC_WORKSPACE"));
}

TEST_F(WorkspaceTest, LocateWorkspaceWithNothingFoundNamesCwd) {
    for (fs::path p = dir_; p.has_relative_path(); p = p.parent_path()) {
        if (fs::exists(p.parent_path() / "crewsync.toml")) {
            GTEST_SKIP() << "a parent directory is a workspace";
        }
    }
    fs::create_directories(Path("a/b"));
    Result<std::string> found = LocateWorkspace(std::nullopt, NoEnv(), Path("a/b"));
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code(), ErrorCode::kNotFound);
    EXPECT_THAT(found.error().message(), HasSubstr(Path("a/b")));
    EXPECT_THAT(found.error().message(), HasSubstr("crewsync init"));
    EXPECT_THAT(found.error().message(), HasSubstr("--workspace"));
}

TEST_F(WorkspaceTest, LocateWorkspaceRejectsEmptyFlag) {
    Result<std::string> found = LocateWorkspace(std::string(), NoEnv(), dir_);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code(), ErrorCode::kInvalidArgument);
}

TEST_F(WorkspaceTest, InitWorkspaceCreatesConfigAndKey) {
    const std::string ws = Path("new/nested/ws");
    Status status = InitWorkspace(ws, "Acme");
    ASSERT_TRUE(status) << Describe(status);

    Result<Config> config = LoadConfig(ws + "/crewsync.toml", NoEnv());
    ASSERT_TRUE(config) << Describe(config);
    Config expected;
    expected.workspace.name = "Acme";
    EXPECT_EQ(*config, expected);
    EXPECT_EQ(ReadFile(ws + "/crewsync.toml"), DefaultConfigText("Acme"));

    EXPECT_EQ(FileMode(ws + "/crewsync.key"), 0600u);
    Result<SecretKey> key = LoadSecretKey(ws + "/crewsync.key", NoEnv());
    ASSERT_TRUE(key) << Describe(key);
    EXPECT_FALSE(fs::exists(ws + "/crewsync.db"));

    Result<std::string> found = LocateWorkspace(std::nullopt, NoEnv(), ws);
    ASSERT_TRUE(found) << Describe(found);
    EXPECT_EQ(*found, ws);
}

TEST_F(WorkspaceTest, InitWorkspaceRefusesTwiceAndChangesNothing) {
    ASSERT_TRUE(InitWorkspace(dir_, "First"));
    const std::string config_before = ReadFile(Path("crewsync.toml"));
    const std::string key_before = ReadFile(Path("crewsync.key"));

    Status again = InitWorkspace(dir_, "Second");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code(), ErrorCode::kConflict);
    EXPECT_THAT(again.error().message(), HasSubstr(dir_));
    EXPECT_EQ(ReadFile(Path("crewsync.toml")), config_before);
    EXPECT_EQ(ReadFile(Path("crewsync.key")), key_before);
}

TEST_F(WorkspaceTest, InitWorkspaceNeverReplacesAStrayKeyFile) {
    const std::string key_path = WriteFile("crewsync.key", std::string(kKeyHex) + "\n");
    Status status = InitWorkspace(dir_, "Acme");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code(), ErrorCode::kConflict);
    EXPECT_EQ(ReadFile(key_path), std::string(kKeyHex) + "\n");
    EXPECT_FALSE(fs::exists(Path("crewsync.toml")));
    EXPECT_THAT(status.error().ToString(), Not(HasSubstr(std::string(kKeyHex))));
}

TEST_F(WorkspaceTest, PathsForResolvesTheDatabase) {
    Config config;
    Result<WorkspacePaths> paths = PathsFor(dir_, config);
    ASSERT_TRUE(paths) << Describe(paths);
    EXPECT_EQ(paths->dir, dir_);
    EXPECT_EQ(paths->config, Path("crewsync.toml"));
    EXPECT_EQ(paths->database, Path("crewsync.db"));
    EXPECT_EQ(paths->key_file, Path("crewsync.key"));

    config.workspace.database = "data/../db/acme.db";
    paths = PathsFor(dir_ + "/", config);
    ASSERT_TRUE(paths) << Describe(paths);
    EXPECT_EQ(paths->dir, dir_);
    EXPECT_EQ(paths->database, Path("db/acme.db"));

    config.workspace.database = "/srv/crewsync/acme.db";
    paths = PathsFor(dir_, config);
    ASSERT_TRUE(paths) << Describe(paths);
    EXPECT_EQ(paths->database, "/srv/crewsync/acme.db");

    config.workspace.database = "";
    paths = PathsFor(dir_, config);
    ASSERT_FALSE(paths);
    EXPECT_EQ(paths.error().code(), ErrorCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------------------------
// Secret key

bool IsLowerHexKeyLine(const std::string& text) {
    if (text.size() != 65 || text.back() != '\n') return false;
    for (std::size_t i = 0; i < 64; ++i) {
        const char c = text[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

TEST_F(WorkspaceTest, KeyFileIsOwnerOnlyAndLowerHex) {
    for (mode_t mask : {mode_t{0}, mode_t{022}, mode_t{077}, mode_t{0277}}) {
        SCOPED_TRACE(mask);
        UmaskGuard guard(mask);
        const std::string path = Path("key-" + std::to_string(mask));
        Status status = CreateSecretKeyFile(path);
        ASSERT_TRUE(status) << Describe(status);
        EXPECT_EQ(FileMode(path), 0600u);
        EXPECT_TRUE(IsLowerHexKeyLine(ReadFile(path))) << "not 64 lower-case hex digits + newline";
    }
}

TEST_F(WorkspaceTest, CreatedKeysAreRandomAndLoadBack) {
    ASSERT_TRUE(CreateSecretKeyFile(Path("a.key")));
    ASSERT_TRUE(CreateSecretKeyFile(Path("b.key")));
    const std::string a = ReadFile(Path("a.key"));
    EXPECT_NE(a, ReadFile(Path("b.key")));

    Result<SecretKey> key = LoadSecretKey(Path("a.key"), NoEnv());
    ASSERT_TRUE(key) << Describe(key);
    ASSERT_EQ(key->size(), SecretKey::kSize);
    EXPECT_EQ(KeyBytes(*key), HexToBytes(a.substr(0, 64)));
}

TEST_F(WorkspaceTest, CreateSecretKeyFileNeverOverwrites) {
    const std::string path = WriteFile("crewsync.key", std::string(kKeyHex) + "\n");
    Status status = CreateSecretKeyFile(path);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code(), ErrorCode::kConflict);
    EXPECT_EQ(ReadFile(path), std::string(kKeyHex) + "\n");
}

TEST_F(WorkspaceTest, LoadsAKnownKey) {
    const std::string path = WriteFile("crewsync.key", std::string(kKeyHex) + "\n");
    Result<SecretKey> key = LoadSecretKey(path, NoEnv());
    ASSERT_TRUE(key) << Describe(key);
    EXPECT_EQ(KeyBytes(*key), HexToBytes(kKeyHex));
}

TEST_F(WorkspaceTest, GroupOrWorldAccessibleKeyFileIsForbidden) {
    for (mode_t mode : {mode_t{0644}, mode_t{0640}, mode_t{0620}, mode_t{0604}, mode_t{0602}}) {
        SCOPED_TRACE(mode);
        const std::string path = WriteFile("crewsync.key", std::string(kKeyHex) + "\n", mode);
        Result<SecretKey> key = LoadSecretKey(path, NoEnv());
        ASSERT_FALSE(key);
        EXPECT_EQ(key.error().code(), ErrorCode::kForbidden);
        char octal[8];
        std::snprintf(octal, sizeof octal, "%04o", static_cast<unsigned>(mode));
        EXPECT_EQ(key.error().message(), "key file " + path + " has mode " + octal +
                                             "; it must be readable only by its owner: run "
                                             "chmod 600 " +
                                             path);
    }
}

TEST_F(WorkspaceTest, OwnerReadOnlyKeyFileIsAccepted) {
    const std::string path = WriteFile("crewsync.key", std::string(kKeyHex) + "\n", 0400);
    Result<SecretKey> key = LoadSecretKey(path, NoEnv());
    ASSERT_TRUE(key) << Describe(key);
}

TEST_F(WorkspaceTest, EnvironmentKeyWinsOverTheFile) {
    const std::string path = WriteFile("crewsync.key", std::string(kKeyHex) + "\n");
    const Environment env =
        Environment::FromMap({{"CREWSYNC_SECRET_KEY", std::string(kOtherKeyHex)}});
    Result<SecretKey> key = LoadSecretKey(path, env);
    ASSERT_TRUE(key) << Describe(key);
    EXPECT_EQ(KeyBytes(*key), HexToBytes(kOtherKeyHex));

    // Without a file, and even with an unsafe one, the variable alone suffices.
    key = LoadSecretKey(Path("missing.key"), env);
    ASSERT_TRUE(key) << Describe(key);
    EXPECT_EQ(KeyBytes(*key), HexToBytes(kOtherKeyHex));
    ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
    key = LoadSecretKey(path, env);
    ASSERT_TRUE(key) << Describe(key);
}

TEST_F(WorkspaceTest, UpperCaseHexInEnvironmentIsAccepted) {
    std::string upper(kOtherKeyHex);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    Result<SecretKey> key = LoadSecretKey(
        Path("missing.key"), Environment::FromMap({{"CREWSYNC_SECRET_KEY", upper}}));
    ASSERT_TRUE(key) << Describe(key);
    EXPECT_EQ(KeyBytes(*key), HexToBytes(kOtherKeyHex));
}

TEST_F(WorkspaceTest, MalformedEnvironmentKeyIsRejected) {
    Result<SecretKey> key = LoadSecretKey(
        Path("missing.key"), Environment::FromMap({{"CREWSYNC_SECRET_KEY", "abc123"}}));
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_THAT(key.error().message(), HasSubstr("CREWSYNC_SECRET_KEY"));
}

TEST_F(WorkspaceTest, MissingKeyFileIsNotFound) {
    Result<SecretKey> key = LoadSecretKey(Path("crewsync.key"), NoEnv());
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code(), ErrorCode::kNotFound);
    EXPECT_THAT(key.error().message(), HasSubstr(Path("crewsync.key")));
}

TEST_F(WorkspaceTest, CorruptKeyFileIsCorrupt) {
    const std::string hex(kKeyHex);
    const std::vector<std::string> contents = {
        "",
        hex.substr(0, 63) + "\n",
        hex + "0\n",
        hex.substr(0, 63) + "g\n",
        hex + "\n" + hex + "\n",
        std::string(4096, 'a'),
    };
    for (const std::string& content : contents) {
        SCOPED_TRACE(content.size());
        const std::string path = WriteFile("crewsync.key", content);
        Result<SecretKey> key = LoadSecretKey(path, NoEnv());
        ASSERT_FALSE(key);
        EXPECT_EQ(key.error().code(), ErrorCode::kCorrupt);
        EXPECT_THAT(key.error().message(), HasSubstr(path));
    }
}

// Every 8-character window of `hex`, in both cases: a message holding any of them leaks key text.
std::vector<std::string> KeyFragments(std::string_view hex) {
    std::vector<std::string> fragments;
    for (std::size_t i = 0; i + 8 <= hex.size(); ++i) {
        std::string lower(hex.substr(i, 8));
        std::string upper = lower;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        fragments.push_back(lower);
        fragments.push_back(upper);
    }
    return fragments;
}

TEST_F(WorkspaceTest, KeyMaterialNeverAppearsInErrors) {
    const std::string hex(kKeyHex);
    std::vector<std::string> errors;
    auto collect = [&](const Result<SecretKey>& key) {
        ASSERT_FALSE(key);
        errors.push_back(key.error().ToString());
    };
    collect(LoadSecretKey(WriteFile("a.key", hex + "\n", 0644), NoEnv()));
    collect(LoadSecretKey(WriteFile("b.key", hex.substr(0, 63) + "\n"), NoEnv()));
    collect(LoadSecretKey(WriteFile("c.key", hex + "ff\n"), NoEnv()));
    collect(LoadSecretKey(WriteFile("d.key", hex.substr(0, 63) + "z\n"), NoEnv()));
    collect(LoadSecretKey(WriteFile("e.key", hex + "\n" + hex + "\n"), NoEnv()));
    collect(LoadSecretKey(Path("missing.key"),
                          Environment::FromMap({{"CREWSYNC_SECRET_KEY", hex.substr(1)}})));
    collect(LoadSecretKey(Path("missing.key"),
                          Environment::FromMap({{"CREWSYNC_SECRET_KEY", hex + "x"}})));
    collect(SecretKey::FromHex(hex.substr(0, 62) + "  zz"));
    ASSERT_EQ(errors.size(), 8u);
    for (const std::string& error : errors) {
        for (const std::string& fragment : KeyFragments(hex)) {
            ASSERT_THAT(error, Not(HasSubstr(fragment))) << "key text leaked into an error";
        }
    }
}

TEST_F(WorkspaceTest, SecretKeyStreamsAsAPlaceholder) {
    Result<SecretKey> key = SecretKey::FromHex(kKeyHex);
    ASSERT_TRUE(key) << Describe(key);
    std::ostringstream out;
    out << *key;
    EXPECT_EQ(out.str(), "SecretKey(hidden)");
}

TEST_F(WorkspaceTest, SecretKeyMovesOwnership) {
    Result<SecretKey> loaded = SecretKey::FromHex(kKeyHex);
    ASSERT_TRUE(loaded) << Describe(loaded);
    SecretKey first = std::move(*loaded);
    EXPECT_EQ(loaded->data(), nullptr);
    EXPECT_EQ(loaded->size(), 0u);
    EXPECT_EQ(KeyBytes(first), HexToBytes(kKeyHex));

    Result<SecretKey> other = SecretKey::FromHex(kOtherKeyHex);
    ASSERT_TRUE(other) << Describe(other);
    first = std::move(*other);
    EXPECT_EQ(KeyBytes(first), HexToBytes(kOtherKeyHex));
    EXPECT_EQ(other->data(), nullptr);
}

TEST_F(WorkspaceTest, GeneratedKeysDiffer) {
    Result<SecretKey> a = SecretKey::Generate();
    Result<SecretKey> b = SecretKey::Generate();
    ASSERT_TRUE(a) << Describe(a);
    ASSERT_TRUE(b) << Describe(b);
    EXPECT_EQ(a->size(), SecretKey::kSize);
    EXPECT_NE(KeyBytes(*a), KeyBytes(*b));
}

}  // namespace
}  // namespace crewsync::workspace
