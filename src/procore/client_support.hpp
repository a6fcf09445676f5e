// Internal to the Procore client: what its resource files share. Paths of the client's
// company, names of calls for messages, lists walked page by page into vectors, single records
// decoded with the list decoders, and looking a record up after a create went unanswered.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "procore/pager.hpp"
#include "procore/procore_api.hpp"
#include "procore/transport.hpp"

namespace crewsync::procore::internal {

// "/rest/" + version + "/companies/" + the transport's company + rest.
std::string CompanyPath(const ApiTransport& transport, std::string_view version,
                        std::string_view rest = "");
std::string CompanyIdText(const ApiTransport& transport);

// "PATCH /rest/v1.3/companies/7/users/sync": how the transport names a call in its errors.
std::string CallName(const ApiRequest& request);

// A decoder's complaint about a response (kInvalidArgument, about data crewsync did not
// write) as what it is: kRemoteBug, naming the call.
Error BadAnswer(std::string_view call, const Error& decode_error);

// The records of one page body (directory_json.hpp's decoders and the like).
template <class Record>
using PageDecoder = std::function<Result<std::vector<Record>>(std::string_view body)>;

// Appends every record of a paginated list to `out`, telling `progress` after each page. What
// `out` held before counts as done: several lists can make one walk.
template <class Record>
Status CollectPages(ApiTransport& transport, ApiRequest first, int per_page,
                    const PageDecoder<Record>& decode, const ListProgress& progress,
                    std::vector<Record>& out) {
    const std::string call = CallName(first);
    const auto before = static_cast<std::int64_t>(out.size());
    return ForEachPage(transport, std::move(first), per_page, [&](const Page& page) -> Status {
        Result<std::vector<Record>> records = decode(page.response.body);
        if (!records) return Fail(BadAnswer(call, records.error()));
        for (Record& record : *records) out.push_back(std::move(record));
        if (progress) {
            const std::optional<std::int64_t> total =
                page.total ? std::optional<std::int64_t>(before + *page.total) : std::nullopt;
            progress(static_cast<std::int64_t>(out.size()), total);
        }
        return Ok();
    });
}

// The one record of a single-record answer, read with a list decoder ("[" + body + "]").
template <class Record>
Result<Record> DecodeSingle(std::string_view call, const std::string& body,
                            const PageDecoder<Record>& decode) {
    Result<std::vector<Record>> records = decode("[" + body + "]");
    if (!records) return Fail(BadAnswer(call, records.error()));
    if (records->size() != 1) {
        return Fail(ErrorCode::kRemoteBug,
                    std::string(call) + ": Procore's answer is not the one record it documents");
    }
    return std::move(records->front());
}

// Walks the pages of `request` for the first record whose `field` is `value` (compared as
// text: Procore writes some origin_ids as numbers); its JSON text, or nullopt.
Result<std::optional<std::string>> FindRecord(ApiTransport& transport, ApiRequest request,
                                              int per_page, std::string_view field,
                                              std::string_view value);

// What a create's lookup hands the transport when the record exists after all.
http::HttpResponse FoundResponse(std::string body);

// Whether a call was sent again after an attempt whose outcome is unknown (a 5xx or no
// answer), judged from the transport's counters before and after it: a 404 on a second
// delete or reactivation then means the first one worked.
bool ResentAfterFailure(const TransportStats& before, const TransportStats& after);

// Sends a DELETE (kSafe). A 404 after a resend is success: the first attempt did it.
Status CallDelete(ApiTransport& transport, const ApiRequest& request);

}  // namespace crewsync::procore::internal
