// Classification sync (product.md §6, setting time.classification_sync): Procore's work
// classifications missing in crewsync become crewsync classifications (positions), and active
// crewsync classifications missing in Procore are created there. Names are matched trimmed and
// without regard to case, and matching by name is all the pairing there is, so a re-run finds
// what the last one made and creates nothing twice.
//
// It runs on its own (`crewsync classifications sync`, run kind "classifications") and as the
// first step of a workers import, whose people may then hold the new positions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run_log.hpp"
#include "engine/sync_run.hpp"
#include "model/classification.hpp"
#include "model/clock.hpp"
#include "model/error.hpp"
#include "procore/procore_api.hpp"
#include "store/store.hpp"
#include "sync/remote.hpp"

namespace crewsync::engine {

// What a classification sync would create on each side.
struct ClassificationPlan {
    std::vector<sync::RemoteClassification> to_crewsync;  // Procore's, missing in crewsync
    std::vector<Classification> to_procore;  // crewsync's active ones, missing in Procore
    std::int64_t matched = 0;                // names both sides have

    bool empty() const { return to_crewsync.empty() && to_procore.empty(); }
};

// The key classification names are matched by: trimmed and lower-cased.
std::string ClassificationKey(std::string_view name);

// Pairs the two catalogues by name. Inactive crewsync classifications are retired positions:
// they match a Procore name (so it is not imported again) but are never sent to Procore.
ClassificationPlan PlanClassifications(const std::vector<Classification>& local,
                                       const std::vector<sync::RemoteClassification>& remote);

// What applying a plan did, besides the run lines and counts it added to the log.
struct ClassificationApplied {
    // Procore's classifications as crewsync now knows them: the matched ones, the ones made in
    // crewsync from Procore's, and the ones Procore made from crewsync's.
    std::vector<sync::RemoteClassification> remote;
    std::optional<Error> stopped_by;  // why it stopped early: Procore unreachable, access lost
};

// Creates the plan's classifications: Procore's first, one call each (a name Procore refuses
// fails alone; a call that cannot be made at all stops the rest), then crewsync's in one store
// transaction holding their run lines. `remote` is the list the plan was made from. Errors are
// the store's; everything else is in the result and the log.
Result<ClassificationApplied> ApplyClassifications(
    const ClassificationPlan& plan, const std::vector<sync::RemoteClassification>& remote,
    procore::ProcoreApi& api, store::Store& store, RunLog& log);

// Run lines say "Procore work classification 12".
inline constexpr const char* kWorkClassificationKind = "work classification";

struct ClassificationSyncRequest {
    bool dry_run = false;
    std::string trigger = "manual";
};

struct ClassificationSyncEnvironment {
    store::Store& store;
    procore::ProcoreApi& api;
    const Clock& clock;
    std::string lock_path;  // the workspace's run lock file
    SyncProgress progress;  // may be empty
};

struct ClassificationSyncOutcome {
    store::RunRecord run;  // id 0 for a dry run
    ClassificationPlan plan;
    std::int64_t interrupted_runs = 0;
    std::optional<Error> stopped_by;
};

// A classification sync of its own, run kind "classifications": takes the run lock, reads both
// catalogues, plans and (unless a dry run, which writes nothing, not even a log) applies. The
// caller checks the setting. Errors before the run could start come back as errors; a run that
// starts ends "succeeded", "partial" (some classifications failed) or "failed".
Result<ClassificationSyncOutcome> RunClassificationSync(const ClassificationSyncRequest& request,
                                                        ClassificationSyncEnvironment& env);

}  // namespace crewsync::engine
