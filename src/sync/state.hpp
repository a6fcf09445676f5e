// The sync state crewsync keeps between runs: links, dismissed suggestions and the values both
// sides had when a record was last synced.
#pragma once

#include <cstdint>
#include <vector>

#include "model/enums.hpp"
#include "sync/fields.hpp"
#include "sync/remote.hpp"

namespace crewsync::sync {

// Which of the operator's records a link or baseline belongs to.
enum class LocalKind { kPerson, kProject };

// How a link came to be.
enum class LinkOrigin {
    kMatched,   // a clean match, linked by a run
    kAccepted,  // a conflict or suggestion the operator accepted
    kManual,    // linked by hand
    kCreated,   // crewsync created the Procore record
    kRecovered, // found by the origin id crewsync wrote into Procore
};
const char* Name(LinkOrigin origin);

// One crewsync record paired with one Procore record. A person may hold a User link and a
// Contact link at once (after a type change); the person's type says which one is synced.
struct Link {
    LocalKind local_kind = LocalKind::kPerson;
    std::int64_t local_id = 0;
    RemoteKind remote_kind = RemoteKind::kUser;
    ProcoreId remote_id = 0;
    LinkOrigin origin = LinkOrigin::kMatched;

    bool operator==(const Link&) const = default;
};

// "Not the same person": the operator turned a suggestion down, so it is not made again and the
// person may be created.
struct Dismissal {
    std::int64_t person_id = 0;
    RemoteKind remote_kind = RemoteKind::kUser;
    ProcoreId remote_id = 0;

    bool operator==(const Dismissal&) const = default;
};

// The mapped values both sides agreed on at the end of the last sync of a record. Comparing
// each side with it tells who changed what since (one-way resets, two-way conflicts).
struct PersonBaseline {
    std::int64_t person_id = 0;
    PersonType type = PersonType::kAssignable;  // tells a type change from a plain sync
    RemoteKind remote_kind = RemoteKind::kUser;  // the Directory record the values were synced to
    ProcoreId remote_id = 0;  // 0 in a plan: the record the plan creates (the executor knows it)
    PersonValues values;

    bool operator==(const PersonBaseline&) const = default;
};

struct ProjectBaseline {
    std::int64_t project_id = 0;  // 0 in a plan: the project the plan imports
    ProcoreId remote_id = 0;      // 0 in a plan: the project the plan creates
    ProjectValues values;

    bool operator==(const ProjectBaseline&) const = default;
};

struct SyncState {
    std::vector<Link> links;
    std::vector<Dismissal> dismissals;
    std::vector<PersonBaseline> people;
    std::vector<ProjectBaseline> projects;
};

}  // namespace crewsync::sync
