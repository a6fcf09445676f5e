#include "synth/contact_details.hpp"

#include <vector>

#include "synth/vocabulary.hpp"

namespace crewsync::synth::internal {
namespace {

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A letter next to `c` on a QWERTY keyboard, for replacement typos.
char Neighbour(Random& random, char c) {
    static constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    for (std::string_view row : kRows) {
        const auto at = row.find(c);
        if (at == std::string_view::npos) continue;
        if (at == 0) return row[1];
        if (at + 1 == row.size()) return row[at - 1];
        return random.Chance(0.5) ? row[at - 1] : row[at + 1];
    }
    return c == 'x' ? 'y' : 'x';
}

}  // namespace

std::string RandomPhoneDigits(Random& random) {
    std::string digits(random.Pick(AreaCodes()));
    std::int64_t exchange = random.Between(200, 999);
    if (exchange % 100 == 11 || exchange == 555) exchange += 1;  // N11 codes are not exchanges
    digits += std::to_string(exchange);
    const std::string line = std::to_string(random.Between(0, 9999));
    digits.append(4 - line.size(), '0');
    digits += line;
    return digits;
}

std::string FormatPhone(std::string_view digits, PhoneStyle style) {
    const std::string_view area = digits.substr(0, 3);
    const std::string_view exchange = digits.substr(3, 3);
    const std::string_view line = digits.substr(6);
    std::string out;
    switch (style) {
        case PhoneStyle::kParentheses:
            out.append("(").append(area).append(") ").append(exchange).append("-").append(line);
            break;
        case PhoneStyle::kDashes:
            out.append(area).append("-").append(exchange).append("-").append(line);
            break;
        case PhoneStyle::kInternational:
            out.append("+1 ").append(area).append(" ").append(exchange).append(" ").append(line);
            break;
        case PhoneStyle::kDigits:
            out.append(digits);
            break;
        case PhoneStyle::kDots:
            out.append(area).append(".").append(exchange).append(".").append(line);
            break;
        case PhoneStyle::kPlusParentheses:
            out.append("+1 (").append(area).append(") ").append(exchange).append("-").append(line);
            break;
    }
    return out;
}

PhoneStyle OtherPhoneStyle(Random& random, PhoneStyle not_this) {
    const auto skip = static_cast<std::uint64_t>(not_this);
    const auto pick = (skip + 1 + random.Below(kPhoneStyleCount - 1)) % kPhoneStyleCount;
    return static_cast<PhoneStyle>(pick);
}

std::string MailName(std::string_view name) {
    std::string out;
    for (char c : AsciiFold(name)) {
        c = Lower(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out.empty() ? std::string("x") : out;
}

std::string EmailLocalPart(Random& random, std::string_view first, std::string_view last) {
    const std::string f = MailName(first);
    const std::string l = MailName(last);
    const std::uint64_t shape = random.Below(20);
    if (shape < 14) return f + "." + l;
    if (shape < 17) return f.substr(0, 1) + l;
    if (shape < 19) return f + "_" + l;
    return f + l.substr(0, 1);
}

std::string WithTypo(Random& random, std::string_view local) {
    std::string out(local);
    // Only letters take part, so the dot of "first.last" stays where it is.
    std::vector<std::size_t> letters;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] >= 'a' && out[i] <= 'z') letters.push_back(i);
    }
    if (letters.size() < 2) return out + "x";
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::string typo = out;
        const std::size_t at = random.Pick(letters);
        switch (random.Below(4)) {
            case 0:  // swapped with the next character
                if (at + 1 < typo.size() && typo[at + 1] != typo[at]) std::swap(typo[at], typo[at + 1]);
                break;
            case 1:  // dropped
                typo.erase(at, 1);
                break;
            case 2:  // doubled
                typo.insert(at, 1, typo[at]);
                break;
            default:  // its neighbour on the keyboard
                typo[at] = Neighbour(random, typo[at]);
                break;
        }
        if (typo != out && !typo.empty() && typo.front() != '.' && typo.back() != '.') return typo;
    }
    return out + out.back();
}

std::string VaryEmail(Random& random, std::string_view email, bool spaces) {
    std::string out(email);
    switch (random.Below(10)) {
        case 0:
        case 1:
        case 2: {  // "Jane.Doe@Acme-Build.com"
            bool start = true;
            for (char& c : out) {
                if (start) c = Upper(c);
                start = c == '.' || c == '@' || c == '-' || c == '_';
            }
            break;
        }
        case 3:  // shouted
            for (char& c : out) c = Upper(c);
            break;
        case 4:  // pasted with spaces around it
            if (spaces) out = " " + out + " ";
            break;
        default:
            break;
    }
    return out;
}

}  // namespace crewsync::synth::internal
