// crewsync — RFC 4180 CSV writer.
//
// Output is chosen so that Parse() gives back exactly the values written: any valid UTF-8,
// including embedded line breaks, quotes, commas, surrounding spaces and empty strings.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace crewsync::csv {

// Returns `value` as one CSV field: quoted (inner quotes doubled) when it contains a comma,
// quote, CR or LF, or starts or ends with a space or tab; unchanged otherwise.
std::string EscapeField(std::string_view value);

// Appends one record to `out`, fields escaped as by EscapeField and ended by "\r\n". A record
// whose values are all empty is written as `"",...` so the reader does not skip it as blank.
// `values` must not be empty (a record has at least one field).
void AppendRow(std::string& out, const std::vector<std::string>& values);

// Streams records to an ostream, one WriteRow() per record.
class Writer {
public:
    explicit Writer(std::ostream& out) : out_(out) {}

    // Writes one record as AppendRow() does. Returns kIo once the stream has failed.
    Status WriteRow(const std::vector<std::string>& values);

    // Records written successfully so far.
    std::size_t rows_written() const { return rows_written_; }

private:
    std::ostream& out_;
    std::string buffer_;  // reused across rows to avoid an allocation per row
    std::size_t rows_written_ = 0;
};

}  // namespace crewsync::csv
