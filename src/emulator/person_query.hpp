// Which people a list request asks for: the filters of GET
// /rest/v1.0/companies/{company_id}/people and …/people/inactive (procore-api.md §3.2, §7).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "emulator/state.hpp"

namespace crewsync::emulator {

struct PeopleQuery {
    std::optional<bool> is_employee;   // filters[is_employee]
    bool contacts_only = false;        // filters[reference_users_only]=true
    bool users_only = false;           // filters[without_reference_users]=true
    std::string search;                // filters[search], lower-cased; "" for none
    std::string job_title;             // filters[job_title], lower-cased; "" for none
    std::optional<std::string> origin_id;  // filters[origin_id] (an emulator extra)
    std::optional<std::string> updated_from;  // filters[updated_at], inclusive ISO texts
    std::optional<std::string> updated_to;
};

// Reads the filters. False with a message naming the parameter when a value is malformed.
bool ReadPeopleQuery(const httplib::Request& request, PeopleQuery& query, std::string& error);

struct PersonRef {
    RecordId id = 0;
    bool is_user = false;  // in company.users (else company.contacts)
};

// The company's people (contacts and users) that are active (or inactive, per `active`) and
// match `query`, in id order.
std::vector<PersonRef> SelectPeople(const Company& company, const PeopleQuery& query, bool active);

}  // namespace crewsync::emulator
