#include "store/sqlite/timecard_ledger.hpp"

#include <fmt/format.h>

#include "store/sqlite/db.hpp"

namespace crewsync::store::sqlite {
namespace {

bool KnownStatus(std::string_view status) {
    return status == "sending" || status == "sent" || status == "deleted";
}

}  // namespace

Status PutTimecardLedger(Db& db, const TimecardLedgerRow& row, std::string_view now) {
    if (row.time_entry_id <= 0) {
        return Fail(ErrorCode::kInvalidArgument, "a timecard ledger row needs a time entry id");
    }
    if (!KnownStatus(row.status)) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("unknown timecard ledger status '{}'", row.status));
    }
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "INSERT INTO timecard_ledger (time_entry_id, status, timecard_id, project_procore_id, "
        "party_id, work_date, origin_id, sent, hours, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (time_entry_id) DO UPDATE SET status = excluded.status, "
        "timecard_id = excluded.timecard_id, project_procore_id = excluded.project_procore_id, "
        "party_id = excluded.party_id, work_date = excluded.work_date, "
        "origin_id = excluded.origin_id, sent = excluded.sent, hours = excluded.hours, "
        "updated_at = excluded.updated_at"));
    s->Bind(1, row.time_entry_id).Bind(2, row.status);
    if (row.timecard_id == 0) {
        s->BindNull(3);
    } else {
        s->Bind(3, row.timecard_id);
    }
    s->Bind(4, row.project_procore_id).Bind(5, row.party_id).Bind(6, row.work_date)
        .Bind(7, row.origin_id).Bind(8, row.sent).Bind(9, row.hours).Bind(10, now);
    return s->Run();
}

Status DeleteTimecardLedger(Db& db, std::int64_t time_entry_id) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s,
                              db.Prepare("DELETE FROM timecard_ledger WHERE time_entry_id = ?"));
    s->Bind(1, time_entry_id);
    return s->Run();
}

Result<std::vector<TimecardLedgerRow>> ListTimecardLedger(Db& db) {
    CREWSYNC_ASSIGN_OR_RETURN(Stmt * s, db.Prepare(
        "SELECT time_entry_id, status, timecard_id, project_procore_id, party_id, work_date, "
        "origin_id, sent, hours, updated_at FROM timecard_ledger ORDER BY time_entry_id"));
    std::vector<TimecardLedgerRow> out;
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, s->Step());
        if (!row) break;
        TimecardLedgerRow r;
        r.time_entry_id = s->Int(0);
        r.status = s->Text(1);
        r.timecard_id = s->Int(2);
        r.project_procore_id = s->Int(3);
        r.party_id = s->Int(4);
        r.work_date = s->Text(5);
        r.origin_id = s->Text(6);
        r.sent = s->Text(7);
        r.hours = s->Text(8);
        r.updated_at = s->Text(9);
        if (!KnownStatus(r.status)) {
            return Fail(ErrorCode::kCorrupt,
                        fmt::format("timecard ledger row of time entry {} has unknown status '{}'",
                                    r.time_entry_id, r.status));
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace crewsync::store::sqlite
