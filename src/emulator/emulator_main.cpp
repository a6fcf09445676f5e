#include "emulator/run.hpp"

int main(int argc, char** argv) { return crewsync::emulator::RunEmulator(argc, argv); }
