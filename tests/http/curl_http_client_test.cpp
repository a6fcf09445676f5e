// The libcurl client against a real cpp-httplib server on 127.0.0.1, plus a raw socket server
// for the misbehaviour httplib will not produce (hang-ups, truncated bodies, 1xx responses).
#include "http/curl_http_client.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

namespace crewsync::http {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

// libcurl's process-wide state, set up before main the way the program does before any thread.
const HttpGlobalInit kCurlGlobal;

// A proxy from the environment would swallow requests to 127.0.0.1; set before any thread.
const bool kProxiesBypassed = [] {
    return ::setenv("no_proxy", "*", 1) == 0 && ::setenv("NO_PROXY", "*", 1) == 0;
}();

constexpr std::string_view kSecret = "Bearer test-token-0123456789abcdef";

// gzip.compress(b"hello, gzip!\n" * 20, mtime=0)
constexpr unsigned char kGzipBody[] = {
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48,
    0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0x48, 0xaf, 0xca, 0x2c, 0x50, 0xe4, 0xca,
    0x18, 0x99, 0x1c, 0x00, 0x78, 0xc1, 0x7b, 0x70, 0x04, 0x01, 0x00, 0x00};

std::string Repeat(std::string_view text, std::size_t times) {
    std::string result;
    result.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        result.append(text);
    }
    return result;
}

// Not one repeated byte, so a dropped or reordered chunk shows.
std::string PatternedBody(std::size_t size) {
    std::string body(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        body[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
    }
    return body;
}

sockaddr_in Loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    return address;
}

int BoundPort(int fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        return -1;
    }
    return ntohs(address.sin_port);
}

// A loopback port nobody listens on: bound once to learn a free number, then released.
int ClosedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = Loopback(0);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    const int port = BoundPort(fd);
    ::close(fd);
    return port;
}

// Accepts one connection, reads the request head, writes `reply` (possibly nothing) and closes.
class RawServer {
public:
    explicit RawServer(std::string reply) : listen_fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address = Loopback(0);
        ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(listen_fd_, 4);
        port_ = BoundPort(listen_fd_);
        thread_ = std::thread([this, reply = std::move(reply)] { Serve(reply); });
    }
    ~RawServer() {
        Finish();
        ::close(listen_fd_);
    }
    RawServer(const RawServer&) = delete;
    RawServer& operator=(const RawServer&) = delete;

    int port() const { return port_; }
    // What the one connection sent, once it is over.
    const std::string& Received() {
        Finish();
        return received_;
    }

private:
    void Finish() {
        if (thread_.joinable()) {
            thread_.join();
        }
    }

    void Serve(const std::string& reply) {
        // Bounded waits: a client that never comes must fail the test, not hang it.
        pollfd listening{listen_fd_, POLLIN, 0};
        if (::poll(&listening, 1, 3000) <= 0) {
            return;
        }
        const int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) {
            return;
        }
        char buffer[4096];
        while (received_.find("\r\n\r\n") == std::string::npos) {
            pollfd connection{fd, POLLIN, 0};
            if (::poll(&connection, 1, 3000) <= 0) {
                break;
            }
            const ssize_t count = ::recv(fd, buffer, sizeof buffer, 0);
            if (count <= 0) {
                break;
            }
            received_.append(buffer, static_cast<std::size_t>(count));
        }
        if (!reply.empty()) {
            ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
        }
        ::close(fd);
    }

    int listen_fd_;
    int port_ = -1;
    std::string received_;
    std::thread thread_;
};

// One request as the server saw it.
struct Seen {
    std::string method;
    std::string path;
    std::multimap<std::string, std::string> params;
    httplib::Headers headers;  // names compare without case
    std::string body;
    int remote_port = -1;
};

std::string HeaderOrEmpty(const Seen& seen, const std::string& name) {
    const auto it = seen.headers.find(name);
    return it == seen.headers.end() ? std::string() : it->second;
}

TEST(HeadersTest, FindIgnoresCaseAndReturnsTheFirst) {
    Headers headers{{"Set-Cookie", "a=1"}, {"Content-Type", "text/plain"}, {"set-cookie", "b=2"}};
    EXPECT_EQ(headers.Find("content-TYPE"), "text/plain");
    EXPECT_EQ(headers.Find("SET-COOKIE"), "a=1");
    EXPECT_EQ(headers.Find("Content-Length"), std::nullopt);
    EXPECT_EQ(headers.Find("Content-Typ"), std::nullopt);
}

TEST(HeadersTest, SetReplacesEveryMatchAtTheFirstPosition) {
    Headers headers{{"Accept", "a"}, {"X-Id", "1"}, {"Host", "h"}, {"x-id", "2"}};
    headers.Set("X-ID", "3");
    const std::vector<std::pair<std::string, std::string>> expected{
        {"Accept", "a"}, {"X-ID", "3"}, {"Host", "h"}};
    EXPECT_EQ(headers.fields(), expected);
}

TEST(HeadersTest, SetAppendsAMissingField) {
    Headers headers{{"Accept", "a"}};
    headers.Set("Content-Type", "application/json");
    const std::vector<std::pair<std::string, std::string>> expected{
        {"Accept", "a"}, {"Content-Type", "application/json"}};
    EXPECT_EQ(headers.fields(), expected);
}

TEST(NamesTest, MethodsAndFailures) {
    EXPECT_STREQ(MethodName(Method::kGet), "GET");
    EXPECT_STREQ(MethodName(Method::kPost), "POST");
    EXPECT_STREQ(MethodName(Method::kPatch), "PATCH");
    EXPECT_STREQ(MethodName(Method::kPut), "PUT");
    EXPECT_STREQ(MethodName(Method::kDelete), "DELETE");
    EXPECT_STREQ(TransportFailureName(TransportFailure::kConnect), "connect");
    EXPECT_STREQ(TransportFailureName(TransportFailure::kTimeout), "timeout");
    EXPECT_STREQ(TransportFailureName(TransportFailure::kConnectionLost), "connection lost");
    EXPECT_STREQ(TransportFailureName(TransportFailure::kTls), "tls");
    EXPECT_STREQ(TransportFailureName(TransportFailure::kOther), "other");
}

TEST(HttpGlobalInitTest, Succeeded) {
    EXPECT_TRUE(kCurlGlobal.ok());
    EXPECT_TRUE(kProxiesBypassed);
}

class CurlHttpClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        // httplib closes a connection after 5 requests by default, which would hide reuse.
        server_.set_keep_alive_max_count(1000);
        // Without it httplib's split header/body writes meet delayed ACKs: 40 ms a request.
        server_.set_tcp_nodelay(true);
        const auto echo = [this](const httplib::Request& req, httplib::Response& res) {
            Record(req);
            res.set_content("ok", "text/plain");
        };
        server_.Get("/echo", echo);
        server_.Post("/echo", echo);
        server_.Patch("/echo", echo);
        server_.Put("/echo", echo);
        server_.Delete("/echo", echo);
        server_.Get("/teapot", [](const httplib::Request&, httplib::Response& res) {
            res.status = 418;
            res.set_header("Set-Cookie", "a=1");
            res.set_header("Set-Cookie", "b=2");
            res.set_header("X-Request-Id", "abc");
            res.set_content("short and stout", "text/plain");
        });
        server_.Get("/large", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(PatternedBody(kLargeSize), "application/octet-stream");
        });
        server_.Get("/gzip", [this](const httplib::Request& req, httplib::Response& res) {
            Record(req);
            // octet-stream keeps httplib from compressing the already compressed bytes again.
            res.set_header("Content-Encoding", "gzip");
            res.set_content(reinterpret_cast<const char*>(kGzipBody), sizeof kGzipBody,
                            "application/octet-stream");
        });
        server_.Get("/text", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(Repeat("compressible text\n", 4096), "text/plain");
        });
        server_.Get("/redirect", [this](const httplib::Request& req, httplib::Response& res) {
            Record(req);
            res.set_redirect("/echo");
        });
        server_.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
            std::unique_lock lock(mutex_);
            released_cv_.wait_for(lock, 10s, [this] { return released_; });
            res.set_content("late", "text/plain");
        });
        server_.Get("/delay", [](const httplib::Request& req, httplib::Response& res) {
            std::this_thread::sleep_for(std::chrono::milliseconds(
                std::stoi(req.get_param_value("ms"))));
            res.set_content("done", "text/plain");
        });

        port_ = server_.bind_to_any_port("127.0.0.1");
        ASSERT_GT(port_, 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() before the accept loop runs would be lost and leave join() hanging.
        const auto deadline = std::chrono::steady_clock::now() + 2s;
        while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(1ms);
        }
        ASSERT_TRUE(server_.is_running());
    }

    void TearDown() override {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        released_cv_.notify_all();
        if (thread_.joinable()) {
            server_.stop();
            thread_.join();
        }
    }

    std::string Url(std::string_view path_and_query) const {
        return "http://127.0.0.1:" + std::to_string(port_) + std::string(path_and_query);
    }

    static std::unique_ptr<HttpClient> MakeClient(
        std::chrono::milliseconds total_timeout = 5000ms) {
        CurlOptions options;
        options.connect_timeout = 2000ms;
        options.total_timeout = total_timeout;
        return MakeCurlHttpClient(std::move(options));
    }

    void Record(const httplib::Request& req) {
        std::lock_guard lock(mutex_);
        seen_.push_back(
            Seen{req.method, req.path, req.params, req.headers, req.body, req.remote_port});
    }

    std::vector<Seen> AllSeen() {
        std::lock_guard lock(mutex_);
        return seen_;
    }

    Seen LastSeen() {
        std::lock_guard lock(mutex_);
        return seen_.empty() ? Seen{} : seen_.back();
    }

    static constexpr std::size_t kLargeSize = 5 * 1024 * 1024;

    httplib::Server server_;
    int port_ = -1;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable released_cv_;
    bool released_ = false;
    std::vector<Seen> seen_;
};

TEST_F(CurlHttpClientTest, GetCarriesQueryAndHeaders) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/echo?a=1&b=two%20words&b=again");
    request.headers = {{"Authorization", std::string(kSecret)}, {"Accept", "application/json"}};
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "ok");
    const Seen seen = LastSeen();
    EXPECT_EQ(seen.method, "GET");
    EXPECT_EQ(seen.path, "/echo");
    const std::multimap<std::string, std::string> params{
        {"a", "1"}, {"b", "two words"}, {"b", "again"}};
    EXPECT_EQ(seen.params, params);
    EXPECT_EQ(HeaderOrEmpty(seen, "authorization"), kSecret);
    EXPECT_EQ(HeaderOrEmpty(seen, "Accept"), "application/json");
    EXPECT_EQ(HeaderOrEmpty(seen, "User-Agent"), "crewsync");
    EXPECT_EQ(seen.headers.count("Content-Length"), 0u);
    EXPECT_EQ(seen.headers.count("Content-Type"), 0u);
    EXPECT_TRUE(seen.body.empty());
}

TEST_F(CurlHttpClientTest, UserAgentComesFromTheOptions) {
    CurlOptions options;
    options.user_agent = "crewsync-test/1.2";
    auto client = MakeCurlHttpClient(options);
    HttpRequest request;
    request.url = Url("/echo");
    ASSERT_TRUE(client->Send(request).has_value());
    EXPECT_EQ(HeaderOrEmpty(LastSeen(), "User-Agent"), "crewsync-test/1.2");
}

TEST_F(CurlHttpClientTest, BodiesArriveWithMethodAndContentType) {
    auto client = MakeClient();
    for (const Method method : {Method::kPost, Method::kPatch, Method::kPut, Method::kDelete}) {
        SCOPED_TRACE(MethodName(method));
        HttpRequest request;
        request.method = method;
        request.url = Url("/echo");
        request.headers = {{"Content-Type", "application/json"}};
        request.body = std::string(R"({"method":")") + MethodName(method) + "\"}";
        const HttpResult result = client->Send(request);

        ASSERT_TRUE(result.has_value()) << result.error().message;
        EXPECT_EQ(result->status, 200);
        const Seen seen = LastSeen();
        EXPECT_EQ(seen.method, MethodName(method));
        EXPECT_EQ(seen.body, request.body);
        EXPECT_EQ(HeaderOrEmpty(seen, "Content-Type"), "application/json");
        EXPECT_EQ(HeaderOrEmpty(seen, "Content-Length"), std::to_string(request.body.size()));
    }
}

TEST_F(CurlHttpClientTest, BodyWithoutContentTypeIsNotLabelledAForm) {
    auto client = MakeClient();
    HttpRequest request;
    request.method = Method::kPost;
    request.url = Url("/echo");
    request.body = "a=b";
    ASSERT_TRUE(client->Send(request).has_value());
    const Seen seen = LastSeen();
    EXPECT_EQ(seen.body, "a=b");
    EXPECT_EQ(seen.headers.count("Content-Type"), 0u);
}

TEST_F(CurlHttpClientTest, EmptyPutSendsZeroLengthAndEmptyDeleteSendsNoBody) {
    auto client = MakeClient();
    HttpRequest put;
    put.method = Method::kPut;
    put.url = Url("/echo");
    ASSERT_TRUE(client->Send(put).has_value());
    Seen seen = LastSeen();
    EXPECT_EQ(seen.method, "PUT");
    EXPECT_EQ(HeaderOrEmpty(seen, "Content-Length"), "0");

    HttpRequest remove;
    remove.method = Method::kDelete;
    remove.url = Url("/echo");
    ASSERT_TRUE(client->Send(remove).has_value());
    seen = LastSeen();
    EXPECT_EQ(seen.method, "DELETE");
    EXPECT_EQ(seen.headers.count("Content-Length"), 0u);
}

TEST_F(CurlHttpClientTest, LargeUploadArrivesWithoutExpectContinue) {
    auto client = MakeClient();
    HttpRequest request;
    request.method = Method::kPost;
    request.url = Url("/echo");
    request.headers = {{"Content-Type", "application/octet-stream"}};
    request.body = PatternedBody(2 * 1024 * 1024);
    ASSERT_TRUE(client->Send(request).has_value());
    const Seen seen = LastSeen();
    EXPECT_EQ(seen.body.size(), request.body.size());
    EXPECT_TRUE(seen.body == request.body);
    EXPECT_EQ(seen.headers.count("Expect"), 0u);
}

TEST_F(CurlHttpClientTest, StatusHeadersAndBodyComeBack) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/teapot");
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->status, 418);
    EXPECT_EQ(result->body, "short and stout");
    EXPECT_EQ(result->headers.Find("x-request-id"), "abc");
    EXPECT_EQ(result->headers.Find("CONTENT-TYPE"), "text/plain");
    std::vector<std::string> cookies;
    for (const auto& [name, value] : result->headers.fields()) {
        if (name == "Set-Cookie") {
            cookies.push_back(value);
        }
    }
    EXPECT_EQ(cookies, (std::vector<std::string>{"a=1", "b=2"}));
    EXPECT_EQ(result->headers.Find("set-cookie"), "a=1");
}

TEST_F(CurlHttpClientTest, LargeBodyArrivesWhole) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/large");
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->body.size(), kLargeSize);
    EXPECT_TRUE(result->body == PatternedBody(kLargeSize));
}

TEST_F(CurlHttpClientTest, GzipBodyIsDecoded) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/gzip");
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->headers.Find("Content-Encoding"), "gzip");
    EXPECT_EQ(result->body, Repeat("hello, gzip!\n", 20));
    EXPECT_THAT(HeaderOrEmpty(LastSeen(), "Accept-Encoding"), HasSubstr("gzip"));
}

TEST_F(CurlHttpClientTest, BodyTheServerCompressesIsDecoded) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/text");
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    // httplib picks br or gzip from what the client offers; either way it must be undone.
    EXPECT_TRUE(result->headers.Find("Content-Encoding").has_value());
    EXPECT_EQ(result->body, Repeat("compressible text\n", 4096));
}

TEST_F(CurlHttpClientTest, RedirectIsReturnedNotFollowed) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/redirect");
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->status, 302);
    EXPECT_EQ(result->headers.Find("Location"), "/echo");
    const std::vector<Seen> seen = AllSeen();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].path, "/redirect");
}

TEST_F(CurlHttpClientTest, OneClientKeepsOneConnection) {
    auto client = MakeClient();
    constexpr Method kMethods[] = {Method::kGet, Method::kPost, Method::kDelete, Method::kPatch};
    constexpr int kRequests = 20;
    for (int i = 0; i < kRequests; ++i) {
        HttpRequest request;
        request.method = kMethods[i % 4];
        request.url = Url("/echo?i=" + std::to_string(i));
        if (request.method != Method::kGet && request.method != Method::kDelete) {
            request.body = "{}";
            request.headers = {{"Content-Type", "application/json"}};
        }
        const HttpResult result = client->Send(request);
        ASSERT_TRUE(result.has_value()) << i << ": " << result.error().message;
    }
    std::set<int> ports;
    for (const Seen& seen : AllSeen()) {
        ports.insert(seen.remote_port);
    }
    EXPECT_EQ(AllSeen().size(), static_cast<std::size_t>(kRequests));
    ASSERT_EQ(ports.size(), 1u);

    // A second client is a second connection: the port really tells connections apart.
    auto other = MakeClient();
    HttpRequest request;
    request.url = Url("/echo");
    ASSERT_TRUE(other->Send(request).has_value());
    EXPECT_NE(LastSeen().remote_port, *ports.begin());
}

TEST_F(CurlHttpClientTest, ClosedPortIsAConnectFailureBeforeSending) {
    auto client = MakeClient();
    HttpRequest request;
    request.method = Method::kPost;
    request.url = "http://127.0.0.1:" + std::to_string(ClosedPort()) + "/echo";
    request.headers = {{"Authorization", std::string(kSecret)}};
    request.body = "{}";
    const HttpResult result = client->Send(request);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kConnect);
    EXPECT_FALSE(result.error().request_sent);
    EXPECT_FALSE(result.error().message.empty());
    EXPECT_THAT(result.error().message, Not(HasSubstr(kSecret)));
}

TEST_F(CurlHttpClientTest, TotalTimeoutAfterSendingThenTheClientWorksAgain) {
    auto client = MakeClient(200ms);
    HttpRequest request;
    request.url = Url("/slow");
    request.headers = {{"Authorization", std::string(kSecret)}};
    const auto start = std::chrono::steady_clock::now();
    const HttpResult result = client->Send(request);
    const auto elapsed = std::chrono::steady_clock::now() - start;

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kTimeout);
    EXPECT_TRUE(result.error().request_sent);
    EXPECT_THAT(result.error().message, Not(HasSubstr(kSecret)));
    EXPECT_GE(elapsed, 150ms);
    EXPECT_LT(elapsed, 2s);

    HttpRequest next;
    next.url = Url("/echo");
    const HttpResult after = client->Send(next);
    ASSERT_TRUE(after.has_value()) << after.error().message;
    EXPECT_EQ(after->body, "ok");
}

TEST_F(CurlHttpClientTest, RequestTimeoutShortensTheClientTimeout) {
    auto client = MakeClient(5000ms);
    HttpRequest request;
    request.url = Url("/slow");
    request.timeout = 150ms;
    const auto start = std::chrono::steady_clock::now();
    const HttpResult result = client->Send(request);
    const auto elapsed = std::chrono::steady_clock::now() - start;

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kTimeout);
    EXPECT_LT(elapsed, 2s);
}

TEST_F(CurlHttpClientTest, RequestTimeoutLengthensTheClientTimeout) {
    auto client = MakeClient(100ms);
    HttpRequest request;
    request.url = Url("/delay?ms=300");
    request.timeout = 3000ms;
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->body, "done");
}

TEST_F(CurlHttpClientTest, HeaderWithLineBreakIsRefusedUnsent) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = Url("/echo");
    request.headers = {{"X-Note", "fine\r\nInjected: yes"}};
    const HttpResult result = client->Send(request);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kOther);
    EXPECT_FALSE(result.error().request_sent);
    EXPECT_THAT(result.error().message, Not(HasSubstr("Injected")));
    EXPECT_TRUE(AllSeen().empty());
}

TEST_F(CurlHttpClientTest, MessageNeverEchoesAHeaderValue) {
    // libcurl's connect message names the host and port; a header holding the same text must
    // not come back through it.
    const int port = ClosedPort();
    const std::string echoed = "127.0.0.1 port " + std::to_string(port);
    auto client = MakeClient();
    HttpRequest request;
    request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
    request.headers = {{"X-Trace", echoed}};
    const HttpResult result = client->Send(request);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kConnect);
    EXPECT_THAT(result.error().message, Not(HasSubstr(echoed)));
    EXPECT_THAT(result.error().message, HasSubstr("[redacted]"));
}

// A self-signed certificate for IP 127.0.0.1, valid 2000-2999, made for this test only: the
// key protects nothing.
constexpr std::string_view kTestCertificate =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBWDCB/qADAgECAhRiFmvodh3WpGEGuUNwDKJ8oOiAvDAKBggqhkjOPQQDAjAY\n"
    "MRYwFAYDVQQDDA1jcmV3c3luYyB0ZXN0MCAXDTAwMDEwMTAwMDAwMFoYDzI5OTkx\n"
    "MjMxMDAwMDAwWjAYMRYwFAYDVQQDDA1jcmV3c3luYyB0ZXN0MFkwEwYHKoZIzj0C\n"
    "AQYIKoZIzj0DAQcDQgAEQ/BpHEd/2D/ilZC26Oa/f+W1D7OzN7TEQPSJD7cdxoX4\n"
    "zB2Av8tgDvboewPnJf4fR/93xELMM5zHdDB07UnlVqMkMCIwDwYDVR0RBAgwBocE\n"
    "fwAAATAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0kAMEYCIQC98bnBG3z9\n"
    "pKm8Wt830V3p4R1xgdqZU1d/pZS6yhWZoAIhAJzOn0g3LonYcKRp+EYUNCt+rmyA\n"
    "a0Vo13eoKdGWMpoZ\n"
    "-----END CERTIFICATE-----\n";
constexpr std::string_view kTestPrivateKey =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgL+UEOOllBc3IhVB3\n"
    "bXrcQNPJZLdeTMtLAwEcdmBlmpWhRANCAARD8GkcR3/YP+KVkLbo5r9/5bUPs7M3\n"
    "tMRA9IkPtx3GhfjMHYC/y2AO9uh7A+cl/h9H/3fEQswznMd0MHTtSeVW\n"
    "-----END PRIVATE KEY-----\n";

class CurlHttpClientTlsTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto stem = std::filesystem::temp_directory_path() /
                          ("crewsync-http-test-" + std::to_string(::getpid()));
        cert_path_ = stem.string() + "-cert.pem";
        key_path_ = stem.string() + "-key.pem";
        std::ofstream(cert_path_) << kTestCertificate;
        std::ofstream(key_path_) << kTestPrivateKey;
        server_ = std::make_unique<httplib::SSLServer>(cert_path_.c_str(), key_path_.c_str());
        ASSERT_TRUE(server_->is_valid());
        server_->set_tcp_nodelay(true);
        server_->Get("/echo", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            ports_.push_back(req.remote_port);
            res.set_content("secure", "text/plain");
        });
        port_ = server_->bind_to_any_port("127.0.0.1");
        ASSERT_GT(port_, 0);
        thread_ = std::thread([this] { server_->listen_after_bind(); });
        const auto deadline = std::chrono::steady_clock::now() + 2s;
        while (!server_->is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(1ms);
        }
        ASSERT_TRUE(server_->is_running());
    }

    void TearDown() override {
        if (thread_.joinable()) {
            server_->stop();
            thread_.join();
        }
        std::error_code ignored;
        std::filesystem::remove(cert_path_, ignored);
        std::filesystem::remove(key_path_, ignored);
    }

    HttpRequest EchoRequest() const {
        HttpRequest request;
        request.url = "https://127.0.0.1:" + std::to_string(port_) + "/echo";
        request.headers = {{"Authorization", std::string(kSecret)}};
        return request;
    }

    std::vector<int> Ports() {
        std::lock_guard lock(mutex_);
        return ports_;
    }

    std::string cert_path_;
    std::string key_path_;
    std::unique_ptr<httplib::SSLServer> server_;
    int port_ = -1;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<int> ports_;
};

TEST_F(CurlHttpClientTlsTest, CaFileIsTrustedAndTheConnectionReused) {
    CurlOptions options;
    options.ca_file = cert_path_;
    auto client = MakeCurlHttpClient(options);
    for (int i = 0; i < 3; ++i) {
        const HttpResult result = client->Send(EchoRequest());
        ASSERT_TRUE(result.has_value()) << result.error().message;
        EXPECT_EQ(result->body, "secure");
    }
    const std::vector<int> ports = Ports();
    ASSERT_EQ(ports.size(), 3u);
    EXPECT_EQ(std::set<int>(ports.begin(), ports.end()).size(), 1u);
}

TEST_F(CurlHttpClientTlsTest, UntrustedCertificateIsATlsFailureBeforeSending) {
    auto client = MakeCurlHttpClient(CurlOptions{});  // the system CAs never signed it
    const HttpResult result = client->Send(EchoRequest());

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kTls);
    EXPECT_FALSE(result.error().request_sent);
    EXPECT_THAT(result.error().message, Not(HasSubstr(kSecret)));
    EXPECT_TRUE(Ports().empty());
}

TEST_F(CurlHttpClientTlsTest, MissingCaFileIsATlsFailure) {
    CurlOptions options;
    options.ca_file = cert_path_ + ".missing";
    auto client = MakeCurlHttpClient(options);
    const HttpResult result = client->Send(EchoRequest());

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kTls);
    EXPECT_FALSE(result.error().request_sent);
    EXPECT_TRUE(Ports().empty());
}

TEST_F(CurlHttpClientTest, HttpsToAPlainServerIsATlsFailureBeforeSending) {
    auto client = MakeClient();
    HttpRequest request;
    request.url = "https://127.0.0.1:" + std::to_string(port_) + "/echo";
    const HttpResult result = client->Send(request);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kTls);
    EXPECT_FALSE(result.error().request_sent);
}

std::unique_ptr<HttpClient> MakeRawClient() {
    CurlOptions options;
    options.connect_timeout = 2000ms;
    options.total_timeout = 5000ms;
    return MakeCurlHttpClient(std::move(options));
}

TEST(CurlHttpClientRawTest, HangUpWithoutAnswerIsConnectionLostAfterSending) {
    RawServer server("");
    auto client = MakeRawClient();
    HttpRequest request;
    request.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/people";
    request.headers = {{"Authorization", std::string(kSecret)}, {"X-Empty", ""}};
    const HttpResult result = client->Send(request);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kConnectionLost);
    EXPECT_TRUE(result.error().request_sent);
    EXPECT_THAT(result.error().message, Not(HasSubstr(kSecret)));
    // The secret really went out, so its absence from the message means something.
    EXPECT_THAT(server.Received(), HasSubstr("GET /people HTTP/1.1"));
    EXPECT_THAT(server.Received(), HasSubstr(kSecret));
    // httplib drops empty fields, so only the raw server can see this one.
    EXPECT_THAT(server.Received(), HasSubstr("\r\nX-Empty:"));
}

TEST(CurlHttpClientRawTest, TruncatedBodyIsConnectionLost) {
    RawServer server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
    auto client = MakeRawClient();
    HttpRequest request;
    request.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
    const HttpResult result = client->Send(request);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, TransportFailure::kConnectionLost);
    EXPECT_TRUE(result.error().request_sent);
}

TEST(CurlHttpClientRawTest, OnlyTheFinalResponsesHeadersAreKept) {
    RawServer server(
        "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
        "HTTP/1.1 201 Created\r\nX-Padded: \t padded value  \r\nContent-Length: 2\r\n"
        "Connection: close\r\n\r\nok");
    auto client = MakeRawClient();
    HttpRequest request;
    request.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
    const HttpResult result = client->Send(request);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->status, 201);
    EXPECT_EQ(result->body, "ok");
    EXPECT_EQ(result->headers.Find("Link"), std::nullopt);
    EXPECT_EQ(result->headers.Find("x-padded"), "padded value");
    EXPECT_EQ(result->headers.Find("Content-Length"), "2");
}

}  // namespace
}  // namespace crewsync::http
