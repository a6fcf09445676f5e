#include "emulator/person_record.hpp"

#include <cstdio>

#include "emulator/clock.hpp"

namespace crewsync::emulator {
namespace {

Json FieldOr(const Json& record, const char* field, Json fallback) {
    const auto it = record.find(field);
    return it == record.end() ? fallback : *it;
}

}  // namespace

Json NewContactRecord(RecordId id, Timestamp now) {
    const std::string at = IsoSeconds(now);
    return Json{{"id", id},
                {"first_name", nullptr},
                {"last_name", nullptr},
                {"is_employee", false},
                {"employee_id", nullptr},
                {"user_id", nullptr},
                {"user_uuid", nullptr},
                {"work_classification_id", nullptr},
                {"origin_id", nullptr},
                {"job_title", nullptr},
                {"contact", {{"is_active", true}, {"email", nullptr}}},
                {"created_at", at},
                {"updated_at", at}};
}

Json PersonOfUser(const Json& user) {
    const RecordId id = user.value("id", RecordId{0});
    // A user record always carries is_active; one without counts as active, as for users.
    const Json active = FieldOr(user, "is_active", true);
    return Json{{"id", id},
                {"first_name", FieldOr(user, "first_name", nullptr)},
                {"last_name", FieldOr(user, "last_name", nullptr)},
                {"is_employee", FieldOr(user, "is_employee", false)},
                {"employee_id", FieldOr(user, "employee_id", nullptr)},
                {"user_id", id},
                {"user_uuid", UserUuid(id)},
                {"work_classification_id", FieldOr(user, "work_classification_id", nullptr)},
                {"origin_id", FieldOr(user, "origin_id", nullptr)},
                {"job_title", FieldOr(user, "job_title", nullptr)},
                {"contact",
                 {{"is_active", active.is_boolean() ? active : Json(true)},
                  {"email", FieldOr(user, "email_address", nullptr)}}},
                {"created_at", FieldOr(user, "created_at", nullptr)},
                {"updated_at", FieldOr(user, "updated_at", nullptr)}};
}

bool IsActivePerson(const Json& person) {
    const auto contact = person.find("contact");
    if (contact == person.end() || !contact->is_object()) return true;
    const auto active = contact->find("is_active");
    return active == contact->end() || !active->is_boolean() || active->get<bool>();
}

void SetPersonActive(Json& person, bool active) {
    Json& contact = person["contact"];
    if (!contact.is_object()) contact = Json{{"email", nullptr}};
    contact["is_active"] = active;
}

std::string PersonText(const Json& person, const char* field) {
    const auto it = person.find(field);
    return it != person.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string UserUuid(RecordId user_id) {
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012llx",
                  static_cast<unsigned long long>(user_id));
    return text;
}

}  // namespace crewsync::emulator
