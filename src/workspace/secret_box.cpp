#include "workspace/secret_box.hpp"

#include <sodium.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace crewsync::workspace {
namespace {

static_assert(SecretBox::kNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(SecretBox::kTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(SecretKey::kSize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

// Plaintexts are decrypted into a buffer at least this large, so the std::string owns heap
// memory rather than its small-string buffer: moving it into a SecretString then hands over the
// one buffer instead of copying the bytes and leaving a stray copy behind.
constexpr std::size_t kMinPlaintextCapacity = 64;

void EnsureSodium() {
    // A function-local static runs sodium_init exactly once, even with several threads racing
    // here; sodium_init itself is idempotent, so calls from SecretKey elsewhere do no harm.
    static const int initialised = sodium_init();
    if (initialised < 0) {
        // Cannot happen once a SecretKey exists (making one initialised libsodium already).
        throw std::runtime_error("cannot initialise libsodium");
    }
}

const unsigned char* Bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

// Every failure names the row and the likely causes, and none quotes the value: a "sealed"
// value might be a plaintext stored by hand.
tl::unexpected<Error> CannotDecrypt(std::string_view row, std::string_view why) {
    return Fail(ErrorCode::kCorrupt,
                fmt::format("stored secret '{}' cannot be decrypted: {}", row, why));
}

constexpr std::string_view kChangedOrMoved =
    "wrong key, or the value was changed or moved";

}  // namespace

SecretBox::SecretBox(const SecretKey& key) {
    if (key.data() == nullptr) {
        throw std::logic_error("SecretBox needs a key, but the SecretKey given was moved from");
    }
    EnsureSodium();
    void* bytes = sodium_malloc(SecretKey::kSize);
    if (bytes == nullptr) throw std::bad_alloc();
    key_ = static_cast<unsigned char*>(bytes);
    std::copy(key.data(), key.data() + SecretKey::kSize, key_);
    // Nothing writes the key after this; a stray write through a bad pointer now faults
    // instead of silently changing the key.
    sodium_mprotect_readonly(key_);
}

SecretBox::SecretBox(SecretBox&& other) noexcept : key_(std::exchange(other.key_, nullptr)) {}

SecretBox& SecretBox::operator=(SecretBox&& other) noexcept {
    if (this != &other) {
        Release();
        key_ = std::exchange(other.key_, nullptr);
    }
    return *this;
}

SecretBox::~SecretBox() { Release(); }

void SecretBox::Release() {
    if (key_ == nullptr) return;
    // sodium_free wipes too; the explicit wipe keeps the guarantee visible. The memory is
    // read-only, so it must be made writable first.
    sodium_mprotect_readwrite(key_);
    sodium_memzero(key_, SecretKey::kSize);
    sodium_free(key_);
    key_ = nullptr;
}

std::string SecretBox::Seal(std::string_view plaintext, std::string_view row) const {
    if (key_ == nullptr) throw std::logic_error("SecretBox::Seal on a moved-from box");
    std::string sealed(kOverhead + plaintext.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    out[0] = kVersion;
    unsigned char* nonce = out + 1;
    randombytes_buf(nonce, kNonceSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + 1 + kNonceSize, &written, Bytes(plaintext),
                                               plaintext.size(), Bytes(row), row.size(),
                                               nullptr, nonce, key_);
    // Encryption cannot fail: the only limit is 256 GiB of plaintext (beyond it libsodium
    // aborts), far above any credential. written is always plaintext.size() + kTagSize.
    return sealed;
}

Result<SecretString> SecretBox::Open(std::string_view sealed, std::string_view row) const {
    if (key_ == nullptr) {
        return Fail(ErrorCode::kInternal, "SecretBox::Open on a moved-from box");
    }
    if (sealed.size() < kOverhead) {
        return CannotDecrypt(row, fmt::format("{} (it is too short to be a sealed value)",
                                              kChangedOrMoved));
    }
    // The version byte is not quoted: in a value that was never sealed it is the first
    // character of the secret.
    if (static_cast<unsigned char>(sealed[0]) != kVersion) {
        return CannotDecrypt(row, fmt::format("{} (it is not in a format this crewsync knows; "
                                              "a newer crewsync may have written it)",
                                              kChangedOrMoved));
    }
    const unsigned char* nonce = Bytes(sealed) + 1;
    const std::string_view ciphertext = sealed.substr(1 + kNonceSize);
    std::string plaintext;
    plaintext.reserve(std::max(kMinPlaintextCapacity, ciphertext.size()));
    plaintext.resize(ciphertext.size() - kTagSize);
    unsigned long long size = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        reinterpret_cast<unsigned char*>(plaintext.data()), &size, nullptr, Bytes(ciphertext),
        ciphertext.size(), Bytes(row), row.size(), nonce, key_);
    if (rc != 0) {
        sodium_memzero(plaintext.data(), plaintext.size());
        return CannotDecrypt(row, kChangedOrMoved);
    }
    plaintext.resize(static_cast<std::size_t>(size));
    return SecretString(std::move(plaintext));
}

}  // namespace crewsync::workspace
