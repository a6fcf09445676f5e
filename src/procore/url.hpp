// Building Procore URLs and form bodies.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crewsync::procore {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// RFC 3986 percent-encoding: everything but A–Z a–z 0–9 - . _ ~ is escaped.
std::string PercentEncode(std::string_view text);
// "a=1&filters%5Bid%5D=2" (also the body of an application/x-www-form-urlencoded request).
std::string EncodeQuery(const QueryParams& params);
// `base` + `path`, with "?query" when there are parameters. `base` has no trailing slash
// (one is dropped if present).
std::string JoinUrl(std::string_view base, std::string_view path, const QueryParams& params = {});
// "https://api.procore.com" of "https://api.procore.com/rest/v1.0/x?y" ("" if not a URL): the
// part a token may be sent to.
std::string OriginOf(std::string_view url);

}  // namespace crewsync::procore
