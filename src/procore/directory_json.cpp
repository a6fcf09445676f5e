// Decoding Procore's list responses with simdjson on-demand: one pass over each object's
// fields in document order, a switch on the key, unknown fields skipped unread.
#include "procore/directory_json.hpp"

#include <simdjson.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "procore/wire_values.hpp"

namespace crewsync::procore {

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING, "PaddedJson must pad as much as simdjson reads");

namespace {

namespace od = simdjson::ondemand;

// What went wrong with one field of one record; the list adds where.
struct Problem {
    std::string field;
    std::string what;
};

const char* Found(od::json_type type) {
    switch (type) {
        case od::json_type::array: return "an array";
        case od::json_type::object: return "an object";
        case od::json_type::number: return "a number";
        case od::json_type::string: return "a string";
        case od::json_type::boolean: return "a boolean";
        case od::json_type::null: return "null";
    }
    return "something else";
}

bool Report(Problem& problem, std::string_view field, std::string what) {
    problem.field = std::string(field);
    problem.what = std::move(what);
    return false;
}

bool Malformed(Problem& problem, std::string_view field, simdjson::error_code error) {
    return Report(problem, field, std::string("is not valid JSON (") + simdjson::error_message(error) + ")");
}

// The value's type, or a problem when the JSON there is broken.
bool TypeOf(od::value& v, std::string_view field, od::json_type& type, Problem& problem) {
    if (const auto error = v.type().get(type)) return Malformed(problem, field, error);
    return true;
}

// A string (into `out`, pointing into the parser's buffer), or null for "".
bool ReadView(od::value& v, std::string_view field, std::string_view& out, Problem& problem) {
    od::json_type type;
    if (!TypeOf(v, field, type, problem)) return false;
    if (type == od::json_type::null) {
        out = {};
        return true;
    }
    if (type != od::json_type::string) {
        return Report(problem, field, std::string("expected a string or null, found ") + Found(type));
    }
    if (const auto error = v.get_string().get(out)) return Malformed(problem, field, error);
    return true;
}

// A string, or null for "". `numbers` also takes a number as its text (some integrations
// store employee and origin ids as numbers).
bool ReadText(od::value& v, std::string_view field, std::string& out, Problem& problem,
              bool numbers = false) {
    od::json_type type;
    if (!TypeOf(v, field, type, problem)) return false;
    if (type == od::json_type::string) {
        std::string_view text;
        if (const auto error = v.get_string().get(text)) return Malformed(problem, field, error);
        out.assign(text);
        return true;
    }
    if (type == od::json_type::null) {
        out.clear();
        return true;
    }
    if (numbers && type == od::json_type::number) {
        std::int64_t number = 0;
        if (v.get_int64().get(number)) {
            return Report(problem, field, "expected a string, an integer or null, found another number");
        }
        out = std::to_string(number);
        return true;
    }
    return Report(problem, field,
                std::string(numbers ? "expected a string, an integer or null, found "
                                    : "expected a string or null, found ") +
                    Found(type));
}

// true/false, or null for `fallback`.
bool ReadFlag(od::value& v, std::string_view field, bool& out, bool fallback, Problem& problem) {
    od::json_type type;
    if (!TypeOf(v, field, type, problem)) return false;
    if (type == od::json_type::null) {
        out = fallback;
        return true;
    }
    if (type != od::json_type::boolean) {
        return Report(problem, field, std::string("expected true, false or null, found ") + Found(type));
    }
    if (const auto error = v.get_bool().get(out)) return Malformed(problem, field, error);
    return true;
}

bool ReadId(od::value& v, std::string_view field, std::int64_t& out, Problem& problem) {
    od::json_type type;
    if (!TypeOf(v, field, type, problem)) return false;
    if (type != od::json_type::number) {
        return Report(problem, field, std::string("expected an integer, found ") + Found(type));
    }
    if (v.get_int64().get(out)) return Report(problem, field, "expected a 64-bit integer");
    return true;
}

// An integer, or null for 0 (a reference that is not set).
bool ReadOptionalId(od::value& v, std::string_view field, std::int64_t& out, Problem& problem) {
    od::json_type type;
    if (!TypeOf(v, field, type, problem)) return false;
    if (type == od::json_type::null) {
        out = 0;
        return true;
    }
    return ReadId(v, field, out, problem);
}

bool ReadTimestamp(od::value& v, std::string_view field, Timestamp& out, Problem& problem) {
    std::string_view text;
    if (!ReadView(v, field, text, problem)) return false;
    if (text.empty()) {
        out = Timestamp{};
        return true;
    }
    const auto at = internal::ParseIsoTimestamp(text);
    if (!at) {
        return Report(problem, field, "'" + std::string(text) + "' is not an ISO 8601 date-time");
    }
    out = *at;
    return true;
}

bool ReadDate(od::value& v, std::string_view field, std::optional<Date>& out, Problem& problem) {
    std::string_view text;
    if (!ReadView(v, field, text, problem)) return false;
    if (text.empty()) {
        out.reset();
        return true;
    }
    out = internal::ParseWireDate(text);
    if (!out) return Report(problem, field, "'" + std::string(text) + "' is not a date (YYYY-MM-DD)");
    return true;
}

// The key as it stands in the text, without unescaping it: a Procore record has ~40 keys and
// none of them holds an escape, so this saves copying 4 million keys of a large Directory into
// the parser's string buffer. A key written with an escape ("first\u005fname") is not
// recognised and is skipped like any unknown field.
std::string_view RawKey(const od::field& field) {
    const char* start = field.key().raw();
    const char* end = start;
    while (*end != '"') {
        if (*end == '\\') return {};  // escaped: no field crewsync reads
        ++end;
    }
    return std::string_view(start, static_cast<std::size_t>(end - start));
}

// Calls `read(key, value)` for every field of the object `v`; stops at the first problem.
template <class ReadField>
bool ForEachField(od::value& v, std::string_view where, Problem& problem, ReadField&& read) {
    od::object object;
    if (const auto error = v.get_object().get(object)) {
        od::json_type type;
        if (error == simdjson::INCORRECT_TYPE && v.type().get(type) == simdjson::SUCCESS) {
            return Report(problem, where, std::string("expected an object, found ") + Found(type));
        }
        return Malformed(problem, where, error);
    }
    for (auto field_or : object) {
        od::field field;
        if (const auto error = std::move(field_or).get(field)) return Malformed(problem, where, error);
        if (!read(RawKey(field), field.value())) return false;
    }
    return true;
}

// Per record: what the list needs besides the record itself.
struct Seen {
    bool id = false;
    bool skip = false;                  // contacts: a User in the People list
    std::optional<bool> contact_active; // contacts: contact.is_active
    std::optional<bool> top_active;     // contacts: is_active at the top level
};

bool ReadUserField(std::string_view key, od::value& v, sync::RemoteUser& u, Seen& seen,
                   Problem& problem) {
    if (key == "id") {
        seen.id = ReadId(v, key, u.id, problem);
        return seen.id;
    }
    if (key == "first_name") return ReadText(v, key, u.first_name, problem);
    if (key == "last_name") return ReadText(v, key, u.last_name, problem);
    if (key == "email_address") return ReadText(v, key, u.email, problem);
    if (key == "employee_id") return ReadText(v, key, u.employee_id, problem, true);
    if (key == "mobile_phone") return ReadText(v, key, u.mobile_phone, problem);
    if (key == "job_title") return ReadText(v, key, u.job_title, problem);
    if (key == "is_active") return ReadFlag(v, key, u.active, true, problem);
    if (key == "is_employee") return ReadFlag(v, key, u.is_employee, false, problem);
    if (key == "origin_id") return ReadText(v, key, u.origin_id, problem, true);
    if (key == "updated_at") return ReadTimestamp(v, key, u.updated_at, problem);
    if (key == "work_classification_id") {
        return ReadOptionalId(v, key, u.work_classification_id, problem);
    }
    return true;
}

bool ReadContactField(std::string_view key, od::value& v, sync::RemoteContact& c, Seen& seen,
                      Problem& problem) {
    if (key == "id") {
        seen.id = ReadId(v, key, c.id, problem);
        return seen.id;
    }
    if (key == "first_name") return ReadText(v, key, c.first_name, problem);
    if (key == "last_name") return ReadText(v, key, c.last_name, problem);
    if (key == "employee_id") return ReadText(v, key, c.employee_id, problem, true);
    if (key == "job_title") return ReadText(v, key, c.job_title, problem);
    if (key == "is_employee") return ReadFlag(v, key, c.is_employee, false, problem);
    if (key == "origin_id") return ReadText(v, key, c.origin_id, problem, true);
    if (key == "updated_at") return ReadTimestamp(v, key, c.updated_at, problem);
    if (key == "is_active") {
        bool active = true;
        if (!ReadFlag(v, key, active, true, problem)) return false;
        seen.top_active = active;
        return true;
    }
    if (key == "user_id") {
        od::json_type type;
        if (!TypeOf(v, key, type, problem)) return false;
        seen.skip = type != od::json_type::null;
        return true;
    }
    if (key == "contact") {
        od::json_type type;
        if (!TypeOf(v, key, type, problem)) return false;
        if (type == od::json_type::null) return true;
        return ForEachField(v, key, problem, [&](std::string_view sub, od::value& sv) {
            if (sub == "email") return ReadText(sv, "contact.email", c.email, problem);
            if (sub == "is_active") {
                bool active = true;
                if (!ReadFlag(sv, "contact.is_active", active, true, problem)) return false;
                seen.contact_active = active;
            }
            return true;
        });
    }
    return true;
}

bool ReadProjectField(std::string_view key, od::value& v, sync::RemoteProject& p, Seen& seen,
                      std::string& rails_zone, Problem& problem) {
    if (key == "id") {
        seen.id = ReadId(v, key, p.id, problem);
        return seen.id;
    }
    if (key == "name") return ReadText(v, key, p.name, problem);
    if (key == "project_number") return ReadText(v, key, p.project_number, problem, true);
    if (key == "active") return ReadFlag(v, key, p.active, true, problem);
    if (key == "start_date") return ReadDate(v, key, p.start_date, problem);
    if (key == "completion_date") return ReadDate(v, key, p.completion_date, problem);
    if (key == "city") return ReadText(v, key, p.city, problem);
    if (key == "zip") return ReadText(v, key, p.zip, problem, true);
    if (key == "tz_name") return ReadText(v, key, p.time_zone, problem);
    if (key == "time_zone") return ReadText(v, key, rails_zone, problem);
    if (key == "origin_id") return ReadText(v, key, p.origin_id, problem, true);
    if (key == "updated_at") return ReadTimestamp(v, key, p.updated_at, problem);
    if (key == "address") {
        od::json_type type;
        if (!TypeOf(v, key, type, problem)) return false;
        if (type != od::json_type::object) return ReadText(v, key, p.address, problem);
        // The company projects list nests the address.
        return ForEachField(v, key, problem, [&](std::string_view sub, od::value& sv) {
            if (sub == "street") return ReadText(sv, "address.street", p.address, problem);
            if (sub == "city") return ReadText(sv, "address.city", p.city, problem);
            if (sub == "zip") return ReadText(sv, "address.zip", p.zip, problem, true);
            return true;
        });
    }
    return true;
}

Error ListError(const char* list, std::size_t index, const Problem& problem) {
    const std::string where = std::string(list) + "[" + std::to_string(index) + "]";
    return Error(ErrorCode::kInvalidArgument, where + "." + problem.field + ": " + problem.what,
                 {FieldProblem{problem.field, problem.what, where}});
}

Error WholeError(const char* list, std::string what) {
    std::string message = std::string(list) + ": " + what;
    return Error(ErrorCode::kInvalidArgument, std::move(message),
                 {FieldProblem{"", std::move(what), list}});
}

// The array loop every list shares. `read(key, value, record, seen, problem)` reads one field;
// `finish(record, seen)` completes a record and says whether the list keeps it.
template <class Record, class ReadField, class Finish>
Result<std::vector<Record>> DecodeList(const PaddedJson& json, const char* list, ReadField read,
                                       Finish finish) {
    const simdjson::padded_string_view input(json.text().data(), json.text().size(),
                                             json.capacity());
    od::parser parser;
    od::document doc;
    if (const auto error = parser.iterate(input).get(doc)) {
        return crewsync::Fail(WholeError(list, std::string("not valid JSON (") +
                                                   simdjson::error_message(error) + ")"));
    }
    od::array array;
    if (const auto error = doc.get_array().get(array)) {
        od::json_type type;
        if (error == simdjson::INCORRECT_TYPE && doc.type().get(type) == simdjson::SUCCESS) {
            return crewsync::Fail(
                WholeError(list, std::string("expected a JSON array, found ") + Found(type)));
        }
        return crewsync::Fail(WholeError(list, std::string("not valid JSON (") +
                                                   simdjson::error_message(error) + ")"));
    }
    // Counting walks the array's structure once more but lets the vector be allocated once,
    // instead of moving 100,000 records each time it grows.
    std::size_t count = 0;
    if (const auto error = array.count_elements().get(count)) {
        return crewsync::Fail(WholeError(list, std::string("not valid JSON (") +
                                                   simdjson::error_message(error) + ")"));
    }
    std::vector<Record> out;
    out.reserve(count);
    std::size_t index = 0;
    Problem problem;
    for (auto element : array) {
        od::value value;
        if (const auto error = std::move(element).get(value)) {
            Malformed(problem, "", error);
            return crewsync::Fail(WholeError(
                list, "item " + std::to_string(index) + ": " + problem.what));
        }
        Record record;
        Seen seen;
        const bool ok = ForEachField(value, "", problem, [&](std::string_view key, od::value& v) {
            return read(key, v, record, seen, problem);
        });
        if (!ok) {
            if (problem.field.empty()) {
                return crewsync::Fail(WholeError(
                    list, "item " + std::to_string(index) + ": " + problem.what));
            }
            return crewsync::Fail(ListError(list, index, problem));
        }
        if (!seen.id) {
            return crewsync::Fail(ListError(list, index, {"id", "missing (every record has one)"}));
        }
        if (finish(record, seen)) out.push_back(std::move(record));
        ++index;
    }
    // Anything after the closing bracket is a broken response, not a longer list.
    const char* rest = nullptr;
    if (doc.current_location().get(rest) == simdjson::SUCCESS) {
        return crewsync::Fail(WholeError(list, "not valid JSON (text after the array)"));
    }
    return out;
}

}  // namespace

void PaddedJson::Release::operator()(char* data) const {
    if (mapped > 0) {
        ::munmap(data, mapped);
    } else {
        delete[] data;
    }
}

PaddedJson::PaddedJson(std::size_t size)
    : buffer_(new char[size + kJsonPadding], Release{}), size_(size) {
    std::memset(buffer_.get() + size, 0, kJsonPadding);
}

PaddedJson::PaddedJson(std::string_view text) : PaddedJson(text.size()) {
    if (!text.empty()) std::memcpy(buffer_.get(), text.data(), text.size());
}

Result<PaddedJson> PaddedJson::ReadFile(const std::string& path) {
    auto fail = [&](const std::string& reason) {
        return crewsync::Fail(ErrorCode::kIo, "cannot read " + path + ": " + reason);
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        const std::string reason = S_ISREG(info.st_mode) ? std::strerror(errno) : "not a file";
        ::close(fd);
        return fail(reason);
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t total = (size + kJsonPadding + page - 1) / page * page;
    // Zero pages for the whole extent first, then the file over their start: the padding past
    // the end of the file is then readable zeros, wherever in a page the file ends.
    void* region = ::mmap(nullptr, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        return fail(reason);
    }
    if (size > 0 && ::mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd,
                           0) == MAP_FAILED) {
        const std::string reason = std::strerror(errno);
        ::munmap(region, total);
        ::close(fd);
        return fail(reason);
    }
    ::close(fd);  // the mapping keeps the file
    PaddedJson json;
    json.buffer_ = std::unique_ptr<char, Release>(static_cast<char*>(region), Release{total});
    json.size_ = size;
    return json;
}

Result<std::vector<sync::RemoteUser>> DecodeUsers(const PaddedJson& json) {
    return DecodeList<sync::RemoteUser>(
        json, "users",
        [](std::string_view key, od::value& v, sync::RemoteUser& u, Seen& seen, Problem& problem) {
            return ReadUserField(key, v, u, seen, problem);
        },
        [](sync::RemoteUser&, const Seen&) { return true; });
}

Result<std::vector<sync::RemoteContact>> DecodeContacts(const PaddedJson& json) {
    return DecodeList<sync::RemoteContact>(
        json, "people",
        [](std::string_view key, od::value& v, sync::RemoteContact& c, Seen& seen,
           Problem& problem) { return ReadContactField(key, v, c, seen, problem); },
        [](sync::RemoteContact& c, const Seen& seen) {
            c.active = seen.contact_active.value_or(seen.top_active.value_or(true));
            return !seen.skip;
        });
}

Result<std::vector<sync::RemoteProject>> DecodeProjects(const PaddedJson& json) {
    std::string rails_zone;
    return DecodeList<sync::RemoteProject>(
        json, "projects",
        [&](std::string_view key, od::value& v, sync::RemoteProject& p, Seen& seen,
            Problem& problem) { return ReadProjectField(key, v, p, seen, rails_zone, problem); },
        [&](sync::RemoteProject& p, const Seen&) {
            // tz_name is the IANA name; time_zone only stands in when it is missing.
            if (p.time_zone.empty() && !rails_zone.empty()) {
                p.time_zone = std::string(internal::IanaFromRails(rails_zone));
            }
            rails_zone.clear();
            return true;
        });
}

Result<std::vector<sync::RemoteUser>> DecodeUsers(std::string_view json) {
    return DecodeUsers(PaddedJson(json));
}
Result<std::vector<sync::RemoteContact>> DecodeContacts(std::string_view json) {
    return DecodeContacts(PaddedJson(json));
}
Result<std::vector<sync::RemoteProject>> DecodeProjects(std::string_view json) {
    return DecodeProjects(PaddedJson(json));
}

}  // namespace crewsync::procore
