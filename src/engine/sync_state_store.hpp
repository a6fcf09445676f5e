// The sync state and the local snapshot as the store keeps them, converted to and from the sync
// core's values. Loading checks what it reads: a row naming an unknown kind is corruption, not a
// record to skip.
#pragma once

#include <vector>

#include "model/error.hpp"
#include "store/store.hpp"
#include "sync/local.hpp"
#include "sync/settings.hpp"
#include "sync/state.hpp"
#include "workspace/config.hpp"

namespace crewsync::engine {

// The sync core's settings from the workspace's configuration.
sync::Settings SettingsFrom(const workspace::Config& config);

// Every link, dismissal and baseline the store holds.
Result<sync::SyncState> LoadSyncState(store::Transaction& tx);

// Every person and project, each with the time its last mapped field changed (for newest wins),
// and every group name (imported projects join all groups).
Result<sync::LocalSnapshot> LoadLocalSnapshot(store::Transaction& tx);

// The kind words of the store ("user", "matched", …) and back.
Result<sync::RemoteKind> ParseRemoteKind(std::string_view text);
Result<sync::LinkOrigin> ParseLinkOrigin(std::string_view text);

store::LinkRow ToRow(const sync::Link& link);
store::DismissalRow ToRow(const sync::Dismissal& dismissal);
store::BaselineRow ToRow(const sync::PersonBaseline& baseline);
store::BaselineRow ToRow(const sync::ProjectBaseline& baseline);

}  // namespace crewsync::engine
