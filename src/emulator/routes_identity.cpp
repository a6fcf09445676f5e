// Who am I and which companies: GET /rest/v1.0/me and GET /rest/v1.0/companies
// (procore-api.md §2.6).
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

void Me(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.Authorize(request, response, false, caller)) return;
    for (auto& [id, company] : s.state.Companies()) {
        if (const Json* user = company.users.Find(caller.user_id)) {
            return Reply(response, 200,
                         Json{{"id", caller.user_id},
                              {"login", user->value("email_address", "")},
                              {"name", user->value("name", "")}});
        }
    }
    ReplyError(response, 404, "The token's user is not in any company");
}

void Companies(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.Authorize(request, response, false, caller)) return;
    PageRequest page;
    if (!ReadPage(request, response, 100, 1000, page)) return;
    const OAuthClient& client = s.state.Clients().at(caller.token->client_id);
    Json all = Json::array();
    for (RecordId id : client.companies) {
        if (const Company* company = s.state.FindCompany(id)) {
            all.push_back({{"id", company->id},
                           {"name", company->name},
                           {"is_active", company->active},
                           {"logo_url", nullptr},
                           {"pcn_business_experience", false},
                           {"my_company", false}});
        }
    }
    const auto total = static_cast<std::int64_t>(all.size());
    Json out = Json::array();
    for (std::int64_t i = (page.page - 1) * page.per_page;
         i < std::min(total, page.page * page.per_page); ++i) {
        out.push_back(all[static_cast<std::size_t>(i)]);
    }
    SetPageHeaders(request, response, s.https, total, page);
    Reply(response, 200, out);
}

}  // namespace

void AddIdentityRoutes(httplib::Server& server, Services& s) {
    server.Get("/rest/v1.0/me", [&s](const auto& req, auto& res) { Me(s, req, res); });
    server.Get("/rest/v1.0/companies",
               [&s](const auto& req, auto& res) { Companies(s, req, res); });
}

}  // namespace crewsync::emulator
