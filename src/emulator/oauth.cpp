#include "emulator/oauth.hpp"

namespace crewsync::emulator {

std::string TokenStore::RandomToken(std::size_t bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    while (out.size() < bytes * 2) {
        std::uint64_t r = random_();
        for (int i = 0; i < 16 && out.size() < bytes * 2; ++i, r >>= 4) out.push_back(kHex[r & 15]);
    }
    return out;
}

const AccessToken& TokenStore::Issue(const std::string& client_id, Grant grant, RecordId user_id,
                                     Timestamp now, std::string& access_token) {
    access_token = RandomToken(32);
    issued_.push_back(access_token);
    AccessToken token;
    token.client_id = client_id;
    token.grant = grant;
    token.user_id = user_id;
    token.created = now;
    token.expires = now + kAccessTokenLifetime;
    // Client-credentials responses carry no refresh token: the client asks for a new token.
    if (grant == Grant::kAuthorizationCode) {
        token.refresh_token = RandomToken(32);
        refresh_[token.refresh_token] = access_token;
        issued_.push_back(token.refresh_token);
    }
    return access_[access_token] = std::move(token);
}

std::optional<std::string> TokenStore::Refresh(const std::string& client_id,
                                               const std::string& refresh_token, Timestamp now) {
    const auto it = refresh_.find(refresh_token);
    if (it == refresh_.end()) return std::nullopt;
    const auto old = access_.find(it->second);
    if (old == access_.end() || old->second.client_id != client_id) return std::nullopt;
    const AccessToken previous = old->second;
    access_.erase(old);
    refresh_.erase(it);
    std::string access_token;
    Issue(client_id, previous.grant, previous.user_id, now, access_token);
    return access_token;
}

void TokenStore::Revoke(const std::string& token) {
    if (const auto it = access_.find(token); it != access_.end()) {
        refresh_.erase(it->second.refresh_token);
        access_.erase(it);
        return;
    }
    if (const auto it = refresh_.find(token); it != refresh_.end()) {
        access_.erase(it->second);
        refresh_.erase(it);
    }
}

TokenCheck TokenStore::Check(const std::string& access_token, Timestamp now,
                             const AccessToken** found) const {
    if (access_token.empty()) return TokenCheck::kMissing;
    const auto it = access_.find(access_token);
    if (it == access_.end()) return TokenCheck::kUnknown;
    if (now >= it->second.expires) return TokenCheck::kExpired;
    if (found) *found = &it->second;
    return TokenCheck::kValid;
}

std::string TokenStore::NewCode(const std::string& client_id, RecordId user_id,
                                const std::string& redirect_uri, Timestamp now) {
    std::string code = RandomToken(16);
    codes_[code] = {client_id, user_id, redirect_uri, now + kAuthorizationCodeLifetime};
    return code;
}

std::optional<TokenStore::Code> TokenStore::TakeCode(const std::string& code, Timestamp now) {
    const auto it = codes_.find(code);
    if (it == codes_.end()) return std::nullopt;
    Code taken = std::move(it->second);
    codes_.erase(it);
    if (now >= taken.expires) return std::nullopt;
    return taken;
}

void TokenStore::Clear() {
    access_.clear();
    refresh_.clear();
    codes_.clear();
}

}  // namespace crewsync::emulator
