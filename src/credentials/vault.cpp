#include "credentials/vault.hpp"

#include <charconv>
#include <vector>

namespace crewsync::credentials {
namespace {

constexpr const char* kGrant = "procore.grant";
constexpr const char* kClientId = "procore.client_id";
constexpr const char* kClientSecret = "procore.client_secret";
constexpr const char* kAccessToken = "procore.access_token";
constexpr const char* kRefreshToken = "procore.refresh_token";
constexpr const char* kExpiresAt = "procore.token_expires_at";

Result<std::int64_t> ParseMillis(const SecretString& text) {
    std::int64_t value = 0;
    const std::string& s = text.Reveal();
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) {
        return Fail(ErrorCode::kCorrupt, "the stored token expiry is not a number");
    }
    return value;
}

}  // namespace

Status Vault::Put(store::Transaction& tx, const std::string& name, std::string_view value) {
    return tx.PutSecret(name, box_.Seal(value, name));
}

Result<std::optional<SecretString>> Vault::Get(store::Transaction& tx, const std::string& name) {
    CREWSYNC_ASSIGN_OR_RETURN(const std::optional<std::string> sealed, tx.GetSecret(name));
    if (!sealed) return std::optional<SecretString>();
    CREWSYNC_ASSIGN_OR_RETURN(SecretString value, box_.Open(*sealed, name));
    return std::optional<SecretString>(std::move(value));
}

Status Vault::SaveCredentials(const StoredCredentials& credentials) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kWrite));
    CREWSYNC_TRY(Put(*tx, kGrant, procore::GrantName(credentials.grant)));
    CREWSYNC_TRY(Put(*tx, kClientId, credentials.app.client_id));
    CREWSYNC_TRY(Put(*tx, kClientSecret, credentials.app.client_secret.Reveal()));
    for (const char* name : {kAccessToken, kRefreshToken, kExpiresAt}) {
        CREWSYNC_TRY(tx->DeleteSecret(name));
    }
    return tx->Commit();
}

Result<std::optional<StoredCredentials>> Vault::LoadCredentials() {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(const auto grant, Get(*tx, kGrant));
    CREWSYNC_ASSIGN_OR_RETURN(auto client_id, Get(*tx, kClientId));
    CREWSYNC_ASSIGN_OR_RETURN(auto client_secret, Get(*tx, kClientSecret));
    if (!grant || !client_id || !client_secret) return std::optional<StoredCredentials>();
    StoredCredentials out;
    if (grant->Reveal() == procore::GrantName(procore::GrantType::kAuthorizationCode)) {
        out.grant = procore::GrantType::kAuthorizationCode;
    } else if (grant->Reveal() != procore::GrantName(procore::GrantType::kClientCredentials)) {
        return Fail(ErrorCode::kCorrupt, "the stored Procore grant type is unknown");
    }
    out.app.client_id = client_id->Reveal();
    out.app.client_secret = std::move(*client_secret);
    return std::optional<StoredCredentials>(std::move(out));
}

Status Vault::Forget() {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kWrite));
    for (const char* name :
         {kGrant, kClientId, kClientSecret, kAccessToken, kRefreshToken, kExpiresAt}) {
        CREWSYNC_TRY(tx->DeleteSecret(name));
    }
    return tx->Commit();
}

Result<std::optional<procore::TokenSet>> Vault::LoadTokens(store::Transaction& tx) {
    CREWSYNC_ASSIGN_OR_RETURN(auto access, Get(tx, kAccessToken));
    CREWSYNC_ASSIGN_OR_RETURN(auto refresh, Get(tx, kRefreshToken));
    CREWSYNC_ASSIGN_OR_RETURN(const auto expires, Get(tx, kExpiresAt));
    if (!access || !expires) return std::optional<procore::TokenSet>();
    CREWSYNC_ASSIGN_OR_RETURN(const std::int64_t millis, ParseMillis(*expires));
    procore::TokenSet tokens;
    tokens.access_token = std::move(*access);
    if (refresh) tokens.refresh_token = std::move(*refresh);
    tokens.expires_at = Timestamp(std::chrono::milliseconds(millis));
    return std::optional<procore::TokenSet>(std::move(tokens));
}

Status Vault::SaveTokens(store::Transaction& tx, const procore::TokenSet& tokens) {
    CREWSYNC_TRY(Put(tx, kAccessToken, tokens.access_token.Reveal()));
    if (tokens.refresh_token.empty()) {
        CREWSYNC_TRY(tx.DeleteSecret(kRefreshToken));
    } else {
        CREWSYNC_TRY(Put(tx, kRefreshToken, tokens.refresh_token.Reveal()));
    }
    return Put(tx, kExpiresAt, std::to_string(tokens.expires_at.time_since_epoch().count()));
}

Status Vault::SaveTokens(const procore::TokenSet& tokens) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kWrite));
    CREWSYNC_TRY(SaveTokens(*tx, tokens));
    return tx->Commit();
}

Result<std::optional<procore::TokenSet>> Vault::LoadTokens() {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kRead));
    return LoadTokens(*tx);
}

Result<std::optional<procore::TokenSet>> StoreTokenKeeper::Load() { return vault_.LoadTokens(); }

Result<procore::TokenSet> StoreTokenKeeper::Renew(const Renewal& renew) {
    // The write transaction is the workspace-wide lock: another process renewing at the same
    // time waits here, then sees (and uses) the tokens this one stored.
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, store_.Begin(store::TxMode::kWrite));
    CREWSYNC_ASSIGN_OR_RETURN(const auto stored, vault_.LoadTokens(*tx));
    CREWSYNC_ASSIGN_OR_RETURN(procore::TokenSet renewed, renew(stored));
    CREWSYNC_TRY(vault_.SaveTokens(*tx, renewed));
    // Committed before the caller sees the new tokens: a rotated refresh token is never used
    // before it is safely stored.
    CREWSYNC_TRY(tx->Commit());
    return renewed;
}

}  // namespace crewsync::credentials
