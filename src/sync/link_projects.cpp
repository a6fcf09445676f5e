// Linking projects (product.md §5): by link, by crewsync's origin id, then by project number.
#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "model/text.hpp"
#include "sync/index.hpp"
#include "sync/link_steps.hpp"
#include "sync/normalize.hpp"

namespace crewsync::sync::internal {
namespace {

std::int64_t OriginProjectId(std::string_view origin_id, std::string_view prefix) {
    constexpr std::string_view kTag = "project:";
    if (!origin_id.starts_with(prefix)) return 0;
    origin_id.remove_prefix(prefix.size());
    if (!origin_id.starts_with(kTag)) return 0;
    origin_id.remove_prefix(kTag.size());
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(origin_id.data(), origin_id.data() + origin_id.size(), id);
    return ec == std::errc() && end == origin_id.data() + origin_id.size() ? id : 0;
}

class ProjectLinker {
public:
    ProjectLinker(const Index& index, const RemoteSnapshot& remote, const Settings& settings)
        : index_(index), remote_(remote), settings_(settings),
          crewsync_owns_(settings.projects_system_of_record == SystemOfRecord::kCrewsync) {}

    void Run(LinkReport& report) {
        for (const RemoteProject& p : remote_.projects) {
            if (std::string key = NormalizeProjectNumber(p.project_number); !key.empty()) {
                by_number_[std::move(key)].push_back(&p);
            }
            if (std::int64_t id = OriginProjectId(p.origin_id, settings_.origin_prefix)) {
                by_origin_[id].push_back(&p);
            }
        }
        for (const LocalProject* local : index_.ProjectsById()) {
            if (std::string key = NormalizeProjectNumber(local->project.project_number);
                !key.empty()) {
                local_by_number_[std::move(key)].push_back(local->project.id.value());
            }
        }
        for (const LocalProject* local : index_.ProjectsById()) {
            report.entries.push_back(LinkProject(local->project));
        }
        for (const RemoteProject& p : remote_.projects) {
            if (!claimed_.count(p.id)) report.entries.push_back(RemoteOnly(p));
        }
    }

private:
    LinkEntry LinkProject(const Project& project);
    LinkEntry RemoteOnly(const RemoteProject& project) const;

    const Index& index_;
    const RemoteSnapshot& remote_;
    const Settings& settings_;
    const bool crewsync_owns_;
    std::unordered_map<std::string, std::vector<const RemoteProject*>> by_number_;
    std::unordered_map<std::int64_t, std::vector<const RemoteProject*>> by_origin_;
    std::unordered_map<std::string, std::vector<std::int64_t>> local_by_number_;
    std::unordered_set<ProcoreId> claimed_;
};

LinkEntry ProjectLinker::LinkProject(const Project& project) {
    const std::int64_t id = project.id.value();
    LinkEntry entry;
    entry.local_kind = LocalKind::kProject;
    entry.local_id = id;
    entry.remote_kind = RemoteKind::kProject;
    entry.label = ProjectLabel(project.project_number, project.name);

    if (const Link* link = index_.ProjectLinks(id).project) {
        claimed_.insert(link->remote_id);
        entry.status = LinkStatus::kLinked;
        entry.remote_id = link->remote_id;
        if (!index_.Project(link->remote_id)) {
            entry.reason = "the linked Procore project " + std::to_string(link->remote_id) +
                           " is not visible any more: unlink it, or add the service account to it";
        }
        return entry;
    }
    const std::string number = NormalizeProjectNumber(project.project_number);
    if (!number.empty()) {
        const auto& same = local_by_number_[number];
        if (same.size() >= 2) {
            entry.status = LinkStatus::kDuplicate;
            for (std::int64_t other : same) {
                if (other != id) entry.duplicate_local_ids.push_back(other);
            }
            entry.reason = "another crewsync project has this project number";
            // The Procore project with the number waits with them: importing it would make a
            // third copy.
            std::string held;
            if (const auto it = by_number_.find(number); it != by_number_.end()) {
                for (const RemoteProject* p : it->second) {
                    if (index_.LinkedLocal(RemoteKind::kProject, p->id)) continue;
                    claimed_.insert(p->id);
                    held += (held.empty() ? "" : ", ") + std::to_string(p->id);
                }
            }
            if (!held.empty()) entry.reason += " (Procore project " + held + " waits too)";
            entry.reason += ": nothing is written until resolved";
            return entry;
        }
    }
    if (const auto it = by_origin_.find(id); it != by_origin_.end()) {
        for (const RemoteProject* p : it->second) {
            if (index_.LinkedLocal(RemoteKind::kProject, p->id) || claimed_.count(p->id)) continue;
            claimed_.insert(p->id);
            entry.status = LinkStatus::kWouldLink;
            entry.remote_id = p->id;
            entry.reason = "the Procore project carries this project's crewsync ID from an "
                           "earlier run";
            return entry;
        }
    }
    std::vector<const RemoteProject*> candidates;
    std::vector<std::int64_t> taken_by;
    if (const auto it = by_number_.find(number); !number.empty() && it != by_number_.end()) {
        for (const RemoteProject* p : it->second) {
            if (std::int64_t owner = index_.LinkedLocal(RemoteKind::kProject, p->id)) {
                taken_by.push_back(owner);
            } else {
                candidates.push_back(p);
            }
        }
    }
    if (candidates.size() >= 2) {
        entry.status = LinkStatus::kDuplicate;
        for (const RemoteProject* p : candidates) {
            entry.duplicate_remote_ids.push_back(p->id);
            claimed_.insert(p->id);
        }
        entry.reason = std::to_string(candidates.size()) +
                       " Procore projects have this project number: link one by hand";
        return entry;
    }
    if (candidates.size() == 1) {
        const RemoteProject& p = *candidates.front();
        claimed_.insert(p.id);
        entry.remote_id = p.id;
        if (NormalizeName(p.name) != NormalizeName(project.name)) {
            entry.status = LinkStatus::kConflict;
            entry.differences.push_back({"name", std::string(Trim(project.name)),
                                         std::string(Trim(p.name))});
            entry.reason = "project number matches Procore project " + std::to_string(p.id) +
                           " but the name differs: linked only when accepted";
        } else {
            entry.status = LinkStatus::kWouldLink;
            entry.reason = "project number and name match";
        }
        return entry;
    }
    if (!taken_by.empty()) {
        entry.status = LinkStatus::kDuplicate;
        entry.duplicate_local_ids = taken_by;
        entry.reason = "its project number belongs to a Procore project already linked to "
                       "project " + std::to_string(taken_by.front());
        return entry;
    }
    if (!crewsync_owns_) {
        entry.status = LinkStatus::kOutOfScope;
        entry.reason = "Procore is the system of record for projects: not sent to Procore";
        return entry;
    }
    if (project.status != RecordStatus::kActive) {
        entry.status = LinkStatus::kInactiveLeftOut;
        entry.reason = "inactive and not in Procore: left out";
        return entry;
    }
    entry.status = LinkStatus::kWouldCreate;
    entry.reason = "no Procore project has this project number: it will be created in Procore";
    return entry;
}

LinkEntry ProjectLinker::RemoteOnly(const RemoteProject& project) const {
    LinkEntry entry;
    entry.local_kind = LocalKind::kProject;
    entry.remote_kind = RemoteKind::kProject;
    entry.remote_id = project.id;
    entry.label = ProjectLabel(project.project_number, project.name);
    if (const std::int64_t owner = index_.LinkedLocal(RemoteKind::kProject, project.id)) {
        entry.status = LinkStatus::kDirectoryOnly;
        entry.reason = "linked to project " + std::to_string(owner) + ", which is not in crewsync";
    } else if (crewsync_owns_) {
        entry.status = LinkStatus::kOutOfScope;
        entry.reason = "crewsync is the system of record for projects: not imported";
    } else if (!project.active) {
        entry.status = LinkStatus::kInactiveLeftOut;
        entry.reason = "inactive in Procore: not imported";
    } else {
        entry.status = LinkStatus::kWouldCreate;
        entry.reason = "not in crewsync: it will be imported (Procore is the system of record)";
    }
    return entry;
}

}  // namespace

void LinkProjects(const Index& index, const RemoteSnapshot& remote, const Settings& settings,
                  LinkReport& report) {
    ProjectLinker(index, remote, settings).Run(report);
}

}  // namespace crewsync::sync::internal
