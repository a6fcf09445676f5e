// crewsync people add|edit|show|list|activate|deactivate|import|export
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

// The person fields as options, shared by `add` and `edit`. Only options given on the
// command line change the person.
struct PersonFlags {
    std::string first_name, last_name, email, employee_id, mobile, job_title;
    std::string type, status, permission, classification;
    std::vector<std::string> groups, add_groups, remove_groups, custom, remove_custom;
    bool allow_duplicate = false;
    std::map<std::string, CLI::Option*> options;

    void Register(CLI::App* cmd, bool editing) {
        options["first_name"] = cmd->add_option("--first-name", first_name, "First name");
        options["last_name"] = cmd->add_option("--last-name", last_name, "Last name");
        options["email"] = cmd->add_option("--email", email, "E-mail address (needed to log in)");
        options["employee_id"] = cmd->add_option("--employee-id", employee_id, "Employee ID");
        options["mobile"] = cmd->add_option("--mobile", mobile, "Mobile phone number");
        options["job_title"] = cmd->add_option("--job-title", job_title, "Job title");
        options["type"] = cmd->add_option("--type", type,
                                          "user (logs in), assignable (works on projects) or both"
                                          + std::string(editing ? "" : "; default assignable"));
        options["status"] = cmd->add_option("--status", status, "active or inactive");
        options["permission"] = cmd->add_option("--permission", permission,
                                                "Permission in crewsync: none, viewer, editor, "
                                                "admin");
        options["classification"] = cmd->add_option("--classification", classification,
                                                    "Position, e.g. 'Journeyman Electrician' "
                                                    "(\"\" clears it)");
        options["groups"] = cmd->add_option("--group", groups,
                                            editing ? "Replace the groups with these (repeat)"
                                                    : "A group the person belongs to (repeat)");
        options["custom"] = cmd->add_option("--custom", custom,
                                            "A custom field as NAME=VALUE (repeat; never synced)");
        if (editing) {
            cmd->add_option("--add-group", add_groups, "Add the person to a group (repeat)");
            cmd->add_option("--remove-group", remove_groups, "Take the person out of a group");
            cmd->add_option("--remove-custom", remove_custom, "Delete a custom field by name");
        }
        cmd->add_flag("--allow-duplicate,--allow-duplicates", allow_duplicate,
                      "Allow an e-mail or employee ID another person already has");
    }

    bool Has(const char* name) const { return Given(options.at(name)); }

    Status ApplyTo(Person& p) const {
        if (Has("first_name")) p.first_name = Trim(first_name);
        if (Has("last_name")) p.last_name = Trim(last_name);
        if (Has("email")) p.email = Trim(email);
        if (Has("employee_id")) p.employee_id = Trim(employee_id);
        if (Has("mobile")) p.mobile_phone = Trim(mobile);
        if (Has("job_title")) p.job_title = Trim(job_title);
        if (Has("classification")) p.classification = Trim(classification);
        if (Has("type")) {
            auto t = ParsePersonType(type);
            if (!t) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--type '{}' is not a type (user, assignable or both)",
                                        type));
            }
            p.type = *t;
        }
        if (Has("status")) {
            auto s = ParseRecordStatus(status);
            if (!s) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--status '{}' is not active or inactive", status));
            }
            p.status = *s;
        }
        if (Has("permission")) {
            auto l = ParsePermissionLevel(permission);
            if (!l) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--permission '{}' is not none, viewer, editor or admin",
                                        permission));
            }
            p.permission = *l;
        }
        if (Has("groups")) p.groups = groups;
        for (const auto& g : add_groups) {
            const bool present = std::any_of(p.groups.begin(), p.groups.end(),
                                             [&](const auto& x) { return EqualsIgnoreCase(x, g); });
            if (!present) p.groups.push_back(g);
        }
        for (const auto& g : remove_groups) {
            std::erase_if(p.groups, [&](const auto& x) { return EqualsIgnoreCase(x, g); });
        }
        for (const auto& entry : custom) {
            const auto eq = entry.find('=');
            if (eq == std::string::npos || Trim(entry.substr(0, eq)).empty()) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--custom '{}' must look like NAME=VALUE", entry));
            }
            p.custom_fields[std::string(Trim(entry.substr(0, eq)))] =
                std::string(Trim(entry.substr(eq + 1)));
        }
        for (const auto& name : remove_custom) p.custom_fields.erase(name);
        return Ok();
    }
};

void PrintPerson(const CliContext& context, const Person& p) {
    if (context.json) {
        context.PrintJson(records::ToJson(p));
        return;
    }
    TextTable t({"FIELD", "VALUE"});
    t.AddRow({"id", fmt::format("#{}", p.id.value())});
    t.AddRow({"name", FullName(p)});
    t.AddRow({"e-mail", p.email});
    t.AddRow({"employee ID", p.employee_id});
    t.AddRow({"mobile phone", p.mobile_phone});
    t.AddRow({"job title", p.job_title});
    t.AddRow({"type", std::string(Name(p.type))});
    t.AddRow({"status", std::string(Name(p.status))});
    t.AddRow({"permission", std::string(Name(p.permission))});
    t.AddRow({"classification", p.classification});
    t.AddRow({"groups", JoinList(p.groups, ", ")});
    for (const auto& [name, value] : p.custom_fields) t.AddRow({"custom: " + name, value});
    std::cout << t.Render();
}

void RegisterAdd(CLI::App& people, CliContext& context) {
    auto* cmd = people.add_subcommand("add", "Add a person");
    auto flags = std::make_shared<PersonFlags>();
    flags->Register(cmd, false);
    flags->options["first_name"]->required();
    flags->options["last_name"]->required();
    cmd->footer("Example: crewsync people add --first-name Ana --last-name Ruiz "
                "--employee-id E1042 --type assignable --group North");
    OnRun(cmd, context, [&context, flags]() -> Status {
        Person person;
        CREWSYNC_TRY(flags->ApplyTo(person));
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(person.id, records::AddPerson(*tx, person,
                                                                {flags->allow_duplicate}));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(person));
        context.Say(fmt::format("added {}", records::Describe(person)));
        return Ok();
    });
}

void RegisterEdit(CLI::App& people, CliContext& context) {
    auto* cmd = people.add_subcommand("edit", "Change a person's fields");
    auto ref = std::make_shared<std::string>();
    cmd->add_option("person", *ref, "Employee ID, e-mail or #id")->required();
    auto flags = std::make_shared<PersonFlags>();
    flags->Register(cmd, true);
    cmd->footer("Example: crewsync people edit E1042 --job-title Foreman --add-group South");
    OnRun(cmd, context, [&context, flags, ref]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(Person person, records::ResolvePerson(*tx, *ref));
        CREWSYNC_TRY(flags->ApplyTo(person));
        CREWSYNC_TRY(records::UpdatePerson(*tx, person, {flags->allow_duplicate}));
        CREWSYNC_TRY(tx->Commit());
        if (context.json) context.PrintJson(records::ToJson(person));
        context.Say(fmt::format("saved {}", records::Describe(person)));
        return Ok();
    });
}

void RegisterShow(CLI::App& people, CliContext& context) {
    auto* cmd = people.add_subcommand("show", "Show one person");
    auto ref = std::make_shared<std::string>();
    cmd->add_option("person", *ref, "Employee ID, e-mail or #id")->required();
    OnRun(cmd, context, [&context, ref]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        CREWSYNC_ASSIGN_OR_RETURN(Person person, records::ResolvePerson(*tx, *ref));
        PrintPerson(context, person);
        return Ok();
    });
}

void RegisterList(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand("list", "List people");
    struct Args {
        std::string status, type, group;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--status", args->status, "Only active or inactive people");
    cmd->add_option("--type", args->type, "Only people of this type (user, assignable, both)");
    cmd->add_option("--group", args->group, "Only people in this group");
    OnRun(cmd, context, [&context, args]() -> Status {
        store::PersonFilter filter;
        if (!args->status.empty()) {
            filter.status = ParseRecordStatus(args->status);
            if (!filter.status) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--status '{}' is not active or inactive", args->status));
            }
        }
        if (!args->type.empty()) {
            filter.type = ParsePersonType(args->type);
            if (!filter.type) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("--type '{}' is not user, assignable or both", args->type));
            }
        }
        filter.group = args->group;
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
        if (!filter.group.empty()) {
            CREWSYNC_ASSIGN_OR_RETURN(auto group, tx->FindGroup(filter.group));
            if (!group) {
                return Fail(ErrorCode::kNotFound, fmt::format("no group named '{}'", filter.group));
            }
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto people, tx->ListPeople(filter));
        if (context.json) {
            PrintJsonList(context, people);
            return Ok();
        }
        TextTable t({"ID", "NAME", "E-MAIL", "EMPLOYEE ID", "TYPE", "STATUS", "GROUPS"});
        for (const auto& p : people) {
            t.AddRow({fmt::format("#{}", p.id.value()), FullName(p), p.email, p.employee_id,
                      std::string(Name(p.type)), std::string(Name(p.status)),
                      JoinList(p.groups, ", ")});
        }
        std::cout << t.Render() << fmt::format("{} {}\n", people.size(),
                                               people.size() == 1 ? "person" : "people");
        return Ok();
    });
}

}  // namespace

void RegisterPeopleCommands(CLI::App& app, CliContext& context) {
    auto* people = app.add_subcommand("people", "Manage people: add, edit, list, import, export");
    people->require_subcommand(1);
    RegisterAdd(*people, context);
    RegisterEdit(*people, context);
    RegisterShow(*people, context);
    RegisterList(*people, context);
    const auto resolve = records::ResolvePerson;
    const auto update = &store::Transaction::UpdatePerson;
    const char* refs_help = "Employee IDs, e-mails or #ids";
    AddStatusCommand<Person>(
        *people, context, "deactivate",
        "Mark people inactive (their linked Procore records are deactivated on sync)", "people",
        refs_help, RecordStatus::kInactive, resolve, update);
    AddStatusCommand<Person>(*people, context, "activate",
                             "Mark people active (synced to Procore as active)", "people",
                             refs_help, RecordStatus::kActive, resolve, update);
    AddImportCommand(*people, context, "people", records::ImportPeople, true);
    AddExportCommand(*people, context, "people", records::ExportPeople);
}

}  // namespace crewsync::cli
