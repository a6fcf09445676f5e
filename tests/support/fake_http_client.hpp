// An HttpClient that answers from a script, and remembers every request, for unit tests of the
// Procore client without a server.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/http_client.hpp"

namespace crewsync::testing_support {

class FakeHttpClient final : public http::HttpClient {
public:
    using Handler = std::function<http::HttpResult(const http::HttpRequest&)>;

    // Queues the next answer; queued answers go first, in order.
    void Reply(int status, std::string body, http::Headers headers = {}) {
        http::HttpResponse response;
        response.status = status;
        response.body = std::move(body);
        response.headers = std::move(headers);
        queue_.emplace_back(std::move(response));
    }
    void Fail(http::TransportFailure kind, bool request_sent) {
        queue_.emplace_back(tl::unexpected(
            http::TransportError{kind, request_sent, "scripted transport failure"}));
    }
    // Answers every request once the queue is empty.
    void SetHandler(Handler handler) { handler_ = std::move(handler); }

    http::HttpResult Send(const http::HttpRequest& request) override {
        requests_.push_back(request);
        if (!queue_.empty()) {
            http::HttpResult next = std::move(queue_.front());
            queue_.pop_front();
            return next;
        }
        if (handler_) return handler_(request);
        return tl::unexpected(http::TransportError{http::TransportFailure::kOther, false,
                                                   "no scripted answer for " + request.url});
    }

    const std::vector<http::HttpRequest>& requests() const { return requests_; }
    std::size_t pending() const { return queue_.size(); }

private:
    std::deque<http::HttpResult> queue_;
    Handler handler_;
    std::vector<http::HttpRequest> requests_;
};

}  // namespace crewsync::testing_support
