// Internal to the Procore client: the small resources' JSON (identity, classifications,
// permission templates, timecards, timesheets, webhooks) read tolerantly with nlohmann::json.
// The large Directory and project lists go through directory_json.hpp's simdjson decoders.
//
// Tolerant means: a missing field or null leaves the default (0, "", false, no date), numbers
// written as text are read ("30" minutes), and Procore's nested references ({"party": {"id"}})
// stand in for flat ids. A value of another type, or a body that is not the documented shape,
// is kRemoteBug with a message naming the call and the field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/error.hpp"
#include "procore/resources.hpp"

namespace crewsync::procore::internal {

using Json = nlohmann::json;

// Compact JSON text; invalid UTF-8 in a string becomes U+FFFD instead of throwing.
std::string Dump(const Json& value);

// Reads the fields of one JSON object; keeps the first problem.
class ObjectReader {
public:
    explicit ObjectReader(const Json& object) : object_(object) {}

    void Id(const char* key, std::int64_t& out);  // an integer, or its digits as text
    void RequiredId(const char* key, std::int64_t& out);
    void Text(const char* key, std::string& out);  // a string; a number becomes its digits
    void Flag(const char* key, bool& out);
    void Integer(const char* key, std::int64_t& out);  // a whole number, or its text
    void Day(const char* key, std::optional<Date>& out);
    void Time(const char* key, Timestamp& out);
    // {"key": {"id": N}}: `out` is left alone when the reference is missing or null.
    void NestedId(const char* key, std::int64_t& out);
    // Present and not null.
    bool Has(const char* key) const;

    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }

private:
    const Json* Field(const char* key) const;  // null when missing or null
    void Problem(const char* key, const std::string& what);

    const Json& object_;
    std::string problem_;
};

template <class Record>
using ObjectDecoder = void (*)(ObjectReader&, Record&);

// The body as JSON, or kRemoteBug naming `call`.
Result<Json> ParseAnswer(std::string_view call, std::string_view body);
// kRemoteBug naming `call`: its answer is not what Procore documents.
Error NotDocumented(std::string_view call, const std::string& what);

template <class Record>
Result<Record> DecodeObjectValue(std::string_view call, const Json& value,
                                 ObjectDecoder<Record> read, const std::string& where = "") {
    if (!value.is_object()) {
        return Fail(NotDocumented(call, (where.empty() ? "" : where + ": ") +
                                            "expected a JSON object, found " + value.type_name()));
    }
    Record record{};
    ObjectReader reader(value);
    read(reader, record);
    if (!reader.ok()) {
        return Fail(NotDocumented(call, (where.empty() ? "" : where + ".") + reader.problem()));
    }
    return record;
}

// One object.
template <class Record>
Result<Record> DecodeObject(std::string_view call, std::string_view body,
                            ObjectDecoder<Record> read) {
    CREWSYNC_ASSIGN_OR_RETURN(const Json doc, ParseAnswer(call, body));
    return DecodeObjectValue(call, doc, read);
}

// An array of objects; null stands for none.
template <class Record>
Result<std::vector<Record>> DecodeArrayValue(std::string_view call, const Json& value,
                                             ObjectDecoder<Record> read) {
    std::vector<Record> out;
    if (value.is_null()) return out;
    if (!value.is_array()) {
        return Fail(NotDocumented(call, std::string("expected a JSON array, found ") +
                                            value.type_name()));
    }
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        CREWSYNC_ASSIGN_OR_RETURN(Record record,
                                  DecodeObjectValue(call, value[i], read,
                                                    "[" + std::to_string(i) + "]"));
        out.push_back(std::move(record));
    }
    return out;
}

template <class Record>
Result<std::vector<Record>> DecodeArray(std::string_view call, std::string_view body,
                                        ObjectDecoder<Record> read) {
    CREWSYNC_ASSIGN_OR_RETURN(const Json doc, ParseAnswer(call, body));
    return DecodeArrayValue(call, doc, read);
}

void ReadMe(ObjectReader& in, Me& out);
void ReadCompany(ObjectReader& in, CompanySummary& out);
void ReadClassification(ObjectReader& in, RemoteClassification& out);
void ReadPermissionTemplate(ObjectReader& in, PermissionTemplate& out);
// The v1.0 nested shape ({"party": {"id"}, "project": {"id"}, …}) and v1.1's flat one alike.
void ReadTimecardEntry(ObjectReader& in, TimecardEntry& out);
void ReadTimesheet(ObjectReader& in, Timesheet& out);
void ReadHook(ObjectReader& in, WebhookHook& out);
void ReadTrigger(ObjectReader& in, WebhookTrigger& out);
void ReadDelivery(ObjectReader& in, WebhookDelivery& out);

}  // namespace crewsync::procore::internal
