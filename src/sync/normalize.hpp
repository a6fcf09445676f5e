// The keys records are compared by. Two values that mean the same normalise to the same text.
#pragma once

#include <string>
#include <string_view>

namespace crewsync::sync {

// Trimmed and case-folded: " Jane.Doe@Example.COM " → "jane.doe@example.com". "" stays "".
std::string NormalizeEmail(std::string_view email);
// NormalizeEmail(email) appended to `out`, without a string of its own.
void AppendNormalizedEmail(std::string_view email, std::string& out);

// Unicode case-folded, accents stripped, compatibility forms and inner white space collapsed,
// punctuation other than letters, digits, spaces, hyphens and apostrophes dropped:
// "  José  MÜLLER " → "jose muller", "O’Brien" → "o'brien". Invalid UTF-8 is compared as bytes
// after ASCII lower-casing, so it never fails.
std::string NormalizeName(std::string_view name);
// NormalizeName(name) appended to `out`: for callers normalising many names into one buffer.
void AppendNormalizedName(std::string_view name, std::string& out);

// Digits only, with the country calling code: "(312) 555-0100" and "+1 312 555 0100" both give
// "13125550100" when `default_country_code` is "1". A number with a leading "+" or "00" keeps its
// own country code; a national number with a trunk "0" ("020 7946 0018") drops the 0 before the
// default code is put in front. An extension ("x12", "ext. 12") is ignored. Text with fewer than
// 7 digits gives "" (not a phone number).
std::string NormalizePhone(std::string_view phone, std::string_view default_country_code);

// Trimmed, ASCII upper-cased, inner spaces removed: " e-1042 " → "E-1042".
std::string NormalizeEmployeeId(std::string_view employee_id);

// Trimmed, ASCII upper-cased, inner white space collapsed to one space: "2024 - 017".
std::string NormalizeProjectNumber(std::string_view project_number);

}  // namespace crewsync::sync
