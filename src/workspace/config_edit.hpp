// Changing settings in crewsync.toml the way a person would: only the lines of the changed
// keys, every comment and every other line left as it was.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/error.hpp"
#include "workspace/environment.hpp"

namespace crewsync::workspace {

// A TOML value as written in the file: a quoted, escaped string.
std::string TomlString(std::string_view value);

// The text with each `key = …` of `section` set to its literal: the key's line is replaced if
// the section has one, else a line is added after the section header (and the section is
// added at the end if missing).
std::string WithSettings(std::string_view text, std::string_view section,
                         const std::vector<std::pair<std::string, std::string>>& literals);

// Rewrites the settings file at `path` with WithSettings, after checking that LoadConfig
// accepts the result (kInvalidArgument otherwise, and the file is left untouched). The new
// file replaces the old one by a rename, so a crash leaves one or the other.
Status SetSettings(const std::string& path, std::string_view section,
                   const std::vector<std::pair<std::string, std::string>>& literals);

}  // namespace crewsync::workspace
