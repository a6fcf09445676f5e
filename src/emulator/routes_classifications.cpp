// Company work classifications (procore-api.md §9.1) and permission templates (§11).
#include "emulator/classification_record.hpp"
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"
#include "emulator/timecard_request.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kResource = "Work Classifications";

// Collection offers no removal; classifications are few, so rebuilding is cheap.
void RemoveRecord(Collection& collection, RecordId id, const std::string& unique_field) {
    Collection kept(unique_field);
    for (const auto& [other, record] : collection.All()) {
        if (other != id) kept.Put(record);
    }
    collection = std::move(kept);
}

void ListClassifications(Services& s, const httplib::Request& request,
                         httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PageRequest page;
    if (!ReadPage(request, response, 100, 1000, page)) return;
    std::string view = Param(request, "serializer_view");
    if (view.empty()) view = "normal";
    if (!IsWorkClassificationView(view)) {
        return ReplyError(response, 400,
                          "serializer_view must be one of compact, extended, ids_only, normal");
    }
    const Collection& all = caller.company->work_classifications;
    const auto total = static_cast<std::int64_t>(all.size());
    const std::int64_t first = PageStart(page, total);
    std::vector<const std::string*> full;
    Json trimmed = Json::array();
    std::int64_t index = 0;
    for (const auto& [id, record] : all.All()) {
        if (index >= first && index < first + page.per_page) {
            if (view == "normal" || view == "extended") {
                full.push_back(&all.Rendered(id));
            } else {
                trimmed.push_back(WorkClassificationView(record, view));
            }
        }
        ++index;
    }
    SetPageHeaders(request, response, s.https, total, page);
    if (view == "normal" || view == "extended") return ReplyText(response, 200, JsonArray(full));
    Reply(response, 200, trimmed);
}

void CreateClassification(Services& s, const httplib::Request& request,
                          httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "work_classification", body, fields)) return;
    Company& company = *caller.company;
    Json record = {{"id", s.state.NextId()}};
    const Json errors =
        ApplyWorkClassification(company, fields, caller.user_id, s.clock.Now(), record);
    if (!errors.empty()) return Reply(response, 422, Json{{"errors", errors}});
    const RecordId id = record["id"].get<RecordId>();
    company.work_classifications.Put(std::move(record));
    s.Changed(caller, kResource, "create", id);
    ReplyText(response, 201, company.work_classifications.Rendered(id));
}

// The classification the path names, or null with 404 sent.
const Json* FindClassification(const Caller& caller, const httplib::Request& request,
                               httplib::Response& response) {
    const RecordId id = IdParam(request.matches[2]);
    const Json* record = id ? caller.company->work_classifications.Find(id) : nullptr;
    if (!record) {
        ReplyError(response, 404,
                   "Work classification " + std::string(request.matches[2]) + " not found");
    }
    return record;
}

void ShowClassification(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    const Json* record = FindClassification(caller, request, response);
    if (!record) return;
    ReplyText(response, 200,
              caller.company->work_classifications.Rendered(record->at("id").get<RecordId>()));
}

void UpdateClassification(Services& s, const httplib::Request& request,
                          httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    const Json* found = FindClassification(caller, request, response);
    if (!found) return;
    Json body;
    Json fields;
    if (!ReadWrappedBody(request, response, "work_classification", body, fields)) return;
    Company& company = *caller.company;
    const RecordId id = found->at("id").get<RecordId>();
    Json record = *found;
    const Json errors =
        ApplyWorkClassification(company, fields, caller.user_id, s.clock.Now(), record);
    if (!errors.empty()) return Reply(response, 422, Json{{"errors", errors}});
    company.work_classifications.Put(std::move(record));
    s.Changed(caller, kResource, "update", id);
    ReplyText(response, 200, company.work_classifications.Rendered(id));
}

// Procore answers 200 with the deleted classification (its OAS), so the emulator does too.
void DeleteClassification(Services& s, const httplib::Request& request,
                          httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    const Json* found = FindClassification(caller, request, response);
    if (!found) return;
    const Json deleted = *found;
    const RecordId id = deleted["id"].get<RecordId>();
    RemoveRecord(caller.company->work_classifications, id, "name");
    s.Changed(caller, kResource, "delete", id);
    Reply(response, 200, deleted);
}

// filters[type] → whether a template of `type` is listed. Procore's project-tools templates
// are "global" (every project) or "project_specific".
bool TemplateMatches(const std::string& filter, const std::string& type) {
    if (filter == "project_tools") return type == "global" || type == "project_specific";
    return type == filter;
}

void ListPermissionTemplates(Services& s, const httplib::Request& request,
                             httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    std::string filter = Param(request, "filters[type]");
    if (filter.empty()) filter = "project_tools";
    if (filter != "project_tools" && filter != "company_tools" && filter != "global") {
        return ReplyError(response, 400,
                          "filters[type] must be one of project_tools, company_tools, global");
    }
    const Collection& templates = caller.company->permission_templates;
    std::vector<const std::string*> listed;
    for (const auto& [id, record] : templates.All()) {
        if (TemplateMatches(filter, record.value("type", ""))) {
            listed.push_back(&templates.Rendered(id));
        }
    }
    ReplyText(response, 200, JsonArray(listed));
}

void ShowPermissionTemplate(Services& s, const httplib::Request& request,
                            httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    const RecordId id = IdParam(request.matches[2]);
    const Collection& templates = caller.company->permission_templates;
    if (!id || !templates.Find(id)) {
        return ReplyError(response, 404,
                          "Permission template " + std::string(request.matches[2]) + " not found");
    }
    ReplyText(response, 200, templates.Rendered(id));
}

}  // namespace

void AddClassificationRoutes(httplib::Server& server, Services& s) {
    const std::string list = R"(/rest/v1\.0/companies/(\d+)/work_classifications)";
    const std::string one = list + R"(/(\d+))";
    server.Get(list, [&s](const auto& req, auto& res) { ListClassifications(s, req, res); });
    server.Post(list, [&s](const auto& req, auto& res) { CreateClassification(s, req, res); });
    server.Get(one, [&s](const auto& req, auto& res) { ShowClassification(s, req, res); });
    server.Patch(one, [&s](const auto& req, auto& res) { UpdateClassification(s, req, res); });
    server.Delete(one, [&s](const auto& req, auto& res) { DeleteClassification(s, req, res); });

    const std::string templates = R"(/rest/v1\.0/companies/(\d+)/permission_templates)";
    server.Get(templates,
               [&s](const auto& req, auto& res) { ListPermissionTemplates(s, req, res); });
    server.Get(templates + R"(/(\d+))",
               [&s](const auto& req, auto& res) { ShowPermissionTemplate(s, req, res); });
}

}  // namespace crewsync::emulator
