// crewsync — maps a CSV header onto the columns an importer understands.
//
// Users write headers by hand or export them from other tools, so names match ignoring ASCII
// case, spaces, tabs, '_' and '-' ("Employee ID" == "employee_id" == "EMPLOYEE-ID"), and each
// column may have aliases. Columns under a passthrough prefix ("custom: Shirt size") carry
// free-form data the importer stores without knowing it in advance.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv/reader.hpp"
#include "model/error.hpp"

namespace crewsync::csv {

struct ColumnSpec {
    std::string key;                   // the name code asks for, also accepted in the header
    std::vector<std::string> aliases;  // other accepted header names
    bool required = false;
};

struct PassthroughColumn {
    std::string name;   // header name after the prefix, trimmed
    std::size_t index;  // 0-based field index

    bool operator==(const PassthroughColumn&) const = default;
};

// The comparison form of a column name: ASCII lower case without spaces, tabs, '_' and '-'.
std::string NormalizeColumnName(std::string_view name);

class HeaderMap {
public:
    // Matches every header column to a spec (by key or alias) or, when `passthrough_prefix` is
    // non-empty, to a passthrough column. Returns kInvalidArgument listing every unknown column
    // (with "LINE:COL" and the accepted names), every column matched twice, every empty or
    // repeated passthrough name and every missing required key. Returns kInternal when two specs
    // accept the same name (a programming error).
    static Result<HeaderMap> Build(const Record& header, const std::vector<ColumnSpec>& specs,
                                   const std::string& passthrough_prefix = "");

    // 0-based field index of the column for `key`, or nullopt if the header lacks it or `key`
    // names no spec.
    std::optional<std::size_t> Index(std::string_view key) const;

    // Whether the header has the column for `key`.
    bool Has(std::string_view key) const { return Index(key).has_value(); }

    // The row's value for `key`, untrimmed; empty when the column is absent. Points into `row`.
    std::string_view Get(const Record& row, std::string_view key) const;

    // 1-based column number of `key` for messages; 0 when the column is absent.
    std::size_t Column(std::string_view key) const;

    // "LINE:COL" of the row's value for `key` (the line the field starts on); the row's line
    // alone when the column is absent.
    std::string Location(const Record& row, std::string_view key) const;

    // Passthrough columns in header order.
    const std::vector<PassthroughColumn>& passthrough() const { return passthrough_; }

private:
    struct Entry {
        std::string key;
        std::optional<std::size_t> index;
    };

    std::vector<Entry> entries_;  // one per spec; specs are few, so a linear scan is fastest
    std::vector<PassthroughColumn> passthrough_;
};

}  // namespace crewsync::csv
