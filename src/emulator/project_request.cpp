#include "emulator/project_request.hpp"

#include <array>
#include <string_view>
#include <vector>

#include "emulator/project_time_zone.hpp"

namespace crewsync::emulator {
namespace {

enum class Kind {
    kText,
    kCountry,   // ISO-3166 alpha-2
    kTimeZone,  // a Rails or tz name
    kChoice,    // one of Field::choices
    kInteger,
    kNumber,
    kDecimal,   // a number Procore answers as text ("1500000.0")
    kBoolean,
    kDate,
    kIdList,
    kIgnored,   // accepted and not kept (the emulator has nothing it would act on)
};

struct Field {
    std::string_view name;
    Kind kind;
    std::vector<std::string_view> choices = {};
};

const std::vector<Field>& Fields() {
    static const std::vector<Field> fields = {
        {"name", Kind::kText},
        {"project_number", Kind::kText},
        {"active", Kind::kBoolean},
        {"address", Kind::kText},
        {"city", Kind::kText},
        {"county", Kind::kText},
        {"state_code", Kind::kText},
        {"country_code", Kind::kCountry},
        {"zip", Kind::kText},
        {"time_zone", Kind::kTimeZone},
        {"latitude", Kind::kNumber},
        {"longitude", Kind::kNumber},
        {"phone", Kind::kText},
        {"fax", Kind::kText},
        {"description", Kind::kText},
        {"public_notes", Kind::kText},
        {"start_date", Kind::kDate},
        {"completion_date", Kind::kDate},
        {"estimated_start_date", Kind::kDate},
        {"estimated_completion_date", Kind::kDate},
        {"warranty_start_date", Kind::kDate},
        {"warranty_end_date", Kind::kDate},
        {"override_start_date", Kind::kDate},
        {"override_end_date", Kind::kDate},
        {"override_start_date_check", Kind::kBoolean},
        {"override_end_date_check", Kind::kBoolean},
        {"total_value", Kind::kDecimal},
        {"estimated_value", Kind::kDecimal},
        {"estimated_budget", Kind::kNumber},
        {"square_feet", Kind::kInteger},
        {"flag", Kind::kChoice, {"Red", "Yellow", "Green"}},
        {"locale", Kind::kText},
        {"code", Kind::kText},
        {"office_id", Kind::kInteger},
        {"project_stage_id", Kind::kInteger},
        {"project_type_id", Kind::kInteger},
        {"program_id", Kind::kInteger},
        {"project_bid_type_id", Kind::kInteger},
        {"project_owner_type_id", Kind::kInteger},
        {"project_region_id", Kind::kInteger},
        {"project_template_id", Kind::kInteger},
        {"parent_job_id", Kind::kInteger},
        {"project_sector_id", Kind::kInteger},
        {"standard_cost_code_list_id", Kind::kInteger},
        {"image_id", Kind::kInteger},
        {"department_ids", Kind::kIdList},
        {"store_number", Kind::kText},
        {"accounting_project_number", Kind::kText},
        {"designated_market_area", Kind::kText},
        {"erp_integrated", Kind::kBoolean},
        {"sector", Kind::kText},
        {"work_scope", Kind::kChoice,
         {"new_construction", "renovation_alteration", "maintenance_service"}},
        {"delivery_method", Kind::kChoice,
         {"construction_management_at_risk_cmar", "construction_manager_as_agent_owners_rep",
          "design_bid_build_dbb", "design_build_db",
          "indefinite_delivery_indefinite_quantity_idiq", "integrated_project_delivery",
          "multi_prime", "public_private_partnership_p3", "other"}},
        {"priority", Kind::kChoice, {"low", "medium", "high"}},
        {"origin_id", Kind::kText},
        {"origin_data", Kind::kText},
        {"origin_code", Kind::kText},
        {"currency_configuration", Kind::kIgnored},
        {"enable_copy_of_standard_cost_codes", Kind::kIgnored},
    };
    return fields;
}

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The stored value of `value` for `field`, or nullopt with `message` set.
std::optional<Json> Convert(const Field& field, const Json& value, std::string& message) {
    switch (field.kind) {
        case Kind::kText:
            if (auto text = TextValue(value)) return text;
            message = "is invalid";
            return std::nullopt;
        case Kind::kCountry: {
            if (value.is_null()) return value;
            const std::string code = value.is_string() ? value.get<std::string>() : "";
            if (code.size() == 2 && IsAsciiLetter(code[0]) && IsAsciiLetter(code[1])) {
                std::string upper = code;
                for (char& c : upper) c = static_cast<char>(c & ~0x20);
                return Json(upper);
            }
            message = "is not an ISO-3166 alpha-2 country code";
            return std::nullopt;
        }
        case Kind::kTimeZone:
            if (value.is_string() && TzNameOf(value.get<std::string>())) return value;
            message = "is not a valid time zone";
            return std::nullopt;
        case Kind::kChoice:
            if (value.is_null()) return value;
            for (std::string_view choice : field.choices) {
                if (value.is_string() && value.get<std::string>() == choice) return value;
            }
            message = "is not included in the list";
            return std::nullopt;
        case Kind::kInteger:
            if (auto number = IntegerValue(value)) return number;
            message = "must be an integer";
            return std::nullopt;
        case Kind::kNumber:
        case Kind::kDecimal:
            if (auto number = NumberValue(value)) return number;
            message = "is not a number";
            return std::nullopt;
        case Kind::kBoolean:
            if (const auto flag = BooleanValue(value)) return Json(*flag);
            message = "must be true or false";
            return std::nullopt;
        case Kind::kDate:
            if (value.is_null() ||
                (value.is_string() && IsCalendarDate(value.get<std::string>()))) {
                return value;
            }
            message = "is not a valid date (YYYY-MM-DD)";
            return std::nullopt;
        case Kind::kIdList:
            if (value.is_array()) {
                Json ids = Json::array();
                for (const Json& item : value) {
                    const std::optional<Json> id = IntegerValue(item);
                    if (!id || id->is_null()) break;
                    ids.push_back(*id);
                }
                if (ids.size() == value.size()) return ids;
            }
            message = "must be an array of ids";
            return std::nullopt;
        case Kind::kIgnored:
            return Json(nullptr);
    }
    return std::nullopt;
}

// {id, name} objects for fields the emulator keeps no list of (offices, stages, …): the id the
// client sent, no name.
Json Reference(const Json& id) {
    return id.is_null() ? Json(nullptr) : Json{{"id", id}, {"name", nullptr}};
}

bool Set(Json& project, const char* field, Json value) {
    Json& slot = project[field];
    if (slot == value) return false;
    slot = std::move(value);
    return true;
}

Json DisplayName(const Json& project) {
    const auto text = [&](const char* field) {
        const auto it = project.find(field);
        return it != project.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string name = text("name");
    const std::string number = text("project_number");
    return number.empty() ? Json(name) : Json(number + " - " + name);
}

}  // namespace

std::optional<Json> ReadProjectFields(const Json& project, ProjectWrite write, FieldError& error) {
    Json fields = Json::object();
    for (const Field& field : Fields()) {
        const auto it = project.find(field.name);
        if (it == project.end() || field.kind == Kind::kIgnored) continue;
        const bool sync = write == ProjectWrite::kSyncCreate || write == ProjectWrite::kSyncUpdate;
        if (sync && field.name == "origin_code") continue;
        std::string message;
        std::optional<Json> value = Convert(field, *it, message);
        if (!value) {
            error = FieldError{422, std::string(field.name), message};
            return std::nullopt;
        }
        if (field.name == "origin_id" && IsBlank(*value)) value = Json(nullptr);
        fields[std::string(field.name)] = std::move(*value);
    }
    const bool creating = write == ProjectWrite::kCreate || write == ProjectWrite::kSyncCreate;
    if ((creating || fields.contains("name")) &&
        IsBlank(fields.value("name", Json()))) {
        error = FieldError{422, "name", "can't be blank"};
        return std::nullopt;
    }
    return fields;
}

bool ApplyProjectFields(Json& project, const Json& fields) {
    bool changed = false;
    const auto mirror = [&](const char* a, const char* b, const Json& value) {
        changed |= Set(project, a, value);
        changed |= Set(project, b, value);
    };
    const auto with_reference = [&](const char* id_field, const char* object, const Json& id) {
        if (id_field) changed |= Set(project, id_field, id);
        changed |= Set(project, object, Reference(id));
    };
    for (const auto& [name, value] : fields.items()) {
        if (name == "total_value" || name == "estimated_value") {
            mirror("total_value", "estimated_value",
                   value.is_null() ? Json(nullptr) : Json(DecimalText(value.get<double>())));
        } else if (name == "start_date" || name == "estimated_start_date") {
            mirror("start_date", "estimated_start_date", value);
        } else if (name == "completion_date" || name == "estimated_completion_date") {
            mirror("completion_date", "estimated_completion_date", value);
        } else if (name == "time_zone") {
            changed |= Set(project, "time_zone", value);
            changed |= Set(project, "tz_name", *TzNameOf(value.get<std::string>()));
        } else if (name == "office_id") {
            with_reference(nullptr, "office", value);
        } else if (name == "program_id") {
            with_reference(nullptr, "program", value);
        } else if (name == "project_type_id") {
            with_reference(nullptr, "project_type", value);
        } else if (name == "project_stage_id") {
            with_reference("project_stage_id", "project_stage", value);
        } else if (name == "project_bid_type_id") {
            with_reference("project_bid_type_id", "project_bid_type", value);
        } else if (name == "project_owner_type_id") {
            with_reference("project_owner_type_id", "project_owner_type", value);
        } else if (name == "project_region_id") {
            with_reference("project_region_id", "project_region", value);
        } else if (name == "parent_job_id") {
            with_reference("parent_job_id", "parent_job", value);
        } else if (name == "project_template_id") {
            changed |= Set(project, "from_project_template_id", value);
        } else if (name == "image_id") {
            changed |= Set(project, "photo_id", value);
        } else if (name == "erp_integrated") {
            changed |= Set(project, "is_erp_integrated", value);
        } else if (name == "department_ids") {
            Json departments = Json::array();
            for (const Json& id : value) departments.push_back(Reference(id));
            changed |= Set(project, "departments", std::move(departments));
        } else if (name == "override_start_date_check" || name == "override_end_date_check") {
            // The override dates show as the actual start and projected finish while checked.
            const bool start = name == "override_start_date_check";
            const char* date = start ? "override_start_date" : "override_end_date";
            const Json shown = value.get<bool>() ? fields.value(date, Json()) : Json(nullptr);
            changed |= Set(project, start ? "actual_start_date" : "projected_finish_date", shown);
        } else if (name == "override_start_date" || name == "override_end_date") {
            continue;  // shown only through its _check (above)
        } else {
            changed |= Set(project, name.c_str(), value);
        }
    }
    changed |= Set(project, "display_name", DisplayName(project));
    return changed;
}

}  // namespace crewsync::emulator
