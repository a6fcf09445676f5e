#include "emulator/classification_record.hpp"

#include "emulator/clock.hpp"
#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

// Rails casts numbers sent for a string column to text; anything else is no value.
Json TextOrNull(const Json& value) {
    if (value.is_string()) return std::string(Trim(value.get<std::string>()));
    if (value.is_number()) return value.dump();
    return nullptr;
}

void AddError(Json& errors, const std::string& field, const std::string& message) {
    errors[field].push_back(message);
}

}  // namespace

Json ApplyWorkClassification(const Company& company, const Json& fields, RecordId created_by,
                             Timestamp now, Json& record) {
    const bool creating = !record.contains("name");
    const RecordId id = record.at("id").get<RecordId>();
    Json errors = Json::object();
    Json name = creating ? Json(nullptr) : record["name"];
    if (creating || fields.contains("name")) name = TextOrNull(fields.value("name", Json()));
    if (!name.is_string() || name.get<std::string>().empty()) {
        AddError(errors, "name", "can't be blank");
    } else if (const RecordId other =
                   company.work_classifications.ByUnique(name.get<std::string>());
               other != 0 && other != id) {
        AddError(errors, "name", "has already been taken");
    }
    if (!errors.empty()) return errors;

    const std::string at = IsoSeconds(now);
    if (creating) {
        record = Json{{"id", id},
                      {"name", nullptr},
                      {"abbreviation", nullptr},
                      {"company_id", company.id},
                      {"deletable", true},
                      {"company_visible", true},
                      {"created_by_id", created_by ? Json(created_by) : Json(nullptr)},
                      {"project_ids", Json::array()},
                      {"created_at", at},
                      {"updated_at", at}};
    }
    record["name"] = name;
    if (fields.contains("abbreviation"))
        record["abbreviation"] = TextOrNull(fields["abbreviation"]);
    record["updated_at"] = at;
    return errors;
}

bool IsWorkClassificationView(const std::string& view) {
    return view == "compact" || view == "extended" || view == "ids_only" || view == "normal";
}

Json WorkClassificationView(const Json& record, const std::string& view) {
    if (view == "ids_only") return Json{{"id", record["id"]}};
    if (view == "compact") {
        return Json{{"id", record["id"]},
                    {"name", record["name"]},
                    {"abbreviation", record["abbreviation"]}};
    }
    return record;
}

}  // namespace crewsync::emulator
