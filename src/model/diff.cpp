#include "model/diff.hpp"

#include <algorithm>

#include "model/text.hpp"

namespace crewsync {
namespace {

class FieldDiff {
public:
    template <class T>
    FieldDiff& Compare(const char* name, const T& a, const T& b) {
        if (!(a == b)) fields_.emplace_back(name);
        return *this;
    }
    // Lists of names compare as sets, ignoring case and order: ["North", "South"] equals
    // ["south", "north"].
    FieldDiff& CompareNames(const char* name, const std::vector<std::string>& a,
                            const std::vector<std::string>& b) {
        if (Normalised(a) != Normalised(b)) fields_.emplace_back(name);
        return *this;
    }
    std::vector<std::string> Take() { return std::move(fields_); }

private:
    static std::vector<std::string> Normalised(const std::vector<std::string>& names) {
        std::vector<std::string> out;
        out.reserve(names.size());
        for (const auto& n : names) out.push_back(AsciiLower(n));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    std::vector<std::string> fields_;
};

}  // namespace

std::vector<std::string> ChangedFields(const Person& a, const Person& b) {
    return FieldDiff()
        .Compare("first_name", a.first_name, b.first_name)
        .Compare("last_name", a.last_name, b.last_name)
        .Compare("email", a.email, b.email)
        .Compare("employee_id", a.employee_id, b.employee_id)
        .Compare("mobile_phone", a.mobile_phone, b.mobile_phone)
        .Compare("job_title", a.job_title, b.job_title)
        .Compare("status", a.status, b.status)
        .Compare("type", a.type, b.type)
        .CompareNames("groups", a.groups, b.groups)
        .Compare("permission", a.permission, b.permission)
        .Compare("classification", AsciiLower(a.classification), AsciiLower(b.classification))
        .Compare("custom_fields", a.custom_fields, b.custom_fields)
        .Take();
}

std::vector<std::string> ChangedFields(const Project& a, const Project& b) {
    return FieldDiff()
        .Compare("name", a.name, b.name)
        .Compare("project_number", a.project_number, b.project_number)
        .Compare("status", a.status, b.status)
        .Compare("start_date", a.start_date, b.start_date)
        .Compare("planned_end_date", a.planned_end_date, b.planned_end_date)
        .Compare("address", a.address, b.address)
        .Compare("city", a.city, b.city)
        .Compare("postal_code", a.postal_code, b.postal_code)
        .Compare("time_zone", a.time_zone, b.time_zone)
        .CompareNames("groups", a.groups, b.groups)
        .Take();
}

std::vector<std::string> ChangedFields(const Group& a, const Group& b) {
    return FieldDiff()
        .Compare("name", a.name, b.name)
        .Compare("description", a.description, b.description)
        .Take();
}

std::vector<std::string> ChangedFields(const Classification& a, const Classification& b) {
    return FieldDiff()
        .Compare("name", a.name, b.name)
        .Compare("abbreviation", a.abbreviation, b.abbreviation)
        .Compare("status", a.status, b.status)
        .Take();
}

std::vector<std::string> ChangedFields(const Assignment& a, const Assignment& b) {
    return FieldDiff()
        .Compare("person", a.person, b.person)
        .Compare("project", a.project, b.project)
        .Compare("start_date", a.start_date, b.start_date)
        .Compare("end_date", a.end_date, b.end_date)
        .Compare("note", a.note, b.note)
        .Take();
}

std::vector<std::string> ChangedFields(const TimeEntry& a, const TimeEntry& b) {
    return FieldDiff()
        .Compare("person", a.person, b.person)
        .Compare("project", a.project, b.project)
        .Compare("date", a.date, b.date)
        .Compare("hours", a.hours, b.hours)
        .Compare("time_in", a.time_in, b.time_in)
        .Compare("time_out", a.time_out, b.time_out)
        .Compare("lunch_minutes", a.lunch_minutes, b.lunch_minutes)
        .Compare("classification", AsciiLower(a.classification), AsciiLower(b.classification))
        .Compare("cost_code", a.cost_code, b.cost_code)
        .Compare("notes", a.notes, b.notes)
        .Compare("approval", a.approval, b.approval)
        .Compare("source_ref", a.source_ref, b.source_ref)
        .Take();
}

}  // namespace crewsync
