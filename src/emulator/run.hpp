// The emulator as a program: `procore-emulator [options]` (and `crewsync emulator`).
#pragma once

namespace crewsync::emulator {

// Parses the options, seeds or loads the state, serves until SIGINT/SIGTERM. Exit codes:
// as crewsync's: 0 stopped cleanly, 2 bad options, 8 cannot read or write the state file,
// 1 anything else (the port is taken).
int RunEmulator(int argc, char** argv);

}  // namespace crewsync::emulator
