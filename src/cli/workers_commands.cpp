// `crewsync workers import` and `crewsync classifications sync` (product.md §6): Procore as the
// source of truth for workers and their positions.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/sync_setup.hpp"
#include "engine/classification_sync.hpp"
#include "engine/workers_import.hpp"
#include "workspace/config.hpp"

namespace crewsync::cli {
namespace {

using nlohmann::json;

// How many lines of each kind (failed, not imported) a run prints before pointing at the log.
constexpr std::size_t kLinesShown = 20;

constexpr const char* kSettingOff =
    "classification sync is off (setting time.classification_sync). Turn it on with "
    "`classification_sync = true` under [time] in crewsync.toml, or for one command with "
    "CREWSYNC_TIME_CLASSIFICATION_SYNC=true, then run again";

json CountsJson(const store::RunCounts& c) {
    return {{"created", c.created}, {"updated", c.updated},     {"unchanged", c.unchanged},
            {"skipped", c.skipped}, {"conflicts", c.conflicts}, {"failed", c.failed}};
}

json ClassificationPlanJson(const engine::ClassificationPlan& plan) {
    json to_crewsync = json::array();
    for (const sync::RemoteClassification& r : plan.to_crewsync) {
        to_crewsync.push_back({{"name", r.name},
                               {"abbreviation", r.abbreviation},
                               {"procore_id", r.id}});
    }
    json to_procore = json::array();
    for (const Classification& c : plan.to_procore) {
        to_procore.push_back(
            {{"name", c.name}, {"abbreviation", c.abbreviation}, {"local_id", c.id.value()}});
    }
    return {{"create_in_crewsync", to_crewsync},
            {"create_in_procore", to_procore},
            {"unchanged", plan.matched}};
}

std::string ClassificationPlanText(const engine::ClassificationPlan& plan) {
    std::string out = "Classifications:\n";
    for (const sync::RemoteClassification& r : plan.to_crewsync) {
        out += fmt::format("  create in crewsync  {} (from Procore work classification {})\n",
                           r.name, r.id);
    }
    for (const Classification& c : plan.to_procore) {
        out += fmt::format("  create in Procore   {}\n", c.name);
    }
    out += fmt::format("  {} already on both sides\n", plan.matched);
    return out;
}

int ExitCodeOf(const store::RunRecord& run, const std::optional<Error>& stopped_by) {
    if (run.status == "succeeded") return kExitOk;
    if (run.status == "partial") return kExitIncomplete;
    if (stopped_by) return ExitCodeFor(stopped_by->code());
    return kExitRemote;
}

json LineJson(const store::RunLine& line) {
    return {{"action", line.action},           {"entity", line.entity},
            {"local_id", line.local_id},       {"procore_kind", line.procore_kind},
            {"procore_id", line.procore_id},   {"label", line.label},
            {"message", line.message}};
}

// The finished run: its summary, then what failed and what was not imported (from the log).
Status PrintRun(CliContext& context, const store::RunRecord& run,
                std::int64_t interrupted_runs) {
    std::vector<store::RunLine> failed, skipped;
    {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto lines, tx->ListRunLines(run.id));
        for (store::RunLine& line : lines) {
            if (line.outcome == "failed") failed.push_back(std::move(line));
            else if (line.outcome == "skipped") skipped.push_back(std::move(line));
        }
    }
    if (context.json) {
        json failures = json::array(), not_imported = json::array();
        for (const store::RunLine& line : failed) failures.push_back(LineJson(line));
        for (const store::RunLine& line : skipped) not_imported.push_back(LineJson(line));
        context.PrintJson({{"run_id", run.id},
                           {"kind", run.kind},
                           {"status", run.status},
                           {"summary", run.summary},
                           {"counts", CountsJson(run.counts)},
                           {"interrupted_runs", interrupted_runs},
                           {"failures", failures},
                           {"skipped", not_imported}});
        return Ok();
    }
    if (interrupted_runs > 0) {
        std::cout << fmt::format("An earlier run had stopped without finishing; this run picked "
                                 "up its work ({} run{} marked interrupted).\n",
                                 interrupted_runs, interrupted_runs == 1 ? "" : "s");
    }
    std::cout << fmt::format("Run {} {}: {}\n", run.id, run.status, run.summary);
    for (const auto* lines : {&failed, &skipped}) {
        const char* word = lines == &failed ? "failed " : "skipped";
        for (std::size_t i = 0; i < lines->size() && i < kLinesShown; ++i) {
            const store::RunLine& line = (*lines)[i];
            std::cout << fmt::format("  {}  {}: {}\n", word, line.label, line.message);
        }
        if (lines->size() > kLinesShown) {
            std::cout << fmt::format("  … and {} more {}\n", lines->size() - kLinesShown,
                                     lines == &failed ? "failures" : "skipped");
        }
    }
    std::cout << fmt::format("Every record this run touched: crewsync runs show {}\n", run.id);
    return Ok();
}

void PrintWorkersDryRun(const CliContext& context, const engine::WorkersPlan& plan) {
    using engine::WorkerAction;
    if (context.json) {
        json people = json::array();
        for (const engine::WorkerStep& s : plan.steps) {
            people.push_back({{"action", engine::ActionName(s.action)},
                              {"procore_id", s.user_id},
                              {"local_id", s.person.id.value()},
                              {"label", s.label},
                              {"message", s.message}});
        }
        json out = {{"dry_run", true}, {"people", people}};
        out["classifications"] =
            plan.classifications ? ClassificationPlanJson(*plan.classifications) : json();
        context.PrintJson(out);
        return;
    }
    std::cout << "Dry run: nothing was written to Procore or to crewsync.\n\n";
    if (plan.classifications) std::cout << ClassificationPlanText(*plan.classifications) << '\n';
    std::cout << fmt::format("People from {} active Directory users:\n", plan.steps.size());
    for (const engine::WorkerStep& s : plan.steps) {
        if (s.action == WorkerAction::kUnchanged) continue;
        std::cout << fmt::format("  {:<14} {}: {}\n", engine::ActionName(s.action), s.label,
                                 s.message);
    }
    std::cout << fmt::format(
        "Would create {}, update {}, link {}; {} unchanged, {} skipped, {} conflicts, {} not "
        "valid.\n",
        plan.Count(WorkerAction::kCreate), plan.Count(WorkerAction::kUpdate),
        plan.Count(WorkerAction::kLink), plan.Count(WorkerAction::kUnchanged),
        plan.Count(WorkerAction::kSkip), plan.Count(WorkerAction::kConflict),
        plan.Count(WorkerAction::kInvalid));
}

void RegisterWorkersImport(CLI::App& app, CliContext& context) {
    auto* workers = app.add_subcommand("workers", "Workers from Procore (time tracking)");
    workers->require_subcommand(1);
    auto* cmd = workers->add_subcommand(
        "import", "Import Procore's employee users as people (preview first with --dry-run)");
    auto dry_run = std::make_shared<bool>(false);
    cmd->add_flag("--dry-run", *dry_run,
                  "Print exactly what a real run would do; write nothing anywhere");
    cmd->footer(
        "For workspaces where Procore is the source of truth for workers. Every active\n"
        "Directory user marked as an employee, with first name, last name, e-mail and mobile\n"
        "phone, becomes or updates a person (matched by link, else e-mail); the others are\n"
        "skipped and the run log says which field was missing. With time.classification_sync\n"
        "on, classifications are synced first and a user's classification becomes the\n"
        "person's position. Exit status 0 when every import worked (skipped users included),\n"
        "9 when some people failed (the log says why), 6/7 when Procore refused or could not\n"
        "be reached.");
    OnRun(cmd, context, [&context, dry_run]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        SystemClock clock;
        engine::WorkersEnvironment env{setup->store(),
                                       setup->api(),
                                       clock,
                                       context.config().time.classification_sync,
                                       setup->LockPath(),
                                       TerminalProgress()};
        engine::WorkersImportRequest request;
        request.dry_run = *dry_run;
        Result<engine::WorkersOutcome> outcome = engine::RunWorkersImport(request, env);
        EndProgress();
        if (!outcome) return Fail(std::move(outcome).error());
        if (request.dry_run) {
            PrintWorkersDryRun(context, outcome->plan);
            return Ok();
        }
        CREWSYNC_TRY(PrintRun(context, outcome->run, outcome->interrupted_runs));
        context.exit_code = ExitCodeOf(outcome->run, outcome->stopped_by);
        if (outcome->run.status == "failed" && !context.json) {
            std::cerr << "crewsync: the run stopped early; run the same command again to "
                         "finish it\n";
        }
        return Ok();
    });
}

// `classifications sync`, beside the other classification commands.
void RegisterClassificationsSync(CLI::App& app, CliContext& context) {
    CLI::App* classifications = app.get_subcommand("classifications");
    auto* cmd = classifications->add_subcommand(
        "sync", "Sync classifications with Procore's work classifications, both ways");
    auto dry_run = std::make_shared<bool>(false);
    cmd->add_flag("--dry-run", *dry_run,
                  "Print exactly what a real run would do; write nothing anywhere");
    cmd->footer(
        "Needs the setting time.classification_sync. Procore's work classifications missing\n"
        "in crewsync are added as classifications (positions); active crewsync\n"
        "classifications missing in Procore are created there. Names are matched without\n"
        "regard to case. Exit status 0 when everything was created, 2 when the setting is\n"
        "off, 9 when some classifications failed.");
    OnRun(cmd, context, [&context, dry_run]() -> Status {
        CREWSYNC_TRY(context.OpenWorkspace());
        if (!context.config().time.classification_sync) {
            ReportError(context, Error(ErrorCode::kInvalidArgument, kSettingOff));
            context.exit_code = kExitUsage;
            return Ok();
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        SystemClock clock;
        engine::ClassificationSyncEnvironment env{setup->store(), setup->api(), clock,
                                                  setup->LockPath(), TerminalProgress()};
        engine::ClassificationSyncRequest request;
        request.dry_run = *dry_run;
        Result<engine::ClassificationSyncOutcome> outcome =
            engine::RunClassificationSync(request, env);
        EndProgress();
        if (!outcome) return Fail(std::move(outcome).error());
        if (request.dry_run) {
            if (context.json) {
                context.PrintJson({{"dry_run", true},
                                   {"classifications", ClassificationPlanJson(outcome->plan)}});
            } else {
                std::cout << "Dry run: nothing was written to Procore or to crewsync.\n\n"
                          << ClassificationPlanText(outcome->plan);
            }
            return Ok();
        }
        CREWSYNC_TRY(PrintRun(context, outcome->run, outcome->interrupted_runs));
        context.exit_code = ExitCodeOf(outcome->run, outcome->stopped_by);
        return Ok();
    });
}

}  // namespace

void RegisterWorkersCommands(CLI::App& app, CliContext& context) {
    RegisterWorkersImport(app, context);
    RegisterClassificationsSync(app, context);
}

}  // namespace crewsync::cli
