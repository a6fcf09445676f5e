#include "engine/executor.hpp"

#include <fmt/format.h>

#include "engine/execution.hpp"

namespace crewsync::engine {

bool IsRecordError(const Error& error) {
    switch (error.code()) {
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kNotFound:
        case ErrorCode::kConflict:
        case ErrorCode::kRemoteRejected: return true;
        default: return false;
    }
}

ExecutionResult Execute(const sync::Plan& plan, procore::ProcoreApi& api, store::Store& store,
                        RunLog& log, const ExecutorOptions& options) {
    internal::Execution execution(plan, api, store, log, options);
    return execution.Run();
}

}  // namespace crewsync::engine
