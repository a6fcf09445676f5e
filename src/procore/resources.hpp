// The Procore records crewsync reads and writes, as plain values, and the fields it may send.
// Lists of users, contacts, projects and classifications reuse the sync core's snapshot types
// (sync/remote.hpp), which is what every caller wants of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/clock.hpp"
#include "model/date.hpp"
#include "model/error.hpp"
#include "model/secret.hpp"
#include "sync/remote.hpp"

namespace crewsync::procore {

using sync::ProcoreId;
using sync::RemoteClassification;
using sync::RemoteContact;
using sync::RemoteProject;
using sync::RemoteUser;

struct Me {
    ProcoreId id = 0;
    std::string login;
    std::string name;
};

struct CompanySummary {
    ProcoreId id = 0;
    std::string name;
    bool is_active = true;
};

// Fields of a Directory user to send: only those set are written (procore-api.md §6.2).
struct UserFields {
    std::optional<std::string> first_name, last_name, email_address, employee_id, mobile_phone,
        job_title, origin_id;
    std::optional<bool> is_active, is_employee;
    std::optional<ProcoreId> default_permission_template_id, company_permission_template_id,
        work_classification_id;
};

// One item of a users or projects sync: `id` 0 matches by the fields' origin_id (or creates).
struct UserSyncItem {
    ProcoreId id = 0;
    UserFields fields;
};

// A sync item Procore refused: its position in what the caller passed, and why.
struct SyncItemError {
    std::size_t index = 0;
    ProcoreId id = 0;
    std::string origin_id;
    std::vector<FieldProblem> problems;
};

template <class Record>
struct SyncResult {
    std::vector<Record> entities;  // the records written, in the order of the items that worked
    std::vector<SyncItemError> errors;
};

// Fields of a Directory contact (People API, procore-api.md §7).
struct PersonFields {
    std::optional<std::string> first_name, last_name, employee_id, job_title, origin_id;
    std::optional<bool> is_employee, active;
    std::optional<ProcoreId> work_classification_id;
};

// Fields of a project (procore-api.md §8). Dates are "YYYY-MM-DD"; "" clears one. The time
// zone is an IANA name; US zones are sent as Procore's Rails names.
struct ProjectFields {
    std::optional<std::string> name, project_number, address, city, zip, time_zone, origin_id,
        start_date, completion_date;
    std::optional<bool> active;
};

struct ProjectSyncItem {
    ProcoreId id = 0;
    ProjectFields fields;
};

struct PermissionTemplate {
    ProcoreId id = 0;
    std::string name;
    std::string type;  // "project_specific" | "company_tools" | "global"
};

struct TimecardEntry {
    ProcoreId id = 0;
    ProcoreId project_id = 0;
    ProcoreId party_id = 0;  // the worker (a person's id)
    std::optional<Date> date;
    std::string hours;     // as Procore writes it: "8.0"
    std::string time_in;   // ISO 8601 date-time, "" when hours were given
    std::string time_out;
    std::int64_t lunch_time = 0;  // minutes
    ProcoreId timecard_time_type_id = 0;
    ProcoreId cost_code_id = 0;
    ProcoreId timesheet_id = 0;
    std::string description;
    std::string origin_id;  // integer in v1.0 bodies, string in v1.1; kept as text
    std::string origin_data;
    std::string approval_status;
    bool deleted = false;
    Timestamp updated_at{};
};

struct TimecardFields {
    std::optional<ProcoreId> project_id, party_id, timecard_time_type_id, cost_code_id,
        timesheet_id, work_classification_id;
    std::optional<std::string> date, hours, time_in, time_out, description, origin_id,
        origin_data;
    std::optional<std::int64_t> lunch_time;
};

struct TimecardQuery {
    std::optional<Date> start_date, end_date;
    std::vector<ProcoreId> party_ids;
};

struct Timesheet {
    ProcoreId id = 0;
    ProcoreId project_id = 0;
    std::optional<Date> date;
    std::string name;
    std::string status;
};

struct WebhookHook {
    ProcoreId id = 0;
    std::string namespace_name;
    std::string destination_url;
    std::string api_version;
    ProcoreId owned_by_company_id = 0;
};

struct WebhookHookFields {
    std::string namespace_name;
    std::string destination_url;
    SecretString authorization;  // sent as destination_headers.Authorization; "" for none
    std::string api_version = "v2";
};

struct WebhookTrigger {
    ProcoreId id = 0;
    ProcoreId hook_id = 0;
    std::string resource_name;  // "Company Users", "Projects", …
    std::string event_type;     // "create" | "update" | "delete"
};

struct WebhookDelivery {
    ProcoreId id = 0;
    std::string event_id;
    std::string outcome;  // "ok" | "retried" | "failed" | "discarded"
    int response_status = 0;
    std::string started_at;
    std::string completed_at;
};

}  // namespace crewsync::procore
