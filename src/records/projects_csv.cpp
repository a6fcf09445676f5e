// Projects CSV: import and export.
#include <unordered_map>

#include <fmt/format.h>

#include "csv/writer.hpp"
#include "model/diff.hpp"
#include "model/text.hpp"
#include "model/validation.hpp"
#include "records/import.hpp"
#include "records/import_support.hpp"
#include "records/records.hpp"

namespace crewsync::records {
namespace {

using detail::Cell;
using detail::ProblemList;

const std::vector<csv::ColumnSpec>& ProjectColumns() {
    static const std::vector<csv::ColumnSpec> specs = {
        {"id", {"crewsync id", "project id"}},
        {"name", {"project name", "project"}},
        {"project_number", {"project number", "number", "project #", "job number", "job #",
                            "project no"}},
        {"status", {"active", "active?"}},
        {"start_date", {"start date", "start"}},
        {"planned_end_date", {"planned end date", "end date", "planned end", "completion date",
                              "finish date", "end"}},
        {"address", {"street", "street address"}},
        {"city", {"town"}},
        {"postal_code", {"postal code", "zip", "zip code", "postcode"}},
        {"time_zone", {"time zone", "timezone", "tz"}},
        {"groups", {"group"}},
    };
    return specs;
}

struct ProjectIndex {
    std::vector<Project> projects;
    std::unordered_map<std::int64_t, std::size_t> by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> by_number;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name;  // lower-cased

    explicit ProjectIndex(std::vector<Project> all) : projects(std::move(all)) {
        for (std::size_t i = 0; i < projects.size(); ++i) {
            by_id.emplace(projects[i].id.value(), i);
            if (!projects[i].project_number.empty()) {
                by_number[projects[i].project_number].push_back(i);
            }
            by_name[AsciiLower(projects[i].name)].push_back(i);
        }
    }
};

std::optional<std::size_t> MatchProject(const ProjectIndex& index, const csv::HeaderMap& header,
                                        const csv::Record& row, ProblemList& problems, bool& ok) {
    ok = true;
    const std::string id_text = Cell(header, row, "id").value_or("");
    const std::string number = Cell(header, row, "project_number").value_or("");
    const std::string name = Cell(header, row, "name").value_or("");
    auto fail = [&](const char* key, std::string message) {
        problems.Add(row, key, std::move(message));
        ok = false;
        return std::nullopt;
    };
    if (!id_text.empty()) {
        const auto id = detail::ParseRecordId(id_text);
        auto it = id ? index.by_id.find(*id) : index.by_id.end();
        if (it == index.by_id.end()) {
            return fail("id", fmt::format("no project with id {} in this workspace (leave the id "
                                          "column out to add projects from another workspace)",
                                          id_text));
        }
        return it->second;
    }
    if (!number.empty()) {
        auto it = index.by_number.find(number);
        if (it == index.by_number.end()) return std::nullopt;
        if (it->second.size() > 1) {
            return fail("project_number", fmt::format("project number '{}' belongs to several "
                                                      "projects; add an id column to choose",
                                                      number));
        }
        return it->second.front();
    }
    if (name.empty()) {
        return fail("name", "the row has no id, project number or name");
    }
    // Without a number, a project is recognised by its name.
    auto it = index.by_name.find(AsciiLower(name));
    if (it == index.by_name.end()) return std::nullopt;
    if (it->second.size() > 1) {
        return fail("name", fmt::format("several projects are named '{}'; add an id or project "
                                        "number column to choose", name));
    }
    return it->second.front();
}

void ApplyRow(const csv::HeaderMap& header, const csv::Record& row, Project& project,
              ProblemList& problems) {
    auto text = [&](const char* key, std::string& field) {
        if (auto v = Cell(header, row, key)) field = *v;
    };
    auto date = [&](const char* key, std::optional<Date>& field) {
        if (auto v = Cell(header, row, key)) {
            if (v->empty()) field.reset();
            else if (auto d = detail::DateCell(problems, row, key, *v)) field = d;
        }
    };
    text("name", project.name);
    text("project_number", project.project_number);
    text("address", project.address);
    text("city", project.city);
    text("postal_code", project.postal_code);
    text("time_zone", project.time_zone);
    date("start_date", project.start_date);
    date("planned_end_date", project.planned_end_date);
    if (auto v = Cell(header, row, "status"); v && !v->empty()) {
        if (auto s = ParseRecordStatus(*v)) project.status = *s;
        else problems.Add(row, "status", fmt::format("'{}' is not a status (active or inactive)", *v));
    }
    if (auto v = Cell(header, row, "groups")) project.groups = SplitList(*v, ';');
}

std::string Label(const Project& p) {
    return p.project_number.empty() ? p.name : fmt::format("{} ({})", p.name, p.project_number);
}

}  // namespace

Result<ImportReport> ImportProjects(store::Store& store, const csv::Table& table,
                                    const std::string& file, const ImportOptions& options) {
    auto header_or = csv::HeaderMap::Build(table.header, ProjectColumns());
    if (!header_or) return Fail(detail::HeaderError(file, header_or.error()));
    const csv::HeaderMap& header = *header_or;

    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(options.dry_run ? store::TxMode::kRead
                                                                   : store::TxMode::kWrite));
    CREWSYNC_ASSIGN_OR_RETURN(auto all, tx->ListProjects({}));
    const ProjectIndex index(std::move(all));
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(*tx));

    ImportReport report;
    report.file = file;
    report.dry_run = options.dry_run;
    ProblemList problems(header);
    detail::MissingNames missing;
    // Only rows that add or change something; unchanged rows need no more work.
    std::vector<detail::PlannedWrite<Project>> planned;
    std::unordered_map<std::size_t, std::size_t> matched_lines;
    std::unordered_map<std::string, std::size_t> number_lines;

    for (const csv::Record& row : table.rows) {
        bool ok = true;
        const auto match = MatchProject(index, header, row, problems, ok);
        if (!ok) continue;
        Project project = match ? index.projects[*match] : Project{};
        ApplyRow(header, row, project, problems);
        if (options.create_missing) {
            for (const auto& g : project.groups) {
                if (!context.HasGroup(g)) missing.NoteGroup(g);
            }
        }
        bool updated_twice = false;
        if (match) {
            if (auto [it, fresh] = matched_lines.emplace(*match, row.line); !fresh) {
                updated_twice = true;
                // Place the problem at the column the row was matched by.
                const char* column = !Cell(header, row, "id").value_or("").empty() ? "id"
                                     : !Cell(header, row, "project_number").value_or("").empty()
                                         ? "project_number"
                                         : "name";
                problems.Add(row, column, fmt::format("this row and line {} both update project "
                                                      "#{}", it->second,
                                                      index.projects[*match].id.value()));
            }
        }
        if (!project.project_number.empty() && !updated_twice) {  // one problem is enough
            if (auto [it, fresh] = number_lines.emplace(project.project_number, row.line); !fresh) {
                problems.Add(row, "project_number",
                             fmt::format("project number '{}' is also on line {}",
                                         project.project_number, it->second));
            } else if (auto owner = index.by_number.find(project.project_number);
                       owner != index.by_number.end() &&
                       index.projects[owner->second.front()].id != project.id) {
                problems.Add(row, "project_number",
                             fmt::format("project number '{}' is already used by project #{}",
                                         project.project_number,
                                         index.projects[owner->second.front()].id.value()));
            }
        }
        std::string label = Label(project);  // before `project` is moved
        detail::PlanRow(report, planned, row, std::move(label),
                        match ? &index.projects[*match] : nullptr, std::move(project));
    }
    for (const auto& g : missing.group_names) context.AddGroup(g);
    for (const auto& write : planned) {
        problems.AddAll(*write.row, ValidateProject(write.record, context));
    }
    if (!problems.empty()) return Fail(problems.ToError(file));
    if (options.dry_run) {
        report.created_groups = missing.group_names;
        return report;
    }

    CREWSYNC_TRY(detail::CreateMissing(*tx, missing, report));
    CREWSYNC_TRY(detail::WritePlanned(
        planned, report, options, [&](const Project& r) { return tx->InsertProject(r); },
        [&](const Project& r) { return tx->UpdateProject(r); }));
    CREWSYNC_TRY(tx->Commit());
    return report;
}

Result<std::string> ExportProjects(store::Transaction& tx, const ExportOptions& options) {
    CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx.ListProjects({}));
    std::vector<std::string> header;
    if (!options.without_ids) header.push_back("id");
    for (const char* column : {"name", "project_number", "status", "start_date",
                               "planned_end_date", "address", "city", "postal_code", "time_zone",
                               "groups"}) {
        header.emplace_back(column);
    }
    std::string out;
    csv::AppendRow(out, header);
    for (const auto& p : projects) {
        std::vector<std::string> values;
        if (!options.without_ids) values.push_back(std::to_string(p.id.value()));
        values.insert(values.end(),
                      {p.name, p.project_number, std::string(Name(p.status)),
                       p.start_date ? FormatDate(*p.start_date) : "",
                       p.planned_end_date ? FormatDate(*p.planned_end_date) : "", p.address,
                       p.city, p.postal_code, p.time_zone, JoinList(p.groups, "; ")});
        csv::AppendRow(out, values);
    }
    return out;
}

}  // namespace crewsync::records
