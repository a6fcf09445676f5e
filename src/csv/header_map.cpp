#include "csv/header_map.hpp"

#include <unordered_map>
#include <utility>

namespace crewsync::csv {
namespace {

std::string_view Trim(std::string_view s) {
    const std::size_t first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = AsciiLower(c);
    return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (AsciiLower(s[i]) != AsciiLower(prefix[i])) return false;
    }
    return true;
}

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

// "employee_id (also: Employee ID, emp id), email; or any column starting with \"custom:\"".
std::string AcceptedNames(const std::vector<ColumnSpec>& specs, const std::string& prefix) {
    std::string out;
    for (const ColumnSpec& spec : specs) {
        if (!out.empty()) out += ", ";
        out += spec.key;
        if (!spec.aliases.empty()) out += " (also: " + Join(spec.aliases) + ")";
    }
    if (!prefix.empty()) out += "; or any column starting with \"" + prefix + "\"";
    return out;
}

}  // namespace

std::string NormalizeColumnName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-') continue;
        out += AsciiLower(c);
    }
    return out;
}

Result<HeaderMap> HeaderMap::Build(const Record& header, const std::vector<ColumnSpec>& specs,
                                   const std::string& passthrough_prefix) {
    std::unordered_map<std::string, std::size_t> spec_by_name;
    HeaderMap map;
    map.entries_.reserve(specs.size());
    for (std::size_t s = 0; s < specs.size(); ++s) {
        map.entries_.push_back({specs[s].key, std::nullopt});
        std::vector<std::string> names = specs[s].aliases;
        names.push_back(specs[s].key);
        for (const std::string& name : names) {
            const auto [it, inserted] = spec_by_name.emplace(NormalizeColumnName(name), s);
            if (!inserted && it->second != s) {
                return Fail(ErrorCode::kInternal, "column specs \"" + specs[it->second].key +
                                                      "\" and \"" + specs[s].key +
                                                      "\" both accept \"" + name + "\"");
            }
        }
    }

    std::vector<FieldProblem> problems;
    bool has_unknown = false;
    std::unordered_map<std::string, std::size_t> passthrough_by_name;  // lower-case name → index
    const auto location_of = [&header](std::size_t i) {
        const std::size_t line =
            i < header.value_lines.size() ? header.value_lines[i] : header.line;
        return FormatLocation(line, i + 1);
    };
    const auto describe = [&header](std::size_t i) {
        return "\"" + std::string(Trim(header.values[i])) + "\" (column " + std::to_string(i + 1) +
               ")";
    };
    for (std::size_t i = 0; i < header.values.size(); ++i) {
        const std::string name(Trim(header.values[i]));
        if (!passthrough_prefix.empty() && StartsWithIgnoreCase(name, passthrough_prefix)) {
            std::string passthrough_name(
                Trim(std::string_view(name).substr(passthrough_prefix.size())));
            if (passthrough_name.empty()) {
                problems.push_back(
                    {name, "has no name after \"" + passthrough_prefix + "\"", location_of(i)});
                continue;
            }
            const auto [it, inserted] =
                passthrough_by_name.emplace(AsciiLower(passthrough_name), i);
            if (!inserted) {
                problems.push_back(
                    {name, "is the same column as " + describe(it->second), location_of(i)});
                continue;
            }
            map.passthrough_.push_back({std::move(passthrough_name), i});
            continue;
        }
        const auto it = spec_by_name.find(NormalizeColumnName(name));
        if (it == spec_by_name.end()) {
            problems.push_back(
                {name, name.empty() ? "column name is empty" : "unknown column", location_of(i)});
            has_unknown = true;
            continue;
        }
        Entry& entry = map.entries_[it->second];
        if (entry.index) {
            problems.push_back(
                {name, "is the same column as " + describe(*entry.index), location_of(i)});
            continue;
        }
        entry.index = i;
    }
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (!specs[s].required || map.entries_[s].index) continue;
        std::string message = "required column is missing";
        if (!specs[s].aliases.empty()) {
            message += " (also accepted as: " + Join(specs[s].aliases) + ")";
        }
        problems.push_back({specs[s].key, std::move(message), ""});
    }
    if (has_unknown) {
        problems.push_back(
            {"", "accepted column names: " + AcceptedNames(specs, passthrough_prefix), ""});
    }
    if (!problems.empty()) {
        return Fail(Error(ErrorCode::kInvalidArgument,
                          "the header does not match the expected columns", std::move(problems)));
    }
    return map;
}

std::optional<std::size_t> HeaderMap::Index(std::string_view key) const {
    for (const Entry& entry : entries_) {
        if (entry.key == key) return entry.index;
    }
    return std::nullopt;
}

std::string_view HeaderMap::Get(const Record& row, std::string_view key) const {
    const std::optional<std::size_t> index = Index(key);
    if (!index || *index >= row.values.size()) return {};
    return row.values[*index];
}

std::size_t HeaderMap::Column(std::string_view key) const {
    const std::optional<std::size_t> index = Index(key);
    return index ? *index + 1 : 0;
}

std::string HeaderMap::Location(const Record& row, std::string_view key) const {
    const std::optional<std::size_t> index = Index(key);
    if (!index) return std::to_string(row.line);
    const std::size_t line = *index < row.value_lines.size() ? row.value_lines[*index] : row.line;
    return FormatLocation(line, *index + 1);
}

}  // namespace crewsync::csv
