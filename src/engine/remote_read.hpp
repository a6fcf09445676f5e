// Reading the Procore side of a run: every Directory user (active and inactive), contact and
// project the service account can see. Read fresh at the start of every run, which is what lets
// a run that follows a crash recognise the records it created by their origin_id.
#pragma once

#include <functional>
#include <string>

#include "model/error.hpp"
#include "procore/procore_api.hpp"
#include "sync/remote.hpp"

namespace crewsync::engine {

// What a run covers.
enum class SyncScope { kPeople, kProjects, kAll };
// "people" | "projects" | "all".
const char* Name(SyncScope scope);
std::optional<SyncScope> ParseSyncScope(std::string_view text);

inline bool CoversPeople(SyncScope scope) { return scope != SyncScope::kProjects; }
inline bool CoversProjects(SyncScope scope) { return scope != SyncScope::kPeople; }

// Told as each list grows: "users", records so far, and the list's total when known.
using ReadProgress =
    std::function<void(const std::string& what, std::int64_t done, std::optional<std::int64_t>)>;

// The lists `scope` needs; the others stay empty.
Result<sync::RemoteSnapshot> ReadRemote(procore::ProcoreApi& api, SyncScope scope,
                                        const ReadProgress& progress = {});

}  // namespace crewsync::engine
