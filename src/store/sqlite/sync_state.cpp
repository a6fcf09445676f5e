#include "store/sqlite/sync_state.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/sqlite/db.hpp"

namespace crewsync::store::sqlite {
namespace {

Result<Entity> EntityColumn(const Stmt& s, int column) {
    const std::string name = s.Text(column);
    for (Entity e : {Entity::kPerson, Entity::kProject, Entity::kGroup, Entity::kClassification,
                     Entity::kAssignment, Entity::kTimeEntry}) {
        if (Name(e) == name) return e;
    }
    return Fail(ErrorCode::kCorrupt, fmt::format("unknown entity '{}' in the sync state", name));
}

// Optional columns of runs and run_lines hold NULL for "none"; Text and Int read NULL back as
// "" and 0, the structs' own words for none.
void BindTextOrNull(Stmt& s, int index, std::string_view text) {
    if (text.empty()) {
        s.BindNull(index);
    } else {
        s.Bind(index, text);
    }
}

void BindIdOrNull(Stmt& s, int index, std::int64_t id) {
    if (id == 0) {
        s.BindNull(index);
    } else {
        s.Bind(index, id);
    }
}

// JSON, not a joined list: values hold any text, separators included.
Result<std::string> ValuesText(const std::vector<std::string>& values) {
    try {
        return nlohmann::json(values).dump();
    } catch (const nlohmann::json::exception&) {
        // Only invalid UTF-8 gets here; replacing it would store a value neither side has,
        // and the record would look changed on every sync.
        return Fail(ErrorCode::kInvalidArgument, "a baseline value is not valid UTF-8");
    }
}

Result<std::vector<std::string>> ValuesColumn(const Stmt& s, int column) {
    const nlohmann::json doc = nlohmann::json::parse(s.Text(column), nullptr, false);
    auto corrupt = [] {
        return Fail(ErrorCode::kCorrupt, "a stored baseline's values are not a list of strings");
    };
    if (!doc.is_array()) return corrupt();
    std::vector<std::string> out;
    out.reserve(doc.size());
    for (const auto& value : doc) {
        if (!value.is_string()) return corrupt();
        out.push_back(value.get<std::string>());
    }
    return out;
}

// "Procore user 4312 is already linked to person 12"
Result<std::optional<std::string>> LinkedElsewhere(Db& db, const LinkRow& link) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "SELECT entity, local_id FROM links WHERE procore_kind = ? AND procore_id = ?"));
    s->Bind(1, link.procore_kind).Bind(2, link.procore_id);
    CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
    std::optional<std::string> holder;
    if (row && (s->Text(0) != Name(link.entity) || s->Int(1) != link.local_id)) {
        holder = fmt::format("{} {}", s->Text(0), s->Int(1));
    }
    s->Reset();  // not left on its row until the next Prepare
    return holder;
}

constexpr const char* kRunColumns =
    "id, kind, \"trigger\", dry_run, status, started_at, ended_at, created, updated, unchanged, "
    "deactivated, reactivated, reset, conflicts, failed, skipped, summary";

// Parameters 1 to 16, in kRunColumns' order after the id.
void BindRun(Stmt& s, const RunRecord& run) {
    const RunCounts& c = run.counts;
    s.Bind(1, run.kind).Bind(2, run.trigger).Bind(3, run.dry_run ? 1 : 0).Bind(4, run.status)
        .Bind(5, run.started_at);
    BindTextOrNull(s, 6, run.ended_at);
    s.Bind(7, c.created).Bind(8, c.updated).Bind(9, c.unchanged).Bind(10, c.deactivated)
        .Bind(11, c.reactivated).Bind(12, c.reset).Bind(13, c.conflicts).Bind(14, c.failed)
        .Bind(15, c.skipped).Bind(16, run.summary);
}

RunRecord RunColumns(const Stmt& s) {
    RunRecord run;
    run.id = s.Int(0);
    run.kind = s.Text(1);
    run.trigger = s.Text(2);
    run.dry_run = s.Int(3) != 0;
    run.status = s.Text(4);
    run.started_at = s.Text(5);
    run.ended_at = s.Text(6);
    RunCounts& c = run.counts;
    c.created = s.Int(7);
    c.updated = s.Int(8);
    c.unchanged = s.Int(9);
    c.deactivated = s.Int(10);
    c.reactivated = s.Int(11);
    c.reset = s.Int(12);
    c.conflicts = s.Int(13);
    c.failed = s.Int(14);
    c.skipped = s.Int(15);
    run.summary = s.Text(16);
    return run;
}

std::int64_t ClampToInt64(std::size_t n) {
    constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    return static_cast<std::int64_t>(std::min(n, kMax));
}

}  // namespace

// ---- links ------------------------------------------------------------------------------

Status PutLink(Db& db, const LinkRow& link, std::string_view now) {
    // Checked first so the message names the record holding the Procore id, not SQLite's
    // "UNIQUE constraint failed".
    CREWSYNC_ASSIGN_OR_RETURN(const auto holder, LinkedElsewhere(db, link));
    if (holder) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("Procore {} {} is already linked to {}", link.procore_kind,
                                link.procore_id, *holder));
    }
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "INSERT INTO links (entity, local_id, procore_kind, procore_id, how, linked_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity, local_id, procore_kind) DO UPDATE SET "
        "procore_id = excluded.procore_id, how = excluded.how, linked_at = excluded.linked_at"));
    s->Bind(1, Name(link.entity)).Bind(2, link.local_id).Bind(3, link.procore_kind)
        .Bind(4, link.procore_id).Bind(5, link.how).Bind(6, now);
    return s->Run();
}

Status DeleteLink(Db& db, Entity entity, std::int64_t local_id, std::string_view procore_kind) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "DELETE FROM links WHERE entity = ? AND local_id = ? AND procore_kind = ?"));
    s->Bind(1, Name(entity)).Bind(2, local_id).Bind(3, procore_kind);
    return s->Run();
}

Result<std::vector<LinkRow>> ListLinks(Db& db) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "SELECT entity, local_id, procore_kind, procore_id, how, linked_at FROM links "
        "ORDER BY entity, local_id, procore_kind"));
    std::vector<LinkRow> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        CREWSYNC_ASSIGN_OR_RETURN(const Entity entity, EntityColumn(*s, 0));
        out.push_back(LinkRow{entity, s->Int(1), s->Text(2), s->Int(3), s->Text(4), s->Text(5)});
    }
    return out;
}

// ---- dismissals -------------------------------------------------------------------------

Status PutDismissal(Db& db, const DismissalRow& dismissal, std::string_view now) {
    // DO NOTHING keeps the first dismissed_at: when the operator first said no.
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "INSERT INTO link_dismissals (person_id, procore_kind, procore_id, dismissed_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    s->Bind(1, dismissal.person_id).Bind(2, dismissal.procore_kind).Bind(3, dismissal.procore_id)
        .Bind(4, now);
    return s->Run();
}

Status DeleteDismissal(Db& db, const DismissalRow& dismissal) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "DELETE FROM link_dismissals WHERE person_id = ? AND procore_kind = ? AND procore_id = ?"));
    s->Bind(1, dismissal.person_id).Bind(2, dismissal.procore_kind).Bind(3, dismissal.procore_id);
    return s->Run();
}

Result<std::vector<DismissalRow>> ListDismissals(Db& db) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "SELECT person_id, procore_kind, procore_id FROM link_dismissals "
        "ORDER BY person_id, procore_kind, procore_id"));
    std::vector<DismissalRow> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        out.push_back(DismissalRow{s->Int(0), s->Text(1), s->Int(2)});
    }
    return out;
}

// ---- baselines --------------------------------------------------------------------------

Status PutBaseline(Db& db, const BaselineRow& baseline, std::string_view now) {
    CREWSYNC_ASSIGN_OR_RETURN(const std::string values, ValuesText(baseline.values));
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "INSERT INTO sync_baselines (entity, local_id, person_type, procore_kind, procore_id, "
        "field_values, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, local_id) DO UPDATE SET person_type = excluded.person_type, "
        "procore_kind = excluded.procore_kind, procore_id = excluded.procore_id, "
        "field_values = excluded.field_values, synced_at = excluded.synced_at"));
    s->Bind(1, Name(baseline.entity)).Bind(2, baseline.local_id).Bind(3, baseline.person_type)
        .Bind(4, baseline.procore_kind).Bind(5, baseline.procore_id).Bind(6, values)
        .Bind(7, now);
    return s->Run();
}

Status DeleteBaseline(Db& db, Entity entity, std::int64_t local_id) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "DELETE FROM sync_baselines WHERE entity = ? AND local_id = ?"));
    s->Bind(1, Name(entity)).Bind(2, local_id);
    return s->Run();
}

Result<std::vector<BaselineRow>> ListBaselines(Db& db) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "SELECT entity, local_id, person_type, procore_kind, procore_id, field_values, synced_at "
        "FROM sync_baselines ORDER BY entity, local_id"));
    std::vector<BaselineRow> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        CREWSYNC_ASSIGN_OR_RETURN(const Entity entity, EntityColumn(*s, 0));
        CREWSYNC_ASSIGN_OR_RETURN(auto values, ValuesColumn(*s, 5));
        out.push_back(BaselineRow{entity, s->Int(1), s->Text(2), s->Text(3), s->Int(4),
                                  std::move(values), s->Text(6)});
    }
    return out;
}

// ---- runs -------------------------------------------------------------------------------

Result<std::int64_t> InsertRun(Db& db, const RunRecord& run) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "INSERT INTO runs (kind, \"trigger\", dry_run, status, started_at, ended_at, created, "
        "updated, unchanged, deactivated, reactivated, reset, conflicts, failed, skipped, "
        "summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
    BindRun(*s, run);
    CREWSYNC_TRY(s->Run());
    return db.LastInsertId();
}

Status UpdateRun(Db& db, const RunRecord& run) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "UPDATE runs SET kind = ?1, \"trigger\" = ?2, dry_run = ?3, status = ?4, "
        "started_at = ?5, ended_at = ?6, created = ?7, updated = ?8, unchanged = ?9, "
        "deactivated = ?10, reactivated = ?11, reset = ?12, conflicts = ?13, failed = ?14, "
        "skipped = ?15, summary = ?16 WHERE id = ?17"));
    BindRun(*s, run);
    s->Bind(17, run.id);
    CREWSYNC_TRY(s->Run());
    if (db.Changes() == 0) {
        return Fail(ErrorCode::kNotFound, fmt::format("no run with id {}", run.id));
    }
    return Ok();
}

Result<std::optional<RunRecord>> GetRun(Db& db, std::int64_t id) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        fmt::format("SELECT {} FROM runs WHERE id = ?", kRunColumns)));
    s->Bind(1, id);
    CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
    std::optional<RunRecord> run;
    if (row) run = RunColumns(*s);
    s->Reset();  // not left on its row until the next Prepare
    return run;
}

Result<std::vector<RunRecord>> ListRuns(Db& db, const RunFilter& filter) {
    // One statement for both cases: "from the newest" is "below the largest id".
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(fmt::format(
        "SELECT {} FROM runs WHERE id < ? ORDER BY id DESC LIMIT ?", kRunColumns)));
    s->Bind(1, filter.before_id > 0 ? filter.before_id
                                    : std::numeric_limits<std::int64_t>::max())
        .Bind(2, ClampToInt64(filter.limit));
    std::vector<RunRecord> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        out.push_back(RunColumns(*s));
    }
    return out;
}

Status AppendRunLines(Db& db, std::int64_t run_id, const std::vector<RunLine>& lines) {
    // The run's existence and its last line number in one look-up; checked even with no lines,
    // so a caller appending to the wrong run hears about it at once.
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * last, db.Prepare(
        "SELECT (SELECT coalesce(max(seq), 0) FROM run_lines WHERE run_id = r.id) "
        "FROM runs r WHERE r.id = ?"));
    last->Bind(1, run_id);
    CREWSYNC_ASSIGN_OR_RETURN(const bool found, last->Step());
    std::int64_t seq = found ? last->Int(0) : 0;
    last->Reset();
    if (!found) return Fail(ErrorCode::kNotFound, fmt::format("no run with id {}", run_id));
    if (lines.empty()) return Ok();

    CREWSYNC_ASSIGN_OR_RETURN(Stmt * ins, db.Prepare(
        "INSERT INTO run_lines (run_id, seq, entity, local_id, procore_kind, procore_id, action, "
        "outcome, label, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const RunLine& line : lines) {
        ins->Reset();
        ins->Bind(1, run_id).Bind(2, ++seq);
        BindTextOrNull(*ins, 3, line.entity);
        BindIdOrNull(*ins, 4, line.local_id);
        ins->Bind(5, line.procore_kind);
        BindIdOrNull(*ins, 6, line.procore_id);
        ins->Bind(7, line.action).Bind(8, line.outcome).Bind(9, line.label)
            .Bind(10, line.message);
        CREWSYNC_TRY(ins->Run());
    }
    return Ok();
}

Result<std::vector<RunLine>> ListRunLines(Db& db, std::int64_t run_id) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "SELECT seq, entity, local_id, procore_kind, procore_id, action, outcome, label, message "
        "FROM run_lines WHERE run_id = ? ORDER BY seq"));
    s->Bind(1, run_id);
    std::vector<RunLine> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        out.push_back(RunLine{s->Int(0), s->Text(1), s->Int(2), s->Text(3), s->Int(4),
                              s->Text(5), s->Text(6), s->Text(7), s->Text(8)});
    }
    return out;
}

// ---- journal ----------------------------------------------------------------------------

Result<std::vector<LastChange>> ListLastChanges(Db& db, Entity entity,
                                                const std::vector<std::string>& fields) {
    // The journal keeps an update's fields as "a,b,c"; wrapping both sides in commas makes a
    // substring test a whole-name test. OR chains rather than IN or json_each: one cheap
    // instr() per field and row, and the (entity, entity_id) index still gives the rows in
    // GROUP BY order, so SQLite neither sorts nor builds a temporary table.
    std::vector<std::string> needles;
    for (const auto& field : fields) {
        std::string needle = fmt::format(",{},", field);
        if (field.empty() || std::find(needles.begin(), needles.end(), needle) != needles.end()) {
            continue;
        }
        needles.push_back(std::move(needle));
    }
    std::string sql =
        "SELECT entity_id, max(recorded_at) FROM change_journal WHERE entity = ?1 AND "
        "(action = 'create'";
    if (!needles.empty()) {
        sql += " OR (action = 'update' AND (";
        for (std::size_t i = 0; i < needles.size(); ++i) {
            if (i > 0) sql += " OR ";
            sql += fmt::format("instr(',' || fields || ',', ?{}) > 0", i + 2);
        }
        sql += "))";
    }
    sql += ") GROUP BY entity_id ORDER BY entity_id";

    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(sql));
    s->Bind(1, Name(entity));
    for (std::size_t i = 0; i < needles.size(); ++i) {
        s->Bind(static_cast<int>(i + 2), needles[i]);
    }
    std::vector<LastChange> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        out.push_back(LastChange{s->Int(0), s->Text(1)});
    }
    return out;
}

}  // namespace crewsync::store::sqlite
