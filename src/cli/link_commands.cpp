// `crewsync link report|accept|reject|set|unlink` (product.md §4): see how records pair up
// before a sync, and decide what the report cannot decide alone.
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/sync_setup.hpp"
#include "engine/sync_state_store.hpp"
#include "records/references.hpp"
#include "report/link_report_format.hpp"

namespace crewsync::cli {
namespace {

// A record named on the command line: "12" or "person:12" for a person, "project:7".
struct RecordRef {
    sync::LocalKind kind = sync::LocalKind::kPerson;
    std::int64_t id = 0;
};

std::string Describe(const RecordRef& ref) {
    return fmt::format("{} {}", ref.kind == sync::LocalKind::kPerson ? "person" : "project",
                       ref.id);
}

// PERSON as every command names people (employee ID, e-mail or #id), or project:PROJECT.
Result<RecordRef> ParseRef(store::Transaction& tx, const std::string& text) {
    if (text.starts_with("project:")) {
        CREWSYNC_ASSIGN_OR_RETURN(Project project,
                                  records::ResolveProject(tx, text.substr(8)));
        return RecordRef{sync::LocalKind::kProject, project.id.value()};
    }
    const std::string person_ref = text.starts_with("person:") ? text.substr(7) : text;
    CREWSYNC_ASSIGN_OR_RETURN(Person person, records::ResolvePerson(tx, person_ref));
    return RecordRef{sync::LocalKind::kPerson, person.id.value()};
}

store::Entity EntityOf(sync::LocalKind kind) {
    return kind == sync::LocalKind::kPerson ? store::Entity::kPerson : store::Entity::kProject;
}

engine::SyncScope ScopeOf(sync::LocalKind kind) {
    return kind == sync::LocalKind::kPerson ? engine::SyncScope::kPeople
                                            : engine::SyncScope::kProjects;
}

const sync::LinkEntry* FindEntry(const sync::LinkReport& report, const RecordRef& ref) {
    for (const sync::LinkEntry& e : report.entries) {
        if (e.local_kind == ref.kind && e.local_id == ref.id) return &e;
    }
    return nullptr;
}

Result<std::vector<RecordRef>> ParseRefs(CliContext& context,
                                         const std::vector<std::string>& texts) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kRead));
    std::vector<RecordRef> refs;
    for (const std::string& t : texts) {
        CREWSYNC_ASSIGN_OR_RETURN(RecordRef ref, ParseRef(*tx, t));
        refs.push_back(ref);
    }
    return refs;
}

// The link report of the scopes the records belong to (one Procore read per scope).
Result<sync::LinkReport> ReportFor(SyncSetup& setup, const std::vector<RecordRef>& refs) {
    bool people = false, projects = false;
    for (const RecordRef& r : refs) (r.kind == sync::LocalKind::kPerson ? people : projects) = true;
    return setup.BuildReport(people && projects ? engine::SyncScope::kAll
                             : people           ? engine::SyncScope::kPeople
                                                : engine::SyncScope::kProjects);
}

void RegisterReport(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand(
        "report", "Show how every record would pair up with Procore (reads Procore, writes "
                  "nothing)");
    auto csv = std::make_shared<std::string>();
    cmd->add_option("--csv", *csv, "Write the report as CSV to this file");
    cmd->footer("Statuses: linked, would link, would create, conflict, duplicate, suggestion,\n"
                "directory only, out of scope, inactive left out. Accept a conflict or a\n"
                "suggestion with `crewsync link accept ID`, turn a suggestion down with\n"
                "`crewsync link reject ID`.");
    OnRun(cmd, context, [&context, csv]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        Result<sync::LinkReport> report = setup->BuildReport(engine::SyncScope::kAll);
        EndProgress();
        if (!report) return Fail(std::move(report).error());
        if (!csv->empty()) {
            std::ofstream out(*csv, std::ios::binary | std::ios::trunc);
            out << report::LinkReportCsv(*report);
            out.close();
            if (!out) return Fail(ErrorCode::kIo, "cannot write " + *csv);
            context.Say(fmt::format("Wrote {} entries to {}", report->entries.size(), *csv));
            return Ok();
        }
        if (context.json) {
            context.PrintJson(report::LinkReportJson(*report));
        } else {
            std::cout << report::LinkReportText(*report);
        }
        return Ok();
    });
}

void RegisterAccept(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand(
        "accept", "Link conflicts or suggestions as the link report pairs them");
    auto ids = std::make_shared<std::vector<std::string>>();
    cmd->add_option("id", *ids, "People (employee ID, e-mail or #id) or project:PROJECT")
        ->required();
    OnRun(cmd, context, [&context, ids]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto refs, ParseRefs(context, *ids));
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        Result<sync::LinkReport> report = ReportFor(*setup, refs);
        EndProgress();
        if (!report) return Fail(std::move(report).error());
        std::vector<sync::Link> links;
        for (const RecordRef& ref : refs) {
            const sync::LinkEntry* e = FindEntry(*report, ref);
            if (!e) return Fail(ErrorCode::kNotFound, "no " + Describe(ref));
            sync::Link link{ref.kind, ref.id, e->remote_kind, e->remote_id,
                            sync::LinkOrigin::kAccepted};
            if (e->status == sync::LinkStatus::kSuggestion && e->suggestion) {
                link.remote_kind = e->suggestion->remote_kind;
                link.remote_id = e->suggestion->remote_id;
            } else if (e->status != sync::LinkStatus::kConflict) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("{} is '{}', not a conflict or a suggestion: nothing to "
                                        "accept{}",
                                        Describe(ref), sync::Name(e->status),
                                        e->status == sync::LinkStatus::kDuplicate
                                            ? " (resolve the duplicate first, or link by hand "
                                              "with `crewsync link set`)"
                                            : ""));
            }
            links.push_back(link);
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        for (const sync::Link& link : links) {
            CREWSYNC_TRY(tx->PutLink(engine::ToRow(link)));
            CREWSYNC_TRY(tx->DeleteBaseline(EntityOf(link.local_kind), link.local_id));
        }
        CREWSYNC_TRY(tx->Commit());
        for (const sync::Link& link : links) {
            context.Say(fmt::format("{} linked to Procore {} {}; the next sync makes Procore "
                                    "match crewsync",
                                    Describe({link.local_kind, link.local_id}),
                                    sync::Name(link.remote_kind), link.remote_id));
        }
        if (context.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const sync::Link& link : links) {
                out.push_back({{"record", Describe({link.local_kind, link.local_id})},
                               {"procore_kind", sync::Name(link.remote_kind)},
                               {"procore_id", link.remote_id}});
            }
            context.PrintJson(out);
        }
        return Ok();
    });
}

void RegisterReject(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand(
        "reject", "Turn suggestions down: not the same person (the next sync creates them)");
    auto ids = std::make_shared<std::vector<std::string>>();
    cmd->add_option("id", *ids, "People (employee ID, e-mail or #id)")->required();
    OnRun(cmd, context, [&context, ids]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto refs, ParseRefs(context, *ids));
        for (const RecordRef& ref : refs) {
            if (ref.kind != sync::LocalKind::kPerson) {
                return Fail(ErrorCode::kInvalidArgument,
                            "only people get suggestions; " + Describe(ref) + " has none");
            }
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        Result<sync::LinkReport> report = ReportFor(*setup, refs);
        EndProgress();
        if (!report) return Fail(std::move(report).error());
        std::vector<sync::Dismissal> dismissals;
        for (const RecordRef& ref : refs) {
            const sync::LinkEntry* e = FindEntry(*report, ref);
            if (!e) return Fail(ErrorCode::kNotFound, "no " + Describe(ref));
            if (e->status == sync::LinkStatus::kConflict) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("{} is a conflict: it shares its key with Procore {} {}, "
                                        "so it cannot become a second record. Accept it, or "
                                        "correct the key in crewsync",
                                        Describe(ref), sync::Name(e->remote_kind),
                                        e->remote_id));
            }
            if (e->status != sync::LinkStatus::kSuggestion || !e->suggestion) {
                return Fail(ErrorCode::kInvalidArgument,
                            fmt::format("{} is '{}', not a suggestion: nothing to reject",
                                        Describe(ref), sync::Name(e->status)));
            }
            dismissals.push_back(
                {ref.id, e->suggestion->remote_kind, e->suggestion->remote_id});
        }
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        for (const sync::Dismissal& d : dismissals) CREWSYNC_TRY(tx->PutDismissal(engine::ToRow(d)));
        CREWSYNC_TRY(tx->Commit());
        for (const sync::Dismissal& d : dismissals) {
            context.Say(fmt::format("person {}: not the same as Procore {} {}; it will not be "
                                    "suggested again",
                                    d.person_id, sync::Name(d.remote_kind), d.remote_id));
        }
        if (context.json) context.PrintJson({{"rejected", dismissals.size()}});
        return Ok();
    });
}

// Which Procore record `id` is, from a fresh read: the kind a manual link needs.
std::optional<sync::RemoteKind> KindOf(const sync::RemoteSnapshot& remote, sync::ProcoreId id) {
    for (const auto& u : remote.users) {
        if (u.id == id) return sync::RemoteKind::kUser;
    }
    for (const auto& c : remote.contacts) {
        if (c.id == id) return sync::RemoteKind::kContact;
    }
    for (const auto& p : remote.projects) {
        if (p.id == id) return sync::RemoteKind::kProject;
    }
    return std::nullopt;
}

void RegisterSet(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand("set", "Link a record to a Procore record by hand");
    auto record = std::make_shared<std::string>();
    auto procore_id = std::make_shared<std::int64_t>(0);
    cmd->add_option("record", *record, "A person (employee ID, e-mail or #id) or project:PROJECT")
        ->required();
    cmd->add_option("procore_id", *procore_id, "The Procore user, contact or project id")
        ->required();
    OnRun(cmd, context, [&context, record, procore_id]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto refs, ParseRefs(context, {*record}));
        const RecordRef ref = refs.front();
        CREWSYNC_ASSIGN_OR_RETURN(auto setup, SyncSetup::Open(context));
        Result<sync::RemoteSnapshot> remote = engine::ReadRemote(setup->api(), ScopeOf(ref.kind));
        if (!remote) return Fail(std::move(remote).error());
        const std::optional<sync::RemoteKind> kind = KindOf(*remote, *procore_id);
        const bool fits = kind && (ref.kind == sync::LocalKind::kProject) ==
                                      (*kind == sync::RemoteKind::kProject);
        if (!fits) {
            return Fail(ErrorCode::kNotFound,
                        fmt::format("Procore has no {} with id {} that the service account can "
                                    "see",
                                    ref.kind == sync::LocalKind::kPerson ? "user or contact"
                                                                         : "project",
                                    *procore_id));
        }
        const sync::Link link{ref.kind, ref.id, *kind, *procore_id, sync::LinkOrigin::kManual};
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_TRY(tx->PutLink(engine::ToRow(link)));
        CREWSYNC_TRY(tx->DeleteBaseline(EntityOf(ref.kind), ref.id));
        CREWSYNC_TRY(tx->Commit());
        context.Say(fmt::format("{} linked to Procore {} {}; the next sync makes Procore match "
                                "crewsync",
                                Describe(ref), sync::Name(*kind), *procore_id));
        if (context.json) {
            context.PrintJson({{"record", Describe(ref)},
                               {"procore_kind", sync::Name(*kind)},
                               {"procore_id", *procore_id}});
        }
        return Ok();
    });
}

void RegisterUnlink(CLI::App& parent, CliContext& context) {
    auto* cmd = parent.add_subcommand(
        "unlink", "Forget a record's links: the next sync matches it afresh (by key)");
    auto record = std::make_shared<std::string>();
    cmd->add_option("record", *record, "A person (employee ID, e-mail or #id) or project:PROJECT")
        ->required();
    OnRun(cmd, context, [&context, record]() -> Status {
        CREWSYNC_ASSIGN_OR_RETURN(auto refs, ParseRefs(context, {*record}));
        const RecordRef ref = refs.front();
        CREWSYNC_ASSIGN_OR_RETURN(auto tx, context.Begin(store::TxMode::kWrite));
        CREWSYNC_ASSIGN_OR_RETURN(auto links, tx->ListLinks());
        std::vector<store::LinkRow> removed;
        for (const store::LinkRow& l : links) {
            if (l.entity == EntityOf(ref.kind) && l.local_id == ref.id) removed.push_back(l);
        }
        if (removed.empty()) {
            return Fail(ErrorCode::kNotFound, Describe(ref) + " is not linked");
        }
        for (const store::LinkRow& l : removed) {
            CREWSYNC_TRY(tx->DeleteLink(l.entity, l.local_id, l.procore_kind));
        }
        CREWSYNC_TRY(tx->DeleteBaseline(EntityOf(ref.kind), ref.id));
        CREWSYNC_TRY(tx->Commit());
        for (const store::LinkRow& l : removed) {
            context.Say(fmt::format("{} unlinked from Procore {} {}", Describe(ref),
                                    l.procore_kind, l.procore_id));
        }
        if (context.json) context.PrintJson({{"unlinked", removed.size()}});
        return Ok();
    });
}

}  // namespace

void RegisterLinkCommands(CLI::App& app, CliContext& context) {
    auto* link = app.add_subcommand(
        "link", "Pair crewsync records with Procore records before and between syncs");
    link->require_subcommand(1);
    RegisterReport(*link, context);
    RegisterAccept(*link, context);
    RegisterReject(*link, context);
    RegisterSet(*link, context);
    RegisterUnlink(*link, context);
}

}  // namespace crewsync::cli
