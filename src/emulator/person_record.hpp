// A company person as the People API shows it (procore-api.md §7): contacts are stored in this
// shape; users are shown in it on the fly, from their user record.
#pragma once

#include <string>

#include "emulator/collection.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

// A new contact (a person without a login) with every field null or at its default;
// created_at and updated_at are `now`.
Json NewContactRecord(RecordId id, Timestamp now);

// The person a user is: the same id, user_id set, contact.email its login.
Json PersonOfUser(const Json& user);

// contact.is_active, true when missing.
bool IsActivePerson(const Json& person);
void SetPersonActive(Json& person, bool active);

// A text field of a record, or "" when it is null or missing.
std::string PersonText(const Json& person, const char* field);

// A stable UUID for a user's person record, made from its id (the emulator keeps no separate
// UUIDs): "00000000-0000-4000-8000-0001295d0c3f".
std::string UserUuid(RecordId user_id);

}  // namespace crewsync::emulator
