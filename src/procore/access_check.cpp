#include "procore/access_check.hpp"

#include <fmt/format.h>

namespace crewsync::procore {
namespace {

constexpr const char* kPermissionHow =
    "For a Developer Managed Service Account the permissions come from the app's manifest "
    "(Procore Developer Portal → your app → Manage Manifests; the company then updates the "
    "app in Company Admin → App Management); for a user account, from the user's company "
    "permission template.";

std::string Company(const ApiTransport& transport) {
    return std::to_string(transport.endpoint().company_id);
}

std::optional<std::int64_t> TotalOf(const http::HttpResponse& response) {
    const auto text = response.headers.Find("Total");
    if (!text) return std::nullopt;
    try {
        return std::stoll(std::string(*text));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The outcome of a probe that either works or is refused for lack of permission.
AccessCheck Probe(std::string id, std::string title, bool required, const Status& result,
                  std::string ok_detail, std::string fix) {
    AccessCheck check{std::move(id), std::move(title), CheckOutcome::kOk, required, "", ""};
    if (result) {
        check.detail = std::move(ok_detail);
        return check;
    }
    const ErrorCode code = result.error().code();
    if (code == ErrorCode::kForbidden || code == ErrorCode::kUnauthorized ||
        code == ErrorCode::kNotFound) {
        check.outcome = CheckOutcome::kMissing;
        check.detail = result.error().message();
        check.fix = std::move(fix);
    } else {
        check.outcome = CheckOutcome::kFailed;
        check.detail = result.error().message();
        check.fix = "Run `crewsync doctor` again; if it keeps failing, check the network and "
                    "Procore's status page.";
    }
    return check;
}

Status AsStatus(const Result<http::HttpResponse>& result) {
    if (result) return Ok();
    return Fail(result.error());
}

void CheckProjects(ApiTransport& transport, ProcoreApi& api, AccessReport& report) {
    ApiRequest list;
    list.path = "/rest/v1.1/projects";
    list.query = {{"company_id", Company(transport)}, {"filters[by_status]", "All"},
                  {"page", "1"}, {"per_page", "1"}};
    const auto visible = transport.Call(list);
    report.checks.push_back(Probe(
        "projects_read", "See projects", true, AsStatus(visible), "the project list is readable",
        fmt::format("Give the service account Read Only (or higher) on the Projects tool. {}",
                    kPermissionHow)));
    if (!visible) return;
    report.visible_projects = TotalOf(*visible).value_or(-1);

    AccessCheck all{"projects_all", "See every project of the company", CheckOutcome::kOk, true,
                    "", ""};
    const auto company = api.CountCompanyProjects();
    if (!company) {
        all.outcome = CheckOutcome::kFailed;
        all.detail = "could not count the company's projects: " + company.error().message();
    } else {
        report.company_projects = *company;
        const std::int64_t hidden = report.company_projects - report.visible_projects;
        if (report.visible_projects >= 0 && hidden > 0) {
            all.outcome = CheckOutcome::kMissing;
            all.detail = fmt::format(
                "the service account sees {} of the company's {} projects: {} {} hidden from "
                "it, and crewsync can neither link nor sync {}",
                report.visible_projects, report.company_projects, hidden,
                hidden == 1 ? "is" : "are", hidden == 1 ? "it" : "them");
            all.fix =
                "Add the service account to every project: Company Admin → App Management → "
                "your app → Permitted Projects → select all projects. Procore asks for this "
                "again after every app update or reinstall.";
        } else if (report.company_projects == 0) {
            all.detail = "the company has no projects yet";
        } else {
            all.detail = fmt::format("sees all {} projects", report.company_projects);
        }
    }
    if (all.outcome == CheckOutcome::kFailed) {
        all.fix = "Run `crewsync doctor` again; if it keeps failing, check the network and "
                  "Procore's status page.";
    }
    report.checks.push_back(std::move(all));
}

}  // namespace

const char* CheckOutcomeName(CheckOutcome outcome) {
    switch (outcome) {
        case CheckOutcome::kOk: return "ok";
        case CheckOutcome::kMissing: return "missing";
        case CheckOutcome::kFailed: return "failed";
        case CheckOutcome::kSkipped: return "skipped";
    }
    return "failed";
}

bool AccessReport::Ready() const {
    for (const AccessCheck& c : checks) {
        if (c.required && c.outcome != CheckOutcome::kOk) return false;
    }
    return true;
}

AccessReport CheckAccess(ApiTransport& transport, ProcoreApi& api, AccessCheckOptions options) {
    AccessReport report;
    report.company_id = transport.endpoint().company_id;
    const std::string company = Company(transport);

    const auto me = api.GetMe();
    AccessCheck token{"token", "Get a token", CheckOutcome::kOk, true, "", ""};
    const ErrorCode me_error = me ? ErrorCode::kInternal : me.error().code();
    if (me) {
        report.service_account = *me;
        token.detail = fmt::format("acting as {}, login {}, Procore user {}", me->name, me->login,
                                   me->id);
    } else if (me_error == ErrorCode::kForbidden || me_error == ErrorCode::kNotFound) {
        // The token was fine; Procore refused the company the call named.
        token.detail = "Procore accepted the credentials";
        report.checks.push_back(token);
        report.checks.push_back(
            {"company", "Reach the company", CheckOutcome::kMissing, true,
             fmt::format("Procore refused company {}: {}", company, me.error().message()),
             "Check the company id (--company-id, procore.company_id in crewsync.toml), and "
             "have a company admin install the app: Company Admin → App Management → Install "
             "App."});
        return report;
    } else if (me_error == ErrorCode::kUnauthorized) {
        token.outcome = CheckOutcome::kMissing;
        token.detail = "Procore refused the credentials: " + me.error().message();
        token.fix = "Check the client ID and secret (Procore Developer Portal → your app → "
                    "credentials of the right environment: production and sandbox differ), "
                    "then run `crewsync connect` again.";
    } else {
        token.outcome = CheckOutcome::kFailed;
        token.detail = "could not reach Procore: " + me.error().message();
        token.fix = "Check procore.base_url and procore.login_url in crewsync.toml, the "
                    "network, any proxy (HTTPS_PROXY) and, for a private certificate "
                    "authority, CREWSYNC_CA_FILE.";
    }
    report.checks.push_back(token);
    if (token.outcome != CheckOutcome::kOk) return report;

    AccessCheck installed{"company", "Reach the company", CheckOutcome::kOk, true, "", ""};
    const auto companies = api.ListCompanies();
    if (!companies) {
        installed.outcome = companies.error().code() == ErrorCode::kForbidden
                                ? CheckOutcome::kMissing
                                : CheckOutcome::kFailed;
        installed.detail = companies.error().message();
    } else {
        std::vector<std::string> others;
        for (const CompanySummary& c : *companies) {
            if (c.id == report.company_id) report.company_name = c.name;
            others.push_back(fmt::format("{} ({})", c.name, c.id));
        }
        if (report.company_name.empty()) {
            installed.outcome = CheckOutcome::kMissing;
            installed.detail = fmt::format(
                "the app is not installed in company {}; it is installed in: {}", company,
                others.empty() ? std::string("no company")
                               : fmt::format("{}", fmt::join(others, ", ")));
        } else {
            installed.detail = fmt::format("{} ({})", report.company_name, company);
        }
    }
    if (installed.outcome != CheckOutcome::kOk && installed.fix.empty()) {
        installed.fix = "Check procore.company_id in crewsync.toml, and have a company admin "
                        "install the app: Company Admin → App Management → Install App.";
    }
    report.checks.push_back(installed);
    if (installed.outcome != CheckOutcome::kOk) return report;

    const std::string directory_fix = fmt::format(
        "Give the service account {} on the company Directory tool. {}", "{}", kPermissionHow);
    ApiRequest users;
    users.path = "/rest/v1.3/companies/" + company + "/users";
    users.query = {{"page", "1"}, {"per_page", "1"}};
    const auto user_list = transport.Call(users);
    report.checks.push_back(Probe(
        "directory_read", "Read the Company Directory", true, AsStatus(user_list),
        user_list ? fmt::format("{} active user(s) in the Directory",
                                TotalOf(*user_list).value_or(0))
                  : "",
        fmt::format(fmt::runtime(directory_fix), "Read Only (or higher)")));

    ApiRequest empty_sync;
    empty_sync.method = http::Method::kPatch;
    empty_sync.path = "/rest/v1.3/companies/" + company + "/users/sync";
    empty_sync.json_body = R"({"updates":[]})";
    report.checks.push_back(Probe("directory_write", "Create and update Directory users", true,
                                  AsStatus(transport.Call(empty_sync)),
                                  "allowed (Directory Admin)",
                                  fmt::format(fmt::runtime(directory_fix), "Admin")));

    CheckProjects(transport, api, report);

    ApiRequest project_sync;
    project_sync.method = http::Method::kPatch;
    project_sync.path = "/rest/v1.0/projects/sync";
    project_sync.json_body = fmt::format(R"({{"company_id":{},"updates":[]}})", company);
    report.checks.push_back(Probe(
        "projects_write", "Create and update projects", options.projects_write_required,
        AsStatus(transport.Call(project_sync)), "allowed",
        fmt::format("Give the service account Admin on the company Projects tool (needed when "
                    "crewsync is the system of record for projects). {}",
                    kPermissionHow)));

    const std::string timecard_fix = fmt::format(
        "Enable the company Timecard tool and give the service account {} on it (needed to "
        "push hours into Procore timecards). {}",
        "{}", kPermissionHow);
    ApiRequest timecards;
    timecards.path = "/rest/v1.0/companies/" + company + "/timecard_entries";
    timecards.query = {{"page", "1"}, {"per_page", "1"}};
    report.checks.push_back(Probe("timecards_read", "Read timecards",
                                  options.timecards_required, AsStatus(transport.Call(timecards)),
                                  "allowed", fmt::format(fmt::runtime(timecard_fix), "Read Only")));

    ApiRequest empty_entry;
    empty_entry.method = http::Method::kPost;
    empty_entry.path = "/rest/v1.0/companies/" + company + "/timecard_entries";
    empty_entry.json_body = R"({"timecard_entry":{}})";
    empty_entry.replay = Replay::kCreate;  // never sent twice
    const auto written = transport.Call(empty_entry);
    // An empty entry refused as invalid proves the permission without creating anything.
    const bool refused_as_invalid =
        !written && written.error().code() == ErrorCode::kRemoteRejected;
    report.checks.push_back(Probe(
        "timecards_write", "Create and update timecard entries", options.timecards_required,
        refused_as_invalid ? Ok() : AsStatus(written), "allowed",
        fmt::format(fmt::runtime(timecard_fix), "Admin")));

    ApiRequest hooks;
    hooks.path = "/rest/v1.0/webhooks/hooks";
    hooks.query = {{"company_id", company}};
    report.checks.push_back(Probe(
        "webhooks", "Manage webhooks", options.webhooks_required, AsStatus(transport.Call(hooks)),
        "allowed: changes made in Procore reach crewsync within seconds",
        fmt::format("Give the app the Webhooks API permission at Standard; without it crewsync "
                    "sees Procore's changes only at the scheduled reconciliation. {}",
                    kPermissionHow)));
    return report;
}

}  // namespace crewsync::procore
