#include "sync/similarity.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <vector>

namespace crewsync::sync {
namespace {

// Scratch space that lives on the stack for short input (names, e-mails) and only reaches for
// the heap for long text: the scorer calls these functions for millions of pairs.
template <class T, std::size_t N>
class SmallBuffer {
public:
    explicit SmallBuffer(std::size_t size, T fill = T{}) : size_(size) {
        if (size > N) heap_.assign(size, fill);
        else std::fill_n(inline_.begin(), size, fill);
    }
    T* data() { return size_ > N ? heap_.data() : inline_.data(); }
    const T* data() const { return size_ > N ? heap_.data() : inline_.data(); }
    std::size_t size() const { return size_; }
    T& operator[](std::size_t i) { return data()[i]; }
    const T& operator[](std::size_t i) const { return data()[i]; }

private:
    std::size_t size_;
    std::array<T, N> inline_;
    std::vector<T> heap_;
};

constexpr std::size_t kInline = 64;

// An invalid byte stands for itself, moved past the last code point so it never equals a real
// character: the measures stay defined on any input.
constexpr char32_t kInvalidByteBase = 0x110000;

class CodePoints {
public:
    explicit CodePoints(std::string_view text) : points_(text.size()) {
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
        std::size_t i = 0;
        while (i < text.size()) {
            utf8proc_int32_t cp = 0;
            const utf8proc_ssize_t used = utf8proc_iterate(
                bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
            if (used <= 0) {
                points_[size_++] = kInvalidByteBase + bytes[i];
                ++i;
            } else {
                points_[size_++] = static_cast<char32_t>(cp);
                i += static_cast<std::size_t>(used);
            }
        }
    }
    std::size_t size() const { return size_; }
    char32_t operator[](std::size_t i) const { return points_[i]; }

private:
    SmallBuffer<char32_t, kInline> points_;  // sized for the worst case, one per byte
    std::size_t size_ = 0;
};

double Jaro(const CodePoints& a, const CodePoints& b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t window = std::max(n, m) / 2 == 0 ? 0 : std::max(n, m) / 2 - 1;
    SmallBuffer<unsigned char, kInline> a_matched(n, 0);
    SmallBuffer<unsigned char, kInline> b_matched(m, 0);
    std::size_t matches = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t from = i > window ? i - window : 0;
        const std::size_t to = std::min(m, i + window + 1);
        for (std::size_t j = from; j < to; ++j) {
            if (b_matched[j] || a[i] != b[j]) continue;
            a_matched[i] = b_matched[j] = 1;
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0;
    // Half the matched characters that appear in a different order.
    std::size_t out_of_order = 0;
    std::size_t j = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!a_matched[i]) continue;
        while (!b_matched[j]) ++j;
        if (a[i] != b[j]) ++out_of_order;
        ++j;
    }
    const double mm = static_cast<double>(matches);
    const double t = static_cast<double>(out_of_order) / 2.0;
    return (mm / static_cast<double>(n) + mm / static_cast<double>(m) + (mm - t) / mm) / 3.0;
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
    if (a == b) return 1.0;  // also both empty
    if (a.empty() || b.empty()) return 0.0;
    const CodePoints ca(a);
    const CodePoints cb(b);
    const double jaro = Jaro(ca, cb);
    // Typos are rarer at the start of a name, so a shared prefix counts extra (Winkler).
    std::size_t prefix = 0;
    const std::size_t max_prefix = std::min({ca.size(), cb.size(), std::size_t{4}});
    while (prefix < max_prefix && ca[prefix] == cb[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a == b) return 0;
    const CodePoints ca(a);
    const CodePoints cb(b);
    const std::size_t n = ca.size();
    const std::size_t m = cb.size();
    // The length difference alone is a lower bound on the distance.
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // No distance exceeds the longer length; clamping keeps `limit + 1` from overflowing below.
    const std::size_t cut = std::min(limit, std::max(n, m));
    const std::size_t past = cut + 1;  // "more than the limit"; every cell saturates there
    // Levenshtein one row at a time, and only within `cut` of the diagonal (Ukkonen's band):
    // a cell further out is already past the limit, so the work is O(n · limit), not O(n · m).
    SmallBuffer<std::size_t, kInline + 1> row_a(m + 1, past);
    SmallBuffer<std::size_t, kInline + 1> row_b(m + 1, past);
    std::size_t* prev = row_a.data();
    std::size_t* cur = row_b.data();
    for (std::size_t j = 0; j <= std::min(m, cut); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > cut ? i - cut : 1;
        const std::size_t hi = std::min(m, i + cut);
        cur[lo - 1] = lo == 1 ? std::min(i, past) : past;
        std::size_t row_min = cur[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t substitute = prev[j - 1] + (ca[i - 1] == cb[j - 1] ? 0 : 1);
            std::size_t best = std::min(substitute, cur[j - 1] + 1);
            if (j + 1 <= i + cut) best = std::min(best, prev[j] + 1);  // prev[j] is inside the band
            cur[j] = std::min(best, past);
            row_min = std::min(row_min, cur[j]);
        }
        // Distances never shrink from one row to the next, so the answer is past the limit.
        if (row_min > cut) return limit + 1;
        std::swap(prev, cur);
    }
    return prev[m] > cut ? limit + 1 : prev[m];
}

}  // namespace crewsync::sync
