// Creating and changing company users, shared by create, update, sync, reactivate and invite
// so that every way in applies the same rules (procore-api.md §6.2–§6.5, §12).
#pragma once

#include <string>

#include "emulator/state.hpp"

namespace crewsync::emulator {

enum class UserWriteStatus {
    kDone,
    kInvalid,   // 422: a field breaks a rule (errors say which)
    kConflict,  // 409: email_address or origin_id belongs to another user of the company
    kNotFound,  // 404
};

struct UserWriteResult {
    UserWriteStatus status = UserWriteStatus::kDone;
    RecordId id = 0;
    bool created = false;
    bool changed = false;          // false when the request left the record as it was
    Json errors = Json::object();  // {"field": ["message"]} for kInvalid and kConflict
    std::string message;           // a sentence for kConflict and kNotFound
};

// Whether an update may set is_active back to true: only sync may (§6.5); PATCH must use the
// reactivate endpoint.
enum class Reactivation { kRefused, kAllowed };

// Creates a user from a request's `user` object (or a sync item).
UserWriteResult CreateUser(State& state, Company& company, const Json& input, Timestamp now);

// Applies the writable fields of `input` to user `id`. Leaves updated_at alone when nothing
// changes.
UserWriteResult UpdateUser(Company& company, RecordId id, const Json& input, Timestamp now,
                           Reactivation reactivation);

// Sets an inactive user active again and stamps last_activated_at; kNotFound when the user is
// unknown or not inactive (the inactive-users resource has no such member).
UserWriteResult ReactivateUser(Company& company, RecordId id, Timestamp now);

// Records that the invitation e-mail went out (welcome_email_sent_at); kNotFound when unknown.
UserWriteResult InviteUser(Company& company, RecordId id, Timestamp now);

}  // namespace crewsync::emulator
