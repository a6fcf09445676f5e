// Projects (procore-api.md §8): listed on v1.1 (active and inactive), written on v1.0 with
// the company in the body.
#include <fmt/format.h>

#include "procore/client_fields.hpp"
#include "procore/client_support.hpp"
#include "procore/client_sync.hpp"
#include "procore/directory_json.hpp"
#include "procore/procore_client.hpp"
#include "procore/resource_json.hpp"

namespace crewsync::procore {
namespace {

using internal::CallName;
using internal::CompanyIdText;
using internal::Dump;
using internal::Json;

constexpr int kLookupPerPage = 100;
// The company projects list is one page in Procore's description; should it ever page, this
// is a page size every list endpoint takes.
constexpr int kCountPerPage = 1000;

internal::PageDecoder<RemoteProject> ProjectDecoder() {
    return [](std::string_view body) { return DecodeProjects(body); };
}

// GET /rest/v1.1/projects?company_id=N over active and inactive projects.
ApiRequest ProjectList(const ApiTransport& transport) {
    ApiRequest request;
    request.path = "/rest/v1.1/projects";
    request.query = {{"company_id", CompanyIdText(transport)}, {"filters[by_status]", "All"}};
    return request;
}

Json ProjectBody(const ApiTransport& transport, const ProjectFields& fields) {
    return Json{{"company_id", transport.endpoint().company_id},
                {"project", internal::ProjectObject(fields)}};
}

Result<RemoteProject> CallForProject(ApiTransport& transport, const ApiRequest& request) {
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport.Call(request));
    return internal::DecodeSingle(CallName(request), response.body, ProjectDecoder());
}

}  // namespace

Result<std::vector<RemoteProject>> ProcoreClient::ListProjects(const ListProgress& progress) {
    std::vector<RemoteProject> projects;
    CREWSYNC_TRY(internal::CollectPages(transport_, ProjectList(transport_),
                                        options_.projects_per_page, ProjectDecoder(), progress,
                                        projects));
    return projects;
}

Result<std::int64_t> ProcoreClient::CountCompanyProjects() {
    ApiRequest request;
    request.path = internal::CompanyPath(transport_, "v1.0", "/projects");
    const std::string call = CallName(request);
    std::int64_t count = 0;
    const auto on_page = [&](const Page& page) -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(const Json doc,
                                  internal::ParseAnswer(call, page.response.body));
        if (doc.is_null()) return Ok();
        if (!doc.is_array()) {
            return Fail(internal::NotDocumented(
                call, std::string("expected a JSON array, found ") + doc.type_name()));
        }
        count += static_cast<std::int64_t>(doc.size());
        return Ok();
    };
    CREWSYNC_TRY(ForEachPage(transport_, std::move(request), kCountPerPage, on_page));
    return count;
}

Result<RemoteProject> ProcoreClient::CreateProject(const ProjectFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = "/rest/v1.0/projects";
    request.json_body = Dump(ProjectBody(transport_, fields));
    request.replay = Replay::kCreate;
    if (fields.origin_id && !fields.origin_id->empty()) {
        request.find_created = [this, origin_id = *fields.origin_id]()
            -> Result<std::optional<http::HttpResponse>> {
            ApiRequest lookup = ProjectList(transport_);
            lookup.query.emplace_back("filters[origin_id]", origin_id);
            CREWSYNC_ASSIGN_OR_RETURN(
                std::optional<std::string> text,
                internal::FindRecord(transport_, std::move(lookup), kLookupPerPage, "origin_id",
                                     origin_id));
            if (!text) return std::optional<http::HttpResponse>();
            return std::optional<http::HttpResponse>(internal::FoundResponse(std::move(*text)));
        };
    }
    return CallForProject(transport_, request);
}

Result<RemoteProject> ProcoreClient::UpdateProject(ProcoreId id, const ProjectFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = fmt::format("/rest/v1.0/projects/{}", id);
    request.json_body = Dump(ProjectBody(transport_, fields));
    return CallForProject(transport_, request);
}

Result<SyncResult<RemoteProject>> ProcoreClient::SyncProjects(
    const std::vector<ProjectSyncItem>& items) {
    std::vector<Json> updates;
    updates.reserve(items.size());
    for (const ProjectSyncItem& item : items) {
        Json update = internal::ProjectObject(item.fields);
        if (item.id != 0) update["id"] = item.id;
        updates.push_back(std::move(update));
    }
    internal::SyncCall call;
    call.path = "/rest/v1.0/projects/sync";
    call.envelope = Json{{"company_id", transport_.endpoint().company_id}};
    call.batch = options_.sync_batch;
    return internal::RunSync(transport_, call, updates, ProjectDecoder());
}

}  // namespace crewsync::procore
