#include "procore/resource_json.hpp"

#include <cctype>
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "procore/wire_values.hpp"

namespace crewsync::procore::internal {
namespace {

std::optional<std::int64_t> WholeNumber(std::string_view text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

// An integer JSON number as int64 (unsigned ones that fit too).
std::optional<std::int64_t> IntegerOf(const Json& value) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(number);
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    return std::nullopt;
}

}  // namespace

std::string Dump(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const Json* ObjectReader::Field(const char* key) const {
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

bool ObjectReader::Has(const char* key) const { return Field(key) != nullptr; }

void ObjectReader::Problem(const char* key, const std::string& what) {
    if (problem_.empty()) problem_ = fmt::format("{}: {}", key, what);
}

void ObjectReader::Id(const char* key, std::int64_t& out) {
    const Json* value = Field(key);
    if (!value) return;
    std::optional<std::int64_t> id = IntegerOf(*value);
    // v2 writes ids as strings; accept them anywhere.
    if (!id && value->is_string()) id = WholeNumber(value->get_ref<const std::string&>());
    if (!id) return Problem(key, "expected an integer id, found " + Dump(*value));
    out = *id;
}

void ObjectReader::RequiredId(const char* key, std::int64_t& out) {
    if (!Field(key)) return Problem(key, "missing (every record has one)");
    Id(key, out);
}

void ObjectReader::Text(const char* key, std::string& out) {
    const Json* value = Field(key);
    if (!value) return;
    if (value->is_string()) {
        out = value->get<std::string>();
    } else if (value->is_number()) {
        out = value->dump();
    } else {
        Problem(key, std::string("expected a string, found ") + value->type_name());
    }
}

void ObjectReader::Flag(const char* key, bool& out) {
    const Json* value = Field(key);
    if (!value) return;
    if (!value->is_boolean()) {
        return Problem(key, std::string("expected true or false, found ") + value->type_name());
    }
    out = value->get<bool>();
}

void ObjectReader::Integer(const char* key, std::int64_t& out) {
    const Json* value = Field(key);
    if (!value) return;
    std::optional<std::int64_t> number = IntegerOf(*value);
    if (!number && value->is_string()) {
        const auto& text = value->get_ref<const std::string&>();
        if (text.empty()) return;
        number = WholeNumber(text);
    }
    if (!number) return Problem(key, "expected a whole number, found " + Dump(*value));
    out = *number;
}

void ObjectReader::Day(const char* key, std::optional<Date>& out) {
    const Json* value = Field(key);
    if (!value) return;
    if (!value->is_string()) {
        return Problem(key, std::string("expected a date, found ") + value->type_name());
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty()) return;
    out = ParseWireDate(text);
    if (!out) Problem(key, "'" + text + "' is not a date (YYYY-MM-DD)");
}

void ObjectReader::Time(const char* key, Timestamp& out) {
    const Json* value = Field(key);
    if (!value) return;
    if (!value->is_string()) {
        return Problem(key, std::string("expected a date-time, found ") + value->type_name());
    }
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty()) return;
    const auto at = ParseIsoTimestamp(text);
    if (!at) return Problem(key, "'" + text + "' is not an ISO 8601 date-time");
    out = *at;
}

void ObjectReader::NestedId(const char* key, std::int64_t& out) {
    const Json* value = Field(key);
    if (!value) return;
    if (!value->is_object()) {
        return Problem(key, std::string("expected an object, found ") + value->type_name());
    }
    ObjectReader nested(*value);
    nested.Id("id", out);
    if (!nested.ok()) Problem(key, nested.problem());
}

Result<Json> ParseAnswer(std::string_view call, std::string_view body) {
    Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded()) return Fail(NotDocumented(call, "the answer is not JSON"));
    return doc;
}

Error NotDocumented(std::string_view call, const std::string& what) {
    return Error(ErrorCode::kRemoteBug,
                 fmt::format("{}: Procore's answer is not what its API documents: {}", call,
                             what));
}

void ReadMe(ObjectReader& in, Me& out) {
    in.RequiredId("id", out.id);
    in.Text("login", out.login);
    in.Text("name", out.name);
}

void ReadCompany(ObjectReader& in, CompanySummary& out) {
    in.RequiredId("id", out.id);
    in.Text("name", out.name);
    in.Flag("is_active", out.is_active);
}

void ReadClassification(ObjectReader& in, RemoteClassification& out) {
    in.RequiredId("id", out.id);
    in.Text("name", out.name);
    in.Text("abbreviation", out.abbreviation);
}

void ReadPermissionTemplate(ObjectReader& in, PermissionTemplate& out) {
    in.RequiredId("id", out.id);
    in.Text("name", out.name);
    in.Text("type", out.type);
}

void ReadTimecardEntry(ObjectReader& in, TimecardEntry& out) {
    in.RequiredId("id", out.id);
    // v1.1 writes flat ids, v1.0 nests references; take whichever is there.
    in.NestedId("project", out.project_id);
    in.Id("project_id", out.project_id);
    in.NestedId("party", out.party_id);
    in.Id("party_id", out.party_id);
    in.NestedId("timecard_time_type", out.timecard_time_type_id);
    in.Id("timecard_time_type_id", out.timecard_time_type_id);
    in.NestedId("cost_code", out.cost_code_id);
    in.Id("cost_code_id", out.cost_code_id);
    in.NestedId("timesheet", out.timesheet_id);
    in.Id("timesheet_id", out.timesheet_id);
    in.Day("date", out.date);
    if (!out.date) in.Day("datetime", out.date);
    in.Text("hours", out.hours);
    in.Text("time_in", out.time_in);
    in.Text("time_out", out.time_out);
    in.Integer("lunch_time", out.lunch_time);
    in.Text("description", out.description);
    in.Text("origin_id", out.origin_id);
    in.Text("origin_data", out.origin_data);
    in.Text("approval_status", out.approval_status);
    out.deleted = in.Has("deleted_at");
    in.Time("updated_at", out.updated_at);
}

void ReadTimesheet(ObjectReader& in, Timesheet& out) {
    in.RequiredId("id", out.id);
    in.NestedId("project", out.project_id);
    in.Id("project_id", out.project_id);
    in.Day("date", out.date);
    in.Text("name", out.name);
    in.Text("status", out.status);
}

void ReadHook(ObjectReader& in, WebhookHook& out) {
    in.RequiredId("id", out.id);
    in.Text("namespace", out.namespace_name);
    in.Text("destination_url", out.destination_url);
    in.Text("api_version", out.api_version);
    in.Id("owned_by_company_id", out.owned_by_company_id);
}

void ReadTrigger(ObjectReader& in, WebhookTrigger& out) {
    in.RequiredId("id", out.id);
    in.Id("webhook_hook_id", out.hook_id);
    in.Text("resource_name", out.resource_name);
    in.Text("event_type", out.event_type);
    // Procore's specification answers CREATE/UPDATE/DELETE, its guide create/update/delete.
    for (char& c : out.event_type) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
}

void ReadDelivery(ObjectReader& in, WebhookDelivery& out) {
    in.RequiredId("id", out.id);
    // Event ids exceed 2^53 (and may exceed 2^63): kept as the digits Procore wrote.
    in.Text("event_id", out.event_id);
    in.Text("outcome", out.outcome);
    std::int64_t status = 0;
    in.Integer("response_status", status);
    out.response_status = static_cast<int>(status);
    in.Text("started_at", out.started_at);
    in.Text("completed_at", out.completed_at);
}

}  // namespace crewsync::procore::internal
