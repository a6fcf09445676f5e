#include "cli/app.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"

namespace crewsync::cli {

void OnRun(CLI::App* command, CliContext& context, std::function<Status()> action) {
    command->callback([&context, action = std::move(action)] {
        Status status = [&]() -> Status {
            try {
                return action();
            } catch (const std::exception& e) {
                return Fail(ErrorCode::kInternal, std::string("unexpected failure: ") + e.what());
            }
        }();
        if (!status) context.exit_code = ReportError(context, status.error());
    });
}

bool Given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

namespace {

// When CLI11 can only say "A subcommand is required", find the word the user typed
// where a command was expected and name it with the choices ("crewsync peeple list").
std::string UnknownCommandMessage(CLI::App& app, int argc, char** argv) {
    CLI::App* current = &app;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "-w" || word == "--workspace") {
            ++i;  // skip the option's value
            continue;
        }
        if (word.empty() || word[0] == '-') continue;
        const auto subcommands = current->get_subcommands({});
        if (subcommands.empty()) return "";
        CLI::App* next = nullptr;
        std::string choices;
        for (CLI::App* sub : subcommands) {
            if (sub->check_name(word)) next = sub;
            choices += (choices.empty() ? "" : ", ") + sub->get_name();
        }
        if (next == nullptr) {
            return "unknown command '" + word + "'; choose one of: " + choices;
        }
        current = next;
    }
    return "";
}

}  // namespace

int Run(int argc, char** argv) {
    CliContext context(workspace::Environment::Process());
    CLI::App app{
        "crewsync keeps your workforce plan (people, projects, assignments, hours) and your\n"
        "Procore company in step. Start with `crewsync init`, then import your people.",
        "crewsync"};
    app.set_version_flag("--version", std::string("crewsync ") + CREWSYNC_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the command: `crewsync people list --json`
    app.add_option("-w,--workspace", context.workspace_flag,
                   "Workspace directory (default: $CREWSYNC_WORKSPACE, else the current "
                   "directory or the nearest parent holding crewsync.toml)");
    app.add_flag("--json", context.json, "Write machine-readable JSON on stdout");
    app.footer(
        "Exit status: 0 ok, 2 usage, 3 invalid input, 4 not found, 5 conflict,\n"
        "6 credentials/permissions, 7 Procore failure, 8 local storage failure,\n"
        "9 sync finished with failed records, 10 sync stopped by the mass-change guard, 1 other.\n"
        "Run `crewsync COMMAND --help` for a command's options. Docs: docs/ in the source tree.");

    RegisterInitCommand(app, context);
    RegisterConfigCommands(app, context);
    RegisterPeopleCommands(app, context);
    RegisterProjectCommands(app, context);
    RegisterCatalogCommands(app, context);
    RegisterAssignmentCommands(app, context);
    RegisterTimeCommands(app, context);
    RegisterJournalCommand(app, context);
    RegisterProcoreCommands(app, context);
    RegisterLinkCommands(app, context);
    RegisterSyncCommands(app, context);
    RegisterWorkersCommands(app, context);
    RegisterRunsCommands(app, context);
    RegisterDemoCommand(app, context);
    // Listed for --help only: main() hands `crewsync emulator …` to the emulator first.
    app.add_subcommand("emulator",
                       "Run the local Procore emulator (`crewsync emulator --help`)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::RequiredError& e) {
        if (const std::string unknown = UnknownCommandMessage(app, argc, argv); !unknown.empty()) {
            std::cerr << "crewsync: " << unknown << "\nRun with --help for more information.\n";
            return kExitUsage;
        }
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    return context.exit_code;
}

}  // namespace crewsync::cli
