// What the sync commands (link, sync, invite) share: the workspace's Procore session, the sync
// settings, and the snapshots the link report is built from.
#pragma once

#include <memory>
#include <string>

#include "cli/context.hpp"
#include "cli/procore_session.hpp"
#include "credentials/vault.hpp"
#include "engine/remote_read.hpp"
#include "engine/sync_run.hpp"
#include "sync/link_report.hpp"

namespace crewsync::cli {

class SyncSetup {
public:
    // Opens the workspace and its stored Procore connection (kNotFound: "run crewsync connect").
    static Result<std::unique_ptr<SyncSetup>> Open(CliContext& context);

    procore::ProcoreApi& api() { return session_->api(); }
    store::Store& store() { return context_.store(); }
    const sync::Settings& settings() const { return settings_; }
    // The run lock beside the database.
    std::string LockPath() const { return context_.paths().database + ".sync-lock"; }

    // The engine's view of this workspace; progress goes to stderr on a terminal.
    engine::SyncEnvironment Environment();

    // Reads both sides and builds the link report of `scope`, as a dry run would.
    Result<sync::LinkReport> BuildReport(engine::SyncScope scope);

private:
    explicit SyncSetup(CliContext& context) : context_(context) {}

    CliContext& context_;
    SystemClock clock_;
    std::unique_ptr<SecretAccess> secrets_;
    std::unique_ptr<credentials::StoreTokenKeeper> keeper_;
    std::unique_ptr<ProcoreSession> session_;
    sync::Settings settings_;
};

// Progress on stderr ("reading active users: 3,000 of 10,000"), overwritten in place on a
// terminal and silent otherwise, so scripts and logs stay clean.
engine::SyncProgress TerminalProgress();
// Clears the progress line, if one was drawn.
void EndProgress();

}  // namespace crewsync::cli
