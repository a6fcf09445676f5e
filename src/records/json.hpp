// JSON forms of workforce records and import reports, for `--json` output and the
// REST API. Field names match the CSV column keys.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "model/error.hpp"
#include "records/import.hpp"
#include "store/store.hpp"

namespace crewsync::records {

nlohmann::json ToJson(const Person& person);
nlohmann::json ToJson(const Project& project);
nlohmann::json ToJson(const Group& group);
nlohmann::json ToJson(const Classification& classification);
nlohmann::json ToJson(const Assignment& assignment);
nlohmann::json ToJson(const TimeEntry& entry);
nlohmann::json ToJson(const ImportReport& report);
nlohmann::json ToJson(const Error& error);
nlohmann::json ToJson(const store::JournalEntry& entry);

}  // namespace crewsync::records
