#include "emulator/user_record.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "emulator/clock.hpp"

namespace crewsync::emulator {
namespace {

using Kind = UserFieldKind;

constexpr std::array<std::pair<std::string_view, Kind>, 27> kWritable = {{
    {"first_name", Kind::kText},
    {"last_name", Kind::kText},
    {"email_address", Kind::kText},
    {"job_title", Kind::kText},
    {"address", Kind::kText},
    {"city", Kind::kText},
    {"zip", Kind::kText},
    {"business_phone", Kind::kText},
    {"business_phone_extension", Kind::kInteger},
    {"mobile_phone", Kind::kText},
    {"fax_number", Kind::kText},
    {"email_signature", Kind::kText},
    {"notes", Kind::kText},
    {"initials", Kind::kText},
    {"country_code", Kind::kText},
    {"state_code", Kind::kText},
    {"is_active", Kind::kBoolean},
    {"is_employee", Kind::kBoolean},
    {"employee_id", Kind::kText},
    {"origin_id", Kind::kText},
    {"origin_data", Kind::kText},
    {"vendor_id", Kind::kInteger},
    {"default_permission_template_id", Kind::kInteger},
    {"company_permission_template_id", Kind::kInteger},
    {"work_classification_id", Kind::kInteger},
    {"add_to_new_projects", Kind::kBoolean},
    {"avatar", Kind::kFile},
}};

std::string FullName(const Json& user) {
    const std::string first = UserText(user, "first_name");
    const std::string last = UserText(user, "last_name");
    if (first.empty()) return last;
    if (last.empty()) return first;
    return first + " " + last;
}

// The uploaded picture itself is not kept (the emulator serves no files); the record shows
// where Procore would serve it, on a host that never resolves.
std::string AvatarUrl(const Json& user) {
    return "https://procore-emulator.invalid/avatars/" +
           std::to_string(user.value("id", RecordId{0})) + ".png";
}

// Every field a new user has, all empty: copying it is several times faster than building the
// object field by field, which counts when a generated Directory of 100,000 users is made.
const Json& UserPrototype() {
    static const Json prototype = {{"id", 0},
                                   {"first_name", nullptr},
                                   {"last_name", nullptr},
                                   {"name", nullptr},
                                   {"initials", nullptr},
                                   {"email_address", nullptr},
                                   {"job_title", nullptr},
                                   {"address", nullptr},
                                   {"city", nullptr},
                                   {"zip", nullptr},
                                   {"state_code", nullptr},
                                   {"country_code", nullptr},
                                   {"business_phone", nullptr},
                                   {"business_phone_extension", nullptr},
                                   {"mobile_phone", nullptr},
                                   {"fax_number", nullptr},
                                   {"email_signature", nullptr},
                                   {"notes", nullptr},
                                   {"avatar", nullptr},
                                   {"is_active", true},
                                   {"is_employee", false},
                                   {"employee_id", nullptr},
                                   {"is_insurance_manager", false},
                                   {"erp_integrated_accountant", false},
                                   {"business_id", nullptr},
                                   {"contact_id", nullptr},
                                   {"origin_id", nullptr},
                                   {"origin_data", nullptr},
                                   {"vendor", nullptr},
                                   {"work_classification_id", nullptr},
                                   {"default_permission_template_id", nullptr},
                                   {"company_permission_template_id", nullptr},
                                   {"permission_template", nullptr},
                                   {"company_permission_template", nullptr},
                                   {"last_login_at", nullptr},
                                   {"welcome_email_sent_at", nullptr},
                                   {"last_activated_at", nullptr},
                                   {"created_at", nullptr},
                                   {"updated_at", nullptr},
                                   {"add_to_new_projects", false},
                                   {"role", nullptr},
                                   {"verified_employee", false}};
    return prototype;
}

}  // namespace

std::optional<UserFieldKind> WritableUserFieldKind(const std::string& name) {
    for (const auto& [field, kind] : kWritable) {
        if (field == name) return kind;
    }
    return std::nullopt;
}

bool IsWritableUserField(const std::string& name) {
    return WritableUserFieldKind(name).has_value();
}

Json NewUserRecord(RecordId id, const Json& fields, Timestamp now) {
    Json user = UserPrototype();
    user["id"] = id;
    const std::string at = IsoSeconds(now);
    user["created_at"] = at;
    user["updated_at"] = at;
    ApplyUserFields(user, fields);
    return user;
}

void ApplyUserFields(Json& user, const Json& fields) {
    for (const auto& [name, value] : fields.items()) {
        if (!IsWritableUserField(name)) continue;
        if (name == "vendor_id") {
            user["vendor"] =
                value.is_null() ? Json(nullptr) : Json{{"id", value}, {"name", nullptr}};
        } else if (name == "avatar") {
            user["avatar"] = value.is_null() ? Json(nullptr) : Json(AvatarUrl(user));
        } else {
            user[name] = value;
        }
    }
    user["name"] = FullName(user);
}

bool IsActiveUser(const Json& user) {
    // A std::string key compares faster than a literal: this runs for every user of a list.
    static const std::string kIsActive = "is_active";
    const auto it = user.find(kIsActive);
    return it == user.end() || !it->is_boolean() || it->get<bool>();
}

std::string UserText(const Json& user, const char* field) {
    const auto it = user.find(field);
    return it != user.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace crewsync::emulator
