// What crewsync knows of the Procore side: plain copies of the records Procore returned, with
// only the fields the sync reads. The Procore client fills these; the sync core never calls it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/clock.hpp"
#include "model/date.hpp"

namespace crewsync::sync {

// Procore ids are 64-bit and global across companies.
using ProcoreId = std::int64_t;

// The three kinds of Procore record crewsync links to.
enum class RemoteKind { kUser, kContact, kProject };

// "user" | "contact" | "project".
const char* Name(RemoteKind kind);

// A Company Directory user (can log in; identified by e-mail).
struct RemoteUser {
    ProcoreId id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string employee_id;
    std::string mobile_phone;
    std::string job_title;
    bool active = true;
    bool is_employee = false;
    std::string origin_id;  // the integrator's id; crewsync writes its own there
    Timestamp updated_at{};
    ProcoreId work_classification_id = 0;  // the user's work classification; 0 = none

    bool operator==(const RemoteUser&) const = default;
};

// A Company Directory contact: a person without a login (Procore's People API, user_id null).
// Procore keeps no mobile phone for a contact and its e-mail is read-only, so neither is synced.
struct RemoteContact {
    ProcoreId id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;  // contact.email; often empty
    std::string employee_id;
    std::string job_title;
    bool active = true;
    bool is_employee = false;
    std::string origin_id;
    Timestamp updated_at{};

    bool operator==(const RemoteContact&) const = default;
};

struct RemoteProject {
    ProcoreId id = 0;
    std::string name;
    std::string project_number;
    bool active = true;
    std::optional<Date> start_date;
    std::optional<Date> completion_date;
    std::string address;
    std::string city;
    std::string zip;
    std::string time_zone;
    std::string origin_id;
    Timestamp updated_at{};

    bool operator==(const RemoteProject&) const = default;
};

struct RemoteClassification {
    ProcoreId id = 0;
    std::string name;
    std::string abbreviation = {};  // optional short code, e.g. "JE"

    bool operator==(const RemoteClassification&) const = default;
};

// Everything read from one Procore company, active and inactive records alike.
struct RemoteSnapshot {
    std::vector<RemoteUser> users;
    std::vector<RemoteContact> contacts;
    std::vector<RemoteProject> projects;
    std::vector<RemoteClassification> classifications;
};

}  // namespace crewsync::sync
