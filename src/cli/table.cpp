#include "cli/table.hpp"

#include <algorithm>

namespace crewsync::cli {
namespace {

// Display width approximated as the number of code points: right for the Latin,
// Cyrillic and Greek names a workforce list holds.
std::size_t Width(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

TextTable::TextTable(std::vector<std::string> headings) : headings_(std::move(headings)) {}

void TextTable::AddRow(std::vector<std::string> cells) {
    cells.resize(headings_.size());
    // A cell must stay on its line.
    for (auto& cell : cells) std::replace(cell.begin(), cell.end(), '\n', ' ');
    rows_.push_back(std::move(cells));
}

std::string TextTable::Render() const {
    std::vector<std::size_t> widths(headings_.size());
    for (std::size_t c = 0; c < headings_.size(); ++c) widths[c] = Width(headings_[c]);
    for (const auto& row : rows_) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
    }
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            text += cells[c];
            if (c + 1 < cells.size()) text.append(widths[c] - Width(cells[c]) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + '\n';
    };
    line(headings_);
    for (const auto& row : rows_) line(row);
    return out;
}

}  // namespace crewsync::cli
