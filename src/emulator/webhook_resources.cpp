#include "emulator/webhook_resources.hpp"

#include <array>

namespace crewsync::emulator {
namespace {

// The names the emulator's routes report changes under. Company People and Work
// Classifications are the emulator's own names; Procore may not offer them. A third-party
// listing of a real sandbox shows Company Users and Projects with create and update only;
// the emulator offers delete too, and simply has no route that deletes them.
constexpr std::array<WebhookResource, 6> kCatalog = {{
    {"Company Users", "Core", "Directory", false},
    {"Company People", "Core", "Directory", false},
    {"Projects", "Core", "Portfolio", false},
    {"Work Classifications", "Core", "Admin", false},
    {"Timecard Entries", "Project Management", "Timesheets", true},
    {"Timesheets", "Project Management", "Timesheets", true},
}};

}  // namespace

std::vector<const WebhookResource*> WebhookResources(bool project_scope) {
    std::vector<const WebhookResource*> out;
    for (const WebhookResource& resource : kCatalog) {
        if (!project_scope || resource.project_level) out.push_back(&resource);
    }
    return out;
}

const WebhookResource* FindWebhookResource(const std::string& name, bool project_scope) {
    for (const WebhookResource* resource : WebhookResources(project_scope)) {
        if (name == resource->name) return resource;
    }
    return nullptr;
}

Json WebhookResourceJson(const WebhookResource& resource) {
    return Json{{"api_version", "v2"},
                {"resource_name", resource.name},
                {"product_category", resource.product_category},
                {"tools", resource.tool},
                {"create", "create"},
                {"update", "update"},
                {"delete", "delete"},
                {"except", Json::array()}};
}

bool IsWebhookEventType(const std::string& event_type) {
    return event_type == "create" || event_type == "update" || event_type == "delete";
}

}  // namespace crewsync::emulator
