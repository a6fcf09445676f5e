// What an application's service account may do, one level per tool. Procore grants a Developer
// Managed Service Account a permission template with a level for each tool (procore-api.md
// §2.4); the emulator keeps only the four tools crewsync touches, so `crewsync doctor` can be
// tested against a service account that lacks some of them.
#pragma once

#include <string>
#include <string_view>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

enum class Tool { kDirectory, kProjects, kTimecards, kWebhooks };
// Ordered: a level allows everything the levels below it allow.
enum class AccessLevel { kNone, kReadOnly, kStandard, kAdmin };

inline constexpr Tool kTools[] = {Tool::kDirectory, Tool::kProjects, Tool::kTimecards,
                                  Tool::kWebhooks};

// The default allows everything, so an application that never had its permissions changed
// behaves as before permissions existed.
struct ToolPermissions {
    AccessLevel directory = AccessLevel::kAdmin;
    AccessLevel projects = AccessLevel::kAdmin;
    AccessLevel timecards = AccessLevel::kAdmin;
    AccessLevel webhooks = AccessLevel::kStandard;  // Procore's Webhooks API knows no more

    AccessLevel& Of(Tool tool);
    AccessLevel Of(Tool tool) const;
};

// "directory", "projects", "timecards", "webhooks": the keys of the JSON object.
std::string_view ToolKey(Tool tool);
// "Directory", "Projects", "Timecards", "Webhooks": as messages name them.
std::string_view ToolTitle(Tool tool);
// "none", "read_only", "standard", "admin".
std::string_view LevelKey(AccessLevel level);
// "None", "Read Only", "Standard", "Admin": Procore's words in its permission templates.
std::string_view LevelTitle(AccessLevel level);

// {"directory": "admin", "projects": "admin", "timecards": "admin", "webhooks": "standard"}.
Json PermissionsToJson(const ToolPermissions& permissions);

// Sets the tools `fields` names, leaving the others as they are. All or nothing: on an unknown
// tool, a level that is not a string or not one of the tool's levels, `permissions` is left
// as it was and `field` / `message` say why.
bool SetPermissions(const Json& fields, ToolPermissions& permissions, std::string& field,
                    std::string& message);

}  // namespace crewsync::emulator
