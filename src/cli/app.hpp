// The `crewsync` command line.
#pragma once

namespace crewsync::cli {

// Parses the arguments, runs the chosen command and returns the process exit code
// (see exit_codes.hpp).
int Run(int argc, char** argv);

}  // namespace crewsync::cli
