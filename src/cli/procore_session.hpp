// The workspace's way to Procore for the commands that need it: the secret key, the sealed
// credentials and tokens, the [procore] settings, and a connection built from them.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "credentials/vault.hpp"
#include "procore/connection.hpp"
#include "procore/sleeper.hpp"
#include "workspace/secret_box.hpp"

namespace crewsync::cli {

// Where a connection goes and as whom.
struct ProcoreTarget {
    std::string base_url;
    std::string login_url;
    std::int64_t company_id = 0;
    credentials::StoredCredentials credentials;
    std::string ca_file;  // CREWSYNC_CA_FILE: a PEM bundle to trust instead of the system's
};

// CREWSYNC_CA_FILE, or "".
std::string CaFileFrom(const workspace::Environment& env);

// The workspace's key and vault. Needs an open workspace.
class SecretAccess {
public:
    static Result<std::unique_ptr<SecretAccess>> Open(CliContext& context);
    credentials::Vault& vault() { return vault_; }
    store::Store& store() { return store_; }

private:
    SecretAccess(workspace::SecretBox box, store::Store& store)
        : box_(std::move(box)), store_(store), vault_(store_, box_) {}

    workspace::SecretBox box_;
    store::Store& store_;
    credentials::Vault vault_;
};

// A live connection with everything it borrows.
class ProcoreSession {
public:
    // For `target`, keeping tokens with `keeper` (the vault's for a connected workspace, a
    // memory keeper while `connect` tries new credentials).
    ProcoreSession(const ProcoreTarget& target, procore::TokenKeeper& keeper);

    procore::Connection& connection() { return *connection_; }
    procore::ProcoreClient& api() { return connection_->api(); }

private:
    SystemClock clock_;
    procore::RealSleeper sleeper_;
    std::unique_ptr<procore::Connection> connection_;
};

// The connected workspace's target: kNotFound ("run crewsync connect") when nothing is stored.
Result<ProcoreTarget> StoredTarget(CliContext& context, SecretAccess& secrets);

}  // namespace crewsync::cli
