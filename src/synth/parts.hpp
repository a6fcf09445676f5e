// Internal to the generator: the parts of a company GenerateCompany puts together.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "model/clock.hpp"
#include "synth/company.hpp"
#include "synth/random.hpp"

namespace crewsync::synth::internal {

// A moment up to `span` before `at`, to the second (Procore's timestamps have no fraction).
inline Timestamp Before(Random& random, Timestamp at, std::chrono::seconds span) {
    const auto back = std::chrono::seconds(
        static_cast<std::int64_t>(random.Below(static_cast<std::uint64_t>(span.count()) + 1)));
    return std::chrono::floor<std::chrono::seconds>(at) - back;
}

// The company's trade classifications: names for people's positions, and the same list as
// Procore work classifications in `company.remote`.
std::vector<std::string> AddClassifications(const CompanyShape& shape, Random& random,
                                            Company& company);

// crewsync projects (ids 1..shape.projects), the share of them Procore has under the same
// project number, and the projects only Procore has.
void AddProjects(const CompanyShape& shape, Random& random, Timestamp now, Company& company);

}  // namespace crewsync::synth::internal
