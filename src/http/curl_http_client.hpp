// The real HttpClient: libcurl's easy interface, one handle per client.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "http/http_client.hpp"

namespace crewsync::http {

struct CurlOptions {
    // 0 means no limit (libcurl's meaning) for either timeout.
    std::chrono::milliseconds connect_timeout{10000};
    std::chrono::milliseconds total_timeout{60000};  // HttpRequest::timeout overrides it
    std::string ca_file;  // PEM CA bundle; "" = the system default
    std::string user_agent = "crewsync";
};

// A client that keeps one libcurl easy handle for its whole life, so that consecutive requests
// to the same host reuse the connection and the TLS session. Redirects are not followed: a 3xx
// comes back as a response. Responses are decoded from gzip/br/deflate. Proxies come from
// HTTPS_PROXY / NO_PROXY (libcurl reads them). Every status, 4xx and 5xx included, is a
// response; only a missing response is a TransportError.
//
// Use one client from one thread at a time. HttpGlobalInit must exist before the first client
// is made and outlive the last one. Never returns null; if libcurl cannot make a handle, every
// Send fails with TransportFailure::kOther.
std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlOptions options);

// Owns libcurl's process-wide state (curl_global_init / curl_global_cleanup), which is not
// thread-safe to set up or tear down. Create exactly one in main before any thread starts, and
// let it outlive every client. Neither copyable nor movable.
class HttpGlobalInit {
public:
    HttpGlobalInit();
    ~HttpGlobalInit();
    HttpGlobalInit(const HttpGlobalInit&) = delete;
    HttpGlobalInit& operator=(const HttpGlobalInit&) = delete;

    // False when curl_global_init failed (out of memory, TLS library refused to start); clients
    // made anyway fail every Send.
    bool ok() const { return ok_; }

private:
    bool ok_;
};

}  // namespace crewsync::http
