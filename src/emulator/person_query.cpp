#include "emulator/person_query.hpp"

#include "emulator/http_support.hpp"
#include "emulator/person_record.hpp"
#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

bool ReadFlag(const httplib::Request& request, const std::string& name,
              std::optional<bool>& flag, std::string& error) {
    if (!request.has_param(name)) return true;
    const std::string text = Param(request, name);
    if (text == "true" || text == "1") {
        flag = true;
    } else if (text == "false" || text == "0") {
        flag = false;
    } else {
        error = name + " must be true or false; got '" + text + "'";
        return false;
    }
    return true;
}

std::string EmailOf(const Json& record, bool is_user) {
    if (is_user) return PersonText(record, "email_address");
    const auto contact = record.find("contact");
    return contact != record.end() && contact->is_object() ? PersonText(*contact, "email")
                                                           : std::string();
}

bool IsActive(const Json& record, bool is_user) {
    if (!is_user) return IsActivePerson(record);
    const auto it = record.find("is_active");
    return it == record.end() || !it->is_boolean() || it->get<bool>();
}

// filters[search] looks where Procore says: first, last and full name, e-mail, phones, fax and
// job title (contacts have no phones here).
bool MatchesSearch(const Json& record, bool is_user, const std::string& needle) {
    const std::string first = PersonText(record, "first_name");
    const std::string last = PersonText(record, "last_name");
    std::vector<std::string> texts = {first + " " + last, EmailOf(record, is_user),
                                      PersonText(record, "job_title")};
    if (is_user) {
        for (const char* field : {"mobile_phone", "business_phone", "fax_number"}) {
            texts.push_back(PersonText(record, field));
        }
    }
    for (const std::string& text : texts) {
        if (AsciiLower(text).find(needle) != std::string::npos) return true;
    }
    return false;
}

bool Matches(const Json& record, bool is_user, const PeopleQuery& query, bool active) {
    if (IsActive(record, is_user) != active) return false;
    if (query.is_employee && record.value("is_employee", false) != *query.is_employee) {
        return false;
    }
    if (query.origin_id && PersonText(record, "origin_id") != *query.origin_id) return false;
    if (!query.job_title.empty() &&
        AsciiLower(PersonText(record, "job_title")) != query.job_title) {
        return false;
    }
    if (query.updated_from) {
        const std::string at = PersonText(record, "updated_at");
        if (at < *query.updated_from || at > *query.updated_to) return false;
    }
    return query.search.empty() || MatchesSearch(record, is_user, query.search);
}

}  // namespace

bool ReadPeopleQuery(const httplib::Request& request, PeopleQuery& query, std::string& error) {
    std::optional<bool> contacts_only;
    std::optional<bool> users_only;
    if (!ReadFlag(request, "filters[is_employee]", query.is_employee, error) ||
        !ReadFlag(request, "filters[reference_users_only]", contacts_only, error) ||
        !ReadFlag(request, "filters[without_reference_users]", users_only, error)) {
        return false;
    }
    query.contacts_only = contacts_only.value_or(false);
    query.users_only = users_only.value_or(false);
    query.search = AsciiLower(Trim(Param(request, "filters[search]")));
    query.job_title = AsciiLower(Trim(Param(request, "filters[job_title]")));
    if (request.has_param("filters[origin_id]")) {
        query.origin_id = Param(request, "filters[origin_id]");
    }
    if (request.has_param("filters[updated_at]")) {
        std::string from;
        std::string to;
        if (!ParseTimeRange(Param(request, "filters[updated_at]"), from, to)) {
            error = "filters[updated_at] must be a range 'start...end' of ISO 8601 dates or UTC "
                    "date-times, such as 2016-09-23T16:30:00Z...2016-09-23T17:00:00Z; got '" +
                    Param(request, "filters[updated_at]") + "'";
            return false;
        }
        query.updated_from = std::move(from);
        query.updated_to = std::move(to);
    }
    return true;
}

std::vector<PersonRef> SelectPeople(const Company& company, const PeopleQuery& query,
                                    bool active) {
    std::vector<PersonRef> out;
    const auto& contacts = company.contacts.All();
    const auto& users = company.users.All();
    auto contact = query.users_only ? contacts.end() : contacts.begin();
    auto user = query.contacts_only ? users.end() : users.begin();
    // Both maps are in id order; walking them together keeps the merged list in id order.
    while (contact != contacts.end() || user != users.end()) {
        const bool take_user =
            contact == contacts.end() || (user != users.end() && user->first < contact->first);
        const auto& [id, record] = take_user ? *user : *contact;
        if (Matches(record, take_user, query, active)) out.push_back({id, take_user});
        if (take_user) {
            ++user;
        } else {
            ++contact;
        }
    }
    return out;
}

}  // namespace crewsync::emulator
