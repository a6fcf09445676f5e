// `crewsync demo`: a first sync with Procore from start to finish, against a Procore emulator
// running inside this process. Every step is the crewsync command a user would type, printed
// before it runs and run in-process through cli::Run, so what the demo shows is what those
// commands do. The workspace is kept for the user to look at; nothing is left running.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/credential_input.hpp"
#include "cli/exit_codes.hpp"
#include "csv/reader.hpp"
#include "csv/writer.hpp"
#include "emulator/emulator.hpp"
#include "emulator/seed.hpp"
#include "emulator/seed_generated.hpp"
#include "http/curl_http_client.hpp"
#include "model/date.hpp"
#include "model/text.hpp"
#include "procore/connection.hpp"
#include "synth/company.hpp"

namespace crewsync::cli {
namespace {

namespace fs = std::filesystem;

struct DemoOptions {
    std::string dir;             // "" = a new directory under the system's temporary directory
    std::int64_t people = 120;   // small enough that the output stays readable
    std::uint64_t seed = 7;      // a company with conflicts, duplicates and near-duplicates
};

// Sets an environment variable for the demo's commands and puts the old value back after.
// Set before the emulator's threads start and restored after they stop: setenv is not safe
// while other threads read the environment.
class ScopedVariable {
public:
    ScopedVariable(std::string name, const std::string& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        ::setenv(name_.c_str(), value.c_str(), 1);
    }
    ~ScopedVariable() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedVariable(const ScopedVariable&) = delete;
    ScopedVariable& operator=(const ScopedVariable&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

// An argument as a shell needs it, so a printed command can be pasted as it is.
std::string Quote(const std::string& arg) {
    const bool plain = !arg.empty() && arg.find_first_not_of(
                                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_-./:=@,+") == std::string::npos;
    if (plain) return arg;
    std::string quoted = "'";
    for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string CommandLine(const std::vector<std::string>& args) {
    std::string line = "crewsync";
    for (const std::string& a : args) line += " " + Quote(a);
    return line;
}

// Puts std::cout's buffer back even when a command throws.
class CoutCapture {
public:
    CoutCapture() : old_(std::cout.rdbuf(buffer_.rdbuf())) {}
    ~CoutCapture() { std::cout.rdbuf(old_); }
    CoutCapture(const CoutCapture&) = delete;
    CoutCapture& operator=(const CoutCapture&) = delete;
    std::string Text() const { return buffer_.str(); }

private:
    std::ostringstream buffer_;
    std::streambuf* old_;
};

// Runs `crewsync ARGS` in this process, as from a shell, and returns its exit status. With
// `captured`, its standard output is kept there instead of printed.
int RunCrewsync(const std::vector<std::string>& args, std::string* captured = nullptr) {
    std::vector<std::string> words{"crewsync"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::cout.flush();
    if (!captured) return Run(static_cast<int>(words.size()), argv.data());
    CoutCapture capture;
    const int code = Run(static_cast<int>(words.size()), argv.data());
    *captured = capture.Text();
    return code;
}

void Heading(const std::string& title) { std::cout << "\n== " << title << "\n"; }

// A step the demo cannot go on without: printed, run, and its exit status checked.
Status Step(const std::vector<std::string>& args, std::string* captured = nullptr) {
    std::cout << "$ " << CommandLine(args) << "\n";
    const int code = RunCrewsync(args, captured);
    if (code == kExitOk) return Ok();
    return Fail(ErrorCode::kInternal,
                fmt::format("`{}` ended with exit status {}, so the demo stops here",
                            CommandLine(args), code));
}

Status WriteText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return Fail(ErrorCode::kIo, "cannot write " + path.string());
    return Ok();
}

// The company's plan in crewsync's CSV formats (docs/csv-formats.md), as a company would bring
// it from a spreadsheet: no crewsync ids, so the people get ids 1, 2, … in file order.
std::string PeopleCsv(const synth::Company& company) {
    std::string out;
    csv::AppendRow(out, {"first_name", "last_name", "email", "employee_id", "mobile_phone",
                         "job_title", "status", "type", "permission", "classification",
                         "groups"});
    for (const sync::LocalPerson& lp : company.local.people) {
        const Person& p = lp.person;
        csv::AppendRow(out, {p.first_name, p.last_name, p.email, p.employee_id, p.mobile_phone,
                             p.job_title, std::string(Name(p.status)), std::string(Name(p.type)),
                             std::string(Name(p.permission)), p.classification,
                             JoinList(p.groups, "; ")});
    }
    return out;
}

std::string ProjectsCsv(const synth::Company& company) {
    std::string out;
    csv::AppendRow(out, {"name", "project_number", "status", "start_date", "planned_end_date",
                         "address", "city", "postal_code", "time_zone", "groups"});
    for (const sync::LocalProject& lp : company.local.projects) {
        const Project& p = lp.project;
        csv::AppendRow(out, {p.name, p.project_number, std::string(Name(p.status)),
                             p.start_date ? FormatDate(*p.start_date) : "",
                             p.planned_end_date ? FormatDate(*p.planned_end_date) : "",
                             p.address, p.city, p.postal_code, p.time_zone,
                             JoinList(p.groups, "; ")});
    }
    return out;
}

// One entry of the link report's CSV, the columns the demo shows.
struct ReportRow {
    std::string status, local_kind, local_id, remote_kind, remote_id, label, reason, differences,
        suggestion_reasons;
};

Result<std::vector<ReportRow>> ReadReport(const std::string& path) {
    CREWSYNC_ASSIGN_OR_RETURN(csv::Table table, csv::ReadFile(path));
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < table.header.values.size(); ++i) {
        column[table.header.values[i]] = i;
    }
    for (const char* name : {"status", "local_kind", "local_id", "remote_kind", "remote_id",
                             "label", "reason", "differences", "suggestion_reasons"}) {
        if (!column.contains(name)) {
            return Fail(ErrorCode::kInternal, fmt::format("{} has no column {}", path, name));
        }
    }
    std::vector<ReportRow> rows;
    for (const csv::Record& r : table.rows) {
        const auto cell = [&](const char* name) { return r.values[column[name]]; };
        rows.push_back({cell("status"), cell("local_kind"), cell("local_id"), cell("remote_kind"),
                        cell("remote_id"), cell("label"), cell("reason"), cell("differences"),
                        cell("suggestion_reasons")});
    }
    return rows;
}

// `text` up to the first `separator` (all of it when there is none).
std::string Before(const std::string& text, const std::string& separator) {
    return text.substr(0, text.find(separator));
}

// `text` cut to at most `width` bytes, ending in "..." when cut, never inside a UTF-8 character.
std::string Shorten(const std::string& text, std::size_t width) {
    if (text.size() <= width) return text;
    std::size_t end = width - 3;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "...";
}

// What an entry waits for, in one short line: the report's reason without its advice, and the
// differing fields or the suggestion's evidence.
std::string DecisionDetail(const ReportRow& r) {
    if (r.status == "conflict") return Before(r.reason, " but ") + "; " + r.differences;
    if (r.status == "suggestion") {
        const std::string what = Before(r.reason, ":");
        const std::string prefix = "possibly the same person as ";
        return "maybe " + (what.starts_with(prefix) ? what.substr(prefix.size()) : what) + ": " +
               r.suggestion_reasons;
    }
    return Before(r.reason, ":");
}

// The counts of the report and the entries that wait for a decision (conflicts, duplicates,
// suggestions), one line each; the rest is in the CSV. Returns the first person conflict.
std::optional<ReportRow> PrintDecisions(const std::vector<ReportRow>& rows) {
    std::vector<std::string> order = {"linked", "would link", "would create", "conflict",
                                      "duplicate", "suggestion", "directory only",
                                      "out of scope", "inactive, left out"};
    std::map<std::string, int> counts;
    for (const ReportRow& r : rows) {
        if (++counts[r.status] == 1 && std::find(order.begin(), order.end(), r.status) ==
                                           order.end()) {
            order.push_back(r.status);
        }
    }
    std::string summary;
    for (const std::string& status : order) {
        if (counts[status] == 0) continue;
        summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", counts[status], status);
    }
    std::cout << fmt::format("{} entries: {}.\nWaiting for a decision (a sync leaves these "
                             "alone until someone decides):\n",
                             rows.size(), summary);
    std::optional<ReportRow> conflict;
    constexpr std::size_t kShown = 12;
    constexpr std::size_t kWidth = 120;
    std::size_t shown = 0;
    std::size_t waiting = 0;
    for (const ReportRow& r : rows) {
        if (r.status != "conflict" && r.status != "duplicate" && r.status != "suggestion") {
            continue;
        }
        ++waiting;
        if (r.status == "conflict" && r.local_kind == "person" && !conflict) conflict = r;
        if (shown == kShown) continue;
        ++shown;
        // The name without the e-mail or employee ID the label adds.
        std::string line = fmt::format("  {:<10} {} {:<4} {}: {}", r.status, r.local_kind,
                                       r.local_id, Before(Before(r.label, " <"), " ("),
                                       DecisionDetail(r));
        std::cout << Shorten(line, kWidth) << "\n";
    }
    if (waiting > shown) {
        std::cout << fmt::format("  ... and {} more in the CSV\n", waiting - shown);
    }
    return conflict;
}

// A linked Directory user with a job title, for the Directory edit: the person's id, the
// user's id, its label and the title both sides hold now.
struct EditTarget {
    std::int64_t person_id = 0;
    std::int64_t user_id = 0;
    std::string name;
    std::string job_title;
};

Result<EditTarget> PickSyncedUser(CliContext& ws) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, ws.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(auto links, tx->ListLinks());
    CREWSYNC_ASSIGN_OR_RETURN(auto baselines, tx->ListBaselines());
    // Linked and with a baseline: synced, so a Directory edit is one the next run resets.
    std::set<std::int64_t> synced;
    for (const store::BaselineRow& b : baselines) {
        if (b.entity == store::Entity::kPerson && b.procore_kind == "user") {
            synced.insert(b.local_id);
        }
    }
    for (const store::LinkRow& l : links) {
        if (l.entity != store::Entity::kPerson || l.procore_kind != "user") continue;
        if (!synced.contains(l.local_id)) continue;
        CREWSYNC_ASSIGN_OR_RETURN(auto person, tx->GetPerson(PersonId(l.local_id)));
        if (!person || person->job_title.empty() || person->status != RecordStatus::kActive) {
            continue;
        }
        return EditTarget{l.local_id, l.procore_id, FullName(*person), person->job_title};
    }
    return Fail(ErrorCode::kNotFound, "the first sync left no Directory user with a job title");
}

// A different title someone might plausibly type into the Directory.
std::string EditedTitle(const std::string& title) {
    return title.starts_with("Senior ") ? "Lead " + title.substr(7) : "Senior " + title;
}

// Runs `call` with a Procore client of its own, as an admin working in Procore would.
Status ThroughProcore(const emulator::Emulator& procore, std::int64_t company_id,
                      const emulator::SeedOptions& app,
                      const std::function<Status(procore::ProcoreApi&)>& call) {
    procore::ConnectionSettings settings;
    settings.base_url = procore.BaseUrl();
    settings.login_url = procore.BaseUrl();
    settings.company_id = company_id;
    settings.app = {app.client_id, SecretString(app.client_secret)};
    procore::MemoryTokenKeeper keeper;
    const SystemClock clock;
    procore::RealSleeper sleeper;
    procore::Connection connection(settings, keeper, clock, sleeper, [] {
        return http::MakeCurlHttpClient(http::CurlOptions{});
    });
    return call(connection.api());
}

// Edits the user's job title through Procore's API, as an admin in Procore's Directory would.
Status EditInDirectory(const emulator::Emulator& procore, std::int64_t company_id,
                       const emulator::SeedOptions& app, const EditTarget& target,
                       const std::string& title) {
    return ThroughProcore(procore, company_id, app, [&](procore::ProcoreApi& api) -> Status {
        procore::UserFields fields;
        fields.job_title = title;
        Result<procore::RemoteUser> updated = api.UpdateUser(target.user_id, fields);
        if (!updated) return Fail(std::move(updated).error());
        return Ok();
    });
}

// The import's output with its "created group X" and "created classification Y" lines (one
// per name) joined into one line each.
void PrintImport(const std::string& text) {
    std::map<std::string, std::vector<std::string>> created;
    std::vector<std::string> rest;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        bool joined = false;
        for (const std::string what : {"group", "classification"}) {
            const std::string prefix = "created " + what + " ";
            if (line.starts_with(prefix)) {
                created[what].push_back(line.substr(prefix.size()));
                joined = true;
            }
        }
        if (!joined) rest.push_back(line);
    }
    for (const auto& [what, names] : created) {
        std::cout << Shorten(fmt::format("created {} {}{}: {}", names.size(), what,
                                         names.size() == 1 ? "" : "s", JoinList(names, ", ")),
                             100)
                  << "\n";
    }
    for (const std::string& line : rest) std::cout << line << "\n";
}

Result<std::int64_t> LatestRun(CliContext& ws) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, ws.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(auto runs, tx->ListRuns({1, 0}));
    if (runs.empty()) return Fail(ErrorCode::kNotFound, "no run was logged");
    return runs.front().id;
}

// `runs show` output with the records the run held back (conflicts, duplicates and
// suggestions, logged again by every run) counted instead of listed.
void PrintRunShow(const std::string& text, std::int64_t run_id) {
    std::istringstream in(text);
    std::string line;
    int skipped = 0;
    while (std::getline(in, line)) {
        const auto start = line.find_first_not_of(' ');
        if (start != std::string::npos && line.compare(start, 7, "skipped") == 0) {
            ++skipped;
            continue;
        }
        std::cout << line << "\n";
    }
    if (skipped > 0) {
        std::cout << fmt::format("  (and {} skipped lines: the records waiting for a decision; "
                                 "`crewsync runs show {}` lists them)\n",
                                 skipped, run_id);
    }
}

struct Procore {
    emulator::Emulator& server;
    std::int64_t company_id;
    const emulator::SeedOptions& app;
};

// The demo's week of time: Monday 16 to Friday 20 November 2026.
constexpr const char* kWeekFrom = "2026-11-16";
constexpr const char* kWeekTo = "2026-11-20";

// A crew of up to five people who can log time and are linked to Procore, and a linked active
// project for them.
struct Crew {
    std::vector<Person> people;
    Project project;
};

Result<Crew> PickCrew(CliContext& ws) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, ws.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(auto links, tx->ListLinks());
    std::set<std::int64_t> linked_people, linked_projects;
    for (const store::LinkRow& l : links) {
        (l.entity == store::Entity::kPerson ? linked_people : linked_projects).insert(l.local_id);
    }
    Crew crew;
    CREWSYNC_ASSIGN_OR_RETURN(auto projects, tx->ListProjects({RecordStatus::kActive, ""}));
    for (const Project& p : projects) {
        if (linked_projects.contains(p.id.value()) && !p.project_number.empty()) {
            crew.project = p;
            break;
        }
    }
    CREWSYNC_ASSIGN_OR_RETURN(auto people, tx->ListPeople({RecordStatus::kActive, {}, ""}));
    for (const Person& p : people) {
        if (crew.people.size() == 5) break;
        if (CanBeAssigned(p.type) && linked_people.contains(p.id.value())) {
            crew.people.push_back(p);
        }
    }
    if (crew.people.empty() || crew.project.id.value() == 0) {
        return Fail(ErrorCode::kNotFound, "the first sync left no linked crew and project");
    }
    return crew;
}

// The crew's week in crewsync's time CSV (docs/csv-formats.md): eight hours a day, and one
// worker on a clock with a half-hour lunch.
std::string TimeCsv(const Crew& crew) {
    std::string out;
    csv::AppendRow(out, {"person", "project", "date", "hours", "time_in", "time_out",
                         "lunch_minutes", "approval"});
    for (std::size_t i = 0; i < crew.people.size(); ++i) {
        const std::string who = "#" + std::to_string(crew.people[i].id.value());
        for (int day = 16; day <= 20; ++day) {
            const std::string date = "2026-11-" + std::to_string(day);
            if (i == 0) {
                csv::AppendRow(out, {who, crew.project.project_number, date, "", "07:00",
                                     "15:30", "30", "approved"});
            } else {
                csv::AppendRow(out, {who, crew.project.project_number, date, "8", "", "", "",
                                     "approved"});
            }
        }
    }
    return out;
}

// The crew's entries, in id order.
Result<std::vector<TimeEntry>> CrewEntries(CliContext& ws) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, ws.Begin(store::TxMode::kRead));
    store::TimeEntryFilter filter;
    filter.from = ParseDate(kWeekFrom);
    filter.to = ParseDate(kWeekTo);
    return tx->ListTimeEntries(filter);
}

Result<std::int64_t> TimecardOf(CliContext& ws, TimeEntryId entry) {
    CREWSYNC_ASSIGN_OR_RETURN(auto tx, ws.Begin(store::TxMode::kRead));
    CREWSYNC_ASSIGN_OR_RETURN(auto ledger, tx->ListTimecardLedger());
    for (const store::TimecardLedgerRow& row : ledger) {
        if (row.time_entry_id == entry.value()) return row.timecard_id;
    }
    return Fail(ErrorCode::kNotFound, "the push left no timecard for the entry");
}

Status TimeStory(CliContext& ws, const std::string& dir, const Procore& procore);

// The steps after the emulator is up; any failure ends the demo (the emulator is stopped by
// the caller either way).
Status Story(const synth::Company& company, const std::string& dir, Procore procore,
             std::int64_t& first_run) {
    Heading("Create a workspace");
    CREWSYNC_TRY(Step({"init", dir, "--name", company.name}));
    std::cout << "The commands below find it through CREWSYNC_WORKSPACE (or run them inside it):\n"
              << "$ export CREWSYNC_WORKSPACE=" << Quote(dir) << "\n";
    // The demo's own view of the workspace, to pick records for the next steps.
    CliContext ws(workspace::Environment::Process());
    ws.workspace_flag = dir;
    CREWSYNC_TRY(ws.OpenWorkspace());

    const std::string people_csv = (fs::path(dir) / "people.csv").string();
    const std::string projects_csv = (fs::path(dir) / "projects.csv").string();
    CREWSYNC_TRY(WriteText(people_csv, PeopleCsv(company)));
    CREWSYNC_TRY(WriteText(projects_csv, ProjectsCsv(company)));
    Heading(fmt::format("Import the workforce plan: {} people and {} projects, from CSV files "
                        "the demo wrote",
                        company.local.people.size(), company.local.projects.size()));
    std::cout << "(Some people share an e-mail or employee ID on purpose; "
                 "--allow-duplicates keeps them, and the link report flags them.)\n";
    std::string imported;
    CREWSYNC_TRY(
        Step({"people", "import", "--create-missing", "--allow-duplicates", people_csv},
             &imported));
    PrintImport(imported);
    CREWSYNC_TRY(Step({"projects", "import", "--create-missing", projects_csv}));

    Heading("Connect to Procore (the emulator) with the demo application's credentials");
    std::cout << "Credentials come from the environment or a file, never the command line:\n"
              << fmt::format("$ export {}={} {}={}\n", kClientIdVariable, procore.app.client_id,
                             kClientSecretVariable, Quote(procore.app.client_secret));
    std::string connect_output;
    CREWSYNC_TRY(Step({"connect", "--base-url", procore.server.BaseUrl(), "--company-id",
                       std::to_string(procore.company_id)},
                      &connect_output));
    // The same access report as doctor's, which comes next: only its verdict here.
    std::istringstream connect_lines(connect_output);
    for (std::string line; std::getline(connect_lines, line);) {
        if (line.starts_with("Connected") || line.starts_with("Ready") ||
            line.starts_with("Not ready")) {
            std::cout << line << "\n";
        }
    }

    Heading("Check the connection and what the account can do");
    CREWSYNC_TRY(Step({"doctor"}));

    Heading("Link report: how each record pairs up with Procore (reads, writes nothing)");
    const std::string report_csv = (fs::path(dir) / "link-report.csv").string();
    CREWSYNC_TRY(Step({"link", "report", "--csv", report_csv}));
    CREWSYNC_ASSIGN_OR_RETURN(const std::vector<ReportRow> rows, ReadReport(report_csv));
    const std::optional<ReportRow> conflict = PrintDecisions(rows);
    std::cout << "(Without --csv, `crewsync link report` prints every entry with its reasons.)\n";

    if (conflict) {
        Heading("Accept a conflict: same person, and crewsync's values are the right ones");
        std::cout << fmt::format("{} {}: {}\n", conflict->label,
                                 conflict->remote_kind.empty() ? "" : "(Procore " +
                                     conflict->remote_kind + " " + conflict->remote_id + ")",
                                 conflict->differences.empty() ? conflict->reason
                                                               : conflict->differences);
        CREWSYNC_TRY(Step({"link", "accept", "#" + conflict->local_id}));
    } else {
        Heading("No conflict in this company's report: nothing to accept");
    }

    Heading("First sync: link the matches, create the rest, update the accepted conflict");
    std::vector<std::string> first_sync = {"sync", "all"};
    std::cout << "$ " << CommandLine(first_sync) << "\n";
    int code = RunCrewsync(first_sync);
    if (code == kExitBlocked) {
        // The guard counts every change to an existing Procore record; a first sync that
        // corrects many Directory records is exactly what it asks a person to confirm.
        std::cout << "The mass-change guard wants a person to confirm that many changes to "
                     "existing Procore records; the demo confirms:\n";
        first_sync.push_back("--approve-mass-change");
        CREWSYNC_TRY(Step(first_sync));
    } else if (code != kExitOk) {
        return Fail(ErrorCode::kInternal,
                    fmt::format("`{}` ended with exit status {}, so the demo stops here",
                                CommandLine(first_sync), code));
    }

    CREWSYNC_ASSIGN_OR_RETURN(first_run, LatestRun(ws));

    CREWSYNC_ASSIGN_OR_RETURN(const EditTarget target, PickSyncedUser(ws));
    const std::string title = EditedTitle(target.job_title);
    Heading("Meanwhile, someone edits a synced person in Procore's Directory");
    std::cout << fmt::format("Job title of {} (Directory user {}): '{}' -> '{}', through "
                             "Procore's API (PATCH .../companies/{}/users/{}).\n",
                             target.name, target.user_id, target.job_title, title,
                             procore.company_id, target.user_id);
    CREWSYNC_TRY(EditInDirectory(procore.server, procore.company_id, procore.app, target, title));

    Heading("Sync again: crewsync owns people's fields (one-way), so the edit is reset");
    CREWSYNC_TRY(Step({"sync", "people"}));
    CREWSYNC_ASSIGN_OR_RETURN(const std::int64_t second_run, LatestRun(ws));

    Heading("The second run's log");
    std::string shown;
    CREWSYNC_TRY(Step({"runs", "show", std::to_string(second_run)}, &shown));
    PrintRunShow(shown, second_run);

    CREWSYNC_TRY(TimeStory(ws, dir, procore));

    Heading("Every run");
    CREWSYNC_TRY(Step({"runs", "list"}));
    return Ok();
}

Status TimeStory(CliContext& ws, const std::string& dir, const Procore& procore) {
    CREWSYNC_ASSIGN_OR_RETURN(const Crew crew, PickCrew(ws));
    const std::string time_csv = (fs::path(dir) / "time.csv").string();
    CREWSYNC_TRY(WriteText(time_csv, TimeCsv(crew)));
    Heading(fmt::format("A week of time for a crew of {} on {} {}, from time.csv",
                        crew.people.size(), crew.project.project_number, crew.project.name));
    CREWSYNC_TRY(Step({"time", "import", time_csv}));
    const std::vector<std::string> push = {"sync", "time", "--from", kWeekFrom, "--to", kWeekTo};

    Heading("Push it to Procore timecards: each entry once, in bulk creates of up to 25");
    CREWSYNC_TRY(Step(push));
    Heading("Push again: nothing is sent twice");
    CREWSYNC_TRY(Step(push));

    CREWSYNC_ASSIGN_OR_RETURN(const std::vector<TimeEntry> entries, CrewEntries(ws));
    if (entries.size() < 2) return Fail(ErrorCode::kInternal, "the crew's week was not imported");
    const TimeEntry& edited_here = entries.back();
    const TimeEntry& edited_there = entries[entries.size() / 2];
    CREWSYNC_ASSIGN_OR_RETURN(const std::int64_t timecard, TimecardOf(ws, edited_there.id));
    Heading("Meanwhile: a foreman corrects an entry in crewsync, and someone edits a timecard "
            "in Procore");
    CREWSYNC_TRY(Step({"time", "edit", "#" + std::to_string(edited_here.id.value()), "--hours",
                       "6.5"}));
    std::cout << fmt::format("Timecard {} set to 10 hours through Procore's API (PATCH "
                             ".../timecard_entries/{}).\n",
                             timecard, timecard);
    CREWSYNC_TRY(ThroughProcore(procore.server, procore.company_id, procore.app,
                                [&](procore::ProcoreApi& api) -> Status {
                                    procore::TimecardFields fields;
                                    fields.hours = "10";
                                    auto updated = api.UpdateTimecardEntry(timecard, fields);
                                    if (!updated) return Fail(std::move(updated).error());
                                    return Ok();
                                }));

    Heading("Reconcile the week: crewsync's hours against Procore's timecards");
    CREWSYNC_TRY(Step({"time", "reconcile", "--from", kWeekFrom, "--to", kWeekTo}));

    Heading("Push again: the corrected entry updates the timecard it created");
    CREWSYNC_TRY(Step(push));
    return Ok();
}

void PrintNext(const DemoOptions& options, const std::string& dir, const std::string& company,
               std::int64_t company_id, std::int64_t first_run) {
    Heading("Where to look next");
    std::cout
        << fmt::format("Workspace (kept): {}\n", dir)
        << "  people.csv, projects.csv   the plan the demo imported\n"
        << "  link-report.csv            the full link report, one row per record\n"
        << "  time.csv                   the crew's week of time the demo pushed\n"
        << "  crewsync.toml              settings: sync direction, scope, mass-change guard\n"
        << fmt::format("Read the logs:  export CREWSYNC_WORKSPACE={}; crewsync runs list; "
                       "crewsync runs show {}\n",
                       Quote(dir), first_run)
        << "Read the docs:  docs/syncing.md (how a run decides), docs/linking.md (the link "
           "report),\n"
        << "                docs/time.md (pushing time, exactly once; reconciling it),\n"
        << "                docs/connecting.md, docs/emulator.md\n"
        << "Try it with your own emulator (the same company, in another terminal):\n"
        << fmt::format("  crewsync emulator --port 8080 --generate-people {} --seed {} "
                       "--company {}\n",
                       options.people, options.seed, Quote(company))
        << "  then a new workspace, with the two credential variables above:\n"
        << "  crewsync init ws && export CREWSYNC_WORKSPACE=$PWD/ws\n"
        << fmt::format("  crewsync connect --base-url http://127.0.0.1:8080 --company-id {}, "
                       "and the steps above.\n",
                       company_id)
        << "This workspace was connected to the demo's emulator, which has stopped: its run "
           "logs and\n"
        << "link-report.csv stay readable, but it can no longer reach Procore.\n";
}

Result<std::string> WorkspaceDir(const std::string& requested) {
    if (!requested.empty()) {
        std::error_code ec;
        return fs::absolute(requested, ec).lexically_normal().string();
    }
    std::string pattern = (fs::temp_directory_path() / "crewsync-demo-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        return Fail(ErrorCode::kIo, "cannot create a directory for the demo workspace");
    }
    return pattern;
}

Status RunDemo(const DemoOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    synth::CompanyShape shape;
    shape.seed = options.seed;
    shape.people = options.people;
    const synth::Company company = synth::GenerateCompany(shape);
    CREWSYNC_ASSIGN_OR_RETURN(const std::string dir, WorkspaceDir(options.dir));

    emulator::SeedOptions app;
    app.company_name = company.name;
    ScopedVariable workspace_variable("CREWSYNC_WORKSPACE", dir);
    ScopedVariable id_variable(kClientIdVariable, app.client_id);
    ScopedVariable secret_variable(kClientSecretVariable, app.client_secret);

    emulator::EmulatorOptions emulator_options;
    emulator_options.seed = options.seed;
    emulator_options.threads = 2;
    emulator::Emulator procore(emulator_options);
    emulator::Services& services = procore.services();
    emulator::Company& procore_company =
        emulator::SeedCompany(services.state, app, services.clock.Now());
    emulator::GeneratedCompany generated;
    generated.seed = options.seed;
    generated.people = options.people;
    const emulator::GeneratedCounts counts = emulator::AddGeneratedRecords(
        services.state, procore_company, generated, services.clock.Now());
    const std::int64_t company_id = procore_company.id;
    CREWSYNC_TRY(procore.Start());

    std::cout << fmt::format(
        "crewsync demo: a first sync with Procore, start to finish.\n"
        "Procore: an emulator at {} holding \"{}\" (company {}):\n"
        "  {} Directory users, {} contacts and {} projects, generated with clean matches,\n"
        "  conflicts, duplicates and near-duplicates of the plan below, and Procore's rate "
        "limits\n"
        "  (100 requests per 10 s), under which crewsync paces its calls.\n"
        "Workspace: {}\n",
        procore.BaseUrl(), company.name, company_id, counts.users, counts.contacts,
        counts.projects, dir);
    std::int64_t first_run = 0;
    const Status story = Story(company, dir, {procore, company_id, app}, first_run);
    procore.Stop();
    if (!story) {
        std::cout << fmt::format("\nThe demo stopped early. The workspace is in {}; the "
                                 "emulator has stopped.\n",
                                 dir);
        return story;
    }
    PrintNext(options, dir, company.name, company_id, first_run);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format("\nDemo finished in {:.1f} s. The emulator at {} has stopped; "
                             "nothing is left running.\n",
                             seconds, procore.BaseUrl());
    return Ok();
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand(
        "demo", "Walk through a first sync with Procore against a local emulator (seconds; "
                "leaves nothing running)");
    auto options = std::make_shared<DemoOptions>();
    cmd->add_option("--dir", options->dir,
                    "Workspace directory to create (default: a new one under /tmp, kept)");
    cmd->add_option("--people", options->people, "People in the generated company")
        ->capture_default_str()
        ->check(CLI::Range(std::int64_t{20}, std::int64_t{100000}));
    cmd->add_option("--seed", options->seed, "Seed of the generated company")
        ->capture_default_str();
    cmd->footer(
        "Starts a Procore emulator inside this process with a generated company, then runs\n"
        "the real commands against it, each printed first: init, people/projects import,\n"
        "connect, doctor, link report, link accept, sync all, an edit in Procore's Directory,\n"
        "sync people, runs show. The workspace is kept; the emulator stops at the end.");
    OnRun(cmd, context, [options]() -> Status { return RunDemo(*options); });
}

}  // namespace crewsync::cli
