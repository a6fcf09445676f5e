#include "procore/url.hpp"

namespace crewsync::procore {

std::string PercentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                                byte == '_' || byte == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

std::string EncodeQuery(const QueryParams& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        out += PercentEncode(name);
        out += '=';
        out += PercentEncode(value);
    }
    return out;
}

std::string JoinUrl(std::string_view base, std::string_view path, const QueryParams& params) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    std::string url(base);
    url += path;
    if (!params.empty()) {
        url += '?';
        url += EncodeQuery(params);
    }
    return url;
}

std::string OriginOf(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    const auto path = url.find_first_of("/?#", scheme + 3);
    return std::string(url.substr(0, path));
}

}  // namespace crewsync::procore
