// crewsync assignments add|edit|show|list|delete
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/table.hpp"
#include "model/text.hpp"
#include "records/import_support.hpp"
#include "records/json.hpp"
#include "records/records.hpp"
#include "records/references.hpp"

namespace crewsync::cli {
namespace {

Result<Date> DateFlag(const char* flag, const std::string& text) {
    auto date = ParseDate(Trim(text));
    if (!date) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("{} '{}' is not a date (write YYYY-MM-DD)", flag, text));
    }
    return *date;
}

Result<Assignment> RequireAssignment(store::Transaction& tx, const std::string& ref) {
    const auto id = records::detail::ParseRecordId(Trim(ref));
    if (!id) return Fail(ErrorCode::kInvalidArgument, fmt::format("'{}' is not an id", ref));
    CREWSYNC_ASSIGN_OR_RETURN(auto a, tx.GetAssignment(AssignmentId{*id}));
    if (!a) return Fail(ErrorCode::kNotFound, fmt::format("no assignment with id #{}", *id));
    return *a;
}

struct Names {
    std::string person, project;
};

Result<Names> NamesFor(store::Transaction& tx, const Assignment& a) {
    CREWSYNC_ASSIGN_OR_RETURN(auto person, tx.GetPerson(a.person));
    CREWSYNC_ASSIGN_OR_RETURN(auto project, tx.GetProject(a.project));
    return Names{person ? records::Describe(*person) : "?",
                 project ? records::Describe(*project) : "?"};
}

Status Print(const CliContext& context, store::Transaction& tx, const Assignment& a,
             const char* verb) {
    if (context.json) {
        context.PrintJson(records::ToJson(a));
        return Ok();
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto names, NamesFor(tx, a));
    std::cout << fmt::format("{}assignment #{}: {} on {} from {} to {}{}\n", verb, a.id.value(),
                             names.person, names.project, FormatDate(a.start_date),
                             FormatDate(a.end_date), a.note.empty() ? "" : " (" + a.note + ")");
    return Ok();
}

}  // namespace

void RegisterAssignmentCommands(CLI::App& app, CliContext& context) {
    auto* assignments = app.add_subcommand("assignments", "Plan who works on which project when");
    assignments->require_subcommand(1);
    struct Args {
        std::string id, person, project, from, to, note, on;
    };
    auto args = std::make_shared<Args>();

    auto* add = assignments->add_subcommand("add", "Put a person on a project for a date range");
    add->add_option("person", args->person, "Employee ID, e-mail or #id")->required();
    add->add_option("project", args->project, "Project number, name or #id")->required();
    add->add_option("--from", args->from, "First day, YYYY-MM-DD")->required();
    add->add_option("--to", args->to, "Last day, YYYY-MM-DD (default: the first day)");
    add->add_option("--note", args->note, "A note for the crew lead");
    add->footer("Only people of type assignable or both can be assigned.");
    OnRun(add, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        Assignment a;
        CREWSYNC_ASSIGN_OR_RETURN(auto person, records::ResolvePerson(*tx, args->person));
        CREWSYNC_ASSIGN_OR_RETURN(auto project, records::ResolveProject(*tx, args->project));
        a.person = person.id;
        a.project = project.id;
        CREWSYNC_ASSIGN_OR_RETURN(a.start_date, DateFlag("--from", args->from));
        a.end_date = a.start_date;
        if (!args->to.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(a.end_date, DateFlag("--to", args->to));
        }
        a.note = Trim(args->note);
        CREWSYNC_ASSIGN_OR_RETURN(a.id, records::AddAssignment(*tx, a));
        CREWSYNC_TRY(tx->Commit());
        auto read = context.Begin(store::TxMode::kRead);
        if (!read) return Fail(read.error());
        return Print(context, **read, a, "added ");
    });

    auto* edit = assignments->add_subcommand("edit", "Change an assignment");
    edit->add_option("id", args->id, "Assignment #id")->required();
    auto* project = edit->add_option("--project", args->project, "Move it to another project");
    auto* from = edit->add_option("--from", args->from, "New first day");
    auto* to = edit->add_option("--to", args->to, "New last day");
    auto* note = edit->add_option("--note", args->note, "New note");
    OnRun(edit, context, [&context, args, project, from, to, note]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(Assignment a, RequireAssignment(*tx, args->id));
        if (Given(project)) {
            CREWSYNC_ASSIGN_OR_RETURN(auto p, records::ResolveProject(*tx, args->project));
            a.project = p.id;
        }
        if (Given(from)) {
            CREWSYNC_ASSIGN_OR_RETURN(a.start_date, DateFlag("--from", args->from));
        }
        if (Given(to)) {
            CREWSYNC_ASSIGN_OR_RETURN(a.end_date, DateFlag("--to", args->to));
        }
        if (Given(note)) a.note = Trim(args->note);
        CREWSYNC_TRY(records::UpdateAssignment(*tx, a));
        CREWSYNC_TRY(Print(context, *tx, a, "saved "));
        return tx->Commit();
    });

    auto* show = assignments->add_subcommand("show", "Show an assignment");
    show->add_option("id", args->id, "Assignment #id")->required();
    OnRun(show, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(Assignment a, RequireAssignment(*tx, args->id));
        return Print(context, *tx, a, "");
    });

    auto* del = assignments->add_subcommand("delete", "Delete an assignment");
    del->add_option("id", args->id, "Assignment #id")->required();
    OnRun(del, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(Assignment a, RequireAssignment(*tx, args->id));
        CREWSYNC_TRY(tx->DeleteAssignment(a.id));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson({{"deleted", a.id.value()}});
        context.Say(fmt::format("deleted assignment #{}", a.id.value()));
        return Ok();
    });

    auto* list = assignments->add_subcommand("list", "List assignments");
    list->add_option("--person", args->person, "Only this person's");
    list->add_option("--project", args->project, "Only this project's");
    list->add_option("--on", args->on, "Only those that include this day");
    OnRun(list, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        store::AssignmentFilter filter;
        if (!args->person.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto p, records::ResolvePerson(*tx, args->person));
            filter.person = p.id;
        }
        if (!args->project.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto p, records::ResolveProject(*tx, args->project));
            filter.project = p.id;
        }
        if (!args->on.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(filter.active_on, DateFlag("--on", args->on));
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto all, tx->ListAssignments(filter));
        if (context.json) {
            PrintJsonList(context, all);
            return Ok();
        }
        TextTable t({"ID", "PERSON", "PROJECT", "FROM", "TO", "NOTE"});
        for (const auto& a : all) {
            CREWSYNC_ASSIGN_OR_RETURN(auto names, NamesFor(*tx, a));
            t.AddRow({fmt::format("#{}", a.id.value()), names.person, names.project,
                      FormatDate(a.start_date), FormatDate(a.end_date), a.note});
        }
        std::cout << t.Render() << fmt::format("{} assignment{}\n", all.size(),
                                               all.size() == 1 ? "" : "s");
        return Ok();
    });
}

}  // namespace crewsync::cli
