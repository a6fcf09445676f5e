// Procore's OAuth 2.0 as documented (procore-api.md §2): client-credentials and
// authorization-code grants, 90-minute access tokens, refresh tokens that rotate on every use
// (the old one is dead even if the response never arrived), revocation of both.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "emulator/collection.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

inline constexpr std::chrono::seconds kAccessTokenLifetime{5400};
inline constexpr std::chrono::minutes kAuthorizationCodeLifetime{10};

enum class Grant { kClientCredentials, kAuthorizationCode };

struct AccessToken {
    std::string client_id;
    Grant grant = Grant::kClientCredentials;
    RecordId user_id = 0;  // whom the token acts as
    Timestamp created;
    Timestamp expires;
    std::string refresh_token;  // authorization-code grants only
};

// What a token check found.
enum class TokenCheck { kValid, kMissing, kUnknown, kExpired };

class TokenStore {
public:
    explicit TokenStore(std::uint64_t seed) : random_(seed) {}

    // A new access token (and, for the authorization-code grant, a refresh token).
    const AccessToken& Issue(const std::string& client_id, Grant grant, RecordId user_id,
                             Timestamp now, std::string& access_token);
    // Exchanges a refresh token for a new pair; the old refresh token and its access token
    // die. Empty when the refresh token is unknown, used or revoked.
    std::optional<std::string> Refresh(const std::string& client_id,
                                       const std::string& refresh_token, Timestamp now);
    // Revokes an access or refresh token and its partner. Unknown tokens are ignored, as
    // Procore answers 200 either way.
    void Revoke(const std::string& token);

    TokenCheck Check(const std::string& access_token, Timestamp now,
                     const AccessToken** found = nullptr) const;

    // A single-use authorization code for `user_id`, valid 10 minutes.
    std::string NewCode(const std::string& client_id, RecordId user_id,
                        const std::string& redirect_uri, Timestamp now);
    struct Code {
        std::string client_id;
        RecordId user_id = 0;
        std::string redirect_uri;
        Timestamp expires;
    };
    // Takes the code (it cannot be used twice); empty if unknown or expired.
    std::optional<Code> TakeCode(const std::string& code, Timestamp now);

    // Forgets tokens and codes; IssuedTokens keeps them.
    void Clear();

    // Every access and refresh token value ever issued, in order, including refreshed, revoked,
    // expired and cleared ones: a test can look for any of them in a client's output or files.
    const std::vector<std::string>& IssuedTokens() const { return issued_; }

private:
    std::string RandomToken(std::size_t bytes);

    std::mt19937_64 random_;
    std::unordered_map<std::string, AccessToken> access_;
    std::unordered_map<std::string, std::string> refresh_;  // refresh token → access token
    std::unordered_map<std::string, Code> codes_;
    std::vector<std::string> issued_;
};

}  // namespace crewsync::emulator
