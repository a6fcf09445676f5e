// The choices a workspace makes about how it syncs with Procore (product.md §3, §5). They are
// read from crewsync.toml by the workspace and obeyed by the pure sync core.
#pragma once

namespace crewsync {

// Which crewsync people are written to the Procore Directory.
enum class PeopleScope {
    kAll,        // every person: users and both as Users, assignable as Contacts
    kUsersOnly,  // only types user and both; assignable people are never written
};

// Whether Directory edits flow back into crewsync.
enum class SyncDirection {
    kOneWay,  // crewsync wins: Directory edits of mapped fields are reset
    kTwoWay,  // a change on either side flows to the other (job title stays one-way)
};

// Who wins when both sides changed the same field since the last sync (two-way only).
enum class ConflictRule { kNewestWins, kCrewsyncWins, kProcoreWins };

// Which side owns project records.
enum class SystemOfRecord { kProcore, kCrewsync };

}  // namespace crewsync
