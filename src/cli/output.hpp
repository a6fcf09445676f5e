// Output helpers shared by the command groups.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "records/json.hpp"

namespace crewsync::cli {

// Prints records as a JSON array, each in the form records::ToJson gives it.
template <class Records>
void PrintJsonList(const CliContext& context, const Records& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items) out.push_back(records::ToJson(item));
    context.PrintJson(out);
}

}  // namespace crewsync::cli
