#include "emulator/services.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "emulator/http_support.hpp"
#include "emulator/permission_check.hpp"

namespace crewsync::emulator {

void CallCounters::Count(const std::string& endpoint) {
    std::lock_guard lock(mutex_);
    ++counts_[endpoint];
}

std::map<std::string, std::int64_t> CallCounters::Snapshot() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

void CallCounters::Clear() {
    std::lock_guard lock(mutex_);
    counts_.clear();
}

void ChangeFeed::Add(ChangeEvent event) {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(event));
}

std::vector<ChangeEvent> ChangeFeed::Take() {
    std::lock_guard lock(mutex_);
    return std::exchange(events_, {});
}

void Services::Changed(const Caller& caller, std::string resource_name, std::string event_type,
                       RecordId resource_id, RecordId project_id) {
    ChangeEvent event;
    event.resource_name = std::move(resource_name);
    event.event_type = std::move(event_type);
    event.company_id = caller.company ? caller.company->id : 0;
    event.project_id = project_id;
    event.resource_id = resource_id;
    event.user_id = caller.user_id;
    event.at = clock.Now();
    changes.Add(std::move(event));
}

RecordId IdParam(const std::string& text) {
    RecordId id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    return ec == std::errc() && end == text.data() + text.size() && id > 0 ? id : 0;
}

std::string EndpointOf(const std::string& method, const std::string& path) {
    std::string out = method + " ";
    std::size_t at = 0;
    while (at <= path.size()) {
        const std::size_t end = std::min(path.find('/', at), path.size());
        const std::string segment = path.substr(at, end - at);
        const bool number = !segment.empty() &&
                            std::all_of(segment.begin(), segment.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
        out += number ? "{id}" : segment;
        if (end == path.size()) break;
        out += '/';
        at = end + 1;
    }
    return out;
}

std::string BearerToken(const httplib::Request& request) {
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size()) return "";
    // The scheme is case-insensitive (RFC 7235).
    for (std::size_t i = 0; i < kBearer.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(header[i])) !=
            std::tolower(static_cast<unsigned char>(kBearer[i]))) {
            return "";
        }
    }
    return header.substr(kBearer.size());
}

bool Services::Authorize(const httplib::Request& request, httplib::Response& response,
                         bool company_required, Caller& caller) {
    const AccessToken* token = nullptr;
    switch (tokens.Check(BearerToken(request), clock.Now(), &token)) {
        case TokenCheck::kValid: break;
        case TokenCheck::kMissing:
            ReplyError(response, 401, "Missing access token: send Authorization: Bearer <token>");
            return false;
        case TokenCheck::kUnknown:
        case TokenCheck::kExpired:
            ReplyError(response, 401, "The access token is invalid");
            return false;
    }
    caller.token = token;
    caller.user_id = token->user_id;
    // Client-credentials tokens need the header even on /me and /companies.
    const bool needed = company_required || token->grant == Grant::kClientCredentials;
    const std::string header = request.get_header_value("Procore-Company-Id");
    if (header.empty()) {
        if (!needed) return true;
        ReplyError(response, 400,
                   "Missing Procore-Company-Id header! Send the id of the company this request "
                   "is for.");
        return false;
    }
    const RecordId company_id = IdParam(header);
    Company* company = company_id ? state.FindCompany(company_id) : nullptr;
    if (!company) {
        ReplyError(response, 404, "Company " + header + " not found");
        return false;
    }
    const auto client = state.Clients().find(token->client_id);
    const bool installed =
        client != state.Clients().end() &&
        std::find(client->second.companies.begin(), client->second.companies.end(),
                  company_id) != client->second.companies.end();
    if (!installed) {
        ReplyError(response, 403, "App is not connected to this company");
        return false;
    }
    // After the token and the company, before the route reads anything: a client may probe
    // write access with a harmless request and learn only whether it is allowed.
    if (const auto refusal =
            PermissionRefusal(client->second.permissions, request.method, request.path)) {
        ReplyError(response, 403, *refusal);
        return false;
    }
    caller.company = company;
    return true;
}

std::vector<std::string> Services::IssuedTokens() {
    std::lock_guard lock(state.mutex);
    return tokens.IssuedTokens();
}

bool Services::AuthorizeCompany(const httplib::Request& request, httplib::Response& response,
                                RecordId path_company_id, Caller& caller) {
    if (!Authorize(request, response, true, caller)) return false;
    if (caller.company->id != path_company_id) {
        ReplyError(response, 403,
                   "The Procore-Company-Id header names another company than the path");
        return false;
    }
    return true;
}

}  // namespace crewsync::emulator
