#include "engine/operation_fields.hpp"

#include "sync/fields.hpp"

namespace crewsync::engine {
namespace {

bool IsActive(const std::string& value) { return value != "inactive"; }

}  // namespace

procore::UserFields UserFieldsFor(const std::vector<const sync::Operation*>& ops) {
    procore::UserFields f;
    for (const sync::Operation* op : ops) {
        if (op->kind == sync::OperationKind::kCreateUser) {
            f.origin_id = op->origin_id;
            f.is_active = true;
            f.is_employee = true;
            if (op->permission_template_id != 0) {
                f.default_permission_template_id = op->permission_template_id;
            }
        }
        for (const sync::FieldChange& c : op->changes) {
            const std::string& v = c.after;
            if (c.field == "first_name") f.first_name = v;
            else if (c.field == "last_name") f.last_name = v;
            else if (c.field == "email") f.email_address = v;
            else if (c.field == "employee_id") f.employee_id = v;
            else if (c.field == "mobile_phone") f.mobile_phone = v;
            else if (c.field == "job_title") f.job_title = v;
            else if (c.field == "status") f.is_active = IsActive(v);
            else if (c.field == "is_employee") f.is_employee = v == "yes";
        }
    }
    return f;
}

procore::PersonFields ContactFieldsFor(const std::vector<const sync::Operation*>& ops) {
    procore::PersonFields f;
    for (const sync::Operation* op : ops) {
        if (op->kind == sync::OperationKind::kCreateContact) {
            f.origin_id = op->origin_id;
            f.active = true;
            f.is_employee = true;
        }
        for (const sync::FieldChange& c : op->changes) {
            const std::string& v = c.after;
            if (c.field == "first_name") f.first_name = v;
            else if (c.field == "last_name") f.last_name = v;
            else if (c.field == "employee_id") f.employee_id = v;
            else if (c.field == "job_title") f.job_title = v;
            else if (c.field == "status") f.active = IsActive(v);
            else if (c.field == "is_employee") f.is_employee = v == "yes";
        }
    }
    return f;
}

procore::ProjectFields ProjectFieldsFor(const std::vector<const sync::Operation*>& ops) {
    procore::ProjectFields f;
    for (const sync::Operation* op : ops) {
        if (op->kind == sync::OperationKind::kCreateProject) {
            f.origin_id = op->origin_id;
            f.active = true;
        }
        for (const sync::FieldChange& c : op->changes) {
            const std::string& v = c.after;
            if (c.field == "name") f.name = v;
            else if (c.field == "project_number") f.project_number = v;
            else if (c.field == "status") f.active = IsActive(v);
            else if (c.field == "start_date") f.start_date = v;
            else if (c.field == "planned_end_date") f.completion_date = v;
            else if (c.field == "address") f.address = v;
            else if (c.field == "city") f.city = v;
            else if (c.field == "postal_code") f.zip = v;
            else if (c.field == "time_zone") f.time_zone = v;
        }
    }
    return f;
}

void ApplyChanges(const sync::Operation& op, Person& person) {
    for (const sync::FieldChange& c : op.changes) {
        for (std::size_t i = 0; i < sync::kPersonFieldCount; ++i) {
            const auto field = static_cast<sync::PersonField>(i);
            if (c.field == sync::Key(field) && field != sync::PersonField::kIsEmployee) {
                sync::SetField(person, field, c.after);
            }
        }
    }
}

void ApplyChanges(const sync::Operation& op, Project& project) {
    for (const sync::FieldChange& c : op.changes) {
        if (c.field == "groups") {
            project.groups.push_back(c.after);
            continue;
        }
        for (std::size_t i = 0; i < sync::kProjectFieldCount; ++i) {
            const auto field = static_cast<sync::ProjectField>(i);
            if (c.field == sync::Key(field)) sync::SetField(project, field, c.after);
        }
    }
}

}  // namespace crewsync::engine
