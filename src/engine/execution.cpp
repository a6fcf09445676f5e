#include "engine/execution.hpp"

#include <fmt/format.h>

#include "engine/operation_fields.hpp"
#include "engine/run_messages.hpp"
#include "engine/sync_state_store.hpp"

namespace crewsync::engine::internal {
namespace {

using sync::LocalKind;
using sync::OperationKind;
using sync::RemoteKind;

RecordKey LocalKey(LocalKind kind, std::int64_t local_id) {
    return {static_cast<int>(kind), local_id, 0, 0};
}
RecordKey ImportKey(LocalKind kind, RemoteKind remote_kind, sync::ProcoreId remote_id) {
    return {static_cast<int>(kind), 0, static_cast<int>(remote_kind), remote_id};
}

bool IsCreate(OperationKind kind) {
    return kind == OperationKind::kCreateUser || kind == OperationKind::kCreateContact ||
           kind == OperationKind::kCreateProject;
}
bool IsRemoteChange(OperationKind kind) {
    return kind == OperationKind::kUpdateRemote || kind == OperationKind::kDeactivateRemote ||
           kind == OperationKind::kReactivateRemote;
}

store::Entity EntityOf(LocalKind kind) {
    return kind == LocalKind::kPerson ? store::Entity::kPerson : store::Entity::kProject;
}

// The item's Procore record in a sync answer: by id for an update, by origin_id for a create.
template <class Record>
const Record* FindWritten(const std::vector<Record>& written, sync::ProcoreId id,
                          const std::string& origin_id) {
    for (const Record& r : written) {
        if (id != 0 ? r.id == id : r.origin_id == origin_id) return &r;
    }
    return nullptr;
}

}  // namespace

RecordKey KeyOf(const sync::Operation& op) {
    if (op.local_id != 0) return LocalKey(op.local_kind, op.local_id);
    return ImportKey(op.local_kind, op.remote_kind, op.remote_id);
}

Execution::Execution(const sync::Plan& plan, procore::ProcoreApi& api, store::Store& store,
                     RunLog& log, const ExecutorOptions& options)
    : plan_(plan), api_(api), store_(store), log_(log), options_(options) {}

void Execution::GroupOperations() {
    for (const sync::Operation& op : plan_.operations) {
        ++pending_[KeyOf(op)];
        ++total_;
        if (op.kind == OperationKind::kLink) {
            links_.push_back(&op);
            continue;
        }
        if (!IsCreate(op.kind) && !IsRemoteChange(op.kind)) {
            local_.push_back(&op);
            continue;
        }
        std::vector<Write>& writes = op.remote_kind == RemoteKind::kUser      ? users_
                                     : op.remote_kind == RemoteKind::kContact ? contacts_
                                                                              : projects_;
        // The plan puts a record's writes next to each other; one Procore write carries them.
        if (!IsCreate(op.kind) && !writes.empty() && !writes.back().create) {
            const sync::Operation& last = *writes.back().ops.back();
            if (last.local_id == op.local_id && last.remote_id == op.remote_id &&
                last.local_kind == op.local_kind) {
                writes.back().ops.push_back(&op);
                continue;
            }
        }
        writes.push_back({{&op}, IsCreate(op.kind)});
    }
    for (const sync::PersonBaseline& b : plan_.person_baselines) {
        const RecordKey key = b.person_id != 0
                                  ? LocalKey(LocalKind::kPerson, b.person_id)
                                  : ImportKey(LocalKind::kPerson, b.remote_kind, b.remote_id);
        person_baselines_[key].push_back(&b);
    }
    for (const sync::ProjectBaseline& b : plan_.project_baselines) {
        const RecordKey key = b.project_id != 0
                                  ? LocalKey(LocalKind::kProject, b.project_id)
                                  : ImportKey(LocalKind::kProject, RemoteKind::kProject,
                                              b.remote_id);
        project_baselines_[key].push_back(&b);
    }
}

ExecutionResult Execution::Run() {
    GroupOperations();
    if (!RunLinks()) return result_;
    const auto user_batch = [this](const std::vector<const Write*>& b) { return RunUserBatch(b); };
    if (!InBatches(users_, user_batch)) return result_;
    for (const Write& write : contacts_) {
        if (!HeldBack(write) && !RunContact(write)) return result_;
    }
    const auto project_batch = [this](const std::vector<const Write*>& b) {
        return RunProjectBatch(b);
    };
    if (!InBatches(projects_, project_batch)) return result_;
    for (std::size_t at = 0; at < local_.size(); at += options_.local_batch) {
        const auto end = local_.begin() + static_cast<std::ptrdiff_t>(
                                              std::min(local_.size(), at + options_.local_batch));
        if (!RunLocalBatch({local_.begin() + static_cast<std::ptrdiff_t>(at), end})) {
            return result_;
        }
    }
    return result_;
}

template <class Batch>
bool Execution::InBatches(const std::vector<Write>& writes, Batch run_batch) {
    std::vector<const Write*> batch;
    for (const Write& write : writes) {
        if (HeldBack(write)) continue;
        batch.push_back(&write);
        if (batch.size() == options_.sync_batch) {
            if (!run_batch(batch)) return false;
            batch.clear();
        }
    }
    return batch.empty() || run_batch(batch);
}

bool Execution::RunLinks() {
    // Records whose only news is a baseline (nothing to write) are settled with the links.
    std::vector<RecordKey> settled;
    for (const auto& [key, baselines] : person_baselines_) {
        if (!pending_.contains(key)) settled.push_back(key);
    }
    for (const auto& [key, baselines] : project_baselines_) {
        if (!pending_.contains(key)) settled.push_back(key);
    }
    if (links_.empty() && settled.empty()) return true;
    for (const RecordKey& key : settled) SettleRecord(key);
    return Commit([&](store::Transaction& tx) -> Status {
        for (const sync::Operation* op : links_) {
            const sync::Link link{op->local_kind, op->local_id, op->remote_kind, op->remote_id,
                                  op->link_origin};
            Status put = tx.PutLink(ToRow(link));
            if (put) {
                Done(*op, op->remote_id, op->local_id);
            } else if (put.error().code() == ErrorCode::kConflict) {
                Failed(*op, put.error().message());
            } else {
                return put;
            }
        }
        return Ok();
    });
}

bool Execution::RunUserBatch(const std::vector<const Write*>& batch) {
    return RunSyncBatch<procore::UserSyncItem>(
        batch, UserFieldsFor, [this](const auto& items) { return api_.SyncUsers(items); },
        "user");
}

bool Execution::RunProjectBatch(const std::vector<const Write*>& batch) {
    return RunSyncBatch<procore::ProjectSyncItem>(
        batch, ProjectFieldsFor, [this](const auto& items) { return api_.SyncProjects(items); },
        "project");
}

template <class Item, class FieldsFor, class Send>
bool Execution::RunSyncBatch(const std::vector<const Write*>& batch, FieldsFor fields_for,
                             Send send, const char* what) {
    std::vector<Item> items;
    items.reserve(batch.size());
    for (const Write* write : batch) {
        const sync::Operation& first = *write->ops.front();
        items.push_back({write->create ? 0 : first.remote_id, fields_for(write->ops)});
    }
    auto answer = send(items);
    if (!answer) {
        for (const Write* write : batch) WriteFailed(*write, DescribeFailure(answer.error()));
        (void)Commit();
        return Stop(std::move(answer).error());
    }
    std::map<std::size_t, const procore::SyncItemError*> refused;
    for (const procore::SyncItemError& e : answer->errors) refused[e.index] = &e;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto error = refused.find(i);
        if (error != refused.end()) {
            WriteFailed(*batch[i], DescribeProblems(error->second->problems));
            continue;
        }
        const auto* written = FindWritten(answer->entities, items[i].id,
                                          items[i].fields.origin_id.value_or(""));
        if (!written) {
            WriteFailed(*batch[i], fmt::format("Procore's answer did not include this {}; the "
                                               "next run looks for it again",
                                               what));
            continue;
        }
        WriteDone(*batch[i], written->id);
    }
    return Commit();
}

bool Execution::RunContact(const Write& write) {
    const sync::Operation& first = *write.ops.front();
    const procore::PersonFields fields = ContactFieldsFor(write.ops);
    Result<procore::RemoteContact> answer = write.create
                                                ? api_.CreateContact(fields)
                                                : api_.UpdateContact(first.remote_id, fields);
    if (!answer) {
        WriteFailed(write, DescribeFailure(answer.error()));
        if (IsRecordError(answer.error())) return Commit();
        (void)Commit();
        return Stop(std::move(answer).error());
    }
    WriteDone(write, answer->id);
    return Commit();
}

Status Execution::ApplyLocal(store::Transaction& tx, const sync::Operation& op) {
    const RecordKey key = KeyOf(op);
    if (op.local_kind == LocalKind::kPerson) {
        Person person;
        if (op.kind == OperationKind::kUpdateLocal) {
            CREWSYNC_ASSIGN_OR_RETURN(auto stored, tx.GetPerson(PersonId(op.local_id)));
            if (!stored) {
                return Fail(ErrorCode::kNotFound, "the person was deleted in crewsync");
            }
            person = std::move(*stored);
        } else {
            person.type = op.remote_kind == RemoteKind::kUser ? PersonType::kUser
                                                              : PersonType::kAssignable;
        }
        ApplyChanges(op, person);
        const auto problems = ValidatePerson(person, validation_);
        if (!problems.empty()) {
            return Fail(Error(ErrorCode::kInvalidArgument, "Procore's values are not valid here",
                              problems));
        }
        if (op.kind == OperationKind::kUpdateLocal) return tx.UpdatePerson(person);
        CREWSYNC_ASSIGN_OR_RETURN(const PersonId id, tx.InsertPerson(person));
        imported_[key] = id.value();
        new_links_.push_back(ToRow(sync::Link{LocalKind::kPerson, id.value(), op.remote_kind,
                                              op.remote_id, sync::LinkOrigin::kCreated}));
        return Ok();
    }
    Project project;
    if (op.kind == OperationKind::kUpdateLocal) {
        CREWSYNC_ASSIGN_OR_RETURN(auto stored, tx.GetProject(ProjectId(op.local_id)));
        if (!stored) return Fail(ErrorCode::kNotFound, "the project was deleted in crewsync");
        project = std::move(*stored);
    }
    ApplyChanges(op, project);
    const auto problems = ValidateProject(project, validation_);
    if (!problems.empty()) {
        return Fail(Error(ErrorCode::kInvalidArgument, "Procore's values are not valid here",
                          problems));
    }
    if (op.kind == OperationKind::kUpdateLocal) return tx.UpdateProject(project);
    CREWSYNC_ASSIGN_OR_RETURN(const ProjectId id, tx.InsertProject(project));
    imported_[key] = id.value();
    new_links_.push_back(ToRow(sync::Link{LocalKind::kProject, id.value(), RemoteKind::kProject,
                                          op.remote_id, sync::LinkOrigin::kCreated}));
    return Ok();
}

bool Execution::RunLocalBatch(const std::vector<const sync::Operation*>& batch) {
    if (!validation_loaded_) {
        // The names records may refer to; imports add none, so once is enough.
        validation_loaded_ = true;
        auto tx = store_.Begin(store::TxMode::kRead);
        if (!tx) return Stop(std::move(tx).error());
        auto groups = (*tx)->ListGroups();
        if (!groups) return Stop(std::move(groups).error());
        for (const Group& g : *groups) validation_.AddGroup(g.name);
        auto classes = (*tx)->ListClassifications();
        if (!classes) return Stop(std::move(classes).error());
        for (const Classification& c : *classes) validation_.AddClassification(c.name);
    }
    return Commit([&](store::Transaction& tx) -> Status {
        for (const sync::Operation* op : batch) {
            Status applied = ApplyLocal(tx, *op);
            if (applied) {
                const auto id = imported_.find(KeyOf(*op));
                Done(*op, op->remote_id, id == imported_.end() ? op->local_id : id->second);
                continue;
            }
            // Validation and missing records fail before anything is written; anything else
            // is the store's failure and ends the transaction.
            const ErrorCode code = applied.error().code();
            if (code != ErrorCode::kInvalidArgument && code != ErrorCode::kNotFound) {
                return applied;
            }
            Failed(*op, DescribeFailure(applied.error()));
        }
        return Ok();
    });
}

void Execution::Done(const sync::Operation& op, sync::ProcoreId remote_id,
                     std::int64_t local_id) {
    ++result_.done;
    store::RunCounts& counts = log_.counts();
    switch (op.kind) {
        case OperationKind::kCreateUser:
        case OperationKind::kCreateContact:
        case OperationKind::kCreateProject:
        case OperationKind::kImportPerson:
        case OperationKind::kImportProject: ++counts.created; break;
        case OperationKind::kUpdateRemote:
        case OperationKind::kUpdateLocal: ++counts.updated; break;
        case OperationKind::kDeactivateRemote: ++counts.deactivated; break;
        case OperationKind::kReactivateRemote: ++counts.reactivated; break;
        case OperationKind::kLink: break;
    }
    for (const sync::FieldChange& c : op.changes) {
        if (c.reset) ++counts.reset;
        if (c.conflict) ++counts.conflicts;
    }
    store::RunLine line;
    line.entity = std::string(store::Name(EntityOf(op.local_kind)));
    line.local_id = local_id;
    line.procore_kind = sync::Name(op.remote_kind);
    line.procore_id = remote_id;
    line.action = sync::Name(op.kind);
    line.outcome = "done";
    line.label = op.label;
    line.message = DescribeDone(op, remote_id, local_id);
    log_.Add(std::move(line));
    const RecordKey key = KeyOf(op);
    if (--pending_[key] == 0) SettleRecord(key);
}

void Execution::Failed(const sync::Operation& op, const std::string& why) {
    ++result_.failed;
    const RecordKey key = KeyOf(op);
    if (failed_.insert(key).second) ++log_.counts().failed;
    --pending_[key];
    store::RunLine line;
    line.entity = std::string(store::Name(EntityOf(op.local_kind)));
    line.local_id = op.local_id;
    line.procore_kind = sync::Name(op.remote_kind);
    line.procore_id = op.remote_id;
    line.action = sync::Name(op.kind);
    line.outcome = "failed";
    line.label = op.label;
    line.message = why;
    log_.Add(std::move(line));
}

void Execution::WriteDone(const Write& write, sync::ProcoreId remote_id) {
    if (write.create) {
        const sync::Operation& op = *write.ops.front();
        created_[KeyOf(op)] = remote_id;
        new_links_.push_back(ToRow(sync::Link{op.local_kind, op.local_id, op.remote_kind,
                                              remote_id, sync::LinkOrigin::kCreated}));
    }
    for (const sync::Operation* op : write.ops) Done(*op, remote_id, op->local_id);
}

bool Execution::HeldBack(const Write& write) {
    const sync::Operation& first = *write.ops.front();
    if (!failed_.contains(KeyOf(first)) || first.kind == OperationKind::kDeactivateRemote) {
        return false;
    }
    // The record's link could not be stored: writing to the Procore record anyway would change
    // a record crewsync does not hold. Retiring an old record after a type change still goes.
    WriteFailed(write, "not written: an earlier step for this record failed");
    return true;
}

void Execution::WriteFailed(const Write& write, const std::string& why) {
    for (const sync::Operation* op : write.ops) Failed(*op, why);
}

void Execution::SettleRecord(const RecordKey& key) {
    if (failed_.contains(key)) return;
    const auto created = created_.find(key);
    const auto imported = imported_.find(key);
    if (const auto people = person_baselines_.find(key); people != person_baselines_.end()) {
        for (const sync::PersonBaseline* b : people->second) {
            sync::PersonBaseline filled = *b;
            if (filled.remote_id == 0 && created != created_.end()) {
                filled.remote_id = created->second;
            }
            if (filled.person_id == 0 && imported != imported_.end()) {
                filled.person_id = imported->second;
            }
            if (filled.remote_id != 0 && filled.person_id != 0) {
                new_baselines_.push_back(ToRow(filled));
            }
        }
    }
    if (const auto projects = project_baselines_.find(key); projects != project_baselines_.end()) {
        for (const sync::ProjectBaseline* b : projects->second) {
            sync::ProjectBaseline filled = *b;
            if (filled.remote_id == 0 && created != created_.end()) {
                filled.remote_id = created->second;
            }
            if (filled.project_id == 0 && imported != imported_.end()) {
                filled.project_id = imported->second;
            }
            if (filled.remote_id != 0 && filled.project_id != 0) {
                new_baselines_.push_back(ToRow(filled));
            }
        }
    }
}

bool Execution::Commit(const std::function<Status(store::Transaction&)>& first) {
    // A transaction that does not commit takes back the outcomes its callback counted.
    const store::RunCounts counts = log_.counts();
    const ExecutionResult result = result_;
    Status stored = [&]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kWrite));
        if (first) CREWSYNC_TRY(first(*tx));
        for (const store::LinkRow& link : new_links_) CREWSYNC_TRY(tx->PutLink(link));
        for (const store::BaselineRow& baseline : new_baselines_) {
            CREWSYNC_TRY(tx->PutBaseline(baseline));
        }
        CREWSYNC_TRY(log_.Flush(*tx));
        return tx->Commit();
    }();
    new_links_.clear();
    new_baselines_.clear();
    if (options_.progress) options_.progress(result_.done + result_.failed, total_);
    if (stored) return true;
    log_.Discard();
    log_.counts() = counts;
    result_ = result;
    return Stop(std::move(stored).error());
}

bool Execution::Stop(Error error) {
    result_.not_attempted = total_ - result_.done - result_.failed;
    result_.stopped_by = std::move(error);
    return false;
}

}  // namespace crewsync::engine::internal
