#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "model/diff.hpp"
#include "model/text.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sync_state.hpp"
#include "store/sqlite/timecard_ledger.hpp"

namespace crewsync::store {
namespace {

using sqlite::Db;
using sqlite::Stmt;

std::optional<std::string> DateText(const std::optional<Date>& date) {
    if (!date) return std::nullopt;
    return FormatDate(*date);
}

std::optional<Date> DateColumn(const Stmt& stmt, int column) {
    if (stmt.IsNull(column)) return std::nullopt;
    return ParseDate(stmt.Text(column));
}

template <class T, class Parse>
T EnumColumn(const Stmt& stmt, int column, Parse parse, T fallback) {
    return parse(stmt.Text(column)).value_or(fallback);
}

constexpr const char* kPersonColumns =
    "p.id, p.first_name, p.last_name, p.email, p.employee_id, p.mobile_phone, p.job_title, "
    "p.status, p.type, p.permission, c.name";
constexpr const char* kProjectColumns =
    "p.id, p.name, p.project_number, p.status, p.start_date, p.planned_end_date, p.address, "
    "p.city, p.postal_code, p.time_zone";
constexpr const char* kAssignmentColumns =
    "id, person_id, project_id, start_date, end_date, note";
constexpr const char* kTimeEntryColumns =
    "t.id, t.person_id, t.project_id, t.work_date, t.hours_hundredths, t.time_in_minutes, "
    "t.time_out_minutes, t.lunch_minutes, c.name, t.cost_code, t.notes, t.approval, t.source_ref";

// The first record of a loaded list, for lookups by id.
template <class T>
Result<std::optional<T>> FirstOf(Result<std::vector<T>> loaded) {
    if (!loaded) return Fail(std::move(loaded).error());
    if (loaded->empty()) return std::optional<T>();
    return std::optional<T>(std::move(loaded->front()));
}

class SqliteTransaction final : public Transaction {
public:
    SqliteTransaction(Db& db, const Clock& clock, TxMode mode)
        : db_(db), mode_(mode), now_(FormatTimestamp(clock.Now())) {}

    ~SqliteTransaction() override {
        if (open_) (void)db_.Exec("ROLLBACK");
    }

    Status Start() {
        CREWSYNC_TRY(db_.Exec(mode_ == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"));
        open_ = true;
        return Ok();
    }

    Status Commit() override {
        CREWSYNC_TRY(CheckOpen());
        open_ = false;
        Status committed = db_.Exec("COMMIT");
        // A failed COMMIT can leave the transaction open; end it so the connection is usable.
        if (!committed) (void)db_.Exec("ROLLBACK");
        return committed;
    }

    // ---- groups ---------------------------------------------------------------------

    Result<GroupId> InsertGroup(const Group& g) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO groups (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)"));
        s->Bind(1, g.name).Bind(2, g.description).Bind(3, now_).Bind(4, now_);
        if (auto r = s->Run(); !r) return Fail(NameClash(r.error(), "group", g.name));
        const GroupId id{db_.LastInsertId()};
        group_ids_.clear();
        CREWSYNC_TRY(Journal(Entity::kGroup, id.value(), ChangeAction::kCreate, {}));
        return id;
    }

    Status UpdateGroup(const Group& g) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(auto groups, ListGroups());
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group& x) { return x.id == g.id; });
        if (it == groups.end()) return NotFound("group", g.id.value());
        const auto fields = ChangedFields(*it, g);
        if (fields.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "UPDATE groups SET name = ?, description = ?, updated_at = ? WHERE id = ?"));
        s->Bind(1, g.name).Bind(2, g.description).Bind(3, now_).Bind(4, g.id.value());
        if (auto r = s->Run(); !r) return Fail(NameClash(r.error(), "group", g.name));
        group_ids_.clear();
        return Journal(Entity::kGroup, g.id.value(), ChangeAction::kUpdate, fields);
    }

    Result<std::vector<Group>> ListGroups() override {
        CREWSYNC_TRY(CheckOpen());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "SELECT id, name, description FROM groups ORDER BY name COLLATE NOCASE"));
        std::vector<Group> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            out.push_back(Group{GroupId{s->Int(0)}, s->Text(1), s->Text(2)});
        }
        return out;
    }

    Result<std::optional<Group>> FindGroup(std::string_view name) override {
        CREWSYNC_ASSIGN_OR_RETURN(auto groups, ListGroups());
        for (auto& g : groups) {
            if (EqualsIgnoreCase(g.name, Trim(name))) return std::optional<Group>(std::move(g));
        }
        return std::optional<Group>();
    }

    // ---- classifications ------------------------------------------------------------

    Result<ClassificationId> InsertClassification(const Classification& c) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO classifications (name, abbreviation, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)"));
        s->Bind(1, c.name).Bind(2, c.abbreviation).Bind(3, Name(c.status)).Bind(4, now_).Bind(5, now_);
        if (auto r = s->Run(); !r) return Fail(NameClash(r.error(), "classification", c.name));
        const ClassificationId id{db_.LastInsertId()};
        classification_ids_.clear();
        CREWSYNC_TRY(Journal(Entity::kClassification, id.value(), ChangeAction::kCreate, {}));
        return id;
    }

    Status UpdateClassification(const Classification& c) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(auto all, ListClassifications());
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const Classification& x) { return x.id == c.id; });
        if (it == all.end()) return NotFound("classification", c.id.value());
        const auto fields = ChangedFields(*it, c);
        if (fields.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "UPDATE classifications SET name = ?, abbreviation = ?, status = ?, updated_at = ? "
            "WHERE id = ?"));
        s->Bind(1, c.name).Bind(2, c.abbreviation).Bind(3, Name(c.status)).Bind(4, now_)
            .Bind(5, c.id.value());
        if (auto r = s->Run(); !r) return Fail(NameClash(r.error(), "classification", c.name));
        classification_ids_.clear();
        return Journal(Entity::kClassification, c.id.value(), ChangeAction::kUpdate, fields);
    }

    Result<std::vector<Classification>> ListClassifications() override {
        CREWSYNC_TRY(CheckOpen());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "SELECT id, name, abbreviation, status FROM classifications "
            "ORDER BY name COLLATE NOCASE"));
        std::vector<Classification> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            out.push_back(Classification{ClassificationId{s->Int(0)}, s->Text(1), s->Text(2),
                                         EnumColumn(*s, 3, ParseRecordStatus, RecordStatus::kActive)});
        }
        return out;
    }

    Result<std::optional<Classification>> FindClassification(std::string_view name) override {
        CREWSYNC_ASSIGN_OR_RETURN(auto all, ListClassifications());
        for (auto& c : all) {
            if (EqualsIgnoreCase(c.name, Trim(name))) return std::optional<Classification>(std::move(c));
        }
        return std::optional<Classification>();
    }

    // ---- people ---------------------------------------------------------------------

    Result<PersonId> InsertPerson(const Person& p) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(const auto classification, ClassificationIdFor(p.classification));
        CREWSYNC_TRY(GroupIdsFor(p.groups));  // unknown names fail before any write
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO people (first_name, last_name, email, employee_id, mobile_phone, "
            "job_title, status, type, permission, classification_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        BindPerson(*s, p, classification);
        s->Bind(11, now_).Bind(12, now_);
        CREWSYNC_TRY(s->Run());
        const PersonId id{db_.LastInsertId()};
        CREWSYNC_TRY(WriteGroups("person_groups", "person_id", id.value(), p.groups, false));
        CREWSYNC_TRY(WriteCustomFields(id, p.custom_fields, false));
        CREWSYNC_TRY(Journal(Entity::kPerson, id.value(), ChangeAction::kCreate, {}));
        return id;
    }

    Status UpdatePerson(const Person& p) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(const auto before, GetPerson(p.id));
        if (!before) return NotFound("person", p.id.value());
        const auto fields = ChangedFields(*before, p);
        if (fields.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(const auto classification, ClassificationIdFor(p.classification));
        CREWSYNC_TRY(GroupIdsFor(p.groups));  // unknown names fail before any write
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "UPDATE people SET first_name = ?, last_name = ?, email = ?, employee_id = ?, "
            "mobile_phone = ?, job_title = ?, status = ?, type = ?, permission = ?, "
            "classification_id = ?, updated_at = ? WHERE id = ?"));
        BindPerson(*s, p, classification);
        s->Bind(11, now_).Bind(12, p.id.value());
        CREWSYNC_TRY(s->Run());
        if (Contains(fields, "groups")) {
            CREWSYNC_TRY(WriteGroups("person_groups", "person_id", p.id.value(), p.groups, true));
        }
        if (Contains(fields, "custom_fields")) {
            CREWSYNC_TRY(WriteCustomFields(p.id, p.custom_fields, true));
        }
        return Journal(Entity::kPerson, p.id.value(), ChangeAction::kUpdate, fields);
    }

    Result<std::optional<Person>> GetPerson(PersonId id) override {
        return FirstOf(LoadPeople("p.id = ?1", [&](Stmt& s) { s.Bind(1, id.value()); }));
    }

    Result<std::vector<Person>> ListPeople(const PersonFilter& f) override {
        std::string where = "1";
        if (f.status) where += " AND p.status = ?1";
        if (f.type) where += " AND p.type = ?2";
        if (!f.group.empty()) {
            where += " AND p.id IN (SELECT pg.person_id FROM person_groups pg JOIN groups g "
                     "ON g.id = pg.group_id WHERE g.name = ?3 COLLATE NOCASE)";
        }
        return LoadPeople(where, [&](Stmt& s) {
            if (f.status) s.Bind(1, Name(*f.status));
            if (f.type) s.Bind(2, Name(*f.type));
            if (!f.group.empty()) s.Bind(3, f.group);
        });
    }

    Result<std::vector<PersonId>> FindPeopleByEmail(std::string_view email) override {
        return FindIds<PersonId>("SELECT id FROM people WHERE email_key = ? ORDER BY id",
                                 EmailKey(email));
    }

    Result<std::vector<PersonId>> FindPeopleByEmployeeId(std::string_view employee_id) override {
        return FindIds<PersonId>("SELECT id FROM people WHERE employee_id = ? ORDER BY id",
                                 std::string(Trim(employee_id)));
    }

    // ---- projects -------------------------------------------------------------------

    Result<ProjectId> InsertProject(const Project& p) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_TRY(GroupIdsFor(p.groups));  // unknown names fail before any write
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO projects (name, project_number, status, start_date, planned_end_date, "
            "address, city, postal_code, time_zone, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        BindProject(*s, p);
        s->Bind(10, now_).Bind(11, now_);
        CREWSYNC_TRY(s->Run());
        const ProjectId id{db_.LastInsertId()};
        CREWSYNC_TRY(WriteGroups("project_groups", "project_id", id.value(), p.groups, false));
        CREWSYNC_TRY(Journal(Entity::kProject, id.value(), ChangeAction::kCreate, {}));
        return id;
    }

    Status UpdateProject(const Project& p) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(const auto before, GetProject(p.id));
        if (!before) return NotFound("project", p.id.value());
        const auto fields = ChangedFields(*before, p);
        if (fields.empty()) return Ok();
        CREWSYNC_TRY(GroupIdsFor(p.groups));  // unknown names fail before any write
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "UPDATE projects SET name = ?, project_number = ?, status = ?, start_date = ?, "
            "planned_end_date = ?, address = ?, city = ?, postal_code = ?, time_zone = ?, "
            "updated_at = ? WHERE id = ?"));
        BindProject(*s, p);
        s->Bind(10, now_).Bind(11, p.id.value());
        CREWSYNC_TRY(s->Run());
        if (Contains(fields, "groups")) {
            CREWSYNC_TRY(WriteGroups("project_groups", "project_id", p.id.value(), p.groups, true));
        }
        return Journal(Entity::kProject, p.id.value(), ChangeAction::kUpdate, fields);
    }

    Result<std::optional<Project>> GetProject(ProjectId id) override {
        return FirstOf(LoadProjects("p.id = ?1", [&](Stmt& s) { s.Bind(1, id.value()); }));
    }

    Result<std::vector<Project>> ListProjects(const ProjectFilter& f) override {
        std::string where = "1";
        if (f.status) where += " AND p.status = ?1";
        if (!f.group.empty()) {
            where += " AND p.id IN (SELECT pg.project_id FROM project_groups pg JOIN groups g "
                     "ON g.id = pg.group_id WHERE g.name = ?2 COLLATE NOCASE)";
        }
        return LoadProjects(where, [&](Stmt& s) {
            if (f.status) s.Bind(1, Name(*f.status));
            if (!f.group.empty()) s.Bind(2, f.group);
        });
    }

    Result<std::vector<ProjectId>> FindProjectsByNumber(std::string_view number) override {
        return FindIds<ProjectId>("SELECT id FROM projects WHERE project_number = ? ORDER BY id",
                                  std::string(Trim(number)));
    }

    // ---- assignments ----------------------------------------------------------------

    Result<AssignmentId> InsertAssignment(const Assignment& a) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO assignments (person_id, project_id, start_date, end_date, note, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        s->Bind(1, a.person.value()).Bind(2, a.project.value()).Bind(3, FormatDate(a.start_date))
            .Bind(4, FormatDate(a.end_date)).Bind(5, a.note).Bind(6, now_).Bind(7, now_);
        if (auto r = s->Run(); !r) return Fail(ReferenceError(r.error(), "assignment"));
        const AssignmentId id{db_.LastInsertId()};
        CREWSYNC_TRY(Journal(Entity::kAssignment, id.value(), ChangeAction::kCreate, {}));
        return id;
    }

    Status UpdateAssignment(const Assignment& a) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(const auto before, GetAssignment(a.id));
        if (!before) return NotFound("assignment", a.id.value());
        const auto fields = ChangedFields(*before, a);
        if (fields.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "UPDATE assignments SET person_id = ?, project_id = ?, start_date = ?, end_date = ?, "
            "note = ?, updated_at = ? WHERE id = ?"));
        s->Bind(1, a.person.value()).Bind(2, a.project.value()).Bind(3, FormatDate(a.start_date))
            .Bind(4, FormatDate(a.end_date)).Bind(5, a.note).Bind(6, now_).Bind(7, a.id.value());
        if (auto r = s->Run(); !r) return Fail(ReferenceError(r.error(), "assignment"));
        return Journal(Entity::kAssignment, a.id.value(), ChangeAction::kUpdate, fields);
    }

    Status DeleteAssignment(AssignmentId id) override {
        return DeleteRow("assignments", Entity::kAssignment, id.value());
    }

    Result<std::optional<Assignment>> GetAssignment(AssignmentId id) override {
        return FirstOf(LoadAssignments("id = ?1", [&](Stmt& s) { s.Bind(1, id.value()); }));
    }

    Result<std::vector<Assignment>> ListAssignments(const AssignmentFilter& f) override {
        std::string where = "1";
        if (f.person) where += " AND person_id = ?1";
        if (f.project) where += " AND project_id = ?2";
        if (f.active_on) where += " AND start_date <= ?3 AND end_date >= ?3";
        return LoadAssignments(where, [&](Stmt& s) {
            if (f.person) s.Bind(1, f.person->value());
            if (f.project) s.Bind(2, f.project->value());
            if (f.active_on) s.Bind(3, FormatDate(*f.active_on));
        });
    }

    // ---- time entries ---------------------------------------------------------------

    Result<TimeEntryId> InsertTimeEntry(const TimeEntry& e) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(const auto classification, ClassificationIdFor(e.classification));
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO time_entries (person_id, project_id, work_date, hours_hundredths, "
            "time_in_minutes, time_out_minutes, lunch_minutes, classification_id, cost_code, "
            "notes, approval, source_ref, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        BindTimeEntry(*s, e, classification);
        s->Bind(13, now_).Bind(14, now_);
        if (auto r = s->Run(); !r) return Fail(TimeEntryError(r.error(), e));
        const TimeEntryId id{db_.LastInsertId()};
        CREWSYNC_TRY(Journal(Entity::kTimeEntry, id.value(), ChangeAction::kCreate, {}));
        return id;
    }

    Status UpdateTimeEntry(const TimeEntry& e) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(const auto before, GetTimeEntry(e.id));
        if (!before) return NotFound("time entry", e.id.value());
        const auto fields = ChangedFields(*before, e);
        if (fields.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(const auto classification, ClassificationIdFor(e.classification));
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "UPDATE time_entries SET person_id = ?, project_id = ?, work_date = ?, "
            "hours_hundredths = ?, time_in_minutes = ?, time_out_minutes = ?, lunch_minutes = ?, "
            "classification_id = ?, cost_code = ?, notes = ?, approval = ?, source_ref = ?, "
            "updated_at = ? WHERE id = ?"));
        BindTimeEntry(*s, e, classification);
        s->Bind(13, now_).Bind(14, e.id.value());
        if (auto r = s->Run(); !r) return Fail(TimeEntryError(r.error(), e));
        return Journal(Entity::kTimeEntry, e.id.value(), ChangeAction::kUpdate, fields);
    }

    Status DeleteTimeEntry(TimeEntryId id) override {
        return DeleteRow("time_entries", Entity::kTimeEntry, id.value());
    }

    Result<std::optional<TimeEntry>> GetTimeEntry(TimeEntryId id) override {
        return FirstOf(LoadTimeEntries("t.id = ?1", [&](Stmt& s) { s.Bind(1, id.value()); }));
    }

    Result<std::vector<TimeEntry>> ListTimeEntries(const TimeEntryFilter& f) override {
        std::string where = "1";
        if (f.person) where += " AND t.person_id = ?1";
        if (f.project) where += " AND t.project_id = ?2";
        if (f.from) where += " AND t.work_date >= ?3";
        if (f.to) where += " AND t.work_date <= ?4";
        if (f.approval) where += " AND t.approval = ?5";
        return LoadTimeEntries(where, [&](Stmt& s) {
            if (f.person) s.Bind(1, f.person->value());
            if (f.project) s.Bind(2, f.project->value());
            if (f.from) s.Bind(3, FormatDate(*f.from));
            if (f.to) s.Bind(4, FormatDate(*f.to));
            if (f.approval) s.Bind(5, Name(*f.approval));
        });
    }

    Result<std::optional<TimeEntryId>> FindTimeEntryBySourceRef(std::string_view ref) override {
        CREWSYNC_ASSIGN_OR_RETURN(auto ids, FindIds<TimeEntryId>(
            "SELECT id FROM time_entries WHERE source_ref = ?", std::string(Trim(ref))));
        if (ids.empty()) return std::optional<TimeEntryId>();
        return std::optional<TimeEntryId>(ids.front());
    }

    // ---- journal --------------------------------------------------------------------

    Result<std::vector<JournalEntry>> ReadJournal(std::int64_t after_seq,
                                                  std::size_t limit) override {
        CREWSYNC_TRY(CheckOpen());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "SELECT seq, recorded_at, entity, entity_id, action, fields FROM change_journal "
            "WHERE seq > ? ORDER BY seq LIMIT ?"));
        s->Bind(1, after_seq).Bind(2, static_cast<std::int64_t>(limit));
        std::vector<JournalEntry> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            JournalEntry j;
            j.seq = s->Int(0);
            j.recorded_at = s->Text(1);
            j.entity = ParseEntity(s->Text(2));
            j.entity_id = s->Int(3);
            const std::string action = s->Text(4);
            j.action = action == "create"   ? ChangeAction::kCreate
                       : action == "delete" ? ChangeAction::kDelete
                                            : ChangeAction::kUpdate;
            j.fields = SplitList(s->Text(5), ',');
            out.push_back(std::move(j));
        }
        return out;
    }

    // ---- secrets --------------------------------------------------------------------

    Status PutSecret(std::string_view name, std::string_view sealed) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_TRY(CheckSecretName(name));
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, "
            "updated_at = excluded.updated_at"));
        s->Bind(1, name).BindBlob(2, sealed).Bind(3, now_);
        return s->Run();
    }

    Result<std::optional<std::string>> GetSecret(std::string_view name) override {
        CREWSYNC_TRY(CheckOpen());
        CREWSYNC_TRY(CheckSecretName(name));
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "SELECT sealed FROM secrets WHERE name = ?"));
        s->Bind(1, name);
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        std::optional<std::string> sealed;
        if (row) sealed = s->Blob(0);
        // Reset at once rather than on the next Prepare: the statement would otherwise stay
        // on its row until then.
        s->Reset();
        return sealed;
    }

    Status DeleteSecret(std::string_view name) override {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_TRY(CheckSecretName(name));
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare("DELETE FROM secrets WHERE name = ?"));
        s->Bind(1, name);
        return s->Run();
    }

    Result<std::vector<std::string>> ListSecretNames() override {
        CREWSYNC_TRY(CheckOpen());
        // BINARY collation: the same order as sorting the std::strings.
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "SELECT name FROM secrets ORDER BY name COLLATE BINARY"));
        std::vector<std::string> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            out.push_back(s->Text(0));
        }
        return out;
    }

    // ---- sync state (store/sqlite/sync_state.cpp) -------------------------------------

    Status PutLink(const LinkRow& link) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::PutLink(db_, link, now_);
    }

    Status DeleteLink(Entity entity, std::int64_t local_id,
                      std::string_view procore_kind) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::DeleteLink(db_, entity, local_id, procore_kind);
    }

    Result<std::vector<LinkRow>> ListLinks() override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListLinks(db_);
    }

    Status PutDismissal(const DismissalRow& dismissal) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::PutDismissal(db_, dismissal, now_);
    }

    Status DeleteDismissal(const DismissalRow& dismissal) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::DeleteDismissal(db_, dismissal);
    }

    Result<std::vector<DismissalRow>> ListDismissals() override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListDismissals(db_);
    }

    Status PutBaseline(const BaselineRow& baseline) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::PutBaseline(db_, baseline, now_);
    }

    Status DeleteBaseline(Entity entity, std::int64_t local_id) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::DeleteBaseline(db_, entity, local_id);
    }

    Result<std::vector<BaselineRow>> ListBaselines() override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListBaselines(db_);
    }

    Result<std::int64_t> InsertRun(const RunRecord& run) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::InsertRun(db_, run);
    }

    Status UpdateRun(const RunRecord& run) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::UpdateRun(db_, run);
    }

    Result<std::optional<RunRecord>> GetRun(std::int64_t id) override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::GetRun(db_, id);
    }

    Result<std::vector<RunRecord>> ListRuns(const RunFilter& filter) override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListRuns(db_, filter);
    }

    Status AppendRunLines(std::int64_t run_id, const std::vector<RunLine>& lines) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::AppendRunLines(db_, run_id, lines);
    }

    Result<std::vector<RunLine>> ListRunLines(std::int64_t run_id) override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListRunLines(db_, run_id);
    }

    Status PutTimecardLedger(const TimecardLedgerRow& row) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::PutTimecardLedger(db_, row, now_);
    }

    Status DeleteTimecardLedger(std::int64_t time_entry_id) override {
        CREWSYNC_TRY(CheckWrite());
        return sqlite::DeleteTimecardLedger(db_, time_entry_id);
    }

    Result<std::vector<TimecardLedgerRow>> ListTimecardLedger() override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListTimecardLedger(db_);
    }

    Result<std::vector<LastChange>> ListLastChanges(
        Entity entity, const std::vector<std::string>& fields) override {
        CREWSYNC_TRY(CheckOpen());
        return sqlite::ListLastChanges(db_, entity, fields);
    }

private:
    static Status CheckSecretName(std::string_view name) {
        if (name.empty()) {
            return Fail(ErrorCode::kInvalidArgument, "a secret's name must not be empty");
        }
        return Ok();
    }

    static bool Contains(const std::vector<std::string>& v, std::string_view s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    }

    static Entity ParseEntity(std::string_view name) {
        for (Entity e : {Entity::kPerson, Entity::kProject, Entity::kGroup,
                         Entity::kClassification, Entity::kAssignment, Entity::kTimeEntry}) {
            if (Name(e) == name) return e;
        }
        return Entity::kPerson;
    }

    Status CheckOpen() const {
        if (!open_) return Fail(ErrorCode::kInternal, "transaction is already finished");
        return Ok();
    }

    Status CheckWrite() const {
        CREWSYNC_TRY(CheckOpen());
        if (mode_ != TxMode::kWrite) {
            return Fail(ErrorCode::kInternal, "write attempted in a read transaction");
        }
        return Ok();
    }

    static tl::unexpected<Error> NotFound(std::string_view what, std::int64_t id) {
        return Fail(ErrorCode::kNotFound, fmt::format("no {} with id {}", what, id));
    }

    static Error NameClash(const Error& e, std::string_view what, std::string_view name) {
        if (e.code() != ErrorCode::kConflict) return e;
        return Error(ErrorCode::kConflict, fmt::format("a {} named '{}' already exists", what, name));
    }

    static Error ReferenceError(const Error& e, std::string_view what) {
        // Only a foreign-key failure means a missing person or project; other constraint
        // failures (a CHECK) keep SQLite's own words.
        if (e.code() != ErrorCode::kConflict ||
            e.message().find("FOREIGN KEY") == std::string::npos) {
            return e;
        }
        return Error(ErrorCode::kNotFound,
                     fmt::format("the {}'s person or project does not exist", what));
    }

    static Error TimeEntryError(const Error& e, const TimeEntry& entry) {
        if (e.code() != ErrorCode::kConflict) return e;
        if (e.message().find("UNIQUE") != std::string::npos) {
            return Error(ErrorCode::kConflict, fmt::format("another time entry already has "
                                                           "source ref '{}'", entry.source_ref));
        }
        return ReferenceError(e, "time entry");
    }

    Status Journal(Entity entity, std::int64_t id, ChangeAction action,
                   const std::vector<std::string>& fields) {
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(
            "INSERT INTO change_journal (recorded_at, entity, entity_id, action, fields) "
            "VALUES (?, ?, ?, ?, ?)"));
        s->Bind(1, now_).Bind(2, Name(entity)).Bind(3, id).Bind(4, Name(action))
            .Bind(5, JoinList(fields, ","));
        return s->Run();
    }

    Status DeleteRow(const char* table, Entity entity, std::int64_t id) {
        CREWSYNC_TRY(CheckWrite());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format("DELETE FROM {} WHERE id = ?",
                                                                    table)));
        s->Bind(1, id);
        CREWSYNC_TRY(s->Run());
        if (db_.Changes() == 0) return NotFound(Name(entity), id);
        return Journal(entity, id, ChangeAction::kDelete, {});
    }

    template <class IdType>
    Result<std::vector<IdType>> FindIds(const char* sql, const std::string& value) {
        CREWSYNC_TRY(CheckOpen());
        std::vector<IdType> out;
        if (value.empty()) return out;
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(sql));
        s->Bind(1, value);
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            out.push_back(IdType{s->Int(0)});
        }
        return out;
    }

    // Group name -> id, cached for the transaction (imports resolve the same few
    // groups for every row).
    Result<std::vector<std::int64_t>> GroupIdsFor(const std::vector<std::string>& names) {
        if (group_ids_.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto groups, ListGroups());
            for (const auto& g : groups) group_ids_[AsciiLower(g.name)] = g.id.value();
        }
        std::vector<std::int64_t> ids;
        for (const auto& name : names) {
            auto it = group_ids_.find(AsciiLower(Trim(name)));
            if (it == group_ids_.end()) {
                return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown group '{}'", name));
            }
            if (std::find(ids.begin(), ids.end(), it->second) == ids.end()) ids.push_back(it->second);
        }
        return ids;
    }

    Result<std::optional<std::int64_t>> ClassificationIdFor(const std::string& name) {
        if (Trim(name).empty()) return std::optional<std::int64_t>();
        if (classification_ids_.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto all, ListClassifications());
            for (const auto& c : all) classification_ids_[AsciiLower(c.name)] = c.id.value();
        }
        auto it = classification_ids_.find(AsciiLower(Trim(name)));
        if (it == classification_ids_.end()) {
            return Fail(ErrorCode::kInvalidArgument,
                        fmt::format("unknown classification '{}'", name));
        }
        return std::optional<std::int64_t>(it->second);
    }

    Status WriteGroups(const char* table, const char* owner_column, std::int64_t owner,
                       const std::vector<std::string>& names, bool replace) {
        CREWSYNC_ASSIGN_OR_RETURN(const auto ids, GroupIdsFor(names));
        if (replace) {
            CREWSYNC_ASSIGN_OR_RETURN(Stmt * del, db_.Prepare(
                fmt::format("DELETE FROM {} WHERE {} = ?", table, owner_column)));
            del->Bind(1, owner);
            CREWSYNC_TRY(del->Run());
        }
        if (ids.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * ins, db_.Prepare(
            fmt::format("INSERT INTO {} ({}, group_id) VALUES (?, ?)", table, owner_column)));
        for (std::int64_t gid : ids) {
            ins->Reset();
            ins->Bind(1, owner).Bind(2, gid);
            CREWSYNC_TRY(ins->Run());
        }
        return Ok();
    }

    Status WriteCustomFields(PersonId id, const std::map<std::string, std::string>& fields,
                             bool replace) {
        if (replace) {
            CREWSYNC_ASSIGN_OR_RETURN(Stmt * del, db_.Prepare(
                "DELETE FROM person_custom_fields WHERE person_id = ?"));
            del->Bind(1, id.value());
            CREWSYNC_TRY(del->Run());
        }
        if (fields.empty()) return Ok();
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * ins, db_.Prepare(
            "INSERT INTO person_custom_fields (person_id, name, value) VALUES (?, ?, ?)"));
        for (const auto& [name, value] : fields) {
            ins->Reset();
            ins->Bind(1, id.value()).Bind(2, name).Bind(3, value);
            CREWSYNC_TRY(ins->Run());
        }
        return Ok();
    }

    static void BindPerson(Stmt& s, const Person& p, std::optional<std::int64_t> classification) {
        s.Bind(1, p.first_name).Bind(2, p.last_name).Bind(3, p.email).Bind(4, p.employee_id)
            .Bind(5, p.mobile_phone).Bind(6, p.job_title).Bind(7, Name(p.status))
            .Bind(8, Name(p.type)).Bind(9, Name(p.permission));
        if (classification) s.Bind(10, *classification); else s.BindNull(10);
    }

    static void BindProject(Stmt& s, const Project& p) {
        s.Bind(1, p.name).Bind(2, p.project_number).Bind(3, Name(p.status))
            .BindOptional(4, DateText(p.start_date)).BindOptional(5, DateText(p.planned_end_date))
            .Bind(6, p.address).Bind(7, p.city).Bind(8, p.postal_code).Bind(9, p.time_zone);
    }

    static void BindTimeEntry(Stmt& s, const TimeEntry& e,
                              std::optional<std::int64_t> classification) {
        s.Bind(1, e.person.value()).Bind(2, e.project.value()).Bind(3, FormatDate(e.date))
            .Bind(4, e.hours.hundredths);
        if (e.time_in) s.Bind(5, e.time_in->minutes); else s.BindNull(5);
        if (e.time_out) s.Bind(6, e.time_out->minutes); else s.BindNull(6);
        s.Bind(7, e.lunch_minutes);
        if (classification) s.Bind(8, *classification); else s.BindNull(8);
        s.Bind(9, e.cost_code).Bind(10, e.notes).Bind(11, Name(e.approval));
        if (e.source_ref.empty()) s.BindNull(12); else s.Bind(12, e.source_ref);
    }

    // Loads people matching `where` (over alias p), with their groups and custom fields
    // in two more queries rather than one per person.
    template <class Binder>
    Result<std::vector<Person>> LoadPeople(const std::string& where, Binder bind) {
        CREWSYNC_TRY(CheckOpen());
        std::vector<Person> out;
        std::unordered_map<std::int64_t, std::size_t> index;
        {
            CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
                "SELECT {} FROM people p LEFT JOIN classifications c ON c.id = p.classification_id "
                "WHERE {} ORDER BY p.id", kPersonColumns, where)));
            bind(*s);
            while (true) {
                CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
                if (!row) break;
                Person p;
                p.id = PersonId{s->Int(0)};
                p.first_name = s->Text(1);
                p.last_name = s->Text(2);
                p.email = s->Text(3);
                p.employee_id = s->Text(4);
                p.mobile_phone = s->Text(5);
                p.job_title = s->Text(6);
                p.status = EnumColumn(*s, 7, ParseRecordStatus, RecordStatus::kActive);
                p.type = EnumColumn(*s, 8, ParsePersonType, PersonType::kAssignable);
                p.permission = EnumColumn(*s, 9, ParsePermissionLevel, PermissionLevel::kNone);
                p.classification = s->Text(10);
                index.emplace(p.id.value(), out.size());
                out.push_back(std::move(p));
            }
        }
        if (out.empty()) return out;
        {
            CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
                "SELECT pg.person_id, g.name FROM person_groups pg JOIN groups g "
                "ON g.id = pg.group_id WHERE pg.person_id IN (SELECT p.id FROM people p WHERE {}) "
                "ORDER BY g.name COLLATE NOCASE", where)));
            bind(*s);
            while (true) {
                CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
                if (!row) break;
                if (auto it = index.find(s->Int(0)); it != index.end()) {
                    out[it->second].groups.push_back(s->Text(1));
                }
            }
        }
        {
            CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
                "SELECT f.person_id, f.name, f.value FROM person_custom_fields f "
                "WHERE f.person_id IN (SELECT p.id FROM people p WHERE {})", where)));
            bind(*s);
            while (true) {
                CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
                if (!row) break;
                if (auto it = index.find(s->Int(0)); it != index.end()) {
                    out[it->second].custom_fields.emplace(s->Text(1), s->Text(2));
                }
            }
        }
        return out;
    }

    template <class Binder>
    Result<std::vector<Project>> LoadProjects(const std::string& where, Binder bind) {
        CREWSYNC_TRY(CheckOpen());
        std::vector<Project> out;
        std::unordered_map<std::int64_t, std::size_t> index;
        {
            CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
                "SELECT {} FROM projects p WHERE {} ORDER BY p.id", kProjectColumns, where)));
            bind(*s);
            while (true) {
                CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
                if (!row) break;
                Project p;
                p.id = ProjectId{s->Int(0)};
                p.name = s->Text(1);
                p.project_number = s->Text(2);
                p.status = EnumColumn(*s, 3, ParseRecordStatus, RecordStatus::kActive);
                p.start_date = DateColumn(*s, 4);
                p.planned_end_date = DateColumn(*s, 5);
                p.address = s->Text(6);
                p.city = s->Text(7);
                p.postal_code = s->Text(8);
                p.time_zone = s->Text(9);
                index.emplace(p.id.value(), out.size());
                out.push_back(std::move(p));
            }
        }
        if (out.empty()) return out;
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
            "SELECT pg.project_id, g.name FROM project_groups pg JOIN groups g "
            "ON g.id = pg.group_id WHERE pg.project_id IN (SELECT p.id FROM projects p WHERE {}) "
            "ORDER BY g.name COLLATE NOCASE", where)));
        bind(*s);
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            if (auto it = index.find(s->Int(0)); it != index.end()) {
                out[it->second].groups.push_back(s->Text(1));
            }
        }
        return out;
    }

    template <class Binder>
    Result<std::vector<Assignment>> LoadAssignments(const std::string& where, Binder bind) {
        CREWSYNC_TRY(CheckOpen());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
            "SELECT {} FROM assignments WHERE {} ORDER BY start_date, id", kAssignmentColumns,
            where)));
        bind(*s);
        std::vector<Assignment> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            Assignment a;
            a.id = AssignmentId{s->Int(0)};
            a.person = PersonId{s->Int(1)};
            a.project = ProjectId{s->Int(2)};
            a.start_date = DateColumn(*s, 3).value_or(Date{});
            a.end_date = DateColumn(*s, 4).value_or(Date{});
            a.note = s->Text(5);
            out.push_back(std::move(a));
        }
        return out;
    }

    template <class Binder>
    Result<std::vector<TimeEntry>> LoadTimeEntries(const std::string& where, Binder bind) {
        CREWSYNC_TRY(CheckOpen());
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_.Prepare(fmt::format(
            "SELECT {} FROM time_entries t LEFT JOIN classifications c "
            "ON c.id = t.classification_id WHERE {} ORDER BY t.work_date, t.id",
            kTimeEntryColumns, where)));
        bind(*s);
        std::vector<TimeEntry> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            TimeEntry e;
            e.id = TimeEntryId{s->Int(0)};
            e.person = PersonId{s->Int(1)};
            e.project = ProjectId{s->Int(2)};
            e.date = DateColumn(*s, 3).value_or(Date{});
            e.hours = Hours{static_cast<int>(s->Int(4))};
            if (!s->IsNull(5)) e.time_in = TimeOfDay{static_cast<int>(s->Int(5))};
            if (!s->IsNull(6)) e.time_out = TimeOfDay{static_cast<int>(s->Int(6))};
            e.lunch_minutes = static_cast<int>(s->Int(7));
            e.classification = s->Text(8);
            e.cost_code = s->Text(9);
            e.notes = s->Text(10);
            e.approval = EnumColumn(*s, 11, ParseApprovalStatus, ApprovalStatus::kPending);
            e.source_ref = s->Text(12);
            out.push_back(std::move(e));
        }
        return out;
    }

    Db& db_;
    TxMode mode_;
    std::string now_;  // one timestamp for every row the transaction writes
    bool open_ = false;
    std::unordered_map<std::string, std::int64_t> group_ids_;
    std::unordered_map<std::string, std::int64_t> classification_ids_;
};

class SqliteStore final : public Store {
public:
    SqliteStore(std::unique_ptr<Db> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

    Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override {
        auto tx = std::make_unique<SqliteTransaction>(*db_, clock_, mode);
        CREWSYNC_TRY(tx->Start());
        return std::unique_ptr<Transaction>(std::move(tx));
    }

    Result<int> SchemaVersion() override {
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_->Prepare(
            "SELECT coalesce(max(version), 0) FROM schema_migrations"));
        CREWSYNC_TRY(s->Step());
        const int version = static_cast<int>(s->Int(0));
        // Reset now: a statement left on its row keeps a read transaction open, pinning this
        // connection to an old snapshot (other connections' commits stay invisible).
        s->Reset();
        return version;
    }

    Result<std::vector<std::string>> TableNames() override {
        CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_->Prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"));
        std::vector<std::string> out;
        while (true) {
            CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
            if (!row) break;
            out.push_back(s->Text(0));
        }
        return out;
    }

    // Applies every migration newer than the database, each in its own transaction,
    // so a failure leaves the database at the last good version.
    Status Migrate() {
        CREWSYNC_TRY(db_->Exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
        CREWSYNC_ASSIGN_OR_RETURN(const int current, SchemaVersion());
        const auto migrations = sqlite::Migrations();
        const int newest = migrations.empty() ? 0 : migrations.back().version;
        if (current > newest) {
            return Fail(ErrorCode::kCorrupt,
                        fmt::format("database {} has schema version {}, but this crewsync knows "
                                    "versions up to {}; use a newer crewsync",
                                    db_->path(), current, newest));
        }
        for (const auto& m : migrations) {
            if (m.version <= current) continue;
            CREWSYNC_TRY(db_->Exec("BEGIN IMMEDIATE"));
            auto applied = [&]() -> Status {
                CREWSYNC_TRY(db_->Exec(m.sql));
                CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db_->Prepare(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
                s->Bind(1, m.version).Bind(2, m.name).Bind(3, FormatTimestamp(clock_.Now()));
                CREWSYNC_TRY(s->Run());
                return db_->Exec("COMMIT");
            }();
            if (!applied) {
                (void)db_->Exec("ROLLBACK");
                return Fail(Error(applied.error().code(),
                                  fmt::format("migration {} ({}) failed: {}", m.version, m.name,
                                              applied.error().message())));
            }
        }
        return Ok();
    }

private:
    std::unique_ptr<Db> db_;
    const Clock& clock_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
    CREWSYNC_ASSIGN_OR_RETURN(auto db, sqlite::Db::Open(path));
    auto store = std::make_unique<SqliteStore>(std::move(db), clock);
    CREWSYNC_TRY(store->Migrate());
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace crewsync::store
