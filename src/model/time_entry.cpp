#include "model/time_entry.hpp"

#include "model/text.hpp"
#include "model/validation.hpp"

namespace crewsync {

std::string_view Name(ApprovalStatus status) {
    return status == ApprovalStatus::kApproved ? "approved" : "pending";
}

std::optional<ApprovalStatus> ParseApprovalStatus(std::string_view text) {
    const std::string s = AsciiLower(Trim(text));
    if (s == "pending" || s.empty()) return ApprovalStatus::kPending;
    if (s == "approved") return ApprovalStatus::kApproved;
    return std::nullopt;
}

void DeriveHours(TimeEntry& entry) {
    if (!entry.time_in || !entry.time_out || entry.hours.hundredths != 0) return;
    if (auto derived = HoursBetween(*entry.time_in, *entry.time_out, entry.lunch_minutes)) {
        entry.hours = *derived;
    }
}

}  // namespace crewsync
