#include "http/http_client.hpp"

#include <algorithm>
#include <cstddef>

namespace crewsync::http {

namespace {

// ASCII only and locale-free: field names are tokens (RFC 9110 §5.1), never UTF-8.
char AsciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (AsciiLower(a[i]) != AsciiLower(b[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

const char* MethodName(Method method) {
    switch (method) {
        case Method::kGet: return "GET";
        case Method::kPost: return "POST";
        case Method::kPatch: return "PATCH";
        case Method::kPut: return "PUT";
        case Method::kDelete: return "DELETE";
    }
    return "UNKNOWN";
}

const char* TransportFailureName(TransportFailure failure) {
    switch (failure) {
        case TransportFailure::kConnect: return "connect";
        case TransportFailure::kTimeout: return "timeout";
        case TransportFailure::kConnectionLost: return "connection lost";
        case TransportFailure::kTls: return "tls";
        case TransportFailure::kOther: return "other";
    }
    return "unknown";
}

void Headers::Set(const std::string& name, std::string value) {
    auto matches = [&name](const auto& field) { return EqualsIgnoreCase(field.first, name); };
    auto first = std::find_if(fields_.begin(), fields_.end(), matches);
    if (first == fields_.end()) {
        fields_.emplace_back(name, std::move(value));
        return;
    }
    // The replacement keeps the position of the first match so the send order stays stable.
    first->first = name;
    first->second = std::move(value);
    fields_.erase(std::remove_if(std::next(first), fields_.end(), matches), fields_.end());
}

std::optional<std::string_view> Headers::Find(std::string_view name) const {
    for (const auto& [field_name, value] : fields_) {
        if (EqualsIgnoreCase(field_name, name)) {
            return std::string_view(value);
        }
    }
    return std::nullopt;
}

}  // namespace crewsync::http
