#include "emulator/permission_check.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "emulator/services.hpp"

namespace crewsync::emulator {
namespace {

// The segments of an API path after its version, ids as "{id}":
// "/rest/v1.0/companies/5000000001/users/sync" → {"companies", "{id}", "users", "sync"}.
std::vector<std::string> ApiSegments(const std::string& method, const std::string& path) {
    const std::string endpoint = EndpointOf(method, path);
    std::vector<std::string> segments;
    std::size_t at = endpoint.find(' ') + 1;
    while (at <= endpoint.size()) {
        const std::size_t end = std::min(endpoint.find('/', at), endpoint.size());
        segments.push_back(endpoint.substr(at, end - at));
        at = end + 1;
    }
    // "", "rest", "v1.0", …
    if (segments.size() < 4 || !segments[0].empty() || segments[1] != "rest") return {};
    segments.erase(segments.begin(), segments.begin() + 3);
    return segments;
}

bool Has(const std::vector<std::string>& segments, std::string_view name) {
    return std::find(segments.begin(), segments.end(), name) != segments.end();
}

std::optional<Tool> ToolOf(const std::vector<std::string>& segments) {
    if (segments.empty()) return std::nullopt;
    // Timecards first: they also live under /projects/{id}/ and /companies/{id}/.
    for (const char* name : {"timecard_entries", "project_timecard_entries", "timesheets",
                             "timecard_time_types"}) {
        if (Has(segments, name)) return Tool::kTimecards;
    }
    if (segments[0] == "webhooks") return Tool::kWebhooks;
    if (segments[0] == "projects") return Tool::kProjects;
    if (segments[0] != "companies" || segments.size() < 3) return std::nullopt;
    const std::string& resource = segments[2];
    // Work classifications and permission templates describe Directory users, so they go with
    // the Directory.
    if (resource == "users" || resource == "people" || resource == "permission_templates" ||
        resource == "work_classifications") {
        return Tool::kDirectory;
    }
    if (resource == "projects") return Tool::kProjects;
    return std::nullopt;
}

}  // namespace

std::optional<ToolNeed> NeedOf(const std::string& method, const std::string& path) {
    const std::vector<std::string> segments = ApiSegments(method, path);
    const std::optional<Tool> tool = ToolOf(segments);
    if (!tool) return std::nullopt;
    if (*tool == Tool::kWebhooks) return ToolNeed{*tool, AccessLevel::kStandard};
    if (method == "GET" || method == "HEAD") return ToolNeed{*tool, AccessLevel::kReadOnly};
    const bool users_sync = segments.size() == 4 && segments[0] == "companies" &&
                            segments[2] == "users" && segments[3] == "sync";
    if (method == "PATCH" && users_sync) return ToolNeed{*tool, AccessLevel::kAdmin};
    return ToolNeed{*tool, AccessLevel::kStandard};
}

std::optional<std::string> PermissionRefusal(const ToolPermissions& permissions,
                                             const std::string& method,
                                             const std::string& path) {
    const std::optional<ToolNeed> need = NeedOf(method, path);
    if (!need) return std::nullopt;
    const AccessLevel level = permissions.Of(need->tool);
    if (level >= need->level) return std::nullopt;
    return "The service account's permission for the " + std::string(ToolTitle(need->tool)) +
           " tool is " + std::string(LevelTitle(level)) + "; this request needs " +
           std::string(LevelTitle(need->level));
}

}  // namespace crewsync::emulator
