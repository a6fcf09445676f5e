#include "emulator/user_record.hpp"

#include <array>
#include <string_view>

#include "emulator/clock.hpp"

namespace crewsync::emulator {
namespace {

constexpr std::array<std::string_view, 26> kWritable = {
    "first_name", "last_name", "email_address", "job_title", "address", "city", "zip",
    "business_phone", "business_phone_extension", "mobile_phone", "fax_number",
    "email_signature", "notes", "initials", "country_code", "state_code", "is_active",
    "is_employee", "employee_id", "origin_id", "origin_data", "vendor_id",
    "default_permission_template_id", "company_permission_template_id",
    "work_classification_id", "add_to_new_projects"};

std::string FullName(const Json& user) {
    const std::string first = user.value("first_name", Json()).is_string()
                                  ? user["first_name"].get<std::string>()
                                  : "";
    const std::string last = user.value("last_name", Json()).is_string()
                                 ? user["last_name"].get<std::string>()
                                 : "";
    if (first.empty()) return last;
    if (last.empty()) return first;
    return first + " " + last;
}

}  // namespace

bool IsWritableUserField(const std::string& name) {
    for (std::string_view w : kWritable) {
        if (w == name) return true;
    }
    return false;
}

Json NewUserRecord(RecordId id, const Json& fields, Timestamp now) {
    const std::string at = IsoSeconds(now);
    Json user = {
        {"id", id}, {"first_name", nullptr}, {"last_name", nullptr}, {"name", nullptr},
        {"initials", nullptr}, {"email_address", nullptr}, {"job_title", nullptr},
        {"address", nullptr}, {"city", nullptr}, {"zip", nullptr}, {"state_code", nullptr},
        {"country_code", nullptr}, {"business_phone", nullptr},
        {"business_phone_extension", nullptr}, {"mobile_phone", nullptr},
        {"fax_number", nullptr}, {"email_signature", nullptr}, {"notes", nullptr},
        {"avatar", nullptr}, {"is_active", true}, {"is_employee", false},
        {"employee_id", nullptr}, {"is_insurance_manager", false},
        {"erp_integrated_accountant", false}, {"business_id", nullptr},
        {"contact_id", nullptr}, {"origin_id", nullptr}, {"origin_data", nullptr},
        {"vendor", nullptr}, {"work_classification_id", nullptr},
        {"default_permission_template_id", nullptr},
        {"company_permission_template_id", nullptr}, {"permission_template", nullptr},
        {"company_permission_template", nullptr}, {"last_login_at", nullptr},
        {"welcome_email_sent_at", nullptr}, {"last_activated_at", nullptr},
        {"created_at", at}, {"updated_at", at}, {"add_to_new_projects", false},
        {"role", nullptr}, {"verified_employee", false}};
    ApplyUserFields(user, fields, now);
    return user;
}

void ApplyUserFields(Json& user, const Json& fields, Timestamp now) {
    for (const auto& [name, value] : fields.items()) {
        if (!IsWritableUserField(name)) continue;
        if (name == "vendor_id") {
            user["vendor"] = value.is_null() ? Json(nullptr) : Json{{"id", value}, {"name", nullptr}};
            continue;
        }
        user[name] = value;
    }
    user["name"] = FullName(user);
    user["updated_at"] = IsoSeconds(now);
}

}  // namespace crewsync::emulator
