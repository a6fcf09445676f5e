// Helpers the benchmark drivers share: a stopwatch, peak memory, and companies sized by their
// Directory.
#pragma once

#include <sys/resource.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "model/error.hpp"

#include "synth/company.hpp"

namespace crewsync::bench {

// Ends the benchmark with "<program>: <what>" and exit status 1: a benchmark that cannot set up
// or whose run went wrong has no numbers worth printing.
[[noreturn]] inline void Die(const std::string& what) {
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, what.c_str());
    std::exit(1);
}

template <class T>
T Must(Result<T> result, const std::string& what) {
    if (!result) Die(what + ": " + result.error().message());
    return std::move(*result);
}

inline void Must(const Status& status, const std::string& what) {
    if (!status) Die(what + ": " + status.error().message());
}

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    // Seconds since construction or the previous Lap().
    double Lap() {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - start_).count();
        start_ = now;
        return seconds;
    }

private:
    std::chrono::steady_clock::time_point start_;
};

// The process's peak resident set so far, in MiB (Linux reports ru_maxrss in KiB).
inline double PeakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// `shape` with directory_only chosen so the Directory holds `directory` records in all: the
// people's counterparts first, Directory-only records for the rest. The people part of a
// company does not depend on directory_only, so sizing it takes one extra generation.
inline synth::CompanyShape SizedForDirectory(synth::CompanyShape shape, std::int64_t directory) {
    shape.directory_only = 0;
    const synth::Company counterparts = synth::GenerateCompany(shape);
    const auto have = static_cast<std::int64_t>(counterparts.remote.users.size() +
                                                counterparts.remote.contacts.size());
    shape.directory_only = directory > have ? directory - have : 0;
    return shape;
}

}  // namespace crewsync::bench
