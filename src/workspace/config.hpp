// crewsync — workspace settings: the [sections] of crewsync.toml, their defaults, validation and
// the CREWSYNC_<SECTION>_<KEY> environment overrides.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/error.hpp"
#include "model/sync_options.hpp"
#include "workspace/environment.hpp"

namespace crewsync::workspace {

// The sync vocabularies live in the model so the pure sync core shares them.
using crewsync::ConflictRule;
using crewsync::PeopleScope;
using crewsync::SyncDirection;
using crewsync::SystemOfRecord;

// The configuration name of each value ("users_only"), as written in crewsync.toml.
std::string_view PeopleScopeName(PeopleScope value);
std::string_view SyncDirectionName(SyncDirection value);
std::string_view ConflictRuleName(ConflictRule value);
std::string_view SystemOfRecordName(SystemOfRecord value);

// Parses a configuration name; on failure (kInvalidArgument) the message lists the allowed values.
Result<PeopleScope> ParsePeopleScope(std::string_view text);
Result<SyncDirection> ParseSyncDirection(std::string_view text);
Result<ConflictRule> ParseConflictRule(std::string_view text);
Result<SystemOfRecord> ParseSystemOfRecord(std::string_view text);

struct WorkspaceSettings {
    std::string name;
    std::string database = "crewsync.db";  // relative to the workspace directory unless absolute
    std::string time_zone = "UTC";         // an IANA name known to the tz database
    std::string default_country_code = "1";  // 1–3 digits, for comparing phone numbers

    bool operator==(const WorkspaceSettings&) const = default;
};

struct ProcoreSettings {
    std::string base_url = "https://api.procore.com";
    std::string login_url = "https://login.procore.com";
    std::int64_t company_id = 0;  // 0 = not connected yet

    bool operator==(const ProcoreSettings&) const = default;
};

struct PeopleSettings {
    PeopleScope scope = PeopleScope::kAll;
    SyncDirection direction = SyncDirection::kOneWay;
    ConflictRule conflict_rule = ConflictRule::kNewestWins;
    bool deactivate_user_on_type_change = false;
    std::int64_t permission_template_id = 0;  // 0 = none
    double suggestion_threshold = 0.75;       // 0 < threshold <= 1

    bool operator==(const PeopleSettings&) const = default;
};

struct ProjectsSettings {
    SystemOfRecord system_of_record = SystemOfRecord::kProcore;

    bool operator==(const ProjectsSettings&) const = default;
};

// Time tracking: workers, classifications and timesheets (product.md §6).
struct TimeSettings {
    // Procore work classifications become crewsync positions, and positions missing in
    // Procore are created there.
    bool classification_sync = false;

    bool operator==(const TimeSettings&) const = default;
};

struct SyncSettings {
    std::string schedule = "@hourly";
    double mass_change_share = 0.10;           // 0 < share <= 1
    std::int64_t mass_change_min_records = 25;  // >= 0

    bool operator==(const SyncSettings&) const = default;
};

struct Config {
    WorkspaceSettings workspace;
    ProcoreSettings procore;
    PeopleSettings people;
    ProjectsSettings projects;
    TimeSettings time;
    SyncSettings sync;

    bool operator==(const Config&) const = default;
};

// Reads crewsync.toml at `path`, then applies CREWSYNC_<SECTION>_<KEY> overrides from `env`.
// Missing keys keep their defaults. Fails with kNotFound when the file is missing, kIo when it
// cannot be read, and kInvalidArgument for syntax errors and every invalid, unknown or mistyped
// setting — all gathered into one Error with a FieldProblem ("section.key") per problem, located
// at "path:line:column" or "environment variable CREWSYNC_…".
Result<Config> LoadConfig(const std::string& path, const Environment& env);

// The commented crewsync.toml that `crewsync init` writes: every setting at its default, with
// [workspace] name set to `workspace_name`. LoadConfig of it yields the defaults.
std::string DefaultConfigText(std::string_view workspace_name);

// `config` as TOML without comments; LoadConfig of it yields `config` again.
std::string ConfigToToml(const Config& config);

// Every setting as ("section.key", plain value) in file order, for `crewsync config show`.
std::vector<std::pair<std::string, std::string>> ConfigEntries(const Config& config);

// The environment variable that overrides a setting: "people.scope" → CREWSYNC_PEOPLE_SCOPE.
std::string EnvironmentVariableFor(std::string_view section, std::string_view key);

}  // namespace crewsync::workspace
