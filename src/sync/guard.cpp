// The mass-change guard (product.md §7): a wrong CSV import must not deactivate half a company.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "sync/index.hpp"
#include "sync/plan.hpp"

namespace crewsync::sync {

GuardDecision CheckMassChange(const Plan& plan, const Settings& settings) {
    std::unordered_set<std::uint64_t> touched;
    for (const Operation& op : plan.operations) {
        const bool writes_existing = op.kind == OperationKind::kUpdateRemote ||
                                     op.kind == OperationKind::kDeactivateRemote ||
                                     op.kind == OperationKind::kReactivateRemote;
        if (writes_existing) touched.insert(internal::Index::RemoteKey(op.remote_kind, op.remote_id));
    }
    GuardDecision d;
    d.affected = static_cast<std::int64_t>(touched.size());
    d.linked = plan.linked_records;
    // Blocked when the run touches more than the share AND at least the minimum; the limit is
    // the most it may touch without approval.
    const auto by_share =
        static_cast<std::int64_t>(std::floor(settings.mass_change_share * static_cast<double>(d.linked)));
    d.limit = std::max(by_share, settings.mass_change_min_records - 1);
    d.blocked = d.affected > d.limit;
    if (d.blocked) {
        const double percent = d.linked ? 100.0 * static_cast<double>(d.affected) /
                                              static_cast<double>(d.linked)
                                        : 100.0;
        char text[512];
        std::snprintf(text, sizeof text,
                      "This run would change or deactivate %lld of %lld linked Procore records "
                      "(%.0f%%), more than the %lld allowed without approval (%.0f%% of linked "
                      "records, at least %lld). Nothing was written. Check the plan with "
                      "--dry-run, then run again with --approve-mass-change if it is intended.",
                      static_cast<long long>(d.affected), static_cast<long long>(d.linked),
                      percent, static_cast<long long>(d.limit), 100.0 * settings.mass_change_share,
                      static_cast<long long>(settings.mass_change_min_records));
        d.message = text;
    }
    return d;
}

}  // namespace crewsync::sync
