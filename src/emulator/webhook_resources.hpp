// The resources a webhook trigger can name: the emulator's resources that emit change events,
// with the event types each can be subscribed to (GET /rest/v1.0/webhooks/resources).
#pragma once

#include <string>
#include <vector>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

// Every resource offers create, update and delete (its `except` list is empty).
struct WebhookResource {
    const char* name;  // as routes name it in Services::Changed
    const char* product_category;
    const char* tool;
    bool project_level;  // offered to project hooks too
};

// Company hooks see every resource; project hooks only the project-level ones.
std::vector<const WebhookResource*> WebhookResources(bool project_scope);

// The resource of that name in the scope, or null.
const WebhookResource* FindWebhookResource(const std::string& name, bool project_scope);

// {api_version, resource_name, product_category, tools, create, update, delete, except}.
Json WebhookResourceJson(const WebhookResource& resource);

// "create", "update" and "delete": the event types of triggers and events.
bool IsWebhookEventType(const std::string& event_type);

}  // namespace crewsync::emulator
