// What a connection can and cannot do in its Procore company, in plain words with the fix for
// each gap (product.md §8): for `crewsync connect` and `crewsync doctor`.
//
// Write access is probed without writing anything: an empty users or projects sync answers 200
// when allowed and 403 when not, and a timecard entry with no fields is refused for being
// empty (422) when allowed and for lack of permission (403) when not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "procore/procore_api.hpp"
#include "procore/transport.hpp"

namespace crewsync::procore {

enum class CheckOutcome { kOk, kMissing, kFailed, kSkipped };

// "ok" | "missing" | "failed" | "skipped".
const char* CheckOutcomeName(CheckOutcome outcome);

struct AccessCheck {
    std::string id;       // "token", "company", "directory_read", …
    std::string title;    // "Read the Company Directory"
    CheckOutcome outcome = CheckOutcome::kSkipped;
    bool required = true;  // a failure makes the whole check fail
    std::string detail;   // what was found, in plain words
    std::string fix;      // what to do about it ("" when ok)
};

struct AccessReport {
    std::int64_t company_id = 0;
    std::string company_name;
    Me service_account;
    std::int64_t visible_projects = -1;  // -1 when unknown
    std::int64_t company_projects = -1;
    std::vector<AccessCheck> checks;

    // Whether every required check passed.
    bool Ready() const;
};

struct AccessCheckOptions {
    bool projects_write_required = false;  // crewsync is the system of record for projects
    bool timecards_required = false;
    bool webhooks_required = false;
};

// Runs every check in order; a failed token or company check skips the rest. Never fails as a
// whole: each problem is one check's outcome.
AccessReport CheckAccess(ApiTransport& transport, ProcoreApi& api, AccessCheckOptions options);

}  // namespace crewsync::procore
