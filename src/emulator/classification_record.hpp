// A company work classification as Procore shows it (procore-api.md §9.1) and the checks a
// create or update goes through.
#pragma once

#include <string>

#include "emulator/state.hpp"
#include "model/clock.hpp"

namespace crewsync::emulator {

// Applies the request's `work_classification` fields (name, abbreviation; others ignored) to
// `record`, a new record ({"id"} only) or a stored one, after checking them against the
// company's other classifications. Returns Rails-style errors ({"name": ["can't be blank"]}),
// empty when the record was changed.
Json ApplyWorkClassification(const Company& company, const Json& fields, RecordId created_by,
                             Timestamp now, Json& record);

// The record in a `serializer_view`: "ids_only" → {id}; "compact" → {id, name, abbreviation};
// "normal" and "extended" → everything.
Json WorkClassificationView(const Json& record, const std::string& view);
bool IsWorkClassificationView(const std::string& view);

}  // namespace crewsync::emulator
