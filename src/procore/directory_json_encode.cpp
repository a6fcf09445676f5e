// Encoding snapshot records as Procore's list responses. Speed matters little here (seed files,
// the emulator), so this is a plain writer; what matters is that the output looks like Procore's:
// the same keys in the same places, null where Procore has nothing, made-up but stable values
// for the fields crewsync does not keep.
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "procore/directory_json.hpp"
#include "procore/wire_values.hpp"

namespace crewsync::procore {
namespace {

// Compact JSON into a string; the caller says when objects and arrays start and end, the
// writer puts the commas.
class JsonOut {
public:
    explicit JsonOut(std::size_t reserve) { out_.reserve(reserve); }

    void BeginArray() { Open('['); }
    void EndArray() { Close(']'); }
    void BeginObject() { Open('{'); }
    void EndObject() { Close('}'); }
    void BeginObject(std::string_view key) {
        Key(key);
        out_.push_back('{');
        first_.push_back(true);
    }

    void String(std::string_view key, std::string_view value) {
        Key(key);
        Quoted(value);
    }
    // "" is written as null, as Procore does for a field it has no value for.
    void Text(std::string_view key, std::string_view value) {
        if (value.empty()) {
            Null(key);
        } else {
            String(key, value);
        }
    }
    void Int(std::string_view key, std::int64_t value) {
        Key(key);
        out_ += std::to_string(value);
    }
    void Bool(std::string_view key, bool value) {
        Key(key);
        out_ += value ? "true" : "false";
    }
    void Null(std::string_view key) {
        Key(key);
        out_ += "null";
    }
    void Time(std::string_view key, Timestamp at) { String(key, internal::FormatIsoTimestamp(at)); }
    void Day(std::string_view key, const std::optional<Date>& date) {
        if (date) {
            String(key, FormatDate(*date));
        } else {
            Null(key);
        }
    }

    std::string Take() { return std::move(out_); }

private:
    void Comma() {
        if (first_.empty()) return;
        if (!first_.back()) out_.push_back(',');
        first_.back() = false;
    }
    void Open(char c) {
        Comma();
        out_.push_back(c);
        first_.push_back(true);
    }
    void Close(char c) {
        out_.push_back(c);
        first_.pop_back();
    }
    void Key(std::string_view key) {
        Comma();
        Quoted(key);
        out_.push_back(':');
    }
    void Quoted(std::string_view text) {
        out_.push_back('"');
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out_.push_back('\\');
                out_.push_back(c);
            } else if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out_ += buf;
            } else {
                out_.push_back(c);
            }
        }
        out_.push_back('"');
    }

    std::string out_;
    std::vector<bool> first_;  // per open object or array: nothing written in it yet
};

// splitmix64: the made-up fields of a record are a function of its id, so encoding is
// deterministic without a random source.
std::uint64_t Mix(std::int64_t id, std::uint64_t salt) {
    std::uint64_t z = static_cast<std::uint64_t>(id) + salt * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// FNV-1a, so a vendor keeps its id from one run (and machine) to the next.
std::uint64_t HashText(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

struct Office {
    const char* street;
    const char* city;
    const char* state;
    const char* zip;
    const char* phone;
};
constexpr Office kOffices[] = {
    {"233 S Wacker Dr", "Chicago", "IL", "60606", "+1 312 555 0142"},
    {"1717 Main St", "Dallas", "TX", "75201", "+1 214 555 0178"},
    {"1801 California St", "Denver", "CO", "80202", "+1 303 555 0113"},
    {"600 Peachtree St NE", "Atlanta", "GA", "30308", "+1 404 555 0190"},
    {"1200 6th Ave", "Seattle", "WA", "98101", "+1 206 555 0155"},
};

struct Template {
    std::int64_t id;
    const char* name;
    const char* type;
};
constexpr Template kProjectTemplates[] = {
    {48211, "Field Staff", "global"},
    {48212, "Project Manager", "global"},
    {48215, "Subcontractor", "global"},
};

// "summit-ridge.com" → "Summit Ridge": a vendor name for a user's company when all we have is
// the e-mail.
std::string VendorName(std::string_view email) {
    const auto at = email.find('@');
    std::string_view domain = at == std::string_view::npos ? "" : email.substr(at + 1);
    domain = domain.substr(0, domain.find('.'));
    std::string out;
    bool start = true;
    for (char c : domain) {
        if (c == '-' || c == '_' || c == ' ') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
            start = true;
            continue;
        }
        out.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        start = false;
    }
    return out.empty() ? std::string("Unknown Vendor") : out;
}

// The first character of a name (a whole UTF-8 sequence), ASCII upper-cased.
std::string Initial(std::string_view name) {
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (name.empty()) return "";
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(name.front());
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    std::string out(name.substr(0, length));
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string FullName(std::string_view first, std::string_view last) {
    if (first.empty()) return std::string(last);
    if (last.empty()) return std::string(first);
    return std::string(first) + " " + std::string(last);
}

Timestamp DaysBefore(Timestamp at, std::uint64_t days) {
    return at - std::chrono::days(static_cast<std::int64_t>(days));
}

void WriteUser(JsonOut& j, const sync::RemoteUser& u) {
    const std::uint64_t h = Mix(u.id, 1);
    const Office& office = kOffices[h % std::size(kOffices)];
    const bool at_office = (h >> 8) % 3 != 0;
    j.BeginObject();
    j.Int("id", u.id);
    j.Text("address", at_office ? office.street : "");
    if ((h >> 12) % 5 == 0) {
        j.String("avatar", "https://storage.procore.com/api/v5/files/us1/avatars/" +
                               std::to_string(u.id) + "/medium.jpg");
    } else {
        j.Null("avatar");
    }
    j.Null("business_id");
    j.Text("business_phone", u.is_employee && at_office ? office.phone : "");
    if (u.is_employee && (h >> 16) % 4 == 0) {
        j.Int("business_phone_extension", static_cast<std::int64_t>(100 + (h >> 20) % 900));
    } else {
        j.Null("business_phone_extension");
    }
    j.Text("city", at_office ? office.city : "");
    j.Int("contact_id", 1'100'000'000 + static_cast<std::int64_t>((h >> 24) % 900'000'000));
    j.String("country_code", "US");
    j.Time("created_at", DaysBefore(u.updated_at, 30 + (h >> 30) % 1500));
    j.Text("email_address", u.email);
    j.Null("email_signature");
    j.Text("employee_id", u.employee_id);
    j.Bool("erp_integrated_accountant", false);
    j.Null("fax_number");
    j.Text("first_name", u.first_name);
    j.Text("initials", Initial(u.first_name) + Initial(u.last_name));
    j.Bool("is_active", u.active);
    j.Bool("is_employee", u.is_employee);
    j.Bool("is_insurance_manager", false);
    j.Text("job_title", u.job_title);
    if (u.active) {
        j.Null("last_activated_at");
    } else {
        j.Time("last_activated_at", DaysBefore(u.updated_at, 200 + (h >> 34) % 400));
    }
    if ((h >> 40) % 3 != 0) {
        j.Time("last_login_at", DaysBefore(u.updated_at, (h >> 42) % 60));
    } else {
        j.Null("last_login_at");
    }
    j.Text("last_name", u.last_name);
    j.Text("mobile_phone", u.mobile_phone);
    j.Text("name", FullName(u.first_name, u.last_name));
    j.Null("notes");
    j.Null("origin_data");
    j.Text("origin_id", u.origin_id);
    j.Text("state_code", at_office ? office.state : "");
    j.Time("updated_at", u.updated_at);
    j.Null("welcome_email_sent_at");
    j.Text("zip", at_office ? office.zip : "");
    if (u.work_classification_id != 0) {
        j.Int("work_classification_id", u.work_classification_id);
    } else {
        j.Null("work_classification_id");
    }
    const Template& pt = kProjectTemplates[u.is_employee ? (h >> 46) % 2 : 2];
    j.Int("default_permission_template_id", pt.id);
    j.Null("company_permission_template_id");
    j.BeginObject("permission_template");
    j.Int("id", pt.id);
    j.String("name", pt.name);
    j.Bool("project_specific", false);
    j.String("type", pt.type);
    j.EndObject();
    j.Null("company_permission_template");
    const std::string vendor = VendorName(u.email);
    j.BeginObject("vendor");
    j.Int("id", 560'000 + static_cast<std::int64_t>(HashText(vendor) % 400'000));
    j.String("name", vendor);
    j.EndObject();
    j.Bool("add_to_new_projects", false);
    j.Null("role");
    j.Bool("verified_employee", u.is_employee);
    j.EndObject();
}

void WriteContact(JsonOut& j, const sync::RemoteContact& c) {
    const std::uint64_t h = Mix(c.id, 3);
    j.BeginObject();
    j.Int("id", c.id);
    j.Text("first_name", c.first_name);
    j.Text("last_name", c.last_name);
    j.Text("name", FullName(c.first_name, c.last_name));
    j.Bool("is_employee", c.is_employee);
    j.Text("employee_id", c.employee_id);
    j.Null("user_id");
    j.Null("user_uuid");
    j.Null("work_classification_id");
    j.Text("origin_id", c.origin_id);
    j.Text("job_title", c.job_title);
    j.Time("created_at", DaysBefore(c.updated_at, 30 + h % 1500));
    j.Time("updated_at", c.updated_at);
    j.BeginObject("contact");
    j.Bool("is_active", c.active);
    j.Text("email", c.email);
    j.EndObject();
    j.EndObject();
}

void WriteProject(JsonOut& j, const sync::RemoteProject& p) {
    const std::uint64_t h = Mix(p.id, 5);
    static constexpr const char* kStages[] = {"Pre-Construction", "Course of Construction",
                                              "Post-Construction", "Bidding"};
    static constexpr const char* kTypes[] = {"Commercial", "Healthcare", "Education",
                                             "Multifamily", "Industrial"};
    j.BeginObject();
    j.Int("id", p.id);
    j.Text("name", p.name);
    j.Text("display_name", p.project_number.empty() ? p.name : p.project_number + " - " + p.name);
    j.Text("project_number", p.project_number);
    j.Text("address", p.address);
    j.Text("city", p.city);
    j.Null("state_code");
    j.String("country_code", "US");
    j.Text("zip", p.zip);
    j.Null("county");
    j.Text("time_zone", internal::RailsFromIana(p.time_zone));
    j.Text("tz_name", p.time_zone);
    j.Null("latitude");
    j.Null("longitude");
    j.Bool("active", p.active);
    j.Day("start_date", p.start_date);
    j.Day("completion_date", p.completion_date);
    j.Day("actual_start_date", p.start_date);
    j.Day("projected_finish_date", p.completion_date);
    const std::size_t stage = p.active ? h % 2 : 2;
    j.String("stage", kStages[stage]);
    j.BeginObject("project_stage");
    j.Int("id", 21'000 + static_cast<std::int64_t>(stage));
    j.String("name", kStages[stage]);
    j.EndObject();
    j.String("project_type", kTypes[(h >> 8) % std::size(kTypes)]);
    j.Null("program");
    j.Null("office");
    j.Null("company");
    j.Text("origin_id", p.origin_id);
    j.Null("origin_data");
    j.Null("origin_code");
    j.Time("created_at", DaysBefore(p.updated_at, 10 + (h >> 16) % 700));
    j.Time("updated_at", p.updated_at);
    j.Null("logo_url");
    j.Null("photo_url");
    j.Bool("is_demo", false);
    j.Bool("template", false);
    j.Null("flag");
    j.Null("phone");
    j.Null("description");
    j.Int("square_feet", static_cast<std::int64_t>(5'000 + (h >> 24) % 400'000));
    j.String("total_value", std::to_string(500'000 + (h >> 32) % 90'000'000) + ".0");
    j.EndObject();
}

template <class Record, class Write>
std::string EncodeList(const std::vector<Record>& records, std::size_t per_record, Write write) {
    JsonOut j(records.size() * per_record + 2);
    j.BeginArray();
    for (const Record& r : records) write(j, r);
    j.EndArray();
    return j.Take();
}

}  // namespace

std::string EncodeUsers(const std::vector<sync::RemoteUser>& users) {
    return EncodeList(users, 1200, &WriteUser);
}

std::string EncodeContacts(const std::vector<sync::RemoteContact>& contacts) {
    return EncodeList(contacts, 450, &WriteContact);
}

std::string EncodeProjects(const std::vector<sync::RemoteProject>& projects) {
    return EncodeList(projects, 1000, &WriteProject);
}

}  // namespace crewsync::procore
