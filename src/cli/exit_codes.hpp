// What crewsync's exit status means. Scripts may rely on these numbers.
#pragma once

#include "model/error.hpp"

namespace crewsync::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;      // a bug or an unexpected failure
inline constexpr int kExitUsage = 2;         // wrong command-line usage
inline constexpr int kExitInvalidInput = 3;  // bad input: a record, a CSV file, a setting
inline constexpr int kExitNotFound = 4;      // a named record or the workspace does not exist
inline constexpr int kExitConflict = 5;      // clashes with existing data (duplicate, in use)
inline constexpr int kExitAccess = 6;        // credentials or permissions
inline constexpr int kExitRemote = 7;        // Procore failed or refused
inline constexpr int kExitStorage = 8;       // the local database or a file failed
inline constexpr int kExitIncomplete = 9;    // a sync ran to the end, but some records failed
inline constexpr int kExitBlocked = 10;      // the mass-change guard stopped a sync: nothing written

int ExitCodeFor(ErrorCode code);

}  // namespace crewsync::cli
