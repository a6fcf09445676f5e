// The sync state in SQLite: links, dismissals, baselines, runs and their lines, and the
// journal query the sync asks for. SqliteTransaction's overrides call these after checking
// that the transaction is open (and writable, for the writes); `now` is the transaction's
// timestamp. None of it writes the change journal (store.hpp says why).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "store/store.hpp"

namespace crewsync::store::sqlite {

class Db;

Status PutLink(Db& db, const LinkRow& link, std::string_view now);
Status DeleteLink(Db& db, Entity entity, std::int64_t local_id, std::string_view procore_kind);
Result<std::vector<LinkRow>> ListLinks(Db& db);

Status PutDismissal(Db& db, const DismissalRow& dismissal, std::string_view now);
Status DeleteDismissal(Db& db, const DismissalRow& dismissal);
Result<std::vector<DismissalRow>> ListDismissals(Db& db);

Status PutBaseline(Db& db, const BaselineRow& baseline, std::string_view now);
Status DeleteBaseline(Db& db, Entity entity, std::int64_t local_id);
Result<std::vector<BaselineRow>> ListBaselines(Db& db);

Result<std::int64_t> InsertRun(Db& db, const RunRecord& run);
Status UpdateRun(Db& db, const RunRecord& run);
Result<std::optional<RunRecord>> GetRun(Db& db, std::int64_t id);
Result<std::vector<RunRecord>> ListRuns(Db& db, const RunFilter& filter);
Status AppendRunLines(Db& db, std::int64_t run_id, const std::vector<RunLine>& lines);
Result<std::vector<RunLine>> ListRunLines(Db& db, std::int64_t run_id);

Result<std::vector<LastChange>> ListLastChanges(Db& db, Entity entity,
                                                const std::vector<std::string>& fields);

}  // namespace crewsync::store::sqlite
