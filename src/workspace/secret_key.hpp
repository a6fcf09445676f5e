// crewsync — the workspace's 32-byte secret key, which encrypts stored Procore credentials.
//
// The key lives in crewsync.key (64 lower-case hex characters and a newline, mode 0600) or in
// the CREWSYNC_SECRET_KEY environment variable. Its bytes stay in guarded, locked memory that is
// wiped on release, and no error message or stream output ever contains them.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "workspace/environment.hpp"

namespace crewsync::workspace {

class SecretKey {
public:
    static constexpr std::size_t kSize = 32;

    // Fresh random bytes from libsodium's CSPRNG.
    static Result<SecretKey> Generate();
    // Decodes exactly 64 hex digits (either case; surrounding whitespace ignored). Fails with
    // kInvalidArgument; the message describes the text but never repeats it.
    static Result<SecretKey> FromHex(std::string_view hex);

    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    // A moved-from key holds nothing: data() is null and size() is 0.
    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    // Wipes the bytes before releasing them.
    ~SecretKey();

    // The raw key bytes, for handing to libsodium. Never log or print them.
    const unsigned char* data() const { return bytes_; }
    std::size_t size() const { return bytes_ == nullptr ? 0 : kSize; }

    // Prints a placeholder, never the bytes, so a key in a log line or a test failure stays secret.
    friend std::ostream& operator<<(std::ostream& out, const SecretKey& key);

private:
    explicit SecretKey(unsigned char* bytes) : bytes_(bytes) {}
    void Release();

    unsigned char* bytes_ = nullptr;  // sodium_malloc'd: guard pages, mlock'd
};

// Name of the key file inside a workspace directory.
inline constexpr const char* kKeyFileName = "crewsync.key";

// Creates `key_file` holding a new random key, with mode 0600 from the moment it exists.
// Fails with kConflict if the file already exists (an existing key is never replaced: it may be
// the only way to decrypt stored credentials), kIo on other file system errors.
Status CreateSecretKeyFile(const std::string& key_file);

// The workspace key: CREWSYNC_SECRET_KEY from `env` if set (kInvalidArgument if malformed), else
// `key_file`. The file must be a regular file accessible only by its owner (kForbidden otherwise)
// and hold 64 hex digits (kCorrupt otherwise); a missing file is kNotFound.
Result<SecretKey> LoadSecretKey(const std::string& key_file, const Environment& env);

}  // namespace crewsync::workspace
