// Internal to the sync core: planning people and projects, entry by entry of the link report.
#pragma once

#include "sync/index.hpp"
#include "sync/plan.hpp"

namespace crewsync::sync::internal {

void PlanPeople(const Index& index, const Settings& settings, const LinkReport& report,
                Plan& plan);
void PlanProjects(const Index& index, const Settings& settings, const LinkReport& report,
                  const std::vector<std::string>& group_names, Plan& plan);

// A status change going to Procore, and why.
struct StatusChange {
    FieldChange change;
    std::string reason;
};

// Appends a linked record's writes in the order a run can execute them: a reactivation first (an
// inactive record may refuse updates), then `update` if it changes anything (counted in
// `updates`), a deactivation last. The status operation is `like` with its kind and reason set.
void AppendInRunOrder(Plan& plan, const Operation& like, std::optional<StatusChange> status,
                      Operation update, std::int64_t& updates);

// "newest wins (crewsync changed later)" and the like, for a settled conflict.
ConflictResolution Resolve(ConflictRule rule, Timestamp local_modified, Timestamp remote_updated,
                           std::string local, std::string remote);

}  // namespace crewsync::sync::internal
