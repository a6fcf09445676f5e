// The v1.0 Webhooks API (procore-api.md §10.2) over the emulator's WebhookStore, and the
// emulator's own /__emulator/webhooks controls.
#pragma once

#include <httplib.h>

#include "emulator/services.hpp"
#include "emulator/webhook_store.hpp"

namespace crewsync::emulator {

// Hooks, triggers, deliveries and resources under /rest/v1.0/webhooks/; GET and DELETE
// /__emulator/webhooks (counts; forget everything).
void AddWebhookRoutes(httplib::Server& server, Services& services, WebhookStore& webhooks);

}  // namespace crewsync::emulator
