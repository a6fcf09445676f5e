// PATCH /rest/v1.0/projects/sync (procore-api.md §8, §6.4): create or update up to 1000
// projects in one call, matched by id and origin_id; always 200 {entities, errors}.
#pragma once

#include <httplib.h>

#include "emulator/services.hpp"

namespace crewsync::emulator {

inline constexpr std::size_t kMaxProjectSyncItems = 1000;

void SyncProjects(Services& s, const httplib::Request& request, httplib::Response& response);

}  // namespace crewsync::emulator
