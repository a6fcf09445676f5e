// Where the tokens of a connection are kept between calls and between processes.
//
// A refresh token works once: Procore kills it the moment it answers a refresh, even if the
// answer is lost. So a renewal must (1) not race another process of the same workspace using
// the same refresh token, and (2) store the new pair durably before anything uses it. Renew()
// gives both: it runs the renewal under a lock every process of the workspace respects, hands
// it what is stored at that moment (another process may have renewed already), and stores the
// result before returning it.
#pragma once

#include <functional>
#include <mutex>
#include <optional>

#include "model/error.hpp"
#include "procore/oauth.hpp"

namespace crewsync::procore {

class TokenKeeper {
public:
    virtual ~TokenKeeper() = default;

    virtual Result<std::optional<TokenSet>> Load() = 0;

    using Renewal = std::function<Result<TokenSet>(const std::optional<TokenSet>& stored)>;
    // Calls `renew` with the tokens stored now, under the workspace-wide lock, and stores what
    // it returns before returning it. When `renew` fails nothing is stored.
    virtual Result<TokenSet> Renew(const Renewal& renew) = 0;
};

// Keeps tokens in memory only: for tests, and for one-off checks that store nothing.
class MemoryTokenKeeper final : public TokenKeeper {
public:
    MemoryTokenKeeper() = default;
    explicit MemoryTokenKeeper(TokenSet initial) : tokens_(std::move(initial)) {}

    Result<std::optional<TokenSet>> Load() override {
        std::lock_guard lock(mutex_);
        return tokens_;
    }
    Result<TokenSet> Renew(const Renewal& renew) override {
        std::lock_guard lock(mutex_);
        CREWSYNC_ASSIGN_OR_RETURN(TokenSet renewed, renew(tokens_));
        tokens_ = renewed;
        ++renewals_;
        return renewed;
    }
    int renewals() const {
        std::lock_guard lock(mutex_);
        return renewals_;
    }

private:
    mutable std::mutex mutex_;
    std::optional<TokenSet> tokens_;
    int renewals_ = 0;
};

}  // namespace crewsync::procore
