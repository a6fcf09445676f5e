#include "model/validation.hpp"

#include <fmt/format.h>

#include "model/text.hpp"
#include "model/time_zone.hpp"

namespace crewsync {
namespace {

// Checks text that every free-text field shares: clean UTF-8, no control characters,
// no surrounding spaces, a sane length.
void CheckText(std::vector<FieldProblem>& out, std::string_view field, std::string_view value,
               bool required) {
    if (required && Trim(value).empty()) {
        out.push_back({std::string(field), "is required"});
        return;
    }
    if (!IsCleanText(value)) {
        out.push_back({std::string(field), "contains control characters or is not valid UTF-8"});
        return;
    }
    std::size_t characters = 0;
    for (unsigned char c : value) characters += (c & 0xC0) != 0x80 ? 1 : 0;
    if (characters > kMaxFieldLength) {
        out.push_back({std::string(field),
                       fmt::format("is {} characters long; at most {} are allowed", characters,
                                   kMaxFieldLength)});
        return;
    }
    if (Trim(value).size() != value.size()) {
        out.push_back({std::string(field), "has leading or trailing spaces"});
    }
}

void CheckGroups(std::vector<FieldProblem>& out, const std::vector<std::string>& groups,
                 const ValidationContext& context) {
    for (const std::string& g : groups) {
        if (!context.HasGroup(g)) {
            out.push_back({"groups", fmt::format("unknown group '{}'", g)});
        }
    }
}

void CheckListName(std::vector<FieldProblem>& out, std::string_view name) {
    // Group and classification names are written in ';'-separated CSV lists.
    if (name.find(';') != std::string_view::npos) {
        out.push_back({"name", "must not contain ';' (it separates names in CSV lists)"});
    }
}

}  // namespace

void ValidationContext::AddGroup(std::string_view name) { groups_.insert(AsciiLower(name)); }
void ValidationContext::AddClassification(std::string_view name) {
    classifications_.insert(AsciiLower(name));
}
bool ValidationContext::HasGroup(std::string_view name) const {
    return groups_.count(AsciiLower(name)) > 0;
}
bool ValidationContext::HasClassification(std::string_view name) const {
    return classifications_.count(AsciiLower(name)) > 0;
}

std::vector<FieldProblem> ValidatePerson(const Person& p, const ValidationContext& context) {
    std::vector<FieldProblem> out;
    CheckText(out, "first_name", p.first_name, true);
    CheckText(out, "last_name", p.last_name, true);
    CheckText(out, "email", p.email, false);
    CheckText(out, "employee_id", p.employee_id, false);
    CheckText(out, "mobile_phone", p.mobile_phone, false);
    CheckText(out, "job_title", p.job_title, false);
    if (!p.email.empty() && !LooksLikeEmail(p.email)) {
        out.push_back({"email", fmt::format("'{}' is not an e-mail address", p.email)});
    }
    if (p.email.empty() && CanLogIn(p.type)) {
        out.push_back({"email", fmt::format("is required for type '{}' (people who log in need "
                                            "an e-mail address)", Name(p.type))});
    }
    if (!p.mobile_phone.empty() && !LooksLikePhone(p.mobile_phone)) {
        out.push_back({"mobile_phone", fmt::format("'{}' is not a phone number (7 to 15 digits, "
                                                   "with + ( ) - . and spaces)", p.mobile_phone)});
    }
    CheckGroups(out, p.groups, context);
    if (!p.classification.empty() && !context.HasClassification(p.classification)) {
        out.push_back({"classification",
                       fmt::format("unknown classification '{}'", p.classification)});
    }
    for (const auto& [key, value] : p.custom_fields) {
        if (Trim(key).empty()) out.push_back({"custom_fields", "a custom field has no name"});
        CheckText(out, "custom:" + key, value, false);
    }
    return out;
}

std::vector<FieldProblem> ValidateProject(const Project& p, const ValidationContext& context) {
    std::vector<FieldProblem> out;
    CheckText(out, "name", p.name, true);
    CheckText(out, "project_number", p.project_number, false);
    CheckText(out, "address", p.address, false);
    CheckText(out, "city", p.city, false);
    CheckText(out, "postal_code", p.postal_code, false);
    if (p.start_date && p.planned_end_date && *p.planned_end_date < *p.start_date) {
        out.push_back({"planned_end_date",
                       fmt::format("{} is before the start date {}", FormatDate(*p.planned_end_date),
                                   FormatDate(*p.start_date))});
    }
    if (!p.time_zone.empty() && !IsKnownTimeZone(p.time_zone)) {
        out.push_back({"time_zone", fmt::format("'{}' is not a known time zone (use an IANA "
                                                "name such as America/Chicago)", p.time_zone)});
    }
    CheckGroups(out, p.groups, context);
    return out;
}

std::vector<FieldProblem> ValidateGroup(const Group& g) {
    std::vector<FieldProblem> out;
    CheckText(out, "name", g.name, true);
    CheckListName(out, g.name);
    CheckText(out, "description", g.description, false);
    return out;
}

std::vector<FieldProblem> ValidateClassification(const Classification& c) {
    std::vector<FieldProblem> out;
    CheckText(out, "name", c.name, true);
    CheckListName(out, c.name);
    CheckText(out, "abbreviation", c.abbreviation, false);
    return out;
}

std::vector<FieldProblem> ValidateAssignment(const Assignment& a, const Person& person) {
    std::vector<FieldProblem> out;
    if (!CanBeAssigned(person.type)) {
        out.push_back({"person", fmt::format("{} is a '{}'-type person and cannot be assigned to "
                                             "projects (change the type to assignable or both)",
                                             FullName(person), Name(person.type))});
    }
    if (!a.start_date.ok()) out.push_back({"start_date", "is required"});
    if (!a.end_date.ok()) out.push_back({"end_date", "is required"});
    if (a.start_date.ok() && a.end_date.ok() && a.end_date < a.start_date) {
        out.push_back({"end_date", fmt::format("{} is before the start date {}",
                                               FormatDate(a.end_date), FormatDate(a.start_date))});
    }
    CheckText(out, "note", a.note, false);
    return out;
}

std::optional<Hours> HoursBetween(TimeOfDay time_in, TimeOfDay time_out, int lunch_minutes) {
    const int worked = time_out.minutes - time_in.minutes - lunch_minutes;
    if (time_out.minutes <= time_in.minutes || worked <= 0) return std::nullopt;
    // Minutes to hundredths of an hour, rounded half up: 20 min -> 0.33 h.
    return Hours{(worked * 100 + 30) / 60};
}

std::vector<FieldProblem> ValidateTimeEntry(const TimeEntry& e, const Person& person,
                                            const ValidationContext& context) {
    std::vector<FieldProblem> out;
    if (!CanBeAssigned(person.type)) {
        out.push_back({"person", fmt::format("{} is a '{}'-type person and cannot log time on "
                                             "projects", FullName(person), Name(person.type))});
    }
    if (!e.date.ok()) out.push_back({"date", "is required"});
    if (e.time_in.has_value() != e.time_out.has_value()) {
        out.push_back({e.time_in ? "time_out" : "time_in",
                       "time in and time out go together: give both or neither"});
    }
    if (e.lunch_minutes < 0 || e.lunch_minutes > 240) {
        out.push_back({"lunch_minutes", fmt::format("{} is out of range (0 to 240 minutes)",
                                                    e.lunch_minutes)});
    } else if (e.lunch_minutes > 0 && !e.time_in) {
        out.push_back({"lunch_minutes", "needs time in and time out"});
    }
    if (e.time_in && e.time_out) {
        if (e.time_out->minutes <= e.time_in->minutes) {
            out.push_back({"time_out", fmt::format("{} is not after time in {} (split shifts that "
                                                   "cross midnight into two entries)",
                                                   FormatTimeOfDay(*e.time_out),
                                                   FormatTimeOfDay(*e.time_in))});
        } else if (auto derived = HoursBetween(*e.time_in, *e.time_out, e.lunch_minutes)) {
            if (e.hours.hundredths != 0 && e.hours != *derived) {
                out.push_back({"hours", fmt::format("{} does not match time in/out ({} h)",
                                                    FormatHours(e.hours), FormatHours(*derived))});
            }
        } else {
            out.push_back({"lunch_minutes", "is as long as the shift or longer"});
        }
    } else if (e.hours.hundredths <= 0 || e.hours.hundredths > kMaxHundredthsPerEntry) {
        out.push_back({"hours", fmt::format("{} is out of range (more than 0, at most 24)",
                                            FormatHours(e.hours))});
    }
    if (!e.classification.empty() && !context.HasClassification(e.classification)) {
        out.push_back({"classification",
                       fmt::format("unknown classification '{}'", e.classification)});
    }
    CheckText(out, "cost_code", e.cost_code, false);
    CheckText(out, "notes", e.notes, false);
    CheckText(out, "source_ref", e.source_ref, false);
    return out;
}

Error InvalidRecord(std::string_view what, std::vector<FieldProblem> problems) {
    return Error(ErrorCode::kInvalidArgument, fmt::format("{} is not valid", what),
                 std::move(problems));
}

}  // namespace crewsync
