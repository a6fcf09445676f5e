// The workforce store: people, projects, groups, classifications, assignments and
// time entries, the change journal, the sync state (links, dismissals, last-synced baselines)
// and run logs, and sealed Procore credentials.
//
// Everything goes through a Transaction. A write transaction is all-or-nothing:
// destroying it without Commit() rolls back every change it made. Every write to
// a record appends a row to the change journal inside the same transaction, so
// the journal can never disagree with the data. Secrets are not records and are
// not journalled.
//
// Backends: SQLite (store/sqlite/) today; the interface is what callers see, so a
// PostgreSQL backend can be added without touching them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/assignment.hpp"
#include "model/classification.hpp"
#include "model/error.hpp"
#include "model/group.hpp"
#include "model/person.hpp"
#include "model/project.hpp"
#include "model/time_entry.hpp"

namespace crewsync::store {

enum class Entity { kPerson, kProject, kGroup, kClassification, kAssignment, kTimeEntry };
enum class ChangeAction { kCreate, kUpdate, kDelete };

std::string_view Name(Entity entity);        // "person", "project", ...
std::string_view Name(ChangeAction action);  // "create", "update", "delete"

// One row of the change journal: which record changed, how, and which fields.
struct JournalEntry {
    std::int64_t seq = 0;  // increases with every change; never reused
    std::string recorded_at;  // UTC timestamp, see FormatTimestamp
    Entity entity = Entity::kPerson;
    std::int64_t entity_id = 0;
    ChangeAction action = ChangeAction::kCreate;
    std::vector<std::string> fields;  // changed fields, for updates; empty on create and delete
};

struct PersonFilter {
    std::optional<RecordStatus> status;
    std::optional<PersonType> type;
    std::string group;  // "" = any
};

struct ProjectFilter {
    std::optional<RecordStatus> status;
    std::string group;
};

struct AssignmentFilter {
    std::optional<PersonId> person;
    std::optional<ProjectId> project;
    std::optional<Date> active_on;  // assignments whose range contains this date
};

struct TimeEntryFilter {
    std::optional<PersonId> person;
    std::optional<ProjectId> project;
    std::optional<Date> from;  // inclusive
    std::optional<Date> to;    // inclusive
    std::optional<ApprovalStatus> approval;
};

// ---- sync state (product.md §4, §7): kept by the engine, plain values here so the store does
// not depend on the sync core. Kinds are the sync core's words ("user", "contact", "project";
// "matched", "accepted", "manual", "created", "recovered").

// A crewsync person or project paired with a Procore record.
struct LinkRow {
    Entity entity = Entity::kPerson;  // kPerson or kProject
    std::int64_t local_id = 0;
    std::string procore_kind;  // "user" | "contact" | "project"
    std::int64_t procore_id = 0;
    std::string how;           // how the link came to be
    std::string linked_at;     // set by the store on Put

    bool operator==(const LinkRow&) const = default;
};

// A suggestion the operator turned down ("not the same person").
struct DismissalRow {
    std::int64_t person_id = 0;
    std::string procore_kind;
    std::int64_t procore_id = 0;

    bool operator==(const DismissalRow&) const = default;
};

// The mapped values both sides agreed on when a record was last synced; one per record.
struct BaselineRow {
    Entity entity = Entity::kPerson;
    std::int64_t local_id = 0;
    std::string person_type;   // people: "user" | "both" | "assignable"; projects: ""
    std::string procore_kind;
    std::int64_t procore_id = 0;
    std::vector<std::string> values;  // in the sync core's field order
    std::string synced_at;     // set by the store on Put

    bool operator==(const BaselineRow&) const = default;
};

// What a run did, in numbers (product.md §7).
struct RunCounts {
    std::int64_t created = 0, updated = 0, unchanged = 0, deactivated = 0, reactivated = 0,
                 reset = 0, conflicts = 0, failed = 0, skipped = 0;

    bool operator==(const RunCounts&) const = default;
};

// One sync run: started, then finished with a status. A run whose process died stays
// "running" until the next run marks it "interrupted".
struct RunRecord {
    std::int64_t id = 0;       // set by InsertRun
    std::string kind;          // "people" | "projects" | "all"
    std::string trigger;       // "manual" | "schedule" | "change" | "webhook"
    bool dry_run = false;
    std::string status;        // "running" | "succeeded" | "partial" | "failed" | "blocked" |
                               // "interrupted"
    std::string started_at;
    std::string ended_at;      // "" while running
    RunCounts counts;
    std::string summary;       // one sentence; the error that ended a failed run

    bool operator==(const RunRecord&) const = default;
};

// One record a run touched, failed or skipped, with the reason in plain words.
struct RunLine {
    std::int64_t seq = 0;          // set by AppendRunLines: 1, 2, … within the run
    std::string entity;            // "person" | "project" | "" (run-wide lines)
    std::int64_t local_id = 0;     // 0: none (yet)
    std::string procore_kind;      // "user" | "contact" | "project" | ""
    std::int64_t procore_id = 0;   // 0: none
    std::string action;            // "create user", "update", "reset", "link", "skip", …
    std::string outcome;           // "done" | "failed" | "skipped"
    std::string label;             // "Jane Doe <jane@example.com>"
    std::string message;           // "Directory had job title 'Foreman', reset to 'Superintendent'"

    bool operator==(const RunLine&) const = default;
};

struct RunFilter {
    std::size_t limit = 50;     // newest first
    std::int64_t before_id = 0; // 0: from the newest; else runs with id < before_id
};

// When a record's listed fields last changed, from the change journal (create counts).
struct LastChange {
    std::int64_t entity_id = 0;
    std::string recorded_at;
};

// ---- timecard ledger (product.md §6): what crewsync sent to Procore for each time entry, so an
// entry is pushed exactly once and an edited entry updates the timecard it created.
//
// A row is written "sending" before its create is sent and becomes "sent" with Procore's id
// once the answer is stored; a "sending" row found by a later push means the process died in
// between, and the push looks the origin_id up in Procore before doing anything else.
struct TimecardLedgerRow {
    std::int64_t time_entry_id = 0;  // no foreign key: the row outlives a deleted entry
    std::string status;              // "sending" | "sent" | "deleted"
    std::int64_t timecard_id = 0;    // Procore's; 0 while sending
    std::int64_t project_procore_id = 0;
    std::int64_t party_id = 0;
    std::string work_date;           // YYYY-MM-DD
    std::string origin_id;           // as written to Procore
    std::string sent;                // the fields sent, as canonical text (equal text: no change)
    std::string hours;               // the hours sent, "7.50"
    std::string updated_at;          // set by the store on Put

    bool operator==(const TimecardLedgerRow&) const = default;
};

enum class TxMode { kRead, kWrite };

// A unit of work on the store. Not thread-safe; one transaction at a time per Store.
// Record-level rules (validation) are the caller's; the store enforces identity and
// references: unknown group or classification names, unknown person or project ids
// and duplicate group/classification names come back as errors.
class Transaction {
public:
    virtual ~Transaction() = default;
    Transaction() = default;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Makes every change of this transaction durable. After Commit (successful or not)
    // the transaction is finished; further calls fail with kInternal.
    virtual Status Commit() = 0;

    // Groups and classifications; names are unique ignoring case (kConflict otherwise).
    virtual Result<GroupId> InsertGroup(const Group& group) = 0;
    virtual Status UpdateGroup(const Group& group) = 0;
    virtual Result<std::vector<Group>> ListGroups() = 0;
    virtual Result<std::optional<Group>> FindGroup(std::string_view name) = 0;

    virtual Result<ClassificationId> InsertClassification(const Classification& c) = 0;
    virtual Status UpdateClassification(const Classification& c) = 0;
    virtual Result<std::vector<Classification>> ListClassifications() = 0;
    virtual Result<std::optional<Classification>> FindClassification(std::string_view name) = 0;

    // People. Insert ignores person.id and returns the new id. Update replaces every field
    // of the stored person with the same id (kNotFound if none); an update that changes
    // nothing writes nothing, not even a journal row. Lists are ordered by id.
    virtual Result<PersonId> InsertPerson(const Person& person) = 0;
    virtual Status UpdatePerson(const Person& person) = 0;
    virtual Result<std::optional<Person>> GetPerson(PersonId id) = 0;
    virtual Result<std::vector<Person>> ListPeople(const PersonFilter& filter) = 0;
    // People whose e-mail equals `email` ignoring case and surrounding spaces.
    virtual Result<std::vector<PersonId>> FindPeopleByEmail(std::string_view email) = 0;
    virtual Result<std::vector<PersonId>> FindPeopleByEmployeeId(std::string_view employee_id) = 0;

    // Projects, with the same contract as people.
    virtual Result<ProjectId> InsertProject(const Project& project) = 0;
    virtual Status UpdateProject(const Project& project) = 0;
    virtual Result<std::optional<Project>> GetProject(ProjectId id) = 0;
    virtual Result<std::vector<Project>> ListProjects(const ProjectFilter& filter) = 0;
    virtual Result<std::vector<ProjectId>> FindProjectsByNumber(std::string_view number) = 0;

    // Assignments and time entries can also be deleted (journalled as "delete").
    virtual Result<AssignmentId> InsertAssignment(const Assignment& a) = 0;
    virtual Status UpdateAssignment(const Assignment& a) = 0;
    virtual Status DeleteAssignment(AssignmentId id) = 0;
    virtual Result<std::optional<Assignment>> GetAssignment(AssignmentId id) = 0;
    virtual Result<std::vector<Assignment>> ListAssignments(const AssignmentFilter& filter) = 0;

    // Time entries: a non-empty source_ref is unique (kConflict otherwise).
    virtual Result<TimeEntryId> InsertTimeEntry(const TimeEntry& e) = 0;
    virtual Status UpdateTimeEntry(const TimeEntry& e) = 0;
    virtual Status DeleteTimeEntry(TimeEntryId id) = 0;
    virtual Result<std::optional<TimeEntry>> GetTimeEntry(TimeEntryId id) = 0;
    virtual Result<std::vector<TimeEntry>> ListTimeEntries(const TimeEntryFilter& filter) = 0;
    virtual Result<std::optional<TimeEntryId>> FindTimeEntryBySourceRef(std::string_view ref) = 0;

    // Journal rows with seq > after_seq, oldest first, at most `limit`.
    virtual Result<std::vector<JournalEntry>> ReadJournal(std::int64_t after_seq,
                                                          std::size_t limit) = 0;

    // Secrets: Procore credentials by name (e.g. "procore.client_secret"). The store never
    // sees a plaintext: callers pass and get back values sealed by workspace::SecretBox
    // (raw bytes), and unsealing is theirs. Writes need a write transaction (kInternal
    // otherwise) and add no journal rows. An empty name is kInvalidArgument.
    //
    // Stores `sealed` under `name`, replacing any earlier value.
    virtual Status PutSecret(std::string_view name, std::string_view sealed) = 0;
    // The sealed value stored under `name`, or nullopt when there is none.
    virtual Result<std::optional<std::string>> GetSecret(std::string_view name) = 0;
    // Removes `name`; removing a name that is not stored is not an error.
    virtual Status DeleteSecret(std::string_view name) = 0;
    // Every stored name, sorted by bytes.
    virtual Result<std::vector<std::string>> ListSecretNames() = 0;

    // ---- sync state. Writes need a write transaction; none of it is journalled (the journal
    // is the record of the operator's changes, and links are not records).
    //
    // Stores a link, replacing the record's earlier link of the same procore_kind. kConflict
    // when the Procore record is already linked to another crewsync record.
    virtual Status PutLink(const LinkRow& link) = 0;
    // Removes the record's link of that kind; removing a missing link is not an error.
    virtual Status DeleteLink(Entity entity, std::int64_t local_id,
                              std::string_view procore_kind) = 0;
    // Every link, ordered by entity, local id and kind.
    virtual Result<std::vector<LinkRow>> ListLinks() = 0;

    // Dismissals are kept once; storing one twice is not an error.
    virtual Status PutDismissal(const DismissalRow& dismissal) = 0;
    virtual Status DeleteDismissal(const DismissalRow& dismissal) = 0;
    virtual Result<std::vector<DismissalRow>> ListDismissals() = 0;

    // One baseline per record; Put replaces it.
    virtual Status PutBaseline(const BaselineRow& baseline) = 0;
    virtual Status DeleteBaseline(Entity entity, std::int64_t local_id) = 0;
    virtual Result<std::vector<BaselineRow>> ListBaselines() = 0;

    // Runs. InsertRun returns the new id; UpdateRun replaces every field but the id and the
    // lines (kNotFound if none). Lines are appended in order and numbered by the store.
    virtual Result<std::int64_t> InsertRun(const RunRecord& run) = 0;
    virtual Status UpdateRun(const RunRecord& run) = 0;
    virtual Result<std::optional<RunRecord>> GetRun(std::int64_t id) = 0;
    virtual Result<std::vector<RunRecord>> ListRuns(const RunFilter& filter) = 0;
    virtual Status AppendRunLines(std::int64_t run_id, const std::vector<RunLine>& lines) = 0;
    virtual Result<std::vector<RunLine>> ListRunLines(std::int64_t run_id) = 0;

    // The timecard ledger: one row per time entry ever pushed; Put replaces it.
    virtual Status PutTimecardLedger(const TimecardLedgerRow& row) = 0;
    virtual Status DeleteTimecardLedger(std::int64_t time_entry_id) = 0;
    // Ordered by time entry id.
    virtual Result<std::vector<TimecardLedgerRow>> ListTimecardLedger() = 0;

    // For every record of `entity` with a create, or an update touching any of `fields`, in
    // the journal: the time of the latest such change. Ordered by entity id.
    virtual Result<std::vector<LastChange>> ListLastChanges(
        Entity entity, const std::vector<std::string>& fields) = 0;
};

class Store {
public:
    virtual ~Store() = default;
    Store() = default;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Starts a transaction. A write transaction takes the workspace's write lock at once
    // (waiting up to the busy timeout for another process), so it never fails half-way
    // for lack of the lock.
    virtual Result<std::unique_ptr<Transaction>> Begin(TxMode mode) = 0;

    // The schema version the database is at (the number of the last migration applied).
    virtual Result<int> SchemaVersion() = 0;
    // The names of the tables the schema holds, sorted; for diagnostics and tests.
    virtual Result<std::vector<std::string>> TableNames() = 0;
};

}  // namespace crewsync::store
