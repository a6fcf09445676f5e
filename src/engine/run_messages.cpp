#include "engine/run_messages.hpp"

#include <fmt/format.h>

#include "sync/fields.hpp"

namespace crewsync::engine {
namespace {

std::string Quoted(const std::string& value) {
    return value.empty() ? "(empty)" : "'" + value + "'";
}

// Procore's field names in the words of the form an admin sees.
std::string ProcoreFieldLabel(const std::string& field) {
    if (field == "email_address") return "e-mail address";
    if (field == "base") return "";
    std::string label = field;
    for (char& c : label) {
        if (c == '_') c = ' ';
    }
    return label;
}

// Which side had the value a reset put back: the Directory (people), Procore (projects crewsync
// owns) or crewsync itself (projects Procore owns).
const char* ResetSide(const sync::Operation& op) {
    if (op.kind == sync::OperationKind::kUpdateLocal) return "crewsync";
    return op.local_kind == sync::LocalKind::kPerson ? "Directory" : "Procore";
}

std::string DescribeChange(const sync::Operation& op, const sync::FieldChange& c) {
    const std::string label = FieldLabel(op.local_kind, c.field);
    if (c.reset) {
        return fmt::format("{} had {} {}, reset to {}", ResetSide(op), label, Quoted(c.before),
                           Quoted(c.after));
    }
    if (c.conflict) {
        const sync::ConflictResolution& r = *c.conflict;
        return fmt::format("{} changed on both sides (crewsync {}, Directory {}): {}, kept {}",
                           label, Quoted(r.local), Quoted(r.remote), r.rule, Quoted(c.after));
    }
    return fmt::format("{} {} → {}", label, Quoted(c.before), Quoted(c.after));
}

std::string DescribeChanges(const sync::Operation& op) {
    std::string text;
    for (const sync::FieldChange& c : op.changes) {
        if (c.field == "groups") continue;
        if (!text.empty()) text += "; ";
        text += DescribeChange(op, c);
    }
    return text;
}

std::string WithReason(std::string what, const std::string& reason) {
    if (reason.empty()) return what;
    return what + " (" + reason + ")";
}

}  // namespace

std::string FieldLabel(sync::LocalKind kind, const std::string& key) {
    if (kind == sync::LocalKind::kPerson) {
        for (std::size_t i = 0; i < sync::kPersonFieldCount; ++i) {
            const auto field = static_cast<sync::PersonField>(i);
            if (sync::Key(field) == key) return std::string(sync::Label(field));
        }
    } else {
        for (std::size_t i = 0; i < sync::kProjectFieldCount; ++i) {
            const auto field = static_cast<sync::ProjectField>(i);
            if (sync::Key(field) == key) return std::string(sync::Label(field));
        }
    }
    return key;
}

std::string DescribeDone(const sync::Operation& op, sync::ProcoreId remote_id,
                         std::int64_t local_id) {
    using K = sync::OperationKind;
    switch (op.kind) {
        case K::kLink:
            return WithReason(fmt::format("linked to Procore {} {}", sync::Name(op.remote_kind),
                                          remote_id),
                              op.reason);
        case K::kCreateUser: {
            std::string text = fmt::format("created Directory user {}", remote_id);
            if (op.permission_template_id != 0) {
                text += fmt::format(" with permission template {}", op.permission_template_id);
            }
            return text + ", not invited";
        }
        case K::kCreateContact: return fmt::format("created Directory contact {}", remote_id);
        case K::kCreateProject: return fmt::format("created Procore project {}", remote_id);
        case K::kUpdateRemote: return DescribeChanges(op);
        case K::kDeactivateRemote:
            return WithReason(fmt::format("deactivated Procore {} {}",
                                          sync::Name(op.remote_kind), remote_id),
                              op.changes.size() == 1 && op.changes[0].reset
                                  ? "the Directory had reactivated it; crewsync wins"
                                  : op.reason);
        case K::kReactivateRemote:
            return WithReason(fmt::format("reactivated Procore {} {}",
                                          sync::Name(op.remote_kind), remote_id),
                              op.reason);
        case K::kUpdateLocal: return "took from Procore: " + DescribeChanges(op);
        case K::kImportProject:
            return fmt::format("added to crewsync as project {} from Procore project {}",
                               local_id, remote_id);
        case K::kImportPerson:
            return fmt::format("added to crewsync as person {} from Directory {} {}", local_id,
                               sync::Name(op.remote_kind), remote_id);
    }
    return sync::Name(op.kind);
}

std::string DescribeProblems(const std::vector<FieldProblem>& problems) {
    std::string text;
    for (const FieldProblem& p : problems) {
        if (!text.empty()) text += "; ";
        const std::string label = ProcoreFieldLabel(p.field);
        text += label.empty() ? p.message : label + ": " + p.message;
    }
    return text;
}

std::string DescribeFailure(const Error& error) {
    if (!error.problems().empty()) return DescribeProblems(error.problems());
    return error.message();
}

}  // namespace crewsync::engine
