// Procore's Directory and project lists as JSON ↔ the sync core's snapshot records.
//
// Decoding reads the arrays the list endpoints return (GET …/users, …/people, …/projects) with
// simdjson's on-demand parser, because a large company's Directory is 100,000 records of ~40
// fields each and only a dozen of them matter. Unknown fields are skipped; null stands for ""
// (strings), "not given" (dates) or the default (booleans). Encoding writes the same arrays the
// way Procore does, every common field included, for the emulator and for seed files.
//
// Decoding functions are thread-safe (each call has its own parser). On failure they return
// kInvalidArgument whose message and single FieldProblem name the array index and the field,
// e.g. "users[17].email_address: expected a string or null, found a number".
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "sync/remote.hpp"

namespace crewsync::procore {

// The zero bytes simdjson may read past the end of the text (its SIMDJSON_PADDING, checked in
// directory_json.cpp).
inline constexpr std::size_t kJsonPadding = 64;

// JSON text followed by kJsonPadding spare bytes, so a large list is decoded where it lies
// instead of being copied into a padded buffer first.
class PaddedJson {
public:
    PaddedJson() : PaddedJson(std::string_view()) {}
    explicit PaddedJson(std::string_view text);
    // Maps a whole file (read-only, private). kIo "cannot read PATH: REASON" when it cannot.
    static Result<PaddedJson> ReadFile(const std::string& path);

    std::string_view text() const { return std::string_view(buffer_.get(), size_); }
    std::size_t capacity() const { return size_ + kJsonPadding; }  // text plus padding

private:
    // Frees the buffer: unmaps a mapped file, deletes an allocated copy.
    struct Release {
        std::size_t mapped = 0;  // bytes mapped; 0 for a heap buffer
        void operator()(char* data) const;
    };

    explicit PaddedJson(std::size_t size);

    // The text, then kJsonPadding zero bytes. A file is mapped rather than read: a Directory
    // list can be 100 MB, and copying it would fault in as many fresh pages again.
    std::unique_ptr<char, Release> buffer_;
    std::size_t size_ = 0;
};

// GET /rest/v1.3/companies/{id}/users (and …/users/inactive): id (required), first_name,
// last_name, email_address, employee_id, mobile_phone, job_title, is_active, is_employee,
// origin_id, updated_at (ISO 8601, any offset; → UTC milliseconds).
Result<std::vector<sync::RemoteUser>> DecodeUsers(std::string_view json);
Result<std::vector<sync::RemoteUser>> DecodeUsers(const PaddedJson& json);

// GET /rest/v1.0/companies/{id}/people: the records whose user_id is null (Contacts); people
// with a user_id are Users and are read from the users list instead, so they are skipped.
// Fields: id, first_name, last_name, is_employee, employee_id, job_title, origin_id,
// updated_at, contact {is_active, email} (a top-level is_active is read when contact lacks it).
Result<std::vector<sync::RemoteContact>> DecodeContacts(std::string_view json);
Result<std::vector<sync::RemoteContact>> DecodeContacts(const PaddedJson& json);

// GET /rest/v1.1/projects?company_id=: id, name, project_number, active, start_date,
// completion_date ("YYYY-MM-DD", or a date-time whose date part is taken), address (a string,
// or an object {street, city, zip} as the company projects list gives it), city, zip,
// time zone (tz_name, the IANA name, when present; else time_zone, whose Rails names for US
// zones — "Central Time (US & Canada)" — become IANA names), origin_id, updated_at.
Result<std::vector<sync::RemoteProject>> DecodeProjects(std::string_view json);
Result<std::vector<sync::RemoteProject>> DecodeProjects(const PaddedJson& json);

// Arrays as Procore returns them: compact, every common response field present (null where
// crewsync has no value), the fields above exactly as given, so Decode(Encode(x)) == x.
// Values crewsync does not keep (created_at, vendor, permission template, …) are made up
// plausibly and deterministically from the record.
std::string EncodeUsers(const std::vector<sync::RemoteUser>& users);
std::string EncodeContacts(const std::vector<sync::RemoteContact>& contacts);
std::string EncodeProjects(const std::vector<sync::RemoteProject>& projects);

}  // namespace crewsync::procore
