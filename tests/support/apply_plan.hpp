// A test double for the executor: applies a sync plan to in-memory snapshots and sync state the
// way a successful run against Procore would, so tests can check that planning again finds
// nothing left to do (idempotence) without a server.
#pragma once

#include <cstdint>

#include "sync/local.hpp"
#include "sync/plan.hpp"
#include "sync/remote.hpp"
#include "sync/state.hpp"

namespace crewsync::testing {

struct World {
    sync::LocalSnapshot local;
    sync::RemoteSnapshot remote;
    sync::SyncState state;
    sync::ProcoreId next_remote_id = 900'000'000;
    std::int64_t next_local_id = 100'000;
    Timestamp now{std::chrono::milliseconds(1'800'000'000'000)};
};

// Performs every operation of `plan` on `world` and stores the plan's baselines, filling in the
// ids of records the plan created or imported.
void ApplyPlan(World& world, const sync::Plan& plan);

}  // namespace crewsync::testing
