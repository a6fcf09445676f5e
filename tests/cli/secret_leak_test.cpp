// Runs after the end-to-end suites (ctest fixture crewsync_output): every secret those runs
// used — client secrets and every token the emulator issued — must be absent from everything
// crewsync printed. Usage: secret_leak_test DIR (holding *.secrets and *.log files). Exits 1 on
// a leak, naming the log file and the secret's list position, never the secret itself.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: secret_leak_test DIR\n";
        return 2;
    }
    const fs::path dir = argv[1];
    std::vector<std::string> secrets;
    std::vector<fs::path> logs;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".log") logs.push_back(entry.path());
        if (entry.path().extension() != ".secrets") continue;
        std::istringstream lines(Read(entry.path()));
        for (std::string line; std::getline(lines, line);) {
            // Short strings would match by chance; every real secret here is long.
            if (line.size() >= 12) secrets.push_back(line);
        }
    }
    if (logs.empty() || secrets.empty()) {
        std::cerr << "secret_leak_test: nothing to check in " << dir
                  << " (the end-to-end tests did not record their output)\n";
        return 1;
    }
    int leaks = 0;
    for (const fs::path& log : logs) {
        const std::string text = Read(log);
        for (std::size_t i = 0; i < secrets.size(); ++i) {
            if (text.find(secrets[i]) != std::string::npos) {
                std::cerr << "secret #" << i << " appears in " << log << "\n";
                ++leaks;
            }
        }
    }
    std::cout << "checked " << logs.size() << " logs for " << secrets.size() << " secrets: "
              << leaks << " leaks\n";
    return leaks == 0 ? 0 : 1;
}
