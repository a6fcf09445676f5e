#include "procore/authenticator.hpp"

namespace crewsync::procore {

Authenticator::Authenticator(std::unique_ptr<http::HttpClient> http, std::string login_url,
                             AppCredentials app, GrantType grant, TokenKeeper& keeper,
                             const Clock& clock)
    : http_(std::move(http)),
      oauth_(*http_, std::move(login_url), std::move(app), clock),
      grant_(grant),
      keeper_(keeper),
      clock_(clock) {}

bool Authenticator::Fresh(const TokenSet& tokens) const {
    return !tokens.access_token.empty() &&
           tokens.expires_at - clock_.Now() > std::chrono::milliseconds(kRenewBeforeExpiry);
}

Result<SecretString> Authenticator::AccessToken() {
    std::lock_guard lock(mutex_);
    if (!loaded_) {
        CREWSYNC_ASSIGN_OR_RETURN(current_, keeper_.Load());
        loaded_ = true;
    }
    if (current_ && Fresh(*current_)) return current_->access_token;
    return RenewLocked(std::nullopt);
}

Result<SecretString> Authenticator::RenewAfterRejection(const SecretString& rejected) {
    std::lock_guard lock(mutex_);
    if (current_ && !(current_->access_token == rejected) && Fresh(*current_)) {
        return current_->access_token;  // another job renewed it meanwhile
    }
    return RenewLocked(rejected);
}

Result<SecretString> Authenticator::RenewLocked(const std::optional<SecretString>& rejected) {
    auto renew = [&](const std::optional<TokenSet>& stored) -> Result<TokenSet> {
        // Another process of the workspace may have renewed since we loaded: use its tokens.
        const bool stored_usable =
            stored && Fresh(*stored) && !(rejected && stored->access_token == *rejected);
        if (stored_usable) return *stored;
        if (grant_ == GrantType::kClientCredentials) return oauth_.ClientCredentialsToken();
        if (!stored || stored->refresh_token.empty()) {
            return Fail(ErrorCode::kUnauthorized,
                        "no refresh token is stored for this workspace; run `crewsync connect` "
                        "to authorize crewsync again");
        }
        auto refreshed = oauth_.Refresh(stored->refresh_token);
        if (!refreshed && refreshed.error().code() == ErrorCode::kUnauthorized) {
            return Fail(ErrorCode::kUnauthorized,
                        refreshed.error().message() +
                            "; the stored refresh token was used or revoked, run `crewsync "
                            "connect` to authorize crewsync again");
        }
        return refreshed;
    };
    CREWSYNC_ASSIGN_OR_RETURN(TokenSet renewed, keeper_.Renew(renew));
    current_ = std::move(renewed);
    return current_->access_token;
}

}  // namespace crewsync::procore
