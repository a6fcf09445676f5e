#include "sync/link_report.hpp"

#include "sync/index.hpp"
#include "sync/link_steps.hpp"

namespace crewsync::sync {
namespace {

void Count(LinkCounts& c, LinkStatus status) {
    switch (status) {
        case LinkStatus::kLinked: ++c.linked; break;
        case LinkStatus::kWouldLink: ++c.would_link; break;
        case LinkStatus::kWouldCreate: ++c.would_create; break;
        case LinkStatus::kConflict: ++c.conflicts; break;
        case LinkStatus::kDuplicate: ++c.duplicates; break;
        case LinkStatus::kSuggestion: ++c.suggestions; break;
        case LinkStatus::kDirectoryOnly: ++c.directory_only; break;
        case LinkStatus::kOutOfScope: ++c.out_of_scope; break;
        case LinkStatus::kInactiveLeftOut: ++c.inactive_left_out; break;
    }
}

}  // namespace

LinkReport BuildLinkReport(const LocalSnapshot& local, const RemoteSnapshot& remote,
                           const SyncState& state, const Settings& settings) {
    const internal::Index index(local, remote, state);
    LinkReport report;
    internal::LinkPeople(index, remote, settings, report);
    internal::LinkProjects(index, remote, settings, report);
    for (const LinkEntry& e : report.entries) Count(report.counts, e.status);
    return report;
}

}  // namespace crewsync::sync
