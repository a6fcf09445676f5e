#include "workspace/config.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <system_error>
#include <variant>

#include <date/tz.h>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace crewsync::workspace {
namespace {

// ---------------------------------------------------------------------------------------------
// Enum names

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<PeopleScope, 2> kPeopleScopeNames{{
    {PeopleScope::kAll, "all"},
    {PeopleScope::kUsersOnly, "users_only"},
}};
constexpr NameTable<SyncDirection, 2> kSyncDirectionNames{{
    {SyncDirection::kOneWay, "one_way"},
    {SyncDirection::kTwoWay, "two_way"},
}};
constexpr NameTable<ConflictRule, 3> kConflictRuleNames{{
    {ConflictRule::kNewestWins, "newest_wins"},
    {ConflictRule::kCrewsyncWins, "crewsync_wins"},
    {ConflictRule::kProcoreWins, "procore_wins"},
}};
constexpr NameTable<SystemOfRecord, 2> kSystemOfRecordNames{{
    {SystemOfRecord::kProcore, "procore"},
    {SystemOfRecord::kCrewsync, "crewsync"},
}};

template <class E, std::size_t N>
std::string_view NameOf(const NameTable<E, N>& table, E value) {
    for (const auto& [candidate, name] : table) {
        if (candidate == value) return name;
    }
    return "unknown";  // only reachable through a cast of an out-of-range integer
}

template <class E, std::size_t N>
Result<E> ParseOf(const NameTable<E, N>& table, std::string_view text) {
    std::string allowed;
    for (const auto& [candidate, name] : table) {
        if (name == text) return candidate;
        if (!allowed.empty()) allowed += ", ";
        allowed += fmt::format("\"{}\"", name);
    }
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("unknown value \"{}\"; allowed values: {}", text, allowed));
}

// ---------------------------------------------------------------------------------------------
// Values as found in the file or the environment, before they are checked against a key

struct OtherType {
    std::string_view description;
};
using Raw = std::variant<std::string, std::int64_t, double, bool, OtherType>;
using Problem = std::optional<std::string>;

std::string_view Describe(const Raw& raw) {
    struct Visitor {
        std::string_view operator()(const std::string&) const { return "a string"; }
        std::string_view operator()(std::int64_t) const { return "an integer"; }
        std::string_view operator()(double) const { return "a float"; }
        std::string_view operator()(bool) const { return "a boolean"; }
        std::string_view operator()(const OtherType& other) const { return other.description; }
    };
    return std::visit(Visitor{}, raw);
}

Raw FromNode(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return node.as_string()->get();
        case toml::node_type::integer: return node.as_integer()->get();
        case toml::node_type::floating_point: return node.as_floating_point()->get();
        case toml::node_type::boolean: return node.as_boolean()->get();
        case toml::node_type::table: return OtherType{"a table"};
        case toml::node_type::array: return OtherType{"an array"};
        case toml::node_type::date: return OtherType{"a date"};
        case toml::node_type::time: return OtherType{"a time"};
        case toml::node_type::date_time: return OtherType{"a date-time"};
        case toml::node_type::none: break;
    }
    return OtherType{"nothing"};
}

enum class Kind { kString, kInteger, kNumber, kBool, kEnum };

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

// Environment variables are untyped text; this gives them the type the key expects, so the same
// checks run for file and environment.
tl::expected<Raw, std::string> FromText(Kind kind, const std::string& text) {
    const char* first = text.data();
    const char* last = text.data() + text.size();
    switch (kind) {
        case Kind::kString:
        case Kind::kEnum: return Raw(text);
        case Kind::kInteger: {
            std::int64_t value = 0;
            auto [end, ec] = std::from_chars(first, last, value);
            if (ec != std::errc() || end != last) {
                return tl::unexpected(fmt::format("must be an integer (found \"{}\")", text));
            }
            return Raw(value);
        }
        case Kind::kNumber: {
            double value = 0;
            auto [end, ec] = std::from_chars(first, last, value);
            if (ec != std::errc() || end != last) {
                return tl::unexpected(fmt::format("must be a number (found \"{}\")", text));
            }
            return Raw(value);
        }
        case Kind::kBool: {
            const std::string lower = Lower(text);
            if (lower == "true" || lower == "1" || lower == "yes") return Raw(true);
            if (lower == "false" || lower == "0" || lower == "no") return Raw(false);
            return tl::unexpected(fmt::format("must be true or false (found \"{}\")", text));
        }
    }
    return tl::unexpected(std::string("unsupported setting type"));
}

// A TOML basic string, escaped so any text survives the round trip.
std::string TomlString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

// Shortest text that reads back as the same double, and as a TOML float rather than an integer.
std::string TomlFloat(double value) {
    std::string out = fmt::format("{}", value);
    if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
    return out;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by file and environment values

Problem CheckNonEmpty(const std::string& text) {
    if (text.empty()) return std::string("must not be empty");
    return std::nullopt;
}

Problem CheckTimeZone(const std::string& text) {
    try {
        date::locate_zone(text);
        return std::nullopt;
    } catch (const std::exception&) {
        // date reports unknown zones (and an unreadable tz database) by throwing.
        return fmt::format(
            "unknown time zone \"{}\"; use an IANA name such as \"America/Chicago\" or \"UTC\"",
            text);
    }
}

Problem CheckCountryCode(const std::string& text) {
    const bool digits = std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
    });
    if (text.empty() || text.size() > 3 || !digits) {
        return fmt::format(
            "must be a country calling code of 1 to 3 digits without \"+\", such as \"1\" or "
            "\"44\" (found \"{}\")",
            text);
    }
    return std::nullopt;
}

Problem CheckUrl(const std::string& text) {
    const std::string lower = Lower(text);
    std::size_t host_start = 0;
    if (lower.starts_with("https://")) {
        host_start = 8;
    } else if (lower.starts_with("http://")) {
        host_start = 7;
    }
    const bool clean = std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
    });
    const std::size_t host_end = text.find_first_of("/?#", host_start);
    const std::size_t host_size =
        (host_end == std::string::npos ? text.size() : host_end) - host_start;
    if (host_start == 0 || !clean || host_size == 0 || text[host_start] == ':') {
        return fmt::format(
            "must be an http:// or https:// URL such as \"https://api.procore.com\" (found \"{}\")",
            text);
    }
    return std::nullopt;
}

Problem CheckShare(double value) {
    // Written so NaN fails too.
    if (!(value > 0.0 && value <= 1.0)) {
        return fmt::format("must be greater than 0 and at most 1, e.g. 0.10 for 10% (found {})",
                           value);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The schema: one entry per setting, in file order

struct KeySpec {
    std::string_view section;
    std::string_view key;
    std::string_view comment;
    Kind kind;
    std::function<Problem(Config&, const Raw&)> set;          // checks, then stores
    std::function<std::string(const Config&)> show;           // plain text for `config show`
    std::function<std::string(const Config&)> literal;        // TOML value
};

std::string WrongType(std::string_view expected, const Raw& raw) {
    return fmt::format("must be {} (found {})", expected, Describe(raw));
}

// `access` is a generic lambda returning a reference to the field, for const and non-const Config.
template <class Access>
KeySpec StringKey(std::string_view section, std::string_view key, std::string_view comment,
                  Access access, Problem (*check)(const std::string&)) {
    return KeySpec{
        section, key, comment, Kind::kString,
        [access, check](Config& config, const Raw& raw) -> Problem {
            const auto* text = std::get_if<std::string>(&raw);
            if (text == nullptr) return WrongType("a string", raw);
            if (check != nullptr) {
                if (Problem problem = check(*text)) return problem;
            }
            access(config) = *text;
            return std::nullopt;
        },
        [access](const Config& config) { return std::string(access(config)); },
        [access](const Config& config) { return TomlString(access(config)); },
    };
}

template <class Access>
KeySpec IntegerKey(std::string_view section, std::string_view key, std::string_view comment,
                   Access access, std::int64_t minimum) {
    return KeySpec{
        section, key, comment, Kind::kInteger,
        [access, minimum](Config& config, const Raw& raw) -> Problem {
            const auto* value = std::get_if<std::int64_t>(&raw);
            if (value == nullptr) return WrongType("an integer", raw);
            if (*value < minimum) {
                return fmt::format("must be at least {} (found {})", minimum, *value);
            }
            access(config) = *value;
            return std::nullopt;
        },
        [access](const Config& config) { return std::to_string(access(config)); },
        [access](const Config& config) { return std::to_string(access(config)); },
    };
}

template <class Access>
KeySpec NumberKey(std::string_view section, std::string_view key, std::string_view comment,
                  Access access, Problem (*check)(double)) {
    return KeySpec{
        section, key, comment, Kind::kNumber,
        [access, check](Config& config, const Raw& raw) -> Problem {
            double value = 0;
            if (const auto* d = std::get_if<double>(&raw)) {
                value = *d;
            } else if (const auto* i = std::get_if<std::int64_t>(&raw)) {
                value = static_cast<double>(*i);  // `share = 1` is an integer in TOML
            } else {
                return WrongType("a number", raw);
            }
            if (Problem problem = check(value)) return problem;
            access(config) = value;
            return std::nullopt;
        },
        [access](const Config& config) { return fmt::format("{}", access(config)); },
        [access](const Config& config) { return TomlFloat(access(config)); },
    };
}

template <class Access>
KeySpec BoolKey(std::string_view section, std::string_view key, std::string_view comment,
                Access access) {
    return KeySpec{
        section, key, comment, Kind::kBool,
        [access](Config& config, const Raw& raw) -> Problem {
            const auto* value = std::get_if<bool>(&raw);
            if (value == nullptr) return WrongType("true or false", raw);
            access(config) = *value;
            return std::nullopt;
        },
        [access](const Config& config) { return std::string(access(config) ? "true" : "false"); },
        [access](const Config& config) { return std::string(access(config) ? "true" : "false"); },
    };
}

template <class E, class Access>
KeySpec EnumKey(std::string_view section, std::string_view key, std::string_view comment,
                Access access, Result<E> (*parse)(std::string_view),
                std::string_view (*name)(E)) {
    return KeySpec{
        section, key, comment, Kind::kEnum,
        [access, parse](Config& config, const Raw& raw) -> Problem {
            const auto* text = std::get_if<std::string>(&raw);
            if (text == nullptr) return WrongType("a string", raw);
            Result<E> value = parse(*text);
            if (!value) return value.error().message();
            access(config) = *value;
            return std::nullopt;
        },
        [access, name](const Config& config) { return std::string(name(access(config))); },
        [access, name](const Config& config) { return TomlString(name(access(config))); },
    };
}

struct SectionSpec {
    std::string_view name;
    std::string_view comment;
};

constexpr std::array<SectionSpec, 6> kSections{{
    {"workspace", "General settings for this workspace."},
    {"procore", "How crewsync reaches Procore."},
    {"people", "How people are kept in step with the Procore Company Directory."},
    {"projects", "How projects are kept in sync."},
    {"time", "Workers, classifications and timesheets pushed to Procore timecards."},
    {"sync", "When sync runs, and its brake against accidental mass changes."},
}};

const std::vector<KeySpec>& Schema() {
    static const std::vector<KeySpec> schema = {
        StringKey("workspace", "name", "A label for this workspace, shown in reports and logs.",
                  [](auto& c) -> auto& { return c.workspace.name; }, nullptr),
        StringKey("workspace", "database",
                  "The database file; a relative path is relative to this directory.",
                  [](auto& c) -> auto& { return c.workspace.database; }, CheckNonEmpty),
        StringKey("workspace", "time_zone",
                  "Time zone for dates and schedules, as an IANA name such as \"America/Chicago\".",
                  [](auto& c) -> auto& { return c.workspace.time_zone; }, CheckTimeZone),
        StringKey("workspace", "default_country_code",
                  "Calling code assumed for phone numbers written without one (\"1\" = US/Canada).",
                  [](auto& c) -> auto& { return c.workspace.default_country_code; },
                  CheckCountryCode),

        StringKey("procore", "base_url", "Address of the Procore API.",
                  [](auto& c) -> auto& { return c.procore.base_url; }, CheckUrl),
        StringKey("procore", "login_url", "Address of the Procore sign-in service.",
                  [](auto& c) -> auto& { return c.procore.login_url; }, CheckUrl),
        IntegerKey("procore", "company_id",
                   "Your Procore company ID; 0 means this workspace is not connected yet.",
                   [](auto& c) -> auto& { return c.procore.company_id; }, 0),

        EnumKey<PeopleScope>(
            "people", "scope",
            "Who is written to Procore: \"all\" people, or \"users_only\" (types user and both; "
            "assignable people are then never written).",
            [](auto& c) -> auto& { return c.people.scope; }, ParsePeopleScope, PeopleScopeName),
        EnumKey<SyncDirection>(
            "people", "direction",
            "\"one_way\": crewsync wins and Directory edits are reset; \"two_way\": edits on "
            "either side flow to the other (job title stays one-way).",
            [](auto& c) -> auto& { return c.people.direction; }, ParseSyncDirection,
            SyncDirectionName),
        EnumKey<ConflictRule>(
            "people", "conflict_rule",
            "Who wins an edit made on both sides: \"newest_wins\", \"crewsync_wins\" or "
            "\"procore_wins\".",
            [](auto& c) -> auto& { return c.people.conflict_rule; }, ParseConflictRule,
            ConflictRuleName),
        BoolKey("people", "deactivate_user_on_type_change",
                "When a user or both-type person becomes assignable, also mark their Procore "
                "User inactive.",
                [](auto& c) -> auto& { return c.people.deactivate_user_on_type_change; }),
        IntegerKey("people", "permission_template_id",
                   "Procore permission template given to new users; 0 means none.",
                   [](auto& c) -> auto& { return c.people.permission_template_id; }, 0),
        NumberKey("people", "suggestion_threshold",
                  "Near-duplicates scoring at least this (0 to 1) are suggested in the link "
                  "report; they are never linked automatically.",
                  [](auto& c) -> auto& { return c.people.suggestion_threshold; }, CheckShare),

        EnumKey<SystemOfRecord>(
            "projects", "system_of_record",
            "Which side owns project records: \"procore\" or \"crewsync\".",
            [](auto& c) -> auto& { return c.projects.system_of_record; }, ParseSystemOfRecord,
            SystemOfRecordName),

        BoolKey("time", "classification_sync",
                "Keep positions and Procore work classifications in step: Procore's become "
                "positions, and positions missing in Procore are created there.",
                [](auto& c) -> auto& { return c.time.classification_sync; }),

        StringKey("sync", "schedule",
                  "When the full reconciliation runs: \"@hourly\", a cron expression or an "
                  "interval.",
                  [](auto& c) -> auto& { return c.sync.schedule; }, CheckNonEmpty),
        NumberKey("sync", "mass_change_share",
                  "A run that would deactivate or change more than this share of the linked "
                  "records (0.1 = 10%) stops before writing and asks for approval.",
                  [](auto& c) -> auto& { return c.sync.mass_change_share; }, CheckShare),
        IntegerKey("sync", "mass_change_min_records",
                   "...and only when it touches at least this many records.",
                   [](auto& c) -> auto& { return c.sync.mass_change_min_records; }, 0),
    };
    return schema;
}

const SectionSpec* FindSection(std::string_view name) {
    for (const SectionSpec& section : kSections) {
        if (section.name == name) return &section;
    }
    return nullptr;
}

const KeySpec* FindKey(std::string_view section, std::string_view key) {
    for (const KeySpec& spec : Schema()) {
        if (spec.section == section && spec.key == key) return &spec;
    }
    return nullptr;
}

std::string KnownKeys(std::string_view section) {
    std::string out;
    for (const KeySpec& spec : Schema()) {
        if (spec.section != section) continue;
        if (!out.empty()) out += ", ";
        out += spec.key;
    }
    return out;
}

std::string KnownSections() {
    std::string out;
    for (const SectionSpec& section : kSections) {
        if (!out.empty()) out += ", ";
        out += fmt::format("[{}]", section.name);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Loading

std::string Location(const std::string& path, const toml::source_position& position) {
    if (position.line == 0) return path;  // toml++ had no position (e.g. an implicit table)
    return fmt::format("{}:{}:{}", path, position.line, position.column);
}

Result<std::string> ReadConfigFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) {
            return Fail(ErrorCode::kNotFound, fmt::format("configuration file {} not found", path));
        }
        return Fail(ErrorCode::kIo,
                    fmt::format("cannot open configuration file {}: {}", path,
                                std::strerror(error)));
    }
    std::string text;
    char buffer[8192];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            return Fail(ErrorCode::kIo,
                        fmt::format("cannot read configuration file {}: {}", path,
                                    std::strerror(error)));
        }
        if (got == 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return text;
}

struct FileProblem {
    toml::source_position position;
    FieldProblem problem;
};

void CheckTables(const std::string& path, const toml::table& root, Config& config,
                 std::vector<FileProblem>& problems) {
    auto add = [&](const toml::source_region& where, std::string field, std::string message) {
        problems.push_back(FileProblem{
            where.begin, FieldProblem{std::move(field), std::move(message),
                                      Location(path, where.begin)}});
    };
    for (auto&& [key, node] : root) {
        const std::string_view section = key.str();
        if (FindSection(section) == nullptr) {
            if (node.is_table()) {
                add(node.source(), std::string(section),
                    fmt::format("unknown table [{}]; known tables: {}", section, KnownSections()));
            } else {
                add(key.source(), std::string(section),
                    fmt::format("unknown key \"{}\" outside any table; settings belong in one of "
                                "{}",
                                section, KnownSections()));
            }
            continue;
        }
        const toml::table* table = node.as_table();
        if (table == nullptr) {
            add(node.source(), std::string(section),
                fmt::format("must be a table: write [{}] on a line of its own and its settings "
                            "below it (found {})",
                            section, Describe(FromNode(node))));
            continue;
        }
        for (auto&& [sub_key, value] : *table) {
            std::string field = fmt::format("{}.{}", section, sub_key.str());
            const KeySpec* spec = FindKey(section, sub_key.str());
            if (spec == nullptr) {
                add(sub_key.source(), std::move(field),
                    fmt::format("unknown key \"{}\" in [{}]; known keys: {}", sub_key.str(),
                                section, KnownKeys(section)));
                continue;
            }
            if (Problem problem = spec->set(config, FromNode(value))) {
                add(value.source(), std::move(field), std::move(*problem));
            }
        }
    }
}

std::string WriteToml(const Config& config, bool with_comments) {
    std::string out;
    std::string_view current;
    for (const KeySpec& spec : Schema()) {
        if (spec.section != current) {
            if (!out.empty()) out += '\n';
            if (with_comments) out += fmt::format("# {}\n", FindSection(spec.section)->comment);
            out += fmt::format("[{}]\n", spec.section);
            current = spec.section;
        }
        if (with_comments) out += fmt::format("# {}\n", spec.comment);
        out += fmt::format("{} = {}\n", spec.key, spec.literal(config));
    }
    return out;
}

}  // namespace

std::string_view PeopleScopeName(PeopleScope value) { return NameOf(kPeopleScopeNames, value); }
std::string_view SyncDirectionName(SyncDirection value) {
    return NameOf(kSyncDirectionNames, value);
}
std::string_view ConflictRuleName(ConflictRule value) { return NameOf(kConflictRuleNames, value); }
std::string_view SystemOfRecordName(SystemOfRecord value) {
    return NameOf(kSystemOfRecordNames, value);
}

Result<PeopleScope> ParsePeopleScope(std::string_view text) {
    return ParseOf(kPeopleScopeNames, text);
}
Result<SyncDirection> ParseSyncDirection(std::string_view text) {
    return ParseOf(kSyncDirectionNames, text);
}
Result<ConflictRule> ParseConflictRule(std::string_view text) {
    return ParseOf(kConflictRuleNames, text);
}
Result<SystemOfRecord> ParseSystemOfRecord(std::string_view text) {
    return ParseOf(kSystemOfRecordNames, text);
}

std::string EnvironmentVariableFor(std::string_view section, std::string_view key) {
    std::string out = fmt::format("CREWSYNC_{}_{}", section, key);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return out;
}

Result<Config> LoadConfig(const std::string& path, const Environment& env) {
    CREWSYNC_ASSIGN_OR_RETURN(const std::string text, ReadConfigFile(path));

    toml::table root;
    try {
        root = toml::parse(std::string_view(text), std::string_view(path));
    } catch (const toml::parse_error& error) {
        return Fail(Error(ErrorCode::kInvalidArgument, fmt::format("cannot parse {}", path),
                          {FieldProblem{"", std::string(error.description()),
                                        Location(path, error.source().begin)}}));
    } catch (const std::exception& error) {
        return Fail(ErrorCode::kInternal,
                    fmt::format("unexpected failure parsing {}: {}", path, error.what()));
    }

    Config config;
    std::vector<FileProblem> file_problems;
    try {
        CheckTables(path, root, config, file_problems);
    } catch (const std::exception& error) {
        return Fail(ErrorCode::kInternal,
                    fmt::format("unexpected failure reading {}: {}", path, error.what()));
    }
    // toml++ tables iterate in key order; users fix files top to bottom.
    std::stable_sort(file_problems.begin(), file_problems.end(),
                     [](const FileProblem& a, const FileProblem& b) {
                         return std::pair(a.position.line, a.position.column) <
                                std::pair(b.position.line, b.position.column);
                     });

    std::vector<FieldProblem> problems;
    for (FileProblem& found : file_problems) problems.push_back(std::move(found.problem));

    bool env_problem = false;
    for (const KeySpec& spec : Schema()) {
        const std::string variable = EnvironmentVariableFor(spec.section, spec.key);
        const std::optional<std::string> value = env.Get(variable);
        if (!value) continue;
        tl::expected<Raw, std::string> raw = FromText(spec.kind, *value);
        Problem problem = raw ? spec.set(config, *raw) : Problem(raw.error());
        if (problem) {
            env_problem = true;
            problems.push_back(FieldProblem{fmt::format("{}.{}", spec.section, spec.key),
                                            std::move(*problem),
                                            "environment variable " + variable});
        }
    }

    if (!problems.empty()) {
        const bool file_problem = !file_problems.empty();
        std::string message =
            file_problem && env_problem ? fmt::format("invalid configuration in {} and in "
                                                      "CREWSYNC_ environment variables",
                                                      path)
            : file_problem ? fmt::format("invalid configuration in {}", path)
                           : std::string("invalid configuration in CREWSYNC_ environment "
                                         "variables");
        return Fail(Error(ErrorCode::kInvalidArgument, std::move(message), std::move(problems)));
    }
    return config;
}

std::string DefaultConfigText(std::string_view workspace_name) {
    Config config;
    config.workspace.name = std::string(workspace_name);
    return "# crewsync workspace settings. Lines starting with # are comments.\n"
           "# Each setting can also come from an environment variable CREWSYNC_<SECTION>_<KEY>,\n"
           "# e.g. CREWSYNC_PEOPLE_SCOPE=users_only, which wins over this file.\n"
           "\n" +
           WriteToml(config, true);
}

std::string ConfigToToml(const Config& config) { return WriteToml(config, false); }

std::vector<std::pair<std::string, std::string>> ConfigEntries(const Config& config) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const KeySpec& spec : Schema()) {
        entries.emplace_back(fmt::format("{}.{}", spec.section, spec.key), spec.show(config));
    }
    return entries;
}

}  // namespace crewsync::workspace
