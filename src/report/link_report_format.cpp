#include "report/link_report_format.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "csv/writer.hpp"
#include "report/format_support.hpp"

namespace crewsync::report {
namespace {

using internal::Count;
using internal::IdCell;
using internal::IdList;
using internal::Join;
using internal::Quoted;
using sync::LinkEntry;
using sync::LinkStatus;

// Scores are rounded to two decimals by the scorer; printing two keeps 0.90 from showing as 0.9.
std::string Score(double score) { return fmt::format("{:.2f}", score); }

std::string Summary(const sync::LinkCounts& c) {
    return "Link report: " + std::to_string(c.linked) + " linked, " +
           std::to_string(c.would_link) + " would link, " + std::to_string(c.would_create) +
           " would create, " + Count(c.conflicts, "conflict", "conflicts") + ", " +
           Count(c.duplicates, "duplicate", "duplicates") + ", " +
           Count(c.suggestions, "suggestion", "suggestions") + ", " +
           std::to_string(c.directory_only) + " directory only, " +
           std::to_string(c.out_of_scope) + " out of scope, " +
           std::to_string(c.inactive_left_out) + " inactive left out";
}

// A linked record the report has nothing to say about: listing hundreds of them would bury the
// entries that need a decision, so the text only counts them.
bool NothingToSay(const LinkEntry& e) {
    return e.status == LinkStatus::kLinked && e.reason.empty() && e.differences.empty() &&
           e.duplicate_local_ids.empty() && e.duplicate_remote_ids.empty() && !e.suggestion;
}

// "person 12 Jane Doe <jane@example.com> ↔ Procore user 4312"; for creations, which side the
// record is to be created on.
std::string Records(const LinkEntry& e) {
    std::string out =
        internal::Records(e.local_kind, e.local_id, e.remote_kind, e.remote_id, e.label);
    if (e.status == LinkStatus::kWouldCreate) {
        if (e.local_id != 0 && e.remote_id == 0) {
            out += std::string(" → new Procore ") + sync::Name(e.remote_kind);
        } else if (e.local_id == 0 && e.remote_id != 0) {
            out += std::string(" → new crewsync ") + internal::Name(e.local_kind);
        }
    }
    return out.empty() ? "(no record)" : out;
}

void AppendBlock(std::vector<std::string>& lines, const LinkEntry& e) {
    lines.push_back(std::string(sync::Name(e.status)) + ": " + Records(e));
    if (!e.reason.empty()) lines.push_back("  " + internal::OneLine(e.reason));
    const char* place = internal::RemotePlace(e.remote_kind);
    for (const sync::FieldDifference& d : e.differences) {
        lines.push_back("  " + d.field + ": crewsync " + Quoted(d.local) + ", " + place + " " +
                        Quoted(d.remote));
    }
    if (!e.duplicate_local_ids.empty()) {
        lines.push_back("  shares its key with " +
                        IdList(e.duplicate_local_ids, internal::Name(e.local_kind)));
    }
    if (!e.duplicate_remote_ids.empty()) {
        // The entry keeps ids only (a person's e-mail and employee ID may match a user and a
        // contact at once), so the kinds are not guessed here; the reason line names them.
        lines.push_back("  Procore records competing for it: " +
                        IdList(e.duplicate_remote_ids, ""));
    }
    if (e.suggestion) {
        std::string line = "  score " + Score(e.suggestion->score);
        if (!e.suggestion->reasons.empty()) line += ": " + Join(e.suggestion->reasons, "; ");
        lines.push_back(internal::OneLine(line));
    }
}

std::string DifferencesCell(const LinkEntry& e) {
    std::vector<std::string> parts;
    const char* place = internal::RemotePlace(e.remote_kind);
    for (const sync::FieldDifference& d : e.differences) {
        parts.push_back(d.field + ": crewsync " + Quoted(d.local) + ", " + place + " " +
                        Quoted(d.remote));
    }
    return Join(parts, "; ");
}

nlohmann::json IdOrNull(std::int64_t id) {
    return id != 0 ? nlohmann::json(id) : nlohmann::json(nullptr);
}

nlohmann::json ToJson(const sync::FieldDifference& d) {
    return {{"field", d.field}, {"local", d.local}, {"remote", d.remote}};
}

nlohmann::json ToJson(const sync::Suggestion& s) {
    return {{"person_id", s.person_id},
            {"remote_kind", sync::Name(s.remote_kind)},
            {"remote_id", s.remote_id},
            {"score", s.score},
            {"reasons", s.reasons}};
}

nlohmann::json ToJson(const LinkEntry& e) {
    nlohmann::json differences = nlohmann::json::array();
    for (const sync::FieldDifference& d : e.differences) differences.push_back(ToJson(d));
    return {
        {"status", sync::Name(e.status)},
        {"local_kind", internal::Name(e.local_kind)},
        {"local_id", IdOrNull(e.local_id)},
        {"remote_kind", sync::Name(e.remote_kind)},
        {"remote_id", IdOrNull(e.remote_id)},
        {"label", e.label},
        {"reason", e.reason},
        {"differences", std::move(differences)},
        {"duplicate_local_ids", e.duplicate_local_ids},
        {"duplicate_remote_ids", e.duplicate_remote_ids},
        {"suggestion", e.suggestion ? ToJson(*e.suggestion) : nlohmann::json(nullptr)},
    };
}

nlohmann::json ToJson(const sync::LinkCounts& c) {
    return {{"linked", c.linked},
            {"would_link", c.would_link},
            {"would_create", c.would_create},
            {"conflicts", c.conflicts},
            {"duplicates", c.duplicates},
            {"suggestions", c.suggestions},
            {"directory_only", c.directory_only},
            {"out_of_scope", c.out_of_scope},
            {"inactive_left_out", c.inactive_left_out}};
}

}  // namespace

std::string LinkReportText(const sync::LinkReport& report) {
    std::vector<std::string> lines{Summary(report.counts)};
    std::int64_t left_out = 0;
    bool first = true;
    for (const LinkEntry& e : report.entries) {
        if (NothingToSay(e)) {
            ++left_out;
            continue;
        }
        if (first) lines.emplace_back();
        first = false;
        AppendBlock(lines, e);
    }
    if (left_out > 0) {
        lines.emplace_back();
        lines.push_back("Not listed: " + Count(left_out, "linked record", "linked records") +
                        " with nothing to report.");
    }
    return internal::Lines(lines);
}

std::string LinkReportCsv(const sync::LinkReport& report) {
    std::string out;
    csv::AppendRow(out, {"entry", "status", "local_kind", "local_id", "remote_kind", "remote_id",
                         "label", "reason", "differences", "duplicate_local_ids",
                         "duplicate_remote_ids", "suggestion_score", "suggestion_reasons"});
    std::size_t number = 0;
    for (const LinkEntry& e : report.entries) {
        ++number;
        csv::AppendRow(out, {std::to_string(number), sync::Name(e.status),
                             internal::Name(e.local_kind), IdCell(e.local_id),
                             sync::Name(e.remote_kind), IdCell(e.remote_id), e.label, e.reason,
                             DifferencesCell(e), IdList(e.duplicate_local_ids, ""),
                             IdList(e.duplicate_remote_ids, ""),
                             e.suggestion ? Score(e.suggestion->score) : "",
                             e.suggestion ? Join(e.suggestion->reasons, "; ") : ""});
    }
    return out;
}

nlohmann::json LinkReportJson(const sync::LinkReport& report) {
    nlohmann::json entries = nlohmann::json::array();
    for (const LinkEntry& e : report.entries) entries.push_back(ToJson(e));
    return {{"counts", ToJson(report.counts)}, {"entries", std::move(entries)}};
}

}  // namespace crewsync::report
