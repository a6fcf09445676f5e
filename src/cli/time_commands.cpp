// crewsync time add|edit|show|list|delete|import|export (reconcile: time_reconcile_command.cpp)
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/csv_commands.hpp"
#include "cli/table.hpp"
#include "model/text.hpp"
#include "records/import_support.hpp"
#include "records/json.hpp"
#include "records/records.hpp"
#include "records/references.hpp"

namespace crewsync::cli {

void AddTimeReconcileCommand(CLI::App& time, CliContext& context);

namespace {

struct TimeFlags {
    std::string date, hours, time_in, time_out, classification, cost_code, notes, ref, approval;
    int lunch = 0;
    std::map<std::string, CLI::Option*> options;

    void Register(CLI::App* cmd) {
        options["date"] = cmd->add_option("--date", date, "Work day, YYYY-MM-DD");
        options["hours"] = cmd->add_option("--hours", hours, "Paid hours, e.g. 8 or 7.25");
        options["in"] = cmd->add_option("--in", time_in, "Time in, HH:MM (24-hour)");
        options["out"] = cmd->add_option("--out", time_out, "Time out, HH:MM (24-hour)");
        options["lunch"] = cmd->add_option("--lunch", lunch, "Unpaid lunch in minutes");
        options["classification"] = cmd->add_option("--classification", classification,
                                                    "Classification the hours were worked as");
        options["cost_code"] = cmd->add_option("--cost-code", cost_code, "Cost code");
        options["notes"] = cmd->add_option("--notes", notes, "Notes");
        options["ref"] = cmd->add_option("--ref", ref,
                                         "The entry's id in your time clock or payroll system");
        options["approval"] = cmd->add_option("--approval", approval, "pending or approved");
    }

    bool Has(const char* key) const { return Given(options.at(key)); }

    Status ApplyTo(TimeEntry& e) const {
        if (Has("date")) {
            auto d = ParseDate(Trim(date));
            if (!d) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--date '{}' is not a date (write YYYY-MM-DD)", date));
            }
            e.date = *d;
        }
        auto time = [](const char* flag, const std::string& text,
                       std::optional<TimeOfDay>& field) -> Status {
            if (Trim(text).empty()) {
                field.reset();
                return Ok();
            }
            field = ParseTimeOfDay(Trim(text));
            if (!field) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("{} '{}' is not a time of day (write HH:MM)", flag, text));
            }
            return Ok();
        };
        if (Has("in")) CREWSYNC_TRY(time("--in", time_in, e.time_in));
        if (Has("out")) CREWSYNC_TRY(time("--out", time_out, e.time_out));
        if (Has("lunch")) e.lunch_minutes = lunch;
        if (Has("hours")) {
            auto h = ParseHours(Trim(hours));
            if (!h) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--hours '{}' is not a number of hours (e.g. 8 or 7.25)",
                                        hours));
            }
            e.hours = *h;
        } else if (Has("in") || Has("out") || Has("lunch")) {
            e.hours = Hours{};  // recomputed from the new shift
        }
        if (Has("classification")) e.classification = Trim(classification);
        if (Has("cost_code")) e.cost_code = Trim(cost_code);
        if (Has("notes")) e.notes = Trim(notes);
        if (Has("ref")) e.source_ref = Trim(ref);
        if (Has("approval")) {
            auto a = ParseApprovalStatus(approval);
            if (!a) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--approval '{}' is not pending or approved", approval));
            }
            e.approval = *a;
        }
        return Ok();
    }
};

Result<TimeEntry> RequireEntry(store::Transaction& tx, const std::string& ref) {
    const auto id = records::detail::ParseRecordId(Trim(ref));
    if (!id) return Fail(ErrorCode::kInvalidArgument, fmt::format("'{}' is not an id", ref));
    CREWSYNC_ASSIGN_OR_RETURN(auto e, tx.GetTimeEntry(TimeEntryId{*id}));
    if (!e) return Fail(ErrorCode::kNotFound, fmt::format("no time entry with id #{}", *id));
    return *e;
}

std::string Shift(const TimeEntry& e) {
    if (!e.time_in || !e.time_out) return "";
    std::string s = FormatTimeOfDay(*e.time_in) + "-" + FormatTimeOfDay(*e.time_out);
    if (e.lunch_minutes > 0) s += fmt::format(" ({} min lunch)", e.lunch_minutes);
    return s;
}

Status Print(const CliContext& context, store::Transaction& tx, const TimeEntry& e,
             const char* verb) {
    if (context.json) {
        context.PrintJson(records::ToJson(e));
        return Ok();
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto person, tx.GetPerson(e.person));
    CREWSYNC_ASSIGN_OR_RETURN(auto project, tx.GetProject(e.project));
    std::cout << fmt::format("{}time entry #{}: {} on {}, {}: {} h {}{}{}\n", verb, e.id.value(),
                             person ? records::Describe(*person) : "?",
                             project ? records::Describe(*project) : "?", FormatDate(e.date),
                             FormatHours(e.hours), Shift(e),
                             e.classification.empty() ? "" : " as " + e.classification,
                             e.approval == ApprovalStatus::kApproved ? " [approved]" : "");
    return Ok();
}

}  // namespace

void RegisterTimeCommands(CLI::App& app, CliContext& context) {
    auto* time = app.add_subcommand("time", "Record hours worked: add, edit, list, import, export, reconcile");
    time->require_subcommand(1);
    struct Args {
        std::string id, person, project, from, to;
        bool approved_only = false;
    };
    auto args = std::make_shared<Args>();

    auto* add = time->add_subcommand("add", "Record a person's hours on a project");
    add->add_option("person", args->person, "Employee ID, e-mail or #id")->required();
    add->add_option("project", args->project, "Project number, name or #id")->required();
    auto add_flags = std::make_shared<TimeFlags>();
    add_flags->Register(add);
    add_flags->options["date"]->required();
    add->footer("Give --hours, or --in and --out (with --lunch). Example:\n"
                "  crewsync time add E1042 P-100 --date 2026-11-20 --in 07:00 --out 15:30 "
                "--lunch 30");
    OnRun(add, context, [&context, args, add_flags]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        TimeEntry e;
        CREWSYNC_ASSIGN_OR_RETURN(auto person, records::ResolvePerson(*tx, args->person));
        CREWSYNC_ASSIGN_OR_RETURN(auto project, records::ResolveProject(*tx, args->project));
        e.person = person.id;
        e.project = project.id;
        CREWSYNC_TRY(add_flags->ApplyTo(e));
        CREWSYNC_ASSIGN_OR_RETURN(e.id, records::AddTimeEntry(*tx, e));
        CREWSYNC_ASSIGN_OR_RETURN(auto stored, tx->GetTimeEntry(e.id));
        CREWSYNC_TRY(Print(context, *tx, stored.value_or(e), "added "));
        return tx->Commit();
    });

    auto* edit = time->add_subcommand("edit", "Change a time entry");
    edit->add_option("id", args->id, "Time entry #id")->required();
    auto* project = edit->add_option("--project", args->project, "Move it to another project");
    auto edit_flags = std::make_shared<TimeFlags>();
    edit_flags->Register(edit);
    OnRun(edit, context, [&context, args, edit_flags, project]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(TimeEntry e, RequireEntry(*tx, args->id));
        if (Given(project)) {
            CREWSYNC_ASSIGN_OR_RETURN(auto p, records::ResolveProject(*tx, args->project));
            e.project = p.id;
        }
        CREWSYNC_TRY(edit_flags->ApplyTo(e));
        CREWSYNC_TRY(records::UpdateTimeEntry(*tx, e));
        CREWSYNC_ASSIGN_OR_RETURN(auto stored, tx->GetTimeEntry(e.id));
        CREWSYNC_TRY(Print(context, *tx, stored.value_or(e), "saved "));
        return tx->Commit();
    });

    auto* show = time->add_subcommand("show", "Show a time entry");
    show->add_option("id", args->id, "Time entry #id")->required();
    OnRun(show, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(TimeEntry e, RequireEntry(*tx, args->id));
        return Print(context, *tx, e, "");
    });

    auto* del = time->add_subcommand("delete", "Delete a time entry");
    del->add_option("id", args->id, "Time entry #id")->required();
    OnRun(del, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(TimeEntry e, RequireEntry(*tx, args->id));
        CREWSYNC_TRY(tx->DeleteTimeEntry(e.id));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson({{"deleted", e.id.value()}});
        context.Say(fmt::format("deleted time entry #{}", e.id.value()));
        return Ok();
    });

    auto* list = time->add_subcommand("list", "List time entries");
    list->add_option("--person", args->person, "Only this person's");
    list->add_option("--project", args->project, "Only this project's");
    list->add_option("--from", args->from, "From this day, YYYY-MM-DD");
    list->add_option("--to", args->to, "Up to this day, YYYY-MM-DD");
    list->add_flag("--approved-only", args->approved_only, "Only approved entries");
    OnRun(list, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        store::TimeEntryFilter filter;
        if (!args->person.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto p, records::ResolvePerson(*tx, args->person));
            filter.person = p.id;
        }
        if (!args->project.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto p, records::ResolveProject(*tx, args->project));
            filter.project = p.id;
        }
        for (auto [flag, text, field] : {std::tuple{"--from", &args->from, &filter.from},
                                         std::tuple{"--to", &args->to, &filter.to}}) {
            if (text->empty()) continue;
            *field = ParseDate(Trim(*text));
            if (!*field) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("{} '{}' is not a date (write YYYY-MM-DD)", flag, *text));
            }
        }
        if (args->approved_only) filter.approval = ApprovalStatus::kApproved;
        CREWSYNC_ASSIGN_OR_RETURN(auto entries, tx->ListTimeEntries(filter));
        if (context.json) {
            PrintJsonList(context, entries);
            return Ok();
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto people, tx->ListPeople({}));
        CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx->ListProjects({}));
        std::map<std::int64_t, std::string> person_names, project_names;
        for (const auto& p : people) person_names[p.id.value()] = FullName(p);
        for (const auto& p : projects) {
            project_names[p.id.value()] = p.project_number.empty() ? p.name : p.project_number;
        }
        TextTable t({"ID", "DATE", "PERSON", "PROJECT", "HOURS", "SHIFT", "CLASSIFICATION",
                     "COST CODE", "APPROVAL"});
        Hours total;
        for (const auto& e : entries) {
            t.AddRow({fmt::format("#{}", e.id.value()), FormatDate(e.date),
                      person_names[e.person.value()], project_names[e.project.value()],
                      FormatHours(e.hours), Shift(e), e.classification, e.cost_code,
                      std::string(Name(e.approval))});
            total.hundredths += e.hours.hundredths;
        }
        std::cout << t.Render() << fmt::format("{} entr{}, {} hours\n", entries.size(),
                                               entries.size() == 1 ? "y" : "ies",
                                               FormatHours(total));
        return Ok();
    });

    AddTimeReconcileCommand(*time, context);
    AddImportCommand(*time, context, "time entries", records::ImportTimeEntries, false);
    AddExportCommand(*time, context, "time entries",
                     [](store::Transaction& tx, const records::ExportOptions& options) {
                         return records::ExportTimeEntries(tx, {}, options);
                     });
}

}  // namespace crewsync::cli
