#include "emulator/person_request.hpp"

#include "emulator/person_record.hpp"

namespace crewsync::emulator {
namespace {

std::optional<Json> Fail(FieldError& error, const char* field, const char* message) {
    error = FieldError{422, field, message};
    return std::nullopt;
}

}  // namespace

std::optional<Json> ReadPersonFields(const Json& person, bool creating, const Company& company,
                                     FieldError& error) {
    Json fields = Json::object();
    for (const char* name : {"first_name", "last_name", "employee_id", "job_title", "origin_id"}) {
        const auto it = person.find(name);
        if (it == person.end()) continue;
        std::optional<Json> text = TextValue(*it);
        if (!text) return Fail(error, name, "is invalid");
        if (std::string(name) == "origin_id" && IsBlank(*text)) text = Json(nullptr);
        fields[name] = std::move(*text);
    }
    if ((creating || fields.contains("last_name")) && IsBlank(fields.value("last_name", Json()))) {
        return Fail(error, "last_name", "can't be blank");
    }
    for (const char* name : {"is_employee", "active"}) {
        const auto it = person.find(name);
        if (it == person.end()) continue;
        const std::optional<bool> flag = BooleanValue(*it);
        if (!flag) return Fail(error, name, "must be true or false");
        fields[name] = *flag;
    }
    if (const auto it = person.find("work_classification_id"); it != person.end()) {
        const std::optional<Json> id = IntegerValue(*it);
        if (!id) return Fail(error, "work_classification_id", "is not a number");
        if (!id->is_null() && !company.work_classifications.Find(id->get<RecordId>())) {
            return Fail(error, "work_classification_id",
                        "does not exist (no work classification of this company has this id)");
        }
        fields["work_classification_id"] = *id;
    }
    return fields;
}

bool ApplyPersonFields(Json& contact, const Json& fields) {
    bool changed = false;
    for (const auto& [name, value] : fields.items()) {
        if (name == "active") {
            if (IsActivePerson(contact) != value.get<bool>()) {
                SetPersonActive(contact, value.get<bool>());
                changed = true;
            }
            continue;
        }
        Json& field = contact[name];
        if (field != value) {
            field = value;
            changed = true;
        }
    }
    return changed;
}

RecordId PersonByOrigin(const Company& company, const std::string& origin_id) {
    if (origin_id.empty()) return 0;
    if (const RecordId id = company.contacts.ByOrigin(origin_id)) return id;
    return company.users.ByOrigin(origin_id);
}

}  // namespace crewsync::emulator
