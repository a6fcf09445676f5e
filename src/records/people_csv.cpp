// People CSV: import (match, validate, then write all or nothing) and export.
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

constexpr const char* kCustomPrefix = "custom:";

const std::vector<csv::ColumnSpec>& PeopleColumns() {
    static const std::vector<csv::ColumnSpec> specs = {
        {"id", {"crewsync id", "person id"}},
        {"first_name", {"first name", "first", "given name", "firstname"}},
        {"last_name", {"last name", "last", "surname", "family name", "lastname"}},
        {"email", {"e-mail", "email address", "e-mail address", "mail"}},
        {"employee_id", {"employee id", "employee number", "employee no", "employee #",
                         "emp id", "payroll id"}},
        {"mobile_phone", {"mobile", "mobile phone", "cell", "cell phone", "phone"}},
        {"job_title", {"title", "job title"}},
        {"status", {"active", "active?"}},
        {"type", {"person type"}},
        {"permission", {"permission level", "permissions"}},
        {"classification", {"position", "trade", "work classification"}},
        {"groups", {"group"}},
    };
    return specs;
}

// The people already in the store, indexed the ways rows are matched.
struct PeopleIndex {
    std::vector<Person> people;
    std::unordered_map<std::int64_t, std::size_t> by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> by_email;
    std::unordered_map<std::string, std::vector<std::size_t>> by_employee_id;

    explicit PeopleIndex(std::vector<Person> all) : people(std::move(all)) {
        for (std::size_t i = 0; i < people.size(); ++i) {
            by_id.emplace(people[i].id.value(), i);
            if (!people[i].email.empty()) by_email[EmailKey(people[i].email)].push_back(i);
            if (!people[i].employee_id.empty()) by_employee_id[people[i].employee_id].push_back(i);
        }
    }

    static std::vector<std::size_t> Lookup(
        const std::unordered_map<std::string, std::vector<std::size_t>>& map,
        const std::string& key) {
        if (key.empty()) return {};
        auto it = map.find(key);
        return it == map.end() ? std::vector<std::size_t>{} : it->second;
    }
};

std::string Ids(const PeopleIndex& index, const std::vector<std::size_t>& positions) {
    std::vector<std::string> ids;
    for (std::size_t i : positions) ids.push_back(fmt::format("#{}", index.people[i].id.value()));
    return JoinList(ids, ", ");
}

// Finds the existing person a row means. Returns the position in `index`, nullopt for a
// new person, or adds a problem and returns nullopt with `ok` false.
std::optional<std::size_t> MatchPerson(const PeopleIndex& index, const csv::HeaderMap& header,
                                       const csv::Record& row, ProblemList& problems, bool& ok) {
    ok = true;
    const std::string id_text = Cell(header, row, "id").value_or("");
    const std::string email = EmailKey(Cell(header, row, "email").value_or(""));
    const std::string employee_id = Cell(header, row, "employee_id").value_or("");
    if (!id_text.empty()) {
        const std::int64_t id = detail::ParseRecordId(id_text).value_or(0);
        auto it = id > 0 ? index.by_id.find(id) : index.by_id.end();
        if (it == index.by_id.end()) {
            problems.Add(row, "id", fmt::format("no person with id {} in this workspace (leave the "
                                                "id column out to add people from another "
                                                "workspace)", id_text));
            ok = false;
            return std::nullopt;
        }
        return it->second;
    }
    if (email.empty() && employee_id.empty()) {
        problems.Add(row, header.Has("employee_id") ? "employee_id" : "email",
                     "the row has no id, employee ID or e-mail, so crewsync could not recognise "
                     "this person on a later import; give at least one");
        ok = false;
        return std::nullopt;
    }
    const auto by_emp = PeopleIndex::Lookup(index.by_employee_id, employee_id);
    const auto by_mail = PeopleIndex::Lookup(index.by_email, email);
    if (by_emp.size() > 1) {
        problems.Add(row, "employee_id", fmt::format("employee ID '{}' belongs to several people "
                                                     "({}); add an id column to choose",
                                                     employee_id, Ids(index, by_emp)));
        ok = false;
        return std::nullopt;
    }
    if (by_mail.size() > 1 && by_emp.empty()) {
        problems.Add(row, "email", fmt::format("e-mail '{}' belongs to several people ({}); add an "
                                               "id column to choose", email, Ids(index, by_mail)));
        ok = false;
        return std::nullopt;
    }
    if (by_emp.size() == 1 && by_mail.size() == 1 && by_emp[0] != by_mail[0]) {
        problems.Add(row, "email",
                     fmt::format("employee ID '{}' is {} but e-mail '{}' is {}; fix one of them",
                                 employee_id, Ids(index, by_emp), email, Ids(index, by_mail)));
        ok = false;
        return std::nullopt;
    }
    if (by_emp.size() == 1) return by_emp[0];
    if (by_mail.size() == 1) return by_mail[0];
    return std::nullopt;
}

// The column a matched row was recognised by, for problems about the match.
const char* MatchColumn(const csv::HeaderMap& header, const csv::Record& row,
                        const Person& stored) {
    if (!Cell(header, row, "id").value_or("").empty()) return "id";
    if (!stored.employee_id.empty() &&
        Cell(header, row, "employee_id").value_or("") == stored.employee_id) {
        return "employee_id";
    }
    return "email";
}

// Applies the row's cells onto `person`: absent columns keep their value, present ones
// replace it (an empty cell clears text; an empty status/type/permission keeps it).
void ApplyRow(const csv::HeaderMap& header, const csv::Record& row, Person& person,
              ProblemList& problems) {
    auto text = [&](const char* key, std::string& field) {
        if (auto v = Cell(header, row, key)) field = *v;
    };
    text("first_name", person.first_name);
    text("last_name", person.last_name);
    text("email", person.email);
    text("employee_id", person.employee_id);
    text("mobile_phone", person.mobile_phone);
    text("job_title", person.job_title);
    text("classification", person.classification);
    if (auto v = Cell(header, row, "status"); v && !v->empty()) {
        if (auto s = ParseRecordStatus(*v)) person.status = *s;
        else problems.Add(row, "status", fmt::format("'{}' is not a status (active or inactive)", *v));
    }
    if (auto v = Cell(header, row, "type"); v && !v->empty()) {
        if (auto t = ParsePersonType(*v)) person.type = *t;
        else problems.Add(row, "type", fmt::format("'{}' is not a type (user, assignable or both)", *v));
    }
    if (auto v = Cell(header, row, "permission"); v && !v->empty()) {
        if (auto p = ParsePermissionLevel(*v)) person.permission = *p;
        else problems.Add(row, "permission", fmt::format("'{}' is not a permission level (none, "
                                                         "viewer, editor or admin)", *v));
    }
    if (auto v = Cell(header, row, "groups")) person.groups = SplitList(*v, ';');
    for (const auto& column : header.passthrough()) {
        const std::string value(Trim(row.values[column.index]));
        if (value.empty()) person.custom_fields.erase(column.name);
        else person.custom_fields[column.name] = value;
    }
}

}  // namespace

Result<ImportReport> ImportPeople(store::Store& store, const csv::Table& table,
                                  const std::string& file, const ImportOptions& options) {
    auto header_or = csv::HeaderMap::Build(table.header, PeopleColumns(), kCustomPrefix);
    if (!header_or) return Fail(detail::HeaderError(file, header_or.error()));
    const csv::HeaderMap& header = *header_or;

    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(options.dry_run ? store::TxMode::kRead
                                                                   : store::TxMode::kWrite));
    CREWSYNC_ASSIGN_OR_RETURN(auto everyone, tx->ListPeople({}));
    const PeopleIndex index(std::move(everyone));
    CREWSYNC_ASSIGN_OR_RETURN(auto context, LoadValidationContext(*tx));

    ImportReport report;
    report.file = file;
    report.dry_run = options.dry_run;
    ProblemList problems(header);
    detail::MissingNames missing;
    // Only rows that add or change something; unchanged rows need no more work.
    std::vector<detail::PlannedWrite<Person>> planned;
    std::unordered_map<std::size_t, std::size_t> matched_lines;  // index position -> line
    // New and changed keys -> (line, whether that row adds a person).
    std::unordered_map<std::string, std::pair<std::size_t, bool>> email_lines;
    std::unordered_map<std::string, std::pair<std::size_t, bool>> employee_id_lines;

    for (const csv::Record& row : table.rows) {
        bool ok = true;
        const auto match = MatchPerson(index, header, row, problems, ok);
        if (!ok) continue;
        Person person = match ? index.people[*match] : Person{};
        ApplyRow(header, row, person, problems);
        if (options.create_missing) {
            for (const auto& g : person.groups) {
                if (!context.HasGroup(g)) missing.NoteGroup(g);
            }
            if (!person.classification.empty() && !context.HasClassification(person.classification)) {
                missing.NoteClassification(person.classification);
            }
        }
        if (match) {
            if (auto [it, fresh] = matched_lines.emplace(*match, row.line); !fresh) {
                problems.Add(row, MatchColumn(header, row, index.people[*match]),
                             fmt::format("this row and line {} both update #{}", it->second,
                                         index.people[*match].id.value()));
            }
        }
        if (!options.allow_duplicates) {
            // New keys (a new person's, or ones a row changes) must not be taken already.
            const Person* stored = match ? &index.people[*match] : nullptr;
            auto check = [&](auto& lines, const auto& owners, const std::string& key,
                             const std::string& stored_key, const char* column, const char* what) {
                if (key.empty() || (stored && key == stored_key)) return;
                for (std::size_t owner : PeopleIndex::Lookup(owners, key)) {
                    if (match && owner == *match) continue;
                    problems.Add(row, column, fmt::format("{} '{}' is already used by #{}; to keep "
                                                          "both, import with --allow-duplicates",
                                                          what, key,
                                                          index.people[owner].id.value()));
                    return;
                }
                if (auto [it, fresh] = lines.emplace(key, std::pair(row.line, !match)); !fresh) {
                    const char* both = !match && it->second.second ? "new " : "";
                    problems.Add(row, column, fmt::format("{} '{}' is also on line {} (two {}"
                                                          "people cannot share it)", what, key,
                                                          it->second.first, both));
                }
            };
            check(email_lines, index.by_email, EmailKey(person.email),
                  stored ? EmailKey(stored->email) : "", "email", "e-mail");
            check(employee_id_lines, index.by_employee_id, person.employee_id,
                  stored ? stored->employee_id : "", "employee_id", "employee ID");
        }
        std::string label = FullName(person);  // before `person` is moved
        detail::PlanRow(report, planned, row, std::move(label),
                        match ? &index.people[*match] : nullptr, std::move(person));
    }
    for (const auto& g : missing.group_names) context.AddGroup(g);
    for (const auto& c : missing.classification_names) context.AddClassification(c);
    for (const auto& write : planned) {
        problems.AddAll(*write.row, ValidatePerson(write.record, context));
    }
    if (!problems.empty()) return Fail(problems.ToError(file));
    if (options.dry_run) {
        report.created_groups = missing.group_names;
        report.created_classifications = missing.classification_names;
        return report;
    }

    CREWSYNC_TRY(detail::CreateMissing(*tx, missing, report));
    CREWSYNC_TRY(detail::WritePlanned(
        planned, report, options, [&](const Person& r) { return tx->InsertPerson(r); },
        [&](const Person& r) { return tx->UpdatePerson(r); }));
    CREWSYNC_TRY(tx->Commit());
    return report;
}

Result<std::string> ExportPeople(store::Transaction& tx, const ExportOptions& options) {
    CREWSYNC_ASSIGN_OR_RETURN(auto people, tx.ListPeople({}));
    std::set<std::string> custom_names;
    for (const auto& p : people) {
        for (const auto& [name, value] : p.custom_fields) custom_names.insert(name);
    }
    std::vector<std::string> header;
    if (!options.without_ids) header.push_back("id");
    for (const char* column : {"first_name", "last_name", "email", "employee_id", "mobile_phone",
                               "job_title", "status", "type", "permission", "classification",
                               "groups"}) {
        header.emplace_back(column);
    }
    for (const auto& name : custom_names) header.push_back(kCustomPrefix + name);
    std::string out;
    csv::AppendRow(out, header);
    std::vector<std::string> values;
    for (const auto& p : people) {
        values.clear();
        if (!options.without_ids) values.push_back(std::to_string(p.id.value()));
        values.insert(values.end(), {p.first_name, p.last_name, p.email, p.employee_id,
                                     p.mobile_phone, p.job_title, std::string(Name(p.status)),
                                     std::string(Name(p.type)), std::string(Name(p.permission)),
                                     p.classification, JoinList(p.groups, "; ")});
        for (const auto& name : custom_names) {
            auto it = p.custom_fields.find(name);
            values.push_back(it == p.custom_fields.end() ? "" : it->second);
        }
        csv::AppendRow(out, values);
    }
    return out;
}

}  // namespace crewsync::records
