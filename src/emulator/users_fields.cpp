#include "emulator/users_fields.hpp"

#include <cctype>
#include <charconv>
#include <limits>
#include <string_view>

#include "emulator/user_record.hpp"
#include "model/text.hpp"

namespace crewsync::emulator {
namespace {

constexpr const char* kBlank = "can't be blank";

bool IsIdField(const std::string& name) {
    return name == "vendor_id" || name == "default_permission_template_id" ||
           name == "company_permission_template_id" || name == "work_classification_id";
}

// Text fields take text; numbers become their text, as Rails casts them ("zip": 94105).
bool ConvertText(const Json& value, Json& out, std::string& problem) {
    if (value.is_null()) {
        out = nullptr;
    } else if (value.is_string()) {
        if (!IsUtf8(value.get_ref<const std::string&>())) {
            problem = "is not valid UTF-8 text";
            return false;
        }
        out = value;
    } else if (value.is_number()) {
        out = value.dump();
    } else {
        problem = "must be text";
        return false;
    }
    return true;
}

bool ConvertInteger(const Json& value, Json& out, std::string& problem) {
    problem = "must be a whole number";
    if (value.is_null()) {
        out = nullptr;
        return true;
    }
    if (value.is_number_integer()) {
        if (value.is_number_unsigned() &&
            value.get<std::uint64_t>() >
                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return false;
        }
        out = value.get<std::int64_t>();
        return true;
    }
    if (!value.is_string()) return false;
    const std::string& text = value.get_ref<const std::string&>();
    if (text.empty()) {  // an empty form field clears the value
        out = nullptr;
        return true;
    }
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size()) return false;
    out = number;
    return true;
}

bool ConvertBoolean(const Json& value, Json& out, std::string& problem) {
    problem = "must be true or false";
    if (value.is_boolean()) {
        out = value;
        return true;
    }
    if (value.is_number_integer() && (value == 0 || value == 1)) {
        out = value == 1;
        return true;
    }
    if (!value.is_string()) return false;
    const std::string text = AsciiLower(value.get<std::string>());
    if (text == "true" || text == "1") {
        out = true;
    } else if (text == "false" || text == "0") {
        out = false;
    } else {
        return false;
    }
    return true;
}

// The picture arrives as a multipart file (its bytes are not kept; see ApplyUserFields).
bool ConvertFile(const Json& value, Json& out, std::string& problem) {
    if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
        out = nullptr;
        return true;
    }
    if (!value.is_string()) {
        problem = "must be a file uploaded as multipart/form-data";
        return false;
    }
    out = true;
    return true;
}

bool Convert(UserFieldKind kind, const Json& value, Json& out, std::string& problem) {
    switch (kind) {
        case UserFieldKind::kText: return ConvertText(value, out, problem);
        case UserFieldKind::kInteger: return ConvertInteger(value, out, problem);
        case UserFieldKind::kBoolean: return ConvertBoolean(value, out, problem);
        case UserFieldKind::kFile: return ConvertFile(value, out, problem);
    }
    return false;
}

bool AllOf(const std::string& text, int (*test)(int)) {
    for (char c : text) {
        if (!test(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

// ISO-3166 codes are upper case; "us" is taken as "US", "" as no code.
void CheckCode(Json& fields, Json& errors, const std::string& name, std::size_t min_size,
               std::size_t max_size, int (*test)(int), const std::string& problem) {
    const auto it = fields.find(name);
    if (it == fields.end() || !it->is_string()) return;
    std::string code(Trim(it->get<std::string>()));
    if (code.empty()) {
        *it = nullptr;
        return;
    }
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.size() < min_size || code.size() > max_size || !AllOf(code, test)) {
        AddFieldError(errors, name, problem);
        return;
    }
    *it = code;
}

void CheckRequiredText(Json& fields, Json& errors, const std::string& name, bool creating) {
    const auto it = fields.find(name);
    if (it == fields.end()) {
        if (creating) AddFieldError(errors, name, kBlank);
        return;
    }
    if (!it->is_string() || Trim(it->get<std::string>()).empty()) {
        AddFieldError(errors, name, kBlank);
    }
}

void CheckEmail(Json& fields, Json& errors) {
    const auto it = fields.find("email_address");
    if (it == fields.end() || !it->is_string()) return;
    const std::string email(Trim(it->get<std::string>()));
    if (email.empty()) return;  // reported as blank
    if (!LooksLikeEmail(email)) {
        AddFieldError(errors, "email_address", "is invalid");
        return;
    }
    *it = email;
}

void CheckNumbers(const Json& fields, Json& errors) {
    for (const auto& [name, value] : fields.items()) {
        if (!value.is_number_integer()) continue;
        const auto number = value.get<std::int64_t>();
        if (IsIdField(name) && number <= 0) AddFieldError(errors, name, "must be a positive id");
        if (name == "business_phone_extension" && number < 0) {
            AddFieldError(errors, name, "must be zero or more");
        }
    }
}

}  // namespace

void AddFieldError(Json& errors, const std::string& field, const std::string& message) {
    if (!errors.is_object()) errors = Json::object();
    Json& messages = errors[field];
    if (!messages.is_array()) messages = Json::array();
    messages.push_back(message);
}

bool IsUtf8(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            code = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            code = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            code = lead & 0x07u;
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3Fu);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            return false;
        }
        i += length;
    }
    return true;
}

CheckedUserFields CheckUserFields(const Json& input, bool creating) {
    CheckedUserFields checked;
    if (!input.is_object()) {
        AddFieldError(checked.errors, "base", "the user must be a JSON object");
        return checked;
    }
    for (const auto& [name, value] : input.items()) {
        const std::optional<UserFieldKind> kind = WritableUserFieldKind(name);
        if (!kind) continue;
        Json converted;
        std::string problem;
        if (Convert(*kind, value, converted, problem)) {
            checked.fields[name] = std::move(converted);
        } else {
            AddFieldError(checked.errors, name, problem);
        }
    }
    Json& fields = checked.fields;
    CheckRequiredText(fields, checked.errors, "last_name", creating);
    CheckRequiredText(fields, checked.errors, "email_address", creating);
    CheckEmail(fields, checked.errors);
    CheckCode(
        fields, checked.errors, "country_code", 2, 2, [](int c) { return std::isalpha(c); },
        "must be an ISO-3166 alpha-2 country code, such as US");
    CheckCode(
        fields, checked.errors, "state_code", 1, 3, [](int c) { return std::isalnum(c); },
        "must be an ISO-3166-2 subdivision code, such as CA");
    CheckNumbers(fields, checked.errors);
    return checked;
}

}  // namespace crewsync::emulator
