// Runs a program the way a user would, for end-to-end tests: given arguments, an environment
// without CREWSYNC_ variables plus the given ones, optional standard input and a working
// directory; its exit status, stdout and stderr come back separately.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace crewsync::testing_support {

struct ProgramOutput {
    int code = -1;  // the exit status, or 128 + the signal
    std::string out;
    std::string err;
};

inline std::ostream& operator<<(std::ostream& os, const ProgramOutput& o) {
    return os << "exit " << o.code << "\n--- stdout ---\n" << o.out << "--- stderr ---\n" << o.err;
}

struct ProgramRun {
    std::string binary;
    std::vector<std::string> args;
    std::string cwd;
    std::map<std::string, std::string> env;  // added to a CREWSYNC_-free environment
    std::optional<std::string> stdin_text;   // default: /dev/null
    std::filesystem::path io_dir;            // where stdin/stdout/stderr files are kept
};

inline std::string ReadWholeFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Fork and exec; only async-signal-safe calls run in the child before exec, so this is safe in
// a test process with threads (an in-process emulator).
inline ProgramOutput RunProgram(const ProgramRun& run) {
    const std::filesystem::path out_path = run.io_dir / "stdout";
    const std::filesystem::path err_path = run.io_dir / "stderr";
    const std::filesystem::path in_path = run.io_dir / "stdin";
    if (run.stdin_text) {
        std::ofstream in(in_path, std::ios::binary | std::ios::trunc);
        in << *run.stdin_text;
    }
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::strncmp(*e, "CREWSYNC_", 9) != 0) env_strings.emplace_back(*e);
    }
    for (const auto& [name, value] : run.env) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings = {run.binary};
    argv_strings.insert(argv_strings.end(), run.args.begin(), run.args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    const std::string in_file = run.stdin_text ? in_path.string() : "/dev/null";
    const std::string out_file = out_path.string();
    const std::string err_file = err_path.string();

    ProgramOutput result;
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int in = ::open(in_file.c_str(), O_RDONLY);
        const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 ||
            ::dup2(err, 2) < 0 || ::chdir(run.cwd.c_str()) != 0) {
            ::_exit(126);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (pid < 0) return result;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = ReadWholeFile(out_path);
    result.err = ReadWholeFile(err_path);
    return result;
}

}  // namespace crewsync::testing_support
