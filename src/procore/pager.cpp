#include "procore/pager.hpp"

#include <charconv>
#include <set>

#include <fmt/format.h>

namespace crewsync::procore {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<std::int64_t> Number(std::optional<std::string_view> text) {
    if (!text) return std::nullopt;
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size()) return std::nullopt;
    return value;
}

// Whether a JSON array body holds no element (Procore answers "[]" past the end).
bool EmptyArray(std::string_view body) {
    body = Trim(body);
    if (body.size() < 2 || body.front() != '[') return false;
    body.remove_prefix(1);
    while (!body.empty() && (body.front() == ' ' || body.front() == '\n' ||
                             body.front() == '\r' || body.front() == '\t')) {
        body.remove_prefix(1);
    }
    return !body.empty() && body.front() == ']';
}

}  // namespace

std::optional<std::string> NextLink(std::string_view header) {
    // <https://…?page=2>; rel="next", <https://…?page=9>; rel="last". A URL holds no '<' or
    // '>', but may hold commas, so entries are found by their brackets.
    std::size_t pos = 0;
    while (true) {
        const auto open = header.find('<', pos);
        if (open == std::string_view::npos) return std::nullopt;
        const auto close = header.find('>', open);
        if (close == std::string_view::npos) return std::nullopt;
        const auto next_open = header.find('<', close);
        std::string_view params = header.substr(
            close + 1, next_open == std::string_view::npos ? next_open : next_open - close - 1);
        while (!params.empty()) {
            const auto semi = params.find(';');
            std::string_view param = Trim(params.substr(0, semi));
            while (!param.empty() && param.back() == ',') {
                param = Trim(param.substr(0, param.size() - 1));
            }
            if (param == "rel=\"next\"" || param == "rel=next") {
                return std::string(header.substr(open + 1, close - open - 1));
            }
            if (semi == std::string_view::npos) break;
            params.remove_prefix(semi + 1);
        }
        pos = close + 1;
    }
}

Status ForEachPage(ApiTransport& transport, ApiRequest first, int per_page,
                   const std::function<Status(const Page&)>& on_page) {
    first.query.emplace_back("page", "1");
    first.query.emplace_back("per_page", std::to_string(per_page));
    ApiRequest request = std::move(first);
    std::set<std::string> seen;
    for (int number = 1;; ++number) {
        CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport.Call(request));
        const Page page{response, number, Number(response.headers.Find("Total"))};
        if (EmptyArray(response.body)) return Ok();
        CREWSYNC_TRY(on_page(page));
        const auto link = response.headers.Find("Link");
        const std::optional<std::string> next = link ? NextLink(*link) : std::nullopt;
        if (!next) return Ok();
        if (!seen.insert(*next).second) {
            return Fail(ErrorCode::kRemoteBug,
                        fmt::format("{}: Procore's next-page link repeats itself at page {}",
                                    request.path.substr(0, request.path.find('?')), number));
        }
        request.path = *next;
        request.query.clear();
    }
}

}  // namespace crewsync::procore
