#include "emulator/webhook_payload.hpp"

namespace crewsync::emulator {
namespace {

Json IdOrNull(RecordId id) { return id == 0 ? Json(nullptr) : Json(id); }

}  // namespace

std::string NewUlid(Timestamp at, std::mt19937_64& random) {
    static constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // 128 bits: 48 of milliseconds, then 80 random.
    const auto ms = static_cast<std::uint64_t>(at.time_since_epoch().count());
    const std::uint64_t high = (ms << 16) | (random() & 0xFFFF);
    const std::uint64_t low = random();
    const auto bit = [&](int index) -> unsigned {  // bit `index` of the 128, 0 = lowest
        if (index >= 128) return 0;
        return static_cast<unsigned>(index >= 64 ? (high >> (index - 64)) & 1
                                                 : (low >> index) & 1);
    };
    std::string out;
    out.reserve(26);
    // 26 characters of 5 bits cover 130 bits: the top two are zero.
    for (int c = 0; c < 26; ++c) {
        unsigned value = 0;
        for (int b = 0; b < 5; ++b) value = (value << 1) | bit(129 - c * 5 - b);
        out.push_back(kCrockford[value]);
    }
    return out;
}

std::string EventTimestamp(Timestamp at) {
    std::string text = FormatTimestamp(at);  // "…:09.123Z"
    text.insert(text.size() - 1, "000");
    return text;
}

Json EventPayload(const ChangeEvent& event, std::int64_t event_id, const std::string& ulid,
                  const std::string& hook_api_version) {
    const bool v3 = hook_api_version == "v3.0";
    Json payload = {
        {"id", event_id},
        {"ulid", ulid},
        {"timestamp", EventTimestamp(event.at)},
        {"metadata",
         {{"source_user_id", IdOrNull(event.user_id)},
          {"source_project_id", IdOrNull(event.project_id)},
          {"source_operation_id", nullptr},
          {"source_company_id", IdOrNull(event.company_id)},
          {"source_application_id", nullptr}}},
        {"user_id", IdOrNull(event.user_id)},
        {"company_id", IdOrNull(event.company_id)},
        {"project_id", IdOrNull(event.project_id)},
        {"api_version", v3 ? "v3.0" : "v2.0"},
        {"event_type", event.event_type},
        {"resource_name", event.resource_name},
        {"resource_id", event.resource_id},
    };
    if (v3) payload["related_resources"] = Json::array();
    return payload;
}

}  // namespace crewsync::emulator
