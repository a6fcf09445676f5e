// Fault injection on the wire: what the server's pre- and post-routing handlers do with a
// FaultPlan, and the admin endpoints under /__emulator/faults.
#pragma once

#include <httplib.h>

#include "emulator/faults.hpp"
#include "emulator/services.hpp"

namespace crewsync::emulator {

// Injected responses carry this header ("error 503", "drop"), so a test or a person reading
// a log can tell an injected fault from a real one.
inline constexpr const char* kFaultHeader = "X-Emulator-Fault";

// For the pre-routing handler: waits the plan's latency, then answers an injected error or
// drops the connection (true: the request is handled), or marks the response for a slow body
// (false: route it as usual).
bool ApplyFault(const FaultPlan& plan, Services& s, httplib::Response& response);

// For the post-routing handler: a response marked by ApplyFault sends its body in pieces
// spread over the plan's slow_body_ms.
void SlowDownBodyIfMarked(httplib::Response& response);

// GET, PUT and DELETE /__emulator/faults.
void AddFaultRoutes(httplib::Server& server, FaultInjector& faults);

}  // namespace crewsync::emulator
