#include "procore/client_fields.hpp"

#include <charconv>

#include "procore/wire_values.hpp"

namespace crewsync::procore::internal {
namespace {

void PutText(Json& out, const char* key, const std::optional<std::string>& value) {
    if (value) out[key] = *value;
}

void PutFlag(Json& out, const char* key, const std::optional<bool>& value) {
    if (value) out[key] = *value;
}

// 0 stands for "none": Procore refuses an id of 0, and null clears the reference.
void PutId(Json& out, const char* key, const std::optional<ProcoreId>& value) {
    if (value) out[key] = *value == 0 ? Json(nullptr) : Json(*value);
}

void PutOrigin(Json& out, const std::optional<std::string>& origin_id) {
    if (origin_id) out["origin_id"] = origin_id->empty() ? Json(nullptr) : Json(*origin_id);
}

void PutDate(Json& out, const char* key, const std::optional<std::string>& value) {
    if (value) out[key] = value->empty() ? Json(nullptr) : Json(*value);
}

// The fields v1.0 and v1.1 timecard entries write the same way.
void PutTimecardCommon(Json& out, const TimecardFields& fields) {
    PutId(out, "party_id", fields.party_id);
    PutId(out, "timecard_time_type_id", fields.timecard_time_type_id);
    PutId(out, "cost_code_id", fields.cost_code_id);
    PutId(out, "timesheet_id", fields.timesheet_id);
    PutId(out, "work_classification_id", fields.work_classification_id);
    PutText(out, "date", fields.date);
    PutText(out, "hours", fields.hours);
    PutText(out, "time_in", fields.time_in);
    PutText(out, "time_out", fields.time_out);
    PutText(out, "description", fields.description);
    PutText(out, "origin_data", fields.origin_data);
    // Procore's examples and specification write minutes as text ("60").
    if (fields.lunch_time) out["lunch_time"] = std::to_string(*fields.lunch_time);
}

}  // namespace

Json UserObject(const UserFields& fields) {
    Json out = Json::object();
    PutText(out, "first_name", fields.first_name);
    PutText(out, "last_name", fields.last_name);
    PutText(out, "email_address", fields.email_address);
    PutText(out, "employee_id", fields.employee_id);
    PutText(out, "mobile_phone", fields.mobile_phone);
    PutText(out, "job_title", fields.job_title);
    PutOrigin(out, fields.origin_id);
    PutFlag(out, "is_active", fields.is_active);
    PutFlag(out, "is_employee", fields.is_employee);
    PutId(out, "default_permission_template_id", fields.default_permission_template_id);
    PutId(out, "company_permission_template_id", fields.company_permission_template_id);
    PutId(out, "work_classification_id", fields.work_classification_id);
    return out;
}

Json PersonObject(const PersonFields& fields) {
    Json out = Json::object();
    PutText(out, "first_name", fields.first_name);
    PutText(out, "last_name", fields.last_name);
    PutText(out, "employee_id", fields.employee_id);
    PutText(out, "job_title", fields.job_title);
    PutOrigin(out, fields.origin_id);
    PutFlag(out, "is_employee", fields.is_employee);
    PutFlag(out, "active", fields.active);
    PutId(out, "work_classification_id", fields.work_classification_id);
    return out;
}

Json ProjectObject(const ProjectFields& fields) {
    Json out = Json::object();
    PutText(out, "name", fields.name);
    PutText(out, "project_number", fields.project_number);
    PutText(out, "address", fields.address);
    PutText(out, "city", fields.city);
    PutText(out, "zip", fields.zip);
    if (fields.time_zone) out["time_zone"] = std::string(RailsFromIana(*fields.time_zone));
    PutOrigin(out, fields.origin_id);
    PutDate(out, "start_date", fields.start_date);
    PutDate(out, "completion_date", fields.completion_date);
    PutFlag(out, "active", fields.active);
    return out;
}

Result<Json> TimecardObject(const TimecardFields& fields) {
    Json out = Json::object();
    PutTimecardCommon(out, fields);
    if (fields.origin_id) {
        const std::string& text = *fields.origin_id;
        std::int64_t number = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, number);
        if (text.empty()) {
            out["origin_id"] = nullptr;
        } else if (ec != std::errc() || ptr != end || number < 0) {
            return Fail(ErrorCode::kInvalidArgument,
                        "timecard entry origin_id '" + text +
                            "' is not a whole number, which Procore's v1.0 timecard entries "
                            "require");
        } else {
            out["origin_id"] = number;
        }
    }
    return out;
}

Json BulkTimecardItem(const TimecardFields& fields, ProcoreId project_id) {
    Json out = Json::object();
    out["project_id"] = project_id;
    PutTimecardCommon(out, fields);
    PutOrigin(out, fields.origin_id);
    return out;
}

Json HookObject(const WebhookHookFields& fields) {
    Json out = Json::object();
    if (!fields.api_version.empty()) out["api_version"] = fields.api_version;
    if (!fields.namespace_name.empty()) out["namespace"] = fields.namespace_name;
    if (!fields.destination_url.empty()) out["destination_url"] = fields.destination_url;
    if (!fields.authorization.empty()) {
        out["destination_headers"] = Json{{"Authorization", fields.authorization.Reveal()}};
    }
    return out;
}

}  // namespace crewsync::procore::internal
