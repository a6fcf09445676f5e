// CSV import and export of people, projects and time entries.
//
// An import is all-or-nothing: every row is parsed, matched against the store and
// validated first; if any row has a problem the whole file is rejected with every
// problem listed as "LINE:COLUMN: field: what is wrong", and the store is not touched.
// Rows are matched to existing records (people by #id, employee ID or e-mail; projects
// by #id, number or name; time entries by #id, ref, or person+project+date+time in+
// classification+cost code) and update them instead of adding duplicates. Columns a
// file does not have leave the matching fields of existing records as they are.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "csv/reader.hpp"
#include "model/error.hpp"
#include "store/store.hpp"

namespace crewsync::records {

enum class RowAction { kAdd, kUpdate, kUnchanged };
std::string_view Name(RowAction action);  // "add" | "update" | "unchanged"

struct RowOutcome {
    std::size_t line = 0;
    RowAction action = RowAction::kAdd;
    std::int64_t id = 0;                      // the record's id; 0 for adds in a dry run
    std::string label;                        // "Jane Doe", "Riverside Tower (P-100)"
    std::vector<std::string> changed_fields;  // for updates
};

struct ImportReport {
    std::string file;
    bool dry_run = false;
    std::vector<RowOutcome> rows;
    std::vector<std::string> created_groups;
    std::vector<std::string> created_classifications;

    std::size_t Count(RowAction action) const;
};

struct ImportOptions {
    bool dry_run = false;
    // People: keep rows that share an e-mail or employee ID as separate people.
    bool allow_duplicates = false;
    // Create groups and classifications the file names but the workspace lacks.
    bool create_missing = false;
    // Called now and then while rows are written: (rows done, rows in all).
    std::function<void(std::size_t, std::size_t)> progress;
};

// Each returns the report, or kInvalidArgument whose problems() list every bad row
// (locations "LINE:COLUMN"); `file` names the input in messages.
Result<ImportReport> ImportPeople(store::Store& store, const csv::Table& table,
                                  const std::string& file, const ImportOptions& options);
Result<ImportReport> ImportProjects(store::Store& store, const csv::Table& table,
                                    const std::string& file, const ImportOptions& options);
Result<ImportReport> ImportTimeEntries(store::Store& store, const csv::Table& table,
                                       const std::string& file, const ImportOptions& options);

struct ExportOptions {
    // Leave out the crewsync id column, for moving records to another workspace.
    bool without_ids = false;
};

// The CSV text of every record, in the format the importers read.
Result<std::string> ExportPeople(store::Transaction& tx, const ExportOptions& options);
Result<std::string> ExportProjects(store::Transaction& tx, const ExportOptions& options);
Result<std::string> ExportTimeEntries(store::Transaction& tx, const store::TimeEntryFilter& filter,
                                      const ExportOptions& options);

}  // namespace crewsync::records
