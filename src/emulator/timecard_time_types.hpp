// Timecard time types (procore-api.md §9.3): every company has Regular Time, Overtime and
// Double Time; entries point at one of them.
#pragma once

#include "emulator/state.hpp"

namespace crewsync::emulator {

// Adds the three standard time types when the company has none yet; the timecard routes call
// it before using time types, so a company seeded or loaded without them still has them.
// Call with state.mutex held (or before serving).
void SeedTimecardTimeTypes(Company& company, State& state);

// The id of the company's "Regular Time" type (what an entry gets when it names none), or 0.
RecordId RegularTimeTypeId(const Company& company);

// {id, time_type, abbreviated_time_type, company_id, global} as entries embed it; null for 0
// or an unknown id.
Json TimeTypeSummary(const Company& company, RecordId id);

}  // namespace crewsync::emulator
