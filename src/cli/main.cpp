#include <string_view>

#include "cli/app.hpp"
#include "emulator/run.hpp"
#include "http/curl_http_client.hpp"

int main(int argc, char** argv) {
    // libcurl is set up once, before any thread starts (its global init is not thread-safe).
    const crewsync::http::HttpGlobalInit curl;
    // `crewsync emulator …` is the procore-emulator program with its own options; it needs no
    // workspace, so it is dispatched before crewsync's own parsing.
    if (argc >= 2 && std::string_view(argv[1]) == "emulator") {
        return crewsync::emulator::RunEmulator(argc - 1, argv + 1);
    }
    return crewsync::cli::Run(argc, argv);
}
