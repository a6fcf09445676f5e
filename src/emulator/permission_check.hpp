// Which tool a Procore endpoint belongs to and what level it needs, and the 403 a service
// account without that level gets. Services::Authorize asks this for every API call, so no
// route can forget the check and every route answers it before reading its body.
#pragma once

#include <optional>
#include <string>

#include "emulator/permissions.hpp"

namespace crewsync::emulator {

struct ToolNeed {
    Tool tool = Tool::kDirectory;
    AccessLevel level = AccessLevel::kNone;
};

// The tool and level `method` on `path` ("/rest/v1.3/companies/5000000001/users/sync") needs;
// nothing for paths no tool governs (/me, /companies, unknown paths). GET and HEAD need Read
// Only, other methods Standard, PATCH …/users/sync Admin (Procore: "Requires Directory Admin
// permissions"); every webhooks call needs Standard, the only level that tool has.
std::optional<ToolNeed> NeedOf(const std::string& method, const std::string& path);

// The message of the 403 when `permissions` lack what the request needs, else nothing:
// "The service account's permission for the Directory tool is Read Only; this request needs
// Standard".
std::optional<std::string> PermissionRefusal(const ToolPermissions& permissions,
                                             const std::string& method,
                                             const std::string& path);

}  // namespace crewsync::emulator
