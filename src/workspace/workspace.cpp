#include "workspace/workspace.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "workspace/secret_key.hpp"

namespace crewsync::workspace {
namespace {

namespace fs = std::filesystem;

// Absolute and lexically normal, without a trailing separator, so messages and comparisons see
// one spelling per directory. `path` is taken relative to `base` (the process's working
// directory when `base` is empty).
fs::path Normalize(const fs::path& path, const fs::path& base) {
    fs::path absolute = path;
    if (!absolute.is_absolute()) {
        std::error_code ec;
        fs::path root = base.empty() ? fs::current_path(ec) : base;
        if (!root.is_absolute()) root = fs::absolute(root, ec);
        absolute = root / path;
    }
    absolute = absolute.lexically_normal();
    if (!absolute.has_filename() && absolute.has_relative_path()) {
        absolute = absolute.parent_path();
    }
    return absolute;
}

bool HasConfig(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kConfigFileName, ec);
}

std::string NoWorkspaceAt(const fs::path& dir) {
    return fmt::format(
        "no crewsync workspace at {} (crewsync.toml not found); run `crewsync init {}` to create "
        "one",
        dir.string(), dir.string());
}

Status WriteNewFile(const std::string& path, const std::string& text) {
    // O_EXCL makes the "already exists" check and the creation one step.
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST) {
            return Fail(ErrorCode::kConflict, fmt::format("{} already exists", path));
        }
        return Fail(ErrorCode::kIo,
                    fmt::format("cannot create {}: {}", path, std::strerror(error)));
    }
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            ::unlink(path.c_str());
            return Fail(ErrorCode::kIo,
                        fmt::format("cannot write {}: {}", path, std::strerror(error)));
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(path.c_str());
        return Fail(ErrorCode::kIo, fmt::format("cannot write {}: {}", path, std::strerror(error)));
    }
    return Ok();
}

}  // namespace

Result<std::string> LocateWorkspace(const std::optional<std::string>& flag,
                                    const Environment& env, const std::string& cwd) {
    const fs::path base = Normalize(cwd, {});
    if (flag) {
        if (flag->empty()) {
            return Fail(ErrorCode::kInvalidArgument, "--workspace needs a directory");
        }
        const fs::path dir = Normalize(*flag, base);
        if (!HasConfig(dir)) return Fail(ErrorCode::kNotFound, NoWorkspaceAt(dir));
        return dir.string();
    }
    if (std::optional<std::string> value = env.Get(kWorkspaceVariable)) {
        const fs::path dir = Normalize(*value, base);
        if (!HasConfig(dir)) {
            // Say where the directory came from: a forgotten variable is otherwise a puzzle.
            return Fail(ErrorCode::kNotFound,
                        fmt::format("{} (the directory comes from the {} environment variable)",
                                    NoWorkspaceAt(dir), kWorkspaceVariable));
        }
        return dir.string();
    }
    // Like git: the nearest enclosing workspace wins.
    for (fs::path dir = base;; dir = dir.parent_path()) {
        if (HasConfig(dir)) return dir.string();
        if (dir == dir.root_path() || !dir.has_relative_path()) break;
    }
    return Fail(ErrorCode::kNotFound,
                fmt::format("no crewsync workspace in {} or any parent directory (no crewsync.toml "
                            "found); run `crewsync init DIR` to create one, or point to an "
                            "existing one with --workspace DIR or {}",
                            base.string(), kWorkspaceVariable));
}

Status InitWorkspace(const std::string& dir, std::string_view name) {
    if (dir.empty()) {
        return Fail(ErrorCode::kInvalidArgument, "the workspace directory must not be empty");
    }
    const fs::path root = Normalize(dir, {});
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec) {
        return Fail(ErrorCode::kIo, fmt::format("cannot create workspace directory {}: {}",
                                                root.string(), ec.message()));
    }
    const std::string config_path = (root / kConfigFileName).string();
    const std::string key_path = (root / kKeyFileName).string();

    const auto existing = [&] {
        return Fail(ErrorCode::kConflict,
                    fmt::format("a crewsync workspace already exists at {} ({} found); nothing "
                                "was changed",
                                root.string(), kConfigFileName));
    };
    if (fs::exists(fs::symlink_status(config_path, ec))) return existing();

    // The key first: if the config cannot be written we remove the key we just made, whereas a
    // config without a key would look like a finished workspace.
    CREWSYNC_TRY(CreateSecretKeyFile(key_path));
    Status written = WriteNewFile(config_path, DefaultConfigText(name));
    if (!written) {
        ::unlink(key_path.c_str());
        if (written.error().code() == ErrorCode::kConflict) return existing();
        return written;
    }
    return Ok();
}

Result<WorkspacePaths> PathsFor(const std::string& dir, const Config& config) {
    if (config.workspace.database.empty()) {
        return Fail(ErrorCode::kInvalidArgument, "workspace.database must not be empty");
    }
    const fs::path root = Normalize(dir, {});
    return WorkspacePaths{
        .dir = root.string(),
        .config = (root / kConfigFileName).string(),
        .database = Normalize(config.workspace.database, root).string(),
        .key_file = (root / kKeyFileName).string(),
    };
}

}  // namespace crewsync::workspace
