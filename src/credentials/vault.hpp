// A workspace's Procore credentials and tokens, sealed with the workspace key (SecretBox) and
// kept in the workspace's database. The database only ever holds ciphertexts; each is bound to
// its row name, so a value copied into another row does not open.
#pragma once

#include <optional>
#include <string>

#include "model/error.hpp"
#include "procore/oauth.hpp"
#include "procore/token_keeper.hpp"
#include "store/store.hpp"
#include "workspace/secret_box.hpp"

namespace crewsync::credentials {

// What `crewsync connect` stores: how to get tokens for the workspace's company.
struct StoredCredentials {
    procore::GrantType grant = procore::GrantType::kClientCredentials;
    procore::AppCredentials app;
};

class Vault {
public:
    // Borrows both; they must outlive the vault.
    Vault(store::Store& store, const workspace::SecretBox& box) : store_(store), box_(box) {}

    // Replaces the stored credentials and forgets any stored tokens (they belong to the old
    // ones), in one transaction.
    Status SaveCredentials(const StoredCredentials& credentials);
    // nullopt when `crewsync connect` has not been run. kCorrupt when a value does not open
    // (another key, or tampering).
    Result<std::optional<StoredCredentials>> LoadCredentials();
    // Forgets credentials and tokens.
    Status Forget();

    Status SaveTokens(const procore::TokenSet& tokens);
    Result<std::optional<procore::TokenSet>> LoadTokens();

    // Within an open transaction (the keeper's renewal runs inside one).
    Result<std::optional<procore::TokenSet>> LoadTokens(store::Transaction& tx);
    Status SaveTokens(store::Transaction& tx, const procore::TokenSet& tokens);

private:
    Status Put(store::Transaction& tx, const std::string& name, std::string_view value);
    Result<std::optional<SecretString>> Get(store::Transaction& tx, const std::string& name);

    store::Store& store_;
    const workspace::SecretBox& box_;
};

// The TokenKeeper of a workspace: tokens in the vault, and renewals under the database's write
// lock, which every crewsync process of the workspace takes for writing, so two processes never
// spend one refresh token.
class StoreTokenKeeper final : public procore::TokenKeeper {
public:
    explicit StoreTokenKeeper(Vault& vault, store::Store& store) : vault_(vault), store_(store) {}

    Result<std::optional<procore::TokenSet>> Load() override;
    Result<procore::TokenSet> Renew(const Renewal& renew) override;

private:
    Vault& vault_;
    store::Store& store_;
};

}  // namespace crewsync::credentials
