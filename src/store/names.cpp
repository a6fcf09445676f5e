#include "store/store.hpp"

namespace crewsync::store {

std::string_view Name(Entity entity) {
    switch (entity) {
        case Entity::kPerson: return "person";
        case Entity::kProject: return "project";
        case Entity::kGroup: return "group";
        case Entity::kClassification: return "classification";
        case Entity::kAssignment: return "assignment";
        case Entity::kTimeEntry: return "time_entry";
    }
    return "person";
}

std::string_view Name(ChangeAction action) {
    switch (action) {
        case ChangeAction::kCreate: return "create";
        case ChangeAction::kUpdate: return "update";
        case ChangeAction::kDelete: return "delete";
    }
    return "update";
}

}  // namespace crewsync::store
