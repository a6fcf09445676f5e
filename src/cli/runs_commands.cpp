// crewsync runs list|show|download: the run logs (product.md §7).
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "report/run_format.hpp"

namespace crewsync::cli {
namespace {

struct LoadedRun {
    store::RunRecord run;
    std::vector<store::RunLine> lines;
};

// "42" or "#42", the way other commands take record ids.
Result<std::int64_t> ParseRunId(const std::string& text) {
    const std::string digits = !text.empty() && text[0] == '#' ? text.substr(1) : text;
    std::int64_t id = 0;
    // At most 18 digits, so stoll cannot overflow (and throw).
    const bool numeric = !digits.empty() && digits.size() <= 18 &&
                         digits.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) id = std::stoll(digits);
    if (id <= 0) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("'{}' is not a run id (a number, as `crewsync runs list` shows)",
                                text));
    }
    return id;
}

Result<LoadedRun> LoadRun(CliContext& context, const std::string& id_text) {
    CREWSYNC_ASSIGN_OR_RETURN(const std::int64_t id, ParseRunId(id_text));
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(std::optional<store::RunRecord> run, tx->GetRun(id));
    if (!run) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no run {}; `crewsync runs list` shows the runs", id));
    }
    CREWSYNC_ASSIGN_OR_RETURN(std::vector<store::RunLine> lines, tx->ListRunLines(id));
    return LoadedRun{std::move(*run), std::move(lines)};
}

// Writes beside the target and renames, so a failed download never leaves half a file.
Status WriteFile(const std::string& path, const std::string& text) {
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::remove(temp.c_str());
            return Fail(ErrorCode::kIo, fmt::format("cannot write {}", path));
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        return Fail(ErrorCode::kIo, fmt::format("cannot write {}", path));
    }
    return Ok();
}

// "CSV", "JSON", "text": the format as a sentence names it.
std::string FormatName(const std::string& format) {
    if (format == "csv") return "CSV";
    if (format == "json") return "JSON";
    return format;
}

std::string Download(const LoadedRun& log, const std::string& format) {
    if (format == "csv") return report::RunCsv(log.run, log.lines);
    if (format == "json") return report::RunJson(log.run, log.lines).dump(2) + "\n";
    return report::RunText(log.run, log.lines);
}

void RegisterList(CLI::App& runs, CliContext& context) {
    auto* cmd = runs.add_subcommand("list", "List sync runs, newest first");
    struct Args {
        std::size_t limit = 20;
        std::int64_t before = 0;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--limit", args->limit, "At most this many runs")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    cmd->add_option("--before", args->before, "Only runs older than this run id (to page back)")
        ->check(CLI::PositiveNumber);
    cmd->footer("Example: crewsync runs list --limit 5");
    OnRun(cmd, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto list, tx->ListRuns({args->limit, args->before}));
        if (context.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const store::RunRecord& run : list) out.push_back(report::RunSummaryJson(run));
            context.PrintJson(out);
            return Ok();
        }
        std::cout << report::RunListText(list);
        // A full page may have older runs behind it; say how to see them.
        if (list.size() == args->limit && list.back().id > 1) {
            std::cout << fmt::format("Older runs: crewsync runs list --before {}\n",
                                     list.back().id);
        }
        return Ok();
    });
}

void RegisterShow(CLI::App& runs, CliContext& context) {
    auto* cmd = runs.add_subcommand("show", "Show one run's log: counts, then every record it "
                                            "touched, failures first");
    auto id = std::make_shared<std::string>();
    cmd->add_option("run", *id, "Run id, as `crewsync runs list` shows it")->required();
    cmd->footer("Example: crewsync runs show 42");
    OnRun(cmd, context, [&context, id]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(const LoadedRun log, LoadRun(context, *id));
        if (context.json) {
            context.PrintJson(report::RunJson(log.run, log.lines));
            return Ok();
        }
        std::cout << report::RunText(log.run, log.lines);
        return Ok();
    });
}

void RegisterDownload(CLI::App& runs, CliContext& context) {
    auto* cmd = runs.add_subcommand("download", "Write one run's log as text, CSV or JSON");
    struct Args {
        std::string id, format, output;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("run", args->id, "Run id, as `crewsync runs list` shows it")->required();
    cmd->add_option("--format", args->format,
                    "text (as `runs show` prints it), csv (one row per record) or json")
        ->required()
        ->check(CLI::IsMember({"text", "csv", "json"}));
    cmd->add_option("-o,--output", args->output, "File to write (default: standard output)");
    cmd->footer("Example: crewsync runs download 42 --format csv --output run-42.csv");
    OnRun(cmd, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(const LoadedRun log, LoadRun(context, args->id));
        const std::string text = Download(log, args->format);
        if (args->output.empty() || args->output == "-") {
            std::cout << text;
            return Ok();
        }
        CREWSYNC_TRY(WriteFile(args->output, text));
        if (context.json) {
            context.PrintJson(
                {{"run", log.run.id}, {"format", args->format}, {"output", args->output}});
        }
        context.Say(fmt::format("wrote the log of run {} as {} to {}", log.run.id,
                                FormatName(args->format), args->output));
        return Ok();
    });
}

}  // namespace

void RegisterRunsCommands(CLI::App& app, CliContext& context) {
    auto* runs = app.add_subcommand("runs", "Show the logs of sync runs: list, show, download");
    runs->require_subcommand(1);
    RegisterList(*runs, context);
    RegisterShow(*runs, context);
    RegisterDownload(*runs, context);
}

}  // namespace crewsync::cli
