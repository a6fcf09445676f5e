// crewsync groups ... and crewsync classifications ...
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/table.hpp"
#include "model/text.hpp"
#include "records/json.hpp"
#include "records/records.hpp"

namespace crewsync::cli {
namespace {

Result<Group> RequireGroup(store::Transaction& tx, const std::string& name) {
    CREWSYNC_ASSIGN_OR_RETURN(auto group, tx.FindGroup(name));
    if (!group) return Fail(ErrorCode::kNotFound, fmt::format("no group named '{}'", name));
    return *group;
}

Result<Classification> RequireClassification(store::Transaction& tx, const std::string& name) {
    CREWSYNC_ASSIGN_OR_RETURN(auto c, tx.FindClassification(name));
    if (!c) return Fail(ErrorCode::kNotFound, fmt::format("no classification named '{}'", name));
    return *c;
}

void RegisterGroups(CLI::App& app, CliContext& context) {
    auto* groups = app.add_subcommand("groups", "Manage groups (regions, branches)");
    groups->require_subcommand(1);
    struct Args {
        std::string name, new_name, description;
    };
    auto args = std::make_shared<Args>();

    auto* add = groups->add_subcommand("add", "Add a group");
    add->add_option("name", args->name, "Group name")->required();
    add->add_option("--description", args->description, "What the group is");
    OnRun(add, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        Group group{GroupId{}, std::string(Trim(args->name)), args->description};
        CREWSYNC_ASSIGN_OR_RETURN(group.id, records::AddGroup(*tx, group));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(group));
        context.Say(fmt::format("added group {}", group.name));
        return Ok();
    });

    auto* edit = groups->add_subcommand("edit", "Rename a group or change its description");
    edit->add_option("name", args->name, "Group name")->required();
    auto* rename = edit->add_option("--name", args->new_name, "New name");
    auto* describe = edit->add_option("--description", args->description, "New description");
    OnRun(edit, context, [&context, args, rename, describe]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(Group group, RequireGroup(*tx, args->name));
        if (Given(rename)) group.name = Trim(args->new_name);
        if (Given(describe)) group.description = args->description;
        CREWSYNC_TRY(records::UpdateGroup(*tx, group));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(group));
        context.Say(fmt::format("saved group {}", group.name));
        return Ok();
    });

    auto* list = groups->add_subcommand("list", "List groups");
    OnRun(list, context, [&context]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto all, tx->ListGroups());
        if (context.json) {
            PrintJsonList(context, all);
            return Ok();
        }
        TextTable t({"NAME", "DESCRIPTION"});
        for (const auto& g : all) t.AddRow({g.name, g.description});
        std::cout << t.Render();
        return Ok();
    });

    auto* show = groups->add_subcommand("show", "Show a group and how many people and projects "
                                                "it holds");
    show->add_option("name", args->name, "Group name")->required();
    OnRun(show, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(Group group, RequireGroup(*tx, args->name));
        store::PersonFilter people_filter;
        people_filter.group = group.name;
        store::ProjectFilter project_filter;
        project_filter.group = group.name;
        CREWSYNC_ASSIGN_OR_RETURN(auto people, tx->ListPeople(people_filter));
        CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx->ListProjects(project_filter));
        if (context.json) {
            auto out = records::ToJson(group);
            out["people"] = people.size();
            out["projects"] = projects.size();
            context.PrintJson(out);
            return Ok();
        }
        std::cout << fmt::format("{}\n{}{} people, {} projects\n", group.name,
                                 group.description.empty() ? "" : group.description + "\n",
                                 people.size(), projects.size());
        return Ok();
    });
}

void RegisterClassifications(CLI::App& app, CliContext& context) {
    auto* cls = app.add_subcommand("classifications",
                                   "Manage trade classifications (positions)");
    cls->alias("positions");
    cls->require_subcommand(1);
    struct Args {
        std::string name, new_name, abbreviation;
    };
    auto args = std::make_shared<Args>();

    auto* add = cls->add_subcommand("add", "Add a classification");
    add->add_option("name", args->name, "Name, e.g. 'Journeyman Electrician'")->required();
    add->add_option("--abbreviation", args->abbreviation, "Short code, e.g. JE");
    OnRun(add, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        Classification c{ClassificationId{}, std::string(Trim(args->name)),
                         std::string(Trim(args->abbreviation)), RecordStatus::kActive};
        CREWSYNC_ASSIGN_OR_RETURN(c.id, records::AddClassification(*tx, c));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(c));
        context.Say(fmt::format("added classification {}", c.name));
        return Ok();
    });

    auto* edit = cls->add_subcommand("edit", "Rename a classification or change its code");
    edit->add_option("name", args->name, "Classification name")->required();
    auto* rename = edit->add_option("--name", args->new_name, "New name");
    auto* abbreviate = edit->add_option("--abbreviation", args->abbreviation, "New short code");
    OnRun(edit, context, [&context, args, rename, abbreviate]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(Classification c, RequireClassification(*tx, args->name));
        if (Given(rename)) c.name = Trim(args->new_name);
        if (Given(abbreviate)) c.abbreviation = Trim(args->abbreviation);
        CREWSYNC_TRY(records::UpdateClassification(*tx, c));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(c));
        context.Say(fmt::format("saved classification {}", c.name));
        return Ok();
    });

    auto* list = cls->add_subcommand("list", "List classifications");
    OnRun(list, context, [&context]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(auto all, tx->ListClassifications());
        if (context.json) {
            PrintJsonList(context, all);
            return Ok();
        }
        TextTable t({"NAME", "ABBREVIATION", "STATUS"});
        for (const auto& c : all) t.AddRow({c.name, c.abbreviation, std::string(Name(c.status))});
        std::cout << t.Render();
        return Ok();
    });

    auto* show = cls->add_subcommand("show", "Show a classification");
    show->add_option("name", args->name, "Classification name")->required();
    OnRun(show, context, [&context, args]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(Classification c, RequireClassification(*tx, args->name));
        if (context.json) {
            context.PrintJson(records::ToJson(c));
        } else {
            std::cout << fmt::format("{}{}\n{}\n", c.name,
                                     c.abbreviation.empty() ? "" : " (" + c.abbreviation + ")",
                                     Name(c.status));
        }
        return Ok();
    });

    for (RecordStatus status : {RecordStatus::kInactive, RecordStatus::kActive}) {
        const bool active = status == RecordStatus::kActive;
        auto* cmd = cls->add_subcommand(active ? "activate" : "deactivate",
                                        active ? "Mark a classification active"
                                               : "Mark a classification inactive");
        cmd->add_option("name", args->name, "Classification name")->required();
        OnRun(cmd, context, [&context, args, status]() -> Status {
            CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
            CREWSYNC_ASSIGN_OR_RETURN(Classification c, RequireClassification(*tx, args->name));
            c.status = status;
            CREWSYNC_TRY(tx->UpdateClassification(c));
            CREWSYNC_TRY(tx->Commit());
            if (context.json) context.PrintJson(records::ToJson(c));
            context.Say(fmt::format("classification {} is now {}", c.name, Name(status)));
            return Ok();
        });
    }
}

}  // namespace

void RegisterCatalogCommands(CLI::App& app, CliContext& context) {
    RegisterGroups(app, context);
    RegisterClassifications(app, context);
}

}  // namespace crewsync::cli
