// crewsync — sealing Procore credentials (client secret, access and refresh tokens) with the
// workspace key, so the database only ever holds ciphertexts.
//
// Format of a sealed value, as raw bytes (the store keeps it in a BLOB):
//
//     version (1 byte, = 1) || nonce (24 bytes) || ciphertext || tag (16 bytes)
//
// Version 1 is XChaCha20-Poly1305-IETF (libsodium's crypto_aead_xchacha20poly1305_ietf) with a
// fresh random nonce per Seal and the row's name (e.g. "procore.client_secret") as associated
// data: a ciphertext copied into another row, or sealed under another workspace key, does not
// open. The 192-bit nonce is large enough to pick at random without ever repeating in practice.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "model/secret.hpp"
#include "workspace/secret_key.hpp"

namespace crewsync::workspace {

class SecretBox {
public:
    static constexpr unsigned char kVersion = 1;
    static constexpr std::size_t kNonceSize = 24;
    static constexpr std::size_t kTagSize = 16;
    // Size of a sealed empty value; every sealed value is this long plus the plaintext's size.
    static constexpr std::size_t kOverhead = 1 + kNonceSize + kTagSize;

    // Copies the key's bytes into the box's own guarded, read-only memory (sodium_malloc), so
    // the box does not depend on `key` afterwards: either may be destroyed first.
    // Precondition: `key` holds bytes (is not moved-from). Violating it is a bug and throws
    // std::logic_error; running out of memory for the copy throws std::bad_alloc.
    explicit SecretBox(const SecretKey& key);

    SecretBox(const SecretBox&) = delete;
    SecretBox& operator=(const SecretBox&) = delete;
    // A moved-from box holds no key: only destroy it or assign to it.
    SecretBox(SecretBox&& other) noexcept;
    SecretBox& operator=(SecretBox&& other) noexcept;
    // Wipes the key copy before releasing it.
    ~SecretBox();

    // Encrypts `plaintext` for the row named `row`; two seals of one value differ (fresh nonce).
    // Cannot fail on a box that holds a key (a moved-from box throws std::logic_error).
    // Thread-safe: a box may seal and open from several threads at once.
    std::string Seal(std::string_view plaintext, std::string_view row) const;

    // Decrypts a value sealed by Seal for the same `row` under the same key. Fails with kCorrupt
    // when it cannot: wrong key, wrong row, any changed, missing or extra byte, or an unknown
    // format version. The message names the row but never contains any byte of `sealed` (which
    // might even be a plaintext someone stored by hand). A moved-from box fails with kInternal.
    Result<SecretString> Open(std::string_view sealed, std::string_view row) const;

private:
    void Release();

    unsigned char* key_ = nullptr;  // sodium_malloc'd, read-only after construction
};

}  // namespace crewsync::workspace
