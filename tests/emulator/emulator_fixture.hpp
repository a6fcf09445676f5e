// An emulator on a free loopback port for one test, and a plain cpp-httplib client that talks
// to it the way any Procore client would (not crewsync's own client).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"

namespace crewsync::emulator::testing {

using Json = nlohmann::json;

class EmulatorTest : public ::testing::Test {
protected:
    explicit EmulatorTest(EmulatorOptions options = {}) : emulator_(Options(std::move(options))) {}

    void SetUp() override {
        Services& s = emulator_.services();
        company_id_ = SeedCompany(s.state, seed_, s.clock.Now()).id;
        s.restore = [seed = seed_, now = s.clock.Now()](State& state) {
            State fresh;
            SeedCompany(fresh, seed, now);
            state.Replace(std::move(fresh));
        };
        ASSERT_TRUE(emulator_.Start());
        client_ = std::make_unique<httplib::Client>("127.0.0.1", emulator_.Port());
    }

    // A client-credentials token of the seeded application.
    std::string Token() {
        const auto res = client_->Post("/oauth/token",
                                       httplib::Params{{"grant_type", "client_credentials"},
                                                       {"client_id", seed_.client_id},
                                                       {"client_secret", seed_.client_secret}});
        EXPECT_TRUE(res) << "no response";
        if (!res) return "";
        EXPECT_EQ(res->status, 200) << res->body;
        return Json::parse(res->body).value("access_token", "");
    }

    // Authorization and Procore-Company-Id for the seeded company.
    httplib::Headers Auth(const std::string& token) const {
        return {{"Authorization", "Bearer " + token},
                {"Procore-Company-Id", std::to_string(company_id_)}};
    }
    httplib::Headers Auth() { return Auth(Token()); }

    // The body of a response as JSON (every emulator response has one).
    static Json BodyOf(const httplib::Result& res) {
        EXPECT_TRUE(res) << "no response";
        if (!res) return Json();
        const Json body = Json::parse(res->body, nullptr, false);
        EXPECT_FALSE(body.is_discarded()) << "not JSON: " << res->body;
        return body;
    }

    std::string CompanyPath(const std::string& version, const std::string& rest) const {
        return "/rest/" + version + "/companies/" + std::to_string(company_id_) + rest;
    }

    void AdvanceClock(std::int64_t seconds) {
        const auto res = client_->Post("/__emulator/clock",
                                       Json{{"advance_seconds", seconds}}.dump(),
                                       "application/json");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
    }

    Emulator emulator_;
    SeedOptions seed_;
    RecordId company_id_ = 0;
    std::unique_ptr<httplib::Client> client_;

private:
    static EmulatorOptions Options(EmulatorOptions options) {
        options.port = 0;
        options.threads = 4;
        return options;
    }
};

}  // namespace crewsync::emulator::testing
