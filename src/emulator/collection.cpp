#include "emulator/collection.hpp"

#include <atomic>

#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

std::uint64_t NextVersion() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

std::string TextOf(const Json& record, const std::string& field) {
    const auto it = record.find(field);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string FoldedText(const std::string& text) { return AsciiLower(Trim(text)); }

const Json& Collection::Put(Json record) {
    const RecordId id = record.at("id").get<RecordId>();
    if (const auto old = records_.find(id); old != records_.end()) Unindex(id, old->second);
    Index(id, record);
    rendered_.erase(id);
    version_ = NextVersion();
    return records_[id] = std::move(record);
}

const Json* Collection::Find(RecordId id) const {
    const auto it = records_.find(id);
    return it == records_.end() ? nullptr : &it->second;
}

Json* Collection::FindMutable(RecordId id) {
    const auto it = records_.find(id);
    if (it == records_.end()) return nullptr;
    Unindex(id, it->second);  // Touched() indexes the changed record again
    version_ = NextVersion();
    return &it->second;
}

void Collection::Touched(RecordId id) {
    rendered_.erase(id);
    version_ = NextVersion();
    if (const Json* record = Find(id)) Index(id, *record);
}

RecordId Collection::ByOrigin(const std::string& origin_id) const {
    const auto it = by_origin_.find(origin_id);
    return it == by_origin_.end() ? 0 : it->second;
}

RecordId Collection::ByUnique(const std::string& value) const {
    const auto it = by_unique_.find(FoldedText(value));
    return it == by_unique_.end() ? 0 : it->second;
}

IdList Collection::IdsWhere(const std::string& name,
                            const std::function<bool(const Json&)>& keep) const {
    auto& [version, ids] = id_lists_[name];
    if (!ids || version != version_ || version_ == 0) {
        auto fresh = std::make_shared<std::vector<RecordId>>();
        for (const auto& [id, record] : records_) {
            if (keep(record)) fresh->push_back(id);
        }
        ids = std::move(fresh);
        version = version_;
    }
    return ids;
}

SharedText Collection::Cached(const std::string& key,
                              const std::function<std::string()>& render) const {
    if (cached_version_ != version_ || version_ == 0 || cached_bytes_ > kMaxCachedBytes) {
        cached_.clear();
        cached_bytes_ = 0;
        cached_version_ = version_;
    }
    auto [it, added] = cached_.try_emplace(key);
    if (added) {
        it->second = std::make_shared<const std::string>(render());
        cached_bytes_ += it->second->size();
    }
    return it->second;
}

const std::string& Collection::Rendered(RecordId id) const {
    auto [it, added] = rendered_.try_emplace(id);
    if (added) it->second = records_.at(id).dump();
    return it->second;
}

void Collection::Index(RecordId id, const Json& record) {
    if (std::string origin = TextOf(record, "origin_id"); !origin.empty()) {
        by_origin_[std::move(origin)] = id;
    }
    if (!unique_field_.empty()) {
        if (std::string key = FoldedText(TextOf(record, unique_field_)); !key.empty()) {
            by_unique_[std::move(key)] = id;
        }
    }
}

void Collection::Unindex(RecordId id, const Json& record) {
    if (const std::string origin = TextOf(record, "origin_id"); !origin.empty()) {
        if (const auto it = by_origin_.find(origin); it != by_origin_.end() && it->second == id) {
            by_origin_.erase(it);
        }
    }
    if (!unique_field_.empty()) {
        const std::string key = FoldedText(TextOf(record, unique_field_));
        if (const auto it = by_unique_.find(key); it != by_unique_.end() && it->second == id) {
            by_unique_.erase(it);
        }
    }
}

}  // namespace crewsync::emulator
