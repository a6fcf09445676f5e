// Reading requests the way the timecard and classification routes need: a body wrapped in its
// resource key, lists of ids and date ranges in the query.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "emulator/collection.hpp"
#include "emulator/http_support.hpp"

namespace crewsync::emulator {

// The body, and its object under `key` in `fields` ({"timecard_entry": {...}}). Sends 400 and
// returns false when the body is unreadable or `key` is missing or not an object (Rails'
// "param is missing").
bool ReadWrappedBody(const httplib::Request& request, httplib::Response& response,
                     const std::string& key, Json& body, Json& fields);

// Every value of a repeated id filter ("filters[id][]=1&filters[id][]=2"; a single
// "filters[id]=1" too). Sends 400 and returns false when one is not a positive integer.
bool ReadIdFilter(const httplib::Request& request, httplib::Response& response,
                  const std::string& name, std::vector<RecordId>& ids);

// A `YYYY-MM-DD` query parameter; "" when absent. Sends 400 and returns false when malformed.
bool ReadDateParam(const httplib::Request& request, httplib::Response& response,
                   const std::string& name, std::string& date);

// An ISO range filter ("filters[updated_at]=2024-01-01...2024-01-31") as the inclusive range
// of ISO texts it covers; nullopt in `range` when absent. Sends 400 and returns false when
// malformed.
struct TextRange {
    std::string from;
    std::string to;
    bool Holds(const std::string& text) const { return from <= text && text <= to; }
};
bool ReadRangeFilter(const httplib::Request& request, httplib::Response& response,
                     const std::string& name, std::optional<TextRange>& range);

// The index of the first item of `page` in a list of `total` (`total` past the end), safe
// from overflow for absurd page numbers.
std::int64_t PageStart(const PageRequest& page, std::int64_t total);

// An id in a request body: a positive integer, or its digits as text (form bodies). 0 for
// null; nullopt when it is anything else.
std::optional<RecordId> BodyId(const Json& value);

}  // namespace crewsync::emulator
