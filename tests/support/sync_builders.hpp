// Small builders for sync-core unit tests.
#pragma once

#include <string>

#include "sync/local.hpp"
#include "sync/remote.hpp"

namespace crewsync::testing {

inline sync::LocalPerson MakePerson(std::int64_t id, std::string first, std::string last,
                                    std::string email, PersonType type = PersonType::kUser,
                                    std::string employee_id = "") {
    sync::LocalPerson lp;
    lp.person.id = PersonId(id);
    lp.person.first_name = std::move(first);
    lp.person.last_name = std::move(last);
    lp.person.email = std::move(email);
    lp.person.type = type;
    lp.person.employee_id = std::move(employee_id);
    return lp;
}

inline sync::RemoteUser MakeUser(sync::ProcoreId id, std::string first, std::string last,
                                 std::string email) {
    sync::RemoteUser u;
    u.id = id;
    u.first_name = std::move(first);
    u.last_name = std::move(last);
    u.email = std::move(email);
    u.is_employee = true;
    return u;
}

}  // namespace crewsync::testing
