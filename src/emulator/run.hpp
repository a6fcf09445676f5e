// The emulator as a program: `procore-emulator [options]` (and `crewsync emulator`).
#pragma once

namespace crewsync::emulator {

// Parses the options, seeds or loads the state, serves until SIGINT/SIGTERM. Exit codes:
// 0 stopped cleanly, 2 bad options, 3 cannot listen, 4 cannot read or write the state file.
int RunEmulator(int argc, char** argv);

}  // namespace crewsync::emulator
