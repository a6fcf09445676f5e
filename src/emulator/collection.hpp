// One kind of record of one company (users, people, projects, …), as Procore shows them: each
// record is its full JSON representation, kept in id order, with its text rendered once and
// reused until the record changes, so listing a large Directory costs a copy, not a dump.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace crewsync::emulator {

using Json = nlohmann::json;
using RecordId = std::int64_t;
// Shared, so a reply can keep using a cached list or text after the collection moved on.
using IdList = std::shared_ptr<const std::vector<RecordId>>;
using SharedText = std::shared_ptr<const std::string>;

class Collection {
public:
    // `unique_field` names a string field that is unique per company, compared without case
    // and surrounding spaces ("email_address" for users); "" for none.
    explicit Collection(std::string unique_field = "") : unique_field_(std::move(unique_field)) {}

    // Stores `record` (its "id" must be set) and returns it.
    const Json& Put(Json record);
    const Json* Find(RecordId id) const;
    Json* FindMutable(RecordId id);  // call Touched(id) after changing it
    void Touched(RecordId id);
    // The record with this origin_id (per company, unique), or 0.
    RecordId ByOrigin(const std::string& origin_id) const;
    // The record whose unique field is `value` (folded), or 0.
    RecordId ByUnique(const std::string& value) const;

    // The record as JSON text, rendered on first use after a change.
    const std::string& Rendered(RecordId id) const;

    // The ids of the records `keep` accepts, ascending, remembered under `name` until the
    // collection changes: listing a large Directory page by page filters it once, not once
    // per page. Callers hold the state mutex, as for every other call.
    IdList IdsWhere(const std::string& name, const std::function<bool(const Json&)>& keep) const;

    // The text `render` makes, remembered under `key` until the collection changes: the pages
    // of a Directory that a sync lists again and again are joined once, then sent as they are.
    // Kept to kMaxCachedBytes; past that the oldest version's texts are dropped.
    SharedText Cached(const std::string& key, const std::function<std::string()>& render) const;

    const std::map<RecordId, Json>& All() const { return records_; }
    std::size_t size() const { return records_.size(); }

private:
    void Index(RecordId id, const Json& record);
    void Unindex(RecordId id, const Json& record);

    std::string unique_field_;
    std::map<RecordId, Json> records_;
    std::unordered_map<std::string, RecordId> by_origin_;
    std::unordered_map<std::string, RecordId> by_unique_;
    mutable std::unordered_map<RecordId, std::string> rendered_;
    // Bumped by every change; drawn from one counter for all collections, so a collection
    // replaced by a reset or a load never meets an old cache entry with its number.
    std::uint64_t version_ = 0;
    mutable std::unordered_map<std::string, std::pair<std::uint64_t, IdList>> id_lists_;
    // Texts of the current version only (cached_version_); cleared on the first use after a
    // change.
    static constexpr std::size_t kMaxCachedBytes = std::size_t{512} << 20;
    mutable std::uint64_t cached_version_ = 0;
    mutable std::size_t cached_bytes_ = 0;
    mutable std::unordered_map<std::string, SharedText> cached_;
};

// "Jane@Acme.com " → "jane@acme.com": how e-mails are compared for uniqueness.
std::string FoldedText(const std::string& text);

}  // namespace crewsync::emulator
