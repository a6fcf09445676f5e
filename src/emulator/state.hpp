// Everything the emulated Procore knows: companies with their records, OAuth clients and
// tokens. One mutex guards it all: the emulator serves tests and demos, not production load,
// and one lock keeps every response consistent.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "emulator/collection.hpp"
#include "emulator/permissions.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

struct Company {
    RecordId id = 0;
    std::string name;
    bool active = true;
    Collection users{"email_address"};
    Collection contacts;  // People without a login; users are people too (see the People API)
    Collection projects;
    Collection work_classifications{"name"};  // names are unique per company
    Collection permission_templates;
    Collection timecard_time_types;
    // Soft-deleted entries stay here with `deleted_at` set (Procore's deleted_at filters).
    Collection timecard_entries;
    Collection timesheets;
};

// An application registered with the emulated Procore: its credentials, the companies that
// installed it, and its service account (the Directory user its client-credentials tokens act
// as) with what that account may do.
struct OAuthClient {
    std::string client_id;
    std::string client_secret;
    std::vector<RecordId> companies;
    RecordId service_account_id = 0;
    std::string service_account_login;
    // Every token of the application acts as the service account, so these bound them all.
    ToolPermissions permissions;
};

class State {
public:
    std::mutex mutex;

    // A new id: 64-bit and above 2^32, like Procore's newer regions, so a client that keeps
    // ids in 32 bits fails here first.
    RecordId NextId() { return next_id_++; }

    Company& AddCompany(std::string name);
    Company* FindCompany(RecordId id);
    std::map<RecordId, Company>& Companies() { return companies_; }

    std::map<std::string, OAuthClient>& Clients() { return clients_; }

    // Everything back to empty (ids keep counting up, so old ids stay unknown).
    void Clear();

    // The whole state as JSON text and back, for `--state FILE` and the admin save/load
    // endpoints. The text is joined from the records' rendered texts, not built as a document:
    // a company of 100,000 users saves in a fraction of a second.
    std::string ToText() const;
    // Replaces the state; on a malformed document leaves it as it was and says why.
    bool FromJson(Json document, std::string& error);
    // Takes `other`'s companies, applications and id counter (not its mutex).
    void Replace(State&& other);

private:
    RecordId next_id_ = 5'000'000'001;
    std::map<RecordId, Company> companies_;
    std::map<std::string, OAuthClient> clients_;
};

}  // namespace crewsync::emulator
