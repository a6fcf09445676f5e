// A timecard entry (procore-api.md §9.3): the values a request may write, how they are read
// and checked against the company, and the record Procore shows for them.
//
// Hours rule: an entry that has both time_in and time_out gets
// hours = time_out − time_in − lunch_time (a given `hours` is then ignored); otherwise
// `hours` is required. Either way 0 < hours <= 24.
#pragma once

#include <optional>
#include <string>

#include "emulator/state.hpp"

namespace crewsync::emulator {

// v1.0 endpoints take origin_id as an integer; v1.1 bulk_create as a string.
enum class OriginIdType { kInteger, kString };

struct EntryValues {
    RecordId project_id = 0;
    std::string date;      // YYYY-MM-DD
    std::string datetime;  // ISO UTC; the date at midnight UTC when only a date was given
    std::optional<double> hours;
    Json time_in = nullptr;  // ISO UTC text
    Json time_out = nullptr;
    Json lunch_time = nullptr;  // whole minutes as text ("30")
    bool billable = false;
    Json description = nullptr;
    std::string approval_status = "pending";
    Json origin_id = nullptr;  // integer (v1.0) or text (v1.1)
    Json origin_data = nullptr;
    RecordId time_type_id = 0;
    RecordId party_id = 0;
    RecordId timesheet_id = 0;
    RecordId cost_code_id = 0;
    RecordId crew_id = 0;
    RecordId sub_job_id = 0;
    RecordId location_id = 0;
    RecordId line_item_type_id = 0;
    RecordId wbs_code_id = 0;
    RecordId work_classification_id = 0;
};

// The values of a stored record, to apply a PATCH on.
EntryValues ValuesOf(const Json& record);

// Applies the writable `fields` of a request's timecard_entry object onto `values` (defaults
// for a create, ValuesOf(record) for an update) and checks the result: formats, the hours
// rule, and that the party, time type, timesheet and work classification exist in `company`
// (the timesheet in values.project_id). Returns Rails-style errors, each field prefixed with
// `prefix` ("timecard_entries[2]." in bulk requests); empty when all is well. Does not check
// origin_id uniqueness (see EntryWithOrigin).
Json ReadEntryValues(const Company& company, const Json& fields, OriginIdType origin_type,
                     const std::string& prefix, EntryValues& values);

// The live (not deleted) entry whose origin_id is `origin_id` (integer or text compared as
// text), other than `except`; 0 when none or origin_id is null.
RecordId EntryWithOrigin(const Company& company, const Json& origin_id, RecordId except);

// Who wrote a record: {id, login, name} of the company user, or null.
Json CreatedByOf(const Company& company, RecordId user_id);

// The stored record (Procore's v1.0 representation). `created_by` and `created_at` come
// from the stored record on updates.
Json EntryRecord(const Company& company, const EntryValues& values, RecordId id,
                 const Json& created_by, const std::string& created_at,
                 const std::string& updated_at);

// The flat v1.1 representation bulk_create answers with (project_id, party_id, … as ids).
Json EntryV11View(const Json& record, RecordId company_id);

// {id, name} of a user or contact, or null when the company has no such person.
Json PartySummary(const Company& company, RecordId party_id);

}  // namespace crewsync::emulator
