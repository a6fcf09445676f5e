// crewsync projects add|edit|show|list|activate|deactivate|import|export
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/status_command.hpp"
#include "cli/csv_commands.hpp"
#include "cli/table.hpp"
#include "model/text.hpp"
#include "records/json.hpp"
#include "records/records.hpp"
#include "records/references.hpp"

namespace crewsync::cli {
namespace {

struct ProjectFlags {
    std::string name, number, status, start, end, address, city, postal_code, time_zone;
    std::vector<std::string> groups;
    std::map<std::string, CLI::Option*> options;

    void Register(CLI::App* cmd) {
        options["name"] = cmd->add_option("--name", name, "Project name");
        options["number"] = cmd->add_option("--number", number,
                                            "Project number (how Procore projects are matched)");
        options["status"] = cmd->add_option("--status", status, "active or inactive");
        options["start"] = cmd->add_option("--start", start, "Start date, YYYY-MM-DD (\"\" clears)");
        options["end"] = cmd->add_option("--end", end, "Planned end date, YYYY-MM-DD (\"\" clears)");
        options["address"] = cmd->add_option("--address", address, "Street address");
        options["city"] = cmd->add_option("--city", city, "City");
        options["postal_code"] = cmd->add_option("--postal-code", postal_code, "Postal (ZIP) code");
        options["time_zone"] = cmd->add_option("--time-zone", time_zone,
                                               "IANA time zone, e.g. America/Chicago");
        options["groups"] = cmd->add_option("--group", groups, "Groups (repeat; replaces them)");
    }

    bool Has(const char* key) const { return Given(options.at(key)); }

    Status ApplyTo(Project& p) const {
        if (Has("name")) p.name = Trim(name);
        if (Has("number")) p.project_number = Trim(number);
        if (Has("address")) p.address = Trim(address);
        if (Has("city")) p.city = Trim(city);
        if (Has("postal_code")) p.postal_code = Trim(postal_code);
        if (Has("time_zone")) p.time_zone = Trim(time_zone);
        if (Has("groups")) p.groups = groups;
        if (Has("status")) {
            auto s = ParseRecordStatus(status);
            if (!s) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--status '{}' is not active or inactive", status));
            }
            p.status = *s;
        }
        auto date = [](const char* flag, const std::string& text,
                       std::optional<Date>& field) -> Status {
            if (Trim(text).empty()) {
                field.reset();
                return Ok();
            }
            field = ParseDate(Trim(text));
            if (!field) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("{} '{}' is not a date (write YYYY-MM-DD)", flag, text));
            }
            return Ok();
        };
        if (Has("start")) CREWSYNC_TRY(date("--start", start, p.start_date));
        if (Has("end")) CREWSYNC_TRY(date("--end", end, p.planned_end_date));
        return Ok();
    }
};

void PrintProject(const CliContext& context, const Project& p) {
    if (context.json) {
        context.PrintJson(records::ToJson(p));
        return;
    }
    TextTable t({"FIELD", "VALUE"});
    t.AddRow({"id", fmt::format("#{}", p.id.value())});
    t.AddRow({"name", p.name});
    t.AddRow({"project number", p.project_number});
    t.AddRow({"status", std::string(Name(p.status))});
    t.AddRow({"start date", p.start_date ? FormatDate(*p.start_date) : ""});
    t.AddRow({"planned end date", p.planned_end_date ? FormatDate(*p.planned_end_date) : ""});
    t.AddRow({"address", p.address});
    t.AddRow({"city", p.city});
    t.AddRow({"postal code", p.postal_code});
    t.AddRow({"time zone", p.time_zone});
    t.AddRow({"groups", JoinList(p.groups, ", ")});
    std::cout << t.Render();
}

void RegisterAdd(CLI::App& projects, CliContext& context) {
    auto* cmd = projects.add_subcommand("add", "Add a project");
    auto flags = std::make_shared<ProjectFlags>();
    flags->Register(cmd);
    flags->options["name"]->required();
    cmd->footer("Example: crewsync projects add --name 'Riverside Tower' --number P-100 "
                "--start 2026-03-01 --city Chicago");
    OnRun(cmd, context, [&context, flags]() -> Status {
        Project project;
        CREWSYNC_TRY(flags->ApplyTo(project));
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(project.id, records::AddProject(*tx, project));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(project));
        context.Say(fmt::format("added {}", records::Describe(project)));
        return Ok();
    });
}

void RegisterEdit(CLI::App& projects, CliContext& context) {
    auto* cmd = projects.add_subcommand("edit", "Change a project's fields");
    auto ref = std::make_shared<std::string>();
    cmd->add_option("project", *ref, "Project number, name or #id")->required();
    auto flags = std::make_shared<ProjectFlags>();
    flags->Register(cmd);
    OnRun(cmd, context, [&context, flags, ref]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(Project project, records::ResolveProject(*tx, *ref));
        CREWSYNC_TRY(flags->ApplyTo(project));
        CREWSYNC_TRY(records::UpdateProject(*tx, project));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(project));
        context.Say(fmt::format("saved {}", records::Describe(project)));
        return Ok();
    });
}

void RegisterShow(CLI::App& projects, CliContext& context) {
    auto* cmd = projects.add_subcommand("show", "Show one project");
    auto ref = std::make_shared<std::string>();
    cmd->add_option("project", *ref, "Project number, name or #id")->required();
    OnRun(cmd, context, [&context, ref]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(Project project, records::ResolveProject(*tx, *ref));
        PrintProject(context, project);
        return Ok();
    });
}

void RegisterList(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand("list", "List projects");
    struct Args {
        std::string status, group;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--status", args->status, "Only active or inactive projects");
    cmd->add_option("--group", args->group, "Only projects in this group");
    OnRun(cmd, context, [&context, args]() -> Status {
        store::ProjectFilter filter;
        if (!args->status.empty()) {
            filter.status = ParseRecordStatus(args->status);
            if (!filter.status) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--status '{}' is not active or inactive", args->status));
            }
        }
        filter.group = args->group;
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx->ListProjects(filter));
        if (context.json) {
            PrintJsonList(context, projects);
            return Ok();
        }
        TextTable t({"ID", "NUMBER", "NAME", "STATUS", "START", "PLANNED END", "CITY", "GROUPS"});
        for (const auto& p : projects) {
            t.AddRow({fmt::format("#{}", p.id.value()), p.project_number, p.name,
                      std::string(Name(p.status)), p.start_date ? FormatDate(*p.start_date) : "",
                      p.planned_end_date ? FormatDate(*p.planned_end_date) : "", p.city,
                      JoinList(p.groups, ", ")});
        }
        std::cout << t.Render() << fmt::format("{} project{}\n", projects.size(),
                                               projects.size() == 1 ? "" : "s");
        return Ok();
    });
}

}  // namespace

void RegisterProjectCommands(CLI::App& app, CliContext& context) {
    auto* projects = app.add_subcommand("projects", "Manage projects: add, edit, list, import, "
                                                    "export");
    projects->require_subcommand(1);
    RegisterAdd(*projects, context);
    RegisterEdit(*projects, context);
    RegisterShow(*projects, context);
    RegisterList(*projects, context);
    const auto resolve = records::ResolveProject;
    const auto update = &store::Transaction::UpdateProject;
    const char* refs_help = "Project numbers, names or #ids";
    AddStatusCommand<Project>(*projects, context, "deactivate", "Mark projects inactive",
                              "projects", refs_help, RecordStatus::kInactive, resolve, update);
    AddStatusCommand<Project>(*projects, context, "activate", "Mark projects active", "projects",
                              refs_help, RecordStatus::kActive, resolve, update);
    AddImportCommand(*projects, context, "projects", records::ImportProjects, false);
    AddExportCommand(*projects, context, "projects", records::ExportProjects);
}

}  // namespace crewsync::cli
