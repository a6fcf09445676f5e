// Time entries CSV: import and export.
#include <charconv>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "csv/writer.hpp"
#include "model/diff.hpp"
#include "model/text.hpp"
#include "model/validation.hpp"
#include "records/import.hpp"
#include "records/import_support.hpp"
#include "records/records.hpp"
#include "records/references.hpp"

namespace crewsync::records {
namespace {

using detail::Cell;
using detail::ProblemList;

const std::vector<csv::ColumnSpec>& TimeColumns() {
    static const std::vector<csv::ColumnSpec> specs = {
        {"id", {"crewsync id", "entry id"}},
        {"ref", {"source ref", "external id", "entry ref", "reference"}},
        {"person", {"employee", "worker", "employee id", "email", "e-mail"}, true},
        {"person_name", {"name", "worker name", "employee name"}},  // informational only
        {"project", {"project number", "job", "job number", "project #"}, true},
        {"date", {"work date", "day"}, true},
        {"hours", {"total hours", "hrs"}},
        {"time_in", {"time in", "in", "clock in", "start time"}},
        {"time_out", {"time out", "out", "clock out", "end time"}},
        {"lunch_minutes", {"lunch", "lunch minutes", "break", "break minutes"}},
        {"classification", {"position", "trade", "work classification"}},
        {"cost_code", {"cost code"}},
        {"notes", {"note", "description"}},
        {"approval", {"approval status", "status"}},
    };
    return specs;
}

// Everything an import resolves against, loaded once.
struct Directory {
    std::vector<Person> people;
    std::vector<Project> projects;
    std::unordered_map<std::int64_t, const Person*> person_by_id;
    std::unordered_map<std::string, std::vector<PersonId>> by_email, by_employee_id;
    std::unordered_map<std::int64_t, const Project*> project_by_id;
    std::unordered_map<std::string, std::vector<ProjectId>> by_number, by_name;
    PersonLookup person_lookup;
    ProjectLookup project_lookup;

    Directory(std::vector<Person> all_people, std::vector<Project> all_projects)
        : people(std::move(all_people)), projects(std::move(all_projects)) {
        for (const auto& p : people) {
            person_by_id.emplace(p.id.value(), &p);
            if (!p.email.empty()) by_email[EmailKey(p.email)].push_back(p.id);
            if (!p.employee_id.empty()) by_employee_id[p.employee_id].push_back(p.id);
        }
        for (const auto& p : projects) {
            project_by_id.emplace(p.id.value(), &p);
            if (!p.project_number.empty()) by_number[p.project_number].push_back(p.id);
            by_name[AsciiLower(p.name)].push_back(p.id);
        }
        auto find = [](const auto& map, const std::string& key) {
            auto it = map.find(key);
            using Ids = std::decay_t<decltype(it->second)>;
            return it == map.end() ? Ids{} : it->second;
        };
        person_lookup.by_email = [this, find](std::string_view v) -> Result<std::vector<PersonId>> {
            return find(by_email, EmailKey(v));
        };
        person_lookup.by_employee_id = [this, find](std::string_view v)
            -> Result<std::vector<PersonId>> { return find(by_employee_id, std::string(v)); };
        person_lookup.exists = [this](PersonId id) -> Result<bool> {
            return person_by_id.count(id.value()) > 0;
        };
        project_lookup.by_number = [this, find](std::string_view v)
            -> Result<std::vector<ProjectId>> { return find(by_number, std::string(v)); };
        project_lookup.by_name = [this, find](std::string_view v)
            -> Result<std::vector<ProjectId>> { return find(by_name, AsciiLower(v)); };
        project_lookup.exists = [this](ProjectId id) -> Result<bool> {
            return project_by_id.count(id.value()) > 0;
        };
    }
};

// Entries without an id or ref are recognised by what they describe.
std::string NaturalKey(const TimeEntry& e) {
    return fmt::format("{}|{}|{}|{}|{}|{}", e.person.value(), e.project.value(), FormatDate(e.date),
                       e.time_in ? e.time_in->minutes : -1, AsciiLower(e.classification),
                       e.cost_code);
}

void ApplyRow(const csv::HeaderMap& header, const csv::Record& row, const Directory& directory,
              TimeEntry& entry, ProblemList& problems) {
    if (auto v = Cell(header, row, "person")) {
        if (auto id = ResolvePersonId(*v, directory.person_lookup)) entry.person = *id;
        else problems.Add(row, "person", id.error().message());
    }
    if (auto v = Cell(header, row, "project")) {
        if (auto id = ResolveProjectId(*v, directory.project_lookup)) entry.project = *id;
        else problems.Add(row, "project", id.error().message());
    }
    if (auto v = Cell(header, row, "date")) {
        if (v->empty()) problems.Add(row, "date", "is required");
        else if (auto d = detail::DateCell(problems, row, "date", *v)) entry.date = *d;
    }
    auto time = [&](const char* key, std::optional<TimeOfDay>& field) {
        if (auto v = Cell(header, row, key)) {
            if (v->empty()) field.reset();
            else if (auto t = ParseTimeOfDay(*v)) field = t;
            else problems.Add(row, key, fmt::format("'{}' is not a time of day (write HH:MM, "
                                                    "24-hour)", *v));
        }
    };
    time("time_in", entry.time_in);
    time("time_out", entry.time_out);
    if (auto v = Cell(header, row, "lunch_minutes")) {
        int minutes = 0;
        const char* end = v->data() + v->size();
        if (!v->empty() && (std::from_chars(v->data(), end, minutes).ptr != end || minutes < 0)) {
            problems.Add(row, "lunch_minutes", fmt::format("'{}' is not a number of minutes", *v));
        } else {
            entry.lunch_minutes = minutes;  // validation checks the range
        }
    }
    const auto hours_cell = Cell(header, row, "hours");
    if (hours_cell && !hours_cell->empty()) {
        if (auto h = ParseHours(*hours_cell)) entry.hours = *h;
        else problems.Add(row, "hours", fmt::format("'{}' is not a number of hours (e.g. 8 or "
                                                    "7.25)", *hours_cell));
    } else if (entry.time_in && entry.time_out) {
        entry.hours = Hours{};  // derived from the shift below
    } else if (hours_cell) {
        problems.Add(row, "hours", "give hours, or time in and time out");
    }
    if (auto v = Cell(header, row, "classification")) entry.classification = *v;
    if (auto v = Cell(header, row, "cost_code")) entry.cost_code = *v;
    if (auto v = Cell(header, row, "notes")) entry.notes = *v;
    if (auto v = Cell(header, row, "ref")) entry.source_ref = *v;
    if (auto v = Cell(header, row, "approval")) {
        if (auto a = ParseApprovalStatus(*v)) entry.approval = *a;
        else problems.Add(row, "approval", fmt::format("'{}' is not an approval status (pending "
                                                       "or approved)", *v));
    }
    DeriveHours(entry);
}

}  // namespace

Result<ImportReport> ImportTimeEntries(store::Store& store, const csv::Table& table,
                                       const std::string& file, const ImportOptions& options) {
    auto header_or = csv::HeaderMap::Build(table.header, TimeColumns());
    if (!header_or) return Fail(detail::HeaderError(file, header_or.error()));
    const csv::HeaderMap& header = *header_or;

    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(options.dry_run ? store::TxMode::kRead
                                                                   : store::TxMode::kWrite));
    CREWSYNC_ASSIGN_OR_RETURN(auto people, tx->ListPeople({}));
    CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx->ListProjects({}));
    const Directory directory(std::move(people), std::move(projects));
    CREWSYNC_ASSIGN_OR_RETURN(auto existing, tx->ListTimeEntries({}));
    std::unordered_map<std::int64_t, std::size_t> by_id;
    std::unordered_map<std::string, std::size_t> by_ref;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < existing.size(); ++i) {
        by_id.emplace(existing[i].id.value(), i);
        if (!existing[i].source_ref.empty()) by_ref.emplace(existing[i].source_ref, i);
        by_key[NaturalKey(existing[i])].push_back(i);
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(*tx));

    ImportReport report;
    report.file = file;
    report.dry_run = options.dry_run;
    ProblemList problems(header);
    detail::MissingNames missing;
    // Only rows that add or change something; unchanged rows need no more work.
    std::vector<detail::PlannedWrite<TimeEntry>> planned;
    std::unordered_map<std::size_t, std::size_t> matched_lines;
    std::unordered_map<std::string, std::size_t> ref_lines, key_lines;

    for (const csv::Record& row : table.rows) {
        std::optional<std::size_t> match;
        const std::string id_text = Cell(header, row, "id").value_or("");
        const std::string ref = Cell(header, row, "ref").value_or("");
        if (!id_text.empty()) {
            const auto id = detail::ParseRecordId(id_text);
            auto it = id ? by_id.find(*id) : by_id.end();
            if (it == by_id.end()) {
                problems.Add(row, "id", fmt::format("no time entry with id {} in this workspace",
                                                    id_text));
                continue;
            }
            match = it->second;
        } else if (!ref.empty()) {
            if (auto it = by_ref.find(ref); it != by_ref.end()) match = it->second;
        }
        const std::size_t problems_before = problems.size();
        TimeEntry entry = match ? existing[*match] : TimeEntry{};
        ApplyRow(header, row, directory, entry, problems);
        if (problems.size() != problems_before) continue;  // unresolved references
        if (!match && ref.empty()) {
            if (auto it = by_key.find(NaturalKey(entry)); it != by_key.end()) {
                if (it->second.size() == 1) match = it->second.front();
                if (match) {
                    // Keep the edit the row describes on top of the stored entry's identity.
                    const TimeEntryId id = existing[*match].id;
                    const std::string stored_ref = existing[*match].source_ref;
                    entry.id = id;
                    entry.source_ref = stored_ref;
                }
            }
        }
        if (options.create_missing && !entry.classification.empty() &&
            !context.HasClassification(entry.classification)) {
            missing.NoteClassification(entry.classification);
        }
        if (match) {
            if (auto [it, fresh] = matched_lines.emplace(*match, row.line); !fresh) {
                // Place the problem at the column the row was matched by.
                const char* column = !id_text.empty() ? "id" : !ref.empty() ? "ref" : "date";
                problems.Add(row, column, fmt::format("this row and line {} both update time "
                                                      "entry #{}", it->second,
                                                      existing[*match].id.value()));
            }
        } else if (!ref.empty()) {
            if (auto [it, fresh] = ref_lines.emplace(ref, row.line); !fresh) {
                problems.Add(row, "ref", fmt::format("ref '{}' is also on line {}", ref, it->second));
            }
        } else if (auto [it, fresh] = key_lines.emplace(NaturalKey(entry), row.line); !fresh) {
            problems.Add(row, "date", fmt::format("same person, project, date, time in, "
                                                  "classification and cost code as line {}; give "
                                                  "each row a ref to keep both", it->second));
        }
        const Person* person = directory.person_by_id.at(entry.person.value());
        const Project* project = directory.project_by_id.at(entry.project.value());
        std::string label = fmt::format("{} on {}, {}", FullName(*person), project->name,
                                        FormatDate(entry.date));
        detail::PlanRow(report, planned, row, std::move(label),
                        match ? &existing[*match] : nullptr, std::move(entry));
    }
    for (const auto& c : missing.classification_names) context.AddClassification(c);
    for (const auto& write : planned) {
        const Person& person = *directory.person_by_id.at(write.record.person.value());
        problems.AddAll(*write.row, ValidateTimeEntry(write.record, person, context));
    }
    if (!problems.empty()) return Fail(problems.ToError(file));
    if (options.dry_run) {
        report.created_classifications = missing.classification_names;
        return report;
    }

    CREWSYNC_TRY(detail::CreateMissing(*tx, missing, report));
    CREWSYNC_TRY(detail::WritePlanned(
        planned, report, options, [&](const TimeEntry& r) { return tx->InsertTimeEntry(r); },
        [&](const TimeEntry& r) { return tx->UpdateTimeEntry(r); }));
    CREWSYNC_TRY(tx->Commit());
    return report;
}

Result<std::string> ExportTimeEntries(store::Transaction& tx, const store::TimeEntryFilter& filter,
                                      const ExportOptions& options) {
    CREWSYNC_ASSIGN_OR_RETURN(auto entries, tx.ListTimeEntries(filter));
    CREWSYNC_ASSIGN_OR_RETURN(auto people, tx.ListPeople({}));
    CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx.ListProjects({}));
    std::unordered_map<std::string, int> email_count, employee_count, number_count, name_count;
    for (const auto& p : people) {
        if (!p.email.empty()) ++email_count[EmailKey(p.email)];
        if (!p.employee_id.empty()) ++employee_count[p.employee_id];
    }
    for (const auto& p : projects) {
        if (!p.project_number.empty()) ++number_count[p.project_number];
        ++name_count[AsciiLower(p.name)];
    }
    // References that resolve back to the same record on import (see references.hpp).
    std::unordered_map<std::int64_t, std::pair<std::string, std::string>> person_refs;
    for (const auto& p : people) {
        std::string ref = fmt::format("#{}", p.id.value());
        if (!p.employee_id.empty() && employee_count[p.employee_id] == 1 &&
            p.employee_id.front() != '#') {
            ref = p.employee_id;
        } else if (!p.email.empty() && email_count[EmailKey(p.email)] == 1) {
            ref = p.email;
        }
        person_refs[p.id.value()] = {ref, FullName(p)};
    }
    std::unordered_map<std::int64_t, std::string> project_refs;
    for (const auto& p : projects) {
        std::string ref = fmt::format("#{}", p.id.value());
        if (!p.project_number.empty() && number_count[p.project_number] == 1) {
            ref = p.project_number;
        } else if (options.without_ids && name_count[AsciiLower(p.name)] == 1 &&
                   number_count.count(p.name) == 0 && p.name.front() != '#' &&
                   !detail::ParseRecordId(p.name)) {
            // A file without ids is for another workspace, where "#id" is another record.
            ref = p.name;
        }
        project_refs[p.id.value()] = ref;
    }
    std::vector<std::string> header;
    if (!options.without_ids) header.push_back("id");
    for (const char* column : {"ref", "person", "person_name", "project", "date", "hours",
                               "time_in", "time_out", "lunch_minutes", "classification",
                               "cost_code", "notes", "approval"}) {
        header.emplace_back(column);
    }
    std::string out;
    csv::AppendRow(out, header);
    for (const auto& e : entries) {
        std::vector<std::string> values;
        if (!options.without_ids) values.push_back(std::to_string(e.id.value()));
        const auto& person = person_refs[e.person.value()];
        values.insert(values.end(),
                      {e.source_ref, person.first, person.second, project_refs[e.project.value()],
                       FormatDate(e.date), FormatHours(e.hours),
                       e.time_in ? FormatTimeOfDay(*e.time_in) : "",
                       e.time_out ? FormatTimeOfDay(*e.time_out) : "",
                       e.lunch_minutes ? std::to_string(e.lunch_minutes) : "", e.classification,
                       e.cost_code, e.notes, std::string(Name(e.approval))});
        csv::AppendRow(out, values);
    }
    return out;
}

}  // namespace crewsync::records
