#include "cli/app.hpp"

int main(int argc, char** argv) { return crewsync::cli::Run(argc, argv); }
