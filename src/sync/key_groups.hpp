// Internal to the sync core: records grouped by a normalised key (an e-mail, an employee ID).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace crewsync::sync::internal {

// Which records share a key. A sorted array of 64-bit hashes rather than a hash map of strings:
// two allocations for 100,000 keys instead of 200,000, and lookups that stay in the cache. Equal
// hashes are told apart by the key text, so a collision never merges two keys.
class KeyGroups {
public:
    KeyGroups() = default;
    // keys[i] is record i's key; a record with an empty key is in no group. The viewed text
    // must outlive the groups.
    explicit KeyGroups(std::vector<std::string_view> keys);

    // The records whose key is `key`, ascending; empty for an empty or unknown key.
    std::span<const std::uint32_t> Find(std::string_view key) const;
    // The records that share record `record`'s key (itself included), ascending; empty when its
    // key is empty. No hashing: each record's group is found once, when the groups are built.
    std::span<const std::uint32_t> GroupOf(std::uint32_t record) const;

private:
    std::vector<std::string_view> keys_;
    // A directory on the top bits of the hash: hashes with top bits b are at
    // [starts_[b], starts_[b + 1]), so a lookup reads one or two cache lines, not a binary search.
    int shift_ = 64;
    std::vector<std::uint32_t> starts_;
    std::vector<std::uint64_t> hashes_;   // ascending
    std::vector<std::uint32_t> records_;  // records_[i] has hashes_[i]; by key text, then record
    std::vector<std::uint32_t> group_begin_;  // per record: its group in records_
    std::vector<std::uint32_t> group_end_;
};

}  // namespace crewsync::sync::internal
