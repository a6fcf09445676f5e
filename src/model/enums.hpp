// The closed vocabularies of the workforce model, with their spelled-out names
// (as used in CSV files, the CLI and JSON) and parsers for them.
#pragma once

#include <optional>
#include <string_view>

namespace crewsync {

enum class RecordStatus { kActive, kInactive };

// What a person can do and how the person appears in the Procore Directory.
enum class PersonType {
    kUser,        // logs in; not assignable to projects; a Procore User
    kAssignable,  // assignable; no login; a Procore Contact (or linked User)
    kBoth,        // logs in and assignable; a Procore User
};

// A person's permission level inside crewsync itself (never synced).
enum class PermissionLevel { kNone, kViewer, kEditor, kAdmin };

std::string_view Name(RecordStatus status);    // "active" | "inactive"
std::string_view Name(PersonType type);        // "user" | "assignable" | "both"
std::string_view Name(PermissionLevel level);  // "none" | "viewer" | "editor" | "admin"

// Parsers accept the names above in any case, with surrounding spaces.
// RecordStatus also accepts yes/no, true/false, 1/0 (as "active?" columns often hold).
std::optional<RecordStatus> ParseRecordStatus(std::string_view text);
std::optional<PersonType> ParsePersonType(std::string_view text);
std::optional<PermissionLevel> ParsePermissionLevel(std::string_view text);

// Whether people of this type may be put on projects (assignments, time entries).
inline bool CanBeAssigned(PersonType type) { return type != PersonType::kUser; }
// Whether people of this type have a login (and so need an e-mail).
inline bool CanLogIn(PersonType type) { return type != PersonType::kAssignable; }

}  // namespace crewsync
