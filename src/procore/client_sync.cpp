#include "procore/client_sync.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>

#include <fmt/format.h>

namespace crewsync::procore::internal {
namespace {

ProcoreId IdOf(const Json& item) {
    if (!item.is_object()) return 0;
    const auto it = item.find("id");
    if (it == item.end()) return 0;
    if (it->is_number_integer()) return it->get<ProcoreId>();
    if (it->is_string()) return std::atoll(it->get_ref<const std::string&>().c_str());
    return 0;
}

std::string OriginOf(const Json& item) {
    if (!item.is_object()) return "";
    const auto it = item.find("origin_id");
    if (it == item.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    return "";
}

// Whether a sync item names its record, so sending it twice updates instead of creating twice.
bool NamesRecord(const Json& item) { return IdOf(item) != 0 || !OriginOf(item).empty(); }

std::vector<FieldProblem> ProblemsOf(const Json& errors) {
    std::vector<FieldProblem> problems;
    const auto text = [](const Json& m) { return m.is_string() ? m.get<std::string>() : Dump(m); };
    if (errors.is_object()) {
        for (const auto& [field, messages] : errors.items()) {
            if (messages.is_array()) {
                for (const Json& m : messages) problems.push_back({field, text(m)});
            } else {
                problems.push_back({field, text(messages)});
            }
        }
    } else if (errors.is_array()) {
        for (const Json& m : errors) problems.push_back({"", text(m)});
    } else if (!errors.is_null()) {
        problems.push_back({"", text(errors)});
    }
    return problems;
}

// Which item of the batch a refused one is. Procore echoes each refused item as it was sent and
// lists them in item order, so the first unclaimed item from `cursor` on that equals the echo
// is it; failing that, the one with its id, then its origin_id; failing all, the next
// unclaimed one in order.
std::size_t MatchRefused(const Json& echo, const std::vector<const Json*>& sent,
                         const std::vector<bool>& claimed, std::size_t cursor) {
    const std::size_t n = sent.size();
    const auto find = [&](const std::function<bool(const Json&)>& same) -> std::size_t {
        for (std::size_t step = 0; step < n; ++step) {
            const std::size_t k = (cursor + step) % n;
            if (!claimed[k] && same(*sent[k])) return k;
        }
        return n;
    };
    std::size_t k = find([&](const Json& item) { return item == echo; });
    if (k == n && IdOf(echo) != 0) {
        k = find([&](const Json& item) { return IdOf(item) == IdOf(echo); });
    }
    if (k == n && !OriginOf(echo).empty()) {
        k = find([&](const Json& item) { return OriginOf(item) == OriginOf(echo); });
    }
    if (k == n) k = find([](const Json&) { return true; });
    return k;
}

struct BatchAnswer {
    std::string entities;  // the JSON array text
    std::size_t entity_count = 0;
    std::vector<SyncItemError> errors;
};

Result<BatchAnswer> ReadBatchAnswer(const std::string& call, const std::string& body,
                                    const std::vector<Json>& items, std::size_t begin,
                                    std::size_t end) {
    CREWSYNC_ASSIGN_OR_RETURN(const Json doc, ParseAnswer(call, body));
    if (!doc.is_object()) {
        return Fail(NotDocumented(call, std::string("expected {\"entities\", \"errors\"}, found ") +
                                            doc.type_name()));
    }
    const Json entities = doc.value("entities", Json());
    const Json errors = doc.value("errors", Json());
    const auto list_or_null = [](const Json& value) { return value.is_null() || value.is_array(); };
    if (!list_or_null(entities) || !list_or_null(errors)) {
        return Fail(NotDocumented(call, "\"entities\" and \"errors\" must be arrays"));
    }
    BatchAnswer answer;
    answer.entities = entities.is_array() ? Dump(entities) : "[]";
    answer.entity_count = entities.is_array() ? entities.size() : 0;
    const std::size_t n = end - begin;
    const std::size_t refused = errors.is_array() ? errors.size() : 0;
    if (answer.entity_count + refused != n) {
        return Fail(NotDocumented(
            call, fmt::format("{} items were sent but {} came back written and {} refused", n,
                              answer.entity_count, refused)));
    }
    std::vector<const Json*> sent;
    for (std::size_t i = begin; i < end; ++i) sent.push_back(&items[i]);
    std::vector<bool> claimed(n, false);
    std::size_t cursor = 0;
    for (std::size_t e = 0; e < refused; ++e) {
        const Json& failed = errors[e];
        Json echo = failed.is_object() ? failed : Json::object();
        echo.erase("errors");
        const std::size_t k = MatchRefused(echo, sent, claimed, cursor);
        claimed[k] = true;
        cursor = k + 1;
        SyncItemError error;
        error.index = begin + k;
        error.id = IdOf(*sent[k]);
        error.origin_id = OriginOf(*sent[k]);
        error.problems = ProblemsOf(failed.is_object() ? failed.value("errors", Json()) : Json());
        answer.errors.push_back(std::move(error));
    }
    std::sort(answer.errors.begin(), answer.errors.end(),
              [](const SyncItemError& a, const SyncItemError& b) { return a.index < b.index; });
    return answer;
}

}  // namespace

template <class Record>
Result<SyncResult<Record>> RunSync(ApiTransport& transport, const SyncCall& call,
                                   const std::vector<Json>& items,
                                   const PageDecoder<Record>& decode) {
    SyncResult<Record> result;
    const std::size_t batch = std::clamp<std::size_t>(call.batch, 1, 1000);
    for (std::size_t begin = 0; begin < items.size(); begin += batch) {
        const std::size_t end = std::min(items.size(), begin + batch);
        ApiRequest request;
        request.method = http::Method::kPatch;
        request.path = call.path;
        Json body = call.envelope;
        body["updates"] = Json::array();
        bool replayable = true;
        for (std::size_t i = begin; i < end; ++i) {
            body["updates"].push_back(items[i]);
            replayable = replayable && NamesRecord(items[i]);
        }
        request.json_body = Dump(body);
        request.replay = replayable ? Replay::kSafe : Replay::kCreate;
        const std::string name = CallName(request);
        Result<http::HttpResponse> response = transport.Call(request);
        if (!response) {
            if (begin == 0) return Fail(response.error());
            const Error& error = response.error();
            return Fail(Error(error.code(),
                              fmt::format("{} (items 0 to {} had been synced before)",
                                          error.message(), begin - 1),
                              error.problems()));
        }
        CREWSYNC_ASSIGN_OR_RETURN(BatchAnswer answer,
                                  ReadBatchAnswer(name, response->body, items, begin, end));
        Result<std::vector<Record>> entities = decode(answer.entities);
        if (!entities) return Fail(BadAnswer(name, entities.error()));
        for (Record& record : *entities) result.entities.push_back(std::move(record));
        for (SyncItemError& error : answer.errors) result.errors.push_back(std::move(error));
    }
    return result;
}

template Result<SyncResult<RemoteUser>> RunSync(ApiTransport&, const SyncCall&,
                                                const std::vector<Json>&,
                                                const PageDecoder<RemoteUser>&);
template Result<SyncResult<RemoteProject>> RunSync(ApiTransport&, const SyncCall&,
                                                   const std::vector<Json>&,
                                                   const PageDecoder<RemoteProject>&);

}  // namespace crewsync::procore::internal
