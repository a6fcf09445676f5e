// `crewsync time reconcile`: reads crewsync's entries and Procore's timecards of a date range and
// compares them with the pure core (sync/time_reconcile.hpp). Reads only.
#pragma once

#include "model/date.hpp"
#include "model/error.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/time_reconcile.hpp"

namespace crewsync::engine {

// Every crewsync entry and every Procore timecard entry dated `from` to `to` (inclusive).
Result<sync::Reconciliation> ReconcileTime(store::Store& store, procore::ProcoreApi& api,
                                           Date from, Date to);

}  // namespace crewsync::engine
