#include "http/curl_http_client.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <curl/curl.h>

namespace crewsync::http {

namespace {

struct CurlEasyCleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasyHandle = std::unique_ptr<CURL, CurlEasyCleanup>;

struct CurlSlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// Move-only owner of a libcurl header list.
class CurlHeaderList {
public:
    // False when libcurl ran out of memory; the list built so far stays owned.
    bool Append(const std::string& line) {
        curl_slist* head = curl_slist_append(list_.get(), line.c_str());
        if (head == nullptr) {
            return false;
        }
        // Appending to a non-empty list returns the same head; only the first append is new.
        if (!list_) {
            list_.reset(head);
        }
        return true;
    }
    curl_slist* get() const { return list_.get(); }

private:
    std::unique_ptr<curl_slist, CurlSlistFree> list_;
};

// Puts the handle back to its defaults when Send leaves, so an idle handle never points at a
// freed header list, a caller's body or a finished error buffer. Connections survive a reset.
class ResetOnExit {
public:
    explicit ResetOnExit(CURL* handle) : handle_(handle) {}
    ~ResetOnExit() { curl_easy_reset(handle_); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    CURL* handle_;
};

// What the callbacks fill in during one curl_easy_perform.
struct Transfer {
    std::string body;
    std::vector<std::pair<std::string, std::string>> header_fields;
    bool out_of_memory = false;
};

constexpr std::string_view kWhitespace = " \t";

std::string_view Trim(std::string_view text) {
    const auto first = text.find_first_not_of(kWhitespace);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kWhitespace);
    return text.substr(first, last - first + 1);
}

void AddHeaderLine(Transfer& transfer, std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    if (line.empty()) {
        return;
    }
    // Each status line starts a new response (a 1xx, a proxy's CONNECT answer); only the last
    // response's fields describe the body the caller gets.
    if (line.starts_with("HTTP/")) {
        transfer.header_fields.clear();
        return;
    }
    // Obsolete line folding (RFC 9112 §5.2): the line continues the previous field's value.
    if (line.front() == ' ' || line.front() == '\t') {
        if (!transfer.header_fields.empty()) {
            std::string& value = transfer.header_fields.back().second;
            value.push_back(' ');
            value.append(Trim(line));
        }
        return;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return;
    }
    transfer.header_fields.emplace_back(std::string(Trim(line.substr(0, colon))),
                                        std::string(Trim(line.substr(colon + 1))));
}

// libcurl is C: an exception must not unwind through it. Returning a short count makes libcurl
// abort the transfer with CURLE_WRITE_ERROR.
std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    try {
        transfer->body.append(data, bytes);
    } catch (...) {
        transfer->out_of_memory = true;
        return 0;
    }
    return bytes;
}

std::size_t WriteHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    try {
        AddHeaderLine(*transfer, std::string_view(data, bytes));
    } catch (...) {
        transfer->out_of_memory = true;
        return 0;
    }
    return bytes;
}

TransportFailure Classify(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
            return TransportFailure::kConnect;
        case CURLE_OPERATION_TIMEDOUT:
            return TransportFailure::kTimeout;
        case CURLE_GOT_NOTHING:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_PARTIAL_FILE:
        // An HTTP/2 stream reset or a broken framing layer loses the response the same way a
        // closed HTTP/1.1 connection does.
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return TransportFailure::kConnectionLost;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CLIENTCERT:
            return TransportFailure::kTls;
        default:
            return TransportFailure::kOther;
    }
}

// Values this short are too common to scrub without mangling the message (and too short to be
// a credential worth hiding).
constexpr std::size_t kMinRedactedLength = 8;

// libcurl's messages name hosts and ports, never header values or bodies; scrubbing the
// request's header values anyway keeps the contract even if a future libcurl says more.
void Redact(std::string& message, const HttpRequest& request) {
    for (const auto& [name, value] : request.headers.fields()) {
        if (value.size() < kMinRedactedLength) {
            continue;
        }
        constexpr std::string_view kMark = "[redacted]";
        for (auto at = message.find(value); at != std::string::npos;
             at = message.find(value, at + kMark.size())) {
            message.replace(at, value.size(), kMark);
        }
    }
}

TransportError MakeError(TransportFailure kind, bool request_sent, std::string message) {
    return TransportError{kind, request_sent, std::move(message)};
}

// CR, LF or NUL in a field would let a value smuggle in extra header lines.
bool IsSafeFieldText(std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

long ToCurlMilliseconds(std::chrono::milliseconds duration) {
    return static_cast<long>(std::max<std::chrono::milliseconds::rep>(duration.count(), 0));
}

class CurlHttpClient final : public HttpClient {
public:
    explicit CurlHttpClient(CurlOptions options)
        : options_(std::move(options)), handle_(curl_easy_init()) {}

    HttpResult Send(const HttpRequest& request) override {
        performed_ = false;
        try {
            return SendOrFail(request);
        } catch (const std::exception& error) {
            // Only the standard library throws here (bad_alloc, length_error): its what() is a
            // fixed text, never request data. Once perform ran, the server may have acted.
            return tl::unexpected(MakeError(TransportFailure::kOther, performed_, error.what()));
        }
    }

private:
    HttpResult SendOrFail(const HttpRequest& request) {
        if (!handle_) {
            // A failed curl_easy_init is almost always memory pressure; it may pass later.
            handle_.reset(curl_easy_init());
            if (!handle_) {
                return tl::unexpected(MakeError(TransportFailure::kOther, false,
                                                "libcurl could not create a handle"));
            }
        }
        CURL* curl = handle_.get();

        const bool has_body = request.method == Method::kPost ||
                              request.method == Method::kPatch ||
                              request.method == Method::kPut || !request.body.empty();
        CurlHeaderList header_list;
        if (auto failure = BuildHeaderList(request, has_body, header_list)) {
            return tl::unexpected(std::move(*failure));
        }

        // Reset first so nothing from the previous request (method, body) leaks into this one.
        curl_easy_reset(curl);
        ResetOnExit reset_on_exit(curl);
        error_buffer_[0] = '\0';
        Transfer transfer;

        CURLcode setup = CURLE_OK;
        const auto keep_first = [&setup](CURLcode result) {
            if (setup == CURLE_OK) {
                setup = result;
            }
        };
        keep_first(curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer_.data()));
        keep_first(curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str()));
        // A URL is data from configuration and the API; never let it reach file:// or smtp://.
        keep_first(curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https"));
        // Signals cannot time out name resolution in a multi-threaded process.
        keep_first(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L));
        keep_first(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                                    ToCurlMilliseconds(options_.connect_timeout)));
        const auto total_timeout = request.timeout > std::chrono::milliseconds::zero()
                                       ? request.timeout
                                       : options_.total_timeout;
        keep_first(
            curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, ToCurlMilliseconds(total_timeout)));
        keep_first(curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L));
        if (!options_.user_agent.empty()) {
            keep_first(curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str()));
        }
        if (!options_.ca_file.empty()) {
            keep_first(curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str()));
        }
        // "" offers every encoding this libcurl can decode and decodes the body transparently.
        keep_first(curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""));
        keep_first(curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get()));
        keep_first(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody));
        keep_first(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer));
        keep_first(curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, WriteHeader));
        keep_first(curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer));

        if (request.method != Method::kGet && request.method != Method::kPost) {
            keep_first(
                curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, MethodName(request.method)));
        }
        if (has_body) {
            // The size comes first so libcurl never strlen()s a body that may hold NULs.
            keep_first(curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                                        static_cast<curl_off_t>(request.body.size())));
            keep_first(curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data()));
        } else {
            keep_first(curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L));
        }
        if (setup != CURLE_OK) {
            return tl::unexpected(Failure(setup, false, request));
        }

        performed_ = true;
        const CURLcode result = curl_easy_perform(curl);
        long request_size = 0;
        if (curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_size) != CURLE_OK) {
            // Unknown: assume the worst, that the server may have acted on it.
            request_size = 1;
        }
        const bool request_sent = request_size > 0;
        if (transfer.out_of_memory) {
            return tl::unexpected(MakeError(TransportFailure::kOther, request_sent,
                                            "out of memory while receiving the response"));
        }
        if (result != CURLE_OK) {
            return tl::unexpected(Failure(result, request_sent, request));
        }

        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        HttpResponse response;
        response.status = static_cast<int>(status);
        for (auto& [name, value] : transfer.header_fields) {
            response.headers.Add(std::move(name), std::move(value));
        }
        response.body = std::move(transfer.body);
        return response;
    }

    // Returns the failure when a header cannot be sent safely or memory runs out.
    static std::optional<TransportError> BuildHeaderList(const HttpRequest& request,
                                                         bool has_body,
                                                         CurlHeaderList& list) {
        for (const auto& [name, value] : request.headers.fields()) {
            if (name.empty() || !IsSafeFieldText(name) || !IsSafeFieldText(value) ||
                name.find(':') != std::string::npos) {
                // The text itself stays out of the message: it may be a credential.
                return MakeError(TransportFailure::kOther, false,
                                 "a request header holds a line break, NUL or a bad name");
            }
            // "Name;" is libcurl's spelling for a field sent with an empty value; "Name:" would
            // remove the field instead.
            const std::string line = value.empty() ? name + ";" : name + ": " + value;
            if (!list.Append(line)) {
                return MakeError(TransportFailure::kOther, false, "out of memory");
            }
        }
        // Waiting for "100 Continue" costs a round trip (or a second, against servers that
        // never answer it) for no gain: the API rejects bad requests by status anyway.
        if (!request.headers.Find("Expect") && !list.Append("Expect:")) {
            return MakeError(TransportFailure::kOther, false, "out of memory");
        }
        // libcurl labels a body without a type as a form; an absent type is more honest.
        if (has_body && !request.headers.Find("Content-Type") && !list.Append("Content-Type:")) {
            return MakeError(TransportFailure::kOther, false, "out of memory");
        }
        return std::nullopt;
    }

    TransportError Failure(CURLcode code, bool request_sent, const HttpRequest& request) const {
        const TransportFailure kind = Classify(code);
        std::string message = curl_easy_strerror(code);
        if (error_buffer_[0] != '\0') {
            message += ": ";
            message += error_buffer_.data();
        }
        Redact(message, request);
        // A failed resolve or connect means not a byte went out, whatever the counters say.
        return MakeError(kind, kind == TransportFailure::kConnect ? false : request_sent,
                         std::move(message));
    }

    CurlOptions options_;
    CurlEasyHandle handle_;
    std::array<char, CURL_ERROR_SIZE> error_buffer_{};
    bool performed_ = false;  // whether the current Send got as far as curl_easy_perform
};

}  // namespace

std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlOptions options) {
    return std::make_unique<CurlHttpClient>(std::move(options));
}

HttpGlobalInit::HttpGlobalInit() : ok_(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}

HttpGlobalInit::~HttpGlobalInit() {
    if (ok_) {
        curl_global_cleanup();
    }
}

}  // namespace crewsync::http
