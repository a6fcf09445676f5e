// Company people (procore-api.md §7): contacts (people without a login) and users, listed
// together; contacts are created and changed here, users through the users endpoints.
#include "emulator/http_support.hpp"
#include "emulator/person_query.hpp"
#include "emulator/person_record.hpp"
#include "emulator/person_request.hpp"
#include "emulator/project_http.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kResource = "Company People";
constexpr std::int64_t kDefaultPerPage = 100;
constexpr std::int64_t kMaxPerPage = 1000;

// A taken origin_id: 409, as Procore answers a duplicate (§12).
bool OriginTaken(const Company& company, const Json& fields, RecordId self,
                 httplib::Response& response) {
    const auto it = fields.find("origin_id");
    if (it == fields.end() || !it->is_string()) return false;
    const RecordId holder = PersonByOrigin(company, it->get<std::string>());
    if (holder == 0 || holder == self) return false;
    ReplyFieldError(response, FieldError{409, "origin_id", "has already been taken"});
    return true;
}

void List(Services& s, const httplib::Request& request, httplib::Response& response,
          bool active) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    PageRequest page;
    if (!ReadPage(request, response, kDefaultPerPage, kMaxPerPage, page)) return;
    PeopleQuery query;
    std::string error;
    if (!ReadPeopleQuery(request, query, error)) return ReplyError(response, 400, error);
    const Company& company = *caller.company;
    const std::vector<PersonRef> people = SelectPeople(company, query, active);
    const auto total = static_cast<std::int64_t>(people.size());
    const std::int64_t first = std::min(total, (page.page - 1) * page.per_page);
    const std::int64_t end = std::min(total, first + page.per_page);
    // Users are shown as people on the fly; their texts must stay put while the page is joined.
    std::vector<std::string> user_texts;
    user_texts.reserve(static_cast<std::size_t>(end - first));
    std::vector<const std::string*> items;
    items.reserve(static_cast<std::size_t>(end - first));
    for (std::int64_t i = first; i < end; ++i) {
        const PersonRef& ref = people[static_cast<std::size_t>(i)];
        if (ref.is_user) {
            user_texts.push_back(PersonOfUser(*company.users.Find(ref.id)).dump());
            items.push_back(&user_texts.back());
        } else {
            items.push_back(&company.contacts.Rendered(ref.id));
        }
    }
    SetPageHeaders(request, response, s.https, total, page);
    ReplyText(response, 200, JsonArray(items));
}

void Create(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    std::string parse_error;
    const std::optional<Json> body = ParseBody(request, parse_error);
    if (!body) return ReplyError(response, 400, parse_error);
    const Json* person = ResourceOf(*body, "person", response);
    if (!person) return;
    Company& company = *caller.company;
    FieldError error;
    const std::optional<Json> fields = ReadPersonFields(*person, true, company, error);
    if (!fields) return ReplyFieldError(response, error);
    if (OriginTaken(company, *fields, 0, response)) return;
    const RecordId id = s.state.NextId();
    Json contact = NewContactRecord(id, s.clock.Now());
    ApplyPersonFields(contact, *fields);
    company.contacts.Put(std::move(contact));
    s.Changed(caller, kResource, "create", id);
    ReplyText(response, 201, company.contacts.Rendered(id));
}

void Update(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    Caller caller;
    if (!s.AuthorizeCompany(request, response, IdParam(request.matches[1]), caller)) return;
    Company& company = *caller.company;
    const RecordId id = IdParam(request.matches[2]);
    if (id && company.users.Find(id)) {
        return ReplyInvalid(response, "base",
                            "this person is a user: change it with PATCH "
                            "/rest/v1.3/companies/{company_id}/users/{id}");
    }
    if (!id || !company.contacts.Find(id)) {
        return ReplyError(response, 404, "Person " + request.matches[2].str() + " not found");
    }
    std::string parse_error;
    const std::optional<Json> body = ParseBody(request, parse_error);
    if (!body) return ReplyError(response, 400, parse_error);
    const Json* person = ResourceOf(*body, "person", response);
    if (!person) return;
    FieldError error;
    const std::optional<Json> fields = ReadPersonFields(*person, false, company, error);
    if (!fields) return ReplyFieldError(response, error);
    if (OriginTaken(company, *fields, id, response)) return;
    Json& contact = *company.contacts.FindMutable(id);
    const bool changed = ApplyPersonFields(contact, *fields);
    if (changed) contact["updated_at"] = IsoSeconds(s.clock.Now());
    company.contacts.Touched(id);
    if (changed) s.Changed(caller, kResource, "update", id);
    ReplyText(response, 200, company.contacts.Rendered(id));
}

}  // namespace

void AddPeopleRoutes(httplib::Server& server, Services& s) {
    const std::string people = R"(/rest/v1\.0/companies/(\d+)/people)";
    server.Get(people, [&s](const auto& req, auto& res) { List(s, req, res, true); });
    server.Get(people + "/inactive",
               [&s](const auto& req, auto& res) { List(s, req, res, false); });
    server.Post(people, [&s](const auto& req, auto& res) { Create(s, req, res); });
    server.Patch(people + R"(/(\d+))", [&s](const auto& req, auto& res) { Update(s, req, res); });
}

}  // namespace crewsync::emulator
