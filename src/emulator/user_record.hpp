// A company user as Procore shows it (procore-api.md §6.3): every field of the v1.3
// representation, null when not set.
#pragma once

#include <optional>
#include <string>

#include "emulator/collection.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

// How a writable field is stored (§6.2). Form bodies bring every value as text, so requests
// are converted to these kinds before they are applied.
enum class UserFieldKind { kText, kInteger, kBoolean, kFile };

// The kind of a field a client may write; nullopt for anything else (ignored, as Procore
// ignores unknown attributes).
std::optional<UserFieldKind> WritableUserFieldKind(const std::string& name);
bool IsWritableUserField(const std::string& name);

// A new user with id `id` from already checked writable `fields`; created_at and updated_at
// are `now`.
Json NewUserRecord(RecordId id, const Json& fields, Timestamp now);

// Applies already checked writable `fields` to `user` and recomposes its full name. Leaves
// updated_at alone: the caller bumps it only when something really changed.
void ApplyUserFields(Json& user, const Json& fields);

// Active unless is_active is false (records always carry it; a missing one counts as active).
bool IsActiveUser(const Json& user);

// A text field of a record, or "" when it is null or missing.
std::string UserText(const Json& user, const char* field);

}  // namespace crewsync::emulator
