// A fixture for tests of the real crewsync binary (CREWSYNC_BIN) against an emulator running
// inside the test process: a fresh workspace, initialised and connected to the emulator's
// company. Every command run through Run() is logged, with its output, to
// $CREWSYNC_TEST_OUTPUT_DIR/<test>.log, and the secrets the test used (client secret, issued
// tokens) to <test>.secrets, for the secret leak check.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

namespace crewsync::testing_support {

class ConnectedWorkspaceTest : public ::testing::Test {
protected:
    // `secret` is the app's client secret (a distinct one per suite, so a leak names its
    // suite); `name` the workspace's name.
    ConnectedWorkspaceTest(std::string secret, std::string name)
        : emulator_(Options()), secret_(std::move(secret)), name_(std::move(name)) {}

    void SetUp() override {
        seed_.client_secret = secret_;
        auto& s = emulator_.services();
        company_id_ = emulator::SeedCompany(s.state, seed_, s.clock.Now()).id;
        ASSERT_TRUE(emulator_.Start());
        const char* bin = std::getenv("CREWSYNC_BIN");
        ASSERT_NE(bin, nullptr) << "CREWSYNC_BIN must name the crewsync binary";
        bin_ = bin;
        std::filesystem::create_directories(dir_.path() / "io");
        std::filesystem::create_directories(OutputDir());  // Run() logs from the first command
        ASSERT_EQ(Run({"init", "--name", name_}).code, 0);
        const ProgramOutput o =
            Run({"connect", "--base-url", emulator_.BaseUrl(), "--company-id",
                 std::to_string(company_id_)},
                {{"CREWSYNC_PROCORE_CLIENT_ID", seed_.client_id},
                 {"CREWSYNC_PROCORE_CLIENT_SECRET", secret_}});
        ASSERT_EQ(o.code, 0) << o;
    }

    void TearDown() override {
        std::ofstream secrets(OutputDir() / (TestName() + ".secrets"), std::ios::trunc);
        secrets << secret_ << '\n';
        for (const std::string& token : emulator_.services().IssuedTokens()) {
            secrets << token << '\n';
        }
        emulator_.Stop();
    }

    // Runs `crewsync ARGS` in the workspace, with `env` added to its environment.
    ProgramOutput Run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
        env["CREWSYNC_WORKSPACE"] = dir_.path().string();
        ProgramOutput o =
            RunProgram({bin_, args, dir_.path().string(), env, std::nullopt, dir_.path() / "io"});
        std::ofstream log(OutputDir() / (TestName() + ".log"), std::ios::app);
        log << "$ crewsync";
        for (const auto& a : args) log << ' ' << a;
        log << '\n' << o.out << o.err;
        return o;
    }

    // Runs `f(company, state)` with the emulator's state locked.
    template <class F>
    auto WithCompany(F&& f) {
        emulator::State& state = emulator_.services().state;
        std::lock_guard lock(state.mutex);
        return f(*state.FindCompany(company_id_), state);
    }

    static std::string TestName() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        return std::string(info->test_suite_name()) + "." + info->name();
    }

    emulator::Emulator emulator_;
    emulator::SeedOptions seed_;
    std::int64_t company_id_ = 0;
    TempDir dir_;
    std::string bin_;

private:
    static emulator::EmulatorOptions Options() {
        emulator::EmulatorOptions options;
        options.threads = 4;
        options.limits = {1'000'000, 1'000'000};
        return options;
    }

    static std::filesystem::path OutputDir() { return CREWSYNC_TEST_OUTPUT_DIR; }

    std::string secret_;
    std::string name_;
};

}  // namespace crewsync::testing_support
