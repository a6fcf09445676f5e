// What a fresh emulator holds: a company with the application installed and its service
// account, so a client can get a token and work at once.
#pragma once

#include <string>

#include "emulator/state.hpp"

namespace crewsync::emulator {

struct SeedOptions {
    std::string company_name = "Demo Construction Co.";
    std::string client_id = "crewsync-demo";
    std::string client_secret = "crewsync-demo-secret";
};

// Adds the company, registers the client as installed there and creates its service account
// (a Directory user). Returns the company.
Company& SeedCompany(State& state, const SeedOptions& options, Timestamp now);

}  // namespace crewsync::emulator
