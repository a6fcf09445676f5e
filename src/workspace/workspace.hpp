// crewsync — finding and creating workspaces: a directory holding crewsync.toml, the database
// and the secret key file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "workspace/config.hpp"
#include "workspace/environment.hpp"

namespace crewsync::workspace {

// The file whose presence makes a directory a workspace.
inline constexpr const char* kConfigFileName = "crewsync.toml";
// Environment variable naming the workspace directory when no --workspace flag is given.
inline constexpr const char* kWorkspaceVariable = "CREWSYNC_WORKSPACE";

// Absolute paths of a workspace's files.
struct WorkspacePaths {
    std::string dir;
    std::string config;
    std::string database;
    std::string key_file;
};

// The workspace directory (absolute, normalised): the --workspace `flag` if given, else
// CREWSYNC_WORKSPACE from `env`, else the first of `cwd` and its parents holding crewsync.toml.
// Relative flag/env paths are taken relative to `cwd`. Fails with kNotFound, with a message that
// says how to create or point to a workspace, and kInvalidArgument for an empty flag.
Result<std::string> LocateWorkspace(const std::optional<std::string>& flag,
                                    const Environment& env, const std::string& cwd);

// Creates `dir` (and missing parents), crewsync.toml (DefaultConfigText(name)) and the key file.
// Fails with kConflict if crewsync.toml or the key file already exists — nothing is overwritten
// — and kIo on file system errors, leaving no half-made files behind. The database is not
// created here; the store does that.
Status InitWorkspace(const std::string& dir, std::string_view name);

// The files of the workspace at `dir` under `config`; the database path is relative to `dir`
// unless absolute. Fails with kInvalidArgument if the database path is empty.
Result<WorkspacePaths> PathsFor(const std::string& dir, const Config& config);

}  // namespace crewsync::workspace
