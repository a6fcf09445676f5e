// What a timesheet push reads before planning (engine/time_push.hpp): the store's entries,
// people, projects, links and ledger; the "sending" rows an interrupted push left, settled
// against Procore; and a Procore record for every worker not linked yet.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/remote_read.hpp"
#include "engine/time_push.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/settings.hpp"
#include "sync/time_plan.hpp"

namespace crewsync::engine::internal {

struct TimeInputs {
    sync::TimePushInput input;
    std::vector<store::TimecardLedgerRow> ledger;  // every row, as stored
};

// Loads everything but Procore's side. Ledger rows still "sending" are in `ledger` only.
Result<TimeInputs> LoadTimeInputs(store::Transaction& tx, const TimePushRequest& request,
                                  const sync::Settings& settings);

// What became of the "sending" rows: found in Procore (now "sent", with the timecard's id) or
// not there (the create never happened: the rows are dropped and the entries planned afresh).
struct SettledLedger {
    std::vector<store::TimecardLedgerRow> found;
    std::vector<std::int64_t> absent;  // time entry ids
};

Result<SettledLedger> SettleSending(procore::ProcoreApi& api,
                                    const std::vector<store::TimecardLedgerRow>& ledger);

// Applies settled rows to the plan's view of the ledger.
void ApplySettled(const SettledLedger& settled, TimeInputs& inputs);

// Workers of the entries with no linked Procore person: those the link report matches cleanly
// get a link (stored by the caller unless it is a dry run), those it holds back (conflict,
// duplicate, suggestion) a reason in `input.worker_held`; the rest will get a contact.
struct WorkerLinks {
    std::vector<store::LinkRow> links;
};

Result<WorkerLinks> FindWorkers(procore::ProcoreApi& api, store::Store& store,
                                const sync::Settings& settings, const ReadProgress& progress,
                                sync::TimePushInput& input);

}  // namespace crewsync::engine::internal
