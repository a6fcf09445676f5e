// Walks a paginated Procore list (procore-api.md §3.1): page=1&per_page=N first, then every
// page the Link header names as rel="next", until there is none or a page comes back empty.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "procore/transport.hpp"

namespace crewsync::procore {

struct Page {
    const http::HttpResponse& response;
    int number = 1;                     // 1-based
    std::optional<std::int64_t> total;  // the Total header: items in the whole list
};

// The URL of the Link header's rel="next" entry, if any.
std::optional<std::string> NextLink(std::string_view link_header);

// Calls `on_page` for every page of `first` (its query gets page and per_page); stops early when
// `on_page` fails and returns that error. kRemoteBug when Procore's Links go round in circles.
Status ForEachPage(ApiTransport& transport, ApiRequest first, int per_page,
                   const std::function<Status(const Page&)>& on_page);

}  // namespace crewsync::procore
