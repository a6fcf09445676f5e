// crewsync time reconcile: crewsync's hours against Procore's timecards, per worker, day and
// project, with each difference named.
#include <chrono>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/sync_setup.hpp"
#include "cli/table.hpp"
#include "engine/time_reconcile.hpp"
#include "model/text.hpp"

namespace crewsync::cli {
namespace {

Result<Date> DateFlag(const std::string& text, const char* flag, Date fallback) {
    if (text.empty()) return fallback;
    const std::optional<Date> date = ParseDate(Trim(text));
    if (!date) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("{} '{}' is not a date (write YYYY-MM-DD)", flag, text));
    }
    return *date;
}

nlohmann::json IdOrNull(std::int64_t id) {
    return id == 0 ? nlohmann::json(nullptr) : nlohmann::json(id);
}

nlohmann::json RowJson(const sync::ReconcileRow& r) {
    return {{"date", FormatDate(r.date)},
            {"worker", r.worker},
            {"person_id", IdOrNull(r.person_id)},
            {"party_id", IdOrNull(r.party_id)},
            {"project", r.project},
            {"procore_project_id", IdOrNull(r.project_id)},
            {"crewsync_hours", FormatHours(r.crewsync)},
            {"procore_hours", FormatHours(r.procore)},
            {"difference", sync::Name(r.difference)},
            {"detail", r.detail}};
}

}  // namespace

void AddTimeReconcileCommand(CLI::App& time, CliContext& context) {
    auto* cmd = time.add_subcommand(
        "reconcile", "Compare hours per worker, day and project with Procore's timecards");
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    cmd->add_option("--from", *from, "First day, YYYY-MM-DD (default: six days before --to)");
    cmd->add_option("--to", *to, "Last day, YYYY-MM-DD (default: today)");
    cmd->footer(
        "Lists every worker-day-project whose hours differ: missing in Procore, extra in\n"
        "Procore, edited in Procore (a timecard crewsync pushed now holds other hours), or not\n"
        "pushed yet. Reads only; `crewsync sync time` sends what crewsync has.");
    OnRun(cmd, context, [&context, from, to]() -> Status {
        const Date today{std::chrono::floor<std::chrono::days>(SystemClock().Now())};
        CREWSYNC_ASSIGN_OR_RETURN(const Date last, DateFlag(*to, "--to", today));
        const Date week_before{std::chrono::sys_days{last} - std::chrono::days{6}};
        CREWSYNC_ASSIGN_OR_RETURN(const Date first, DateFlag(*from, "--from", week_before));
        if (last < first) {
            return Fail(ErrorCode::kInvalidArgument,
                        fmt::format("--to {} is before --from {}", FormatDate(last),
                                    FormatDate(first)));
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        CREWSYNC_ASSIGN_OR_RETURN(
            const sync::Reconciliation result,
            engine::ReconcileTime(context.store(), setup->api(), first, last));
        if (context.json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& r : result.rows) rows.push_back(RowJson(r));
            context.PrintJson({{"from", FormatDate(first)},
                               {"to", FormatDate(last)},
                               {"matching", result.matching},
                               {"differences", result.rows.size()},
                               {"crewsync_hours", FormatHours(result.crewsync_total)},
                               {"procore_hours", FormatHours(result.procore_total)},
                               {"rows", rows}});
            return Ok();
        }
        std::cout << fmt::format("{} to {}: crewsync {} h, Procore {} h; {} worker-days agree, "
                                 "{} differ\n",
                                 FormatDate(first), FormatDate(last),
                                 FormatHours(result.crewsync_total),
                                 FormatHours(result.procore_total), result.matching,
                                 result.rows.size());
        if (result.rows.empty()) return Ok();
        TextTable t({"DATE", "WORKER", "PROJECT", "CREWSYNC", "PROCORE", "DIFFERENCE", "DETAIL"});
        for (const auto& r : result.rows) {
            t.AddRow({FormatDate(r.date), r.worker, r.project, FormatHours(r.crewsync),
                      FormatHours(r.procore), sync::Name(r.difference), r.detail});
        }
        std::cout << t.Render();
        return Ok();
    });
}

}  // namespace crewsync::cli
