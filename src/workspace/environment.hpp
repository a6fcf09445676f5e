// crewsync — environment variable lookup behind a value type, so tests can inject variables
// instead of mutating the real process environment.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace crewsync::workspace {

class Environment {
public:
    // Looks variables up in the real process environment at the moment of each Get().
    static Environment Process();
    // Only the given variables exist; for tests and for callers that assemble their own.
    static Environment FromMap(std::map<std::string, std::string> vars);

    // The variable's value, or nullopt when it is unset or empty: shells make `X=` the usual
    // way to clear a variable, so an empty value never counts as a setting.
    std::optional<std::string> Get(const std::string& name) const;

private:
    Environment(bool process, std::map<std::string, std::string> vars)
        : process_(process), vars_(std::move(vars)) {}

    bool process_;
    std::map<std::string, std::string> vars_;
};

}  // namespace crewsync::workspace
