// What every command shares: global options, the workspace (opened on demand) and
// the output conventions (plain text or --json on stdout, errors on stderr).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "model/clock.hpp"
#include "model/error.hpp"
#include "store/store.hpp"
#include "workspace/config.hpp"
#include "workspace/environment.hpp"
#include "workspace/workspace.hpp"

namespace crewsync::cli {

class CliContext {
public:
    explicit CliContext(workspace::Environment env) : env_(std::move(env)) {}

    // Global options, filled in by the argument parser.
    std::string workspace_flag;
    bool json = false;
    // The process exit code, set by the command that ran.
    int exit_code = 0;

    const workspace::Environment& env() const { return env_; }

    // Finds the workspace (flag, CREWSYNC_WORKSPACE, current directory and its parents),
    // loads its settings and opens its database. Idempotent.
    Status OpenWorkspace();
    store::Store& store() { return *store_; }
    const workspace::Config& config() const { return config_; }
    const workspace::WorkspacePaths& paths() const { return paths_; }

    // Shorthand for store().Begin(mode) after OpenWorkspace().
    Result<std::unique_ptr<store::Transaction>> Begin(store::TxMode mode);

    // Prints a JSON document (pretty) on stdout.
    void PrintJson(const nlohmann::json& doc) const;
    // Prints a line on stdout unless --json is on (then the JSON says it all).
    void Say(const std::string& line) const;
    // Whether stdout is an interactive terminal (for progress lines).
    bool StdoutIsTerminal() const;

private:
    workspace::Environment env_;
    SystemClock clock_;
    workspace::Config config_;
    workspace::WorkspacePaths paths_;
    std::unique_ptr<store::Store> store_;
};

// Prints an error the way every command does: "crewsync: MESSAGE" and one indented line
// per problem on stderr, or the error as JSON on stdout with --json. Returns its exit code.
int ReportError(const CliContext& context, const Error& error);

}  // namespace crewsync::cli
