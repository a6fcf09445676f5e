#include "engine/time_reconcile.hpp"

namespace crewsync::engine {

Result<sync::Reconciliation> ReconcileTime(store::Store& store, procore::ProcoreApi& api,
                                           Date from, Date to) {
    sync::ReconcileInput input;
    {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, store.Begin(store::TxMode::kRead));
        store::TimeEntryFilter filter;
        filter.from = from;
        filter.to = to;
        CREWSYNC_ASSIGN_OR_RETURN(input.entries, tx->ListTimeEntries(filter));
        CREWSYNC_ASSIGN_OR_RETURN(const auto people, tx->ListPeople({}));
        for (const Person& p : people) input.people.emplace(p.id.value(), p);
        CREWSYNC_ASSIGN_OR_RETURN(const auto projects, tx->ListProjects({}));
        for (const Project& p : projects) input.projects.emplace(p.id.value(), p);
        CREWSYNC_ASSIGN_OR_RETURN(const auto links, tx->ListLinks());
        for (const store::LinkRow& link : links) {
            if (link.entity == store::Entity::kProject) {
                input.procore_project_of[link.local_id] = link.procore_id;
            } else if (link.entity == store::Entity::kPerson) {
                // A Directory user wins over a contact, as the push chooses.
                auto [it, added] = input.party_of.emplace(link.local_id, link.procore_id);
                if (!added && link.procore_kind == "user") it->second = link.procore_id;
            }
        }
        CREWSYNC_ASSIGN_OR_RETURN(const auto ledger, tx->ListTimecardLedger());
        for (const store::TimecardLedgerRow& row : ledger) {
            if (row.status != "sent") continue;
            input.ledger_hours[row.time_entry_id] = row.hours;
            input.sent_hours[row.timecard_id] = row.hours;
        }
    }
    procore::TimecardQuery query;
    query.start_date = from;
    query.end_date = to;
    CREWSYNC_ASSIGN_OR_RETURN(const auto timecards, api.ListTimecardEntries(query));
    for (const procore::TimecardEntry& t : timecards) {
        if (t.deleted || !t.date) continue;
        sync::RemoteTimecard remote;
        remote.id = t.id;
        remote.project_id = t.project_id;
        remote.party_id = t.party_id;
        remote.date = *t.date;
        remote.hours = ParseHours(t.hours).value_or(Hours{});
        remote.origin_id = t.origin_id;
        input.timecards.push_back(std::move(remote));
    }
    return sync::Reconcile(input);
}

}  // namespace crewsync::engine
