// A project as Procore shows it (procore-api.md §8): the stored record is the full
// representation of GET /rest/v1.0/projects/{id}, plus, for projects the app's service account
// was not added to, one emulator-internal key the API never shows.
#pragma once

#include <string>

#include "emulator/state.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

// Emulator-internal keys start with this; they are stored (and saved with the state) but never
// rendered.
inline constexpr const char* kInternalKeyPrefix = "__";
// false when the app's service account is not a member of the project: a DMSA sees only the
// projects it was added to (§2.4). Absent means member, so visible projects carry no internal
// key and their stored text is their API text.
inline constexpr const char* kServiceAccountMemberKey = "__service_account_member";

// A new, active project of `company` with every documented field null or at its default;
// created_by is the user `creator_id` (null if not a user of the company).
Json NewProjectRecord(RecordId id, const Company& company, RecordId creator_id, Timestamp now);

bool ServiceAccountSees(const Json& project);
void SetServiceAccountMember(Json& project, bool member);

// The project with this id if the caller (the app's service account) may see it, else null.
const Json* VisibleProject(const Company& company, RecordId id);

bool IsActiveProject(const Json& project);

// A text field of a record, or "" when it is null or missing.
std::string ProjectText(const Json& project, const char* field);

// The API text of a stored project: the collection's rendering, or a copy without the
// internal keys (kept in `scratch`) for a record that has some.
const std::string& PublicProjectText(const Collection& projects, RecordId id,
                                     std::string& scratch);

// Smaller views: v1.0 serializer_view=compact (id, name, display_name), v1.1 view=compact
// (id, name), v1.1 view=ids ({id}), show view=minimal, and GET
// /rest/v1.0/companies/{company_id}/projects.
Json CompactProjectView(const Json& project, bool with_display_name);
Json IdOnlyProjectView(const Json& project);
Json MinimalProjectView(const Json& project);
Json CompanyListProjectView(const Json& project);

}  // namespace crewsync::emulator
