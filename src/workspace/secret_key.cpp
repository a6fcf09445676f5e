#include "workspace/secret_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <ostream>

#include <fmt/format.h>

namespace crewsync::workspace {
namespace {

constexpr std::size_t kHexSize = SecretKey::kSize * 2;
constexpr const char* kSecretKeyVariable = "CREWSYNC_SECRET_KEY";

Status EnsureSodium() {
    // sodium_init is idempotent and thread-safe; 1 means "already initialised".
    if (sodium_init() < 0) {
        return Fail(ErrorCode::kInternal,
                    "cannot initialise libsodium (no usable entropy source?)");
    }
    return Ok();
}

Result<unsigned char*> AllocateKeyBytes() {
    void* bytes = sodium_malloc(SecretKey::kSize);
    if (bytes == nullptr) {
        return Fail(ErrorCode::kInternal, "cannot allocate locked memory for the secret key");
    }
    return static_cast<unsigned char*>(bytes);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view text) {
    while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
    return text;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Why `hex` is not a key, described without quoting any of it: the text may be a near-miss key.
std::optional<std::string> HexProblem(std::string_view hex) {
    if (hex.size() != kHexSize) {
        return fmt::format("expected {} hex digits, found {} characters", kHexSize, hex.size());
    }
    for (char c : hex) {
        if (HexValue(c) < 0) {
            return fmt::format("expected {} hex digits, found a character that is not a hex digit",
                               kHexSize);
        }
    }
    return std::nullopt;
}

// Closes `fd` on every path out of a scope.
class FdCloser {
public:
    explicit FdCloser(int fd) : fd_(fd) {}
    FdCloser(const FdCloser&) = delete;
    FdCloser& operator=(const FdCloser&) = delete;
    ~FdCloser() {
        if (fd_ >= 0) ::close(fd_);
    }
    // Closes now, reporting the result (close can report a failed delayed write).
    int Close() {
        const int result = ::close(fd_);
        fd_ = -1;
        return result;
    }

private:
    int fd_;
};

Status WriteAll(int fd, const char* data, std::size_t size, const std::string& path) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return Fail(ErrorCode::kIo,
                        fmt::format("cannot write key file {}: {}", path, std::strerror(errno)));
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return Ok();
}

Status WriteKeyFile(int fd, const std::string& key_file) {
    // Some umasks would strip the owner's write bit; the mode must be exactly 0600 regardless.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        return Fail(ErrorCode::kIo, fmt::format("cannot set the mode of key file {}: {}",
                                                key_file, std::strerror(errno)));
    }
    std::array<unsigned char, SecretKey::kSize> bytes{};
    std::array<char, kHexSize + 2> text{};  // hex digits, newline, NUL from sodium_bin2hex
    randombytes_buf(bytes.data(), bytes.size());
    sodium_bin2hex(text.data(), kHexSize + 1, bytes.data(), bytes.size());
    text[kHexSize] = '\n';
    Status written = WriteAll(fd, text.data(), kHexSize + 1, key_file);
    sodium_memzero(bytes.data(), bytes.size());
    sodium_memzero(text.data(), text.size());
    CREWSYNC_TRY(written);
    // The key may be the only way to decrypt stored credentials: make sure it reached the disk.
    if (::fsync(fd) != 0) {
        return Fail(ErrorCode::kIo,
                    fmt::format("cannot flush key file {}: {}", key_file, std::strerror(errno)));
    }
    return Ok();
}

}  // namespace

Result<SecretKey> SecretKey::Generate() {
    CREWSYNC_TRY(EnsureSodium());
    CREWSYNC_ASSIGN_OR_RETURN(unsigned char* bytes, AllocateKeyBytes());
    randombytes_buf(bytes, kSize);
    return SecretKey(bytes);
}

Result<SecretKey> SecretKey::FromHex(std::string_view hex) {
    hex = Trim(hex);
    if (std::optional<std::string> problem = HexProblem(hex)) {
        return Fail(ErrorCode::kInvalidArgument, std::move(*problem));
    }
    CREWSYNC_TRY(EnsureSodium());
    CREWSYNC_ASSIGN_OR_RETURN(unsigned char* bytes, AllocateKeyBytes());
    for (std::size_t i = 0; i < kSize; ++i) {
        bytes[i] = static_cast<unsigned char>(HexValue(hex[2 * i]) * 16 + HexValue(hex[2 * i + 1]));
    }
    return SecretKey(bytes);
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) { other.bytes_ = nullptr; }

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
    if (this != &other) {
        Release();
        bytes_ = other.bytes_;
        other.bytes_ = nullptr;
    }
    return *this;
}

SecretKey::~SecretKey() { Release(); }

void SecretKey::Release() {
    if (bytes_ == nullptr) return;
    // sodium_free wipes too; the explicit wipe keeps the guarantee visible and independent of it.
    sodium_memzero(bytes_, kSize);
    sodium_free(bytes_);
    bytes_ = nullptr;
}

std::ostream& operator<<(std::ostream& out, const SecretKey& key) {
    return out << (key.data() == nullptr ? "SecretKey(empty)" : "SecretKey(hidden)");
}

Status CreateSecretKeyFile(const std::string& key_file) {
    CREWSYNC_TRY(EnsureSodium());
    // O_EXCL: never replace an existing key; mode 0600 at creation: never readable by others,
    // not even before a later chmod.
    const int fd = ::open(key_file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST) {
            return Fail(ErrorCode::kConflict,
                        fmt::format("key file {} already exists; crewsync never replaces a secret "
                                    "key, because stored credentials may depend on it",
                                    key_file));
        }
        return Fail(ErrorCode::kIo, fmt::format("cannot create key file {}: {}", key_file,
                                                std::strerror(error)));
    }
    FdCloser closer(fd);
    Status written = WriteKeyFile(fd, key_file);
    if (written && closer.Close() != 0) {
        written = Fail(ErrorCode::kIo, fmt::format("cannot write key file {}: {}", key_file,
                                                   std::strerror(errno)));
    }
    if (!written) {
        // A half-written key would be read back as corrupt; better no file at all.
        ::unlink(key_file.c_str());
    }
    return written;
}

Result<SecretKey> LoadSecretKey(const std::string& key_file, const Environment& env) {
    if (std::optional<std::string> value = env.Get(kSecretKeyVariable)) {
        Result<SecretKey> key = SecretKey::FromHex(*value);
        sodium_memzero(value->data(), value->size());
        if (!key) {
            return Fail(ErrorCode::kInvalidArgument,
                        fmt::format("environment variable {} is not a valid secret key: {}",
                                    kSecretKeyVariable, key.error().message()));
        }
        return key;
    }

    const int fd = ::open(key_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) {
            return Fail(ErrorCode::kNotFound,
                        fmt::format("key file {} not found; `crewsync init` creates it, and a "
                                    "moved workspace needs its crewsync.key too (or set {})",
                                    key_file, kSecretKeyVariable));
        }
        return Fail(error == EACCES ? ErrorCode::kForbidden : ErrorCode::kIo,
                    fmt::format("cannot open key file {}: {}", key_file, std::strerror(error)));
    }
    FdCloser closer(fd);

    // fstat on the open descriptor checks the very file we read, not whatever the path names now.
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return Fail(ErrorCode::kIo,
                    fmt::format("cannot inspect key file {}: {}", key_file, std::strerror(errno)));
    }
    if (!S_ISREG(info.st_mode)) {
        return Fail(ErrorCode::kCorrupt,
                    fmt::format("key file {} is not a regular file", key_file));
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return Fail(ErrorCode::kForbidden,
                    fmt::format("key file {} has mode {:04o}; it must be readable only by its "
                                "owner: run chmod 600 {}",
                                key_file, info.st_mode & 07777, key_file));
    }

    // Room for the key, its newline and some stray whitespace; anything longer is not a key.
    std::array<char, 256> buffer{};
    std::size_t size = 0;
    while (size < buffer.size()) {
        const ssize_t got = ::read(fd, buffer.data() + size, buffer.size() - size);
        if (got < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            sodium_memzero(buffer.data(), buffer.size());
            return Fail(ErrorCode::kIo,
                        fmt::format("cannot read key file {}: {}", key_file, std::strerror(error)));
        }
        if (got == 0) break;
        size += static_cast<std::size_t>(got);
    }
    Result<SecretKey> key =
        size == buffer.size()
            ? Result<SecretKey>(Fail(ErrorCode::kInvalidArgument,
                                     fmt::format("expected {} hex digits, found {} or more "
                                                 "characters",
                                                 kHexSize, buffer.size())))
            : SecretKey::FromHex(std::string_view(buffer.data(), size));
    sodium_memzero(buffer.data(), buffer.size());
    if (!key) {
        if (key.error().code() != ErrorCode::kInvalidArgument) return key;
        return Fail(ErrorCode::kCorrupt, fmt::format("key file {} is corrupt: {}", key_file,
                                                     key.error().message()));
    }
    return key;
}

}  // namespace crewsync::workspace
