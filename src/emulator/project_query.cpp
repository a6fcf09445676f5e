#include "emulator/project_query.hpp"

#include <algorithm>
#include <charconv>

#include "emulator/http_support.hpp"
#include "emulator/project_record.hpp"
#include "emulator/services.hpp"
#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

// filters[id][]=1&filters[id][]=2, filters[id]=1,2 or both.
bool ReadIds(const httplib::Request& request, std::vector<RecordId>& ids, std::string& error) {
    for (const char* key : {"filters[id]", "filters[id][]"}) {
        for (const std::string& value : Params(request, key)) {
            for (const std::string& text : SplitList(value, ',')) {
                const RecordId id = IdParam(text);
                if (id == 0) {
                    error = "filters[id] must hold project ids (positive whole numbers); '" +
                            text + "' is not one";
                    return false;
                }
                ids.push_back(id);
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return true;
}

bool ReadRange(const httplib::Request& request, const std::string& name,
               std::optional<std::string>& from, std::optional<std::string>& to,
               std::string& error) {
    if (!request.has_param(name)) return true;
    std::string start;
    std::string end;
    if (!ParseTimeRange(Param(request, name), start, end)) {
        error = name + " must be a range 'start...end' of ISO 8601 dates or UTC date-times, "
                       "such as 2016-09-23T16:30:00Z...2016-09-23T17:00:00Z; got '" +
                Param(request, name) + "'";
        return false;
    }
    from = std::move(start);
    to = std::move(end);
    return true;
}

bool InRange(const Json& project, const char* field, const std::optional<std::string>& from,
             const std::optional<std::string>& to) {
    if (!from) return true;
    const std::string at = ProjectText(project, field);
    return at >= *from && at <= *to;
}

bool Matches(RecordId id, const Json& project, const ProjectQuery& query) {
    if (!ServiceAccountSees(project)) return false;
    const bool active = IsActiveProject(project);
    if ((query.status == ProjectStatus::kActive && !active) ||
        (query.status == ProjectStatus::kInactive && active)) {
        return false;
    }
    if (query.ids && !std::binary_search(query.ids->begin(), query.ids->end(), id)) return false;
    if (query.origin_id && ProjectText(project, "origin_id") != *query.origin_id) return false;
    if (query.project_number && ProjectText(project, "project_number") != *query.project_number) {
        return false;
    }
    if (!query.name.empty() &&
        AsciiLower(ProjectText(project, "name")).find(query.name) == std::string::npos) {
        return false;
    }
    return InRange(project, "created_at", query.created_from, query.created_to) &&
           InRange(project, "updated_at", query.updated_from, query.updated_to);
}

}  // namespace

bool ReadProjectQuery(const httplib::Request& request, ProjectQuery& query, std::string& error) {
    if (request.has_param("filters[by_status]")) {
        const std::string status = Param(request, "filters[by_status]");
        if (status == "Active") {
            query.status = ProjectStatus::kActive;
        } else if (status == "Inactive") {
            query.status = ProjectStatus::kInactive;
        } else if (status == "All") {
            query.status = ProjectStatus::kAll;
        } else {
            error = "filters[by_status] must be Active, Inactive or All; got '" + status + "'";
            return false;
        }
    }
    if (request.has_param("filters[id]") || request.has_param("filters[id][]")) {
        query.ids.emplace();
        if (!ReadIds(request, *query.ids, error)) return false;
    }
    if (request.has_param("filters[origin_id]")) {
        query.origin_id = Param(request, "filters[origin_id]");
    }
    if (request.has_param("filters[project_number]")) {
        query.project_number = Param(request, "filters[project_number]");
    }
    query.name = AsciiLower(Trim(Param(request, "filters[name]")));
    if (!ReadRange(request, "filters[created_at]", query.created_from, query.created_to, error) ||
        !ReadRange(request, "filters[updated_at]", query.updated_from, query.updated_to, error)) {
        return false;
    }
    std::string sort = Param(request, "sort");
    query.descending = !sort.empty() && sort.front() == '-';
    if (query.descending) sort.erase(0, 1);
    if (sort == "name") {
        query.sort = ProjectSort::kName;
    } else if (sort == "display_name") {
        query.sort = ProjectSort::kDisplayName;
    } else if (!sort.empty()) {
        error = "sort must be name or display_name (a leading - sorts descending); got '" +
                Param(request, "sort") + "'";
        return false;
    }
    return true;
}

std::vector<RecordId> SelectProjects(const Collection& projects, const ProjectQuery& query) {
    std::vector<RecordId> ids;
    for (const auto& [id, project] : projects.All()) {
        if (Matches(id, project, query)) ids.push_back(id);
    }
    if (query.sort != ProjectSort::kId) {
        const char* field = query.sort == ProjectSort::kName ? "name" : "display_name";
        std::vector<std::pair<std::string, RecordId>> keyed;
        keyed.reserve(ids.size());
        for (const RecordId id : ids) {
            keyed.emplace_back(AsciiLower(ProjectText(*projects.Find(id), field)), id);
        }
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = keyed[i].second;
    }
    if (query.descending) std::reverse(ids.begin(), ids.end());
    return ids;
}

}  // namespace crewsync::emulator
