// Near-duplicate suggestions between crewsync people and Directory records that no key matched
// (product.md §4): candidate pairs from blocking keys, a 0–1 score from per-field comparisons,
// reasons in words. Suggestions are never linked automatically.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sync/remote.hpp"

namespace crewsync::sync {

// One record on either side, as the scorer sees it (raw values; the scorer normalises).
struct SuggestionCandidate {
    std::int64_t id = 0;             // PersonId value, or the Procore id
    RemoteKind kind = RemoteKind::kUser;  // remote side only
    std::string_view first_name;
    std::string_view last_name;
    std::string_view email;
    std::string_view employee_id;
    std::string_view mobile_phone;
};

struct Suggestion {
    std::int64_t person_id = 0;
    RemoteKind remote_kind = RemoteKind::kUser;
    ProcoreId remote_id = 0;
    double score = 0;                  // 0–1, rounded to two decimals
    std::vector<std::string> reasons;  // "last name equal", "first name Bob is a nickname of Robert"

    bool operator==(const Suggestion&) const = default;
};

// The pair-wise comparison, exposed for tests and for explaining a single pair.
Suggestion ScorePair(const SuggestionCandidate& local, const SuggestionCandidate& remote,
                     std::string_view default_country_code);

// The best suggestions scoring at least `threshold`, each local and each remote record in at
// most one, best first (ties by person id, then remote kind and id). Only pairs that share a
// blocking key are scored: normalised last name, first name when swapped with last name, phone
// digits, e-mail local part, employee id, and a sorted-name-letters key for typos.
// A pair for which `dismissed` is true is never suggested, and its records stay free for their
// next-best pair: a dismissed best pair does not hide a good second one.
using DismissedPair = std::function<bool(std::int64_t person_id, RemoteKind, ProcoreId)>;
std::vector<Suggestion> Suggest(std::span<const SuggestionCandidate> local,
                                std::span<const SuggestionCandidate> remote, double threshold,
                                std::string_view default_country_code,
                                const DismissedPair& dismissed = {});

}  // namespace crewsync::sync
