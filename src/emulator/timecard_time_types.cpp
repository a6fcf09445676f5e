#include "emulator/timecard_time_types.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kRegularTime = "Regular Time";

struct TimeTypeSeed {
    const char* name;
    const char* abbreviation;
};

constexpr TimeTypeSeed kTimeTypes[] = {
    {kRegularTime, "RT"}, {"Overtime", "OT"}, {"Double Time", "DT"}};

}  // namespace

void SeedTimecardTimeTypes(Company& company, State& state) {
    if (company.timecard_time_types.size() > 0) return;
    for (const TimeTypeSeed& seed : kTimeTypes) {
        company.timecard_time_types.Put(Json{{"id", state.NextId()},
                                             {"time_type", seed.name},
                                             {"abbreviated_time_type", seed.abbreviation},
                                             {"company_id", company.id},
                                             {"global", true}});
    }
}

RecordId RegularTimeTypeId(const Company& company) {
    for (const auto& [id, type] : company.timecard_time_types.All()) {
        if (type.value("time_type", "") == kRegularTime) return id;
    }
    return 0;
}

Json TimeTypeSummary(const Company& company, RecordId id) {
    const Json* type = id ? company.timecard_time_types.Find(id) : nullptr;
    return type ? *type : Json(nullptr);
}

}  // namespace crewsync::emulator
