// crewsync init, crewsync config show, crewsync journal
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/table.hpp"
#include "records/json.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace crewsync::cli {

void RegisterInitCommand(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand("init", "Create a workspace: settings, database and secret key");
    struct Args {
        std::string dir = ".";
        std::string name;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("dir", args->dir, "Directory for the workspace (created if missing)")
        ->capture_default_str();
    cmd->add_option("--name", args->name, "Your company's name, for reports");
    cmd->footer("One workspace maps to one Procore company.");
    OnRun(cmd, context, [&context, args]() -> Status {
        std::error_code ec;
        const std::string dir = std::filesystem::absolute(args->dir, ec).lexically_normal().string();
        CREWSYNC_TRY(workspace::InitWorkspace(dir, args->name));
        context.workspace_flag = dir;
        CREWSYNC_TRY(context.OpenWorkspace());
        const auto& paths = context.paths();
        if (context.json) {
            context.PrintJson({{"workspace", paths.dir},
                               {"config", paths.config},
                               {"database", paths.database},
                               {"key_file", paths.key_file}});
            return Ok();
        }
        std::cout << fmt::format(
            "Created a crewsync workspace in {}\n"
            "  settings:   {}\n"
            "  database:   {}\n"
            "  secret key: {} (readable only by you; back it up, it unlocks stored "
            "credentials)\n"
            "Next: crewsync groups add NAME, then crewsync people import people.csv\n",
            paths.dir, paths.config, paths.database, paths.key_file);
        return Ok();
    });
}

void RegisterConfigCommands(CLI::App& app, CliContext& context) {
    auto* config = app.add_subcommand("config", "Show the workspace's settings");
    config->require_subcommand(1);
    auto* show = config->add_subcommand("show", "Print every setting with its current value "
                                                "(file, defaults and CREWSYNC_* overrides)");
    OnRun(show, context, [&context]() -> Status {
        CREWSYNC_TRY(context.OpenWorkspace());
        const auto entries = workspace::ConfigEntries(context.config());
        if (context.json) {
            nlohmann::json out = nlohmann::json::object();
            for (const auto& [key, value] : entries) out[key] = value;
            context.PrintJson(out);
            return Ok();
        }
        TextTable t({"SETTING", "VALUE"});
        for (const auto& [key, value] : entries) t.AddRow({key, value});
        std::cout << t.Render();
        return Ok();
    });
}

void RegisterJournalCommand(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand("journal", "Show the change journal: every change to records, "
                                              "in order");
    struct Args {
        std::int64_t after = 0;
        std::size_t limit = 50;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--after", args->after, "Only changes after this sequence number");
    cmd->add_option("--limit", args->limit, "At most this many changes")->capture_default_str();
    OnRun(cmd, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto entries, tx->ReadJournal(args->after, args->limit));
        if (context.json) {
            PrintJsonList(context, entries);
            return Ok();
        }
        TextTable t({"SEQ", "WHEN", "RECORD", "ACTION", "FIELDS"});
        for (const auto& j : entries) {
            t.AddRow({std::to_string(j.seq), j.recorded_at,
                      fmt::format("{} #{}", store::Name(j.entity), j.entity_id),
                      std::string(store::Name(j.action)), fmt::format("{}", fmt::join(j.fields, ", "))});
        }
        std::cout << t.Render();
        return Ok();
    });
}

}  // namespace crewsync::cli
