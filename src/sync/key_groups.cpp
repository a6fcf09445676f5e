#include "sync/key_groups.hpp"

#include <algorithm>
#include <functional>

namespace crewsync::sync::internal {

KeyGroups::KeyGroups(std::vector<std::string_view> keys) : keys_(std::move(keys)) {
    struct Entry {
        std::uint64_t hash;
        std::uint32_t record;
    };
    std::vector<Entry> entries;
    entries.reserve(keys_.size());
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        if (keys_[i].empty()) continue;
        entries.push_back({std::hash<std::string_view>{}(keys_[i]), static_cast<std::uint32_t>(i)});
    }
    std::sort(entries.begin(), entries.end(), [this](const Entry& a, const Entry& b) {
        if (a.hash != b.hash) return a.hash < b.hash;
        if (const int c = keys_[a.record].compare(keys_[b.record]); c != 0) return c < 0;
        return a.record < b.record;
    });
    hashes_.reserve(entries.size());
    records_.reserve(entries.size());
    for (const Entry& e : entries) {
        hashes_.push_back(e.hash);
        records_.push_back(e.record);
    }
    group_begin_.assign(keys_.size(), 0);
    group_end_.assign(keys_.size(), 0);
    for (std::size_t begin = 0; begin < records_.size();) {
        std::size_t end = begin + 1;
        const std::string_view key = keys_[records_[begin]];
        while (end < records_.size() && hashes_[end] == hashes_[begin] &&
               keys_[records_[end]] == key) {
            ++end;
        }
        for (std::size_t i = begin; i < end; ++i) {
            group_begin_[records_[i]] = static_cast<std::uint32_t>(begin);
            group_end_[records_[i]] = static_cast<std::uint32_t>(end);
        }
        begin = end;
    }
    int bits = 1;
    while (bits < 32 && (std::size_t{1} << bits) < hashes_.size()) ++bits;
    shift_ = 64 - bits;
    starts_.assign((std::size_t{1} << bits) + 1, 0);
    for (std::uint64_t h : hashes_) ++starts_[(h >> shift_) + 1];
    for (std::size_t b = 1; b < starts_.size(); ++b) starts_[b] += starts_[b - 1];
}

std::span<const std::uint32_t> KeyGroups::Find(std::string_view key) const {
    if (key.empty() || hashes_.empty()) return {};
    const std::uint64_t hash = std::hash<std::string_view>{}(key);
    const std::uint64_t bucket = hash >> shift_;
    const auto [first, last] = std::equal_range(hashes_.begin() + starts_[bucket],
                                                hashes_.begin() + starts_[bucket + 1], hash);
    // Within one hash, records are sorted by key text: the matches are one run.
    std::size_t begin = static_cast<std::size_t>(first - hashes_.begin());
    const std::size_t end = static_cast<std::size_t>(last - hashes_.begin());
    while (begin < end && keys_[records_[begin]] != key) ++begin;
    std::size_t stop = begin;
    while (stop < end && keys_[records_[stop]] == key) ++stop;
    return std::span(records_).subspan(begin, stop - begin);
}

std::span<const std::uint32_t> KeyGroups::GroupOf(std::uint32_t record) const {
    if (record >= group_begin_.size()) return {};
    return std::span(records_).subspan(group_begin_[record],
                                       group_end_[record] - group_begin_[record]);
}

}  // namespace crewsync::sync::internal
