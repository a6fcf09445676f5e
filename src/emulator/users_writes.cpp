#include "emulator/users_writes.hpp"

#include "emulator/clock.hpp"
#include "emulator/person_request.hpp"
#include "emulator/user_record.hpp"
#include "emulator/users_fields.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kTaken = "has already been taken";

std::string UserLabel(RecordId id) { return "User " + std::to_string(id); }

UserWriteResult NotFound(RecordId id, const std::string& why) {
    UserWriteResult result;
    result.status = UserWriteStatus::kNotFound;
    result.id = id;
    result.message = UserLabel(id) + why;
    return result;
}

UserWriteResult Invalid(Json errors) {
    UserWriteResult result;
    result.status = UserWriteStatus::kInvalid;
    result.errors = std::move(errors);
    return result;
}

// The permission template objects a user shows next to the ids (§6.3).
Json TemplateSummary(const Json& record) {
    const auto field = [&](const char* name, Json fallback) {
        const auto it = record.find(name);
        return it == record.end() ? fallback : *it;
    };
    return {{"id", record.at("id")},
            {"name", field("name", nullptr)},
            {"project_specific", field("project_specific", false)},
            {"type", field("type", nullptr)}};
}

struct Reference {
    const char* field;
    const Collection Company::*collection;
    const char* summary_field;  // "" when the user shows only the id
};

constexpr Reference kReferences[] = {
    {"default_permission_template_id", &Company::permission_templates, "permission_template"},
    {"company_permission_template_id", &Company::permission_templates,
     "company_permission_template"},
    {"work_classification_id", &Company::work_classifications, ""},
};

// Referenced templates and classifications must exist in the company, as Procore refuses
// dangling references.
void CheckReferences(const Company& company, const Json& fields, Json& errors) {
    for (const Reference& reference : kReferences) {
        const auto it = fields.find(reference.field);
        if (it == fields.end() || !it->is_number_integer()) continue;
        if (!(company.*reference.collection).Find(it->get<RecordId>())) {
            AddFieldError(errors, reference.field,
                          "does not exist in this company (id " + it->dump() + ")");
        }
    }
}

// Shows the templates named by the request's ids; untouched ids keep their objects, so an
// unrelated update does not count as a change.
void ShowReferences(const Company& company, const Json& fields, Json& user) {
    for (const Reference& reference : kReferences) {
        const auto it = fields.find(reference.field);
        if (it == fields.end() || *reference.summary_field == '\0') continue;
        const Json* record = it->is_number_integer()
                                 ? (company.*reference.collection).Find(it->get<RecordId>())
                                 : nullptr;
        user[reference.summary_field] = record ? TemplateSummary(*record) : Json(nullptr);
    }
}

// email_address and origin_id are unique within a company (§6.2, §12); an origin_id also
// among the company's contacts, as the people endpoints check it among users.
bool FindConflicts(const Company& company, RecordId self, const Json& fields,
                   UserWriteResult& result) {
    const auto check = [&](const char* field, RecordId owner, const std::string& value) {
        if (owner == 0 || owner == self) return;
        AddFieldError(result.errors, field, kTaken);
        if (result.message.empty()) {
            const char* holder = company.users.Find(owner) ? "user " : "contact ";
            result.message = std::string(field) + " '" + value + "' is already used by " +
                             holder + std::to_string(owner) + " of this company";
        }
    };
    if (const auto it = fields.find("email_address"); it != fields.end() && it->is_string()) {
        check("email_address", company.users.ByUnique(it->get<std::string>()),
              it->get<std::string>());
    }
    if (const auto it = fields.find("origin_id"); it != fields.end() && it->is_string()) {
        const std::string origin = it->get<std::string>();
        if (!origin.empty()) check("origin_id", PersonByOrigin(company, origin), origin);
    }
    if (result.errors.empty()) return false;
    result.status = UserWriteStatus::kConflict;
    return true;
}

// Stores `user` with `stamps` and updated_at set to `now`: a change the caller asked for.
UserWriteResult StoreStamped(Company& company, RecordId id, Json user,
                             std::initializer_list<const char*> stamps, Timestamp now) {
    const std::string at = IsoSeconds(now);
    for (const char* field : stamps) user[field] = at;
    user["updated_at"] = at;
    company.users.Put(std::move(user));
    UserWriteResult result;
    result.id = id;
    result.changed = true;
    return result;
}

}  // namespace

UserWriteResult CreateUser(State& state, Company& company, const Json& input, Timestamp now) {
    CheckedUserFields checked = CheckUserFields(input, true);
    CheckReferences(company, checked.fields, checked.errors);
    if (!checked.errors.empty()) return Invalid(std::move(checked.errors));
    UserWriteResult result;
    if (FindConflicts(company, 0, checked.fields, result)) return result;
    result.id = state.NextId();
    Json user = NewUserRecord(result.id, checked.fields, now);
    ShowReferences(company, checked.fields, user);
    company.users.Put(std::move(user));
    result.created = true;
    result.changed = true;
    return result;
}

UserWriteResult UpdateUser(Company& company, RecordId id, const Json& input, Timestamp now,
                           Reactivation reactivation) {
    const Json* old = company.users.Find(id);
    if (!old) return NotFound(id, " not found");
    CheckedUserFields checked = CheckUserFields(input, false);
    const bool was_active = IsActiveUser(*old);
    const auto active = checked.fields.find("is_active");
    if (reactivation == Reactivation::kRefused && !was_active && active != checked.fields.end() &&
        *active == true) {
        AddFieldError(checked.errors, "is_active",
                      "cannot be set back to true with an update: reactivate the user with "
                      "PATCH /rest/v1.0/companies/" +
                          std::to_string(company.id) + "/users/inactive/" + std::to_string(id) +
                          " or with a sync");
    }
    CheckReferences(company, checked.fields, checked.errors);
    if (!checked.errors.empty()) return Invalid(std::move(checked.errors));
    UserWriteResult result;
    result.id = id;
    if (FindConflicts(company, id, checked.fields, result)) return result;
    Json updated = *old;
    ApplyUserFields(updated, checked.fields);
    ShowReferences(company, checked.fields, updated);
    const std::string at = IsoSeconds(now);
    if (!was_active && IsActiveUser(updated)) updated["last_activated_at"] = at;
    if (updated == *old) return result;
    updated["updated_at"] = at;
    company.users.Put(std::move(updated));
    result.changed = true;
    return result;
}

UserWriteResult ReactivateUser(Company& company, RecordId id, Timestamp now) {
    const Json* old = company.users.Find(id);
    if (!old) return NotFound(id, " not found");
    if (IsActiveUser(*old)) {
        return NotFound(id, " is not inactive: only inactive users can be reactivated");
    }
    Json user = *old;
    user["is_active"] = true;
    return StoreStamped(company, id, std::move(user), {"last_activated_at"}, now);
}

UserWriteResult InviteUser(Company& company, RecordId id, Timestamp now) {
    const Json* old = company.users.Find(id);
    if (!old) return NotFound(id, " not found");
    return StoreStamped(company, id, *old, {"welcome_email_sent_at"}, now);
}

}  // namespace crewsync::emulator
