// Small text helpers shared by the model, validation and the importers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crewsync {

// Removes leading and trailing ASCII white space.
std::string_view Trim(std::string_view text);
// Lower-cases ASCII letters only (e-mail domains, keywords); leaves UTF-8 bytes alone.
std::string AsciiLower(std::string_view text);
// Case-insensitive ASCII comparison.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// The key e-mails are compared by: trimmed and lower-cased.
std::string EmailKey(std::string_view email);
// Whether text is a plausible e-mail address: one '@', a non-empty local part,
// a dotted domain, no spaces or control characters.
bool LooksLikeEmail(std::string_view email);
// Whether text is a plausible phone number: digits with optional + ( ) - . / spaces
// and an "x"/"ext" extension, and at least 7 digits.
bool LooksLikePhone(std::string_view phone);
// Whether text is valid UTF-8 with no control characters other than tab.
bool IsCleanText(std::string_view text);
// Splits on `separator`, trimming each piece and dropping empty pieces.
std::vector<std::string> SplitList(std::string_view text, char separator);
// Joins with `separator`.
std::string JoinList(const std::vector<std::string>& items, std::string_view separator);

}  // namespace crewsync
