// The timesheet push planned (product.md §6): which time entries become new Procore timecard
// entries, which update the timecard they created, which are unchanged, rejected or gone, and
// which workers and classifications must be created in Procore first. Pure: the engine loads the
// inputs and executes the plan (engine/time_push.hpp).
//
// Exactly once rests on the ledger: an entry with a "sent" ledger row is never created again,
// only updated when what would be sent differs from what was sent (compared as SentText).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/classification.hpp"
#include "model/date.hpp"
#include "model/person.hpp"
#include "model/project.hpp"
#include "model/time_entry.hpp"
#include "sync/remote.hpp"

namespace crewsync::sync {

// What crewsync sent for one entry (the engine's copy of the store's ledger row). Rows still
// "sending" are resolved by the engine before planning.
struct TimecardSent {
    std::int64_t time_entry_id = 0;
    ProcoreId timecard_id = 0;
    bool deleted = false;  // deleted in Procore (by crewsync, or found gone there)
    Date date{};
    std::string sent;      // SentText of what was sent
};

struct TimePushInput {
    std::vector<TimeEntry> entries;  // the entries to push: the date range and approval filter
                                     // already applied
    std::map<std::int64_t, Person> people;            // by id: every person the entries name
    std::map<std::int64_t, Project> projects;         // by id: every project the entries name
    std::map<std::int64_t, Classification> classifications;  // crewsync's, by id
    std::map<std::int64_t, ProcoreId> party_of;       // person id → linked Procore person
    std::map<std::int64_t, std::string> worker_held;  // person id → why no contact may be made
    std::map<std::int64_t, ProcoreId> procore_project_of;  // project id → linked Procore project
    std::vector<RemoteClassification> procore_classifications;
    std::vector<TimecardSent> ledger;
    std::set<std::int64_t> stored_entry_ids;  // every entry crewsync holds, in range or not
    std::optional<Date> from, to;             // the push's date range (inclusive), if any
    bool delete_removed = false;              // delete the timecards of deleted entries
    std::string origin_prefix = "crewsync:";
    std::string default_time_zone = "UTC";    // for projects without one
};

// A timecard entry as it will be written. Party and classification may still be unknown (0):
// then `contact_for` / `classification_name` name what the engine creates first.
struct TimecardDraft {
    std::int64_t time_entry_id = 0;
    std::int64_t person_id = 0;
    std::int64_t project_id = 0;
    ProcoreId project_procore_id = 0;
    ProcoreId party_id = 0;
    ProcoreId classification_id = 0;
    std::string classification_name;  // set when a classification is wanted
    ProcoreId cost_code_id = 0;
    std::string date;      // YYYY-MM-DD
    std::string hours;     // "8.00"; sent only without time in/out (Procore derives it then)
    std::string time_in;   // ISO 8601 with the project's offset, or ""
    std::string time_out;
    std::int64_t lunch_minutes = 0;
    std::string description;
    std::string origin_id;
    std::string label;     // "Jane Doe · 2026-11-16 · 8 h · P-100 Riverside"

    bool operator==(const TimecardDraft&) const = default;
};

// The canonical text of what a draft sends, for the ledger: equal text means nothing to send.
std::string SentText(const TimecardDraft& draft);

struct ContactToCreate {
    std::int64_t person_id = 0;
    std::string first_name, last_name, employee_id, origin_id, label;

    bool operator==(const ContactToCreate&) const = default;
};

struct ClassificationToCreate {
    std::string name, abbreviation;

    bool operator==(const ClassificationToCreate&) const = default;
};

struct TimecardUpdate {
    TimecardDraft draft;
    ProcoreId timecard_id = 0;

    bool operator==(const TimecardUpdate&) const = default;
};

// The ledger row of an entry crewsync no longer holds.
struct TimecardRemoval {
    std::int64_t time_entry_id = 0;
    ProcoreId timecard_id = 0;
    std::string date;
    bool delete_in_procore = false;  // else only reported

    bool operator==(const TimecardRemoval&) const = default;
};

// An entry that is not pushed, and why in plain words.
struct TimeRejection {
    std::int64_t time_entry_id = 0;
    std::string label;
    std::string reason;
    bool failed = true;  // false: skipped on purpose (e.g. its timecard was deleted in Procore)

    bool operator==(const TimeRejection&) const = default;
};

struct TimePlan {
    std::vector<ContactToCreate> contacts;
    std::vector<ClassificationToCreate> classifications;
    std::vector<TimecardDraft> creates;  // in entry order
    std::vector<TimecardUpdate> updates;
    std::vector<TimecardRemoval> removals;
    std::vector<TimeRejection> rejections;
    std::int64_t unchanged = 0;

    // Procore writes the plan makes (bulk creates counted per entry).
    std::int64_t Writes() const;
};

// The origin_id of an entry's timecard: "<prefix>time:<id>".
std::string TimeEntryOriginId(const std::string& prefix, std::int64_t time_entry_id);

TimePlan PlanTimePush(const TimePushInput& input);

}  // namespace crewsync::sync
