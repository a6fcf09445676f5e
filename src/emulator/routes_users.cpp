// Company users (procore-api.md §6): list, show, create, update, sync, inactive list,
// reactivate and invite, for v1.0–v1.3 (one representation for all: the v1.3 one). Users are
// never deleted, only deactivated.
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"
#include "emulator/users_query.hpp"
#include "emulator/users_writes.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kResource = "Company Users";
constexpr std::int64_t kDefaultPerPage = 100;
// Procore does not document a maximum for this endpoint; the emulator caps pages at 1000.
constexpr std::int64_t kMaxPerPage = 1000;
// The documented sync batch limit (§6.4).
constexpr std::size_t kMaxSyncItems = 1000;

// Handlers run with the state locked and the caller authorized for the path's company.
using Handler = void (*)(Services&, const httplib::Request&, httplib::Response&, Caller&);

// Path patterns; group 1 is the minor version where the path has one.
constexpr const char* kUsers = R"(/rest/v1\.([0-3])/companies/(\d+)/users)";
constexpr const char* kUser = R"(/rest/v1\.([0-3])/companies/(\d+)/users/(\d+))";
constexpr const char* kSync = R"(/rest/v1\.([0-3])/companies/(\d+)/users/sync)";
constexpr const char* kInvite = R"(/rest/v1\.([0-3])/companies/(\d+)/users/(\d+)/invite)";
constexpr const char* kInactive = R"(/rest/v1\.0/companies/(\d+)/users/inactive)";
constexpr const char* kInactiveUser = R"(/rest/v1\.0/companies/(\d+)/users/inactive/(\d+))";

std::string Group(const httplib::Request& request, std::size_t group) {
    return request.matches[static_cast<int>(group)].str();
}

// A page of the users selected as Procore lists them (v1.3 view=ids_only: ids alone).
void ReplyPage(Services& s, const httplib::Request& request, httplib::Response& response,
               const Collection& users, const UserSelection& selection, const PageRequest& page,
               bool ids_only) {
    const std::vector<RecordId>& ids = *selection.ids;
    const auto total = static_cast<std::int64_t>(ids.size());
    // page * per_page could overflow for absurd pages; those are past the end anyway.
    const std::int64_t begin = page.page - 1 >= (total + page.per_page - 1) / page.per_page
                                   ? total
                                   : (page.page - 1) * page.per_page;
    const std::int64_t end = std::min(total, begin + page.per_page);
    SetPageHeaders(request, response, s.https, total, page);
    if (ids_only) {
        Json out = Json::array();
        for (std::int64_t i = begin; i < end; ++i) {
            out.push_back({{"id", ids[static_cast<std::size_t>(i)]}});
        }
        return Reply(response, 200, out);
    }
    const auto render = [&] {
        std::vector<const std::string*> items;
        items.reserve(static_cast<std::size_t>(end - begin));
        for (std::int64_t i = begin; i < end; ++i) {
            items.push_back(&users.Rendered(ids[static_cast<std::size_t>(i)]));
        }
        return JsonArray(items);
    };
    if (selection.list_name.empty()) return ReplyText(response, 200, render());
    const std::string key = selection.list_name + "[" + std::to_string(begin) + "," +
                            std::to_string(end) + ")";
    ReplyShared(response, 200, users.Cached(key, render));
}

void ListUsers(Services& s, const httplib::Request& request, httplib::Response& response,
               Caller& caller) {
    PageRequest page;
    if (!ReadPage(request, response, kDefaultPerPage, kMaxPerPage, page)) return;
    UserQuery query;
    std::string error;
    if (!ReadUserQuery(
            request,
            {"name", "vendor_name", "permission_template", "full_name", "email", "job_title"},
            query, error)) {
        return ReplyError(response, 400, error);
    }
    // `view` arrived with v1.3; an unknown view is the normal one, as Procore documents.
    const bool ids_only = Group(request, 1) == "3" && Param(request, "view") == "ids_only";
    const Collection& users = caller.company->users;
    ReplyPage(s, request, response, users, SelectUsers(users, query, true), page, ids_only);
}

void ListInactiveUsers(Services& s, const httplib::Request& request, httplib::Response& response,
                       Caller& caller) {
    PageRequest page;
    if (!ReadPage(request, response, kDefaultPerPage, kMaxPerPage, page)) return;
    UserQuery query;
    std::string error;
    if (!ReadUserQuery(request, {"name"}, query, error)) return ReplyError(response, 400, error);
    const Collection& users = caller.company->users;
    ReplyPage(s, request, response, users, SelectUsers(users, query, false), page, false);
}

void ShowUser(Services&, const httplib::Request& request, httplib::Response& response,
              Caller& caller) {
    const RecordId id = IdParam(Group(request, 3));
    const Collection& users = caller.company->users;
    if (!users.Find(id)) {
        return ReplyError(response, 404, "User " + Group(request, 3) + " not found");
    }
    ReplyText(response, 200, users.Rendered(id));
}

// The result of a single-user write as its HTTP reply.
void ReplyWrite(Services& s, const Caller& caller, httplib::Response& response,
                const UserWriteResult& result, int success_status) {
    switch (result.status) {
        case UserWriteStatus::kDone: break;
        case UserWriteStatus::kInvalid:
            return Reply(response, 422, Json{{"errors", result.errors}});
        case UserWriteStatus::kConflict:
            return Reply(response, 409,
                         Json{{"message", result.message}, {"errors", result.errors}});
        case UserWriteStatus::kNotFound: return ReplyError(response, 404, result.message);
    }
    if (result.changed) {
        s.Changed(caller, kResource, result.created ? "create" : "update", result.id);
    }
    ReplyText(response, success_status, caller.company->users.Rendered(result.id));
}

// The `user` object of a create or update body; false with a 400 sent when there is none.
bool ReadUserObject(const httplib::Request& request, httplib::Response& response, Json& user) {
    std::string error;
    std::optional<Json> body = ParseBody(request, error);
    if (!body) {
        ReplyError(response, 400, error);
        return false;
    }
    const auto it = body->is_object() ? body->find("user") : body->end();
    if (it == body->end() || !it->is_object()) {
        ReplyError(response, 400,
                   "param is missing or the value is empty: user (send {\"user\": {...}} or "
                   "user[field] form fields)");
        return false;
    }
    user = std::move(*it);
    return true;
}

void CreateUserRoute(Services& s, const httplib::Request& request, httplib::Response& response,
                     Caller& caller) {
    Json user;
    if (!ReadUserObject(request, response, user)) return;
    ReplyWrite(s, caller, response, CreateUser(s.state, *caller.company, user, s.clock.Now()), 201);
}

void UpdateUserRoute(Services& s, const httplib::Request& request, httplib::Response& response,
                     Caller& caller) {
    const RecordId id = IdParam(Group(request, 3));
    if (!caller.company->users.Find(id)) {
        return ReplyError(response, 404, "User " + Group(request, 3) + " not found");
    }
    Json user;
    if (!ReadUserObject(request, response, user)) return;
    ReplyWrite(s, caller, response,
               UpdateUser(*caller.company, id, user, s.clock.Now(), Reactivation::kRefused), 200);
}

void ReactivateUserRoute(Services& s, const httplib::Request& request, httplib::Response& response,
                         Caller& caller) {
    const RecordId id = IdParam(Group(request, 2));
    ReplyWrite(s, caller, response, ReactivateUser(*caller.company, id, s.clock.Now()), 200);
}

void InviteUserRoute(Services& s, const httplib::Request& request, httplib::Response& response,
                     Caller& caller) {
    const RecordId id = IdParam(Group(request, 3));
    const UserWriteResult result = InviteUser(*caller.company, id, s.clock.Now());
    if (result.status != UserWriteStatus::kDone) return ReplyError(response, 404, result.message);
    s.Changed(caller, kResource, "update", id);
    const Json* user = caller.company->users.Find(id);
    Reply(response, 202,
          Json{{"id", id},
               {"invited", true},
               {"welcome_email_sent_at", user->at("welcome_email_sent_at")}});
}

// A sync item's origin_id as stored (numbers become text, as for create); "" for none.
std::string OriginText(const Json& item) {
    const auto it = item.find("origin_id");
    if (it == item.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    return it->is_number() ? it->dump() : "";
}

// One sync item (§6.4): matched by id, else by origin_id, else created.
UserWriteResult SyncItem(Services& s, Company& company, const Json& item) {
    const Timestamp now = s.clock.Now();
    if (!item.is_object()) {
        UserWriteResult result;
        result.status = UserWriteStatus::kInvalid;
        result.errors = {{"base", Json::array({"each update must be a JSON object"})}};
        return result;
    }
    if (const auto id = item.find("id"); id != item.end() && !id->is_null()) {
        RecordId user_id = 0;
        if (id->is_number_integer()) {
            user_id = id->get<RecordId>();
        } else if (id->is_string()) {
            user_id = IdParam(id->get<std::string>());
        }
        if (user_id <= 0 || !company.users.Find(user_id)) {
            UserWriteResult result;
            result.status = UserWriteStatus::kNotFound;
            result.errors = {{"id", Json::array({"Entity with this ID not found"})}};
            return result;
        }
        return UpdateUser(company, user_id, item, now, Reactivation::kAllowed);
    }
    if (const std::string origin = OriginText(item); !origin.empty()) {
        if (const RecordId user_id = company.users.ByOrigin(origin)) {
            return UpdateUser(company, user_id, item, now, Reactivation::kAllowed);
        }
    }
    return CreateUser(s.state, company, item, now);
}

void SyncUsers(Services& s, const httplib::Request& request, httplib::Response& response,
               Caller& caller) {
    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return ReplyError(response, 400, error);
    const auto updates = body->is_object() ? body->find("updates") : body->end();
    if (updates == body->end() || !updates->is_array()) {
        return ReplyError(response, 400,
                          "param is missing or the value is empty: updates (send "
                          "{\"updates\": [...]} as JSON)");
    }
    if (updates->size() > kMaxSyncItems) {
        return ReplyInvalid(response, "updates",
                            "has " + std::to_string(updates->size()) +
                                " items; a sync takes at most 1000 per call");
    }
    // Entities are copied as they stand after their own item: a later item may change them.
    std::string entities;
    Json errors = Json::array();
    for (const Json& item : *updates) {
        const UserWriteResult result = SyncItem(s, *caller.company, item);
        if (result.status != UserWriteStatus::kDone) {
            Json failed = item.is_object() ? item : Json{{"update", item}};
            failed["errors"] = result.errors;
            errors.push_back(std::move(failed));
            continue;
        }
        if (result.changed) {
            s.Changed(caller, kResource, result.created ? "create" : "update", result.id);
        }
        entities += (entities.empty() ? "" : ",") + caller.company->users.Rendered(result.id);
    }
    // Failed items echo their input, which a form body may have filled with any bytes.
    ReplyText(response, 200,
              "{\"entities\":[" + entities + "],\"errors\":" +
                  errors.dump(-1, ' ', false, Json::error_handler_t::replace) + "}");
}

void RefuseDelete(Services&, const httplib::Request&, httplib::Response& response, Caller&) {
    response.set_header("Allow", "GET, PATCH");
    ReplyError(response, 405,
               "Company users cannot be deleted: deactivate them with PATCH "
               "{\"user\": {\"is_active\": false}}");
}

}  // namespace

void AddUserRoutes(httplib::Server& server, Services& s) {
    // `company_group`: the path group holding {company_id}.
    const auto route = [&s](int company_group, Handler handler) {
        return [&s, company_group, handler](const httplib::Request& request,
                                            httplib::Response& response) {
            std::lock_guard lock(s.state.mutex);
            Caller caller;
            if (!s.AuthorizeCompany(request, response,
                                    IdParam(request.matches[company_group].str()), caller)) {
                return;
            }
            handler(s, request, response, caller);
        };
    };
    server.Get(kUsers, route(2, ListUsers));
    server.Post(kUsers, route(2, CreateUserRoute));
    server.Get(kInactive, route(1, ListInactiveUsers));
    server.Patch(kInactiveUser, route(1, ReactivateUserRoute));
    server.Patch(kSync, route(2, SyncUsers));
    server.Get(kUser, route(2, ShowUser));
    server.Patch(kUser, route(2, UpdateUserRoute));
    server.Patch(kInvite, route(2, InviteUserRoute));
    server.Delete(kUser, route(2, RefuseDelete));
}

}  // namespace crewsync::emulator
