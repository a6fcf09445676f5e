// Request values as Procore's Rails back end reads them: JSON of the declared type, or the text
// a form body brings ("true", "42"). Shared by the project and people routes. Each returns
// nullopt when the value cannot be read as that type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "emulator/collection.hpp"

namespace crewsync::emulator {

// A rejected request field: 422 {"errors": {field: [message]}}, or 409 for a taken origin_id.
struct FieldError {
    int status = 422;
    std::string field;
    std::string message;
};

// A string, null, or a whole number written as text (Rails casts it for a string column).
std::optional<Json> TextValue(const Json& value);
// true/false, or "true"/"false"/"1"/"0".
std::optional<bool> BooleanValue(const Json& value);
// A whole number, null, or one written in digits.
std::optional<Json> IntegerValue(const Json& value);
// A number, null, or one written as text.
std::optional<Json> NumberValue(const Json& value);

// "2026-02-29" is not one: a real calendar date written YYYY-MM-DD.
bool IsCalendarDate(std::string_view text);

// 1500000 → "1500000.0", 12.5 → "12.5": how Procore writes decimal amounts.
std::string DecimalText(double value);

// Whether the trimmed text is empty (Rails' blank? for strings; null is blank too).
bool IsBlank(const Json& value);

}  // namespace crewsync::emulator
