// The timecard ledger in SQLite (store.hpp). SqliteTransaction's overrides call these after
// checking that the transaction is open (and writable, for the writes); `now` is the
// transaction's timestamp. Not journalled: the ledger records Procore's side, not the operator's.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "store/store.hpp"

namespace crewsync::store::sqlite {

class Db;

Status PutTimecardLedger(Db& db, const TimecardLedgerRow& row, std::string_view now);
Status DeleteTimecardLedger(Db& db, std::int64_t time_entry_id);
Result<std::vector<TimecardLedgerRow>> ListTimecardLedger(Db& db);

}  // namespace crewsync::store::sqlite
