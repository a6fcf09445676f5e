#include "emulator/project_http.hpp"

#include "emulator/http_support.hpp"

namespace crewsync::emulator {

bool AuthorizeProjectCall(Services& s, const httplib::Request& request,
                          httplib::Response& response, Caller& caller,
                          std::optional<Json>* body) {
    if (!s.Authorize(request, response, true, caller)) return false;
    if (body) {
        std::string error;
        *body = ParseBody(request, error);
        if (!*body) {
            ReplyError(response, 400, error);
            return false;
        }
    }
    RecordId company_id = 0;
    bool given = true;
    if (request.has_param("company_id")) {
        company_id = IdParam(Param(request, "company_id"));
    } else if (body && (*body)->is_object() && (*body)->contains("company_id")) {
        const std::optional<Json> id = IntegerValue((**body)["company_id"]);
        company_id = id && id->is_number_integer() ? id->get<RecordId>() : 0;
    } else {
        given = false;
    }
    if (company_id <= 0) {
        ReplyError(response, 400,
                   given ? "company_id must be the id of a company (a positive whole number)"
                         : "company_id is required: send the id of the company as a query "
                           "parameter" + std::string(body ? " or in the body" : ""));
        return false;
    }
    if (company_id != caller.company->id) {
        ReplyError(response, 403,
                   "The Procore-Company-Id header names another company than company_id");
        return false;
    }
    return true;
}

void ReplyFieldError(httplib::Response& response, const FieldError& error) {
    if (error.status == 422) return ReplyInvalid(response, error.field, error.message);
    Reply(response, error.status,
          Json{{"message", error.field + " " + error.message},
               {"errors", {{error.field, Json::array({error.message})}}}});
}

const Json* ResourceOf(const Json& body, const char* key, httplib::Response& response) {
    const auto it = body.is_object() ? body.find(key) : body.end();
    if (!body.is_object() || it == body.end() || !it->is_object()) {
        ReplyError(response, 400, std::string("param is missing or the value is empty: ") + key);
        return nullptr;
    }
    return &*it;
}

}  // namespace crewsync::emulator
