// Internal to the sync core: the two halves of the link report.
#pragma once

#include "sync/index.hpp"
#include "sync/link_report.hpp"

namespace crewsync::sync::internal {

// Appends an entry per crewsync person, then one per Directory record no person took.
void LinkPeople(const Index& index, const RemoteSnapshot& remote, const Settings& settings,
                LinkReport& report);
// Appends an entry per crewsync project, then one per Procore project no project took.
void LinkProjects(const Index& index, const RemoteSnapshot& remote, const Settings& settings,
                  LinkReport& report);

}  // namespace crewsync::sync::internal
