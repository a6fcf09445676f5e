// Internal to the Procore client: a sync action (procore-api.md §6.4) over any number of items,
// sent in batches, with Procore's per-item refusals traced back to the caller's positions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "procore/client_support.hpp"
#include "procore/resource_json.hpp"

namespace crewsync::procore::internal {

struct SyncCall {
    std::string path;             // "/rest/v1.3/companies/7/users/sync"
    Json envelope = Json::object();  // the body beside "updates" ({"company_id": N})
    std::size_t batch = 1000;     // items per call, at most Procore's 1000
};

// PATCHes `items` (each one update object) in batches. A batch is replayed after an unknown
// outcome only when every item names its record (an id or an origin_id): items without either
// create a record each time they are sent. Entities are decoded with `decode` (the list
// decoders); errors carry the index of their item in `items`, its id and origin_id, and one
// FieldProblem per message of its "errors" object.
template <class Record>
Result<SyncResult<Record>> RunSync(ApiTransport& transport, const SyncCall& call,
                                   const std::vector<Json>& items,
                                   const PageDecoder<Record>& decode);

}  // namespace crewsync::procore::internal
