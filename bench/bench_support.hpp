// Helpers the benchmark drivers share: a stopwatch, peak memory, and companies sized by their
// Directory.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdint>

#include "synth/company.hpp"

namespace crewsync::bench {

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
