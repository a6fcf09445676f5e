// What an operation of the plan writes, in the shape each write takes: the Procore fields of a
// user, contact or project, or the crewsync record the change is applied to. Field keys are the
// sync core's (sync/fields.hpp).
#pragma once

#include <vector>

#include "model/person.hpp"
#include "model/project.hpp"
#include "procore/resources.hpp"
#include "sync/plan.hpp"

namespace crewsync::engine {

// The fields of one Directory user, contact or project that `ops` (all about that one record,
// in plan order) write. A create also carries its origin_id (and, for a user, the permission
// template); a status change sets the active flag.
procore::UserFields UserFieldsFor(const std::vector<const sync::Operation*>& ops);
procore::PersonFields ContactFieldsFor(const std::vector<const sync::Operation*>& ops);
procore::ProjectFields ProjectFieldsFor(const std::vector<const sync::Operation*>& ops);

// Applies the values the operation takes into crewsync (updates and imports). A "groups" change
// of a project import adds that group.
void ApplyChanges(const sync::Operation& op, Person& person);
void ApplyChanges(const sync::Operation& op, Project& project);

}  // namespace crewsync::engine
