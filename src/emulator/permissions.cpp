#include "emulator/permissions.hpp"

#include <optional>

namespace crewsync::emulator {
namespace {

constexpr AccessLevel kLevels[] = {AccessLevel::kNone, AccessLevel::kReadOnly,
                                   AccessLevel::kStandard, AccessLevel::kAdmin};

std::optional<Tool> ToolOfKey(std::string_view key) {
    for (const Tool tool : kTools) {
        if (ToolKey(tool) == key) return tool;
    }
    return std::nullopt;
}

// Webhooks are all or nothing in Procore: a service account may use the Webhooks API or not.
bool Offers(Tool tool, AccessLevel level) {
    return tool != Tool::kWebhooks || level == AccessLevel::kNone ||
           level == AccessLevel::kStandard;
}

// The member holding `tool`'s level: one switch serves Of and its const twin.
AccessLevel ToolPermissions::*MemberOf(Tool tool) {
    switch (tool) {
        case Tool::kDirectory: return &ToolPermissions::directory;
        case Tool::kProjects: return &ToolPermissions::projects;
        case Tool::kTimecards: return &ToolPermissions::timecards;
        case Tool::kWebhooks: break;
    }
    return &ToolPermissions::webhooks;
}

std::string LevelChoices(Tool tool) {
    if (tool == Tool::kWebhooks) return "must be none or standard";
    return "must be none, read_only, standard or admin";
}

}  // namespace

AccessLevel& ToolPermissions::Of(Tool tool) { return this->*MemberOf(tool); }

AccessLevel ToolPermissions::Of(Tool tool) const { return this->*MemberOf(tool); }

std::string_view ToolKey(Tool tool) {
    switch (tool) {
        case Tool::kDirectory: return "directory";
        case Tool::kProjects: return "projects";
        case Tool::kTimecards: return "timecards";
        case Tool::kWebhooks: break;
    }
    return "webhooks";
}

std::string_view ToolTitle(Tool tool) {
    switch (tool) {
        case Tool::kDirectory: return "Directory";
        case Tool::kProjects: return "Projects";
        case Tool::kTimecards: return "Timecards";
        case Tool::kWebhooks: break;
    }
    return "Webhooks";
}

std::string_view LevelKey(AccessLevel level) {
    switch (level) {
        case AccessLevel::kNone: return "none";
        case AccessLevel::kReadOnly: return "read_only";
        case AccessLevel::kStandard: return "standard";
        case AccessLevel::kAdmin: break;
    }
    return "admin";
}

std::string_view LevelTitle(AccessLevel level) {
    switch (level) {
        case AccessLevel::kNone: return "None";
        case AccessLevel::kReadOnly: return "Read Only";
        case AccessLevel::kStandard: return "Standard";
        case AccessLevel::kAdmin: break;
    }
    return "Admin";
}

Json PermissionsToJson(const ToolPermissions& permissions) {
    Json out = Json::object();
    for (const Tool tool : kTools) out[ToolKey(tool)] = LevelKey(permissions.Of(tool));
    return out;
}

bool SetPermissions(const Json& fields, ToolPermissions& permissions, std::string& field,
                    std::string& message) {
    if (!fields.is_object()) {
        field = "permissions";
        message = "must be an object of tool levels";
        return false;
    }
    ToolPermissions changed = permissions;
    for (const auto& [key, value] : fields.items()) {
        const std::optional<Tool> tool = ToolOfKey(key);
        if (!tool) {
            field = key;
            message = "is not a tool: directory, projects, timecards or webhooks";
            return false;
        }
        std::optional<AccessLevel> level;
        for (const AccessLevel candidate : kLevels) {
            if (value.is_string() && value.get<std::string>() == LevelKey(candidate) &&
                Offers(*tool, candidate)) {
                level = candidate;
            }
        }
        if (!level) {
            field = key;
            message = LevelChoices(*tool);
            return false;
        }
        changed.Of(*tool) = *level;
    }
    permissions = changed;
    return true;
}

}  // namespace crewsync::emulator
