#include "cli/context.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "records/json.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace crewsync::cli {

Status CliContext::OpenWorkspace() {
    if (store_) return Ok();
    std::optional<std::string> flag;
    if (!workspace_flag.empty()) flag = workspace_flag;
    std::error_code ec;
    const std::string cwd = std::filesystem::current_path(ec).string();
    CREWSYNC_ASSIGN_OR_RETURN(const std::string dir, workspace::LocateWorkspace(flag, env_, cwd));
    CREWSYNC_ASSIGN_OR_RETURN(config_, workspace::LoadConfig(
        (std::filesystem::path(dir) / workspace::kConfigFileName).string(), env_));
    CREWSYNC_ASSIGN_OR_RETURN(paths_, workspace::PathsFor(dir, config_));
    CREWSYNC_ASSIGN_OR_RETURN(store_, store::OpenSqliteStore(paths_.database, clock_));
    return Ok();
}

Result<std::unique_ptr<store::Transaction>> CliContext::Begin(store::TxMode mode) {
    CREWSYNC_TRY(OpenWorkspace());
    return store_->Begin(mode);
}

void CliContext::PrintJson(const nlohmann::json& doc) const {
    std::cout << doc.dump(2) << '\n';
}

void CliContext::Say(const std::string& line) const {
    if (!json) std::cout << line << '\n';
}

bool CliContext::StdoutIsTerminal() const { return isatty(STDOUT_FILENO) == 1; }

int ReportError(const CliContext& context, const Error& error) {
    std::cout.flush();
    if (context.json) {
        context.PrintJson(records::ToJson(error));
    } else {
        std::cerr << "crewsync: " << error.ToString() << '\n';
    }
    return ExitCodeFor(error.code());
}

}  // namespace crewsync::cli
