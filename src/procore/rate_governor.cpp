#include "procore/rate_governor.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace crewsync::procore {
namespace {

using std::chrono::milliseconds;

std::optional<std::int64_t> HeaderNumber(const http::Headers& headers, std::string_view name) {
    const auto text = headers.Find(name);
    if (!text) return std::nullopt;
    std::int64_t value = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::string Clock(Timestamp at) {
    return fmt::format("{:%H:%M:%S} UTC", std::chrono::floor<std::chrono::seconds>(at));
}

}  // namespace

RateGovernor::RateGovernor(const crewsync::Clock& clock, GovernorOptions options)
    : clock_(clock), options_(options) {}

RateWait RateGovernor::Reserve() {
    std::lock_guard lock(mutex_);
    return ReserveLocked(clock_.Now());
}

RateWait RateGovernor::ReserveLocked(Timestamp now) {
    if (!options_.enabled) return {};
    Timestamp send_at = now;
    std::string reason;
    if (blocked_until_ > send_at) {
        send_at = blocked_until_;
        reason = fmt::format("Procore refused a request for exceeding its rate limit; "
                             "waiting until {}", Clock(blocked_until_));
    }
    if (window_) {
        const Timestamp refill = window_->reset + options_.reset_margin;
        if (send_at >= refill) {
            // The reported window is over; the next response will describe the new one.
            window_.reset();
            reserved_since_report_ = 0;
        }
    }
    if (window_ && window_->limit > 0) {
        const Timestamp refill = window_->reset + options_.reset_margin;
        const std::int64_t left = window_->remaining - reserved_since_report_;
        const auto reserve = static_cast<std::int64_t>(
            static_cast<double>(window_->limit) * options_.reserve_share);
        if (left <= 0) {
            send_at = std::max(send_at, refill);
            reason = fmt::format("Procore's rate limit of {} requests is used up until {}",
                                 window_->limit, Clock(window_->reset));
        } else if (left <= reserve) {
            // Spread what is left evenly over the time to the reset.
            const milliseconds interval =
                std::chrono::duration_cast<milliseconds>(refill - send_at) / left;
            send_at = std::max(send_at, next_slot_);
            next_slot_ = send_at + interval;
            if (send_at > now && reason.empty()) {
                reason = fmt::format("pacing requests: {} of Procore's {} left until {}", left,
                                     window_->limit, Clock(window_->reset));
            }
        }
    }
    ++reserved_since_report_;
    return {std::chrono::duration_cast<milliseconds>(send_at - now),
            send_at > now ? reason : std::string()};
}

void RateGovernor::Observe(const http::Headers& headers) {
    const auto limit = HeaderNumber(headers, "X-Rate-Limit-Limit");
    const auto remaining = HeaderNumber(headers, "X-Rate-Limit-Remaining");
    const auto reset = HeaderNumber(headers, "X-Rate-Limit-Reset");
    if (!limit || !remaining || !reset || *limit <= 0) return;
    std::lock_guard lock(mutex_);
    window_ = RateWindow{*limit, std::max<std::int64_t>(0, *remaining),
                         Timestamp(std::chrono::seconds(*reset))};
    reserved_since_report_ = 0;
}

milliseconds RateGovernor::OnRateLimited(std::optional<std::chrono::seconds> retry_after) {
    std::lock_guard lock(mutex_);
    const Timestamp now = clock_.Now();
    Timestamp until = now + std::chrono::seconds(1);
    if (retry_after) {
        until = now + *retry_after;
    } else if (window_ && window_->reset + options_.reset_margin > now) {
        until = window_->reset + options_.reset_margin;
    }
    if (options_.enabled) blocked_until_ = std::max(blocked_until_, until);
    if (window_) window_->remaining = 0;
    return std::chrono::duration_cast<milliseconds>(until - now);
}

std::optional<RateWindow> RateGovernor::LastWindow() const {
    std::lock_guard lock(mutex_);
    return window_;
}

}  // namespace crewsync::procore
