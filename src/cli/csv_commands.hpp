// `import` and `export` subcommands, shared by people, projects and time entries.
#pragma once

#include <functional>
#include <string>

#include "cli/command.hpp"
#include "records/import.hpp"

namespace crewsync::cli {

using ImportFunction = std::function<Result<records::ImportReport>(
    store::Store&, const csv::Table&, const std::string&, const records::ImportOptions&)>;
using ExportFunction = std::function<Result<std::string>(store::Transaction&,
                                                         const records::ExportOptions&)>;

// `what` is the plural noun ("people"), used in help and messages.
// `allow_duplicates_flag` adds --allow-duplicates (people only).
CLI::App* AddImportCommand(CLI::App& parent, CliContext& context, const std::string& what,
                           ImportFunction import, bool allow_duplicates_flag);
CLI::App* AddExportCommand(CLI::App& parent, CliContext& context, const std::string& what,
                           ExportFunction export_fn);

}  // namespace crewsync::cli
