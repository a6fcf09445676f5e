// A request's user fields (the `user` object of create and update, one item of a sync) checked
// the way Procore's model validations would, before anything is stored.
#pragma once

#include "emulator/collection.hpp"

namespace crewsync::emulator {

struct CheckedUserFields {
    Json fields = Json::object();  // the writable fields, converted to their stored types
    Json errors = Json::object();  // {"field": ["message", …]}; empty when all is well
};

// Converts the writable fields of `input` (JSON values, or text from form bodies) and checks
// them: last_name and email_address must not be blank (and must be given when `creating`),
// email_address must look like an e-mail, codes must be ISO-3166 shaped, ids positive. Fields
// a client may not write are dropped. Checks that need the company (uniqueness, references)
// come later.
CheckedUserFields CheckUserFields(const Json& input, bool creating);

// Adds `message` to the messages of `field` in a Rails-style errors object.
void AddFieldError(Json& errors, const std::string& field, const std::string& message);

// Whether `text` is well-formed UTF-8 (form bodies are not checked by the JSON parser, and
// the records must stay printable as JSON).
bool IsUtf8(const std::string& text);

}  // namespace crewsync::emulator
