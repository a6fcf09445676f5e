// How command groups plug into the `crewsync` command tree. Only the CLI's own
// translation units include CLI11.
#pragma once

#include <functional>
#include <string>

#include "cli/context.hpp"
#include "model/error.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace crewsync::cli {

// Runs `action` when `command` is chosen; an error is reported and sets the exit code.
void OnRun(CLI::App* command, CliContext& context, std::function<Status()> action);

// Whether an option was given on the command line.
bool Given(const CLI::Option* option);

void RegisterInitCommand(CLI::App& app, CliContext& context);
void RegisterConfigCommands(CLI::App& app, CliContext& context);
void RegisterPeopleCommands(CLI::App& app, CliContext& context);
void RegisterProjectCommands(CLI::App& app, CliContext& context);
void RegisterCatalogCommands(CLI::App& app, CliContext& context);  // groups, classifications
void RegisterAssignmentCommands(CLI::App& app, CliContext& context);
void RegisterTimeCommands(CLI::App& app, CliContext& context);
void RegisterJournalCommand(CLI::App& app, CliContext& context);
void RegisterProcoreCommands(CLI::App& app, CliContext& context);  // connect, doctor, disconnect
void RegisterLinkCommands(CLI::App& app, CliContext& context);  // link report|accept|reject|…
void RegisterSyncCommands(CLI::App& app, CliContext& context);  // sync, invite
// workers import, classifications sync; after RegisterCatalogCommands, whose command it extends
void RegisterWorkersCommands(CLI::App& app, CliContext& context);
void RegisterRunsCommands(CLI::App& app, CliContext& context);  // runs list|show|download
void RegisterDemoCommand(CLI::App& app, CliContext& context);  // demo (against an emulator)

}  // namespace crewsync::cli
