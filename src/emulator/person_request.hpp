// The `person` object of POST and PATCH /rest/v1.0/companies/{company_id}/people
// (procore-api.md §7): which fields a client may write and what values they take.
#pragma once

#include <optional>

#include "emulator/project_values.hpp"
#include "emulator/state.hpp"

namespace crewsync::emulator {

// The writable fields of `person`, converted (form bodies bring text) and checked; anything
// else in it is ignored, as Procore ignores unknown attributes. last_name must not be blank
// when creating, nor when an update sends it; an origin_id of "" means none (null);
// work_classification_id must name one of the company's work classifications. nullopt with
// `error` set when a value is not acceptable (origin_id uniqueness is the caller's check).
std::optional<Json> ReadPersonFields(const Json& person, bool creating, const Company& company,
                                     FieldError& error);

// Applies read fields to a contact record ("active" is stored as contact.is_active). Returns
// whether anything changed; updated_at is the caller's.
bool ApplyPersonFields(Json& contact, const Json& fields);

// The person of the company whose origin_id is `origin_id` (a contact or a user), or 0.
RecordId PersonByOrigin(const Company& company, const std::string& origin_id);

}  // namespace crewsync::emulator
