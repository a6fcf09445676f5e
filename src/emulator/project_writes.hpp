// Creating and changing projects, shared by POST, PATCH and sync (procore-api.md §8, §6.4):
// origin_id stays unique per company, updated_at moves and a change event is recorded only
// when something really changed.
#pragma once

#include <optional>

#include "emulator/project_values.hpp"
#include "emulator/services.hpp"

namespace crewsync::emulator {

// A new project of the caller's company from read fields (see ReadProjectFields); its id in
// `id`. A 409 error when another project of the company has the origin_id.
std::optional<FieldError> CreateProject(Services& s, const Caller& caller, const Json& fields,
                                        RecordId& id);

// Applies read fields to the caller's company's project `id` (which must exist). A 409 error
// when another project of the company has the origin_id.
std::optional<FieldError> UpdateProject(Services& s, const Caller& caller, RecordId id,
                                        const Json& fields);

}  // namespace crewsync::emulator
