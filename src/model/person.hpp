// A person in the workforce plan (product.md §2).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/ids.hpp"

namespace crewsync {

struct Person {
    PersonId id;  // 0 until stored
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string employee_id;
    std::string mobile_phone;
    std::string job_title;
    RecordStatus status = RecordStatus::kActive;
    PersonType type = PersonType::kAssignable;
    std::vector<std::string> groups;   // group names, each a known group
    PermissionLevel permission = PermissionLevel::kNone;
    std::string classification;        // the person's position; a known classification or ""
    std::map<std::string, std::string> custom_fields;  // free key/value, never synced

    bool operator==(const Person&) const = default;
};

// "First Last", for messages.
inline std::string FullName(const Person& p) {
    if (p.first_name.empty()) return p.last_name;
    if (p.last_name.empty()) return p.first_name;
    return p.first_name + " " + p.last_name;
}

}  // namespace crewsync
