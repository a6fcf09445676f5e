#include "engine/executor.hpp"

#include <fmt/format.h>

#include "engine/execution.hpp"

namespace crewsync::engine {

ExecutionResult Execute(const sync::Plan& plan, procore::ProcoreApi& api, store::Store& store,
                        RunLog& log, const ExecutorOptions& options) {
    internal::Execution execution(plan, api, store, log, options);
    return execution.Run();
}

}  // namespace crewsync::engine
