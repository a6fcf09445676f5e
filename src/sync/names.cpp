// The words the sync core's enums are printed with, in reports, plans and JSON.
#include "sync/link_report.hpp"
#include "sync/plan.hpp"
#include "sync/remote.hpp"
#include "sync/state.hpp"

namespace crewsync::sync {

const char* Name(RemoteKind kind) {
    switch (kind) {
        case RemoteKind::kUser: return "user";
        case RemoteKind::kContact: return "contact";
        case RemoteKind::kProject: return "project";
    }
    return "?";
}

const char* Name(LinkOrigin origin) {
    switch (origin) {
        case LinkOrigin::kMatched: return "matched";
        case LinkOrigin::kAccepted: return "accepted";
        case LinkOrigin::kManual: return "manual";
        case LinkOrigin::kCreated: return "created";
        case LinkOrigin::kRecovered: return "recovered";
    }
    return "?";
}

const char* Name(LinkStatus status) {
    switch (status) {
        case LinkStatus::kLinked: return "linked";
        case LinkStatus::kWouldLink: return "would link";
        case LinkStatus::kWouldCreate: return "would create";
        case LinkStatus::kConflict: return "conflict";
        case LinkStatus::kDuplicate: return "duplicate";
        case LinkStatus::kSuggestion: return "suggestion";
        case LinkStatus::kDirectoryOnly: return "directory only";
        case LinkStatus::kOutOfScope: return "out of scope";
        case LinkStatus::kInactiveLeftOut: return "inactive, left out";
    }
    return "?";
}

const char* Name(OperationKind kind) {
    switch (kind) {
        case OperationKind::kLink: return "link";
        case OperationKind::kCreateUser: return "create user";
        case OperationKind::kCreateContact: return "create contact";
        case OperationKind::kCreateProject: return "create project";
        case OperationKind::kUpdateRemote: return "update";
        case OperationKind::kDeactivateRemote: return "deactivate";
        case OperationKind::kReactivateRemote: return "reactivate";
        case OperationKind::kUpdateLocal: return "update crewsync";
        case OperationKind::kImportProject: return "import project";
        case OperationKind::kImportPerson: return "import person";
    }
    return "?";
}

}  // namespace crewsync::sync
