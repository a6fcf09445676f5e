#include "procore/pager.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "procore/unit/transport_fixture.hpp"

namespace crewsync::procore::testing {
namespace {

TEST(NextLink, FindsTheNextEntry) {
    EXPECT_EQ(NextLink(R"(<https://a.x/u?page=2&per_page=5>; rel="next", )"
                       R"(<https://a.x/u?page=30&per_page=5>; rel="last")"),
              "https://a.x/u?page=2&per_page=5");
    EXPECT_EQ(NextLink(R"(<https://a.x/u?page=1>; rel="first", <https://a.x/u?page=1>; )"
                       R"(rel="prev", <https://a.x/u?page=3&filters[id]=1,2>; rel="next")"),
              "https://a.x/u?page=3&filters[id]=1,2");
    EXPECT_EQ(NextLink(R"(<https://a.x/u?page=1>; rel="first", )"
                       R"(<https://a.x/u?page=2>; rel="prev")"),
              std::nullopt);
    EXPECT_EQ(NextLink(""), std::nullopt);
    EXPECT_EQ(NextLink("garbage <without end"), std::nullopt);
}

class PagerTest : public ::testing::Test {
protected:
    void SetUp() override { rig_.login->Reply(200, TokenBody("t")); }

    static http::HttpResponse Page(std::string body, std::string next) {
        http::HttpResponse r{200, {{"Total", "5"}}, std::move(body)};
        if (!next.empty()) r.headers.Add("Link", "<" + next + ">; rel=\"next\"");
        return r;
    }

    TransportRig rig_;
};

TEST_F(PagerTest, FollowsNextLinksUntilTheLastPage) {
    std::vector<http::HttpResponse> pages = {
        Page("[1,2]", "https://api.example/rest/v1.3/u?page=2&per_page=2"),
        Page("[3,4]", "https://api.example/rest/v1.3/u?page=3&per_page=2"),
        Page("[5]", ""),
    };
    std::size_t served = 0;
    testing_support::FakeHttpClient& api = *rig_.api;
    api.SetHandler([&](const http::HttpRequest&) -> http::HttpResult {
        return pages.at(served++);
    });
    std::vector<std::string> bodies;
    std::vector<int> numbers;
    ApiRequest first;
    first.path = "/rest/v1.3/u";
    first.query = {{"filters[search]", "x"}};
    ASSERT_TRUE(ForEachPage(rig_.transport, first, 2, [&](const procore::Page& page) -> Status {
        bodies.push_back(page.response.body);
        numbers.push_back(page.number);
        EXPECT_EQ(page.total, 5);
        return Ok();
    }));
    EXPECT_EQ(bodies, (std::vector<std::string>{"[1,2]", "[3,4]", "[5]"}));
    EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(api.requests().at(0).url,
              "https://api.example/rest/v1.3/u?filters%5Bsearch%5D=x&page=1&per_page=2");
    EXPECT_EQ(api.requests().at(2).url, "https://api.example/rest/v1.3/u?page=3&per_page=2");
}

TEST_F(PagerTest, StopsAtAnEmptyPage) {
    rig_.api->Reply(200, "[1]", {{"Link", R"(<https://api.example/u?page=2>; rel="next")"}});
    rig_.api->Reply(200, " [ ] ", {{"Link", R"(<https://api.example/u?page=3>; rel="next")"}});
    int pages = 0;
    ApiRequest first;
    first.path = "/u";
    ASSERT_TRUE(ForEachPage(rig_.transport, first, 1, [&](const procore::Page&) -> Status {
        ++pages;
        return Ok();
    }));
    EXPECT_EQ(pages, 1);
    EXPECT_EQ(rig_.api->requests().size(), 2u);
}

TEST_F(PagerTest, RefusesLinksThatGoRoundInCircles) {
    rig_.api->SetHandler([](const http::HttpRequest&) -> http::HttpResult {
        return http::HttpResponse{
            200, {{"Link", R"(<https://api.example/u?page=2>; rel="next")"}}, "[1]"};
    });
    ApiRequest first;
    first.path = "/u";
    const Status status = ForEachPage(rig_.transport, first, 1,
                                      [](const procore::Page&) -> Status { return Ok(); });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code(), ErrorCode::kRemoteBug);
    EXPECT_EQ(rig_.api->requests().size(), 2u);  // page 2 named itself as next
}

TEST_F(PagerTest, StopsWhenThePageHandlerFails) {
    rig_.api->Reply(200, "[1]", {{"Link", R"(<https://api.example/u?page=2>; rel="next")"}});
    ApiRequest first;
    first.path = "/u";
    const Status status = ForEachPage(rig_.transport, first, 1, [](const procore::Page&) -> Status {
        return Fail(ErrorCode::kRemoteBug, "bad page");
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message(), "bad page");
    EXPECT_EQ(rig_.api->requests().size(), 1u);
}

}  // namespace
}  // namespace crewsync::procore::testing
