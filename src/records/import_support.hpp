// Pieces the three CSV importers share (internal to records/).
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "csv/header_map.hpp"
#include "csv/reader.hpp"
#include "model/date.hpp"
#include "model/diff.hpp"
#include "model/error.hpp"
#include "records/import.hpp"

namespace crewsync::records::detail {

// Reports progress every few thousand rows and at the end.
void ReportProgress(const ImportOptions& options, std::size_t done, std::size_t total);

// A row that will add or change a record, with where it came from.
template <class T>
struct PlannedWrite {
    T record;
    const csv::Record* row;
    std::size_t report_index;  // its RowOutcome in ImportReport::rows
};

// Records what a row does: add (no `stored`), update or nothing; rows that write
// something join `planned`.
template <class T>
void PlanRow(ImportReport& report, std::vector<PlannedWrite<T>>& planned, const csv::Record& row,
             std::string label, const T* stored, T record) {
    RowOutcome outcome;
    outcome.line = row.line;
    outcome.label = std::move(label);
    if (stored != nullptr) {
        outcome.id = record.id.value();
        outcome.changed_fields = ChangedFields(*stored, record);
        outcome.action = outcome.changed_fields.empty() ? RowAction::kUnchanged : RowAction::kUpdate;
    }
    if (outcome.action != RowAction::kUnchanged) {
        planned.push_back({std::move(record), &row, report.rows.size()});
    }
    report.rows.push_back(std::move(outcome));
}

// Writes the planned rows (adds through `insert`, which returns the new id; changes
// through `update`), fills in the new ids and reports progress.
template <class T, class Insert, class Update>
Status WritePlanned(const std::vector<PlannedWrite<T>>& planned, ImportReport& report,
                    const ImportOptions& options, Insert insert, Update update) {
    for (std::size_t i = 0; i < planned.size(); ++i) {
        RowOutcome& outcome = report.rows[planned[i].report_index];
        if (outcome.action == RowAction::kAdd) {
            auto id = insert(planned[i].record);
            if (!id) return Fail(std::move(id).error());
            outcome.id = id->value();
        } else {
            CREWSYNC_TRY(update(planned[i].record));
        }
        ReportProgress(options, i + 1, planned.size());
    }
    return Ok();
}

// Collects the problems of one import, each placed at "LINE:COLUMN" of its cell.
class ProblemList {
public:
    explicit ProblemList(const csv::HeaderMap& header) : header_(header) {}

    // A problem with the cell of `key` in `row` (the row's line when the column is absent).
    void Add(const csv::Record& row, std::string_view key, std::string message);
    // Problems from model validation; their field names are the column keys.
    void AddAll(const csv::Record& row, const std::vector<FieldProblem>& problems);
    bool empty() const { return problems_.empty(); }
    std::size_t size() const { return problems_.size(); }
    // kInvalidArgument: "FILE: N problems; nothing was imported" with every problem.
    Error ToError(const std::string& file) const;

private:
    const csv::HeaderMap& header_;
    std::vector<FieldProblem> problems_;
};

// The trimmed cell of `key`, or nullopt when the file has no such column.
std::optional<std::string> Cell(const csv::HeaderMap& header, const csv::Record& row,
                                std::string_view key);

// "12" or "#12" -> 12; nullopt for anything else.
std::optional<std::int64_t> ParseRecordId(std::string_view text);

// Parsers for typed cells: they add a problem and return nullopt on a bad value.
std::optional<Date> DateCell(ProblemList& problems, const csv::Record& row, std::string_view key,
                             std::string_view text);

// Group and classification names a file uses that the workspace does not have yet.
struct MissingNames {
    std::set<std::string> groups;           // lower-cased key -> first spelling kept in order
    std::vector<std::string> group_names;
    std::set<std::string> classifications;
    std::vector<std::string> classification_names;

    void NoteGroup(std::string_view name);
    void NoteClassification(std::string_view name);
};

// Creates the missing names (when allowed) and records them in the report.
Status CreateMissing(store::Transaction& tx, const MissingNames& missing, ImportReport& report);

// Wraps a header error with the file name.
Error HeaderError(const std::string& file, const Error& error);


}  // namespace crewsync::records::detail
