#include "store/sqlite/migrations.hpp"

namespace crewsync::store::sqlite {
namespace {

// CHECKs are written as OR chains, not IN lists: SQLite builds a temporary table for
// every IN list on every insert, which tripled the cost of a 100,000-row import.
constexpr const char* kWorkforceSchema = R"sql(
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE classifications (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    abbreviation TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status = 'active' OR status = 'inactive'),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE people (
    id                INTEGER PRIMARY KEY,
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    email             TEXT NOT NULL DEFAULT '',
    employee_id       TEXT NOT NULL DEFAULT '',
    mobile_phone      TEXT NOT NULL DEFAULT '',
    job_title         TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status = 'active' OR status = 'inactive'),
    type              TEXT NOT NULL CHECK (type = 'user' OR type = 'assignable' OR type = 'both'),
    permission        TEXT NOT NULL CHECK (permission = 'none' OR permission = 'viewer' OR permission = 'editor' OR permission = 'admin'),
    classification_id INTEGER REFERENCES classifications (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    email_key         TEXT GENERATED ALWAYS AS (lower(trim(email))) VIRTUAL
);
-- Not unique: two people with one e-mail are allowed in, and linking flags them.
CREATE INDEX people_email_key ON people (email_key) WHERE email_key <> '';
CREATE INDEX people_employee_id ON people (employee_id) WHERE employee_id <> '';

CREATE TABLE person_groups (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    group_id  INTEGER NOT NULL REFERENCES groups (id),
    PRIMARY KEY (person_id, group_id)
) WITHOUT ROWID;

CREATE TABLE person_custom_fields (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (person_id, name)
) WITHOUT ROWID;

CREATE TABLE projects (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    project_number   TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status = 'active' OR status = 'inactive'),
    start_date       TEXT,
    planned_end_date TEXT,
    address          TEXT NOT NULL DEFAULT '',
    city             TEXT NOT NULL DEFAULT '',
    postal_code      TEXT NOT NULL DEFAULT '',
    time_zone        TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX projects_number ON projects (project_number) WHERE project_number <> '';

CREATE TABLE project_groups (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL REFERENCES groups (id),
    PRIMARY KEY (project_id, group_id)
) WITHOUT ROWID;

CREATE TABLE assignments (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    project_id INTEGER NOT NULL REFERENCES projects (id),
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL CHECK (end_date >= start_date),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX assignments_person ON assignments (person_id, start_date);
CREATE INDEX assignments_project ON assignments (project_id, start_date);

CREATE TABLE time_entries (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES people (id),
    project_id        INTEGER NOT NULL REFERENCES projects (id),
    work_date         TEXT NOT NULL,
    hours_hundredths  INTEGER NOT NULL CHECK (hours_hundredths > 0 AND hours_hundredths <= 2400),
    time_in_minutes   INTEGER,
    time_out_minutes  INTEGER,
    lunch_minutes     INTEGER NOT NULL DEFAULT 0,
    classification_id INTEGER REFERENCES classifications (id),
    cost_code         TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    approval          TEXT NOT NULL CHECK (approval = 'pending' OR approval = 'approved'),
    source_ref        TEXT UNIQUE,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX time_entries_person ON time_entries (person_id, work_date);
CREATE INDEX time_entries_project ON time_entries (project_id, work_date);

-- Every write to the records above appends here, in the same transaction.
CREATE TABLE change_journal (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete'),
    fields      TEXT NOT NULL DEFAULT ''
);
)sql";

// Sync state. The sync issues fill these; the foundation creates them so the
// schema is whole from the first release.
constexpr const char* kSyncStateSchema = R"sql(
-- A crewsync record paired with a Procore record, by Procore id.
CREATE TABLE links (
    id           INTEGER PRIMARY KEY,
    entity       TEXT NOT NULL,
    local_id     INTEGER NOT NULL,
    procore_kind TEXT NOT NULL,
    procore_id   INTEGER NOT NULL,
    how          TEXT NOT NULL,
    linked_at    TEXT NOT NULL,
    UNIQUE (entity, local_id, procore_kind),
    UNIQUE (procore_kind, procore_id)
);

-- What both sides looked like when a record was last synced, to tell who changed what.
CREATE TABLE sync_fingerprints (
    entity             TEXT NOT NULL,
    local_id           INTEGER NOT NULL,
    local_fingerprint  TEXT NOT NULL,
    remote_fingerprint TEXT NOT NULL,
    remote_updated_at  TEXT,
    synced_at          TEXT NOT NULL,
    PRIMARY KEY (entity, local_id)
) WITHOUT ROWID;

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    dry_run     INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    ended_at    TEXT,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    deactivated INTEGER NOT NULL DEFAULT 0,
    reactivated INTEGER NOT NULL DEFAULT 0,
    reset       INTEGER NOT NULL DEFAULT 0,
    conflicts   INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    summary     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE run_lines (
    run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    entity     TEXT,
    local_id   INTEGER,
    procore_id INTEGER,
    action     TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    message    TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
)sql";

// Procore credentials, sealed by workspace::SecretBox before they reach the store (version ||
// nonce || ciphertext || tag), so the database never holds a plaintext. They are settings, not
// workforce records: no change journal rows.
constexpr const char* kSecretsSchema = R"sql(
CREATE TABLE secrets (
    name       TEXT NOT NULL PRIMARY KEY,
    sealed     BLOB NOT NULL,
    updated_at TEXT NOT NULL
);
)sql";

// The sync state as the sync core keeps it. Baselines replace fingerprints: a hash tells that
// a record changed, the agreed values tell which side changed which field (docs/design.md).
// field_values is a JSON array of strings in the sync core's field order. Run lines gain what the
// run history shows of each record. The journal index serves ListLastChanges, which reads one
// entity's rows grouped by record without sorting or visiting other entities' rows (time
// entries outnumber people by far).
constexpr const char* kSyncBaselinesSchema = R"sql(
DROP TABLE sync_fingerprints;

CREATE TABLE sync_baselines (
    entity       TEXT NOT NULL,
    local_id     INTEGER NOT NULL,
    person_type  TEXT NOT NULL DEFAULT '',
    procore_kind TEXT NOT NULL,
    procore_id   INTEGER NOT NULL,
    field_values TEXT NOT NULL,
    synced_at    TEXT NOT NULL,
    PRIMARY KEY (entity, local_id)
) WITHOUT ROWID;

-- A suggested pair the operator turned down, so it is not suggested again.
CREATE TABLE link_dismissals (
    person_id    INTEGER NOT NULL,
    procore_kind TEXT NOT NULL,
    procore_id   INTEGER NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (person_id, procore_kind, procore_id)
) WITHOUT ROWID;

ALTER TABLE run_lines ADD COLUMN procore_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE run_lines ADD COLUMN label TEXT NOT NULL DEFAULT '';

CREATE INDEX change_journal_entity ON change_journal (entity, entity_id);
)sql";

// The timecard ledger (store.hpp). work_date is indexed for pushes and reports of a date range.
constexpr const char* kTimecardLedgerSchema = R"sql(
CREATE TABLE timecard_ledger (
    time_entry_id      INTEGER NOT NULL PRIMARY KEY,
    status             TEXT NOT NULL,
    timecard_id        INTEGER,
    project_procore_id INTEGER NOT NULL,
    party_id           INTEGER NOT NULL,
    work_date          TEXT NOT NULL,
    origin_id          TEXT NOT NULL,
    sent               TEXT NOT NULL,
    hours              TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE INDEX timecard_ledger_date ON timecard_ledger (work_date);
)sql";

constexpr Migration kMigrations[] = {
    {1, "workforce records and change journal", kWorkforceSchema},
    {2, "links, fingerprints and run logs", kSyncStateSchema},
    {3, "encrypted credentials", kSecretsSchema},
    {4, "sync baselines, dismissals and run line details", kSyncBaselinesSchema},
    {5, "timecard ledger", kTimecardLedgerSchema},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

}  // namespace crewsync::store::sqlite
