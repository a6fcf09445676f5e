#include "engine/remote_read.hpp"

namespace crewsync::engine {
namespace {

procore::ListProgress Tell(const ReadProgress& progress, const std::string& what) {
    if (!progress) return {};
    return [&progress, what](std::int64_t done, std::optional<std::int64_t> total) {
        progress(what, done, total);
    };
}

}  // namespace

const char* Name(SyncScope scope) {
    switch (scope) {
        case SyncScope::kPeople: return "people";
        case SyncScope::kProjects: return "projects";
        case SyncScope::kAll: return "all";
    }
    return "?";
}

std::optional<SyncScope> ParseSyncScope(std::string_view text) {
    for (auto scope : {SyncScope::kPeople, SyncScope::kProjects, SyncScope::kAll}) {
        if (text == Name(scope)) return scope;
    }
    return std::nullopt;
}

Result<sync::RemoteSnapshot> ReadRemote(procore::ProcoreApi& api, SyncScope scope,
                                        const ReadProgress& progress) {
    sync::RemoteSnapshot remote;
    if (CoversPeople(scope)) {
        CREWSYNC_ASSIGN_OR_RETURN(remote.users, api.ListUsers(Tell(progress, "active users")));
        CREWSYNC_ASSIGN_OR_RETURN(auto inactive,
                                  api.ListInactiveUsers(Tell(progress, "inactive users")));
        remote.users.insert(remote.users.end(), std::make_move_iterator(inactive.begin()),
                            std::make_move_iterator(inactive.end()));
        CREWSYNC_ASSIGN_OR_RETURN(remote.contacts, api.ListContacts(Tell(progress, "contacts")));
    }
    if (CoversProjects(scope)) {
        CREWSYNC_ASSIGN_OR_RETURN(remote.projects, api.ListProjects(Tell(progress, "projects")));
    }
    return remote;
}

}  // namespace crewsync::engine
