#include "engine/time_execution.hpp"

#include <charconv>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "engine/executor.hpp"
#include "model/text.hpp"

namespace crewsync::engine::internal {
namespace {

using sync::ProcoreId;
using sync::TimecardDraft;

std::string ClassificationKey(std::string_view name) { return AsciiLower(Trim(name)); }

store::RunLine EntryLine(const TimecardDraft& d, ProcoreId timecard, std::string action,
                         std::string outcome, std::string message) {
    store::RunLine line;
    line.entity = "time_entry";
    line.local_id = d.time_entry_id;
    line.procore_kind = timecard != 0 ? "timecard" : "";
    line.procore_id = timecard;
    line.action = std::move(action);
    line.outcome = std::move(outcome);
    line.label = d.label;
    line.message = std::move(message);
    return line;
}

store::TimecardLedgerRow LedgerRowOf(const TimecardDraft& d, std::string status,
                                     ProcoreId timecard) {
    store::TimecardLedgerRow row;
    row.time_entry_id = d.time_entry_id;
    row.status = std::move(status);
    row.timecard_id = timecard;
    row.project_procore_id = d.project_procore_id;
    row.party_id = d.party_id;
    row.work_date = d.date;
    row.origin_id = d.origin_id;
    row.sent = sync::SentText(d);
    row.hours = d.hours;
    return row;
}

// The fields of a draft. An update sends every field, so a cleared value is cleared in
// Procore too (an id of 0 is written as null); a create leaves unset ones out.
procore::TimecardFields FieldsOf(const TimecardDraft& d, bool update) {
    procore::TimecardFields f;
    f.party_id = d.party_id;
    f.date = d.date;
    if (d.time_in.empty()) {
        f.hours = d.hours;
        if (update) f.time_in = f.time_out = "";
    } else {
        f.time_in = d.time_in;
        f.time_out = d.time_out;
        f.lunch_time = d.lunch_minutes;
    }
    if (update || !d.description.empty()) f.description = d.description;
    if (update || d.classification_id != 0) f.work_classification_id = d.classification_id;
    if (update || d.cost_code_id != 0) f.cost_code_id = d.cost_code_id;
    if (update) {
        f.project_id = d.project_procore_id;
    } else {
        f.origin_id = d.origin_id;
    }
    return f;
}

// "timecard_entries[3].hours" → 3: which entry of a refused bulk create a problem is about.
std::optional<std::size_t> ProblemIndex(std::string_view field) {
    constexpr std::string_view kPrefix = "timecard_entries[";
    if (!field.starts_with(kPrefix)) return std::nullopt;
    field.remove_prefix(kPrefix.size());
    std::size_t index = 0;
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), index);
    if (ec != std::errc() || ptr == field.data() + field.size() || *ptr != ']') {
        return std::nullopt;
    }
    return index;
}

std::string ProblemText(std::string_view field, const std::string& message) {
    if (const auto dot = field.find("]."); dot != std::string_view::npos) {
        field.remove_prefix(dot + 2);
    }
    return field.empty() ? message : std::string(field) + " " + message;
}

class TimeExecution {
public:
    TimeExecution(const sync::TimePlan& plan,
                  const std::map<std::int64_t, store::TimecardLedgerRow>& ledger,
                  procore::ProcoreApi& api, store::Store& store, RunLog& log,
                  const TimeExecutionOptions& options)
        : plan_(plan), ledger_(ledger), api_(api), store_(store), log_(log), options_(options) {
        total_ = plan.Writes();
    }

    TimeExecutionResult Run() {
        for (const sync::TimeRejection& r : plan_.rejections) LogRejection(r);
        if (!Commit()) return result_;
        CreateContacts();
        CreateClassifications();
        CreateTimecards();
        UpdateTimecards();
        Remove();
        if (result_.stopped_by) result_.not_attempted = total_ - finished_;
        return result_;
    }

private:
    // ---- bookkeeping

    bool Stopped() const { return result_.stopped_by.has_value(); }

    // Stores the queued lines (and whatever `write` puts) in one transaction. A store failure
    // stops the run: the next push settles what this one could not record.
    bool Commit(const std::function<Status(store::Transaction&)>& write = {}) {
        Status status = [&]() -> Status {
            CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kWrite));
            if (write) CREWSYNC_TRY(write(*tx));
            CREWSYNC_TRY(log_.Flush(*tx));
            return tx->Commit();
        }();
        if (!status) {
            log_.Discard();
            result_.stopped_by = status.error();
            return false;
        }
        return true;
    }

    void Finished(std::int64_t n) {
        finished_ += n;
        if (options_.progress) options_.progress(finished_, total_);
    }

    void Done(std::int64_t n = 1) {
        result_.done += n;
        Finished(n);
    }

    void Failed(std::int64_t n = 1) {
        result_.failed += n;
        log_.counts().failed += n;
        Finished(n);
    }

    void LogRejection(const sync::TimeRejection& r) {
        store::RunLine line;
        line.entity = "time_entry";
        line.local_id = r.time_entry_id;
        line.action = r.failed ? "reject" : "skip";
        line.outcome = r.failed ? "failed" : "skipped";
        line.label = r.label;
        line.message = r.reason;
        log_.Add(std::move(line));
        if (r.failed) {
            ++log_.counts().failed;
        } else {
            ++log_.counts().skipped;
        }
    }

    // ---- workers and classifications

    void CreateContacts() {
        for (const sync::ContactToCreate& c : plan_.contacts) {
            if (Stopped()) return;
            procore::PersonFields fields;
            fields.first_name = c.first_name;
            fields.last_name = c.last_name;
            if (!c.employee_id.empty()) fields.employee_id = c.employee_id;
            fields.is_employee = true;
            fields.active = true;
            fields.origin_id = c.origin_id;
            Result<procore::RemoteContact> created = api_.CreateContact(fields);
            store::RunLine line;
            line.entity = "person";
            line.local_id = c.person_id;
            line.procore_kind = "contact";
            line.action = "create contact";
            line.label = c.label;
            if (!created) {
                if (!IsRecordError(created.error())) {
                    result_.stopped_by = created.error();
                    return;
                }
                worker_failed_[c.person_id] = created.error().message();
                line.outcome = "failed";
                line.message = "Procore refused the worker's contact: " +
                               created.error().message();
                log_.Add(std::move(line));
                if (Commit()) Failed();
                continue;
            }
            party_[c.person_id] = created->id;
            line.procore_id = created->id;
            line.outcome = "done";
            line.message = "created a Directory contact for the worker's timecards" +
                           (c.employee_id.empty() ? std::string()
                                                  : " (payroll ID " + c.employee_id + ")");
            log_.Add(std::move(line));
            const store::LinkRow link{store::Entity::kPerson, c.person_id, "contact", created->id,
                                      "created", ""};
            if (!Commit([&](store::Transaction& tx) { return tx.PutLink(link); })) return;
            ++log_.counts().created;
            Done();
        }
    }

    void CreateClassifications() {
        for (const sync::ClassificationToCreate& c : plan_.classifications) {
            if (Stopped()) return;
            auto created = api_.CreateClassification(c.name, c.abbreviation);
            store::RunLine line;
            line.entity = "classification";
            line.procore_kind = "classification";
            line.action = "create classification";
            line.label = c.name;
            if (!created) {
                if (!IsRecordError(created.error())) {
                    result_.stopped_by = created.error();
                    return;
                }
                class_failed_[ClassificationKey(c.name)] = created.error().message();
                line.outcome = "failed";
                line.message = "Procore refused the classification: " + created.error().message();
                log_.Add(std::move(line));
                if (Commit()) Failed();
                continue;
            }
            class_id_[ClassificationKey(c.name)] = created->id;
            line.procore_id = created->id;
            line.outcome = "done";
            line.message = "created the work classification for timecards that need it";
            log_.Add(std::move(line));
            if (!Commit()) return;
            ++log_.counts().created;
            Done();
        }
    }

    // Fills in the party and classification created by this run; false (with a failed line
    // queued) when either could not be created.
    bool Resolve(TimecardDraft& d) {
        if (d.party_id == 0) {
            if (const auto failed = worker_failed_.find(d.person_id);
                failed != worker_failed_.end()) {
                log_.Add(EntryLine(d, 0, "create timecard", "failed",
                                   "its worker's contact could not be created: " +
                                       failed->second));
                return false;
            }
            d.party_id = party_.at(d.person_id);
        }
        if (!d.classification_name.empty() && d.classification_id == 0) {
            const std::string key = ClassificationKey(d.classification_name);
            if (const auto failed = class_failed_.find(key); failed != class_failed_.end()) {
                log_.Add(EntryLine(d, 0, "create timecard", "failed",
                                   "its classification '" + d.classification_name +
                                       "' could not be created: " + failed->second));
                return false;
            }
            d.classification_id = class_id_.at(key);
        }
        return true;
    }

    // ---- timecards

    void CreateTimecards() {
        // Bulk creates take one project's entries: batches per project, in entry order.
        std::map<ProcoreId, std::vector<TimecardDraft>> by_project;
        for (const TimecardDraft& d : plan_.creates) by_project[d.project_procore_id].push_back(d);
        const std::size_t batch = std::clamp<std::size_t>(options_.batch, 1, 25);
        for (auto& [project, drafts] : by_project) {
            for (std::size_t begin = 0; begin < drafts.size(); begin += batch) {
                if (Stopped()) return;
                std::vector<TimecardDraft> part;
                for (std::size_t i = begin; i < drafts.size() && i < begin + batch; ++i) {
                    TimecardDraft d = drafts[i];
                    if (Resolve(d)) {
                        part.push_back(std::move(d));
                    } else if (Commit()) {
                        Failed();
                    }
                }
                if (!part.empty()) SendBatch(project, std::move(part), true);
            }
        }
    }

    // One bulk create. Procore creates all of a batch or none: when it refuses some entries,
    // those fail and the rest are sent once more.
    void SendBatch(ProcoreId project, std::vector<TimecardDraft> part, bool may_resend) {
        std::vector<procore::TimecardFields> fields;
        for (const TimecardDraft& d : part) fields.push_back(FieldsOf(d, false));
        const bool marked = Commit([&](store::Transaction& tx) -> Status {
            for (const TimecardDraft& d : part) {
                CREWSYNC_TRY(tx.PutTimecardLedger(LedgerRowOf(d, "sending", 0)));
            }
            return Ok();
        });
        if (!marked) return;
        auto created = api_.BulkCreateTimecardEntries(project, fields);
        if (!created) return Refused(project, std::move(part), created.error(), may_resend);

        std::map<std::string, ProcoreId> id_of;
        for (const procore::TimecardEntry& e : *created) id_of[e.origin_id] = e.id;
        std::int64_t done = 0;
        const bool stored = Commit([&](store::Transaction& tx) -> Status {
            for (const TimecardDraft& d : part) {
                const auto id = id_of.find(d.origin_id);
                if (id == id_of.end()) {
                    // Left "sending": the next push looks the origin_id up in Procore.
                    log_.Add(EntryLine(d, 0, "create timecard", "failed",
                                       "Procore's answer did not include this entry; the next "
                                       "push checks whether it was created"));
                    continue;
                }
                CREWSYNC_TRY(tx.PutTimecardLedger(LedgerRowOf(d, "sent", id->second)));
                log_.Add(EntryLine(d, id->second, "create timecard", "done",
                                   fmt::format("created timecard {} ({} h)", id->second,
                                               d.hours)));
                ++done;
            }
            return Ok();
        });
        if (!stored) return;
        log_.counts().created += done;
        Done(done);
        Failed(static_cast<std::int64_t>(part.size()) - done);
    }

    void Refused(ProcoreId project, std::vector<TimecardDraft> part, const Error& error,
                 bool may_resend) {
        if (!IsRecordError(error)) {
            // The rows stay "sending": whether Procore created them is settled next push.
            result_.stopped_by = error;
            return;
        }
        std::map<std::size_t, std::vector<std::string>> problems;
        for (const FieldProblem& p : error.problems()) {
            if (const auto index = ProblemIndex(p.field); index && *index < part.size()) {
                problems[*index].push_back(ProblemText(p.field, p.message));
            }
        }
        std::vector<TimecardDraft> retry;
        std::int64_t failed = 0;
        const bool cleared = Commit([&](store::Transaction& tx) -> Status {
            for (std::size_t i = 0; i < part.size(); ++i) {
                CREWSYNC_TRY(tx.DeleteTimecardLedger(part[i].time_entry_id));
                const auto mine = problems.find(i);
                if (mine == problems.end() && !problems.empty() && may_resend) {
                    retry.push_back(part[i]);
                    continue;
                }
                const std::string why = mine != problems.end()
                                            ? JoinList(mine->second, "; ")
                                            : error.message();
                log_.Add(EntryLine(part[i], 0, "create timecard", "failed",
                                   "Procore refused it: " + why));
                ++failed;
            }
            return Ok();
        });
        if (!cleared) return;
        Failed(failed);
        if (!retry.empty()) SendBatch(project, std::move(retry), false);
    }

    void UpdateTimecards() {
        for (const sync::TimecardUpdate& u : plan_.updates) {
            if (Stopped()) return;
            TimecardDraft d = u.draft;
            if (!Resolve(d)) {
                if (Commit()) Failed();
                continue;
            }
            auto updated = api_.UpdateTimecardEntry(u.timecard_id, FieldsOf(d, true));
            if (!updated && !IsRecordError(updated.error())) {
                result_.stopped_by = updated.error();
                return;
            }
            if (!updated && updated.error().code() == ErrorCode::kNotFound) {
                // Deleted in Procore: recorded, so it is neither retried nor created again.
                store::TimecardLedgerRow row = LedgerRowOf(d, "deleted", u.timecard_id);
                const auto old = ledger_.find(d.time_entry_id);
                if (old != ledger_.end()) row.sent = old->second.sent;
                log_.Add(EntryLine(d, u.timecard_id, "update timecard", "failed",
                                   fmt::format("timecard {} no longer exists in Procore (deleted "
                                               "there); crewsync does not create it again",
                                               u.timecard_id)));
                if (Commit([&](store::Transaction& tx) { return tx.PutTimecardLedger(row); })) {
                    Failed();
                }
                continue;
            }
            if (!updated) {
                log_.Add(EntryLine(d, u.timecard_id, "update timecard", "failed",
                                   "Procore refused the change: " + updated.error().message()));
                if (Commit()) Failed();
                continue;
            }
            log_.Add(EntryLine(d, u.timecard_id, "update timecard", "done",
                               fmt::format("updated timecard {} to match the edited entry ({} h)",
                                           u.timecard_id, d.hours)));
            const store::TimecardLedgerRow row = LedgerRowOf(d, "sent", u.timecard_id);
            if (!Commit([&](store::Transaction& tx) { return tx.PutTimecardLedger(row); })) {
                return;
            }
            ++log_.counts().updated;
            Done();
        }
    }

    void Remove() {
        for (const sync::TimecardRemoval& r : plan_.removals) {
            if (Stopped()) return;
            TimecardDraft d;
            d.time_entry_id = r.time_entry_id;
            d.label = "time entry #" + std::to_string(r.time_entry_id) + " · " + r.date;
            if (!r.delete_in_procore) {
                log_.Add(EntryLine(d, r.timecard_id, "report deleted", "skipped",
                                   fmt::format("deleted in crewsync; timecard {} is kept in "
                                               "Procore (push with --delete-removed to delete it)",
                                               r.timecard_id)));
                ++log_.counts().skipped;
                if (!Commit()) return;
                continue;
            }
            Status deleted = api_.DeleteTimecardEntry(r.timecard_id);
            if (!deleted && deleted.error().code() != ErrorCode::kNotFound) {
                if (!IsRecordError(deleted.error())) {
                    result_.stopped_by = deleted.error();
                    return;
                }
                log_.Add(EntryLine(d, r.timecard_id, "delete timecard", "failed",
                                   "Procore refused to delete it: " + deleted.error().message()));
                if (Commit()) Failed();
                continue;
            }
            store::TimecardLedgerRow row = ledger_.at(r.time_entry_id);
            row.status = "deleted";
            log_.Add(EntryLine(d, r.timecard_id, "delete timecard", "done",
                               deleted ? fmt::format("deleted timecard {}: its entry was deleted "
                                                     "in crewsync", r.timecard_id)
                                       : fmt::format("timecard {} was already gone from Procore",
                                                     r.timecard_id)));
            if (!Commit([&](store::Transaction& tx) { return tx.PutTimecardLedger(row); })) {
                return;
            }
            ++log_.counts().deactivated;
            Done();
        }
    }

    const sync::TimePlan& plan_;
    const std::map<std::int64_t, store::TimecardLedgerRow>& ledger_;
    procore::ProcoreApi& api_;
    store::Store& store_;
    RunLog& log_;
    TimeExecutionOptions options_;
    std::int64_t total_ = 0;
    std::int64_t finished_ = 0;
    TimeExecutionResult result_;
    std::map<std::int64_t, ProcoreId> party_;              // contacts created by this run
    std::map<std::int64_t, std::string> worker_failed_;
    std::map<std::string, ProcoreId> class_id_;            // classifications created
    std::map<std::string, std::string> class_failed_;
};

}  // namespace

TimeExecutionResult ExecuteTimePlan(const sync::TimePlan& plan,
                                    const std::map<std::int64_t, store::TimecardLedgerRow>& ledger,
                                    procore::ProcoreApi& api, store::Store& store, RunLog& log,
                                    const TimeExecutionOptions& options) {
    return TimeExecution(plan, ledger, api, store, log, options).Run();
}

}  // namespace crewsync::engine::internal
