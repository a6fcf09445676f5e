#include "sync/fields.hpp"

#include "model/date.hpp"
#include "model/text.hpp"
#include "sync/normalize.hpp"

namespace crewsync::sync {
namespace {

std::string ActiveText(bool active) { return active ? "active" : "inactive"; }
std::string YesNo(bool value) { return value ? "yes" : "no"; }
std::string DateText(const std::optional<Date>& date) { return date ? FormatDate(*date) : ""; }

template <typename Values, typename Field>
void Put(Values& values, Field field, std::string value) {
    values[static_cast<std::size_t>(field)] = std::move(value);
}

}  // namespace

std::string_view Key(PersonField field) {
    switch (field) {
        case PersonField::kFirstName: return "first_name";
        case PersonField::kLastName: return "last_name";
        case PersonField::kEmail: return "email";
        case PersonField::kEmployeeId: return "employee_id";
        case PersonField::kMobilePhone: return "mobile_phone";
        case PersonField::kJobTitle: return "job_title";
        case PersonField::kActive: return "status";
        case PersonField::kIsEmployee: return "is_employee";
    }
    return "?";
}

std::string_view Key(ProjectField field) {
    switch (field) {
        case ProjectField::kName: return "name";
        case ProjectField::kProjectNumber: return "project_number";
        case ProjectField::kActive: return "status";
        case ProjectField::kStartDate: return "start_date";
        case ProjectField::kPlannedEndDate: return "planned_end_date";
        case ProjectField::kAddress: return "address";
        case ProjectField::kCity: return "city";
        case ProjectField::kPostalCode: return "postal_code";
        case ProjectField::kTimeZone: return "time_zone";
    }
    return "?";
}

std::string_view Label(PersonField field) {
    switch (field) {
        case PersonField::kFirstName: return "first name";
        case PersonField::kLastName: return "last name";
        case PersonField::kEmail: return "e-mail";
        case PersonField::kEmployeeId: return "employee ID";
        case PersonField::kMobilePhone: return "mobile phone";
        case PersonField::kJobTitle: return "job title";
        case PersonField::kActive: return "status";
        case PersonField::kIsEmployee: return "employee flag";
    }
    return "?";
}

std::string_view Label(ProjectField field) {
    switch (field) {
        case ProjectField::kName: return "name";
        case ProjectField::kProjectNumber: return "project number";
        case ProjectField::kActive: return "status";
        case ProjectField::kStartDate: return "start date";
        case ProjectField::kPlannedEndDate: return "planned end date";
        case ProjectField::kAddress: return "address";
        case ProjectField::kCity: return "city";
        case ProjectField::kPostalCode: return "postal code";
        case ProjectField::kTimeZone: return "time zone";
    }
    return "?";
}

bool IsSynced(PersonField field, RemoteKind kind) {
    if (kind != RemoteKind::kContact) return true;
    return field != PersonField::kEmail && field != PersonField::kMobilePhone;
}

bool IsOneWay(PersonField field) {
    return field == PersonField::kJobTitle || field == PersonField::kIsEmployee;
}

PersonValues ValuesOf(const Person& person) {
    PersonValues v;
    Put(v, PersonField::kFirstName, std::string(Trim(person.first_name)));
    Put(v, PersonField::kLastName, std::string(Trim(person.last_name)));
    Put(v, PersonField::kEmail, std::string(Trim(person.email)));
    Put(v, PersonField::kEmployeeId, std::string(Trim(person.employee_id)));
    Put(v, PersonField::kMobilePhone, std::string(Trim(person.mobile_phone)));
    Put(v, PersonField::kJobTitle, std::string(Trim(person.job_title)));
    Put(v, PersonField::kActive, ActiveText(person.status == RecordStatus::kActive));
    Put(v, PersonField::kIsEmployee, YesNo(true));
    return v;
}

PersonValues ValuesOf(const RemoteUser& user) {
    PersonValues v;
    Put(v, PersonField::kFirstName, std::string(Trim(user.first_name)));
    Put(v, PersonField::kLastName, std::string(Trim(user.last_name)));
    Put(v, PersonField::kEmail, std::string(Trim(user.email)));
    Put(v, PersonField::kEmployeeId, std::string(Trim(user.employee_id)));
    Put(v, PersonField::kMobilePhone, std::string(Trim(user.mobile_phone)));
    Put(v, PersonField::kJobTitle, std::string(Trim(user.job_title)));
    Put(v, PersonField::kActive, ActiveText(user.active));
    Put(v, PersonField::kIsEmployee, YesNo(user.is_employee));
    return v;
}

PersonValues ValuesOf(const RemoteContact& contact) {
    PersonValues v;
    Put(v, PersonField::kFirstName, std::string(Trim(contact.first_name)));
    Put(v, PersonField::kLastName, std::string(Trim(contact.last_name)));
    Put(v, PersonField::kEmail, std::string(Trim(contact.email)));
    Put(v, PersonField::kEmployeeId, std::string(Trim(contact.employee_id)));
    Put(v, PersonField::kJobTitle, std::string(Trim(contact.job_title)));
    Put(v, PersonField::kActive, ActiveText(contact.active));
    Put(v, PersonField::kIsEmployee, YesNo(contact.is_employee));
    return v;
}

ProjectValues ValuesOf(const Project& project) {
    ProjectValues v;
    Put(v, ProjectField::kName, std::string(Trim(project.name)));
    Put(v, ProjectField::kProjectNumber, std::string(Trim(project.project_number)));
    Put(v, ProjectField::kActive, ActiveText(project.status == RecordStatus::kActive));
    Put(v, ProjectField::kStartDate, DateText(project.start_date));
    Put(v, ProjectField::kPlannedEndDate, DateText(project.planned_end_date));
    Put(v, ProjectField::kAddress, std::string(Trim(project.address)));
    Put(v, ProjectField::kCity, std::string(Trim(project.city)));
    Put(v, ProjectField::kPostalCode, std::string(Trim(project.postal_code)));
    Put(v, ProjectField::kTimeZone, std::string(Trim(project.time_zone)));
    return v;
}

ProjectValues ValuesOf(const RemoteProject& project) {
    ProjectValues v;
    Put(v, ProjectField::kName, std::string(Trim(project.name)));
    Put(v, ProjectField::kProjectNumber, std::string(Trim(project.project_number)));
    Put(v, ProjectField::kActive, ActiveText(project.active));
    Put(v, ProjectField::kStartDate, DateText(project.start_date));
    Put(v, ProjectField::kPlannedEndDate, DateText(project.completion_date));
    Put(v, ProjectField::kAddress, std::string(Trim(project.address)));
    Put(v, ProjectField::kCity, std::string(Trim(project.city)));
    Put(v, ProjectField::kPostalCode, std::string(Trim(project.zip)));
    Put(v, ProjectField::kTimeZone, std::string(Trim(project.time_zone)));
    return v;
}

bool SameValue(PersonField field, std::string_view a, std::string_view b,
               std::string_view default_country_code) {
    a = Trim(a);
    b = Trim(b);
    if (a == b) return true;
    switch (field) {
        case PersonField::kEmail: return EqualsIgnoreCase(a, b);
        case PersonField::kMobilePhone: {
            const std::string x = NormalizePhone(a, default_country_code);
            return !x.empty() && x == NormalizePhone(b, default_country_code);
        }
        case PersonField::kEmployeeId: return NormalizeEmployeeId(a) == NormalizeEmployeeId(b);
        default: return false;
    }
}

bool SameValue(ProjectField field, std::string_view a, std::string_view b) {
    a = Trim(a);
    b = Trim(b);
    if (a == b) return true;
    if (field == ProjectField::kProjectNumber) {
        return NormalizeProjectNumber(a) == NormalizeProjectNumber(b);
    }
    return false;
}

void SetField(Person& person, PersonField field, std::string_view value) {
    switch (field) {
        case PersonField::kFirstName: person.first_name = value; break;
        case PersonField::kLastName: person.last_name = value; break;
        case PersonField::kEmail: person.email = value; break;
        case PersonField::kEmployeeId: person.employee_id = value; break;
        case PersonField::kMobilePhone: person.mobile_phone = value; break;
        case PersonField::kJobTitle: person.job_title = value; break;
        case PersonField::kActive:
            person.status = value == "inactive" ? RecordStatus::kInactive : RecordStatus::kActive;
            break;
        case PersonField::kIsEmployee: break;  // every crewsync person is an employee
    }
}

void SetField(Project& project, ProjectField field, std::string_view value) {
    switch (field) {
        case ProjectField::kName: project.name = value; break;
        case ProjectField::kProjectNumber: project.project_number = value; break;
        case ProjectField::kActive:
            project.status = value == "inactive" ? RecordStatus::kInactive : RecordStatus::kActive;
            break;
        case ProjectField::kStartDate: project.start_date = ParseDate(value); break;
        case ProjectField::kPlannedEndDate: project.planned_end_date = ParseDate(value); break;
        case ProjectField::kAddress: project.address = value; break;
        case ProjectField::kCity: project.city = value; break;
        case ProjectField::kPostalCode: project.postal_code = value; break;
        case ProjectField::kTimeZone: project.time_zone = value; break;
    }
}

}  // namespace crewsync::sync
