// Which users a list request asks for: the filters and sort of
// GET /rest/vX/companies/{company_id}/users and …/users/inactive (procore-api.md §3.2).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

// An inclusive range of whole UTC seconds as "YYYY-MM-DDTHH:MM:SS", which compares as text
// with the first 19 characters of the records' timestamps.
struct TimeWindow {
    std::string from;
    std::string to;
};

enum class UserSort { kId, kName, kFullName, kEmail, kJobTitle, kVendorName, kPermissionTemplate };

struct UserQuery {
    std::optional<std::vector<RecordId>> ids;  // filters[id], sorted, without repeats
    std::vector<std::string> origin_ids;       // filters[origin_id]: any of these
    std::optional<TimeWindow> created;
    std::optional<TimeWindow> updated;
    std::string search;                // filters[search], lower-cased; "" for none
    std::vector<RecordId> vendor_ids;  // filters[vendor_id]: any of these
    UserSort sort = UserSort::kId;
    bool descending = false;
};

// Reads the filters and `sort` (one of `sorts`, optionally with a leading "-"). False with a
// message naming the offending parameter when a value is malformed or unsupported.
bool ReadUserQuery(const httplib::Request& request, const std::vector<std::string>& sorts,
                   UserQuery& query, std::string& error);

// The ids of the users that are active (or inactive, per `active`) and match `query`, in the
// order it asks for. `list_name` names a list the collection keeps until it changes (the
// whole active or inactive Directory in id order), so its pages may be cached under that
// name; "" for a list made for this request alone.
struct UserSelection {
    IdList ids;
    std::string list_name;
};
UserSelection SelectUsers(const Collection& users, const UserQuery& query, bool active);

// "2016-09-23T16:30:00Z...2016-09-23T17:00:00Z" or "2016-09-23...2016-09-24" (offsets such as
// +02:00 are converted to UTC) as a window; false when malformed.
bool ReadTimeWindow(const std::string& text, TimeWindow& window);

}  // namespace crewsync::emulator
