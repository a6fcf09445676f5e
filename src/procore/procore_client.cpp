// The client's identity calls; each resource has its own client_*.cpp file.
#include "procore/procore_client.hpp"

#include "procore/client_support.hpp"
#include "procore/resource_json.hpp"

namespace crewsync::procore {
namespace {

// Procore's default page for the companies list; an app is installed in a handful.
constexpr int kCompaniesPerPage = 100;

}  // namespace

using internal::CallName;

ProcoreClient::ProcoreClient(ApiTransport& transport, ClientOptions options)
    : transport_(transport), options_(options) {}

Result<Me> ProcoreClient::GetMe() {
    ApiRequest request;
    request.path = "/rest/v1.0/me";
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport_.Call(request));
    return internal::DecodeObject(CallName(request), response.body, internal::ReadMe);
}

Result<std::vector<CompanySummary>> ProcoreClient::ListCompanies() {
    ApiRequest request;
    request.path = "/rest/v1.0/companies";
    const std::string call = CallName(request);
    std::vector<CompanySummary> companies;
    const internal::PageDecoder<CompanySummary> decode = [&](std::string_view body) {
        return internal::DecodeArray(call, body, internal::ReadCompany);
    };
    CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request), kCompaniesPerPage, decode,
                                        {}, companies));
    return companies;
}

}  // namespace crewsync::procore
