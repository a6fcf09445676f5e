// The event object POSTed to a webhook destination (procore-api.md §10.4, payload v2.0 and
// v3.0).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "emulator/services.hpp"

namespace crewsync::emulator {

// A ULID: 26 characters of Crockford base32, the first ten the time in milliseconds.
std::string NewUlid(Timestamp at, std::mt19937_64& random);

// "2025-02-06T23:34:12.246000Z": microseconds, as Procore writes event timestamps.
std::string EventTimestamp(Timestamp at);

// The payload for a hook of `hook_api_version` ("v2", "v2.0" or "v3.0"): v3.0 adds an empty
// related_resources list. Company-level events carry a null project_id.
Json EventPayload(const ChangeEvent& event, std::int64_t event_id, const std::string& ulid,
                  const std::string& hook_api_version);

}  // namespace crewsync::emulator
