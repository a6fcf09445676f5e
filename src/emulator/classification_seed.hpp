// The permission templates a new emulated company starts with, so clients that pick a
// template for new users (procore-api.md §11) find realistic ones.
#pragma once

#include "emulator/state.hpp"

namespace crewsync::emulator {

// Adds "Project Manager", "Superintendent", "Foreman" and "Field Worker" (project tools, usable
// on every project), "Subcontractor" (project tools, external) and "Company Admin" and
// "Company Standard" (company tools). Does nothing when the company already has templates, so
// calling it twice is harmless. Call with state.mutex held (or before serving).
void SeedPermissionTemplates(Company& company, State& state);

}  // namespace crewsync::emulator
