#include "emulator/timecard_entry.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "emulator/timecard_request.hpp"
#include "emulator/timecard_time.hpp"
#include "emulator/timecard_time_types.hpp"
#include "emulator/timecard_timesheet.hpp"

namespace crewsync::emulator {
namespace {

constexpr std::array<const char*, 4> kApprovalStatuses = {"pending", "reviewed", "approved",
                                                          "completed"};

// Null, or a blank text a form field sends for "no value".
bool IsBlank(const Json& value) {
    return value.is_null() || (value.is_string() && value.get<std::string>().empty());
}

std::optional<double> NumberOf(const Json& value) {
    if (value.is_number()) return value.get<double>();
    if (!value.is_string()) return std::nullopt;
    const std::string text = value.get<std::string>();
    double number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number)) {
        return std::nullopt;
    }
    return number;
}

std::optional<std::int64_t> WholeNumberOf(const Json& value) {
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (!value.is_string()) return std::nullopt;
    const std::string text = value.get<std::string>();
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}

std::optional<bool> BooleanOf(const Json& value) {
    if (value.is_boolean()) return value.get<bool>();
    if (value == "true" || value == "1" || value == 1) return true;
    if (value == "false" || value == "0" || value == 0) return false;
    return std::nullopt;
}

// origin_id compared as text: 42 and "42" are the same origin.
std::string OriginText(const Json& origin_id) {
    if (origin_id.is_string()) return origin_id.get<std::string>();
    if (origin_id.is_number_integer()) return origin_id.dump();
    return "";
}

// The id of a nested {id, …} object of a record, or 0.
RecordId NestedId(const Json& record, const char* field) {
    const auto it = record.find(field);
    if (it == record.end() || !it->is_object()) return 0;
    return it->value("id", RecordId{0});
}

RecordId FlatId(const Json& record, const char* field) {
    const auto it = record.find(field);
    return it != record.end() && it->is_number_integer() ? it->get<RecordId>() : 0;
}

Json IdOrNull(RecordId id) { return id ? Json(id) : Json(nullptr); }

// {id, name: null, …}: things the emulator does not keep (cost codes, crews, locations), shown
// by the id the client sent.
Json Reference(RecordId id, Json extra = Json::object()) {
    if (id == 0) return nullptr;
    Json out = {{"id", id}, {"name", nullptr}};
    out.update(extra);
    return out;
}

std::string TextOf(const Json& record, const char* field) {
    const auto it = record.find(field);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct IdField {
    const char* name;
    RecordId EntryValues::*member;
};

constexpr std::array<IdField, 10> kIdFields = {{
    {"timecard_time_type_id", &EntryValues::time_type_id},
    {"party_id", &EntryValues::party_id},
    {"timesheet_id", &EntryValues::timesheet_id},
    {"cost_code_id", &EntryValues::cost_code_id},
    {"crew_id", &EntryValues::crew_id},
    {"sub_job_id", &EntryValues::sub_job_id},
    {"location_id", &EntryValues::location_id},
    {"line_item_type_id", &EntryValues::line_item_type_id},
    {"wbs_code_id", &EntryValues::wbs_code_id},
    {"work_classification_id", &EntryValues::work_classification_id},
}};

class EntryReader {
public:
    EntryReader(const Company& company, const Json& fields, OriginIdType origin_type,
                std::string prefix, EntryValues& values)
        : company_(company),
          fields_(fields),
          origin_type_(origin_type),
          prefix_(std::move(prefix)),
          values_(values) {}

    Json Read() {
        ReadDate();
        ReadTimes();
        ReadFlags();
        ReadTexts();
        ReadOrigin();
        ReadIds();
        ApplyHoursRule();
        CheckReferences();
        return errors_;
    }

private:
    void Fail(const std::string& field, const std::string& message) {
        errors_[prefix_ + field].push_back(message);
    }
    bool Failed(const std::string& field) const { return errors_.contains(prefix_ + field); }
    const Json* Given(const char* field) const {
        const auto it = fields_.find(field);
        return it == fields_.end() ? nullptr : &*it;
    }

    void ReadDate() {
        const Json* date = Given("date");
        const Json* datetime = Given("datetime");
        if (date && datetime && !IsBlank(*date) && !IsBlank(*datetime)) {
            return Fail("datetime", "can't be given together with date");
        }
        if (date && (!datetime || IsBlank(*datetime))) {
            if (IsBlank(*date)) {
                values_.date.clear();
            } else if (date->is_string() && IsIsoDate(date->get<std::string>())) {
                values_.date = date->get<std::string>();
                values_.datetime = values_.date + "T00:00:00Z";
            } else {
                Fail("date", "must be a date as YYYY-MM-DD");
            }
        } else if (datetime && !IsBlank(*datetime)) {
            const auto seconds = datetime->is_string()
                                     ? ParseIsoDateTime(datetime->get<std::string>())
                                     : std::nullopt;
            if (!seconds) return Fail("datetime", "must be an ISO 8601 date and time");
            values_.datetime = IsoOfSeconds(*seconds);
            values_.date = values_.datetime.substr(0, 10);
        }
        if (values_.date.empty() && !Failed("date")) Fail("date", "can't be blank");
    }

    void ReadTimes() {
        if (const Json* hours = Given("hours")) {
            if (IsBlank(*hours)) {
                values_.hours.reset();
            } else if (const auto number = NumberOf(*hours)) {
                values_.hours = *number;
            } else {
                Fail("hours", "is not a number");
            }
        }
        for (const auto& [name, member] : {std::pair{"time_in", &EntryValues::time_in},
                                           std::pair{"time_out", &EntryValues::time_out}}) {
            const Json* time = Given(name);
            if (!time) continue;
            if (IsBlank(*time)) {
                values_.*member = nullptr;
                continue;
            }
            const auto seconds =
                time->is_string() ? ParseIsoDateTime(time->get<std::string>()) : std::nullopt;
            if (!seconds) {
                Fail(name, "must be an ISO 8601 date and time");
                continue;
            }
            values_.*member = IsoOfSeconds(*seconds);
        }
        if (const Json* lunch = Given("lunch_time")) {
            if (IsBlank(*lunch)) {
                values_.lunch_time = nullptr;
            } else if (const auto minutes = WholeNumberOf(*lunch); minutes && *minutes >= 0) {
                values_.lunch_time = std::to_string(*minutes);
            } else {
                Fail("lunch_time", "must be a whole number of minutes");
            }
        }
    }

    void ReadFlags() {
        if (const Json* billable = Given("billable")) {
            if (const auto flag = BooleanOf(*billable)) {
                values_.billable = *flag;
            } else {
                Fail("billable", "must be true or false");
            }
        }
        if (const Json* status = Given("approval_status")) {
            bool known = false;
            for (const char* allowed : kApprovalStatuses) known = known || *status == allowed;
            if (known) {
                values_.approval_status = status->get<std::string>();
            } else {
                Fail("approval_status", "is not included in the list");
            }
        }
    }

    void ReadTexts() {
        for (const auto& [name, member] : {std::pair{"description", &EntryValues::description},
                                           std::pair{"origin_data", &EntryValues::origin_data}}) {
            const Json* text = Given(name);
            if (!text) continue;
            if (text->is_null() || text->is_string()) {
                values_.*member = *text;
            } else {
                Fail(name, "must be text");
            }
        }
    }

    void ReadOrigin() {
        const Json* origin = Given("origin_id");
        if (!origin) return;
        if (IsBlank(*origin)) {
            values_.origin_id = nullptr;
        } else if (origin_type_ == OriginIdType::kString) {
            if (origin->is_string()) {
                values_.origin_id = *origin;
            } else if (origin->is_number_integer()) {
                values_.origin_id = origin->dump();
            } else {
                Fail("origin_id", "must be text");
            }
        } else if (const auto number = WholeNumberOf(*origin)) {
            values_.origin_id = *number;
        } else {
            Fail("origin_id", "is not a number");
        }
    }

    void ReadIds() {
        for (const IdField& field : kIdFields) {
            const Json* given = Given(field.name);
            if (!given) continue;
            const auto id = IsBlank(*given) ? std::optional<RecordId>(0) : BodyId(*given);
            if (id) {
                values_.*field.member = *id;
            } else {
                Fail(field.name, "must be an id");
            }
        }
        if (values_.wbs_code_id && (values_.cost_code_id || values_.line_item_type_id)) {
            Fail("wbs_code_id", "can't be given together with cost_code_id or line_item_type_id");
        }
    }

    void ApplyHoursRule() {
        if (values_.time_in.is_string() && values_.time_out.is_string()) {
            if (Failed("time_in") || Failed("time_out") || Failed("lunch_time")) return;
            const auto in = ParseIsoDateTime(values_.time_in.get<std::string>());
            const auto out = ParseIsoDateTime(values_.time_out.get<std::string>());
            if (!in || !out) return;  // stored values were normalised; cannot happen
            if (*out <= *in) return Fail("time_out", "must be after time_in");
            std::int64_t minutes = (*out - *in) / 60;
            if (values_.lunch_time.is_string()) {
                minutes -= WholeNumberOf(values_.lunch_time).value_or(0);
            }
            if (minutes <= 0) {
                return Fail("lunch_time",
                            "must be shorter than the time between time_in and "
                            "time_out");
            }
            values_.hours = static_cast<double>(minutes) / 60.0;
        } else if (!values_.hours) {
            if (!Failed("hours")) Fail("hours", "can't be blank (or give time_in and time_out)");
            return;
        }
        if (*values_.hours <= 0) {
            Fail("hours", "must be greater than 0");
        } else if (*values_.hours > 24) {
            Fail("hours", "must be less than or equal to 24");
        }
    }

    void CheckReferences() {
        if (values_.party_id && PartySummary(company_, values_.party_id).is_null()) {
            Fail("party_id", "party not found");
        }
        if (values_.time_type_id == 0) values_.time_type_id = RegularTimeTypeId(company_);
        if (values_.time_type_id && !company_.timecard_time_types.Find(values_.time_type_id)) {
            Fail("timecard_time_type_id", "timecard time type not found");
        }
        if (values_.timesheet_id) {
            const Json* timesheet = company_.timesheets.Find(values_.timesheet_id);
            if (!timesheet || TimesheetProject(*timesheet) != values_.project_id) {
                Fail("timesheet_id", "timesheet not found in this project");
            }
        }
        if (values_.work_classification_id &&
            !company_.work_classifications.Find(values_.work_classification_id)) {
            Fail("work_classification_id", "work classification not found");
        }
    }

    const Company& company_;
    const Json& fields_;
    OriginIdType origin_type_;
    std::string prefix_;
    EntryValues& values_;
    Json errors_ = Json::object();
};

}  // namespace

EntryValues ValuesOf(const Json& record) {
    EntryValues values;
    values.project_id = NestedId(record, "project");
    values.date = TextOf(record, "date");
    values.datetime = TextOf(record, "datetime");
    values.hours = NumberOf(record.value("hours", Json()));
    values.time_in = record.value("time_in", Json());
    values.time_out = record.value("time_out", Json());
    values.lunch_time = record.value("lunch_time", Json());
    values.billable = record.value("billable", false);
    values.description = record.value("description", Json());
    values.approval_status = record.value("approval_status", "pending");
    values.origin_id = record.value("origin_id", Json());
    values.origin_data = record.value("origin_data", Json());
    values.time_type_id = NestedId(record, "timecard_time_type");
    values.party_id = NestedId(record, "party");
    values.timesheet_id = NestedId(record, "timesheet");
    values.cost_code_id = NestedId(record, "cost_code");
    values.crew_id = NestedId(record, "crew");
    values.sub_job_id = NestedId(record, "sub_job");
    values.location_id = NestedId(record, "location");
    values.line_item_type_id = FlatId(record, "line_item_type_id");
    values.wbs_code_id = FlatId(record, "wbs_code_id");
    values.work_classification_id = FlatId(record, "work_classification_id");
    return values;
}

Json ReadEntryValues(const Company& company, const Json& fields, OriginIdType origin_type,
                     const std::string& prefix, EntryValues& values) {
    return EntryReader(company, fields, origin_type, prefix, values).Read();
}

RecordId EntryWithOrigin(const Company& company, const Json& origin_id, RecordId except) {
    const std::string wanted = OriginText(origin_id);
    if (wanted.empty()) return 0;
    const auto live = [&](RecordId id, const Json& record) {
        const auto deleted = record.find("deleted_at");
        return id != except && (deleted == record.end() || deleted->is_null());
    };
    // Text origins are indexed; a push of thousands of entries must not scan them all per entry.
    if (const RecordId hit = company.timecard_entries.ByOrigin(wanted); hit != 0) {
        if (const Json* record = company.timecard_entries.Find(hit); record && live(hit, *record)) {
            return hit;
        }
    }
    // Whole-number origins (v1.0 writes them as numbers) are not: those are looked for in full.
    if (wanted.find_first_not_of("0123456789") != std::string::npos) return 0;
    for (const auto& [id, record] : company.timecard_entries.All()) {
        if (live(id, record) && OriginText(record.value("origin_id", Json())) == wanted) {
            return id;
        }
    }
    return 0;
}

Json CreatedByOf(const Company& company, RecordId user_id) {
    const Json* user = user_id ? company.users.Find(user_id) : nullptr;
    if (!user) return nullptr;
    return Json{{"id", user_id},
                {"login", user->value("email_address", Json())},
                {"name", user->value("name", Json())}};
}

Json PartySummary(const Company& company, RecordId party_id) {
    const Json* person = company.users.Find(party_id);
    if (!person) person = company.contacts.Find(party_id);
    if (!person) {
        // A user's party id may differ from its user id (v1.1+ users show party_id).
        for (const Collection* people : {&company.users, &company.contacts}) {
            for (const auto& [id, record] : people->All()) {
                if (FlatId(record, "party_id") == party_id) {
                    person = &record;
                    break;
                }
            }
            if (person) break;
        }
    }
    if (!person) return nullptr;
    std::string name = TextOf(*person, "name");
    if (name.empty()) {
        const std::string first = TextOf(*person, "first_name");
        const std::string last = TextOf(*person, "last_name");
        name = first.empty() || last.empty() ? first + last : first + " " + last;
    }
    return Json{{"id", party_id}, {"name", name}};
}

Json EntryRecord(const Company& company, const EntryValues& values, RecordId id,
                 const Json& created_by, const std::string& created_at,
                 const std::string& updated_at) {
    const Json* project = company.projects.Find(values.project_id);
    return Json{
        {"id", id},
        {"date", values.date},
        {"datetime", values.datetime},
        {"hours", HoursText(values.hours.value_or(0))},
        {"time_in", values.time_in},
        {"time_out", values.time_out},
        {"lunch_time", values.lunch_time},
        {"billable", values.billable},
        {"description", values.description},
        {"approval_status", values.approval_status},
        {"in_progress", false},
        {"signed", false},
        {"injured", false},
        {"origin_id", values.origin_id},
        {"origin_data", values.origin_data},
        {"timesheet", TimesheetSummary(company, values.timesheet_id)},
        {"cost_code", Reference(values.cost_code_id, {{"full_code", nullptr}})},
        {"sub_job", Reference(values.sub_job_id)},
        {"location", Reference(values.location_id)},
        {"party", PartySummary(company, values.party_id)},
        {"crew", Reference(values.crew_id)},
        {"login_information", nullptr},
        {"created_by", created_by},
        {"timecard_time_type", TimeTypeSummary(company, values.time_type_id)},
        {"project",
         {{"id", values.project_id},
          {"name", project ? project->value("name", Json()) : Json(nullptr)}}},
        {"line_item_type_id", IdOrNull(values.line_item_type_id)},
        {"wbs_code_id", IdOrNull(values.wbs_code_id)},
        {"work_classification_id", IdOrNull(values.work_classification_id)},
        {"custom_fields", Json::object()},
        {"created_at", created_at},
        {"updated_at", updated_at},
        {"deleted_at", nullptr},
        {"automatically_split_timecard_entries", Json::array()},
    };
}

Json EntryV11View(const Json& record, RecordId company_id) {
    const EntryValues values = ValuesOf(record);
    return Json{
        {"id", record["id"]},
        {"project_id", values.project_id},
        {"company_id", company_id},
        {"date", values.date},
        {"hours", record["hours"]},
        {"time_in", values.time_in},
        {"time_out", values.time_out},
        {"clock_in_time", nullptr},
        {"clock_out_time", nullptr},
        {"clock_in_id", nullptr},
        {"clock_out_id", nullptr},
        {"lunch_time", values.lunch_time},
        {"lunch_start_time", nullptr},
        {"lunch_stop_time", nullptr},
        {"lunch_clock_in_id", nullptr},
        {"lunch_clock_out_id", nullptr},
        {"description", values.description},
        {"billable", values.billable},
        {"timecard_time_type_id", IdOrNull(values.time_type_id)},
        {"cost_code_id", IdOrNull(values.cost_code_id)},
        {"wbs_code_id", IdOrNull(values.wbs_code_id)},
        {"line_item_type_id", IdOrNull(values.line_item_type_id)},
        {"work_classification_id", IdOrNull(values.work_classification_id)},
        {"party_id", IdOrNull(values.party_id)},
        {"timesheet_id", IdOrNull(values.timesheet_id)},
        {"location_id", IdOrNull(values.location_id)},
        {"crew_id", IdOrNull(values.crew_id)},
        {"approval_status", values.approval_status},
        {"approval_date", nullptr},
        {"approved_by_id", nullptr},
        {"origin_id", values.origin_id},
        {"origin_data", values.origin_data},
        {"sub_job_id", IdOrNull(values.sub_job_id)},
        {"signed", record.value("signed", false)},
        {"in_progress", record.value("in_progress", false)},
        {"created_at", record["created_at"]},
        {"updated_at", record["updated_at"]},
        {"deleted_at", record["deleted_at"]},
    };
}

}  // namespace crewsync::emulator
