// End-to-end: the real crewsync binary connects to an emulator running inside the test process,
// and `doctor` reports what the account can do. Everything crewsync prints here is also written
// to $CREWSYNC_TEST_OUTPUT_DIR with the secrets of the run, for the secret leak check
// (secret_leak_test.cpp) that runs after the suite.
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

namespace crewsync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::HasSubstr;
using testing::Not;
using testing_support::ProgramOutput;

constexpr int kOk = 0;
constexpr int kInvalidInput = 3;
constexpr int kNotFound = 4;
constexpr int kAccess = 6;
constexpr const char* kSecret = "connect-test-secret-7f3a91c2";
constexpr const char* kOutputDir = CREWSYNC_TEST_OUTPUT_DIR;

class ConnectTest : public testing::Test {
protected:
    ConnectTest() : emulator_(Options()) {}

    static emulator::EmulatorOptions Options() {
        emulator::EmulatorOptions options;
        options.threads = 4;
        return options;
    }

    void SetUp() override {
        seed_.client_secret = kSecret;
        auto& s = emulator_.services();
        company_id_ = emulator::SeedCompany(s.state, seed_, s.clock.Now()).id;
        ASSERT_TRUE(emulator_.Start());
        admin_ = std::make_unique<httplib::Client>("127.0.0.1", emulator_.Port());
        const char* bin = std::getenv("CREWSYNC_BIN");
        ASSERT_NE(bin, nullptr);
        bin_ = bin;
        fs::create_directories(dir_.path() / "io");
        ASSERT_EQ(Run({"init", "--name", "Connect Test"}).code, kOk);
    }

    void TearDown() override {
        // The secrets of this test, for the leak check that runs after the suite.
        {
            const fs::path out = kOutputDir;
            fs::create_directories(out);
            std::ofstream secrets(out / (Name() + ".secrets"), std::ios::trunc);
            secrets << kSecret << '\n';
            for (const std::string& token : emulator_.services().IssuedTokens()) {
                secrets << token << '\n';
            }
        }
        emulator_.Stop();
    }

    static std::string Name() {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        return std::string(info->test_suite_name()) + "." + info->name();
    }

    ProgramOutput Run(std::vector<std::string> args, std::map<std::string, std::string> env = {},
                      std::optional<std::string> stdin_text = std::nullopt) {
        env["CREWSYNC_WORKSPACE"] = dir_.path().string();
        ProgramOutput o = testing_support::RunProgram(
            {bin_, args, dir_.path().string(), env, stdin_text, dir_.path() / "io"});
        {
            const fs::path out = kOutputDir;
            fs::create_directories(out);
            std::ofstream log(out / (Name() + ".log"), std::ios::app);
            log << "$ crewsync";
            for (const auto& a : args) log << ' ' << a;
            log << '\n' << o.out << o.err;
        }
        return o;
    }

    std::map<std::string, std::string> Credentials(const std::string& secret = kSecret) const {
        return {{"CREWSYNC_PROCORE_CLIENT_ID", seed_.client_id},
                {"CREWSYNC_PROCORE_CLIENT_SECRET", secret}};
    }

    std::vector<std::string> ConnectArgs() const {
        return {"connect", "--base-url", emulator_.BaseUrl(), "--company-id",
                std::to_string(company_id_)};
    }

    void Connect() {
        const ProgramOutput o = Run(ConnectArgs(), Credentials());
        ASSERT_EQ(o.code, kOk) << o;
    }

    void Admin(const std::string& path, const json& body) {
        const auto res = admin_->Put(path, body.dump(), "application/json");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
    }

    // A token of the app, and the company, as any Procore client sends them.
    httplib::Headers Headers() {
        auto res = admin_->Post("/oauth/token",
                                httplib::Params{{"grant_type", "client_credentials"},
                                                {"client_id", seed_.client_id},
                                                {"client_secret", kSecret}});
        if (!res) return {};
        const std::string token = json::parse(res->body).value("access_token", "");
        return {{"Authorization", "Bearer " + token},
                {"Procore-Company-Id", std::to_string(company_id_)}};
    }

    json Doctor(int expected_code, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"doctor", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const ProgramOutput o = Run(args);
        EXPECT_EQ(o.code, expected_code) << o;
        return json::parse(o.out, nullptr, false);
    }

    static json Check(const json& report, const std::string& id) {
        for (const json& c : report["checks"]) {
            if (c["id"] == id) return c;
        }
        ADD_FAILURE() << "no check " << id << " in " << report.dump(2);
        return json::object();
    }

    emulator::Emulator emulator_;
    emulator::SeedOptions seed_;
    std::int64_t company_id_ = 0;
    std::unique_ptr<httplib::Client> admin_;
    std::string bin_;
    testing_support::TempDir dir_{"crewsync-connect"};
};

TEST_F(ConnectTest, ConnectsWithEnvironmentCredentialsAndStoresThemEncrypted) {
    const ProgramOutput o = Run(ConnectArgs(), Credentials());
    ASSERT_EQ(o.code, kOk) << o;
    EXPECT_THAT(o.out, HasSubstr("Demo Construction Co."));
    EXPECT_THAT(o.out, HasSubstr("Ready"));
    EXPECT_THAT(o.out, HasSubstr("stored encrypted"));
    const std::string toml = testing_support::ReadWholeFile(dir_.path() / "crewsync.toml");
    EXPECT_THAT(toml, HasSubstr("company_id = " + std::to_string(company_id_)));
    EXPECT_THAT(toml, HasSubstr(emulator_.BaseUrl()));
    EXPECT_THAT(toml, HasSubstr("# How crewsync reaches Procore."));  // comments kept
    // Neither the secret nor any token is in the database or the settings in the clear.
    const std::string db = testing_support::ReadWholeFile(dir_.path() / "crewsync.db");
    const std::string wal = testing_support::ReadWholeFile(dir_.path() / "crewsync.db-wal");
    EXPECT_EQ(db.find(kSecret), std::string::npos);
    EXPECT_EQ(wal.find(kSecret), std::string::npos);
    for (const std::string& token : emulator_.services().IssuedTokens()) {
        EXPECT_EQ(db.find(token), std::string::npos);
        EXPECT_EQ(wal.find(token), std::string::npos);
        EXPECT_EQ(toml.find(token), std::string::npos);
    }
    EXPECT_EQ(toml.find(kSecret), std::string::npos);
}

TEST_F(ConnectTest, AWrongSecretStoresNothing) {
    const ProgramOutput o = Run(ConnectArgs(), Credentials("not-the-secret"));
    EXPECT_EQ(o.code, kAccess) << o;
    EXPECT_THAT(o.out, HasSubstr("Nothing was stored"));
    EXPECT_THAT(o.out, HasSubstr("client ID and secret"));
    const ProgramOutput doctor = Run({"doctor"});
    EXPECT_EQ(doctor.code, kNotFound) << doctor;
    EXPECT_THAT(doctor.err, HasSubstr("crewsync connect"));
}

TEST_F(ConnectTest, AnotherCompanyIsRefusedWithTheFix) {
    const ProgramOutput o = Run({"connect", "--base-url", emulator_.BaseUrl(), "--company-id",
                                 "123456"},
                                Credentials());
    EXPECT_EQ(o.code, kAccess) << o;
    EXPECT_THAT(o.out, HasSubstr("Procore refused company 123456"));
    EXPECT_THAT(o.out, HasSubstr("install the app"));
    EXPECT_THAT(o.out, HasSubstr("Nothing was stored"));
}

TEST_F(ConnectTest, ReadsCredentialsFromAPrivateFileOnly) {
    const fs::path file = dir_.path() / "procore.toml";
    {
        std::ofstream out(file);
        out << "client_id = \"" << seed_.client_id << "\"\nclient_secret = \"" << kSecret
            << "\"\n";
    }
    ::chmod(file.c_str(), 0644);
    ProgramOutput o = Run({"connect", "--base-url", emulator_.BaseUrl(), "--credentials-file",
                           file.string(), "--company-id", std::to_string(company_id_)});
    EXPECT_EQ(o.code, kAccess) << o;
    EXPECT_THAT(o.err, HasSubstr("chmod 600"));
    ::chmod(file.c_str(), 0600);
    // The company is never guessed.
    o = Run({"connect", "--base-url", emulator_.BaseUrl(), "--credentials-file", file.string()});
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, HasSubstr("--company-id"));
    o = Run({"connect", "--base-url", emulator_.BaseUrl(), "--credentials-file", file.string(),
             "--company-id", std::to_string(company_id_)});
    EXPECT_EQ(o.code, kOk) << o;
    EXPECT_THAT(o.out, HasSubstr("file " + file.string()));
}

TEST_F(ConnectTest, ReadsCredentialsFromStandardInput) {
    const ProgramOutput o =
        Run(ConnectArgs(), {}, seed_.client_id + "\n" + std::string(kSecret) + "\n");
    EXPECT_EQ(o.code, kOk) << o;
    EXPECT_THAT(o.out, HasSubstr("prompt"));
}

TEST_F(ConnectTest, WithoutCredentialsItSaysHowToGiveThem) {
    const ProgramOutput o = Run(ConnectArgs());
    EXPECT_EQ(o.code, kInvalidInput) << o;
    EXPECT_THAT(o.err, HasSubstr("CREWSYNC_PROCORE_CLIENT_SECRET"));
    EXPECT_THAT(o.err, HasSubstr("never on the command line"));
}

TEST_F(ConnectTest, DoctorIsReadyWithAllPermissions) {
    Connect();
    const json report = Doctor(kOk);
    EXPECT_EQ(report["ready"], true);
    EXPECT_EQ(report["company_name"], "Demo Construction Co.");
    for (const char* id : {"token", "company", "directory_read", "directory_write",
                           "projects_read", "projects_all", "timecards_read", "timecards_write",
                           "webhooks"}) {
        EXPECT_EQ(Check(report, id)["outcome"], "ok") << id;
    }
    // The write probes wrote nothing.
    const auto calls = json::parse(admin_->Get("/__emulator/calls")->body);
    EXPECT_GE(calls["calls"].value("POST /rest/v1.0/companies/{id}/timecard_entries", 0), 1);
    const auto entries =
        admin_->Get("/rest/v1.0/companies/" + std::to_string(company_id_) + "/timecard_entries",
                    Headers());
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->body, "[]");
}

TEST_F(ConnectTest, DoctorNamesTheProjectsTheServiceAccountCannotSee) {
    Connect();
    // Three projects, one of which the service account is not added to.
    std::vector<std::int64_t> ids;
    for (const char* name : {"North Tower", "South Yard", "Depot"}) {
        const auto res = admin_->Post(
            "/rest/v1.0/projects", Headers(),
            json{{"company_id", company_id_}, {"project", {{"name", name}}}}.dump(),
            "application/json");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 201) << res->body;
        ids.push_back(json::parse(res->body)["id"].get<std::int64_t>());
    }
    Admin("/__emulator/projects/" + std::to_string(ids[1]) + "/service_account",
          {{"member", false}});
    const json report = Doctor(kAccess);
    EXPECT_EQ(report["ready"], false);
    const json projects = Check(report, "projects_all");
    EXPECT_EQ(projects["outcome"], "missing");
    EXPECT_THAT(projects["detail"].get<std::string>(), HasSubstr("sees 2 of the company's 3"));
    EXPECT_THAT(projects["fix"].get<std::string>(), HasSubstr("Permitted Projects"));
    EXPECT_EQ(report["projects"]["visible"], 2);
    EXPECT_EQ(report["projects"]["in_company"], 3);

    const ProgramOutput text = Run({"doctor"});
    EXPECT_EQ(text.code, kAccess);
    EXPECT_THAT(text.out, HasSubstr("missing"));
    EXPECT_THAT(text.out, HasSubstr("fix: Add the service account to every project"));
    EXPECT_THAT(text.out, HasSubstr("Not ready"));
}

TEST_F(ConnectTest, DoctorReportsAReadOnlyDirectory) {
    Connect();
    Admin("/__emulator/permissions", {{"directory", "read_only"}});
    const json report = Doctor(kAccess);
    EXPECT_EQ(Check(report, "directory_read")["outcome"], "ok");
    const json write = Check(report, "directory_write");
    EXPECT_EQ(write["outcome"], "missing");
    EXPECT_THAT(write["fix"].get<std::string>(), HasSubstr("Admin on the company Directory"));
}

TEST_F(ConnectTest, TimecardsAndWebhooksAreOptionalUnlessRequired) {
    Connect();
    Admin("/__emulator/permissions", {{"timecards", "none"}, {"webhooks", "none"}});
    json report = Doctor(kOk);
    EXPECT_EQ(Check(report, "timecards_read")["outcome"], "missing");
    EXPECT_EQ(Check(report, "timecards_write")["outcome"], "missing");
    EXPECT_EQ(Check(report, "webhooks")["outcome"], "missing");
    EXPECT_EQ(Check(report, "webhooks")["required"], false);
    report = Doctor(kAccess, {"--require", "timecards,webhooks"});
    EXPECT_EQ(Check(report, "webhooks")["required"], true);
    const ProgramOutput text = Run({"doctor"});
    EXPECT_THAT(text.out, HasSubstr("optional"));
    EXPECT_THAT(text.out, HasSubstr("Webhooks API permission"));
}

TEST_F(ConnectTest, AuthorizationCodeRefreshTokenIsRotatedAndKept) {
    const auto code_res = admin_->Get("/oauth/authorize?response_type=code&client_id=" +
                                      seed_.client_id +
                                      "&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob");
    ASSERT_TRUE(code_res);
    ASSERT_EQ(code_res->status, 200) << code_res->body;
    const std::string code = json::parse(code_res->body)["code"];
    auto env = Credentials();
    env["CREWSYNC_PROCORE_AUTHORIZATION_CODE"] = code;
    std::vector<std::string> args = ConnectArgs();
    args.insert(args.end(), {"--grant", "authorization-code"});
    ProgramOutput o = Run(args, env);
    ASSERT_EQ(o.code, kOk) << o;
    // The access token expires on the emulator's clock; the next run refreshes, and the run
    // after that uses the rotated refresh token (a lost rotation would strand it: 6).
    for (int round = 0; round < 2; ++round) {
        const auto res = admin_->Post("/__emulator/clock", json{{"advance_seconds", 6000}}.dump(),
                                      "application/json");
        ASSERT_TRUE(res);
        o = Run({"doctor"});
        EXPECT_EQ(o.code, kOk) << "round " << round << "\n" << o;
    }
}

TEST_F(ConnectTest, DisconnectForgetsTheCredentials) {
    Connect();
    const ProgramOutput o = Run({"disconnect"});
    EXPECT_EQ(o.code, kOk) << o;
    EXPECT_THAT(o.out, HasSubstr("revoked"));
    EXPECT_EQ(Run({"doctor"}).code, kNotFound);
}

TEST_F(ConnectTest, HelpNamesNoSecretOption) {
    const ProgramOutput o = Run({"connect", "--help"});
    EXPECT_EQ(o.code, kOk);
    EXPECT_THAT(o.out, HasSubstr("--credentials-file"));
    EXPECT_THAT(o.out, Not(HasSubstr("--client-secret")));
}

}  // namespace
}  // namespace crewsync
