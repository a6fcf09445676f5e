#include "cli/sync_setup.hpp"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "engine/sync_state_store.hpp"

namespace crewsync::cli {

Result<std::unique_ptr<SyncSetup>> SyncSetup::Open(CliContext& context) {
    std::unique_ptr<SyncSetup> setup(new SyncSetup(context));
    CREWSYNC_ASSIGN_OR_RETURN(setup->secrets_, SecretAccess::Open(context));
    CREWSYNC_ASSIGN_OR_RETURN(ProcoreTarget target, StoredTarget(context, *setup->secrets_));
    setup->keeper_ = std::make_unique<credentials::StoreTokenKeeper>(
        setup->secrets_->vault(), setup->secrets_->store());
    setup->session_ = std::make_unique<ProcoreSession>(target, *setup->keeper_);
    setup->settings_ = engine::SettingsFrom(context.config());
    return setup;
}

engine::SyncEnvironment SyncSetup::Environment() {
    return engine::SyncEnvironment{context_.store(), api(),      clock_,
                                   settings_,        LockPath(), TerminalProgress(),
                                   {}};
}

Result<sync::LinkReport> SyncSetup::BuildReport(engine::SyncScope scope) {
    engine::SyncEnvironment env = Environment();
    engine::SyncRequest request;
    request.scope = scope;
    request.dry_run = true;
    CREWSYNC_ASSIGN_OR_RETURN(engine::SyncOutcome outcome, engine::RunSync(request, env));
    return std::move(outcome.report);
}

engine::SyncProgress TerminalProgress() {
    if (::isatty(STDERR_FILENO) == 0) return {};
    return [](const std::string& stage, std::int64_t done, std::optional<std::int64_t> total) {
        if (total) {
            std::fprintf(stderr, "\r\033[K%s: %lld of %lld", stage.c_str(),
                         static_cast<long long>(done), static_cast<long long>(*total));
        } else {
            std::fprintf(stderr, "\r\033[K%s: %lld", stage.c_str(), static_cast<long long>(done));
        }
        std::fflush(stderr);
    };
}

void EndProgress() {
    if (::isatty(STDERR_FILENO) != 0) std::fputs("\r\033[K", stderr);
}

}  // namespace crewsync::cli
