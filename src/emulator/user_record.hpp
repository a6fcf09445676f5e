// A company user as Procore shows it (procore-api.md §6.3): every field of the v1.3
// representation, null when not set.
#pragma once

#include <string>

#include "emulator/collection.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

// The fields a client may write (§6.2); anything else in a request is ignored.
bool IsWritableUserField(const std::string& name);

// A new user with id `id` from the request's `user` object (already validated).
Json NewUserRecord(RecordId id, const Json& fields, Timestamp now);

// Applies writable `fields` to `user` and bumps updated_at.
void ApplyUserFields(Json& user, const Json& fields, Timestamp now);

}  // namespace crewsync::emulator
