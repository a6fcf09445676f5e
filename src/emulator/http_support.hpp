// What every emulator route needs from HTTP: request bodies in any of the encodings Procore
// accepts, JSON replies (every response has a JSON body, as Procore's SDKs parse every body),
// errors in Procore's shapes, and page parameters and headers.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

// The body as JSON: a JSON document, or form fields (urlencoded or multipart) with bracketed
// names nested ("user[first_name]" → {"user": {"first_name": …}}). An empty body is {}.
// Empty result and `error` set when the body cannot be read.
std::optional<Json> ParseBody(const httplib::Request& request, std::string& error);
// The body as a JSON object; false with 400 sent when it is malformed or not an object.
bool ReadObjectBody(const httplib::Request& request, httplib::Response& response, Json& body);

void Reply(httplib::Response& response, int status, const Json& body);
// A body already rendered as JSON text.
void ReplyText(httplib::Response& response, int status, std::string json_text);
// The same for a text the emulator keeps (a cached page): sent from where it lies, not copied.
void ReplyShared(httplib::Response& response, int status, SharedText json_text);
// {"message": "…"} with `status`; the shape of Procore's v1 errors other than validation.
void ReplyError(httplib::Response& response, int status, const std::string& message);
// 422 {"errors": {"field": ["message"]}}: Rails validation errors.
void ReplyInvalid(httplib::Response& response, const std::string& field,
                  const std::string& message);

// The last value of a query parameter, or "".
std::string Param(const httplib::Request& request, const std::string& name);
// Every value of a repeated parameter ("filters[id][]=1&filters[id][]=2").
std::vector<std::string> Params(const httplib::Request& request, const std::string& name);

struct PageRequest {
    std::int64_t page = 1;
    std::int64_t per_page = 100;
};
// Reads `page` and `per_page` (per_page above `max_per_page` is lowered to it). False, with a
// 400 already sent, when either is not a positive integer.
bool ReadPage(const httplib::Request& request, httplib::Response& response,
              std::int64_t default_per_page, std::int64_t max_per_page, PageRequest& page);
// Total, Per-Page and Link (first/prev/next/last as Procore writes them: page 1 has only
// next and last, the last page no next), with absolute URLs on the host the client used.
void SetPageHeaders(const httplib::Request& request, httplib::Response& response, bool https,
                    std::int64_t total, const PageRequest& page);

// "[" + the texts joined with "," + "]": a page of pre-rendered records.
std::string JsonArray(const std::vector<const std::string*>& items);

// "2016-09-23T16:30:00Z...2016-09-23T17:00:00Z" (either end may be a date) as the inclusive
// range of ISO texts it covers; false when malformed.
bool ParseTimeRange(const std::string& text, std::string& from, std::string& to);

}  // namespace crewsync::emulator
