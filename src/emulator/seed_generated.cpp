#include "emulator/seed_generated.hpp"

#include "emulator/classification_record.hpp"
#include "emulator/clock.hpp"
#include "emulator/person_record.hpp"
#include "emulator/project_record.hpp"
#include "emulator/project_request.hpp"
#include "emulator/project_time_zone.hpp"
#include "emulator/user_record.hpp"
#include "model/date.hpp"
#include "synth/company.hpp"

namespace crewsync::emulator {
namespace {

Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json DateOrNull(const std::optional<Date>& date) {
    return date ? Json(FormatDate(*date)) : Json(nullptr);
}

synth::CompanyShape ShapeOf(const GeneratedCompany& generated) {
    synth::CompanyShape shape;
    shape.seed = generated.seed;
    shape.people = generated.people;
    if (generated.users <= 0) return shape;
    // Directory-only users make up what the people's counterparts leave short of `users`.
    shape.directory_only = 0;
    shape.directory_only_share_user = 1.0;
    const auto counterparts =
        static_cast<std::int64_t>(synth::GenerateCompany(shape).remote.users.size());
    shape.directory_only = std::max<std::int64_t>(0, generated.users - counterparts);
    return shape;
}

}  // namespace

GeneratedCounts AddGeneratedRecords(State& state, Company& company,
                                    const GeneratedCompany& generated, Timestamp now) {
    const synth::Company source = synth::GenerateCompany(ShapeOf(generated));
    GeneratedCounts counts;
    for (const sync::RemoteUser& u : source.remote.users) {
        Json user = NewUserRecord(state.NextId(),
                                  Json{{"first_name", TextOrNull(u.first_name)},
                                       {"last_name", TextOrNull(u.last_name)},
                                       {"email_address", TextOrNull(u.email)},
                                       {"employee_id", TextOrNull(u.employee_id)},
                                       {"mobile_phone", TextOrNull(u.mobile_phone)},
                                       {"job_title", TextOrNull(u.job_title)},
                                       {"is_active", u.active},
                                       {"is_employee", u.is_employee},
                                       {"origin_id", TextOrNull(u.origin_id)}},
                                  now);
        user["updated_at"] = IsoSeconds(u.updated_at);
        company.users.Put(std::move(user));
        ++counts.users;
    }
    for (const sync::RemoteContact& c : source.remote.contacts) {
        Json contact = NewContactRecord(state.NextId(), now);
        contact["first_name"] = TextOrNull(c.first_name);
        contact["last_name"] = TextOrNull(c.last_name);
        contact["employee_id"] = TextOrNull(c.employee_id);
        contact["job_title"] = TextOrNull(c.job_title);
        contact["is_employee"] = c.is_employee;
        contact["origin_id"] = TextOrNull(c.origin_id);
        contact["updated_at"] = IsoSeconds(c.updated_at);
        SetPersonActive(contact, c.active);
        if (!c.email.empty()) contact["contact"]["email"] = c.email;
        company.contacts.Put(std::move(contact));
        ++counts.contacts;
    }
    for (const sync::RemoteProject& p : source.remote.projects) {
        Json project = NewProjectRecord(state.NextId(), company, 0, now);
        // The generator's values are valid by construction; read them as a request would be,
        // so derived fields (display_name, tz_name) come out as the API makes them.
        FieldError error;
        const std::optional<Json> fields = ReadProjectFields(
            Json{{"name", p.name},
                 {"project_number", TextOrNull(p.project_number)},
                 {"active", p.active},
                 {"start_date", DateOrNull(p.start_date)},
                 {"completion_date", DateOrNull(p.completion_date)},
                 {"address", TextOrNull(p.address)},
                 {"city", TextOrNull(p.city)},
                 {"zip", TextOrNull(p.zip)},
                 {"time_zone", p.time_zone.empty() ? Json(kDefaultProjectZone) : Json(p.time_zone)},
                 {"origin_id", TextOrNull(p.origin_id)}},
            ProjectWrite::kCreate, error);
        if (!fields) continue;  // a zone the emulator does not know: left out, not half-made
        ApplyProjectFields(project, *fields);
        project["updated_at"] = IsoSeconds(p.updated_at);
        company.projects.Put(std::move(project));
        ++counts.projects;
    }
    for (const sync::RemoteClassification& k : source.remote.classifications) {
        Json record = {{"id", state.NextId()}};
        if (!ApplyWorkClassification(company, Json{{"name", k.name}}, 0, now, record).empty()) {
            continue;  // a name the company already has
        }
        company.work_classifications.Put(std::move(record));
        ++counts.classifications;
    }
    return counts;
}

}  // namespace crewsync::emulator
