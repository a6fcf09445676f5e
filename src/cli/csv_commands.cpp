#include "cli/csv_commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "csv/reader.hpp"
#include "model/text.hpp"
#include "records/json.hpp"

namespace crewsync::cli {
namespace {

void PrintReport(const CliContext& context, const records::ImportReport& report) {
    if (context.json) {
        context.PrintJson(records::ToJson(report));
        return;
    }
    using records::RowAction;
    const bool dry = report.dry_run;
    for (const auto& g : report.created_groups) {
        std::cout << (dry ? "would create group " : "created group ") << g << '\n';
    }
    for (const auto& c : report.created_classifications) {
        std::cout << (dry ? "would create classification " : "created classification ") << c
                  << '\n';
    }
    if (dry) {
        // A preview lists every row that would change something.
        for (const auto& row : report.rows) {
            if (row.action == RowAction::kAdd) {
                std::cout << fmt::format("line {}: add {}\n", row.line, row.label);
            } else if (row.action == RowAction::kUpdate) {
                std::cout << fmt::format("line {}: update #{} {} ({})\n", row.line, row.id,
                                         row.label, JoinList(row.changed_fields, ", "));
            }
        }
    }
    std::cout << fmt::format("{}{}: {} {}, {} {}, {} unchanged{}\n", dry ? "dry run of " : "",
                             report.file, report.Count(RowAction::kAdd),
                             dry ? "to add" : "added", report.Count(RowAction::kUpdate),
                             dry ? "to update" : "updated", report.Count(RowAction::kUnchanged),
                             dry ? "; nothing was written" : "");
}

}  // namespace

CLI::App* AddImportCommand(CLI::App& parent, CliContext& context, const std::string& what,
                           ImportFunction import, bool allow_duplicates_flag) {
    auto* cmd = parent.add_subcommand(
        "import", fmt::format("Add and update {} from a CSV file (all rows or none)", what));
    struct Args {
        std::string file;
        bool dry_run = false;
        bool allow_duplicates = false;
        bool create_missing = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("file", args->file, "CSV file to read ('-' for standard input)")->required();
    cmd->add_flag("-n,--dry-run", args->dry_run,
                  "Show what would be added and changed; write nothing");
    if (allow_duplicates_flag) {
        cmd->add_flag("--allow-duplicates,--allow-duplicate", args->allow_duplicates,
                      "Keep new rows that share an e-mail or employee ID as separate people "
                      "(linking flags them as duplicates)");
    }
    cmd->add_flag("--create-missing", args->create_missing,
                  "Create groups and classifications the file names but the workspace lacks");
    cmd->footer("Rows are matched to existing records and update them; see docs/csv-formats.md.");
    OnRun(cmd, context, [&context, args, import, what]() -> Status {
        Result<csv::Table> table = [&]() -> Result<csv::Table> {
            if (args->file != "-") return csv::ReadFile(args->file);
            std::string text((std::istreambuf_iterator<char>(std::cin)),
                             std::istreambuf_iterator<char>());
            return csv::Parse(text);
        }();
        const std::string label = args->file == "-" ? "standard input" : args->file;
        if (!table) {
            if (args->file == "-") {
                return Fail(Error(table.error().code(), label + " is not valid CSV",
                                  table.error().problems()));
            }
            return Fail(table.error());
        }
        CREWSYNC_TRY(context.OpenWorkspace());
        records::ImportOptions options;
        options.dry_run = args->dry_run;
        options.allow_duplicates = args->allow_duplicates;
        options.create_missing = args->create_missing;
        const bool show_progress = context.StdoutIsTerminal() && !context.json;
        if (show_progress) {
            options.progress = [what](std::size_t done, std::size_t total) {
                std::cout << fmt::format("\rimporting {}: {}/{} rows", what, done, total)
                          << std::flush;
                if (done == total) std::cout << "\r\033[K" << std::flush;
            };
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto report, import(context.store(), *table, label, options));
        PrintReport(context, report);
        return Ok();
    });
    return cmd;
}

CLI::App* AddExportCommand(CLI::App& parent, CliContext& context, const std::string& what,
                           ExportFunction export_fn) {
    auto* cmd = parent.add_subcommand("export", fmt::format("Write all {} as CSV", what));
    struct Args {
        std::string file;
        bool without_ids = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("file", args->file, "File to write (default: standard output)");
    cmd->add_flag("--without-ids", args->without_ids,
                  "Leave out crewsync ids (to import into another workspace)");
    OnRun(cmd, context, [&context, args, export_fn]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        records::ExportOptions options;
        options.without_ids = args->without_ids;
        CREWSYNC_ASSIGN_OR_RETURN(const std::string text, export_fn(*tx, options));
        if (args->file.empty() || args->file == "-") {
            std::cout << text;
            return Ok();
        }
        // Write beside the target and rename, so a failed export never leaves half a file.
        const std::string temp = args->file + ".tmp";
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << text;
            out.flush();
            if (!out) {
                std::remove(temp.c_str());
                return Fail(ErrorCode::kIo, fmt::format("cannot write {}", args->file));
            }
        }
        if (std::rename(temp.c_str(), args->file.c_str()) != 0) {
            std::remove(temp.c_str());
            return Fail(ErrorCode::kIo, fmt::format("cannot write {}", args->file));
        }
        context.Say(fmt::format("wrote {}", args->file));
        return Ok();
    });
    return cmd;
}

}  // namespace crewsync::cli
