#include "sync/similarity.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace crewsync::sync {
namespace {

// Scratch space that lives on the stack for short input (names, e-mails) and only reaches for
// the heap for long text: the scorer calls these functions for millions of pairs. The inline
// part is not cleared; callers write before they read.
template <class T, std::size_t N>
class SmallBuffer {
public:
    explicit SmallBuffer(std::size_t size) : size_(size) {
        if (size > N) heap_.resize(size);
    }
    T* data() { return size_ > N ? heap_.data() : inline_.data(); }
    const T* data() const { return size_ > N ? heap_.data() : inline_.data(); }
    std::size_t size() const { return size_; }

private:
    std::size_t size_;
    std::array<T, N> inline_;
    std::vector<T> heap_;
};

constexpr std::size_t kInline = 64;

// Eight bytes at a time: called twice per comparison, millions of times.
bool IsAscii(std::string_view text) {
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) return false;
    }
    for (; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
    }
    return true;
}

// Most names and e-mails are ASCII: their bytes are their code points, no decoding needed.
class AsciiText {
public:
    explicit AsciiText(std::string_view text) : text_(text) {}
    std::size_t size() const { return text_.size(); }
    char32_t operator[](std::size_t i) const { return static_cast<unsigned char>(text_[i]); }

private:
    std::string_view text_;
};

// An invalid byte stands for itself, moved past the last code point so it never equals a real
// character: the measures stay defined on any input.
constexpr char32_t kInvalidByteBase = 0x110000;

class CodePoints {
public:
    explicit CodePoints(std::string_view text) : points_(text.size()) {
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
        char32_t* out = points_.data();
        std::size_t i = 0;
        while (i < text.size()) {
            utf8proc_int32_t cp = 0;
            const utf8proc_ssize_t used = utf8proc_iterate(
                bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
            if (used <= 0) {
                out[size_++] = kInvalidByteBase + bytes[i];
                ++i;
            } else {
                out[size_++] = static_cast<char32_t>(cp);
                i += static_cast<std::size_t>(used);
            }
        }
    }
    std::size_t size() const { return size_; }
    char32_t operator[](std::size_t i) const { return points_.data()[i]; }

private:
    SmallBuffer<char32_t, kInline> points_;  // sized for the worst case, one per byte
    std::size_t size_ = 0;
};

template <class Text>
double JaroWinklerOf(const Text& a, const Text& b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t window = std::max(n, m) / 2 == 0 ? 0 : std::max(n, m) / 2 - 1;
    SmallBuffer<unsigned char, kInline> a_buffer(n);
    SmallBuffer<unsigned char, kInline> b_buffer(m);
    unsigned char* a_matched = a_buffer.data();
    unsigned char* b_matched = b_buffer.data();
    std::fill_n(a_matched, n, 0);
    std::fill_n(b_matched, m, 0);
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
    const double jaro =
        (mm / static_cast<double>(n) + mm / static_cast<double>(m) + (mm - t) / mm) / 3.0;
    // Typos are rarer at the start of a name, so a shared prefix counts extra (Winkler).
    std::size_t prefix = 0;
    const std::size_t max_prefix = std::min({n, m, std::size_t{4}});
    while (prefix < max_prefix && a[prefix] == b[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

// The part of a text between a common prefix and a common suffix.
template <class Text>
class Middle {
public:
    Middle(const Text& text, std::size_t begin, std::size_t size)
        : text_(text), begin_(begin), size_(size) {}
    std::size_t size() const { return size_; }
    char32_t operator[](std::size_t i) const { return text_[begin_ + i]; }

private:
    const Text& text_;
    std::size_t begin_;
    std::size_t size_;
};

template <class Text>
std::size_t BandedDistance(const Text& a, const Text& b, std::size_t limit);

template <class Text>
std::size_t EditDistanceOf(const Text& a, const Text& b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // The length difference alone is a lower bound on the distance.
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // A shared start and end cost nothing ("john.smith12@acme.com" / "john.smith21@acme.com"
    // leaves "12" / "21"): most pairs the scorer compares differ in a few characters.
    std::size_t prefix = 0;
    while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) {
        ++suffix;
    }
    return BandedDistance(Middle(a, prefix, n - prefix - suffix),
                          Middle(b, prefix, m - prefix - suffix), limit);
}

template <class Text>
std::size_t BandedDistance(const Text& a, const Text& b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // No distance exceeds the longer length; clamping keeps `limit + 1` from overflowing below.
    const std::size_t cut = std::min(limit, std::max(n, m));
    const std::size_t past = cut + 1;  // "more than the limit"; every cell saturates there
    // Levenshtein one row at a time, and only within `cut` of the diagonal (Ukkonen's band):
    // a cell further out is already past the limit, so the work is O(n · limit), not O(n · m).
    // Each row reads only cells the row before wrote.
    SmallBuffer<std::size_t, kInline + 1> row_a(m + 1);
    SmallBuffer<std::size_t, kInline + 1> row_b(m + 1);
    std::size_t* prev = row_a.data();
    std::size_t* cur = row_b.data();
    for (std::size_t j = 0; j <= std::min(m, cut); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > cut ? i - cut : 1;
        const std::size_t hi = std::min(m, i + cut);
        cur[lo - 1] = lo == 1 ? std::min(i, past) : past;
        std::size_t row_min = cur[lo - 1];
        const char32_t ai = a[i - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t substitute = prev[j - 1] + (ai == b[j - 1] ? 0 : 1);
            std::size_t best = std::min(substitute, cur[j - 1] + 1);
            if (j + 1 <= i + cut) best = std::min(best, prev[j] + 1);  // prev[j] is in the band
            cur[j] = std::min(best, past);
            row_min = std::min(row_min, cur[j]);
        }
        // Distances never shrink from one row to the next, so the answer is past the limit.
        if (row_min > cut) return limit + 1;
        std::swap(prev, cur);
    }
    return prev[m] > cut ? limit + 1 : prev[m];
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
    if (a == b) return 1.0;  // also both empty
    if (a.empty() || b.empty()) return 0.0;
    if (IsAscii(a) && IsAscii(b)) return JaroWinklerOf(AsciiText(a), AsciiText(b));
    return JaroWinklerOf(CodePoints(a), CodePoints(b));
}

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a == b) return 0;
    if (IsAscii(a) && IsAscii(b)) return EditDistanceOf(AsciiText(a), AsciiText(b), limit);
    return EditDistanceOf(CodePoints(a), CodePoints(b), limit);
}

}  // namespace crewsync::sync
