// crewsync connect, crewsync doctor, crewsync disconnect
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/credential_input.hpp"
#include "cli/exit_codes.hpp"
#include "cli/procore_session.hpp"
#include "procore/access_check.hpp"
#include "workspace/config_edit.hpp"

namespace crewsync::cli {
namespace {

struct Environment {
    const char* name;
    const char* base_url;
    const char* login_url;
};

// procore-api.md §1.1.
constexpr Environment kEnvironments[] = {
    {"production", "https://api.procore.com", "https://login.procore.com"},
    {"sandbox", "https://sandbox.procore.com", "https://login-sandbox.procore.com"},
    {"monthly-sandbox", "https://api-monthly.procore.com",
     "https://login-sandbox-monthly.procore.com"},
};

procore::AccessCheckOptions CheckOptionsFor(const workspace::Config& config,
                                            const std::vector<std::string>& required) {
    procore::AccessCheckOptions options;
    options.projects_write_required =
        config.projects.system_of_record == workspace::SystemOfRecord::kCrewsync;
    for (const std::string& r : required) {
        if (r == "timecards") options.timecards_required = true;
        if (r == "webhooks") options.webhooks_required = true;
    }
    return options;
}

nlohmann::json ReportJson(const procore::AccessReport& report, const std::string& base_url) {
    nlohmann::json checks = nlohmann::json::array();
    for (const procore::AccessCheck& c : report.checks) {
        checks.push_back({{"id", c.id},
                          {"title", c.title},
                          {"outcome", procore::CheckOutcomeName(c.outcome)},
                          {"required", c.required},
                          {"detail", c.detail},
                          {"fix", c.fix}});
    }
    return {{"api", base_url},
            {"company_id", report.company_id},
            {"company_name", report.company_name},
            {"service_account",
             {{"id", report.service_account.id},
              {"login", report.service_account.login},
              {"name", report.service_account.name}}},
            {"projects",
             {{"visible", report.visible_projects}, {"in_company", report.company_projects}}},
            {"checks", checks},
            {"ready", report.Ready()}};
}

void PrintReport(const procore::AccessReport& report, const std::string& base_url,
                 procore::RateGovernor& governor) {
    std::cout << fmt::format("Procore company {}{} at {}\n", report.company_id,
                             report.company_name.empty() ? "" : " " + report.company_name,
                             base_url);
    int missing = 0;
    for (const procore::AccessCheck& c : report.checks) {
        std::string label = procore::CheckOutcomeName(c.outcome);
        if (c.outcome != procore::CheckOutcome::kOk && !c.required) label = "optional";
        if (c.outcome != procore::CheckOutcome::kOk && c.required) ++missing;
        std::cout << fmt::format("  {:<9}{}: {}\n", label, c.title, c.detail);
        if (!c.fix.empty()) std::cout << fmt::format("  {:<9}fix: {}\n", "", c.fix);
    }
    if (const auto window = governor.LastWindow()) {
        std::cout << fmt::format("Rate limit: {} of {} requests left in the current window\n",
                                 window->remaining, window->limit);
    }
    if (missing == 0) {
        std::cout << "Ready: the account can do everything crewsync needs.\n";
    } else {
        std::cout << fmt::format("Not ready: {} required check{} did not pass; see the fixes "
                                 "above.\n",
                                 missing, missing == 1 ? "" : "s");
    }
}

// The exit status of a report: access problems are 6 (credentials or permissions), a Procore
// that could not be asked is 7.
Status ReportStatus(const procore::AccessReport& report);

// With --json the report says it all: the exit status is set without a second JSON document.
Status Finish(CliContext& context, const procore::AccessReport& report) {
    Status status = ReportStatus(report);
    if (status || !context.json) return status;
    context.exit_code = ExitCodeFor(status.error().code());
    return Ok();
}

Status ReportStatus(const procore::AccessReport& report) {
    if (report.Ready()) return Ok();
    for (const procore::AccessCheck& c : report.checks) {
        if (c.required && c.outcome == procore::CheckOutcome::kFailed) {
            return Fail(ErrorCode::kTransient,
                        "Procore could not be asked everything; see the report above");
        }
        if (c.id == "token" && c.outcome == procore::CheckOutcome::kMissing) {
            return Fail(ErrorCode::kUnauthorized, "Procore refused the credentials");
        }
    }
    return Fail(ErrorCode::kForbidden,
                "the Procore account lacks what crewsync needs (see the report above)");
}

void RegisterConnect(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand(
        "connect", "Connect the workspace to a Procore company and check what the account can do");
    struct Args {
        std::string environment;
        std::string base_url;
        std::string login_url;
        std::int64_t company_id = 0;
        std::string grant = "client-credentials";
        std::optional<std::string> credentials_file;
        std::vector<std::string> require;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--environment", args->environment,
                    "production, sandbox or monthly-sandbox (sets both Procore addresses)")
        ->check(CLI::IsMember({"production", "sandbox", "monthly-sandbox"}));
    cmd->add_option("--base-url", args->base_url, "Procore API address, e.g. the emulator's");
    cmd->add_option("--login-url", args->login_url,
                    "Procore sign-in address (default: the API address for a custom one)");
    cmd->add_option("--company-id", args->company_id,
                    "The Procore company (default: procore.company_id in crewsync.toml)");
    cmd->add_option("--grant", args->grant,
                    "client-credentials (a service account) or authorization-code")
        ->check(CLI::IsMember({"client-credentials", "authorization-code"}))
        ->capture_default_str();
    cmd->add_option("--credentials-file", args->credentials_file,
                    "TOML file with client_id and client_secret (mode 600)");
    cmd->add_option("--require", args->require, "Also require timecards and/or webhooks")
        ->check(CLI::IsMember({"timecards", "webhooks"}))
        ->delimiter(',');
    cmd->footer(fmt::format(
        "Credentials come from --credentials-file, from {} and {}, or from the\n"
        "prompt; never from the command line. They are stored encrypted in the workspace.",
        kClientIdVariable, kClientSecretVariable));
    OnRun(cmd, context, [&context, args]() -> Status {
        CREWSYNC_TRY(context.OpenWorkspace());
        const auto& current = context.config().procore;
        ProcoreTarget target{current.base_url, current.login_url, current.company_id, {},
                             CaFileFrom(context.env())};
        for (const Environment& e : kEnvironments) {
            if (args->environment == e.name) {
                target.base_url = e.base_url;
                target.login_url = e.login_url;
            }
        }
        if (!args->base_url.empty()) {
            target.base_url = args->base_url;
            target.login_url = args->login_url.empty() ? args->base_url : args->login_url;
        } else if (!args->login_url.empty()) {
            target.login_url = args->login_url;
        }
        if (args->company_id != 0) target.company_id = args->company_id;
        if (target.company_id == 0) {
            // A service account cannot list its companies without naming one (procore-api.md
            // §2.5), so the company is never guessed.
            return Fail(ErrorCode::kInvalidArgument,
                        "choose the Procore company with --company-id N: the number that follows "
                        "app.procore.com/ in the address of your company's Procore pages");
        }
        const bool by_code = args->grant == "authorization-code";
        target.credentials.grant = by_code ? procore::GrantType::kAuthorizationCode
                                           : procore::GrantType::kClientCredentials;

        CREWSYNC_ASSIGN_OR_RETURN(CredentialInput input,
                                  ReadCredentials(args->credentials_file, context.env()));
        target.credentials.app = {input.client_id, input.client_secret};

        // Tried with tokens in memory: nothing is stored until Procore accepted them.
        procore::MemoryTokenKeeper trial;
        if (by_code) {
            ProcoreSession login(target, trial);
            SecretString code = input.authorization_code;
            if (code.empty()) {
                std::cerr << "Open this address, approve crewsync, and paste the code Procore "
                             "shows:\n  "
                          << login.connection().auth().oauth().AuthorizeUrl(
                                 procore::kOutOfBandRedirect, "")
                          << "\n";
                code = SecretString(PromptLine("Authorization code: ", true).value_or(""));
            }
            if (code.empty()) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("no authorization code was given (prompt, {} or "
                                        "authorization_code in the credentials file)",
                                        kAuthorizationCodeVariable));
            }
            CREWSYNC_ASSIGN_OR_RETURN(
                procore::TokenSet tokens,
                login.connection().auth().oauth().ExchangeCode(code.Reveal(),
                                                               procore::kOutOfBandRedirect));
            trial.Renew([&](const auto&) -> Result<procore::TokenSet> { return tokens; });
        }
        ProcoreSession session(target, trial);
        const procore::AccessReport report = procore::CheckAccess(
            session.connection().transport(), session.api(),
            CheckOptionsFor(context.config(), args->require));
        const bool reachable = report.checks.size() > 2;  // token and company passed
        if (reachable) {
            CREWSYNC_TRY(workspace::SetSettings(
                context.paths().config, "procore",
                {{"base_url", workspace::TomlString(target.base_url)},
                 {"login_url", workspace::TomlString(target.login_url)},
                 {"company_id", std::to_string(target.company_id)}}));
            CREWSYNC_ASSIGN_OR_RETURN(auto secrets, SecretAccess::Open(context));
            CREWSYNC_TRY(secrets->vault().SaveCredentials(target.credentials));
            CREWSYNC_ASSIGN_OR_RETURN(auto tokens, trial.Load());
            if (tokens) CREWSYNC_TRY(secrets->vault().SaveTokens(*tokens));
        }
        if (context.json) {
            nlohmann::json out = ReportJson(report, target.base_url);
            out["connected"] = reachable;
            context.PrintJson(out);
        } else {
            PrintReport(report, target.base_url, session.connection().governor());
            if (reachable) {
                std::cout << fmt::format(
                    "{} The credentials (from the {}) are stored encrypted in {}; the key that "
                    "opens them is {}.\n",
                    report.Ready() ? "Connected."
                                   : "Connected, but not ready: after the fixes above, run "
                                     "`crewsync doctor`.",
                    input.source, context.paths().database, context.paths().key_file);
            } else {
                std::cout << "Nothing was stored: fix the problem above and run "
                             "`crewsync connect` again.\n";
            }
        }
        return Finish(context, report);
    });
}

void RegisterDoctor(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand(
        "doctor", "Check the Procore connection: token, company, and what the account can do");
    auto required = std::make_shared<std::vector<std::string>>();
    cmd->add_option("--require", *required, "Also require timecards and/or webhooks")
        ->check(CLI::IsMember({"timecards", "webhooks"}))
        ->delimiter(',');
    cmd->footer("Exit status 0 when ready, 6 when a required permission is missing, 7 when "
                "Procore could not be reached.");
    OnRun(cmd, context, [&context, required]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto secrets, SecretAccess::Open(context));
        CREWSYNC_ASSIGN_OR_RETURN(ProcoreTarget target, StoredTarget(context, *secrets));
        credentials::StoreTokenKeeper keeper(secrets->vault(), secrets->store());
        ProcoreSession session(target, keeper);
        const procore::AccessReport report =
            procore::CheckAccess(session.connection().transport(), session.api(),
                                 CheckOptionsFor(context.config(), *required));
        if (context.json) {
            context.PrintJson(ReportJson(report, target.base_url));
        } else {
            PrintReport(report, target.base_url, session.connection().governor());
        }
        return Finish(context, report);
    });
}

void RegisterDisconnect(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand(
        "disconnect", "Revoke the workspace's Procore tokens and forget its credentials");
    OnRun(cmd, context, [&context]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto secrets, SecretAccess::Open(context));
        CREWSYNC_ASSIGN_OR_RETURN(auto credentials, secrets->vault().LoadCredentials());
        CREWSYNC_ASSIGN_OR_RETURN(auto tokens, secrets->vault().LoadTokens());
        if (!credentials) {
            if (context.json) {
                context.PrintJson({{"disconnected", false}, {"reason", "not connected"}});
            } else {
                std::cout << "This workspace is not connected to Procore; nothing to forget.\n";
            }
            return Ok();
        }
        std::string revoked = "no token was stored";
        if (tokens) {
            ProcoreTarget target{context.config().procore.base_url,
                                 context.config().procore.login_url,
                                 context.config().procore.company_id, *credentials,
                                 CaFileFrom(context.env())};
            procore::MemoryTokenKeeper keeper;
            ProcoreSession session(target, keeper);
            const Status status = session.connection().auth().oauth().Revoke(
                tokens->refresh_token.empty() ? tokens->access_token : tokens->refresh_token);
            revoked = status ? "the tokens were revoked"
                             : "the tokens could not be revoked (" + status.error().message() +
                                   "); they expire within 90 minutes";
        }
        CREWSYNC_TRY(secrets->vault().Forget());
        if (context.json) {
            context.PrintJson({{"disconnected", true}, {"revocation", revoked}});
        } else {
            std::cout << "Disconnected: the stored Procore credentials are gone and " << revoked
                      << ".\n";
        }
        return Ok();
    });
}

}  // namespace

void RegisterProcoreCommands(CLI::App& app, CliContext& context) {
    RegisterConnect(app, context);
    RegisterDoctor(app, context);
    RegisterDisconnect(app, context);
}

}  // namespace crewsync::cli
