#include "report/plan_format.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "csv/writer.hpp"
#include "report/format_support.hpp"
#include "sync/fields.hpp"

namespace crewsync::report {
namespace {

using internal::Count;
using internal::IdCell;
using internal::Quoted;
using sync::FieldChange;
using sync::Operation;
using sync::OperationKind;

// Operation kinds are padded to one column so the records line up; "update crewsync", the
// longest kind, still gets two spaces.
constexpr std::size_t kKindColumn = 17;

std::string Summary(const sync::PlanCounts& c) {
    return "Plan: " + Count(c.links, "link", "links") + ", " +
           Count(c.creates, "create", "creates") + ", " + Count(c.updates, "update", "updates") +
           ", " + Count(c.resets, "reset", "resets") + ", " +
           Count(c.deactivations, "deactivation", "deactivations") + ", " +
           Count(c.reactivations, "reactivation", "reactivations") + ", " +
           Count(c.local_updates, "crewsync update", "crewsync updates") + ", " +
           Count(c.imports, "import", "imports") + ", " +
           Count(c.conflicts, "conflict", "conflicts") + ", " + std::to_string(c.unchanged) +
           " unchanged, " + std::to_string(c.skipped) + " skipped";
}

// Who wins a conflict, as a sentence says it.
std::string WinnerWord(const std::string& winner) {
    return winner == "procore" ? "Procore" : winner;
}

// What the operation line adds in parentheses: what a new User is allowed, the origin id
// written into Procore (so a crash cannot create the record twice), how a link came about.
std::string Extras(const Operation& op) {
    std::vector<std::string> parts;
    if (op.kind == OperationKind::kCreateUser) {
        parts.push_back(op.permission_template_id != 0
                            ? "permission template " + std::to_string(op.permission_template_id)
                            : "no permission template");
    }
    if (!op.origin_id.empty()) parts.push_back("origin id " + Quoted(op.origin_id));
    if (op.kind == OperationKind::kLink) parts.push_back(sync::Name(op.link_origin));
    return parts.empty() ? "" : "  (" + internal::Join(parts, ", ") + ")";
}

std::string ChangeLine(const Operation& op, const FieldChange& c) {
    std::string line = "  " + c.field + ": " + Quoted(c.before) + " → " + Quoted(c.after);
    if (c.reset) {
        // People live in the Directory; projects do not.
        const char* place =
            op.remote_kind == sync::RemoteKind::kProject ? "Procore" : "the Directory";
        line += std::string("  (reset: ") + place + " had " + Quoted(c.before) + ")";
    }
    if (c.conflict) {
        const sync::ConflictResolution& r = *c.conflict;
        line += "  (conflict: crewsync " + Quoted(r.local) + ", " +
                internal::RemotePlace(op.remote_kind) + " " + Quoted(r.remote) + "; settled for " +
                WinnerWord(r.winner) + ": " + internal::OneLine(r.rule) + ")";
    }
    return line;
}

void AppendOperation(std::vector<std::string>& lines, const Operation& op) {
    std::string line = sync::Name(op.kind);
    line.append(line.size() + 2 <= kKindColumn ? kKindColumn - line.size() : 2, ' ');
    line += internal::Records(op.local_kind, op.local_id, op.remote_kind, op.remote_id, op.label);
    line += Extras(op);
    lines.push_back(std::move(line));
    if (!op.reason.empty()) lines.push_back("  " + internal::OneLine(op.reason));
    for (const FieldChange& c : op.changes) lines.push_back(ChangeLine(op, c));
}

std::vector<std::string> OperationCells(std::size_t number, const Operation& op) {
    return {std::to_string(number),
            sync::Name(op.kind),
            internal::Name(op.local_kind),
            IdCell(op.local_id),
            sync::Name(op.remote_kind),
            IdCell(op.remote_id),
            op.label,
            op.reason,
            op.kind == OperationKind::kCreateUser ? IdCell(op.permission_template_id) : "",
            op.origin_id,
            op.kind == OperationKind::kLink ? sync::Name(op.link_origin) : ""};
}

nlohmann::json IdOrNull(std::int64_t id) {
    return id != 0 ? nlohmann::json(id) : nlohmann::json(nullptr);
}

nlohmann::json ToJson(const FieldChange& c) {
    nlohmann::json conflict = nullptr;
    if (c.conflict) {
        conflict = {{"local", c.conflict->local},
                    {"remote", c.conflict->remote},
                    {"winner", c.conflict->winner},
                    {"rule", c.conflict->rule}};
    }
    return {{"field", c.field},
            {"before", c.before},
            {"after", c.after},
            {"reset", c.reset},
            {"conflict", std::move(conflict)}};
}

nlohmann::json ToJson(const Operation& op) {
    nlohmann::json changes = nlohmann::json::array();
    for (const FieldChange& c : op.changes) changes.push_back(ToJson(c));
    return {
        {"kind", sync::Name(op.kind)},
        {"local_kind", internal::Name(op.local_kind)},
        {"local_id", IdOrNull(op.local_id)},
        {"remote_kind", sync::Name(op.remote_kind)},
        {"remote_id", IdOrNull(op.remote_id)},
        {"label", op.label},
        {"reason", op.reason},
        {"changes", std::move(changes)},
        {"origin_id", op.origin_id},
        {"permission_template_id", IdOrNull(op.permission_template_id)},
        // Only a link operation says how the link came about; elsewhere the field is unused.
        {"link_origin", op.kind == OperationKind::kLink ? nlohmann::json(sync::Name(op.link_origin))
                                                        : nlohmann::json(nullptr)},
    };
}

// Baseline values keyed by the same field keys the operations use.
template <typename Field, typename Values>
nlohmann::json ValuesJson(const Values& values) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t i = 0; i < values.size(); ++i) {
        out[std::string(sync::Key(static_cast<Field>(i)))] = values[i];
    }
    return out;
}

nlohmann::json ToJson(const sync::PersonBaseline& b) {
    return {{"person_id", b.person_id},
            {"type", std::string(Name(b.type))},
            {"remote_kind", sync::Name(b.remote_kind)},
            {"remote_id", IdOrNull(b.remote_id)},
            {"values", ValuesJson<sync::PersonField>(b.values)}};
}

nlohmann::json ToJson(const sync::ProjectBaseline& b) {
    return {{"project_id", IdOrNull(b.project_id)},
            {"remote_id", IdOrNull(b.remote_id)},
            {"values", ValuesJson<sync::ProjectField>(b.values)}};
}

nlohmann::json ToJson(const sync::PlanCounts& c) {
    return {{"links", c.links},
            {"creates", c.creates},
            {"updates", c.updates},
            {"resets", c.resets},
            {"deactivations", c.deactivations},
            {"reactivations", c.reactivations},
            {"local_updates", c.local_updates},
            {"imports", c.imports},
            {"conflicts", c.conflicts},
            {"unchanged", c.unchanged},
            {"skipped", c.skipped}};
}

}  // namespace

std::string PlanText(const sync::Plan& plan) {
    std::vector<std::string> lines{Summary(plan.counts), ""};
    if (plan.operations.empty()) lines.push_back("No operations.");
    for (const Operation& op : plan.operations) AppendOperation(lines, op);
    const std::size_t people = plan.person_baselines.size();
    const std::size_t projects = plan.project_baselines.size();
    if (people + projects > 0) {
        // A plan can hold baselines and no operations (both sides already agree); saying so
        // keeps "No operations." from reading as "nothing will be written at all".
        lines.emplace_back();
        lines.push_back("Last-synced values to record: " +
                        Count(static_cast<std::int64_t>(people), "person", "people") + ", " +
                        Count(static_cast<std::int64_t>(projects), "project", "projects") + ".");
    }
    return internal::Lines(lines);
}

std::string PlanCsv(const sync::Plan& plan) {
    std::string out;
    csv::AppendRow(out, {"operation", "kind", "local_kind", "local_id", "remote_kind", "remote_id",
                         "label", "reason", "permission_template_id", "origin_id", "link_origin",
                         "field", "before", "after", "reset", "conflict_crewsync",
                         "conflict_procore", "conflict_winner", "conflict_rule"});
    std::size_t number = 0;
    for (const Operation& op : plan.operations) {
        ++number;
        const std::vector<std::string> cells = OperationCells(number, op);
        if (op.changes.empty()) {
            std::vector<std::string> row = cells;
            row.resize(row.size() + 8);
            csv::AppendRow(out, row);
        }
        for (const FieldChange& c : op.changes) {
            std::vector<std::string> row = cells;
            row.insert(row.end(), {c.field, c.before, c.after, c.reset ? "yes" : "no",
                                   c.conflict ? c.conflict->local : "",
                                   c.conflict ? c.conflict->remote : "",
                                   c.conflict ? c.conflict->winner : "",
                                   c.conflict ? c.conflict->rule : ""});
            csv::AppendRow(out, row);
        }
    }
    return out;
}

nlohmann::json PlanJson(const sync::Plan& plan) {
    nlohmann::json operations = nlohmann::json::array();
    for (const Operation& op : plan.operations) operations.push_back(ToJson(op));
    nlohmann::json people = nlohmann::json::array();
    for (const sync::PersonBaseline& b : plan.person_baselines) people.push_back(ToJson(b));
    nlohmann::json projects = nlohmann::json::array();
    for (const sync::ProjectBaseline& b : plan.project_baselines) projects.push_back(ToJson(b));
    return {{"counts", ToJson(plan.counts)},
            {"linked_records", plan.linked_records},
            {"operations", std::move(operations)},
            {"person_baselines", std::move(people)},
            {"project_baselines", std::move(projects)}};
}

std::string GuardText(const sync::GuardDecision& d) {
    std::vector<std::string> lines{
        "Mass-change guard: " + std::to_string(d.affected) + " of " +
        Count(d.linked, "linked record", "linked records") +
        " would be deactivated or changed, limit " + std::to_string(d.limit) + ": " +
        (d.blocked ? "blocked, nothing is written without approval" : "within the limit")};
    if (!d.message.empty()) lines.push_back("  " + internal::OneLine(d.message));
    return internal::Lines(lines);
}

nlohmann::json GuardJson(const sync::GuardDecision& d) {
    return {{"blocked", d.blocked},
            {"affected", d.affected},
            {"linked", d.linked},
            {"limit", d.limit},
            {"message", d.message}};
}

}  // namespace crewsync::report
