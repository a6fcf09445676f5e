#include "report/run_format.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "csv/writer.hpp"
#include "model/clock.hpp"
#include "report/format_support.hpp"

namespace crewsync::report {
namespace {

using internal::Count;
using internal::IdCell;
using internal::OneLine;
using store::RunCounts;
using store::RunLine;
using store::RunRecord;

// Header labels are padded to one column so the values line up.
constexpr std::size_t kLabelColumn = 11;

std::string Field(const std::string& label, const std::string& value) {
    std::string line = label + ":";
    line.append(kLabelColumn - line.size(), ' ');
    return line + value;
}

// "2026-11-23 14:05:09": the stored form without the milliseconds and the "T" an operator has
// to read past. A value the store did not write that way is shown as it is.
std::string WhenUtc(const std::string& at) {
    if (!ParseTimestamp(at)) return OneLine(at);
    return at.substr(0, 10) + " " + at.substr(11, 8);
}

// As WhenUtc, saying the zone, where no column heading says it.
std::string When(const std::string& at) {
    return ParseTimestamp(at) ? WhenUtc(at) + " UTC" : OneLine(at);
}

// Known only for a run that finished: a running run has no end yet, and an interrupted run's
// end is when the next run noticed it, which can be days after the process died.
std::optional<std::int64_t> DurationMs(const RunRecord& run) {
    if (run.status == "running" || run.status == "interrupted") return std::nullopt;
    const std::optional<Timestamp> start = ParseTimestamp(run.started_at);
    const std::optional<Timestamp> end = ParseTimestamp(run.ended_at);
    if (!start || !end || *end < *start) return std::nullopt;
    return (*end - *start).count();
}

// "0.4 s", "12 s", "3 min 5 s", "2 h 10 min": tenths matter only for short runs.
std::string Duration(std::int64_t ms) {
    if (ms < 10'000) return fmt::format("{:.1f} s", static_cast<double>(ms) / 1000.0);
    const std::int64_t s = (ms + 500) / 1000;
    if (s < 60) return fmt::format("{} s", s);
    if (s < 3600) return fmt::format("{} min {} s", s / 60, s % 60);
    return fmt::format("{} h {} min", s / 3600, s % 3600 / 60);
}

std::string DurationText(const RunRecord& run) {
    if (const std::optional<std::int64_t> ms = DurationMs(run)) return Duration(*ms);
    if (run.status == "running") return "still running";
    return "unknown";
}

std::string EndedText(const RunRecord& run) {
    if (run.ended_at.empty()) return "not yet";
    if (run.status == "interrupted") {
        return When(run.ended_at) + " (when the next run found it unfinished)";
    }
    return When(run.ended_at);
}

// The status word with what it means for the operator.
std::string StatusText(const std::string& status) {
    if (status == "running") return "running: the run has not finished yet";
    if (status == "partial") return "partial: the run finished, but some records failed";
    if (status == "failed") return "failed: the run stopped early";
    if (status == "blocked") return "blocked by the mass-change guard: nothing was written";
    if (status == "interrupted") return "interrupted: the process ended before the run finished";
    return OneLine(status);
}

std::string KindText(const RunRecord& run) {
    std::string kind = run.kind == "all" ? "all (people and projects)" : OneLine(run.kind);
    if (run.dry_run) kind += ", dry run (nothing was written to Procore)";
    return kind;
}

// A timesheet push deletes timecards where a sync deactivates records; both are counted in
// `deactivated`.
const char* RemovedWord(const std::string& kind) {
    return kind == "time" ? "deleted" : "deactivated";
}

// What changed, then what needs a look; two lines so neither runs off a terminal.
std::vector<std::string> CountLines(const RunCounts& c, const std::string& kind) {
    return {Field("Counts", std::to_string(c.created) + " created, " + std::to_string(c.updated) +
                                " updated, " + std::to_string(c.unchanged) + " unchanged, " +
                                std::to_string(c.deactivated) + " " + RemovedWord(kind) + ", " +
                                std::to_string(c.reactivated) + " reactivated, " +
                                std::to_string(c.reset) + " reset,"),
            std::string(kLabelColumn, ' ') + Count(c.conflicts, "conflict", "conflicts") + ", " +
                std::to_string(c.failed) + " failed, " + std::to_string(c.skipped) +
                " skipped"};
}

// "person 12 Jane Doe <jane@example.com> ↔ Procore user 4312", as the link report and the plan
// name records. Run-wide lines name none.
std::string Records(const RunLine& l) {
    // A line without a kind still names its id; "record" is the plainest word for it.
    const auto kind = [](const std::string& word) {
        return word.empty() ? std::string("record") : OneLine(word);
    };
    const std::string local =
        l.local_id != 0 ? kind(l.entity) + " " + std::to_string(l.local_id) : "";
    const std::string remote =
        l.procore_id != 0
            ? "Procore " + kind(l.procore_kind) + " " + std::to_string(l.procore_id)
            : "";
    std::string out = local.empty() ? remote : local;
    // Trimmed: a label with a blank at either end would put double spaces into the line.
    std::string name = OneLine(l.label);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) out += out.empty() ? name : " " + name;
    if (!local.empty() && !remote.empty()) out += " ↔ " + remote;
    return out;
}

struct Columns {
    std::size_t outcome = 0;
    std::size_t action = 0;
};

// Each column as wide as its longest word in this run plus two spaces.
Columns ColumnsFor(const std::vector<RunLine>& lines) {
    Columns widths;
    for (const RunLine& l : lines) {
        widths.outcome = std::max(widths.outcome, OneLine(l.outcome).size() + 2);
        widths.action = std::max(widths.action, OneLine(l.action).size() + 2);
    }
    return widths;
}

std::string Padded(const std::string& text, std::size_t width) {
    std::string out = OneLine(text);
    if (out.size() < width) out.append(width - out.size(), ' ');
    return out;
}

std::string LineText(const RunLine& l, const Columns& widths) {
    std::string text = Records(l);
    if (!l.message.empty()) text += (text.empty() ? "" : ": ") + OneLine(l.message);
    return "  " + Padded(l.outcome, widths.outcome) + Padded(l.action, widths.action) + text;
}

// Failed lines first: they are what the operator opened the log for.
void AppendLines(std::vector<std::string>& out, const std::vector<RunLine>& lines) {
    if (lines.empty()) {
        out.push_back("No records were touched.");
        return;
    }
    const Columns widths = ColumnsFor(lines);
    std::vector<const RunLine*> failed, rest;
    for (const RunLine& l : lines) (l.outcome == "failed" ? failed : rest).push_back(&l);
    if (!failed.empty()) {
        out.push_back("Failed (" + std::to_string(failed.size()) + "):");
        for (const RunLine* l : failed) out.push_back(LineText(*l, widths));
        if (!rest.empty()) out.emplace_back();
    }
    if (!rest.empty()) {
        out.push_back("Done and skipped (" + std::to_string(rest.size()) + "):");
        for (const RunLine* l : rest) out.push_back(LineText(*l, widths));
    }
}

nlohmann::json IdOrNull(std::int64_t id) {
    return id != 0 ? nlohmann::json(id) : nlohmann::json(nullptr);
}

nlohmann::json TextOrNull(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json ToJson(const RunCounts& c) {
    return {{"created", c.created},         {"updated", c.updated},
            {"unchanged", c.unchanged},     {"deactivated", c.deactivated},
            {"reactivated", c.reactivated}, {"reset", c.reset},
            {"conflicts", c.conflicts},     {"failed", c.failed},
            {"skipped", c.skipped}};
}

nlohmann::json ToJson(const RunLine& l) {
    return {{"seq", l.seq},
            {"outcome", l.outcome},
            {"action", l.action},
            {"entity", TextOrNull(l.entity)},
            {"local_id", IdOrNull(l.local_id)},
            {"procore_kind", TextOrNull(l.procore_kind)},
            {"procore_id", IdOrNull(l.procore_id)},
            {"label", l.label},
            {"message", l.message}};
}

// "3 created, 5 updated, 2 failed": the counts a list has room for are the ones that happened.
std::string NonZeroCounts(const RunCounts& c, const std::string& kind) {
    const std::pair<std::int64_t, const char*> counts[] = {
        {c.created, "created"},
        {c.updated, "updated"},
        {c.unchanged, "unchanged"},
        {c.deactivated, RemovedWord(kind)},
        {c.reactivated, "reactivated"},
        {c.reset, "reset"},
        {c.conflicts, c.conflicts == 1 ? "conflict" : "conflicts"},
        {c.failed, "failed"},
        {c.skipped, "skipped"}};
    std::vector<std::string> parts;
    for (const auto& [n, word] : counts) {
        if (n != 0) parts.push_back(std::to_string(n) + " " + word);
    }
    return parts.empty() ? "none" : internal::Join(parts, ", ");
}

// Display width as code points, as the CLI's tables count it.
std::size_t Width(const std::string& text) {
    std::size_t n = 0;
    for (const unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// Columns padded to their widest cell, two spaces apart, like the CLI's other lists.
std::vector<std::string> Table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
    }
    std::vector<std::string> out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line.append(widths[c] - Width(row[c]) + 2, ' ');
        }
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<std::string> ListRow(const RunRecord& run) {
    const std::optional<std::int64_t> ms = DurationMs(run);
    std::string kind = OneLine(run.kind);
    if (run.dry_run) kind += " (dry run)";
    return {std::to_string(run.id), WhenUtc(run.started_at), ms ? Duration(*ms) : "",
            kind,                   OneLine(run.trigger),  OneLine(run.status),
            NonZeroCounts(run.counts, run.kind)};
}

}  // namespace

std::string RunText(const RunRecord& run, const std::vector<RunLine>& lines) {
    std::vector<std::string> out{
        "Run " + std::to_string(run.id),
        Field("Kind", KindText(run)),
        Field("Trigger", OneLine(run.trigger)),
        Field("Status", StatusText(run.status)),
        Field("Started", When(run.started_at)),
        Field("Ended", EndedText(run)),
        Field("Duration", DurationText(run)),
    };
    if (!run.summary.empty()) out.push_back(Field("Summary", OneLine(run.summary)));
    for (std::string& line : CountLines(run.counts, run.kind)) out.push_back(std::move(line));
    out.emplace_back();
    AppendLines(out, lines);
    return internal::Lines(out);
}

std::string RunCsv(const RunRecord& run, const std::vector<RunLine>& lines) {
    std::string out;
    csv::AppendRow(out, {"run_id", "seq", "outcome", "action", "entity", "local_id",
                         "procore_kind", "procore_id", "label", "message"});
    const std::string run_id = IdCell(run.id);
    for (const RunLine& l : lines) {
        csv::AppendRow(out, {run_id, std::to_string(l.seq), l.outcome, l.action, l.entity,
                             IdCell(l.local_id), l.procore_kind, IdCell(l.procore_id), l.label,
                             l.message});
    }
    return out;
}

nlohmann::json RunSummaryJson(const RunRecord& run) {
    const std::optional<std::int64_t> ms = DurationMs(run);
    return {{"id", IdOrNull(run.id)},
            {"kind", run.kind},
            {"trigger", run.trigger},
            {"dry_run", run.dry_run},
            {"status", run.status},
            {"started_at", TextOrNull(run.started_at)},
            {"ended_at", TextOrNull(run.ended_at)},
            {"duration_seconds", ms ? nlohmann::json(static_cast<double>(*ms) / 1000.0)
                                    : nlohmann::json(nullptr)},
            {"counts", ToJson(run.counts)},
            {"summary", run.summary}};
}

nlohmann::json RunJson(const RunRecord& run, const std::vector<RunLine>& lines) {
    nlohmann::json out = RunSummaryJson(run);
    nlohmann::json items = nlohmann::json::array();
    for (const RunLine& l : lines) items.push_back(ToJson(l));
    out["lines"] = std::move(items);
    return out;
}

std::string RunListText(const std::vector<RunRecord>& runs) {
    if (runs.empty()) return "No runs yet.\n";
    std::vector<std::vector<std::string>> rows{
        {"ID", "STARTED (UTC)", "TOOK", "KIND", "TRIGGER", "STATUS", "RECORDS"}};
    for (const RunRecord& run : runs) rows.push_back(ListRow(run));
    std::vector<std::string> out = Table(rows);
    out.push_back(Count(static_cast<std::int64_t>(runs.size()), "run", "runs"));
    return internal::Lines(out);
}

}  // namespace crewsync::report
