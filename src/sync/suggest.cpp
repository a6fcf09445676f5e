// Near-duplicate suggestions. Two stages, so a company of 100,000 people stays fast:
//
// 1. Blocking. Every record gives a handful of keys (its last name, its phone, …); only pairs
//    that share a key are compared. A key shared by too many records on either side ("garcia")
//    is skipped: it would cost thousands of comparisons and say little. The finer keys (first
//    name with part of the last name, nickname with last name) still bring those pairs together.
// 2. Scoring. Each candidate pair gets a 0–1 score from field-by-field evidence, then a greedy
//    pass keeps the best pairs so every record is in at most one suggestion.
#include "sync/suggest.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/text.hpp"
#include "sync/nicknames.hpp"
#include "sync/normalize.hpp"
#include "sync/similarity.hpp"

namespace crewsync::sync {
namespace {

// --- Weights. Names carry most of the score; equal contact details confirm it. Equal first and
// last names alone (0.9) are a suggestion; a shared last name alone (0.45), even with a shared
// phone (0.70, e.g. family members), is not. A field counts only when both sides have it.
//
// Differing details count against a pair, but little: only records that no key matched get
// here, so a near-duplicate User has a different e-mail (Users are matched by e-mail) and a
// near-duplicate Contact a different employee ID (Contacts are matched by it) almost by
// definition. A different mobile number says more.
constexpr double kLastNameWeight = 0.45;
constexpr double kFirstNameWeight = 0.45;
constexpr double kNicknameCredit = 0.85;  // share of the name weight
constexpr double kSimilarCredit = 0.8;
constexpr double kPartCredit = 0.8;
constexpr double kInitialCredit = 0.5;
constexpr double kSwappedNames = 0.85;    // both names, in the other's field
constexpr double kEmailEqual = 0.3;
constexpr double kEmailOneOff = 0.2;
constexpr double kEmailTwoOff = 0.1;
constexpr double kEmailLocalPartEqual = 0.1;
constexpr double kEmailDiffers = -0.05;
constexpr double kPhoneEqual = 0.25;
constexpr double kPhoneDiffers = -0.1;
constexpr double kEmployeeIdEqual = 0.3;
constexpr double kEmployeeIdDiffers = -0.05;

// A block key shared by more records than this on either side is skipped. Constant caps keep
// the work per block bounded, so the run time grows with the number of records, not its square.
constexpr std::uint32_t kNameBlockCap = 100;
// A phone, e-mail local part or employee ID shared this widely is an office line or a
// placeholder, not a person.
constexpr std::uint32_t kIdentifierBlockCap = 50;

// "juan carlos", "garcia-lopez".
bool HasSeveralWords(std::string_view name) {
    return name.find_first_of(" -") != std::string_view::npos;
}

// One record with its fields normalised once, not once per pair. The normalised text lives in
// its PreparedSide.
struct Prepared {
    std::string_view first;
    std::string_view last;
    std::string_view email;
    std::string_view phone;
    std::string_view employee_id;
    std::string_view first_shown;  // as written (trimmed), for reasons
    std::string_view last_shown;
    std::span<const std::string> full_names;  // what the first word is a nickname of
    std::size_t first_token_size = 0;         // the first word of `first`, for nicknames
    std::size_t email_local_size = 0;         // up to the '@'
    bool first_has_words = false;             // "juan carlos", "garcia lopez"
    bool last_has_words = false;

    std::string_view FirstToken() const { return first.substr(0, first_token_size); }
    std::string_view EmailLocal() const { return email.substr(0, email_local_size); }
};

// All the records of one side, normalised into one buffer: a few allocations instead of
// several per record, and each record's fields side by side in memory, which counts when
// millions of pairs are compared.
class PreparedSide {
public:
    PreparedSide(std::span<const SuggestionCandidate> records, std::string_view country_code) {
        // Where each field ends; views come last, as the buffer moves while it grows.
        std::vector<std::size_t> ends;
        ends.reserve(records.size() * kFields);
        std::size_t size = 0;
        for (const SuggestionCandidate& c : records) {
            size += c.first_name.size() + c.last_name.size() + c.email.size() +
                    c.mobile_phone.size() + country_code.size() + c.employee_id.size();
        }
        text_.reserve(size);
        for (const SuggestionCandidate& c : records) {
            AppendNormalizedName(c.first_name, text_);
            ends.push_back(text_.size());
            AppendNormalizedName(c.last_name, text_);
            ends.push_back(text_.size());
            AppendNormalizedEmail(c.email, text_);
            ends.push_back(text_.size());
            if (!c.mobile_phone.empty()) text_ += NormalizePhone(c.mobile_phone, country_code);
            ends.push_back(text_.size());
            if (!c.employee_id.empty()) text_ += NormalizeEmployeeId(c.employee_id);
            ends.push_back(text_.size());
        }
        records_.reserve(records.size());
        const std::string_view text = text_;
        std::size_t begin = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
            std::array<std::string_view, kFields> fields;
            for (std::size_t k = 0; k < kFields; ++k) {
                const std::size_t end = ends[i * kFields + k];
                fields[k] = text.substr(begin, end - begin);
                begin = end;
            }
            records_.push_back(Make(records[i], fields));
        }
    }
    std::size_t size() const { return records_.size(); }
    const Prepared& operator[](std::size_t i) const { return records_[i]; }

private:
    static constexpr std::size_t kFields = 5;

    static Prepared Make(const SuggestionCandidate& c,
                         const std::array<std::string_view, kFields>& fields) {
        Prepared p;
        p.first = fields[0];
        p.last = fields[1];
        p.email = fields[2];
        p.phone = fields[3];
        p.employee_id = fields[4];
        p.first_shown = Trim(c.first_name);
        p.last_shown = Trim(c.last_name);
        p.first_token_size = std::min(p.first.find(' '), p.first.size());
        p.email_local_size = std::min(p.email.find('@'), p.email.size());
        p.first_has_words = HasSeveralWords(p.first);
        p.last_has_words = HasSeveralWords(p.last);
        p.full_names = FullNamesOf(p.FirstToken());
        return p;
    }

    std::string text_;
    std::vector<Prepared> records_;
};

// ---------------------------------------------------------------------------------------------
// Comparing names

enum class NameMatch { kNone, kEqual, kNickname, kPart, kSimilar, kInitial };

bool SharesFullName(const Prepared& a, const Prepared& b) {
    auto i = a.full_names.begin();
    auto j = b.full_names.begin();
    while (i != a.full_names.end() && j != b.full_names.end()) {
        if (*i == *j) return true;
        if (*i < *j) ++i;
        else ++j;
    }
    return false;
}

std::vector<std::string_view> Words(std::string_view name) {
    std::vector<std::string_view> words;
    while (!name.empty()) {
        const auto end = name.find_first_of(" -");
        if (end != 0) words.push_back(name.substr(0, end));
        name = end == std::string_view::npos ? std::string_view() : name.substr(end + 1);
    }
    return words;
}

// "garcia" in "garcia lopez", "juan" in "juan carlos": every word of the shorter name is a word
// of the longer one (double surnames, middle names, a dropped second given name). Only called
// when one name has several words; most names are one word.
bool IsPartOf(std::string_view a, std::string_view b) {
    std::vector<std::string_view> wa = Words(a);
    std::vector<std::string_view> wb = Words(b);
    if (wa.size() > wb.size()) std::swap(wa, wb);
    if (wa.empty()) return false;
    return std::all_of(wa.begin(), wa.end(), [&](std::string_view w) {
        return std::find(wb.begin(), wb.end(), w) != wb.end();
    });
}

// "jhon"/"john": two neighbouring letters typed in the wrong order.
bool IsSwappedNeighbours(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
}

// A typo: one edit apart, two neighbours swapped, or two edits when the names are long and
// alike from the start.
bool IsTypo(std::string_view a, std::string_view b) {
    if (std::min(a.size(), b.size()) < 3) return false;
    const std::size_t distance = EditDistance(a, b, 2);
    if (distance <= 1) return true;
    if (distance > 2) return false;
    return IsSwappedNeighbours(a, b) ||
           (std::min(a.size(), b.size()) >= 5 && JaroWinkler(a, b) >= 0.9);
}

// "j" against "john".
bool IsInitialOf(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    return a.size() == 1 && b.size() > 1 && a.front() == b.front();
}

NameMatch CompareLast(const Prepared& a, const Prepared& b) {
    if (a.last.empty() || b.last.empty()) return NameMatch::kNone;
    if (a.last == b.last) return NameMatch::kEqual;
    if ((a.last_has_words || b.last_has_words) && IsPartOf(a.last, b.last)) {
        return NameMatch::kPart;
    }
    if (IsTypo(a.last, b.last)) return NameMatch::kSimilar;
    return NameMatch::kNone;
}

NameMatch CompareFirst(const Prepared& a, const Prepared& b) {
    if (a.first.empty() || b.first.empty()) return NameMatch::kNone;
    if (a.first == b.first) return NameMatch::kEqual;
    if (a.FirstToken() != b.FirstToken() && SharesFullName(a, b)) return NameMatch::kNickname;
    if ((a.first_has_words || b.first_has_words) && IsPartOf(a.first, b.first)) {
        return NameMatch::kPart;
    }
    // Two different names from the nickname table ("mary", "mark") are not a typo of each other.
    const bool both_known = !a.full_names.empty() && !b.full_names.empty();
    if (!both_known && IsTypo(a.first, b.first)) return NameMatch::kSimilar;
    if (IsInitialOf(a.first, b.first)) return NameMatch::kInitial;
    return NameMatch::kNone;
}

double Credit(NameMatch match) {
    switch (match) {
        case NameMatch::kNone: return 0;
        case NameMatch::kEqual: return 1;
        case NameMatch::kNickname: return kNicknameCredit;
        case NameMatch::kPart: return kPartCredit;
        case NameMatch::kSimilar: return kSimilarCredit;
        case NameMatch::kInitial: return kInitialCredit;
    }
    return 0;
}

bool IsSwapped(const Prepared& a, const Prepared& b) {
    return !a.first.empty() && !a.last.empty() && a.first != a.last && a.first == b.last &&
           a.last == b.first;
}

// ---------------------------------------------------------------------------------------------
// Reasons, only built for the pairs that are reported

std::string Both(std::string_view a, std::string_view b) {
    return "(" + std::string(a) + " / " + std::string(b) + ")";
}

std::string NameReason(const char* field, NameMatch match, std::string_view a_shown,
                       std::string_view b_shown) {
    const std::string name(field);
    switch (match) {
        case NameMatch::kNone: return "";
        case NameMatch::kEqual:
            if (a_shown == b_shown) return name + " equal";
            return name + " equal apart from accents, case or punctuation " +
                   Both(a_shown, b_shown);
        case NameMatch::kNickname: return "";  // worded by NicknameReason
        case NameMatch::kPart: return name + " partly equal " + Both(a_shown, b_shown);
        case NameMatch::kSimilar: return name + " similar " + Both(a_shown, b_shown);
        case NameMatch::kInitial: return name + " initial equal " + Both(a_shown, b_shown);
    }
    return "";
}

std::string NicknameReason(const Prepared& a, const Prepared& b) {
    const std::string a_shown(a.first_shown);
    const std::string b_shown(b.first_shown);
    const auto heads = [](const Prepared& p, std::string_view name) {
        return std::binary_search(p.full_names.begin(), p.full_names.end(), name);
    };
    if (heads(a, b.FirstToken())) return "first name " + a_shown + " is a nickname of " + b_shown;
    if (heads(b, a.FirstToken())) return "first name " + b_shown + " is a nickname of " + a_shown;
    return "first names " + a_shown + " and " + b_shown + " are nicknames of the same name";
}

// ---------------------------------------------------------------------------------------------
// The score

class Evidence {
public:
    explicit Evidence(std::vector<std::string>* reasons) : reasons_(reasons) {}
    // `why` is only called when reasons are wanted: most scored pairs are never shown.
    template <class Why>
    void Add(double weight, Why why) {
        score_ += weight;
        if (reasons_ != nullptr) {
            std::string reason = why();
            if (!reason.empty()) reasons_->push_back(std::move(reason));
        }
    }
    // A suggestion is never certain (only an exact key links by itself), so it never shows
    // 1.00 even when every compared field agrees.
    double Score() const { return std::round(std::clamp(score_, 0.0, 0.99) * 100.0) / 100.0; }

private:
    double score_ = 0;
    std::vector<std::string>* reasons_;
};

void CompareNames(const Prepared& a, const Prepared& b, Evidence& evidence) {
    const NameMatch last = CompareLast(a, b);
    if (last != NameMatch::kEqual && IsSwapped(a, b)) {
        evidence.Add(kSwappedNames, [] { return std::string("first and last name swapped"); });
        return;
    }
    evidence.Add(kLastNameWeight * Credit(last),
                 [&] { return NameReason("last name", last, a.last_shown, b.last_shown); });
    const NameMatch first = CompareFirst(a, b);
    evidence.Add(kFirstNameWeight * Credit(first), [&] {
        return first == NameMatch::kNickname
                   ? NicknameReason(a, b)
                   : NameReason("first name", first, a.first_shown, b.first_shown);
    });
}

// "john.smith1@" and "john.smith2@" are two people, not a typo: a company numbers its
// namesakes, so a difference in the digits is a different address.
bool SameDigits(std::string_view a, std::string_view b) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto i = a.begin();
    auto j = b.begin();
    while (true) {
        i = std::find_if(i, a.end(), digit);
        j = std::find_if(j, b.end(), digit);
        if (i == a.end() || j == b.end()) return i == a.end() && j == b.end();
        if (*i++ != *j++) return false;
    }
}

void CompareEmails(const Prepared& a, const Prepared& b, Evidence& evidence) {
    if (a.email.empty() || b.email.empty()) return;
    std::size_t distance = EditDistance(a.email, b.email, 2);
    if (distance > 0 && distance <= 2 && !SameDigits(a.email, b.email)) distance = 3;
    if (distance == 0) {
        evidence.Add(kEmailEqual, [] { return std::string("e-mail equal"); });
    } else if (distance == 1) {
        evidence.Add(kEmailOneOff, [] { return std::string("e-mail differs by one character"); });
    } else if (distance == 2 && IsSwappedNeighbours(a.email, b.email)) {
        evidence.Add(kEmailOneOff,
                     [] { return std::string("e-mail has two neighbouring characters swapped"); });
    } else if (distance == 2) {
        evidence.Add(kEmailTwoOff, [] { return std::string("e-mail differs by two characters"); });
    } else if (a.email_local_size > 0 && a.EmailLocal() == b.EmailLocal()) {
        evidence.Add(kEmailLocalPartEqual,
                     [] { return std::string("e-mail local part equal, domain differs"); });
    } else {
        evidence.Add(kEmailDiffers, [] { return std::string("e-mails differ"); });
    }
}

double Score(const Prepared& a, const Prepared& b, std::vector<std::string>* reasons) {
    Evidence evidence(reasons);
    CompareNames(a, b, evidence);
    CompareEmails(a, b, evidence);
    if (!a.phone.empty() && !b.phone.empty()) {
        if (a.phone == b.phone) {
            evidence.Add(kPhoneEqual, [] { return std::string("mobile phone equal"); });
        } else {
            evidence.Add(kPhoneDiffers, [] { return std::string("mobile phones differ"); });
        }
    }
    if (!a.employee_id.empty() && !b.employee_id.empty()) {
        if (a.employee_id == b.employee_id) {
            evidence.Add(kEmployeeIdEqual, [] { return std::string("employee ID equal"); });
        } else {
            evidence.Add(kEmployeeIdDiffers, [] { return std::string("employee IDs differ"); });
        }
    }
    return evidence.Score();
}

// ---------------------------------------------------------------------------------------------
// Blocking keys. A key is a 64-bit hash of its kind and text: two records in one block by a
// hash collision are merely scored (and dropped by their score), so hashes are safe and save
// building millions of strings.

struct BlockKey {
    std::uint64_t hash = 0;
    std::uint32_t record = 0;
    std::uint32_t cap = 0;
};

class KeyHash {
public:
    explicit KeyHash(char kind) { Add(std::string_view(&kind, 1)); }
    KeyHash& Add(std::string_view text) {
        for (char c : text) Byte(static_cast<unsigned char>(c));
        return *this;
    }
    // Between two parts: a byte UTF-8 never uses, so ("ab", "c") and ("a", "bc") differ.
    KeyHash& Separator() {
        Byte(0xFF);
        return *this;
    }
    std::uint64_t Done() const {  // splitmix64's finaliser spreads FNV's weak low bits
        std::uint64_t z = hash_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    void Byte(unsigned char c) {  // FNV-1a
        hash_ ^= c;
        hash_ *= 0x100000001B3ULL;
    }
    std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

// Letters of the whole name in sorted order: equal for "smith john" and "john smith", and for
// "jonh smith" (letters swapped).
std::string SortedLetters(std::string_view first, std::string_view last) {
    std::string letters;
    letters.reserve(first.size() + last.size());
    for (std::string_view part : {first, last}) {
        for (char c : part) {
            if (c != ' ' && c != '-' && c != '\'') letters.push_back(c);
        }
    }
    std::sort(letters.begin(), letters.end());
    return letters;
}

void AddKeys(const Prepared& p, std::uint32_t record, std::vector<BlockKey>& out) {
    const auto add = [&](const KeyHash& key, std::uint32_t cap) {
        out.push_back({key.Done(), record, cap});
    };
    constexpr std::size_t kEnd = 3;
    const std::string_view first = p.FirstToken();
    const std::string_view last = p.last;
    if (!last.empty()) add(KeyHash('L').Add(last), kNameBlockCap);
    if (!first.empty() && !last.empty()) {
        add(KeyHash('N').Add(SortedLetters(p.first, last)), kNameBlockCap);
        // A typo in the last name leaves its start or its end: "smith"/"smyth" share "smi".
        add(KeyHash('T').Add(first).Separator().Add(last.substr(0, kEnd)), kNameBlockCap);
        const std::string_view last_end = last.substr(last.size() - std::min(last.size(), kEnd));
        add(KeyHash('U').Add(first).Separator().Add(last_end), kNameBlockCap);
    }
    if (!last.empty()) {
        for (const std::string& full : p.full_names) {
            add(KeyHash('C').Add(full).Separator().Add(last), kNameBlockCap);
        }
    }
    if (!p.EmailLocal().empty()) add(KeyHash('E').Add(p.EmailLocal()), kIdentifierBlockCap);
    if (!p.phone.empty()) add(KeyHash('P').Add(p.phone), kIdentifierBlockCap);
    if (!p.employee_id.empty()) add(KeyHash('I').Add(p.employee_id), kIdentifierBlockCap);
}

// Keys in hash order, and in record order within a hash. With some ten keys per record this
// sort is the largest fixed cost, so it is a linear radix sort: stable, in 16-bit digits, on
// keys that AddKeys appended in record order.
std::vector<BlockKey> SortedKeys(const PreparedSide& records) {
    std::vector<BlockKey> keys;
    keys.reserve(records.size() * 10);
    for (std::size_t i = 0; i < records.size(); ++i) {
        AddKeys(records[i], static_cast<std::uint32_t>(i), keys);
    }
    constexpr int kDigitBits = 16;
    constexpr std::uint64_t kDigitMask = (1u << kDigitBits) - 1;
    std::vector<BlockKey> scratch(keys.size());
    std::vector<std::size_t> starts(kDigitMask + 1);
    for (int shift = 0; shift < 64; shift += kDigitBits) {
        std::fill(starts.begin(), starts.end(), 0);
        for (const BlockKey& k : keys) ++starts[(k.hash >> shift) & kDigitMask];
        std::size_t total = 0;
        for (std::size_t& start : starts) total += std::exchange(start, total);
        for (const BlockKey& k : keys) scratch[starts[(k.hash >> shift) & kDigitMask]++] = k;
        keys.swap(scratch);
    }
    return keys;
}

// A block both sides share and small enough to compare all its pairs: ranges of the two sorted
// key lists.
struct Block {
    std::uint64_t hash = 0;
    std::size_t local_begin = 0, local_end = 0;
    std::size_t remote_begin = 0, remote_end = 0;
};

// Walks both sorted key lists together, in hash order.
std::vector<Block> SharedBlocks(const std::vector<BlockKey>& local_keys,
                                const std::vector<BlockKey>& remote_keys) {
    std::vector<Block> blocks;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < local_keys.size() && j < remote_keys.size()) {
        const std::uint64_t hash = local_keys[i].hash;
        if (hash < remote_keys[j].hash) {
            ++i;
            continue;
        }
        if (remote_keys[j].hash < hash) {
            ++j;
            continue;
        }
        std::size_t i_end = i;
        while (i_end < local_keys.size() && local_keys[i_end].hash == hash) ++i_end;
        std::size_t j_end = j;
        while (j_end < remote_keys.size() && remote_keys[j_end].hash == hash) ++j_end;
        const std::uint32_t cap = local_keys[i].cap;
        if (i_end - i <= cap && j_end - j <= cap) blocks.push_back({hash, i, i_end, j, j_end});
        i = i_end;
        j = j_end;
    }
    return blocks;
}

// Per record, the hashes of the shared blocks it is in, ascending (blocks come in hash order).
class BlocksOfRecord {
public:
    BlocksOfRecord(std::size_t records, const std::vector<Block>& blocks,
                   const std::vector<BlockKey>& keys, bool local)
        : starts_(records + 1, 0) {
        const auto range = [local](const Block& b) {
            return local ? std::pair(b.local_begin, b.local_end)
                         : std::pair(b.remote_begin, b.remote_end);
        };
        for (const Block& b : blocks) {
            const auto [begin, end] = range(b);
            for (std::size_t k = begin; k < end; ++k) ++starts_[keys[k].record + 1];
        }
        for (std::size_t r = 0; r < records; ++r) starts_[r + 1] += starts_[r];
        hashes_.resize(starts_[records]);
        std::vector<std::size_t> next(starts_.begin(), starts_.end() - 1);
        for (const Block& b : blocks) {
            const auto [begin, end] = range(b);
            for (std::size_t k = begin; k < end; ++k) hashes_[next[keys[k].record]++] = b.hash;
        }
    }
    std::span<const std::uint64_t> Of(std::uint32_t record) const {
        return std::span(hashes_).subspan(starts_[record], starts_[record + 1] - starts_[record]);
    }

private:
    std::vector<std::size_t> starts_;
    std::vector<std::uint64_t> hashes_;
};

// Whether `hash` is the first block two records share: a pair in several blocks is compared in
// the first only.
bool FirstShared(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                 std::uint64_t hash) {
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i == *j) return *i == hash;
        if (*i < *j) ++i;
        else ++j;
    }
    return false;
}

// A pair at or above the threshold, with what it is sorted by at hand.
struct Scored {
    int cents = 0;
    RemoteKind remote_kind = RemoteKind::kUser;
    std::int64_t person_id = 0;
    std::int64_t remote_id = 0;
    std::uint32_t local = 0;
    std::uint32_t remote = 0;

    // Best first; equal scores by person id, then remote kind and id, so the result never
    // depends on the input order or the hash values.
    bool operator<(const Scored& o) const {
        if (cents != o.cents) return cents > o.cents;
        if (person_id != o.person_id) return person_id < o.person_id;
        if (remote_kind != o.remote_kind) return remote_kind < o.remote_kind;
        if (remote_id != o.remote_id) return remote_id < o.remote_id;
        return local != o.local ? local < o.local : remote < o.remote;
    }
};

}  // namespace

Suggestion ScorePair(const SuggestionCandidate& local, const SuggestionCandidate& remote,
                     std::string_view default_country_code) {
    Suggestion s;
    s.person_id = local.id;
    s.remote_kind = remote.kind;
    s.remote_id = remote.id;
    const PreparedSide l(std::span(&local, 1), default_country_code);
    const PreparedSide r(std::span(&remote, 1), default_country_code);
    s.score = Score(l[0], r[0], &s.reasons);
    return s;
}

std::vector<Suggestion> Suggest(std::span<const SuggestionCandidate> local,
                                std::span<const SuggestionCandidate> remote, double threshold,
                                std::string_view default_country_code,
                                const DismissedPair& dismissed) {
    const PreparedSide locals(local, default_country_code);
    const PreparedSide remotes(remote, default_country_code);

    const std::vector<BlockKey> local_keys = SortedKeys(locals);
    const std::vector<BlockKey> remote_keys = SortedKeys(remotes);
    const std::vector<Block> blocks = SharedBlocks(local_keys, remote_keys);
    const BlocksOfRecord local_blocks(locals.size(), blocks, local_keys, true);
    const BlocksOfRecord remote_blocks(remotes.size(), blocks, remote_keys, false);

    // Block by block, so the few records of a block stay in the cache while all their pairs
    // are compared.
    std::vector<Scored> scored;
    for (const Block& b : blocks) {
        for (std::size_t i = b.local_begin; i < b.local_end; ++i) {
            const std::uint32_t l = local_keys[i].record;
            for (std::size_t j = b.remote_begin; j < b.remote_end; ++j) {
                const std::uint32_t r = remote_keys[j].record;
                if (!FirstShared(local_blocks.Of(l), remote_blocks.Of(r), b.hash)) continue;
                const double score = Score(locals[l], remotes[r], nullptr);
                if (score >= threshold) {
                    scored.push_back({static_cast<int>(std::lround(score * 100)), remote[r].kind,
                                      local[l].id, remote[r].id, l, r});
                }
            }
        }
    }

    std::sort(scored.begin(), scored.end());

    std::vector<Suggestion> out;
    std::vector<bool> local_used(locals.size(), false);
    std::vector<bool> remote_used(remotes.size(), false);
    for (const Scored& s : scored) {
        if (local_used[s.local] || remote_used[s.remote]) continue;
        if (dismissed && dismissed(s.person_id, s.remote_kind, s.remote_id)) continue;
        local_used[s.local] = remote_used[s.remote] = true;
        Suggestion suggestion;
        suggestion.person_id = local[s.local].id;
        suggestion.remote_kind = remote[s.remote].kind;
        suggestion.remote_id = remote[s.remote].id;
        suggestion.score = Score(locals[s.local], remotes[s.remote], &suggestion.reasons);
        out.push_back(std::move(suggestion));
    }
    return out;
}

}  // namespace crewsync::sync
