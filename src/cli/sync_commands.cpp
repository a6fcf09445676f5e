// `crewsync sync people|projects|all` and `crewsync invite`: the commands that write to Procore.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/sync_setup.hpp"
#include "engine/run_log.hpp"
#include "records/references.hpp"
#include "engine/time_push.hpp"
#include "report/plan_format.hpp"
#include "report/time_format.hpp"

namespace crewsync::cli {
namespace {

using nlohmann::json;

// How many failed records a finished run prints before pointing at the log.
constexpr std::size_t kFailuresShown = 20;

json CountsJson(const store::RunCounts& c) {
    return {{"created", c.created},         {"updated", c.updated},
            {"unchanged", c.unchanged},     {"deactivated", c.deactivated},
            {"reactivated", c.reactivated}, {"reset", c.reset},
            {"conflicts", c.conflicts},     {"failed", c.failed},
            {"skipped", c.skipped}};
}

int ExitCodeOf(const engine::SyncOutcome& outcome) {
    const std::string& status = outcome.run.status;
    if (status == "succeeded") return kExitOk;
    if (status == "partial") return kExitIncomplete;
    if (status == "blocked") return kExitBlocked;
    if (outcome.execution.stopped_by) return ExitCodeFor(outcome.execution.stopped_by->code());
    return kExitRemote;
}

void PrintDryRun(const CliContext& context, const engine::SyncOutcome& outcome) {
    if (context.json) {
        context.PrintJson({{"dry_run", true},
                           {"plan", report::PlanJson(outcome.plan)},
                           {"guard", report::GuardJson(outcome.guard)}});
        return;
    }
    std::cout << "Dry run: nothing was written to Procore or to crewsync.\n\n"
              << report::PlanText(outcome.plan) << '\n'
              << report::GuardText(outcome.guard) << '\n';
}

Status PrintRun(CliContext& context, const store::RunRecord& run,
                std::int64_t interrupted_runs, const sync::GuardDecision& guard) {
    std::vector<store::RunLine> failures;
    {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto lines, tx->ListRunLines(run.id));
        for (store::RunLine& line : lines) {
            if (line.outcome == "failed") failures.push_back(std::move(line));
        }
    }
    if (context.json) {
        json failed = json::array();
        for (const store::RunLine& line : failures) {
            failed.push_back({{"action", line.action},
                              {"entity", line.entity},
                              {"local_id", line.local_id},
                              {"procore_kind", line.procore_kind},
                              {"procore_id", line.procore_id},
                              {"label", line.label},
                              {"message", line.message}});
        }
        context.PrintJson({{"run_id", run.id},
                           {"kind", run.kind},
                           {"status", run.status},
                           {"summary", run.summary},
                           {"counts", CountsJson(run.counts)},
                           {"interrupted_runs", interrupted_runs},
                           {"failures", failed}});
        return Ok();
    }
    if (interrupted_runs > 0) {
        std::cout << fmt::format("An earlier run had stopped without finishing; this run picked "
                                 "up its work ({} run{} marked interrupted).\n",
                                 interrupted_runs, interrupted_runs == 1 ? "" : "s");
    }
    if (run.status == "blocked") {
        std::cout << report::GuardText(guard) << '\n'
                  << "Nothing was written. Check the plan with `crewsync sync " << run.kind
                  << " --dry-run`; if it is right, run again with --approve-mass-change.\n";
        return Ok();
    }
    std::cout << fmt::format("Run {} {}: {}\n", run.id, run.status, run.summary);
    for (std::size_t i = 0; i < failures.size() && i < kFailuresShown; ++i) {
        const store::RunLine& line = failures[i];
        std::cout << fmt::format("  failed  {}  {}: {}\n", line.action, line.label,
                                 line.message);
    }
    if (failures.size() > kFailuresShown) {
        std::cout << fmt::format("  … and {} more failures\n", failures.size() - kFailuresShown);
    }
    std::cout << fmt::format("Every record this run touched: crewsync runs show {}\n", run.id);
    return Ok();
}

// `sync time`: the timesheet push (product.md §6).
Status PushTime(CliContext& context, engine::TimePushRequest request) {
    CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
    engine::SyncEnvironment env = setup->Environment();
    request.default_time_zone = context.config().workspace.time_zone;
    Result<engine::TimePushOutcome> outcome = engine::RunTimePush(request, env);
    EndProgress();
    if (!outcome) return Fail(std::move(outcome).error());
    if (request.dry_run) {
        if (context.json) {
            context.PrintJson({{"dry_run", true}, {"plan", report::TimePlanJson(outcome->plan)}});
        } else {
            std::cout << "Dry run: nothing was written to Procore or to crewsync.\n\n"
                      << report::TimePlanText(outcome->plan);
        }
        return Ok();
    }
    CREWSYNC_TRY(PrintRun(context, outcome->run, outcome->interrupted_runs, {}));
    const std::string& status = outcome->run.status;
    if (status == "succeeded") {
        context.exit_code = kExitOk;
    } else if (status == "partial") {
        context.exit_code = kExitIncomplete;
    } else {
        context.exit_code =
            outcome->stopped_by ? ExitCodeFor(outcome->stopped_by->code()) : kExitRemote;
        if (!context.json) {
            std::cerr << "crewsync: the push stopped early; run the same command again to "
                         "finish it (nothing is pushed twice)\n";
        }
    }
    return Ok();
}

Result<std::optional<Date>> DateOption(const std::string& text, const char* flag) {
    if (text.empty()) return std::optional<Date>();
    const std::optional<Date> date = ParseDate(text);
    if (!date) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("{} '{}' is not a date (write YYYY-MM-DD)", flag, text));
    }
    return date;
}

void RegisterSync(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand(
        "sync", "Sync people and projects with Procore, or push time (preview with --dry-run)");
    auto scope = std::make_shared<std::string>();
    auto dry_run = std::make_shared<bool>(false);
    auto approve = std::make_shared<bool>(false);
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto approved_only = std::make_shared<bool>(false);
    auto delete_removed = std::make_shared<bool>(false);
    cmd->add_option("what", *scope, "What to sync: people, projects, all, or time")
        ->required()
        ->check(CLI::IsMember({"people", "projects", "all", "time"}));
    cmd->add_flag("--dry-run", *dry_run,
                  "Print exactly what a real run would do; write nothing anywhere");
    cmd->add_flag("--approve-mass-change", *approve,
                  "Let a run that deactivates or changes many linked records go ahead");
    cmd->add_option("--from", *from, "time: push entries on or after this date (YYYY-MM-DD)");
    cmd->add_option("--to", *to, "time: push entries on or before this date (YYYY-MM-DD)");
    cmd->add_flag("--approved-only", *approved_only, "time: push approved entries only");
    cmd->add_flag("--delete-removed", *delete_removed,
                  "time: delete in Procore the timecards of entries deleted in crewsync");
    cmd->footer(
        "A run reads Procore, links records as the link report says (`crewsync link report`),\n"
        "then creates, updates, deactivates and reactivates so Procore matches crewsync.\n"
        "`sync time` pushes time entries as Procore timecards, each exactly once: a re-run\n"
        "creates nothing new, an edited entry updates the timecard it created.\n"
        "Every run is logged: `crewsync runs list`. Exit status 0 when every record synced,\n"
        "9 when some records failed (the log says why), 10 when the mass-change guard\n"
        "stopped the run, 6/7 when Procore refused or could not be reached.");
    OnRun(cmd, context,
          [&context, scope, dry_run, approve, from, to, approved_only, delete_removed]() -> Status {
        const bool time_only = !from->empty() || !to->empty() || *approved_only ||
                               *delete_removed;
        if (*scope == "time") {
            engine::TimePushRequest request;
            CREWSYNC_ASSIGN_OR_RETURN(request.from, DateOption(*from, "--from"));
            CREWSYNC_ASSIGN_OR_RETURN(request.to, DateOption(*to, "--to"));
            if (request.from && request.to && *request.to < *request.from) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--to {} is before --from {}", *to, *from));
            }
            request.approved_only = *approved_only;
            request.delete_removed = *delete_removed;
            request.dry_run = *dry_run;
            return PushTime(context, request);
        }
        if (time_only) {
            return Fail(ErrorCode::kInvalidArgument,
                        "--from, --to, --approved-only and --delete-removed are for "
                        "`crewsync sync time`");
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        engine::SyncEnvironment env = setup->Environment();
        engine::SyncRequest request;
        request.scope = *engine::ParseSyncScope(*scope);
        request.dry_run = *dry_run;
        request.approve_mass_change = *approve;
        Result<engine::SyncOutcome> outcome = engine::RunSync(request, env);
        EndProgress();
        if (!outcome) return Fail(std::move(outcome).error());
        if (request.dry_run) {
            PrintDryRun(context, *outcome);
            return Ok();
        }
        CREWSYNC_TRY(PrintRun(context, outcome->run, outcome->interrupted_runs, outcome->guard));
        context.exit_code = ExitCodeOf(*outcome);
        if (outcome->run.status == "failed" && !context.json) {
            std::cerr << "crewsync: the run stopped early; run the same command again to "
                         "finish it\n";
        }
        return Ok();
    });
}

// Invitations are the operator's decision (product.md §3): only the people named, each linked
// to a Directory user, and each logged.
void RegisterInvite(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand(
        "invite", "Send Procore's login invitation to the named people (never automatic)");
    auto refs = std::make_shared<std::vector<std::string>>();
    cmd->add_option("person", *refs,
                    "People (employee ID, e-mail or #id), each linked to a Directory user")
        ->required();
    OnRun(cmd, context, [&context, refs]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        // Each person to invite and the Directory user they are linked to.
        std::vector<std::pair<Person, std::int64_t>> invitees;
        {
            CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
            CREWSYNC_ASSIGN_OR_RETURN(auto links, tx->ListLinks());
            std::map<std::int64_t, std::int64_t> user_of;
            for (const store::LinkRow& l : links) {
                if (l.entity == store::Entity::kPerson && l.procore_kind == "user") {
                    user_of[l.local_id] = l.procore_id;
                }
            }
            for (const std::string& ref : *refs) {
                CREWSYNC_ASSIGN_OR_RETURN(Person person, records::ResolvePerson(*tx, ref));
                const auto user = user_of.find(person.id.value());
                if (user == user_of.end()) {
                    return Fail(ErrorCode::kInvalidArgument,
                                fmt::format("{} is not linked to a Directory user: sync them "
                                            "first (`crewsync sync people`)",
                                            FullName(person)));
                }
                invitees.emplace_back(std::move(person), user->second);
            }
        }
        SystemClock clock;
        CREWSYNC_ASSIGN_OR_RETURN(engine::RunLog log,
                                  engine::RunLog::Start(context.store(), clock, "invite",
                                                        "manual", false));
        std::int64_t failed = 0;
        for (const auto& [person, user] : invitees) {
            Status sent = setup->api().InviteUser(user);
            const std::string what = sent ? "invitation sent to Directory user " +
                                                std::to_string(user)
                                          : "not invited: " + sent.error().message();
            log.Add({0, "person", person.id.value(), "user", user, "invite",
                     sent ? "done" : "failed", FullName(person), what});
            if (!sent) ++failed;
            context.Say(fmt::format("{}: {}", FullName(person), what));
        }
        log.counts().failed = failed;
        CREWSYNC_TRY(log.Finish(context.store(), failed == 0 ? "succeeded" : "partial",
                                fmt::format("{} invited, {} failed",
                                            static_cast<std::int64_t>(invitees.size()) - failed,
                                            failed)));
        if (context.json) {
            context.PrintJson({{"run_id", log.id()},
                               {"invited", static_cast<std::int64_t>(invitees.size()) - failed},
                               {"failed", failed}});
        }
        context.exit_code = failed == 0 ? kExitOk : kExitIncomplete;
        return Ok();
    });
}

}  // namespace

void RegisterSyncCommands(CLI::App& app, CliContext& context) {
    RegisterSync(app, context);
    RegisterInvite(app, context);
}

}  // namespace crewsync::cli
