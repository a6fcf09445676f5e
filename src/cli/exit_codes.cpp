#include "cli/exit_codes.hpp"

namespace crewsync::cli {

int ExitCodeFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument: return kExitInvalidInput;
        case ErrorCode::kNotFound: return kExitNotFound;
        case ErrorCode::kConflict: return kExitConflict;
        case ErrorCode::kUnauthorized:
        case ErrorCode::kForbidden: return kExitAccess;
        case ErrorCode::kRateLimited:
        case ErrorCode::kTransient:
        case ErrorCode::kRemoteRejected:
        case ErrorCode::kRemoteBug: return kExitRemote;
        case ErrorCode::kCorrupt:
        case ErrorCode::kIo: return kExitStorage;
        case ErrorCode::kInternal: return kExitInternal;
    }
    return kExitInternal;
}

}  // namespace crewsync::cli
