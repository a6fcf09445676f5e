#include "procore/transport.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "procore/api_error.hpp"

namespace crewsync::procore {
namespace {

using std::chrono::milliseconds;

bool Is2xx(int status) { return status >= 200 && status < 300; }

// No answer, but the request may have reached Procore: a create may have happened.
bool OutcomeUnknown(int status) { return status == 500 || status == 502 || status == 504; }

bool RetryableTransport(http::TransportFailure kind) {
    return kind == http::TransportFailure::kConnect || kind == http::TransportFailure::kTimeout ||
           kind == http::TransportFailure::kConnectionLost;
}

std::string PathOnly(const std::string& path) { return path.substr(0, path.find('?')); }

}  // namespace

ApiTransport::ApiTransport(std::unique_ptr<http::HttpClient> http, Endpoint endpoint,
                           Authenticator& auth, RateGovernor& governor, const Clock& clock,
                           Sleeper& sleeper, RetryOptions options)
    : http_(std::move(http)),
      endpoint_(std::move(endpoint)),
      origin_(OriginOf(endpoint_.base_url)),
      auth_(auth),
      governor_(governor),
      clock_(clock),
      sleeper_(sleeper),
      options_(options),
      jitter_(options.jitter_seed != 0 ? options.jitter_seed : std::random_device()()) {}

Result<http::HttpRequest> ApiTransport::Build(const ApiRequest& request,
                                              const SecretString& token) const {
    http::HttpRequest out;
    out.method = request.method;
    if (request.path.rfind("http", 0) == 0) {
        // A Link from Procore: the token goes only to the API host it was issued for.
        if (OriginOf(request.path) != origin_) {
            return Fail(ErrorCode::kRemoteBug,
                        fmt::format("Procore pointed to another host ({}); not followed",
                                    OriginOf(request.path)));
        }
        out.url = request.path;
        if (!request.query.empty()) {
            out.url += (out.url.find('?') == std::string::npos ? '?' : '&');
            out.url += EncodeQuery(request.query);
        }
    } else {
        out.url = JoinUrl(endpoint_.base_url, request.path, request.query);
    }
    out.headers.Add("Authorization", "Bearer " + token.Reveal());
    // Company 0 means "not chosen yet" (connect lists the companies to choose from).
    if (request.send_company && endpoint_.company_id != 0) {
        out.headers.Add("Procore-Company-Id", std::to_string(endpoint_.company_id));
    }
    out.headers.Add("Accept", "application/json");
    if (!request.json_body.empty()) {
        out.headers.Add("Content-Type", "application/json");
        out.body = request.json_body;
    }
    return out;
}

milliseconds ApiTransport::Backoff(int attempt) {
    // Exponential with "equal jitter": half fixed, half random, so retries of many clients
    // spread out but none retries at once.
    const int shift = std::min(attempt - 1, 20);
    const milliseconds cap =
        std::min(options_.max_backoff, options_.first_backoff * (std::int64_t{1} << shift));
    std::uniform_int_distribution<std::int64_t> half(0, cap.count() / 2);
    return milliseconds(cap.count() - cap.count() / 2 + half(jitter_));
}

void ApiTransport::Wait(const RateWait& wait) {
    if (wait.duration.count() <= 0) return;
    if (on_wait_ && wait.duration >= std::chrono::seconds(1)) on_wait_(wait);
    stats_.waited += wait.duration;
    sleeper_.SleepFor(wait.duration);
}

Result<http::HttpResponse> ApiTransport::Call(const ApiRequest& request) {
    const std::string call =
        fmt::format("{} {}", http::MethodName(request.method), PathOnly(request.path));
    int attempt = 0;           // attempts that failed for 5xx or transport reasons
    int rate_limited = 0;      // 429s for this request
    bool renewed = false;      // one renewal per call: a second 401 is a real refusal
    for (int sent = 1;; ++sent) {
        const RateWait turn = governor_.Reserve();
        if (turn.duration > options_.max_rate_limit_wait) {
            return Fail(ErrorCode::kRateLimited,
                        fmt::format("{}: {}; that is {} s away, longer than crewsync waits in "
                                    "one run",
                                    call, turn.reason,
                                    std::chrono::ceil<std::chrono::seconds>(turn.duration)
                                        .count()));
        }
        Wait(turn);
        auto token_result = auth_.AccessToken();
        if (!token_result) {
            // The login host may be briefly unreachable too; anything else is for the caller.
            if (token_result.error().code() != ErrorCode::kTransient ||
                ++attempt >= options_.max_attempts) {
                return Fail(std::move(token_result).error());
            }
            Wait({Backoff(attempt), "Procore's sign-in service did not answer; trying again"});
            continue;
        }
        const SecretString token = std::move(*token_result);
        CREWSYNC_ASSIGN_OR_RETURN(http::HttpRequest http_request, Build(request, token));
        if (sent > 1) ++stats_.retries;
        ++stats_.requests;
        const Timestamp started = clock_.Now();
        http::HttpResult result = http_->Send(http_request);
        if (on_call_) {
            on_call_({request.method, PathOnly(request.path), result ? result->status : 0,
                      std::chrono::duration_cast<milliseconds>(clock_.Now() - started), sent});
        }

        bool unknown_outcome = false;
        std::optional<Error> failure;
        std::optional<std::chrono::seconds> retry_after;
        if (!result) {
            failure = ErrorFromTransport(result.error(), call);
            if (!RetryableTransport(result.error().kind)) return Fail(std::move(*failure));
            unknown_outcome = result.error().request_sent;
        } else {
            governor_.Observe(result->headers);
            const int status = result->status;
            if (Is2xx(status)) return std::move(*result);
            if (status == 401 && !renewed) {
                renewed = true;
                ++stats_.renewals;
                CREWSYNC_TRY(auth_.RenewAfterRejection(token));
                continue;
            }
            if (status == 429) {
                ++stats_.rate_limited;
                const milliseconds wait = governor_.OnRateLimited(RetryAfter(result->headers));
                if (++rate_limited > options_.max_rate_limited ||
                    wait > options_.max_rate_limit_wait) {
                    Error error = ErrorFromResponse(*result, call);
                    return Fail(ErrorCode::kRateLimited,
                                fmt::format("{}; Procore asks to wait {} s, longer than crewsync "
                                            "waits in one run",
                                            error.message(),
                                            std::chrono::ceil<std::chrono::seconds>(wait).count()));
                }
                Wait({wait + Backoff(1) / 4,
                      fmt::format("Procore's rate limit was reached (it asked for {} s)",
                                  std::chrono::ceil<std::chrono::seconds>(wait).count())});
                continue;
            }
            if (!IsRetryableStatus(status)) return Fail(ErrorFromResponse(*result, call));
            failure = ErrorFromResponse(*result, call);
            unknown_outcome = OutcomeUnknown(status);
            retry_after = RetryAfter(result->headers);
        }

        // A 5xx or a transport failure.
        if (request.replay == Replay::kCreate && unknown_outcome) {
            if (!request.find_created) {
                return Fail(ErrorCode::kTransient,
                            failure->message() +
                                "; the record may or may not have been created, so it was not "
                                "sent again");
            }
            ++stats_.lookups;
            CREWSYNC_ASSIGN_OR_RETURN(std::optional<http::HttpResponse> found,
                                      request.find_created());
            if (found) return std::move(*found);
        }
        if (++attempt >= options_.max_attempts) return Fail(std::move(*failure));
        milliseconds delay = Backoff(attempt);
        if (retry_after) delay = std::max<milliseconds>(delay, *retry_after);
        Wait({delay, fmt::format("Procore did not answer properly ({}); trying again",
                                 failure->message())});
    }
}

}  // namespace crewsync::procore
