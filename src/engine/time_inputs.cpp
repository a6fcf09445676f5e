#include "engine/time_inputs.hpp"

#include <algorithm>
#include <set>

#include "engine/sync_state_store.hpp"
#include "sync/link_report.hpp"

namespace crewsync::engine::internal {
namespace {

sync::TimecardSent ToSent(const store::TimecardLedgerRow& row) {
    sync::TimecardSent sent;
    sent.time_entry_id = row.time_entry_id;
    sent.timecard_id = row.timecard_id;
    sent.deleted = row.status == "deleted";
    sent.date = ParseDate(row.work_date).value_or(Date{});
    sent.sent = row.sent;
    return sent;
}

// A person's Procore party: the Directory user when linked to one, else the contact.
void AddParty(const store::LinkRow& link, std::map<std::int64_t, sync::ProcoreId>& party_of) {
    auto [it, added] = party_of.emplace(link.local_id, link.procore_id);
    if (!added && link.procore_kind == "user") it->second = link.procore_id;
}

}  // namespace

Result<TimeInputs> LoadTimeInputs(store::Transaction& tx, const TimePushRequest& request,
                                  const sync::Settings& settings) {
    TimeInputs out;
    sync::TimePushInput& in = out.input;
    store::TimeEntryFilter filter;
    filter.from = request.from;
    filter.to = request.to;
    if (request.approved_only) filter.approval = ApprovalStatus::kApproved;
    CREWSYNC_ASSIGN_OR_RETURN(in.entries, tx.ListTimeEntries(filter));
    CREWSYNC_ASSIGN_OR_RETURN(const auto every_entry, tx.ListTimeEntries({}));
    for (const TimeEntry& e : every_entry) in.stored_entry_ids.insert(e.id.value());

    CREWSYNC_ASSIGN_OR_RETURN(const auto people, tx.ListPeople({}));
    for (const Person& p : people) in.people.emplace(p.id.value(), p);
    CREWSYNC_ASSIGN_OR_RETURN(const auto projects, tx.ListProjects({}));
    for (const Project& p : projects) in.projects.emplace(p.id.value(), p);
    CREWSYNC_ASSIGN_OR_RETURN(const auto classifications, tx.ListClassifications());
    for (const Classification& c : classifications) in.classifications.emplace(c.id.value(), c);

    CREWSYNC_ASSIGN_OR_RETURN(const auto links, tx.ListLinks());
    for (const store::LinkRow& link : links) {
        if (link.entity == store::Entity::kPerson) AddParty(link, in.party_of);
        if (link.entity == store::Entity::kProject) {
            in.procore_project_of[link.local_id] = link.procore_id;
        }
    }
    CREWSYNC_ASSIGN_OR_RETURN(out.ledger, tx.ListTimecardLedger());
    for (const store::TimecardLedgerRow& row : out.ledger) {
        if (row.status != "sending") in.ledger.push_back(ToSent(row));
    }
    in.from = request.from;
    in.to = request.to;
    in.delete_removed = request.delete_removed;
    in.origin_prefix = settings.origin_prefix;
    in.default_time_zone = request.default_time_zone;
    return out;
}

Result<SettledLedger> SettleSending(procore::ProcoreApi& api,
                                    const std::vector<store::TimecardLedgerRow>& ledger) {
    std::map<std::string, store::TimecardLedgerRow> wanted;
    procore::TimecardQuery query;
    std::set<sync::ProcoreId> parties;
    for (const store::TimecardLedgerRow& row : ledger) {
        if (row.status != "sending") continue;
        wanted.emplace(row.origin_id, row);
        const std::optional<Date> date = ParseDate(row.work_date);
        if (date && (!query.start_date || *date < *query.start_date)) query.start_date = date;
        if (date && (!query.end_date || *date > *query.end_date)) query.end_date = date;
        parties.insert(row.party_id);
    }
    SettledLedger settled;
    if (wanted.empty()) return settled;
    // A row's party is 0 only if its contact was being created too; then any party will do.
    if (parties.count(0) == 0) query.party_ids.assign(parties.begin(), parties.end());
    CREWSYNC_ASSIGN_OR_RETURN(const auto entries, api.ListTimecardEntries(query));
    for (const procore::TimecardEntry& entry : entries) {
        const auto it = wanted.find(entry.origin_id);
        if (it == wanted.end() || entry.deleted) continue;
        store::TimecardLedgerRow row = it->second;
        row.status = "sent";
        row.timecard_id = entry.id;
        settled.found.push_back(std::move(row));
        wanted.erase(it);
    }
    for (const auto& [origin, row] : wanted) settled.absent.push_back(row.time_entry_id);
    return settled;
}

void ApplySettled(const SettledLedger& settled, TimeInputs& inputs) {
    for (const store::TimecardLedgerRow& row : settled.found) {
        inputs.input.ledger.push_back(ToSent(row));
    }
}

Result<WorkerLinks> FindWorkers(procore::ProcoreApi& api, store::Store& store,
                                const sync::Settings& settings, const ReadProgress& progress,
                                sync::TimePushInput& input) {
    std::set<std::int64_t> unlinked;
    for (const TimeEntry& e : input.entries) {
        if (input.party_of.count(e.person.value()) == 0) unlinked.insert(e.person.value());
    }
    WorkerLinks out;
    if (unlinked.empty()) return out;

    sync::LocalSnapshot local;
    sync::SyncState state;
    {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(local, LoadLocalSnapshot(*tx));
        CREWSYNC_ASSIGN_OR_RETURN(state, LoadSyncState(*tx));
    }
    CREWSYNC_ASSIGN_OR_RETURN(const sync::RemoteSnapshot remote,
                              ReadRemote(api, SyncScope::kPeople, progress));
    // Every worker may get a Procore record here, whatever the people sync's scope says.
    sync::Settings all = settings;
    all.scope = PeopleScope::kAll;
    const sync::LinkReport report = sync::BuildLinkReport(local, remote, state, all);
    for (const sync::LinkEntry& e : report.entries) {
        if (e.local_kind != sync::LocalKind::kPerson || unlinked.count(e.local_id) == 0) continue;
        switch (e.status) {
            case sync::LinkStatus::kWouldLink:
                out.links.push_back({store::Entity::kPerson, e.local_id, sync::Name(e.remote_kind),
                                     e.remote_id, "matched", ""});
                input.party_of[e.local_id] = e.remote_id;
                break;
            case sync::LinkStatus::kConflict:
            case sync::LinkStatus::kDuplicate:
            case sync::LinkStatus::kSuggestion:
                input.worker_held[e.local_id] = std::string(sync::Name(e.status)) + " in the " +
                                                "link report (" + e.reason +
                                                "); settle it with `crewsync link` first";
                break;
            default: break;  // no Procore record: the push creates a contact
        }
    }
    return out;
}

}  // namespace crewsync::engine::internal
