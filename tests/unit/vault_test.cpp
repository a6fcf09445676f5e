#include "credentials/vault.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "workspace/secret_key.hpp"

namespace crewsync::credentials {
namespace {

using procore::GrantType;
using procore::TokenSet;

Timestamp At(int seconds) { return Timestamp(std::chrono::seconds(1'800'000'000 + seconds)); }

class VaultTest : public ::testing::Test {
protected:
    VaultTest()
        : key_(*workspace::SecretKey::Generate()),
          box_(key_),
          clock_(At(0)),
          store_(*store::OpenSqliteStore(dir_.File("crewsync.db"), clock_)),
          vault_(*store_, box_) {}

    std::string DatabaseBytes() const {
        std::string all;
        for (const char* suffix : {"", "-wal"}) {
            std::ifstream in(dir_.File("crewsync.db") + suffix, std::ios::binary);
            all.append(std::istreambuf_iterator<char>(in), {});
        }
        return all;
    }

    testing_support::TempDir dir_;
    workspace::SecretKey key_;
    workspace::SecretBox box_;
    FakeClock clock_;
    std::unique_ptr<store::Store> store_;
    Vault vault_;
};

TEST_F(VaultTest, CredentialsRoundTripSealed) {
    EXPECT_FALSE(*vault_.LoadCredentials());
    ASSERT_TRUE(vault_.SaveCredentials(
        {GrantType::kAuthorizationCode, {"client-9", SecretString("secret-value-123")}}));
    const auto loaded = vault_.LoadCredentials();
    ASSERT_TRUE(loaded && *loaded);
    EXPECT_EQ((*loaded)->grant, GrantType::kAuthorizationCode);
    EXPECT_EQ((*loaded)->app.client_id, "client-9");
    EXPECT_EQ((*loaded)->app.client_secret.Reveal(), "secret-value-123");
    EXPECT_EQ(DatabaseBytes().find("secret-value-123"), std::string::npos);
}

TEST_F(VaultTest, NewCredentialsForgetTheOldTokens) {
    ASSERT_TRUE(vault_.SaveTokens({SecretString("access-1"), SecretString("refresh-1"), At(5)}));
    ASSERT_TRUE(vault_.SaveCredentials({GrantType::kClientCredentials,
                                        {"c", SecretString("s")}}));
    EXPECT_FALSE(*vault_.LoadTokens());
}

TEST_F(VaultTest, TokensRoundTripWithExpiry) {
    ASSERT_TRUE(vault_.SaveTokens({SecretString("access-1"), SecretString(), At(5400)}));
    const auto tokens = vault_.LoadTokens();
    ASSERT_TRUE(tokens && *tokens);
    EXPECT_EQ((*tokens)->access_token.Reveal(), "access-1");
    EXPECT_TRUE((*tokens)->refresh_token.empty());
    EXPECT_EQ((*tokens)->expires_at, At(5400));
    EXPECT_EQ(DatabaseBytes().find("access-1"), std::string::npos);
}

TEST_F(VaultTest, AnotherKeyCannotOpenThem) {
    ASSERT_TRUE(vault_.SaveCredentials({GrantType::kClientCredentials,
                                        {"c", SecretString("s")}}));
    const workspace::SecretKey other = *workspace::SecretKey::Generate();
    const workspace::SecretBox other_box(other);
    Vault stranger(*store_, other_box);
    const auto loaded = stranger.LoadCredentials();
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().code(), ErrorCode::kCorrupt);
}

TEST_F(VaultTest, ForgetRemovesEverything) {
    ASSERT_TRUE(vault_.SaveCredentials({GrantType::kClientCredentials,
                                        {"c", SecretString("s")}}));
    ASSERT_TRUE(vault_.SaveTokens({SecretString("a"), SecretString("r"), At(1)}));
    ASSERT_TRUE(vault_.Forget());
    EXPECT_FALSE(*vault_.LoadCredentials());
    EXPECT_FALSE(*vault_.LoadTokens());
}

TEST_F(VaultTest, ARenewalIsStoredBeforeItIsReturnedAndAFailureStoresNothing) {
    StoreTokenKeeper keeper(vault_, *store_);
    ASSERT_TRUE(vault_.SaveTokens({SecretString("a1"), SecretString("r1"), At(1)}));
    const auto failed = keeper.Renew([](const auto&) -> Result<TokenSet> {
        return Fail(ErrorCode::kUnauthorized, "refused");
    });
    ASSERT_FALSE(failed);
    EXPECT_EQ((*vault_.LoadTokens())->refresh_token.Reveal(), "r1");

    using Stored = std::optional<TokenSet>;
    const auto renewed = keeper.Renew([](const Stored& stored) -> Result<TokenSet> {
        EXPECT_EQ(stored->refresh_token.Reveal(), "r1");
        return TokenSet{SecretString("a2"), SecretString("r2"), At(5400)};
    });
    ASSERT_TRUE(renewed);
    EXPECT_EQ((*keeper.Load())->refresh_token.Reveal(), "r2");
}

TEST_F(VaultTest, TwoProcessesRenewOneAfterTheOther) {
    // A second store on the same file stands for a second crewsync process.
    auto second_store = *store::OpenSqliteStore(dir_.File("crewsync.db"), clock_);
    Vault second_vault(*second_store, box_);
    StoreTokenKeeper first(vault_, *store_);
    StoreTokenKeeper second(second_vault, *second_store);
    ASSERT_TRUE(vault_.SaveTokens({SecretString("a1"), SecretString("r1"), At(1)}));
    ASSERT_TRUE(first.Renew([](const auto&) -> Result<TokenSet> {
        return TokenSet{SecretString("a2"), SecretString("r2"), At(5400)};
    }));
    // The second process renews afterwards and is handed the first one's tokens, so it does
    // not spend the dead refresh token r1.
    std::string seen;
    ASSERT_TRUE(second.Renew([&](const std::optional<TokenSet>& stored) -> Result<TokenSet> {
        seen = stored->refresh_token.Reveal();
        return *stored;
    }));
    EXPECT_EQ(seen, "r2");
}

}  // namespace
}  // namespace crewsync::credentials
