#include "emulator/timecard_request.hpp"

#include <algorithm>

#include "emulator/http_support.hpp"
#include "emulator/services.hpp"
#include "emulator/timecard_time.hpp"

namespace crewsync::emulator {

bool ReadWrappedBody(const httplib::Request& request, httplib::Response& response,
                     const std::string& key, Json& body, Json& fields) {
    if (!ReadObjectBody(request, response, body)) return false;
    const auto it = body.find(key);
    if (it == body.end() || !it->is_object()) {
        ReplyError(response, 400, "param is missing or the value is empty: " + key);
        return false;
    }
    fields = *it;
    return true;
}

bool ReadIdFilter(const httplib::Request& request, httplib::Response& response,
                  const std::string& name, std::vector<RecordId>& ids) {
    std::vector<std::string> texts = Params(request, name + "[]");
    for (std::string& text : Params(request, name)) texts.push_back(std::move(text));
    for (const std::string& text : texts) {
        const RecordId id = IdParam(text);
        if (id == 0) {
            ReplyError(response, 400, name + " must be a list of ids, got \"" + text + "\"");
            return false;
        }
        ids.push_back(id);
    }
    return true;
}

bool ReadDateParam(const httplib::Request& request, httplib::Response& response,
                   const std::string& name, std::string& date) {
    date = Param(request, name);
    if (date.empty() || IsIsoDate(date)) return true;
    ReplyError(response, 400, name + " must be a date as YYYY-MM-DD, got \"" + date + "\"");
    return false;
}

bool ReadRangeFilter(const httplib::Request& request, httplib::Response& response,
                     const std::string& name, std::optional<TextRange>& range) {
    const std::string text = Param(request, name);
    if (text.empty()) return true;
    TextRange parsed;
    if (!ParseTimeRange(text, parsed.from, parsed.to)) {
        ReplyError(response, 400,
                   name +
                       " must be a range like 2024-01-01...2024-01-31 or "
                       "2024-01-01T00:00:00Z...2024-01-31T23:59:59Z");
        return false;
    }
    range = std::move(parsed);
    return true;
}

std::int64_t PageStart(const PageRequest& page, std::int64_t total) {
    if (page.page - 1 >= total) return total;  // also keeps the product below in range
    return std::min(total, (page.page - 1) * page.per_page);
}

std::optional<RecordId> BodyId(const Json& value) {
    if (value.is_null()) return RecordId{0};
    if (value.is_number_unsigned() || value.is_number_integer()) {
        const auto id = value.get<std::int64_t>();
        if (id > 0) return id;
        return std::nullopt;
    }
    if (value.is_string()) {
        const RecordId id = IdParam(value.get<std::string>());
        if (id > 0) return id;
    }
    return std::nullopt;
}

}  // namespace crewsync::emulator
