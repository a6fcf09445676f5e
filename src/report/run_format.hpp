// A sync run's log (product.md §7) as an operator reads it after the fact: `crewsync runs show`
// and `runs list` print the text, `runs download` also gives CSV for a spreadsheet and JSON for
// scripts.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "store/store.hpp"

namespace crewsync::report {

// A header (run id, kind, trigger, status in words, start, end, duration, summary), the counts,
// then the lines: failed ones first, since those need the operator, then the rest in run order.
// Each line reads "failed  create user  person 12 Jane Doe <jane@x.com>: <reason>", columns
// padded to the widest outcome and action of the run.
std::string RunText(const store::RunRecord& run, const std::vector<store::RunLine>& lines);

// A header row (run_id, seq, outcome, action, entity, local_id, procore_kind, procore_id,
// label, message), then one row per line in run order; ids that do not exist (0) are empty.
std::string RunCsv(const store::RunRecord& run, const std::vector<store::RunLine>& lines);

// RunSummaryJson's fields plus "lines": every field of every line in run order; ids that do
// not exist (0) and the kinds of run-wide lines ("") as null.
nlohmann::json RunJson(const store::RunRecord& run, const std::vector<store::RunLine>& lines);

// Every field of the run: "counts" as an object, an "ended_at" not yet set as null, and
// "duration_seconds" (null while running, and for an interrupted run, whose end is only when
// the next run noticed it).
nlohmann::json RunSummaryJson(const store::RunRecord& run);

// One row per run in the given order (the store lists newest first): id, start, duration, kind,
// trigger, status and the counts that are not zero; "No runs yet." when there are none.
std::string RunListText(const std::vector<store::RunRecord>& runs);

}  // namespace crewsync::report
