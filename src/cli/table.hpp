// Aligned plain-text tables for `list` commands.
#pragma once

#include <string>
#include <vector>

namespace crewsync::cli {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headings);
    void AddRow(std::vector<std::string> cells);
    // Columns padded to their widest cell (counting UTF-8 characters), two spaces apart.
    std::string Render() const;
    std::size_t rows() const { return rows_.size(); }

private:
    std::vector<std::string> headings_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace crewsync::cli
