#include "emulator/project_writes.hpp"

#include "emulator/project_record.hpp"
#include "emulator/project_request.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kResource = "Projects";

// Procore keeps origin_id unique per company, across active and inactive projects (§12).
std::optional<FieldError> OriginTaken(const Company& company, const Json& fields,
                                      RecordId self) {
    const auto it = fields.find("origin_id");
    if (it == fields.end() || !it->is_string()) return std::nullopt;
    const RecordId holder = company.projects.ByOrigin(it->get<std::string>());
    if (holder == 0 || holder == self) return std::nullopt;
    return FieldError{409, "origin_id", "has already been taken"};
}

}  // namespace

std::optional<FieldError> CreateProject(Services& s, const Caller& caller, const Json& fields,
                                        RecordId& id) {
    Company& company = *caller.company;
    if (auto error = OriginTaken(company, fields, 0)) return error;
    id = s.state.NextId();
    Json project = NewProjectRecord(id, company, caller.user_id, s.clock.Now());
    ApplyProjectFields(project, fields);
    company.projects.Put(std::move(project));
    s.Changed(caller, kResource, "create", id, id);
    return std::nullopt;
}

std::optional<FieldError> UpdateProject(Services& s, const Caller& caller, RecordId id,
                                        const Json& fields) {
    Company& company = *caller.company;
    if (auto error = OriginTaken(company, fields, id)) return error;
    Json& project = *company.projects.FindMutable(id);
    const bool changed = ApplyProjectFields(project, fields);
    if (changed) project["updated_at"] = IsoSeconds(s.clock.Now());
    company.projects.Touched(id);
    if (changed) s.Changed(caller, kResource, "update", id, id);
    return std::nullopt;
}

}  // namespace crewsync::emulator
