// The HTTP seam: one request in, one response (or a transport failure) out. The real client is
// libcurl (curl_http_client.hpp); tests script a fake. Knows nothing of Procore.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace crewsync::http {

enum class Method { kGet, kPost, kPatch, kPut, kDelete };

// "GET", "POST", …
const char* MethodName(Method method);

// Header fields in the order received or to be sent. Names compare without case (RFC 9110).
class Headers {
public:
    Headers() = default;
    Headers(std::initializer_list<std::pair<std::string, std::string>> fields)
        : fields_(fields) {}

    void Add(std::string name, std::string value) {
        fields_.emplace_back(std::move(name), std::move(value));
    }
    // Replaces every field called `name` with one holding `value`.
    void Set(const std::string& name, std::string value);
    // The first field called `name`, or nullopt.
    std::optional<std::string_view> Find(std::string_view name) const;

    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
    bool empty() const { return fields_.empty(); }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

struct HttpRequest {
    Method method = Method::kGet;
    std::string url;  // absolute, already percent-encoded
    Headers headers;  // Content-Type belongs here when there is a body
    std::string body;
    // Overrides the client's total timeout for this request; 0 keeps the client's.
    std::chrono::milliseconds timeout{0};
};

struct HttpResponse {
    int status = 0;
    Headers headers;
    std::string body;
};

// Why no response arrived. What the caller may do next depends on whether the server can
// have acted on the request: a create that timed out after it was sent may have happened.
enum class TransportFailure {
    kConnect,         // could not resolve or connect: the request never left
    kTimeout,         // the connect or total timeout ran out
    kConnectionLost,  // the connection broke or closed before a whole response came back
    kTls,             // TLS handshake or certificate verification failed
    kOther,           // anything else (bad URL, out of memory, …)
};

// "connect", "timeout", "connection lost", "tls", "other".
const char* TransportFailureName(TransportFailure failure);

struct TransportError {
    TransportFailure kind = TransportFailure::kOther;
    bool request_sent = false;  // some of the request reached the server
    std::string message;        // libcurl's explanation; never holds header values or bodies
};

using HttpResult = tl::expected<HttpResponse, TransportError>;

// Sends requests one at a time. Implementations are not thread-safe: give each worker its own
// client (libcurl reuses connections and TLS sessions per client).
class HttpClient {
public:
    virtual ~HttpClient() = default;
    virtual HttpResult Send(const HttpRequest& request) = 0;
};

}  // namespace crewsync::http
