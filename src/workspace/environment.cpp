#include "workspace/environment.hpp"

#include <cstdlib>
#include <utility>

namespace crewsync::workspace {

Environment Environment::Process() { return Environment(true, {}); }

Environment Environment::FromMap(std::map<std::string, std::string> vars) {
    return Environment(false, std::move(vars));
}

std::optional<std::string> Environment::Get(const std::string& name) const {
    if (process_) {
        // getenv is only unsafe against concurrent setenv, which crewsync never calls.
        const char* value = std::getenv(name.c_str());
        if (value == nullptr || *value == '\0') return std::nullopt;
        return std::string(value);
    }
    auto it = vars_.find(name);
    if (it == vars_.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

}  // namespace crewsync::workspace
