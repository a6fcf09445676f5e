// Work classifications and permission templates (procore-api.md §9.1, §11): the company's
// short catalogues that users and people refer to.
#include <set>

#include "procore/client_support.hpp"
#include "procore/procore_client.hpp"
#include "procore/resource_json.hpp"

namespace crewsync::procore {
namespace {

using internal::CallName;
using internal::CompanyPath;
using internal::Json;

// A company has dozens of classifications, not thousands.
constexpr int kCatalogPerPage = 100;

}  // namespace

Result<std::vector<RemoteClassification>> ProcoreClient::ListClassifications() {
    ApiRequest request;
    request.path = CompanyPath(transport_, "v1.0", "/work_classifications");
    const std::string call = CallName(request);
    const internal::PageDecoder<RemoteClassification> decode = [&](std::string_view body) {
        return internal::DecodeArray(call, body, internal::ReadClassification);
    };
    std::vector<RemoteClassification> classifications;
    CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request), kCatalogPerPage, decode,
                                        {}, classifications));
    return classifications;
}

Result<RemoteClassification> ProcoreClient::CreateClassification(
    const std::string& name, const std::string& abbreviation) {
    Json fields = {{"name", name}};
    if (!abbreviation.empty()) fields["abbreviation"] = abbreviation;
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = CompanyPath(transport_, "v1.0", "/work_classifications");
    request.json_body = internal::Dump(Json{{"work_classification", fields}});
    request.replay = Replay::kCreate;
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
    return internal::DecodeObject(CallName(request), response.body,
                                  internal::ReadClassification);
}

Result<std::vector<PermissionTemplate>> ProcoreClient::ListPermissionTemplates() {
    // The default type (project_tools) leaves out the company-tools templates that
    // company_permission_template_id names, so both are asked for.
    std::vector<PermissionTemplate> templates;
    std::set<ProcoreId> seen;
    for (const char* type : {"project_tools", "company_tools"}) {
        ApiRequest request;
        request.path = CompanyPath(transport_, "v1.0", "/permission_templates");
        request.query = {{"filters[type]", type}};
        CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
        CREWSYNC_ASSIGN_OR_RETURN(
            std::vector<PermissionTemplate> some,
            internal::DecodeArray(CallName(request), response.body,
                                  internal::ReadPermissionTemplate));
        for (PermissionTemplate& t : some) {
            if (seen.insert(t.id).second) templates.push_back(std::move(t));
        }
    }
    return templates;
}

}  // namespace crewsync::procore
