// POST /rest/v1.1/projects/{project_id}/project_timecard_entries/bulk_create: up to 25
// entries in one transaction (procore-api.md §9.3). Either every entry is created (201
// {"timecard_entries": [...]}, v1.1 flat representation) or none is (422 with each problem
// keyed "timecard_entries[i].field").
#include <set>

#include "emulator/clock.hpp"
#include "emulator/http_support.hpp"
#include "emulator/timecard_entry.hpp"
#include "emulator/timecard_routes.hpp"
#include "emulator/timecard_store.hpp"

namespace crewsync::emulator {
namespace {

constexpr std::size_t kMaxBulkEntries = 25;

void BulkCreate(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.Authorize(request, response, true, caller)) return;
    Company& company = *caller.company;
    PrepareTimecards(s, company);
    const Json* project = FindProject(company, request.matches[1], response);
    if (!project) return;
    const RecordId project_id = project->at("id").get<RecordId>();

    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return ReplyError(response, 400, error);
    const auto list = body->is_object() ? body->find("timecard_entries") : body->end();
    if (!body->is_object() || list == body->end() || !list->is_array() || list->empty()) {
        return ReplyError(response, 400,
                          "param is missing or the value is empty: timecard_entries");
    }
    if (list->size() > kMaxBulkEntries) {
        return ReplyError(response, 400,
                          "at most " + std::to_string(kMaxBulkEntries) +
                              " timecard entries per bulk_create request, got " +
                              std::to_string(list->size()));
    }

    Json errors = Json::object();
    std::vector<EntryValues> accepted;
    std::set<std::string> origins_in_request;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        const std::string prefix = "timecard_entries[" + std::to_string(i) + "].";
        if (!item.is_object()) {
            errors["timecard_entries[" + std::to_string(i) + "]"].push_back("must be an object");
            continue;
        }
        const auto item_project = BodyId(item.value("project_id", Json()));
        if (!item_project || *item_project == 0) {
            errors[prefix + "project_id"].push_back("can't be blank");
        } else if (*item_project != project_id) {
            errors[prefix + "project_id"].push_back("must be the project of the path (" +
                                                    std::to_string(project_id) + ")");
        }
        EntryValues values;
        values.project_id = project_id;
        errors.update(ReadEntryValues(company, item, OriginIdType::kString, prefix, values));
        if (values.origin_id.is_string()) {
            const std::string origin = values.origin_id.get<std::string>();
            if (EntryWithOrigin(company, values.origin_id, 0) ||
                !origins_in_request.insert(origin).second) {
                errors[prefix + "origin_id"].push_back("has already been taken");
            }
        }
        accepted.push_back(std::move(values));
    }
    if (!errors.empty()) return Reply(response, 422, Json{{"errors", errors}});

    const std::string now = IsoSeconds(s.clock.Now());
    const Json created_by = CreatedByOf(company, caller.user_id);
    Json created = Json::array();
    for (const EntryValues& values : accepted) {
        const RecordId id = s.state.NextId();
        const Json& record =
            company.timecard_entries.Put(EntryRecord(company, values, id, created_by, now, now));
        created.push_back(EntryV11View(record, company.id));
        s.Changed(caller, kTimecardEntriesResource, "create", id, project_id);
    }
    Reply(response, 201, Json{{"timecard_entries", created}});
}

}  // namespace

void AddTimecardBulkRoutes(httplib::Server& server, Services& s) {
    server.Post(R"(/rest/v1\.1/projects/(\d+)/project_timecard_entries/bulk_create)",
                [&s](const auto& req, auto& res) { BulkCreate(s, req, res); });
}

}  // namespace crewsync::emulator
