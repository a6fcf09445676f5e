// Projects (procore-api.md §8): lists (v1.0, v1.1, the company's simple list), show, create,
// update and sync, plus the emulator's switch for which projects the app's service account
// was added to.
#include "emulator/http_support.hpp"
#include "emulator/project_http.hpp"
#include "emulator/project_query.hpp"
#include "emulator/project_record.hpp"
#include "emulator/project_request.hpp"
#include "emulator/project_sync.hpp"
#include "emulator/project_writes.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

constexpr std::int64_t kDefaultPerPage = 100;
constexpr std::int64_t kMaxPerPageV10 = 1000;  // not documented by Procore: an emulator choice
constexpr std::int64_t kMaxPerPageV11 = 300;
// v1.1 view=ids answers every id in one page, as Procore documents.
constexpr std::int64_t kIdsViewPerPage = 200000;

enum class ListView { kFull, kCompactWithDisplayName, kCompact, kIds };

ListView ViewOf(const httplib::Request& request, bool v11) {
    if (!v11) {
        return Param(request, "serializer_view") == "compact" ? ListView::kCompactWithDisplayName
                                                              : ListView::kFull;
    }
    const std::string view = Param(request, "view");
    if (view == "ids") return ListView::kIds;
    if (view == "compact") return ListView::kCompact;
    return ListView::kFull;  // normal, extended, or anything else
}

void List(Services& s, const httplib::Request& request, httplib::Response& response, bool v11) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!AuthorizeProjectCall(s, request, response, caller)) return;
    PageRequest page;
    if (!ReadPage(request, response, kDefaultPerPage, v11 ? kMaxPerPageV11 : kMaxPerPageV10,
                  page)) {
        return;
    }
    const ListView view = ViewOf(request, v11);
    if (view == ListView::kIds) page.per_page = kIdsViewPerPage;
    ProjectQuery query;
    std::string error;
    if (!ReadProjectQuery(request, query, error)) return ReplyError(response, 400, error);
    const Collection& projects = caller.company->projects;
    const std::vector<RecordId> ids = SelectProjects(projects, query);
    const auto total = static_cast<std::int64_t>(ids.size());
    const std::int64_t first = std::min(total, (page.page - 1) * page.per_page);
    const std::int64_t end = std::min(total, first + page.per_page);
    // Texts made for this page (views, filtered copies) must stay put until it is joined.
    std::vector<std::string> made;
    made.reserve(static_cast<std::size_t>(end - first));
    std::vector<const std::string*> items;
    items.reserve(static_cast<std::size_t>(end - first));
    for (std::int64_t i = first; i < end; ++i) {
        const RecordId id = ids[static_cast<std::size_t>(i)];
        const Json& project = *projects.Find(id);
        switch (view) {
            case ListView::kFull: {
                std::string scratch;
                const std::string& text = PublicProjectText(projects, id, scratch);
                if (&text == &scratch) {
                    made.push_back(std::move(scratch));
                    items.push_back(&made.back());
                } else {
                    items.push_back(&text);
                }
                continue;
            }
            case ListView::kCompactWithDisplayName:
            case ListView::kCompact:
                made.push_back(
                    CompactProjectView(project, view == ListView::kCompactWithDisplayName).dump());
                break;
            case ListView::kIds:
                made.push_back(IdOnlyProjectView(project).dump());
                break;
        }
        items.push_back(&made.back());
    }
    SetPageHeaders(request, response, s.https, total, page);
    ReplyText(response, 200, JsonArray(items));
}

// Every project of the company, those the service account was not added to included: it is
// Procore's company-level list ("Projects associated with a specified Company"), and the only
// way a client can count the projects it cannot see (an emulator choice; see emulator.md).
void CompanyList(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    Json out = Json::array();
    for (const auto& [id, project] : caller.company->projects.All()) {
        out.push_back(CompanyListProjectView(project));
    }
    Reply(response, 200, out);
}

void ReplyProject(httplib::Response& response, int status, const Collection& projects,
                  RecordId id) {
    std::string scratch;
    ReplyText(response, status, PublicProjectText(projects, id, scratch));
}

void ReplyNotFound(httplib::Response& response, const std::string& id) {
    ReplyError(response, 404, "Project " + id + " not found");
}

void Show(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!AuthorizeProjectCall(s, request, response, caller)) return;
    const RecordId id = IdParam(request.matches[1]);
    const Json* project = VisibleProject(*caller.company, id);
    if (!project) return ReplyNotFound(response, request.matches[1]);
    if (Param(request, "view") == "minimal") {
        return Reply(response, 200, MinimalProjectView(*project));
    }
    ReplyProject(response, 200, caller.company->projects, id);
}

void Create(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    std::optional<Json> body;
    if (!AuthorizeProjectCall(s, request, response, caller, &body)) return;
    const Json* project = ResourceOf(*body, "project", response);
    if (!project) return;
    FieldError error;
    const std::optional<Json> fields = ReadProjectFields(*project, ProjectWrite::kCreate, error);
    if (!fields) return ReplyFieldError(response, error);
    RecordId id = 0;
    if (const auto failed = CreateProject(s, caller, *fields, id)) {
        return ReplyFieldError(response, *failed);
    }
    ReplyProject(response, 201, caller.company->projects, id);
}

void Update(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    std::optional<Json> body;
    if (!AuthorizeProjectCall(s, request, response, caller, &body)) return;
    const RecordId id = IdParam(request.matches[1]);
    if (!VisibleProject(*caller.company, id)) return ReplyNotFound(response, request.matches[1]);
    const Json* project = ResourceOf(*body, "project", response);
    if (!project) return;
    FieldError error;
    const std::optional<Json> fields = ReadProjectFields(*project, ProjectWrite::kUpdate, error);
    if (!fields) return ReplyFieldError(response, error);
    if (const auto failed = UpdateProject(s, caller, id, *fields)) {
        return ReplyFieldError(response, *failed);
    }
    ReplyProject(response, 200, caller.company->projects, id);
}

// PUT /__emulator/projects/{id}/service_account {"member": false}: whether the app's service
// account was added to the project (a DMSA sees only those, §2.4). Not Procore's API: no token,
// no change event.
void SetServiceAccount(Services& s, const httplib::Request& request,
                       httplib::Response& response) {
    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return ReplyError(response, 400, error);
    const auto member_field = body->is_object() ? body->find("member") : body->end();
    const std::optional<bool> member =
        body->is_object() && member_field != body->end() ? BooleanValue(*member_field)
                                                         : std::nullopt;
    if (!member) return ReplyInvalid(response, "member", "must be true or false");
    std::lock_guard lock(s.state.mutex);
    const RecordId id = IdParam(request.matches[1]);
    for (auto& [company_id, company] : s.state.Companies()) {
        if (!company.projects.Find(id)) continue;
        SetServiceAccountMember(*company.projects.FindMutable(id), *member);
        company.projects.Touched(id);
        return Reply(response, 200,
                     Json{{"id", id}, {"company_id", company_id}, {"member", *member}});
    }
    ReplyNotFound(response, request.matches[1]);
}

}  // namespace

void AddProjectRoutes(httplib::Server& server, Services& s) {
    server.Get(R"(/rest/v1\.0/projects)",
               [&s](const auto& req, auto& res) { List(s, req, res, false); });
    server.Get(R"(/rest/v1\.1/projects)",
               [&s](const auto& req, auto& res) { List(s, req, res, true); });
    server.Get(R"(/rest/v1\.0/companies/(\d+)/projects)",
               [&s](const auto& req, auto& res) { CompanyList(s, req, res); });
    server.Get(R"(/rest/v1\.0/projects/(\d+))",
               [&s](const auto& req, auto& res) { Show(s, req, res); });
    server.Post(R"(/rest/v1\.0/projects)",
                [&s](const auto& req, auto& res) { Create(s, req, res); });
    server.Patch(R"(/rest/v1\.0/projects/sync)",
                 [&s](const auto& req, auto& res) { SyncProjects(s, req, res); });
    server.Patch(R"(/rest/v1\.0/projects/(\d+))",
                 [&s](const auto& req, auto& res) { Update(s, req, res); });
    server.Put(R"(/__emulator/projects/(\d+)/service_account)",
               [&s](const auto& req, auto& res) { SetServiceAccount(s, req, res); });
}

}  // namespace crewsync::emulator
