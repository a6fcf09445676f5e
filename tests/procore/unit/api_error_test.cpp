#include "procore/api_error.hpp"

#include <gtest/gtest.h>

namespace crewsync::procore {
namespace {

TEST(ParseErrorBody, ReadsEveryShapeProcoreUses) {
    ErrorBody rails = ParseErrorBody(R"({"errors":{"city":["can't be blank"],"zip":"bad"}})");
    ASSERT_EQ(rails.problems.size(), 2u);
    EXPECT_EQ(rails.problems[0].field, "city");
    EXPECT_EQ(rails.problems[0].message, "can't be blank");
    EXPECT_EQ(rails.problems[1].message, "bad");

    EXPECT_EQ(ParseErrorBody(R"({"message":"Missing Procore-Company-Id header!"})").message,
              "Missing Procore-Company-Id header!");
    EXPECT_EQ(ParseErrorBody(R"({"errors":"You do not have permission"})").message,
              "You do not have permission");
    EXPECT_EQ(ParseErrorBody(R"({"error":"Rate limited"})").message, "Rate limited");

    ErrorBody v2 = ParseErrorBody(
        R"({"error":{"code":"BAD_REQUEST","message":"Invalid","details":[{"reason_code":"X",)"
        R"("message":"must be a date","source":"start_date"}]}})");
    EXPECT_EQ(v2.message, "Invalid");
    ASSERT_EQ(v2.problems.size(), 1u);
    EXPECT_EQ(v2.problems[0].field, "start_date");

    EXPECT_EQ(ParseErrorBody(R"({"error":"invalid_grant","error_description":"used"})").message,
              "used");
    EXPECT_TRUE(ParseErrorBody("<html>Bad Gateway</html>").message.empty());
    EXPECT_TRUE(ParseErrorBody("").problems.empty());
}

TEST(ErrorFromResponse, NamesTheCallStatusAndRequestId) {
    http::HttpResponse response{422, {{"X-Request-Id", "abc123"}},
                                R"({"errors":{"last_name":["can't be blank"]}})"};
    const Error error = ErrorFromResponse(response, "POST /rest/v1.3/companies/1/users");
    EXPECT_EQ(error.code(), ErrorCode::kRemoteRejected);
    EXPECT_EQ(error.message(),
              "POST /rest/v1.3/companies/1/users: Procore refused the request (HTTP 422) "
              "[request id abc123]");
    EXPECT_EQ(error.ToString(), error.message() + "\n  last_name: can't be blank");
}

TEST(ErrorFromTransport, IsTransientUnlessRetryingCannotHelp) {
    EXPECT_EQ(ErrorFromTransport({http::TransportFailure::kTimeout, true, "timed out"}, "GET /x")
                  .code(),
              ErrorCode::kTransient);
    EXPECT_EQ(ErrorFromTransport({http::TransportFailure::kTls, true, "bad cert"}, "GET /x")
                  .code(),
              ErrorCode::kRemoteRejected);
}

TEST(RetryAfter, ReadsWholeSeconds) {
    EXPECT_EQ(RetryAfter({{"Retry-After", "12"}}), std::chrono::seconds(12));
    EXPECT_EQ(RetryAfter({{"Retry-After", "soon"}}), std::nullopt);
    EXPECT_EQ(RetryAfter({}), std::nullopt);
}

}  // namespace
}  // namespace crewsync::procore
