// Company Directory users (procore-api.md §6): v1.3, except the inactive list and
// reactivation, which Procore has only on v1.0.
#include <fmt/format.h>

#include "procore/client_fields.hpp"
#include "procore/client_support.hpp"
#include "procore/client_sync.hpp"
#include "procore/directory_json.hpp"
#include "procore/procore_client.hpp"

namespace crewsync::procore {
namespace {

using internal::CallName;
using internal::CompanyPath;
using internal::Dump;
using internal::Json;

// A lookup by origin_id finds one user at most.
constexpr int kLookupPerPage = 100;

internal::PageDecoder<RemoteUser> UserDecoder() {
    return [](std::string_view body) { return DecodeUsers(body); };
}

std::string UserPath(const ApiTransport& transport, ProcoreId id, std::string_view rest = "") {
    return CompanyPath(transport, "v1.3", fmt::format("/users/{}{}", id, rest));
}

// The user holding `origin_id`, active or not, as Procore's JSON.
Result<std::optional<std::string>> FindUserText(ApiTransport& transport,
                                                const std::string& origin_id) {
    for (const std::string& path : {CompanyPath(transport, "v1.3", "/users"),
                                    CompanyPath(transport, "v1.0", "/users/inactive")}) {
        ApiRequest request;
        request.path = path;
        request.query = {{"filters[origin_id]", origin_id}};
        CREWSYNC_ASSIGN_OR_RETURN(
            std::optional<std::string> found,
            internal::FindRecord(transport, std::move(request), kLookupPerPage, "origin_id",
                                 origin_id));
        if (found) return found;
    }
    return std::optional<std::string>();
}

Result<RemoteUser> CallForUser(ApiTransport& transport, const ApiRequest& request) {
    CREWSYNC_ASSIGN_OR_RETURN(const http::HttpResponse response, transport.Call(request));
    return internal::DecodeSingle(CallName(request), response.body, UserDecoder());
}

}  // namespace

Result<std::vector<RemoteUser>> ProcoreClient::ListUsers(const ListProgress& progress) {
    ApiRequest request;
    request.path = CompanyPath(transport_, "v1.3", "/users");
    std::vector<RemoteUser> users;
    CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request), options_.users_per_page,
                                        UserDecoder(), progress, users));
    return users;
}

Result<std::vector<RemoteUser>> ProcoreClient::ListInactiveUsers(const ListProgress& progress) {
    ApiRequest request;
    request.path = CompanyPath(transport_, "v1.0", "/users/inactive");
    std::vector<RemoteUser> users;
    CREWSYNC_TRY(internal::CollectPages(transport_, std::move(request), options_.users_per_page,
                                        UserDecoder(), progress, users));
    return users;
}

Result<RemoteUser> ProcoreClient::GetUser(ProcoreId id) {
    ApiRequest request;
    request.path = UserPath(transport_, id);
    return CallForUser(transport_, request);
}

Result<std::optional<RemoteUser>> ProcoreClient::FindUserByOriginId(
    const std::string& origin_id) {
    if (origin_id.empty()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "a user cannot be looked up by an empty origin_id");
    }
    CREWSYNC_ASSIGN_OR_RETURN(const std::optional<std::string> text,
                              FindUserText(transport_, origin_id));
    if (!text) return std::optional<RemoteUser>();
    const std::string call = "GET " + CompanyPath(transport_, "v1.3", "/users");
    CREWSYNC_ASSIGN_OR_RETURN(RemoteUser user,
                              internal::DecodeSingle(call, *text, UserDecoder()));
    return std::optional<RemoteUser>(std::move(user));
}

Result<RemoteUser> ProcoreClient::CreateUser(const UserFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPost;
    request.path = CompanyPath(transport_, "v1.3", "/users");
    request.json_body = Dump(Json{{"user", internal::UserObject(fields)}});
    request.replay = Replay::kCreate;
    if (fields.origin_id && !fields.origin_id->empty()) {
        request.find_created = [this, origin_id = *fields.origin_id]()
            -> Result<std::optional<http::HttpResponse>> {
            CREWSYNC_ASSIGN_OR_RETURN(std::optional<std::string> text,
                                      FindUserText(transport_, origin_id));
            if (!text) return std::optional<http::HttpResponse>();
            return std::optional<http::HttpResponse>(internal::FoundResponse(std::move(*text)));
        };
    }
    return CallForUser(transport_, request);
}

Result<RemoteUser> ProcoreClient::UpdateUser(ProcoreId id, const UserFields& fields) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = UserPath(transport_, id);
    request.json_body = Dump(Json{{"user", internal::UserObject(fields)}});
    return CallForUser(transport_, request);
}

Result<SyncResult<RemoteUser>> ProcoreClient::SyncUsers(const std::vector<UserSyncItem>& items) {
    std::vector<Json> updates;
    updates.reserve(items.size());
    for (const UserSyncItem& item : items) {
        Json update = internal::UserObject(item.fields);
        if (item.id != 0) update["id"] = item.id;
        updates.push_back(std::move(update));
    }
    internal::SyncCall call;
    call.path = CompanyPath(transport_, "v1.3", "/users/sync");
    call.batch = options_.sync_batch;
    return internal::RunSync(transport_, call, updates, UserDecoder());
}

Result<RemoteUser> ProcoreClient::ReactivateUser(ProcoreId id) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = CompanyPath(transport_, "v1.0", fmt::format("/users/inactive/{}", id));
    const TransportStats before = transport_.stats();
    Result<RemoteUser> reactivated = CallForUser(transport_, request);
    if (reactivated || reactivated.error().code() != ErrorCode::kNotFound ||
        !internal::ResentAfterFailure(before, transport_.stats())) {
        return reactivated;
    }
    // "Not inactive" after an attempt that went unanswered: that attempt may have done it.
    Result<RemoteUser> user = GetUser(id);
    if (user && user->active) return user;
    return reactivated;
}

Status ProcoreClient::InviteUser(ProcoreId id) {
    ApiRequest request;
    request.method = http::Method::kPatch;
    request.path = UserPath(transport_, id, "/invite");
    // Each attempt that arrives sends an e-mail, and nothing shows whether one did.
    request.replay = Replay::kCreate;
    CREWSYNC_TRY(transport_.Call(request));
    return Ok();
}

}  // namespace crewsync::procore
