// Internal to the sync core: planning people and projects, entry by entry of the link report.
#pragma once

#include "sync/index.hpp"
#include "sync/plan.hpp"

namespace crewsync::sync::internal {

void PlanPeople(const Index& index, const Settings& settings, const LinkReport& report,
                Plan& plan);
void PlanProjects(const Index& index, const Settings& settings, const LinkReport& report,
                  const std::vector<std::string>& group_names, Plan& plan);

// "newest wins (crewsync changed later)" and the like, for a settled conflict.
ConflictResolution Resolve(ConflictRule rule, Timestamp local_modified, Timestamp remote_updated,
                           std::string local, std::string remote);

}  // namespace crewsync::sync::internal
