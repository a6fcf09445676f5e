// The emulator's own controls under /__emulator/ (not Procore's API): back to the seed, call
// counters, moving the clock, saving and loading the state, rate limits.
#include "emulator/http_support.hpp"
#include "emulator/routes.hpp"

namespace crewsync::emulator {
namespace {

void Reset(Services& s, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    if (s.restore) {
        s.restore(s.state);
    } else {
        s.state.Clear();
    }
    s.tokens.Clear();
    s.limiter.Clear();
    s.counters.Clear();
    Reply(response, 200, Json{{"reset", true}});
}

void Calls(Services& s, httplib::Response& response) {
    std::int64_t total = 0;
    Json calls = Json::object();
    for (const auto& [endpoint, count] : s.counters.Snapshot()) {
        if (endpoint.find("/__emulator/") != std::string::npos) continue;
        calls[endpoint] = count;
        total += count;
    }
    Reply(response, 200, Json{{"total", total}, {"calls", calls}});
}

void AdvanceClock(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return ReplyError(response, 400, error);
    const auto it = body->find("advance_seconds");
    if (it == body->end() || !it->is_number_integer() || it->get<std::int64_t>() < 0) {
        return ReplyInvalid(response, "advance_seconds", "must be a whole number of seconds >= 0");
    }
    s.clock.Advance(std::chrono::seconds(it->get<std::int64_t>()));
    Reply(response, 200, Json{{"now", IsoSeconds(s.clock.Now())}});
}

void SaveState(Services& s, httplib::Response& response) {
    std::lock_guard lock(s.state.mutex);
    ReplyText(response, 200, s.state.ToText());
}

void LoadState(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::string error;
    std::optional<Json> body = ParseBody(request, error);
    if (!body) return ReplyError(response, 400, error);
    std::lock_guard lock(s.state.mutex);
    if (!s.state.FromJson(std::move(*body), error)) return ReplyError(response, 400, error);
    Reply(response, 200, Json{{"loaded", true}});
}

void SetRateLimits(Services& s, const httplib::Request& request, httplib::Response& response) {
    std::string error;
    const std::optional<Json> body = ParseBody(request, error);
    if (!body) return ReplyError(response, 400, error);
    RateLimits limits = s.limiter.Limits();
    for (const auto& [name, field] : {std::pair{"hourly", &RateLimits::hourly},
                                      std::pair{"spike", &RateLimits::spike}}) {
        const auto it = body->find(name);
        if (it == body->end()) continue;
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
            return ReplyInvalid(response, name, "must be a whole number >= 1");
        }
        limits.*field = it->get<std::int64_t>();
    }
    std::lock_guard lock(s.state.mutex);
    s.limiter.SetLimits(limits);
    s.limiter.Clear();
    Reply(response, 200, Json{{"hourly", limits.hourly}, {"spike", limits.spike}});
}

}  // namespace

void AddAdminRoutes(httplib::Server& server, Services& s) {
    server.Post("/__emulator/reset", [&s](const auto&, auto& res) { Reset(s, res); });
    server.Get("/__emulator/calls", [&s](const auto&, auto& res) { Calls(s, res); });
    server.Delete("/__emulator/calls", [&s](const auto&, auto& res) {
        s.counters.Clear();
        Reply(res, 200, Json{{"total", 0}, {"calls", Json::object()}});
    });
    server.Post("/__emulator/clock",
                [&s](const auto& req, auto& res) { AdvanceClock(s, req, res); });
    server.Get("/__emulator/state", [&s](const auto&, auto& res) { SaveState(s, res); });
    server.Put("/__emulator/state", [&s](const auto& req, auto& res) { LoadState(s, req, res); });
    server.Put("/__emulator/rate_limits",
               [&s](const auto& req, auto& res) { SetRateLimits(s, req, res); });
}

}  // namespace crewsync::emulator
