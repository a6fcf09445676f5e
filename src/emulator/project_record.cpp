#include "emulator/project_record.hpp"

#include "emulator/clock.hpp"
#include "emulator/project_time_zone.hpp"

namespace crewsync::emulator {
namespace {

bool HasInternalKeys(const Json& record) {
    if (!record.is_object()) return false;
    // Object keys are kept sorted, so any internal key sits at the prefix's lower bound.
    const auto& fields = record.get_ref<const Json::object_t&>();
    const auto it = fields.lower_bound(kInternalKeyPrefix);
    return it != fields.end() && it->first.rfind(kInternalKeyPrefix, 0) == 0;
}

Json FieldOr(const Json& record, const char* field) {
    const auto it = record.find(field);
    return it == record.end() ? Json(nullptr) : *it;
}

std::string NestedName(const Json& record, const char* object) {
    const auto it = record.find(object);
    return it != record.end() && it->is_object() ? ProjectText(*it, "name") : std::string();
}

Json CreatedBy(const Company& company, RecordId creator_id) {
    const Json* user = creator_id ? company.users.Find(creator_id) : nullptr;
    if (!user) return nullptr;
    return Json{{"id", creator_id},
                {"name", FieldOr(*user, "name")},
                {"login", FieldOr(*user, "email_address")}};
}

}  // namespace

Json NewProjectRecord(RecordId id, const Company& company, RecordId creator_id, Timestamp now) {
    const std::string at = IsoSeconds(now);
    Json project = {
        {"id", id}, {"name", nullptr}, {"display_name", nullptr}, {"project_number", nullptr},
        {"address", nullptr}, {"city", nullptr}, {"state_code", nullptr},
        {"country_code", nullptr}, {"zip", nullptr}, {"county", nullptr},
        {"time_zone", kDefaultProjectZone},
        {"tz_name", TzNameOf(kDefaultProjectZone).value_or("")},
        {"latitude", nullptr}, {"longitude", nullptr}, {"active", true},
        {"start_date", nullptr}, {"completion_date", nullptr},
        {"estimated_start_date", nullptr}, {"estimated_completion_date", nullptr},
        {"actual_start_date", nullptr}, {"projected_finish_date", nullptr},
        {"warranty_start_date", nullptr}, {"warranty_end_date", nullptr},
        {"total_value", nullptr}, {"estimated_value", nullptr}, {"estimated_budget", nullptr},
        {"description", nullptr}, {"square_feet", nullptr}, {"store_number", nullptr},
        {"accounting_project_number", nullptr}, {"designated_market_area", nullptr},
        {"flag", nullptr}, {"locale", nullptr}, {"phone", nullptr}, {"fax", nullptr},
        {"public_notes", nullptr}, {"code", nullptr}, {"sector", nullptr},
        {"work_scope", nullptr}, {"delivery_method", nullptr}, {"priority", nullptr},
        {"project_sector_id", nullptr}, {"parent_job_id", nullptr}, {"parent_job", nullptr},
        {"from_project_template_id", nullptr}, {"project_stage_id", nullptr},
        {"project_stage", nullptr}, {"stage", nullptr}, {"project_type", nullptr},
        {"program", nullptr}, {"office", nullptr}, {"departments", Json::array()},
        {"project_bid_type_id", nullptr}, {"project_bid_type", nullptr},
        {"project_owner_type_id", nullptr}, {"project_owner_type", nullptr},
        {"project_region_id", nullptr}, {"project_region", nullptr},
        {"standard_cost_code_list_id", nullptr}, {"origin_id", nullptr},
        {"origin_data", nullptr}, {"origin_code", nullptr},
        {"company", {{"id", company.id}, {"name", company.name}}},
        {"created_by", CreatedBy(company, creator_id)}, {"created_at", at}, {"updated_at", at},
        {"logo_id", nullptr}, {"logo_url", nullptr}, {"photo_id", nullptr},
        {"photo_url", nullptr}, {"is_demo", false}, {"template", false},
        {"is_erp_integrated", false}, {"owners_project_id", nullptr},
        {"inbound_email", nullptr}, {"inbound_email_address", nullptr},
        {"persistent_message", nullptr}, {"dictionary_type", nullptr},
        {"custom_fields", Json::object()}};
    return project;
}

bool ServiceAccountSees(const Json& project) {
    const auto it = project.find(kServiceAccountMemberKey);
    return it == project.end() || !it->is_boolean() || it->get<bool>();
}

void SetServiceAccountMember(Json& project, bool member) {
    if (member) {
        project.erase(kServiceAccountMemberKey);
    } else {
        project[kServiceAccountMemberKey] = false;
    }
}

const Json* VisibleProject(const Company& company, RecordId id) {
    const Json* project = id ? company.projects.Find(id) : nullptr;
    return project && ServiceAccountSees(*project) ? project : nullptr;
}

bool IsActiveProject(const Json& project) {
    const auto it = project.find("active");
    return it == project.end() || !it->is_boolean() || it->get<bool>();
}

std::string ProjectText(const Json& project, const char* field) {
    const auto it = project.find(field);
    return it != project.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const std::string& PublicProjectText(const Collection& projects, RecordId id,
                                     std::string& scratch) {
    const Json& record = *projects.Find(id);
    if (!HasInternalKeys(record)) return projects.Rendered(id);
    Json copy = record;
    for (auto it = copy.begin(); it != copy.end();) {
        it = it.key().rfind(kInternalKeyPrefix, 0) == 0 ? copy.erase(it) : std::next(it);
    }
    scratch = copy.dump();
    return scratch;
}

Json CompactProjectView(const Json& project, bool with_display_name) {
    Json view = {{"id", FieldOr(project, "id")}, {"name", FieldOr(project, "name")}};
    if (with_display_name) view["display_name"] = FieldOr(project, "display_name");
    return view;
}

Json IdOnlyProjectView(const Json& project) { return Json{{"id", FieldOr(project, "id")}}; }

Json MinimalProjectView(const Json& project) {
    Json view = Json::object();
    for (const char* field :
         {"id", "name", "display_name", "project_number", "address", "city", "state_code",
          "country_code", "zip", "county", "latitude", "longitude", "time_zone", "tz_name",
          "active", "company"}) {
        view[field] = FieldOr(project, field);
    }
    return view;
}

Json CompanyListProjectView(const Json& project) {
    const Json created_by = FieldOr(project, "created_by");
    std::string stage = NestedName(project, "project_stage");
    if (stage.empty()) stage = ProjectText(project, "stage");
    const std::string type = NestedName(project, "project_type");
    return Json{
        {"id", FieldOr(project, "id")},
        {"name", FieldOr(project, "name")},
        {"address",
         {{"street", FieldOr(project, "address")},
          {"city", FieldOr(project, "city")},
          {"state_code", FieldOr(project, "state_code")},
          {"zip", FieldOr(project, "zip")},
          {"country_code", FieldOr(project, "country_code")}}},
        {"stage_name", stage.empty() ? Json(nullptr) : Json(stage)},
        {"status_name", IsActiveProject(project) ? "Active" : "Inactive"},
        {"type_name", type.empty() ? Json(nullptr) : Json(type)},
        {"open_items", Json::array()},
        {"created_by", created_by.is_object()
                           ? Json{{"id", FieldOr(created_by, "id")},
                                  {"email", FieldOr(created_by, "login")}}
                           : Json(nullptr)}};
}

}  // namespace crewsync::emulator
