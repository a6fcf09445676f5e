// Internal to the generator: e-mail addresses and phone numbers the way people type them.
#pragma once

#include <string>
#include <string_view>

#include "synth/random.hpp"

namespace crewsync::synth::internal {

// The ways a US mobile number is written; normalising any of them gives the same digits.
enum class PhoneStyle {
    kParentheses,    // (312) 555-0100
    kDashes,         // 312-555-0100
    kInternational,  // +1 312 555 0100
    kDigits,         // 3125550100
    kDots,           // 312.555.0100
    kPlusParentheses,  // +1 (312) 555-0100
};
inline constexpr int kPhoneStyleCount = 6;

// A random mobile number as ten digits (area code, exchange 200–999, line).
std::string RandomPhoneDigits(Random& random);
// `digits` (ten of them) written in `style`.
std::string FormatPhone(std::string_view digits, PhoneStyle style);
// A style other than `not_this`.
PhoneStyle OtherPhoneStyle(Random& random, PhoneStyle not_this);

// "José", "Núñez" → "jose.nunez" (accents folded, apostrophes and spaces dropped); the shapes
// companies use: first.last, flast, first_last, firstl.
std::string EmailLocalPart(Random& random, std::string_view first, std::string_view last);
// Lower-case ASCII letters and digits of a name: "O'Brien" → "obrien", "de la Cruz" → "delacruz".
std::string MailName(std::string_view name);

// One slip of the fingers in the local part: two letters swapped, one dropped, doubled or
// replaced by its keyboard neighbour. Always differs from `local`.
std::string WithTypo(Random& random, std::string_view local);

// The same address as a mail system or a hurried admin writes it: capitalised, shouted, or (when
// `spaces`) with stray spaces around it. NormalizeEmail gives back the original. Half the time
// it is returned unchanged.
std::string VaryEmail(Random& random, std::string_view email, bool spaces);

}  // namespace crewsync::synth::internal
