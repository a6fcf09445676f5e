#include "records/import_support.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include <fmt/format.h>

#include "model/text.hpp"

namespace crewsync::records {

std::string_view Name(RowAction action) {
    switch (action) {
        case RowAction::kAdd: return "add";
        case RowAction::kUpdate: return "update";
        case RowAction::kUnchanged: return "unchanged";
    }
    return "add";
}

std::size_t ImportReport::Count(RowAction action) const {
    std::size_t n = 0;
    for (const auto& r : rows) n += r.action == action ? 1 : 0;
    return n;
}

namespace detail {

void ProblemList::Add(const csv::Record& row, std::string_view key, std::string message) {
    problems_.push_back(FieldProblem{std::string(key), std::move(message),
                                     header_.Location(row, key)});
}

void ProblemList::AddAll(const csv::Record& row, const std::vector<FieldProblem>& problems) {
    for (const auto& p : problems) {
        std::string key = p.field;
        // Custom fields are "custom:NAME" in validation and a passthrough column in the file.
        std::string location = header_.Location(row, key);
        if (key.rfind("custom:", 0) == 0) {
            const std::string name = key.substr(7);
            for (const auto& column : header_.passthrough()) {
                if (column.name == name) {
                    location = csv::FormatLocation(row.value_lines[column.index], column.index + 1);
                }
            }
        }
        problems_.push_back(FieldProblem{std::move(key), p.message, std::move(location)});
    }
}

Error ProblemList::ToError(const std::string& file) const {
    // Problems are found in passes (matching, parsing, validation); a user reads them
    // best in file order.
    auto position = [](const FieldProblem& p) {
        std::size_t line = 0, column = 0;
        std::sscanf(p.location.c_str(), "%zu:%zu", &line, &column);
        return std::pair(line, column);
    };
    std::vector<FieldProblem> sorted = problems_;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
        return position(a) < position(b);
    });
    return Error(ErrorCode::kInvalidArgument,
                 fmt::format("{}: {} problem{}; nothing was imported", file, problems_.size(),
                             problems_.size() == 1 ? "" : "s"),
                 std::move(sorted));
}

std::optional<std::string> Cell(const csv::HeaderMap& header, const csv::Record& row,
                                std::string_view key) {
    if (!header.Has(key)) return std::nullopt;
    return std::string(Trim(header.Get(row, key)));
}

std::optional<std::int64_t> ParseRecordId(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

std::optional<Date> DateCell(ProblemList& problems, const csv::Record& row, std::string_view key,
                             std::string_view text) {
    auto date = ParseDate(text);
    if (!date) {
        problems.Add(row, key, fmt::format("'{}' is not a date (write YYYY-MM-DD)", text));
    }
    return date;
}

void MissingNames::NoteGroup(std::string_view name) {
    if (groups.insert(AsciiLower(name)).second) group_names.emplace_back(name);
}

void MissingNames::NoteClassification(std::string_view name) {
    if (classifications.insert(AsciiLower(name)).second) classification_names.emplace_back(name);
}

Status CreateMissing(store::Transaction& tx, const MissingNames& missing, ImportReport& report) {
    for (const auto& name : missing.group_names) {
        CREWSYNC_TRY(tx.InsertGroup(Group{GroupId{}, name, ""}));
        report.created_groups.push_back(name);
    }
    for (const auto& name : missing.classification_names) {
        CREWSYNC_TRY(tx.InsertClassification(
            Classification{ClassificationId{}, name, "", RecordStatus::kActive}));
        report.created_classifications.push_back(name);
    }
    return Ok();
}

Error HeaderError(const std::string& file, const Error& error) {
    return Error(error.code(), fmt::format("{}: {}", file, error.message()), error.problems());
}

void ReportProgress(const ImportOptions& options, std::size_t done, std::size_t total) {
    constexpr std::size_t kProgressEvery = 2000;
    if (options.progress && (done % kProgressEvery == 0 || done == total)) {
        options.progress(done, total);
    }
}

}  // namespace detail
}  // namespace crewsync::records
