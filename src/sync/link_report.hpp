// The link report (product.md §4): for every crewsync record and every Procore record, what the
// next sync would do about pairing them, and why.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/local.hpp"
#include "sync/remote.hpp"
#include "sync/settings.hpp"
#include "sync/state.hpp"
#include "sync/suggest.hpp"

namespace crewsync::sync {

enum class LinkStatus {
    kLinked,           // already linked (stored link)
    kWouldLink,        // a clean key match (or crewsync's own origin id): linked by the next run
    kWouldCreate,      // no match: the next run creates the record on the other side (in Procore,
                       // or in crewsync for imports: local_id is then 0)
    kConflict,         // key matches but other fields differ: linked only when accepted
    kDuplicate,        // two records on one side share a key: nothing written until resolved
    kSuggestion,       // no key match, but a near-duplicate: nothing written until decided
    kDirectoryOnly,    // a Procore record nothing in crewsync matches (not imported one-way)
    kOutOfScope,       // excluded by scope or system of record: never written
    kInactiveLeftOut,  // inactive and never synced: left out of the first sync
};

// "linked", "would link", "would create", "conflict", "duplicate", "suggestion",
// "directory only", "out of scope", "inactive, left out".
const char* Name(LinkStatus status);

// A mapped field whose values differ between the two sides of a match.
struct FieldDifference {
    std::string field;   // crewsync field key ("first_name")
    std::string local;
    std::string remote;

    bool operator==(const FieldDifference&) const = default;
};

struct LinkEntry {
    LocalKind local_kind = LocalKind::kPerson;
    LinkStatus status = LinkStatus::kWouldCreate;
    std::int64_t local_id = 0;      // 0 when the entry is a Procore record only
    RemoteKind remote_kind = RemoteKind::kUser;  // the kind linked, matched or to be created
    ProcoreId remote_id = 0;        // 0 when nothing on the Procore side
    std::string label;              // "Jane Doe <jane@example.com>" or "2024-017 Riverside Clinic"
    std::string reason;             // plain words: why this status
    std::vector<FieldDifference> differences;  // conflicts (and linked records that differ)
    std::vector<std::int64_t> duplicate_local_ids;   // the other crewsync records sharing the key
    std::vector<ProcoreId> duplicate_remote_ids;     // the Procore records competing for it
    std::optional<Suggestion> suggestion;            // for kSuggestion

    bool operator==(const LinkEntry&) const = default;
};

struct LinkCounts {
    std::int64_t linked = 0, would_link = 0, would_create = 0, conflicts = 0, duplicates = 0,
                 suggestions = 0, directory_only = 0, out_of_scope = 0, inactive_left_out = 0;

    bool operator==(const LinkCounts&) const = default;
};

// Entries in a stable order: people by crewsync id, then Directory-only records by kind and
// Procore id, then projects the same way.
struct LinkReport {
    std::vector<LinkEntry> entries;
    LinkCounts counts;
};

LinkReport BuildLinkReport(const LocalSnapshot& local, const RemoteSnapshot& remote,
                           const SyncState& state, const Settings& settings);

}  // namespace crewsync::sync
