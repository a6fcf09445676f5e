#include "emulator/project_sync.hpp"

#include "emulator/http_support.hpp"
#include "emulator/project_http.hpp"
#include "emulator/project_record.hpp"
#include "emulator/project_request.hpp"
#include "emulator/project_writes.hpp"

namespace crewsync::emulator {
namespace {

// The failed item as Procore reports it: the input with "errors" added.
Json ItemError(const Json& item, const std::string& field, const std::string& message) {
    Json out = item.is_object() ? item : Json::object();
    out["errors"] = Json{{field, Json::array({message})}};
    return out;
}

// Where an item goes: the project to update (0 to create), or an error.
struct Target {
    RecordId id = 0;
    std::optional<FieldError> error;
};

// Neither id nor origin_id: create. id (with or without origin_id): that project, the only way
// to change an origin_id. origin_id alone: the project holding it, else create.
Target TargetOf(const Company& company, const Json& item) {
    if (const auto it = item.find("id"); it != item.end() && !it->is_null()) {
        const std::optional<Json> id = IntegerValue(*it);
        if (!id || !id->is_number_integer()) {
            return {0, FieldError{422, "id", "must be an integer"}};
        }
        if (!VisibleProject(company, id->get<RecordId>())) {
            return {0, FieldError{404, "id", "Entity with this ID not found"}};
        }
        return {id->get<RecordId>(), std::nullopt};
    }
    const auto origin = item.find("origin_id");
    const std::optional<Json> text = origin == item.end() ? std::nullopt : TextValue(*origin);
    if (!text || !text->is_string() || text->get<std::string>().empty()) return {};
    const RecordId holder = company.projects.ByOrigin(text->get<std::string>());
    if (holder == 0) return {};
    // A project the service account was not added to still holds its origin_id.
    if (!ServiceAccountSees(*company.projects.Find(holder))) {
        return {0, FieldError{409, "origin_id", "has already been taken"}};
    }
    return {holder, std::nullopt};
}

}  // namespace

void SyncProjects(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    std::optional<Json> body;
    if (!AuthorizeProjectCall(s, request, response, caller, &body)) return;
    const auto updates = body->is_object() ? body->find("updates") : body->end();
    if (!body->is_object() || updates == body->end() || !updates->is_array()) {
        return ReplyError(response, 400, "param is missing or the value is empty: updates");
    }
    if (updates->size() > kMaxProjectSyncItems) {
        return ReplyInvalid(response, "updates",
                            "can have at most " + std::to_string(kMaxProjectSyncItems) +
                                " items per call (got " + std::to_string(updates->size()) +
                                "); send them in batches");
    }
    Company& company = *caller.company;
    // Copies: a later item may change (and so re-render) a project an earlier one returned.
    std::vector<std::string> entities;
    entities.reserve(updates->size());
    Json errors = Json::array();
    for (const Json& item : *updates) {
        if (!item.is_object()) {
            errors.push_back(ItemError(item, "base", "each update must be a JSON object"));
            continue;
        }
        Target target = TargetOf(company, item);
        if (target.error) {
            errors.push_back(ItemError(item, target.error->field, target.error->message));
            continue;
        }
        FieldError error;
        const std::optional<Json> fields = ReadProjectFields(
            item, target.id ? ProjectWrite::kSyncUpdate : ProjectWrite::kSyncCreate, error);
        std::optional<FieldError> failed;
        if (!fields) {
            failed = error;
        } else if (target.id) {
            failed = UpdateProject(s, caller, target.id, *fields);
        } else {
            failed = CreateProject(s, caller, *fields, target.id);
        }
        if (failed) {
            errors.push_back(ItemError(item, failed->field, failed->message));
            continue;
        }
        std::string scratch;
        entities.push_back(PublicProjectText(company.projects, target.id, scratch));
    }
    std::vector<const std::string*> items;
    items.reserve(entities.size());
    for (const std::string& text : entities) items.push_back(&text);
    ReplyText(response, 200,
              "{\"entities\":" + JsonArray(items) + ",\"errors\":" + errors.dump() + "}");
}

}  // namespace crewsync::emulator
