// Pieces the link report and plan formats share, so both print records, values and ids one
// way. Internal to the report library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sync/remote.hpp"
#include "sync/state.hpp"

namespace crewsync::report::internal {

// The sync core has no word for LocalKind; these match the labels people read elsewhere.
inline const char* Name(sync::LocalKind kind) {
    return kind == sync::LocalKind::kPerson ? "person" : "project";
}

// Where a record's Procore side lives, for sentences: people are in the Company Directory,
// projects are not.
inline const char* RemotePlace(sync::RemoteKind kind) {
    return kind == sync::RemoteKind::kProject ? "Procore" : "Directory";
}

// A value kept on one line: the text formats are read line by line, so a line break or tab
// inside a name must not start a new line or shift a column.
inline std::string OneLine(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return out;
}

// A field value in quotes, so an empty value and surrounding spaces stay visible.
inline std::string Quoted(std::string_view value) { return "'" + OneLine(value) + "'"; }

// "1 conflict", "2 conflicts".
inline std::string Count(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "person 7, person 9" (prefix empty: "7, 9").
inline std::string IdList(const std::vector<std::int64_t>& ids, std::string_view prefix) {
    std::string out;
    for (const std::int64_t id : ids) {
        if (!out.empty()) out += ", ";
        if (!prefix.empty()) out.append(prefix).append(" ");
        out += std::to_string(id);
    }
    return out;
}

inline std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// The records an entry or operation is about: "person 12 Jane Doe <jane@example.com> ↔ Procore
// user 4312". The label names the crewsync record when there is one, else the Procore record.
// "Procore" marks the Procore side because crewsync and Procore projects are both "project N".
inline std::string Records(sync::LocalKind local_kind, std::int64_t local_id,
                           sync::RemoteKind remote_kind, sync::ProcoreId remote_id,
                           std::string_view label) {
    const std::string local =
        local_id != 0 ? std::string(Name(local_kind)) + " " + std::to_string(local_id) : "";
    const std::string remote =
        remote_id != 0
            ? std::string("Procore ") + sync::Name(remote_kind) + " " + std::to_string(remote_id)
            : "";
    std::string out = local.empty() ? remote : local;
    // Trimmed: a label with a blank at either end would put double spaces into the line.
    std::string name = OneLine(label);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) out += out.empty() ? name : " " + name;
    if (!local.empty() && !remote.empty()) out += " ↔ " + remote;
    return out;
}

// Ends every line with "\n" and drops trailing blanks (a label may end in one).
inline std::string Lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        const std::size_t end = line.find_last_not_of(' ');
        out.append(line, 0, end == std::string::npos ? 0 : end + 1);
        out += '\n';
    }
    return out;
}

// Ids in CSV cells: empty for "no record" (0), which a spreadsheet filter shows as blank.
inline std::string IdCell(std::int64_t id) { return id != 0 ? std::to_string(id) : ""; }

}  // namespace crewsync::report::internal
