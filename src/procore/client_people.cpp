// Company Directory contacts through the People API (procore-api.md §7): people without a
// login. Users are people too; they are read from the users list instead.
#include <fmt/format.h>

#include "procore/client_fields.hpp"
#include "procore/client_support.hpp"
#include "procore/directory_json.hpp"
#include "procore/procore_client.hpp"

namespace crewsync::procore {
namespace {

using internal::CallName;
using internal::CompanyPath;
using internal::Dump;
using internal::Json;

constexpr int kLookupPerPage = 100;

internal::PageDecoder<RemoteContact> ContactDecoder() {
    return [](std::string_view body) { return DecodeContacts(body); };
}

std::vector<std::string> PeopleLists(const ApiTransport& transport) {
    return {CompanyPath(transport, "v1.0", "/people"),
            CompanyPath(transport, "v1.0", "/people/inactive")};
}

// The contact holding `origin_id`, as Procore's JSON. Procore documents no origin_id filter on
// people, so the people whose name holds the last name are searched for it.
Result<std::optional<std::string>> FindContactText(ApiTransport& transport,
                                                   const std::string& origin_id,
                                                   const std::string& last_name) {
    for (const std::string& path : PeopleLists(transport)) {
        ApiRequest request;
        request.path = path;
        request.query = {{"filters[search]", last_name}};
        CREWSYNC_ASSIGN_OR_RETURN(
            std::optional<std::string> found,
            internal::FindRecord(transport, std::move(request), kLookupPerPage, "origin_id",
                                 origin_id));
        if (found) return found;
    }
    return std::optional<std::string>();
}

Result<RemoteContact> CallForContact(ApiTransport& transport, const ApiRequest& request) {
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport.Call(request));
    return internal::DecodeSingle(CallName(request), response.body, ContactDecoder());
}

}  // namespace

Result<std::vector<RemoteContact>> ProcoreClient::ListContacts(const ListProgress& progress) {
    std::vector<RemoteContact> contacts;
    for (const std::string& path : PeopleLists(transport_)) {
        ApiRequest request;
        request.path = path;
        // Contacts only: a large Directory is mostly users, which the users list brings.
        // DecodeContacts still skips any user that comes along.
        request.query = {{"filters[reference_users_only]", "true"}};
        CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request),
                                            options_.people_per_page, ContactDecoder(), progress,
                                            contacts));
    }
    return contacts;
}

Result<RemoteContact> ProcoreClient::CreateContact(const PersonFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = CompanyPath(transport_, "v1.0", "/people");
    request.json_body = Dump(Json{{"person", internal::PersonObject(fields)}});
    request.replay = Replay::kCreate;
    // Without a last name the create is refused, so there is nothing to look for.
    if (fields.origin_id && !fields.origin_id->empty() && fields.last_name &&
        !fields.last_name->empty()) {
        request.find_created = [this, origin_id = *fields.origin_id,
                                last_name = *fields.last_name]()
            -> Result<std::optional<http::HttpResponse>> {
            CREWSYNC_ASSIGN_OR_RETURN(std::optional<std::string> text,
                                      FindContactText(transport_, origin_id, last_name));
            if (!text) return std::optional<http::HttpResponse>();
            return std::optional<http::HttpResponse>(internal::FoundResponse(std::move(*text)));
        };
    }
    return CallForContact(transport_, request);
}

Result<RemoteContact> ProcoreClient::UpdateContact(ProcoreId id, const PersonFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = CompanyPath(transport_, "v1.0", fmt::format("/people/{}", id));
    request.json_body = Dump(Json{{"person", internal::PersonObject(fields)}});
    return CallForContact(transport_, request);
}

}  // namespace crewsync::procore
