// `activate` / `deactivate` for people and projects. Include only from CLI command files
// (it needs CLI11).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "records/references.hpp"

namespace crewsync::cli {

// Adds `name` under `parent`: resolves every record named on the command line, sets its
// status and saves them all in one transaction (all or none).
template <class Record>
void AddStatusCommand(CLI::App& parent, CliContext& context, const char* name,
                      const std::string& help, const char* refs_name, const char* refs_help,
                      RecordStatus status,
                      Result<Record> (*resolve)(store::Transaction&, std::string_view),
                      Status (store::Transaction::*update)(const Record&)) {
    auto* cmd = parent.add_subcommand(name, help);
    auto refs = std::make_shared<std::vector<std::string>>();
    cmd->add_option(refs_name, *refs, refs_help)->required();
    OnRun(cmd, context, [&context, refs, status, resolve, update]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        std::vector<Record> changed;
        for (const auto& ref : *refs) {
            CREWSYNC_ASSIGN_OR_RETURN(Record record, resolve(*tx, ref));
            record.status = status;
            CREWSYNC_TRY(((*tx).*update)(record));
            changed.push_back(std::move(record));
        }
        CREWSYNC_TRY(tx->Commit());
        if (context.json) PrintJsonList(context, changed);
        for (const auto& record : changed) {
            context.Say(fmt::format("{} is now {}", records::Describe(record), Name(status)));
        }
        return Ok();
    });
}

}  // namespace crewsync::cli
