#include "csv/writer.hpp"

#include <algorithm>

namespace crewsync::csv {
namespace {

bool NeedsQuotes(std::string_view value) {
    if (value.empty()) return false;
    // Surrounding blanks are legal unquoted, but many tools trim them; quoting keeps them.
    const auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
    if (is_blank(value.front()) || is_blank(value.back())) return true;
    return value.find_first_of(",\"\r\n") != std::string_view::npos;
}

void AppendField(std::string& out, std::string_view value) {
    if (!NeedsQuotes(value)) {
        out += value;
        return;
    }
    out += '"';
    for (;;) {
        const std::size_t quote = value.find('"');
        if (quote == std::string_view::npos) break;
        out.append(value.substr(0, quote + 1));
        out += '"';
        value.remove_prefix(quote + 1);
    }
    out += value;
    out += '"';
}

}  // namespace

std::string EscapeField(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    AppendField(out, value);
    return out;
}

void AppendRow(std::string& out, const std::vector<std::string>& values) {
    const bool all_empty =
        std::all_of(values.begin(), values.end(), [](const std::string& v) { return v.empty(); });
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        // The reader skips unquoted all-empty records as spreadsheet debris; one quoted empty
        // field marks this record as real data.
        if (all_empty && i == 0) {
            out += "\"\"";
        } else {
            AppendField(out, values[i]);
        }
    }
    out += "\r\n";
}

Status Writer::WriteRow(const std::vector<std::string>& values) {
    buffer_.clear();
    AppendRow(buffer_, values);
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!out_) return Fail(ErrorCode::kIo, "cannot write CSV output: the output stream failed");
    ++rows_written_;
    return Ok();
}

}  // namespace crewsync::csv
