// Internal to the executor: one run of a plan, phase by phase — links, Directory users, contacts,
// projects, then crewsync's own records.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "engine/executor.hpp"
#include "model/validation.hpp"

namespace crewsync::engine::internal {

// The record an operation or baseline belongs to: a crewsync record by its id, or (for imports,
// whose crewsync record does not exist yet) the Procore record by its kind and id.
using RecordKey = std::tuple<int, std::int64_t, int, std::int64_t>;
RecordKey KeyOf(const sync::Operation& op);

// Operations of one record that one Procore write carries (a reactivation and an update of the
// same user travel as one sync item).
struct Write {
    std::vector<const sync::Operation*> ops;
    bool create = false;
};

class Execution {
public:
    Execution(const sync::Plan& plan, procore::ProcoreApi& api, store::Store& store,
              RunLog& log, const ExecutorOptions& options);
    ExecutionResult Run();

private:
    void GroupOperations();
    // Phases; each returns false when the run must stop.
    bool RunLinks();
    bool RunUserBatch(const std::vector<const Write*>& batch);
    bool RunContact(const Write& write);
    bool RunProjectBatch(const std::vector<const Write*>& batch);
    // One call of a sync endpoint for `batch`: per-item refusals fail their record alone.
    template <class Item, class FieldsFor, class Send>
    bool RunSyncBatch(const std::vector<const Write*>& batch, FieldsFor fields_for, Send send,
                      const char* what);
    bool RunLocalBatch(const std::vector<const sync::Operation*>& batch);
    template <class Batch>
    bool InBatches(const std::vector<Write>& writes, Batch run_batch);

    // The outcome of one operation, recorded in the open transaction's lists.
    void Done(const sync::Operation& op, sync::ProcoreId remote_id, std::int64_t local_id);
    void Failed(const sync::Operation& op, const std::string& why);
    void WriteDone(const Write& write, sync::ProcoreId remote_id);
    void WriteFailed(const Write& write, const std::string& why);
    // Fails `write` when an earlier operation of its record failed; whether it did.
    bool HeldBack(const Write& write);
    // Queues the baselines of `key` when none of its operations is left or failed.
    void SettleRecord(const RecordKey& key);
    // Stores what the lists hold in one transaction; stops the run when the store fails.
    bool Commit(const std::function<Status(store::Transaction&)>& first = {});
    bool Stop(Error error);
    Status ApplyLocal(store::Transaction& tx, const sync::Operation& op);

    const sync::Plan& plan_;
    procore::ProcoreApi& api_;
    store::Store& store_;
    RunLog& log_;
    const ExecutorOptions& options_;

    std::vector<const sync::Operation*> links_;
    std::vector<Write> users_, contacts_, projects_;
    std::vector<const sync::Operation*> local_;

    std::map<RecordKey, int> pending_;  // operations of a record not yet done
    std::set<RecordKey> failed_;
    std::map<RecordKey, std::vector<const sync::PersonBaseline*>> person_baselines_;
    std::map<RecordKey, std::vector<const sync::ProjectBaseline*>> project_baselines_;
    std::map<RecordKey, sync::ProcoreId> created_;   // record → the Procore record it got
    std::map<RecordKey, std::int64_t> imported_;     // import → the crewsync record it got
    ValidationContext validation_;
    bool validation_loaded_ = false;

    // What the next Commit stores.
    std::vector<store::LinkRow> new_links_;
    std::vector<store::BaselineRow> new_baselines_;

    ExecutionResult result_;
    std::int64_t total_ = 0;
};

}  // namespace crewsync::engine::internal
