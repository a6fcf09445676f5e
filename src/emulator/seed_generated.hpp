// A generated company as Procore would hold it: the Directory users, contacts, projects and
// work classifications of a synthetic company (synth::GenerateCompany), with the near-duplicates,
// conflicts and Directory-only people it plants, so a demo or benchmark meets the data a real
// first sync meets.
#pragma once

#include <cstdint>

#include "emulator/state.hpp"

namespace crewsync::emulator {

struct GeneratedCompany {
    std::uint64_t seed = 1;
    std::int64_t people = 1000;  // crewsync-side people the company is generated from
    std::int64_t users = 0;      // at least this many Directory users (Directory-only added)
};

struct GeneratedCounts {
    std::int64_t users = 0, contacts = 0, projects = 0, classifications = 0;
};

// Adds the generated records to `company` (ids from the state, above 2^32). Same seed and
// sizes, same company.
GeneratedCounts AddGeneratedRecords(State& state, Company& company,
                                    const GeneratedCompany& shape, Timestamp now);

}  // namespace crewsync::emulator
