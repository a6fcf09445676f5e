// The link report (product.md §4) as an integration specialist reads it in a dry run, before
// anything is written to Procore: plain text, CSV for a spreadsheet, JSON for scripts.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sync/link_report.hpp"

namespace crewsync::report {

// A summary line of the counts, a blank line, then one block per entry in report order: a
// header line "STATUS: RECORDS" and indented lines for the reason, differing fields, duplicates
// and the suggestion. Linked entries with nothing to say are left out and counted in a last
// line; conflicts, duplicates and suggestions are always listed.
std::string LinkReportText(const sync::LinkReport& report);

// A header row, then one row per entry (every entry, linked ones included). Differences,
// duplicate ids and suggestion reasons are joined into one cell each; JSON keeps them apart.
std::string LinkReportCsv(const sync::LinkReport& report);

// {"counts": {...}, "entries": [...]} with every field of every entry; enums as their Name()
// words, ids of records that do not exist (0) as null.
nlohmann::json LinkReportJson(const sync::LinkReport& report);

}  // namespace crewsync::report
