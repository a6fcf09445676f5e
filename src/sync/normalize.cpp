#include "sync/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "model/text.hpp"

namespace crewsync::sync {
namespace {

bool IsAscii(std::string_view text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// What a non-ASCII character becomes in a name: itself (letters, marks, digits), a space
// (no-break and other Unicode spaces), a hyphen (en dash, em dash and the other dashes that
// word processors put in double surnames), or nothing (other punctuation and symbols).
enum class NameChar { kKeep, kSpace, kHyphen, kDrop };

NameChar ClassifyNonAscii(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_ZS:
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP: return NameChar::kSpace;
        case UTF8PROC_CATEGORY_PD: return NameChar::kHyphen;
        case UTF8PROC_CATEGORY_PC:
        case UTF8PROC_CATEGORY_PS:
        case UTF8PROC_CATEGORY_PE:
        case UTF8PROC_CATEGORY_PI:
        case UTF8PROC_CATEGORY_PF:
        case UTF8PROC_CATEGORY_PO:
        case UTF8PROC_CATEGORY_SM:
        case UTF8PROC_CATEGORY_SC:
        case UTF8PROC_CATEGORY_SK:
        case UTF8PROC_CATEGORY_SO:
        case UTF8PROC_CATEGORY_CC:
        case UTF8PROC_CATEGORY_CF: return NameChar::kDrop;
        default: return NameChar::kKeep;
    }
}

// Keeps letters, digits, '-' and '\'' (non-ASCII text is already folded), turns white space
// into single spaces and drops other punctuation ("Smith, Jr." → "smith jr"). A byte that is not
// valid UTF-8 is kept as it is, so invalid text still compares as bytes.
void KeepNameCharacters(std::string_view folded, std::string& out) {
    const std::size_t start = out.size();
    bool pending_space = false;
    const auto emit = [&](std::string_view piece) {
        if (pending_space && out.size() > start) out.push_back(' ');
        pending_space = false;
        out.append(piece);
    };
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    std::size_t i = 0;
    while (i < folded.size()) {
        const char c = folded[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'') {
                emit(folded.substr(i, 1));
            } else if (IsSpaceChar(c)) {
                pending_space = true;
            }
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(
            bytes + i, static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
        if (used <= 0) {
            emit(folded.substr(i, 1));
            ++i;
            continue;
        }
        switch (ClassifyNonAscii(cp)) {
            case NameChar::kKeep: emit(folded.substr(i, static_cast<std::size_t>(used))); break;
            case NameChar::kSpace: pending_space = true; break;
            case NameChar::kHyphen: emit("-"); break;
            case NameChar::kDrop: break;
        }
        i += static_cast<std::size_t>(used);
    }
}

// KeepNameCharacters for ASCII text, lower-casing as it goes: the common case, without the
// folded copy.
void KeepAsciiNameCharacters(std::string_view name, std::string& out) {
    const std::size_t start = out.size();
    bool pending_space = false;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'') {
            if (pending_space && out.size() > start) out.push_back(' ');
            pending_space = false;
            out.push_back(c);
        } else if (IsSpaceChar(c)) {
            pending_space = true;
        }
    }
}

// Typographic apostrophes (’ ‘) become ASCII ones before folding, so "O’Brien" equals "O'Brien".
std::string StraightenApostrophes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' &&
            (text[i + 2] == '\x98' || text[i + 2] == '\x99')) {
            out.push_back('\'');
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::string FoldUnicode(std::string_view text) {
    const std::string straight = StraightenApostrophes(text);
    utf8proc_uint8_t* folded = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                        UTF8PROC_STRIPCC);
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(straight.data()),
                     static_cast<utf8proc_ssize_t>(straight.size()), &folded, options);
    if (length < 0) return AsciiLower(straight);  // invalid UTF-8: compare as bytes
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
    return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
}

}  // namespace

std::string NormalizeEmail(std::string_view email) { return EmailKey(email); }

void AppendNormalizedEmail(std::string_view email, std::string& out) {
    for (char c : Trim(email)) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

std::string NormalizeName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    AppendNormalizedName(name, out);
    return out;
}

void AppendNormalizedName(std::string_view name, std::string& out) {
    // Most names are ASCII; they skip utf8proc and its allocation.
    if (IsAscii(name)) return KeepAsciiNameCharacters(name, out);
    KeepNameCharacters(FoldUnicode(name), out);
}

std::string NormalizePhone(std::string_view phone, std::string_view default_country_code) {
    std::string_view text = Trim(phone);
    // An extension ("x12", "ext. 12", "#12", ";ext=12") is not part of the number. Letters before
    // the first digit are a label ("Tel. +1 …", "mobile: …"), not an extension.
    bool international_plus = false;
    bool seen_digit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            seen_digit = true;
        } else if (!seen_digit) {
            if (c == '+') international_plus = true;
        } else if (c == 'x' || c == 'X' || c == '#' || c == ';' || c == 'e' || c == 'E') {
            text = text.substr(0, i);
            break;
        }
    }
    std::string digits;
    digits.reserve(text.size() + default_country_code.size());
    for (char c : text) {
        if (c >= '0' && c <= '9') digits.push_back(c);
    }
    if (digits.size() < 7) return "";
    if (international_plus) return digits;
    if (digits.starts_with("00")) return digits.substr(2);
    if (digits.front() == '0') return std::string(default_country_code) + digits.substr(1);
    // "1 312 555 0100" written without the plus already carries the code.
    if (digits.size() >= 11 && digits.starts_with(default_country_code)) return digits;
    return std::string(default_country_code) + digits;
}

std::string NormalizeEmployeeId(std::string_view employee_id) {
    std::string out;
    for (char c : Trim(employee_id)) {
        if (IsSpaceChar(c)) continue;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

std::string NormalizeProjectNumber(std::string_view project_number) {
    std::string out;
    bool pending_space = false;
    for (char c : Trim(project_number)) {
        if (IsSpaceChar(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

}  // namespace crewsync::sync
