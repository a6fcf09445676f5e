#include "model/enums.hpp"

#include "model/text.hpp"

namespace crewsync {

std::string_view Name(RecordStatus status) {
    return status == RecordStatus::kActive ? "active" : "inactive";
}

std::string_view Name(PersonType type) {
    switch (type) {
        case PersonType::kUser: return "user";
        case PersonType::kAssignable: return "assignable";
        case PersonType::kBoth: return "both";
    }
    return "assignable";
}

std::string_view Name(PermissionLevel level) {
    switch (level) {
        case PermissionLevel::kNone: return "none";
        case PermissionLevel::kViewer: return "viewer";
        case PermissionLevel::kEditor: return "editor";
        case PermissionLevel::kAdmin: return "admin";
    }
    return "none";
}

std::optional<RecordStatus> ParseRecordStatus(std::string_view text) {
    const std::string s = AsciiLower(Trim(text));
    if (s == "active" || s == "yes" || s == "true" || s == "1") return RecordStatus::kActive;
    if (s == "inactive" || s == "no" || s == "false" || s == "0") return RecordStatus::kInactive;
    return std::nullopt;
}

std::optional<PersonType> ParsePersonType(std::string_view text) {
    const std::string s = AsciiLower(Trim(text));
    if (s == "user") return PersonType::kUser;
    if (s == "assignable") return PersonType::kAssignable;
    if (s == "both") return PersonType::kBoth;
    return std::nullopt;
}

std::optional<PermissionLevel> ParsePermissionLevel(std::string_view text) {
    const std::string s = AsciiLower(Trim(text));
    if (s == "none") return PermissionLevel::kNone;
    if (s == "viewer") return PermissionLevel::kViewer;
    if (s == "editor") return PermissionLevel::kEditor;
    if (s == "admin") return PermissionLevel::kAdmin;
    return std::nullopt;
}

}  // namespace crewsync
