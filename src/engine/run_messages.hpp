// The run log's words (product.md §7): what a run did to a record, or why it could not, as an
// operator reads it ("Directory had job title 'Foreman', reset to 'Superintendent'").
#pragma once

#include <string>
#include <vector>

#include "model/error.hpp"
#include "sync/plan.hpp"

namespace crewsync::engine {

// What a finished operation did. `remote_id` is the Procore record it wrote (the new one for a
// create), `local_id` the crewsync record (the new one for an import).
std::string DescribeDone(const sync::Operation& op, sync::ProcoreId remote_id,
                         std::int64_t local_id);

// Why an operation failed: Procore's field messages in words when it gave any ("e-mail
// address: has already been taken"), else the error's message.
std::string DescribeFailure(const Error& error);
std::string DescribeProblems(const std::vector<FieldProblem>& problems);

// "first name" for "first_name"; the key itself when the sync core has no such field.
std::string FieldLabel(sync::LocalKind kind, const std::string& key);

}  // namespace crewsync::engine
