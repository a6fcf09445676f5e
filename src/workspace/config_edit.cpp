#include "workspace/config_edit.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "workspace/config.hpp"

namespace crewsync::workspace {
namespace {

std::string_view TrimLeft(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

// "[procore]" (with optional spaces and a trailing comment) → "procore"; "" for other lines.
std::string_view SectionOf(std::string_view line) {
    line = TrimLeft(line);
    if (line.empty() || line.front() != '[' || line.substr(0, 2) == "[[") return {};
    const auto close = line.find(']');
    if (close == std::string_view::npos) return {};
    std::string_view name = line.substr(1, close - 1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    return TrimLeft(name);
}

bool IsKeyLine(std::string_view line, std::string_view key) {
    line = TrimLeft(line);
    if (line.substr(0, key.size()) != key) return false;
    line = TrimLeft(line.substr(key.size()));
    return !line.empty() && line.front() == '=';
}

std::vector<std::string> Lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

std::string TomlString(std::string_view value) {
    std::string out = "\"";
    for (const char c : value) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string WithSettings(std::string_view text, std::string_view section,
                         const std::vector<std::pair<std::string, std::string>>& literals) {
    std::vector<std::string> lines = Lines(text);
    for (const auto& [key, literal] : literals) {
        const std::string line = fmt::format("{} = {}", key, literal);
        std::optional<std::size_t> header;
        bool done = false;
        std::string_view current;
        for (std::size_t i = 0; i < lines.size() && !done; ++i) {
            if (const std::string_view name = SectionOf(lines[i]); !name.empty()) {
                current = name;
                if (current == section && !header) header = i;
                continue;
            }
            if (current == section && IsKeyLine(lines[i], key)) {
                lines[i] = line;
                done = true;
            }
        }
        if (done) continue;
        if (header) {
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(*header) + 1, line);
        } else {
            lines.emplace_back("");
            lines.push_back(fmt::format("[{}]", section));
            lines.push_back(line);
        }
    }
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

Status SetSettings(const std::string& path, std::string_view section,
                   const std::vector<std::pair<std::string, std::string>>& literals) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(ErrorCode::kIo, fmt::format("cannot read {}", path));
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string updated = WithSettings(buffer.str(), section, literals);

    const std::string temp = path + ".new";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << updated;
        out.flush();
        if (!out) return Fail(ErrorCode::kIo, fmt::format("cannot write {}", temp));
    }
    // Checked as the file it will become (the environment is left out: its overrides are not
    // the file's business).
    if (auto loaded = LoadConfig(temp, Environment::FromMap({})); !loaded) {
        std::remove(temp.c_str());
        return Fail(loaded.error());
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::remove(temp.c_str());
        return Fail(ErrorCode::kIo, fmt::format("cannot replace {}: {}", path, ec.message()));
    }
    return Ok();
}

}  // namespace crewsync::workspace
