// A person's hours on a project on a date (product.md §2).
#pragma once

#include <optional>
#include <string>

#include "model/date.hpp"
#include "model/ids.hpp"

namespace crewsync {

enum class ApprovalStatus { kPending, kApproved };

struct TimeEntry {
    TimeEntryId id;
    PersonId person;
    ProjectId project;
    Date date{};
    // Either hours alone, or time in and time out (with an optional unpaid lunch);
    // with time in/out, `hours` holds the derived paid hours.
    Hours hours;
    std::optional<TimeOfDay> time_in;
    std::optional<TimeOfDay> time_out;
    int lunch_minutes = 0;
    std::string classification;  // a known classification name or ""
    std::string cost_code;
    std::string notes;
    ApprovalStatus approval = ApprovalStatus::kPending;
    // The entry's id in the system it came from (time clock, payroll), if any. Unique
    // when set: re-importing a file with refs updates entries instead of adding them.
    std::string source_ref;

    bool operator==(const TimeEntry&) const = default;
};

std::string_view Name(ApprovalStatus status);  // "pending" | "approved"
std::optional<ApprovalStatus> ParseApprovalStatus(std::string_view text);

// Fills `hours` from time in/out and lunch when hours were not given, so the
// stored entry always carries its paid hours. Leaves invalid shifts for validation.
void DeriveHours(TimeEntry& entry);

}  // namespace crewsync
