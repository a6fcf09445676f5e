// The `project` object of POST and PATCH /rest/v1.0/projects and the items of PATCH
// /rest/v1.0/projects/sync (procore-api.md §8): which fields a client may write, what values
// they take, and where they show in the representation.
#pragma once

#include <optional>

#include "emulator/project_values.hpp"

namespace crewsync::emulator {

// What a write does: sync items carry no origin_code (its schema lacks it).
enum class ProjectWrite { kCreate, kUpdate, kSyncCreate, kSyncUpdate };

// The writable fields of `project`, converted (form bodies bring text) and checked; unknown
// fields are ignored, as Procore ignores unknown attributes (so is origin_code in sync items).
// name must not be blank when creating, nor when sent; an origin_id of
// "" means none (null). nullopt with `error` set when a value is not acceptable (origin_id
// uniqueness is the caller's check).
std::optional<Json> ReadProjectFields(const Json& project, ProjectWrite write, FieldError& error);

// Applies read fields to a project record, with the fields Procore derives from them
// (display_name, tz_name, the deprecated estimated_* mirrors, nested {id, name} objects).
// Returns whether anything changed; updated_at is the caller's.
bool ApplyProjectFields(Json& project, const Json& fields);

}  // namespace crewsync::emulator
