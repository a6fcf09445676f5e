// GET and PUT /__emulator/permissions: what an application's service account may do in each
// tool (not Procore's API; in Procore a company admin edits the account's permission template).
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

// The application `client_id` names, or the first one (by client id) when it is empty: the
// emulator usually has only the seeded one. Null with 404 sent when there is none.
OAuthClient* FindClient(State& state, const std::string& client_id,
                        httplib::Response& response) {
    auto& clients = state.Clients();
    const auto it = client_id.empty() ? clients.begin() : clients.find(client_id);
    if (it == clients.end()) {
        ReplyError(response, 404,
                   client_id.empty() ? "No application is registered"
                                     : "Application " + client_id + " not found");
        return nullptr;
    }
    return &it->second;
}

void ReplyPermissions(httplib::Response& response, const OAuthClient& client) {
    Json body = PermissionsToJson(client.permissions);
    body["client_id"] = client.client_id;
    Reply(response, 200, body);
}

void GetPermissions(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    if (const OAuthClient* client = FindClient(s.state, Param(request, "client_id"), response)) {
        ReplyPermissions(response, *client);
    }
}

// Only the tools the body names change; an error changes nothing.
void PutPermissions(Services& s, const httplib::Request& request, httplib::Response& response) {
    Json body;
    if (!ReadObjectBody(request, response, body)) return;
    std::string client_id;
    if (const auto it = body.find("client_id"); it != body.end()) {
        if (!it->is_string()) return ReplyInvalid(response, "client_id", "must be a string");
        client_id = it->get<std::string>();
        body.erase(it);
    }
    std::lock_guard lock(s.state.mutex);
    OAuthClient* client = FindClient(s.state, client_id, response);
    if (!client) return;
    std::string field;
    std::string message;
    if (!SetPermissions(body, client->permissions, field, message)) {
        return ReplyInvalid(response, field, message);
    }
    ReplyPermissions(response, *client);
}

}  // namespace

void AddPermissionRoutes(httplib::Server& server, Services& s) {
    server.Get("/__emulator/permissions",
               [&s](const auto& req, auto& res) { GetPermissions(s, req, res); });
    server.Put("/__emulator/permissions",
               [&s](const auto& req, auto& res) { PutPermissions(s, req, res); });
}

}  // namespace crewsync::emulator
