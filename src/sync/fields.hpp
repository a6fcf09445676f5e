// The mapped fields of product.md §3 and §5, as text, so that the link report, the plan and the
// last-synced baselines compare and print them one way.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "model/person.hpp"
#include "model/project.hpp"
#include "sync/remote.hpp"

namespace crewsync::sync {

enum class PersonField : std::size_t {
    kFirstName,
    kLastName,
    kEmail,
    kEmployeeId,
    kMobilePhone,
    kJobTitle,
    kActive,      // "active" | "inactive"
    kIsEmployee,  // always "yes" on the crewsync side: every person is an employee
};
inline constexpr std::size_t kPersonFieldCount = 8;

enum class ProjectField : std::size_t {
    kName,
    kProjectNumber,
    kActive,
    kStartDate,  // YYYY-MM-DD or ""
    kPlannedEndDate,  // Procore's completion_date
    kAddress,
    kCity,
    kPostalCode,  // Procore's zip
    kTimeZone,
};
inline constexpr std::size_t kProjectFieldCount = 9;

using PersonValues = std::array<std::string, kPersonFieldCount>;
using ProjectValues = std::array<std::string, kProjectFieldCount>;

// The crewsync name of a field ("first_name", "planned_end_date"), used in plans and reports.
std::string_view Key(PersonField field);
std::string_view Key(ProjectField field);
// The field in words ("first name"), for messages.
std::string_view Label(PersonField field);
std::string_view Label(ProjectField field);

// Whether the field exists on this kind of Directory record (contacts have no e-mail or mobile
// phone crewsync can write).
bool IsSynced(PersonField field, RemoteKind kind);
// Job title and is_employee flow crewsync → Procore even in two-way mode.
bool IsOneWay(PersonField field);

PersonValues ValuesOf(const Person& person);
PersonValues ValuesOf(const RemoteUser& user);
PersonValues ValuesOf(const RemoteContact& contact);
ProjectValues ValuesOf(const Project& project);
ProjectValues ValuesOf(const RemoteProject& project);

// Whether two values of a field mean the same: e-mails ignore case, phone numbers compare by
// their digits (with `default_country_code` for numbers written without one), other fields
// ignore surrounding white space.
bool SameValue(PersonField field, std::string_view a, std::string_view b,
               std::string_view default_country_code);
bool SameValue(ProjectField field, std::string_view a, std::string_view b);

// Writes a field's value back into a record (two-way pulls, project imports).
void SetField(Person& person, PersonField field, std::string_view value);
void SetField(Project& project, ProjectField field, std::string_view value);

}  // namespace crewsync::sync
