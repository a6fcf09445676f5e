// Which projects a list request asks for: the filters and sort of GET /rest/v1.0/projects and
// GET /rest/v1.1/projects (procore-api.md §3.2, §8).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

enum class ProjectStatus { kActive, kInactive, kAll };
enum class ProjectSort { kId, kName, kDisplayName };

struct ProjectQuery {
    ProjectStatus status = ProjectStatus::kActive;  // filters[by_status]
    std::optional<std::vector<RecordId>> ids;       // filters[id]
    std::optional<std::string> origin_id;           // filters[origin_id]
    std::string name;                               // filters[name], lower-cased; "" for none
    std::optional<std::string> project_number;      // filters[project_number]
    std::optional<std::string> created_from, created_to;  // filters[created_at], inclusive
    std::optional<std::string> updated_from, updated_to;  // filters[updated_at], inclusive
    ProjectSort sort = ProjectSort::kId;
    bool descending = false;
};

// Reads the filters and `sort`. False with a message naming the parameter when a value is
// malformed.
bool ReadProjectQuery(const httplib::Request& request, ProjectQuery& query, std::string& error);

// The ids of the projects the service account sees that match `query`, in the order it asks
// for.
std::vector<RecordId> SelectProjects(const Collection& projects, const ProjectQuery& query);

}  // namespace crewsync::emulator
