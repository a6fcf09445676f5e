#include "model/error.hpp"

namespace crewsync {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument: return "invalid_argument";
        case ErrorCode::kNotFound: return "not_found";
        case ErrorCode::kConflict: return "conflict";
        case ErrorCode::kUnauthorized: return "unauthorized";
        case ErrorCode::kForbidden: return "forbidden";
        case ErrorCode::kRateLimited: return "rate_limited";
        case ErrorCode::kTransient: return "transient";
        case ErrorCode::kRemoteRejected: return "remote_rejected";
        case ErrorCode::kRemoteBug: return "remote_bug";
        case ErrorCode::kCorrupt: return "corrupt";
        case ErrorCode::kIo: return "io";
        case ErrorCode::kInternal: return "internal";
    }
    return "internal";
}

std::string Error::ToString() const {
    std::string out = message_;
    for (const FieldProblem& p : problems_) {
        out += "\n  ";
        if (!p.location.empty()) out += p.location + ": ";
        if (!p.field.empty()) out += p.field + ": ";
        out += p.message;
    }
    return out;
}

}  // namespace crewsync
