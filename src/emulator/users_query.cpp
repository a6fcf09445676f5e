#include "emulator/users_query.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "emulator/clock.hpp"
#include "emulator/http_support.hpp"
#include "emulator/user_record.hpp"
#include "model/date.hpp"
#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

struct SortName {
    const char* name;
    UserSort sort;
};

constexpr SortName kSortNames[] = {
    {"name", UserSort::kName},
    {"full_name", UserSort::kFullName},
    {"email", UserSort::kEmail},
    {"job_title", UserSort::kJobTitle},
    {"vendor_name", UserSort::kVendorName},
    {"permission_template", UserSort::kPermissionTemplate},
};

// The number written by the `count` digits at `at`, or -1.
int DigitsAt(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return -1;
    int number = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        number = number * 10 + (text[i] - '0');
    }
    return number;
}

// "2016-09-23T16:30:00Z", "…00.250Z", "…00+02:00" or "…00+0200" as an instant. (Hand-made:
// date::parse trips GCC 12's maybe-uninitialized warning in optimized builds.)
std::optional<Timestamp> ParseInstant(std::string_view text) {
    const std::optional<Date> day = ParseDate(text.substr(0, 10));
    if (!day || text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
        return std::nullopt;
    }
    const int hours = DigitsAt(text, 11, 2);
    const int minutes = DigitsAt(text, 14, 2);
    const int seconds = DigitsAt(text, 17, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
        return std::nullopt;
    }
    std::size_t at = 19;
    int milliseconds = 0;
    if (text[at] == '.') {
        const std::size_t first = ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            if (at - first < 3) milliseconds = milliseconds * 10 + (text[at] - '0');
            ++at;
        }
        if (at == first) return std::nullopt;
        for (std::size_t digits = at - first; digits < 3; ++digits) milliseconds *= 10;
    }
    std::chrono::minutes offset{0};
    const std::string_view zone = text.substr(at);
    if (zone != "Z") {
        const bool colon = zone.size() == 6 && zone[3] == ':';
        if ((zone.size() != 5 && !colon) || (zone[0] != '+' && zone[0] != '-')) {
            return std::nullopt;
        }
        const int zone_hours = DigitsAt(zone, 1, 2);
        const int zone_minutes = DigitsAt(zone, colon ? 4 : 3, 2);
        if (zone_hours < 0 || zone_hours > 23 || zone_minutes < 0 || zone_minutes > 59) {
            return std::nullopt;
        }
        offset = std::chrono::hours(zone_hours) + std::chrono::minutes(zone_minutes);
        if (zone[0] == '-') offset = -offset;
    }
    return Timestamp(std::chrono::sys_days(*day)) + std::chrono::hours(hours) +
           std::chrono::minutes(minutes) + std::chrono::seconds(seconds) +
           std::chrono::milliseconds(milliseconds) - offset;
}

// "2016-09-23T16:30:00": the first 19 characters of the records' timestamps.
std::string WholeSeconds(Timestamp at) { return IsoSeconds(at).substr(0, 19); }

// Every value of `name` and of `name[]`, comma lists split.
std::vector<std::string> ListParam(const httplib::Request& request, const std::string& name) {
    std::vector<std::string> values;
    for (const std::string& key : {name, name + "[]"}) {
        for (const std::string& value : Params(request, key)) {
            std::size_t at = 0;
            while (true) {
                const std::size_t comma = value.find(',', at);
                values.emplace_back(Trim(value.substr(at, comma - at)));
                if (comma == std::string::npos) break;
                at = comma + 1;
            }
        }
    }
    return values;
}

bool HasParam(const httplib::Request& request, const std::string& name) {
    return request.has_param(name) || request.has_param(name + "[]");
}

bool ReadIds(const httplib::Request& request, const std::string& name, std::vector<RecordId>& ids,
             std::string& error) {
    for (const std::string& text : ListParam(request, name)) {
        RecordId id = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (ec != std::errc() || end != text.data() + text.size() || id < 1) {
            error = name + " must hold ids (positive whole numbers, repeated as " + name +
                    "[]=… or separated by commas); '" + text + "' is not one";
            return false;
        }
        ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return true;
}

bool ReadWindow(const httplib::Request& request, const std::string& name,
                std::optional<TimeWindow>& window, std::string& error) {
    if (!request.has_param(name)) return true;
    TimeWindow read;
    if (!ReadTimeWindow(Param(request, name), read)) {
        error = name +
                " must be a range 'start...end' of ISO 8601 dates or UTC date-times, "
                "such as 2016-09-23T16:30:00Z...2016-09-23T17:00:00Z; got '" +
                Param(request, name) + "'";
        return false;
    }
    window = std::move(read);
    return true;
}

bool ReadSort(const httplib::Request& request, const std::vector<std::string>& sorts,
              UserQuery& query, std::string& error) {
    std::string text = Param(request, "sort");
    if (text.empty()) return true;
    query.descending = text.front() == '-';
    if (query.descending) text.erase(0, 1);
    const bool allowed = std::find(sorts.begin(), sorts.end(), text) != sorts.end();
    for (const SortName& known : kSortNames) {
        if (allowed && text == known.name) {
            query.sort = known.sort;
            return true;
        }
    }
    std::string names;
    for (const std::string& name : sorts) names += (names.empty() ? "" : ", ") + name;
    error = "sort must be one of " + names + " (a leading - sorts descending); got '" +
            Param(request, "sort") + "'";
    return false;
}

bool InWindow(const Json& user, const char* field, const std::optional<TimeWindow>& window) {
    if (!window) return true;
    const std::string at = UserText(user, field);
    if (at.size() < 19) return false;
    return at.compare(0, 19, window->from) >= 0 && at.compare(0, 19, window->to) <= 0;
}

RecordId NestedId(const Json& user, const char* object) {
    const auto it = user.find(object);
    if (it == user.end() || !it->is_object()) return 0;
    const auto id = it->find("id");
    return id != it->end() && id->is_number_integer() ? id->get<RecordId>() : 0;
}

std::string NestedName(const Json& user, const char* object) {
    const auto it = user.find(object);
    return it != user.end() && it->is_object() ? UserText(*it, "name") : std::string();
}

// filters[search] looks where Procore says it does: names, e-mail, job title, company name.
bool MatchesSearch(const Json& user, const std::string& needle) {
    for (const std::string& text : {UserText(user, "name"), UserText(user, "email_address"),
                                    UserText(user, "job_title"), NestedName(user, "vendor")}) {
        if (AsciiLower(text).find(needle) != std::string::npos) return true;
    }
    return false;
}

bool Matches(const UserQuery& query, RecordId id, const Json& user) {
    if (query.ids && !std::binary_search(query.ids->begin(), query.ids->end(), id)) return false;
    if (!query.origin_ids.empty() &&
        std::find(query.origin_ids.begin(), query.origin_ids.end(), UserText(user, "origin_id")) ==
            query.origin_ids.end()) {
        return false;
    }
    if (!InWindow(user, "created_at", query.created)) return false;
    if (!InWindow(user, "updated_at", query.updated)) return false;
    if (!query.vendor_ids.empty() &&
        std::find(query.vendor_ids.begin(), query.vendor_ids.end(), NestedId(user, "vendor")) ==
            query.vendor_ids.end()) {
        return false;
    }
    return query.search.empty() || MatchesSearch(user, query.search);
}

std::string SortKey(const Json& user, UserSort sort) {
    switch (sort) {
        case UserSort::kId: return "";
        // Directory order: last name, then first name.
        case UserSort::kName:
            return AsciiLower(UserText(user, "last_name")) + '\x01' +
                   AsciiLower(UserText(user, "first_name"));
        case UserSort::kFullName: return AsciiLower(UserText(user, "name"));
        case UserSort::kEmail: return AsciiLower(UserText(user, "email_address"));
        case UserSort::kJobTitle: return AsciiLower(UserText(user, "job_title"));
        case UserSort::kVendorName: return AsciiLower(NestedName(user, "vendor"));
        case UserSort::kPermissionTemplate:
            return AsciiLower(NestedName(user, "permission_template"));
    }
    return "";
}

void Sort(const Collection& users, const UserQuery& query, std::vector<RecordId>& ids) {
    if (query.sort == UserSort::kId) {
        if (query.descending) std::reverse(ids.begin(), ids.end());
        return;
    }
    std::vector<std::pair<std::string, RecordId>> keyed;
    keyed.reserve(ids.size());
    for (RecordId id : ids) keyed.emplace_back(SortKey(*users.Find(id), query.sort), id);
    // Ties keep id order either way, so pages stay stable.
    std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return query.descending ? a.first > b.first : a.first < b.first;
        return a.second < b.second;
    });
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = keyed[i].second;
}

}  // namespace

bool ReadTimeWindow(const std::string& text, TimeWindow& window) {
    std::string from_text;
    std::string to_text;
    if (!ParseTimeRange(text, from_text, to_text)) return false;
    const std::optional<Timestamp> from = ParseInstant(from_text);
    const std::optional<Timestamp> to = ParseInstant(to_text);
    if (!from || !to) return false;
    // Records hold whole seconds: a start inside a second begins at the next one.
    window.from = WholeSeconds(std::chrono::ceil<std::chrono::seconds>(*from));
    window.to = WholeSeconds(*to);  // IsoSeconds drops the fraction
    return true;
}

bool ReadUserQuery(const httplib::Request& request, const std::vector<std::string>& sorts,
                   UserQuery& query, std::string& error) {
    if (HasParam(request, "filters[id]")) {
        query.ids.emplace();
        if (!ReadIds(request, "filters[id]", *query.ids, error)) return false;
    }
    if (!ReadIds(request, "filters[vendor_id]", query.vendor_ids, error)) return false;
    for (const std::string& key :
         {std::string("filters[origin_id]"), std::string("filters[origin_id][]")}) {
        for (const std::string& origin : Params(request, key)) {
            if (origin.empty()) {
                error = "filters[origin_id] must not be empty";
                return false;
            }
            query.origin_ids.push_back(origin);
        }
    }
    if (!ReadWindow(request, "filters[created_at]", query.created, error) ||
        !ReadWindow(request, "filters[updated_at]", query.updated, error)) {
        return false;
    }
    query.search = AsciiLower(Trim(Param(request, "filters[search]")));
    if (HasParam(request, "filters[trade_id]")) {
        error = "filters[trade_id] is not supported by the emulator (it keeps no vendor trades)";
        return false;
    }
    return ReadSort(request, sorts, query, error);
}

namespace {

bool Unfiltered(const UserQuery& query) {
    return !query.ids && query.origin_ids.empty() && !query.created && !query.updated &&
           query.search.empty() && query.vendor_ids.empty();
}

}  // namespace

UserSelection SelectUsers(const Collection& users, const UserQuery& query, bool active) {
    if (Unfiltered(query) && query.sort == UserSort::kId && !query.descending) {
        // The common case, a sync reading the whole Directory page by page: one pass per
        // change of the Directory, not one per page.
        std::string name = active ? "active" : "inactive";
        IdList ids = users.IdsWhere(
            name, [active](const Json& user) { return IsActiveUser(user) == active; });
        return {std::move(ids), std::move(name)};
    }
    std::vector<RecordId> ids;
    const auto consider = [&](RecordId id, const Json& user) {
        if (IsActiveUser(user) == active && Matches(query, id, user)) ids.push_back(id);
    };
    if (query.ids || !query.origin_ids.empty()) {
        // Look the few asked-for users up instead of walking the whole Directory.
        std::vector<RecordId> candidates;
        if (query.ids) {
            candidates = *query.ids;
        } else {
            for (const std::string& origin : query.origin_ids) {
                if (const RecordId id = users.ByOrigin(origin)) candidates.push_back(id);
            }
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        }
        for (RecordId id : candidates) {
            if (const Json* user = users.Find(id)) consider(id, *user);
        }
    } else {
        ids.reserve(users.size());
        for (const auto& [id, user] : users.All()) consider(id, user);
    }
    Sort(users, query, ids);
    return {std::make_shared<const std::vector<RecordId>>(std::move(ids)), ""};
}

}  // namespace crewsync::emulator
