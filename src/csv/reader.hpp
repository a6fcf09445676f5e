// crewsync — RFC 4180 CSV reader.
//
// The reader is strict about syntax but lenient about spreadsheet debris: blank lines and rows of
// empty cells are skipped. Every problem it can recover from is collected, so a user fixing a
// file sees all of them at once. Locations read "LINE:COLUMN" where LINE is the physical line
// (1-based, counting skipped lines) and COLUMN the 1-based field number, the way a spreadsheet
// user counts columns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace crewsync::csv {

struct Record {
    std::size_t line = 0;                  // physical line where the record starts, 1-based
    std::vector<std::string> values;       // unquoted, unescaped; data values are not trimmed
    std::vector<std::size_t> value_lines;  // physical line each field starts on

    bool operator==(const Record&) const = default;
};

struct Table {
    Record header;  // names trimmed of spaces and tabs, non-empty, unique ignoring ASCII case
    std::vector<Record> rows;
};

// Problems listed in one error before the rest are summarised as "and N more problems".
inline constexpr std::size_t kMaxProblems = 100;

// Parses CSV text (UTF-8, optional BOM). On success every row has as many values as the header.
// On failure returns kInvalidArgument "not valid CSV" whose problems() hold each syntax,
// encoding, header and field-count problem (at most kMaxProblems plus a summary entry).
Result<Table> Parse(std::string_view text);

// Reads and parses the file at `path`. Returns kIo "cannot read PATH: REASON" when the file
// cannot be read, otherwise as Parse() with the message "PATH is not valid CSV".
Result<Table> ReadFile(const std::string& path);

// "12:3" — the location format used in every FieldProblem about CSV input.
std::string FormatLocation(std::size_t line, std::size_t column);

}  // namespace crewsync::csv
