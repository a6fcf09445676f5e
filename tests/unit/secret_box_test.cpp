// Tests for workspace::SecretBox: sealing and opening credentials with the workspace key, and
// that every kind of damage (wrong key, wrong row, changed bytes, truncation, unknown version)
// fails as kCorrupt without quoting the value.
#include <cstddef>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/error.hpp"
#include "model/secret.hpp"
#include "workspace/secret_box.hpp"
#include "workspace/secret_key.hpp"

namespace crewsync::workspace {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kRow = "procore.client_secret";
constexpr std::string_view kToken = "fake refresh token for tests: 0123456789abcdefghijklmnop";

// The key used by every test unless it needs another one.
SecretKey TestKey() {
    auto key = SecretKey::FromHex(
        "00112233445566778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    if (!key) throw std::runtime_error(key.error().ToString());
    return std::move(*key);
}

SecretKey OtherKey() {
    auto key = SecretKey::FromHex(
        "f0e1d2c3b4a5968778695a4b3c2d1e0fffeeddccbbaa99887766554433221100");
    if (!key) throw std::runtime_error(key.error().ToString());
    return std::move(*key);
}

template <class T>
std::string Describe(const Result<T>& result) {
    return result ? std::string("ok") : result.error().ToString();
}

// Asserts that opening `sealed` fails as kCorrupt with the standard message, naming the row and
// quoting none of the plaintext.
void ExpectCorrupt(const Result<SecretString>& opened, std::string_view row,
                   std::string_view plaintext) {
    ASSERT_FALSE(opened.has_value()) << "expected the value not to open";
    EXPECT_EQ(opened.error().code(), ErrorCode::kCorrupt) << opened.error().ToString();
    const std::string& message = opened.error().message();
    EXPECT_THAT(message, HasSubstr(fmt::format("stored secret '{}' cannot be decrypted", row)));
    EXPECT_THAT(message, HasSubstr("wrong key, or the value was changed or moved"));
    if (!plaintext.empty()) {
        EXPECT_THAT(message, Not(HasSubstr(std::string(plaintext))));
        // Not even a recognisable piece of it.
        EXPECT_THAT(message, Not(HasSubstr(std::string(plaintext.substr(0, 6)))));
    }
}

class SecretBoxTest : public ::testing::Test {
protected:
    SecretKey key_ = TestKey();
    SecretBox box_{key_};
};

TEST_F(SecretBoxTest, SealThenOpenRoundTrips) {
    const std::string sealed = box_.Seal(kToken, kRow);
    const auto opened = box_.Open(sealed, kRow);
    ASSERT_TRUE(opened.has_value()) << Describe(opened);
    EXPECT_EQ(opened->Reveal(), kToken);
}

TEST_F(SecretBoxTest, SealedValueHasTheDocumentedLayout) {
    const std::string sealed = box_.Seal(kToken, kRow);
    ASSERT_EQ(sealed.size(), SecretBox::kOverhead + kToken.size());
    EXPECT_EQ(static_cast<unsigned char>(sealed[0]), SecretBox::kVersion);
    EXPECT_EQ(SecretBox::kVersion, 1);
    // The ciphertext does not contain the plaintext.
    EXPECT_THAT(sealed, Not(HasSubstr(std::string(kToken))));
    EXPECT_THAT(sealed, Not(HasSubstr(std::string(kToken.substr(0, 8)))));
}

TEST_F(SecretBoxTest, EmptyAndBinaryValuesRoundTrip) {
    for (const std::string& value : {std::string(), std::string("x"),
                                     std::string("\0\xff\n\x01 bytes", 10),
                                     std::string(10'000, 'q')}) {
        SCOPED_TRACE(value.size());
        const std::string sealed = box_.Seal(value, kRow);
        EXPECT_EQ(sealed.size(), SecretBox::kOverhead + value.size());
        const auto opened = box_.Open(sealed, kRow);
        ASSERT_TRUE(opened.has_value()) << Describe(opened);
        EXPECT_EQ(opened->Reveal(), value);
    }
}

TEST_F(SecretBoxTest, TwoSealsOfOneValueDiffer) {
    const std::string first = box_.Seal(kToken, kRow);
    const std::string second = box_.Seal(kToken, kRow);
    EXPECT_NE(first, second);
    // The nonces differ, not just the ciphertexts.
    EXPECT_NE(first.substr(1, SecretBox::kNonceSize), second.substr(1, SecretBox::kNonceSize));
    const auto a = box_.Open(first, kRow);
    const auto b = box_.Open(second, kRow);
    ASSERT_TRUE(a.has_value()) << Describe(a);
    ASSERT_TRUE(b.has_value()) << Describe(b);
    EXPECT_EQ(*a, *b);
}

TEST_F(SecretBoxTest, AnotherRowDoesNotOpen) {
    const std::string sealed = box_.Seal(kToken, kRow);
    ExpectCorrupt(box_.Open(sealed, "procore.refresh_token"), "procore.refresh_token", kToken);
    ExpectCorrupt(box_.Open(sealed, ""), "", kToken);
    // A row differing only in case is another row.
    ExpectCorrupt(box_.Open(sealed, "Procore.client_secret"), "Procore.client_secret", kToken);
}

TEST_F(SecretBoxTest, AnotherKeyDoesNotOpen) {
    const std::string sealed = box_.Seal(kToken, kRow);
    const SecretKey other_key = OtherKey();
    const SecretBox other(other_key);
    ExpectCorrupt(other.Open(sealed, kRow), kRow, kToken);
    ExpectCorrupt(box_.Open(other.Seal(kToken, kRow), kRow), kRow, kToken);
}

TEST_F(SecretBoxTest, AFreshRandomKeyDoesNotOpen) {
    const std::string sealed = box_.Seal(kToken, kRow);
    auto generated = SecretKey::Generate();
    ASSERT_TRUE(generated.has_value()) << Describe(generated);
    const SecretBox other(*generated);
    ExpectCorrupt(other.Open(sealed, kRow), kRow, kToken);
}

TEST_F(SecretBoxTest, AnyFlippedByteInNonceCiphertextOrTagIsCorrupt) {
    const std::string sealed = box_.Seal(kToken, kRow);
    // Every byte after the version: the nonce, the ciphertext and the tag.
    for (std::size_t i = 1; i < sealed.size(); ++i) {
        SCOPED_TRACE(i);
        std::string changed = sealed;
        changed[i] = static_cast<char>(changed[i] ^ 0x01);
        ExpectCorrupt(box_.Open(changed, kRow), kRow, kToken);
    }
    // Spot-check each region with a whole-byte change, too.
    for (const std::size_t i : {std::size_t{1}, SecretBox::kNonceSize,
                                1 + SecretBox::kNonceSize, sealed.size() - 1}) {
        SCOPED_TRACE(i);
        std::string changed = sealed;
        changed[i] = static_cast<char>(~changed[i]);
        ExpectCorrupt(box_.Open(changed, kRow), kRow, kToken);
    }
}

TEST_F(SecretBoxTest, TruncatedOrExtendedValuesAreCorrupt) {
    const std::string sealed = box_.Seal(kToken, kRow);
    for (std::size_t size = 0; size < sealed.size(); ++size) {
        SCOPED_TRACE(size);
        ExpectCorrupt(box_.Open(std::string_view(sealed).substr(0, size), kRow), kRow, kToken);
    }
    ExpectCorrupt(box_.Open(sealed + '\0', kRow), kRow, kToken);
    // The tag alone, without the ciphertext in front of it.
    std::string without_ciphertext = sealed.substr(0, 1 + SecretBox::kNonceSize);
    without_ciphertext += sealed.substr(sealed.size() - SecretBox::kTagSize);
    ExpectCorrupt(box_.Open(without_ciphertext, kRow), kRow, kToken);
}

TEST_F(SecretBoxTest, EmptyValueIsCorrupt) {
    ExpectCorrupt(box_.Open("", kRow), kRow, "");
    ExpectCorrupt(box_.Open(std::string_view(), kRow), kRow, "");
}

TEST_F(SecretBoxTest, UnknownVersionIsCorrupt) {
    const std::string sealed = box_.Seal(kToken, kRow);
    for (const int version : {0, 2, 0x7f, 0xff}) {
        SCOPED_TRACE(version);
        std::string changed = sealed;
        changed[0] = static_cast<char>(version);
        const auto opened = box_.Open(changed, kRow);
        ExpectCorrupt(opened, kRow, kToken);
        if (!opened) {
            EXPECT_THAT(opened.error().message(), HasSubstr("format"));
        }
    }
}

TEST_F(SecretBoxTest, APlaintextStoredByHandIsCorruptAndNotQuoted) {
    // Long enough to pass the size check; its first byte is not the version either.
    const auto opened = box_.Open(kToken, kRow);
    ExpectCorrupt(opened, kRow, kToken);
    if (!opened) {
        // Not even its first character, which sits where the version byte would be.
        EXPECT_THAT(opened.error().message(), Not(HasSubstr("'s'")));
        EXPECT_THAT(opened.error().message(), Not(HasSubstr("115")));
    }
}

TEST_F(SecretBoxTest, ABoxKeepsWorkingAfterItsKeyIsGone) {
    std::string sealed;
    std::optional<SecretBox> box;
    {
        SecretKey key = TestKey();
        box.emplace(key);
        sealed = box->Seal(kToken, kRow);
    }
    const auto opened = box->Open(sealed, kRow);
    ASSERT_TRUE(opened.has_value()) << Describe(opened);
    EXPECT_EQ(opened->Reveal(), kToken);
    // And a box built from the same key bytes later opens it too.
    const SecretBox again(key_);
    const auto reopened = again.Open(sealed, kRow);
    ASSERT_TRUE(reopened.has_value()) << Describe(reopened);
    EXPECT_EQ(reopened->Reveal(), kToken);
}

TEST_F(SecretBoxTest, MovingABoxMovesItsKey) {
    const std::string sealed = box_.Seal(kToken, kRow);
    SecretBox moved(std::move(box_));
    const auto opened = moved.Open(sealed, kRow);
    ASSERT_TRUE(opened.has_value()) << Describe(opened);
    EXPECT_EQ(opened->Reveal(), kToken);

    // The moved-from box holds no key and says so rather than using a null pointer.
    const auto from_empty = box_.Open(sealed, kRow);  // NOLINT(bugprone-use-after-move)
    ASSERT_FALSE(from_empty.has_value());
    EXPECT_EQ(from_empty.error().code(), ErrorCode::kInternal);
    EXPECT_THROW((void)box_.Seal(kToken, kRow), std::logic_error);

    // Assigning a box gives the moved-from one a key again.
    const SecretKey other_key = OtherKey();
    box_ = SecretBox(other_key);
    ExpectCorrupt(box_.Open(sealed, kRow), kRow, kToken);
    const auto own = box_.Open(box_.Seal(kToken, kRow), kRow);
    ASSERT_TRUE(own.has_value()) << Describe(own);
    EXPECT_EQ(own->Reveal(), kToken);
}

TEST_F(SecretBoxTest, AMovedFromKeyIsRefusedAsABug) {
    SecretKey key = TestKey();
    SecretKey taken = std::move(key);
    EXPECT_THROW(SecretBox{key}, std::logic_error);  // NOLINT(bugprone-use-after-move)
}

TEST_F(SecretBoxTest, AnOpenedSecretPrintsAsStars) {
    const auto opened = box_.Open(box_.Seal(kToken, kRow), kRow);
    ASSERT_TRUE(opened.has_value()) << Describe(opened);
    std::ostringstream out;
    out << *opened;
    EXPECT_EQ(out.str(), "***");
    EXPECT_EQ(fmt::format("{}", *opened), "***");
    EXPECT_EQ(fmt::format("token={}!", *opened), "token=***!");
    EXPECT_THAT(::testing::PrintToString(*opened), Not(HasSubstr(std::string(kToken))));
}

}  // namespace
}  // namespace crewsync::workspace
