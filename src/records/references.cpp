#include "records/references.hpp"

#include <charconv>

#include <fmt/format.h>

#include "model/text.hpp"

namespace crewsync::records {
namespace {

std::optional<std::int64_t> ParseId(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

template <class IdType>
std::string ListIds(const std::vector<IdType>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ", ";
        out += fmt::format("#{}", id.value());
    }
    return out;
}

}  // namespace

std::string Describe(const Person& p) { return fmt::format("#{} {}", p.id.value(), FullName(p)); }

std::string Describe(const Project& p) {
    if (p.project_number.empty()) return fmt::format("#{} {}", p.id.value(), p.name);
    return fmt::format("#{} {} ({})", p.id.value(), p.name, p.project_number);
}

Result<PersonId> ResolvePersonId(std::string_view raw, const PersonLookup& lookup) {
    const std::string_view ref = Trim(raw);
    if (ref.empty()) return Fail(ErrorCode::kInvalidArgument, "no person given");
    auto by_id = [&](std::int64_t id) -> Result<PersonId> {
        CREWSYNC_ASSIGN_OR_RETURN(const bool exists, lookup.exists(PersonId{id}));
        if (!exists) return Fail(ErrorCode::kNotFound, fmt::format("no person with id #{}", id));
        return PersonId{id};
    };
    if (ref.front() == '#') {
        const auto id = ParseId(ref.substr(1));
        if (!id) return Fail(ErrorCode::kInvalidArgument, fmt::format("'{}' is not an id", ref));
        return by_id(*id);
    }
    std::vector<PersonId> ids;
    std::string key_name;
    if (ref.find('@') != std::string_view::npos) {
        CREWSYNC_ASSIGN_OR_RETURN(ids, lookup.by_email(ref));
        key_name = "e-mail";
    } else {
        CREWSYNC_ASSIGN_OR_RETURN(ids, lookup.by_employee_id(ref));
        key_name = "employee ID";
        if (ids.empty()) {
            if (const auto id = ParseId(ref)) return by_id(*id);
        }
    }
    if (ids.empty()) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no person with {} '{}' (name people by employee ID, e-mail or "
                                "#id)", key_name, ref));
    }
    if (ids.size() > 1) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("{} '{}' belongs to several people ({}); name one by #id",
                                key_name, ref, ListIds(ids)));
    }
    return ids.front();
}

Result<ProjectId> ResolveProjectId(std::string_view raw, const ProjectLookup& lookup) {
    const std::string_view ref = Trim(raw);
    if (ref.empty()) return Fail(ErrorCode::kInvalidArgument, "no project given");
    auto by_id = [&](std::int64_t id) -> Result<ProjectId> {
        CREWSYNC_ASSIGN_OR_RETURN(const bool exists, lookup.exists(ProjectId{id}));
        if (!exists) return Fail(ErrorCode::kNotFound, fmt::format("no project with id #{}", id));
        return ProjectId{id};
    };
    if (ref.front() == '#') {
        const auto id = ParseId(ref.substr(1));
        if (!id) return Fail(ErrorCode::kInvalidArgument, fmt::format("'{}' is not an id", ref));
        return by_id(*id);
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto ids, lookup.by_number(ref));
    if (ids.size() > 1) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("project number '{}' belongs to several projects ({}); name one "
                                "by #id", ref, ListIds(ids)));
    }
    if (ids.size() == 1) return ids.front();
    if (const auto id = ParseId(ref)) return by_id(*id);
    // Last resort: the project's name, when exactly one project has it.
    CREWSYNC_ASSIGN_OR_RETURN(auto named, lookup.by_name(ref));
    if (named.size() == 1) return named.front();
    if (named.size() > 1) {
        return Fail(ErrorCode::kConflict, fmt::format("several projects are named '{}' ({}); "
                                                      "name one by number or #id", ref,
                                                      ListIds(named)));
    }
    return Fail(ErrorCode::kNotFound, fmt::format("no project with number or name '{}' (name "
                                                  "projects by number, name or #id)", ref));
}

Result<Person> ResolvePerson(store::Transaction& tx, std::string_view ref) {
    PersonLookup lookup;
    lookup.by_email = [&](std::string_view v) { return tx.FindPeopleByEmail(v); };
    lookup.by_employee_id = [&](std::string_view v) { return tx.FindPeopleByEmployeeId(v); };
    lookup.exists = [&](PersonId id) -> Result<bool> {
        CREWSYNC_ASSIGN_OR_RETURN(auto person, tx.GetPerson(id));
        return person.has_value();
    };
    CREWSYNC_ASSIGN_OR_RETURN(const PersonId id, ResolvePersonId(ref, lookup));
    CREWSYNC_ASSIGN_OR_RETURN(auto person, tx.GetPerson(id));
    if (!person) return Fail(ErrorCode::kNotFound, fmt::format("no person with id #{}", id.value()));
    return *person;
}

Result<Project> ResolveProject(store::Transaction& tx, std::string_view ref) {
    ProjectLookup lookup;
    lookup.by_number = [&](std::string_view v) { return tx.FindProjectsByNumber(v); };
    lookup.by_name = [&](std::string_view name) -> Result<std::vector<ProjectId>> {
        CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx.ListProjects({}));
        std::vector<ProjectId> out;
        for (const auto& p : projects) {
            if (EqualsIgnoreCase(p.name, Trim(name))) out.push_back(p.id);
        }
        return out;
    };
    lookup.exists = [&](ProjectId id) -> Result<bool> {
        CREWSYNC_ASSIGN_OR_RETURN(auto project, tx.GetProject(id));
        return project.has_value();
    };
    CREWSYNC_ASSIGN_OR_RETURN(const ProjectId id, ResolveProjectId(ref, lookup));
    CREWSYNC_ASSIGN_OR_RETURN(auto project, tx.GetProject(id));
    if (!project) {
        return Fail(ErrorCode::kNotFound, fmt::format("no project with id #{}", id.value()));
    }
    return *project;
}

}  // namespace crewsync::records
