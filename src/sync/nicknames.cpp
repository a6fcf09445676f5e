// The nickname table comes from data/nicknames.csv, which CMake compiles in as kNicknamesCsv.
// Its format: a header line `name,nicknames`, then one given name per line, a comma, and that
// name's nicknames separated by spaces:
//
//     robert,bob bobby rob robbie bert bertie
//     francisco,paco pancho frank cisco kiko
//
// Spelling does not matter: every name is put through NormalizeName, so "José" in the file
// matches "jose" and "JOSE" in records. A name may appear as a nickname on many lines ("bert"
// under albert, gilbert, robert…); a given name heads at most one line (repeats are merged).
#include "sync/nicknames.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "sync/normalize.hpp"

namespace crewsync::sync {

extern const char kNicknamesCsv[];

namespace {

// Name → the given names (line heads) it belongs to, sorted.
using Table = std::map<std::string, std::vector<std::string>, std::less<>>;

void AddTo(Table& table, const std::string& name, const std::string& head) {
    if (name.empty() || head.empty()) return;
    std::vector<std::string>& heads = table[name];
    const auto at = std::lower_bound(heads.begin(), heads.end(), head);
    if (at == heads.end() || *at != head) heads.insert(at, head);
}

Table Parse(std::string_view csv) {
    Table table;
    bool header = true;
    while (!csv.empty()) {
        const auto end = csv.find('\n');
        std::string_view line = csv.substr(0, end);
        csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (header) {  // "name,nicknames"
            header = false;
            continue;
        }
        const auto comma = line.find(',');
        const std::string head = NormalizeName(line.substr(0, comma));
        AddTo(table, head, head);
        if (comma == std::string_view::npos) continue;
        std::string_view rest = line.substr(comma + 1);
        while (!rest.empty()) {
            const auto space = rest.find(' ');
            AddTo(table, NormalizeName(rest.substr(0, space)), head);
            rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        }
    }
    return table;
}

const Table& Nicknames() {
    static const Table table = Parse(kNicknamesCsv);
    return table;
}

}  // namespace

std::span<const std::string> FullNamesOf(std::string_view name) {
    const Table& table = Nicknames();
    const auto it = table.find(name);
    if (it == table.end()) return {};
    return it->second;
}

bool AreNicknames(std::string_view a, std::string_view b) {
    if (a == b) return false;
    const std::span<const std::string> heads_a = FullNamesOf(a);
    const std::span<const std::string> heads_b = FullNamesOf(b);
    // Both sorted: they share a given name when a merge walk finds a common element.
    auto i = heads_a.begin();
    auto j = heads_b.begin();
    while (i != heads_a.end() && j != heads_b.end()) {
        if (*i == *j) return true;
        if (*i < *j) ++i;
        else ++j;
    }
    return false;
}

}  // namespace crewsync::sync
