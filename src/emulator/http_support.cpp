#include "emulator/http_support.hpp"

#include <charconv>

namespace crewsync::emulator {
namespace {

bool StartsWith(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Puts `value` at the bracketed path of `name` inside `into`: "user[first_name]",
// "filters[id][]" (an array), "grant_type".
void SetField(Json& into, const std::string& name, const std::string& value) {
    std::vector<std::string> parts;
    const auto open = name.find('[');
    parts.push_back(name.substr(0, open));
    for (auto at = open; at != std::string::npos; at = name.find('[', at + 1)) {
        const auto close = name.find(']', at);
        if (close == std::string::npos) break;
        parts.push_back(name.substr(at + 1, close - at - 1));
    }
    Json* node = &into;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const bool last = i + 1 == parts.size();
        if (parts[i].empty()) {  // "[]": append
            if (!node->is_array()) *node = Json::array();
            node->push_back(value);
            return;
        }
        if (!node->is_object()) *node = Json::object();
        if (last) {
            (*node)[parts[i]] = value;
        } else {
            node = &(*node)[parts[i]];
        }
    }
}

std::string HeaderOr(const httplib::Request& request, const char* name, const char* fallback) {
    return request.has_header(name) ? request.get_header_value(name) : fallback;
}

}  // namespace

std::optional<Json> ParseBody(const httplib::Request& request, std::string& error) {
    const std::string type = HeaderOr(request, "Content-Type", "");
    Json body = Json::object();
    if (StartsWith(type, "multipart/form-data")) {
        for (const auto& [name, file] : request.files) SetField(body, name, file.content);
        return body;
    }
    if (StartsWith(type, "application/x-www-form-urlencoded")) {
        httplib::Params fields;
        httplib::detail::parse_query_text(request.body, fields);
        for (const auto& [name, value] : fields) SetField(body, name, value);
        return body;
    }
    if (request.body.empty()) return body;
    // JSON whatever the declared type: Procore accepts JSON everywhere.
    body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        error = "the request body is not valid JSON";
        return std::nullopt;
    }
    return body;
}

bool ReadObjectBody(const httplib::Request& request, httplib::Response& response, Json& body) {
    std::string error;
    std::optional<Json> parsed = ParseBody(request, error);
    if (!parsed) {
        ReplyError(response, 400, error);
        return false;
    }
    if (!parsed->is_object()) {
        ReplyError(response, 400, "the request body must be a JSON object");
        return false;
    }
    body = std::move(*parsed);
    return true;
}

void Reply(httplib::Response& response, int status, const Json& body) {
    ReplyText(response, status, body.dump());
}

void ReplyText(httplib::Response& response, int status, std::string json_text) {
    response.status = status;
    response.set_content(std::move(json_text), "application/json; charset=utf-8");
}

void ReplyShared(httplib::Response& response, int status, SharedText json_text) {
    response.status = status;
    const std::size_t size = json_text->size();
    response.set_content_provider(
        size, "application/json; charset=utf-8",
        [text = std::move(json_text)](std::size_t offset, std::size_t length,
                                      httplib::DataSink& sink) {
            return sink.write(text->data() + offset, length);
        });
}

void ReplyError(httplib::Response& response, int status, const std::string& message) {
    Reply(response, status, Json{{"message", message}});
}

void ReplyInvalid(httplib::Response& response, const std::string& field,
                  const std::string& message) {
    Reply(response, 422, Json{{"errors", {{field, Json::array({message})}}}});
}

std::string Param(const httplib::Request& request, const std::string& name) {
    std::string value;
    const auto [begin, end] = request.params.equal_range(name);
    for (auto it = begin; it != end; ++it) value = it->second;
    return value;
}

std::vector<std::string> Params(const httplib::Request& request, const std::string& name) {
    std::vector<std::string> values;
    const auto [begin, end] = request.params.equal_range(name);
    for (auto it = begin; it != end; ++it) values.push_back(it->second);
    return values;
}

bool ReadPage(const httplib::Request& request, httplib::Response& response,
              std::int64_t default_per_page, std::int64_t max_per_page, PageRequest& page) {
    const auto read = [&](const char* name, std::int64_t fallback, std::int64_t& out) {
        const std::string text = Param(request, name);
        if (text.empty()) {
            out = fallback;
            return true;
        }
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec != std::errc() || end != text.data() + text.size() || out < 1) {
            ReplyError(response, 400, std::string(name) + " must be a positive integer");
            return false;
        }
        return true;
    };
    if (!read("page", 1, page.page) || !read("per_page", default_per_page, page.per_page)) {
        return false;
    }
    page.per_page = std::min(page.per_page, max_per_page);
    return true;
}

void SetPageHeaders(const httplib::Request& request, httplib::Response& response, bool https,
                    std::int64_t total, const PageRequest& page) {
    response.set_header("Total", std::to_string(total));
    response.set_header("Per-Page", std::to_string(page.per_page));
    const std::int64_t last =
        std::max<std::int64_t>(1, (total + page.per_page - 1) / page.per_page);
    // The request's own query, with page replaced.
    std::string base = std::string(https ? "https://" : "http://") +
                       HeaderOr(request, "Host", "127.0.0.1") + request.path + "?";
    for (const auto& [name, value] : request.params) {
        if (name == "page") continue;
        base += httplib::detail::encode_query_param(name) + "=" +
                httplib::detail::encode_query_param(value) + "&";
    }
    const auto link = [&](std::int64_t to, const char* rel) {
        return "<" + base + "page=" + std::to_string(to) + ">; rel=\"" + rel + "\"";
    };
    std::vector<std::string> links;
    if (page.page > 1) {
        links.push_back(link(1, "first"));
        links.push_back(link(std::min(page.page - 1, last), "prev"));
    }
    if (page.page < last) links.push_back(link(page.page + 1, "next"));
    if (page.page != last) links.push_back(link(last, "last"));
    std::string header;
    for (const std::string& l : links) header += (header.empty() ? "" : ", ") + l;
    if (!header.empty()) response.set_header("Link", header);
}

std::string JsonArray(const std::vector<const std::string*>& items) {
    std::size_t size = 2;
    for (const std::string* item : items) size += item->size() + 1;
    std::string out;
    out.reserve(size);
    out.push_back('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += *items[i];
    }
    out.push_back(']');
    return out;
}

bool ParseTimeRange(const std::string& text, std::string& from, std::string& to) {
    const auto dots = text.find("...");
    if (dots == std::string::npos) return false;
    const auto complete = [](std::string end, const char* time_of_day) {
        if (end.size() == 10) return end + time_of_day;  // a date
        return end;
    };
    from = complete(text.substr(0, dots), "T00:00:00Z");
    to = complete(text.substr(dots + 3), "T23:59:59Z");
    const auto looks_iso = [](const std::string& t) {
        return t.size() >= 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T';
    };
    return looks_iso(from) && looks_iso(to);
}

}  // namespace crewsync::emulator
