// The link-and-plan benchmark, one thread:
//   bench_link_plan DIR
// reads DIR/people.csv (crewsync's people CSV) and DIR/directory_users.json (Procore's company
// users list), builds the link report (suggestions included) and the plan of a first sync with
// default settings, and prints the wall time of each phase, the counts and the peak RSS. The
// last line, "total_seconds=…", is for bench/run.
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "csv/header_map.hpp"
#include "csv/reader.hpp"
#include "model/text.hpp"
#include "procore/directory_json.hpp"
#include "sync/link_report.hpp"
#include "sync/plan.hpp"

namespace {

using namespace crewsync;

// The columns of the export format. A minimal fast path: the file is crewsync's own export, so
// there is no matching against stored people and no validation (records/people_csv.cpp does
// both, inside a store transaction).
const std::vector<csv::ColumnSpec>& Columns() {
    static const std::vector<csv::ColumnSpec> specs = {
        {"id", {}, true},         {"first_name", {}, true},  {"last_name", {}, true},
        {"email", {}, false},     {"employee_id", {}, false}, {"mobile_phone", {}, false},
        {"job_title", {}, false}, {"status", {}, false},      {"type", {}, false},
        {"permission", {}, false}, {"classification", {}, false}, {"groups", {}, false},
    };
    return specs;
}

Result<std::vector<sync::LocalPerson>> ReadPeople(const std::string& path) {
    CREWSYNC_ASSIGN_OR_RETURN(csv::Table table, csv::ReadFile(path));
    CREWSYNC_ASSIGN_OR_RETURN(csv::HeaderMap header,
                              csv::HeaderMap::Build(table.header, Columns()));
    std::vector<std::optional<std::size_t>> at;
    for (const auto& spec : Columns()) at.push_back(header.Index(spec.key));
    std::vector<sync::LocalPerson> people;
    people.reserve(table.rows.size());
    for (csv::Record& row : table.rows) {
        auto cell = [&](std::size_t column) -> std::string {
            if (!at[column]) return {};
            std::string& value = row.values[*at[column]];
            const std::string_view trimmed = Trim(value);
            return trimmed.size() == value.size() ? std::move(value) : std::string(trimmed);
        };
        Person p;
        const std::string id = cell(0);
        std::int64_t id_value = 0;
        std::from_chars(id.data(), id.data() + id.size(), id_value);
        if (id_value <= 0) {
            return Fail(ErrorCode::kInvalidArgument,
                        path + ": line " + std::to_string(row.line) + ": no id");
        }
        p.id = PersonId(id_value);
        p.first_name = cell(1);
        p.last_name = cell(2);
        p.email = cell(3);
        p.employee_id = cell(4);
        p.mobile_phone = cell(5);
        p.job_title = cell(6);
        if (auto s = ParseRecordStatus(cell(7))) p.status = *s;
        if (auto t = ParsePersonType(cell(8))) p.type = *t;
        if (auto l = ParsePermissionLevel(cell(9))) p.permission = *l;
        p.classification = cell(10);
        p.groups = SplitList(cell(11), ';');
        people.push_back({std::move(p), Timestamp{}});
    }
    return people;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_link_plan DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    bench::Stopwatch total;
    bench::Stopwatch phase;

    auto people = ReadPeople(dir + "/people.csv");
    if (!people) {
        std::fprintf(stderr, "%s\n", people.error().ToString().c_str());
        return 1;
    }
    const double read_csv = phase.Lap();

    auto json = procore::PaddedJson::ReadFile(dir + "/directory_users.json");
    if (!json) {
        std::fprintf(stderr, "%s\n", json.error().ToString().c_str());
        return 1;
    }
    const double read_json = phase.Lap();
    auto users = procore::DecodeUsers(*json);
    if (!users) {
        std::fprintf(stderr, "%s\n", users.error().ToString().c_str());
        return 1;
    }
    const double json_mb = static_cast<double>(json->text().size()) / 1e6;
    *json = procore::PaddedJson();  // the text is not needed any more
    const double decode_json = read_json + phase.Lap();

    sync::LocalSnapshot local;
    local.people = std::move(*people);
    local.group_names = {"North", "South", "East", "West"};
    sync::RemoteSnapshot remote;
    remote.users = std::move(*users);
    const sync::SyncState state;
    const sync::Settings settings;
    const double snapshots = phase.Lap();

    const sync::LinkReport report = sync::BuildLinkReport(local, remote, state, settings);
    const double link = phase.Lap();
    const sync::Plan plan = sync::BuildPlan(local, remote, state, settings, report);
    const double plan_time = phase.Lap();
    const double all = total.Lap();

    const auto& c = report.counts;
    const auto& p = plan.counts;
    std::printf("bench_link_plan: %zu people, %zu Directory users (%.1f MB JSON), 1 thread\n",
                local.people.size(), remote.users.size(), json_mb);
    std::printf("  read people.csv     %7.3f s\n", read_csv);
    std::printf("  decode users JSON   %7.3f s  (%.3f s of it reading the file)\n", decode_json,
                read_json);
    std::printf("  snapshots           %7.3f s\n", snapshots);
    std::printf("  link report         %7.3f s  (would link %lld, would create %lld, conflicts "
                "%lld, duplicates %lld, suggestions %lld, directory only %lld, inactive left out "
                "%lld)\n",
                link, static_cast<long long>(c.would_link), static_cast<long long>(c.would_create),
                static_cast<long long>(c.conflicts), static_cast<long long>(c.duplicates),
                static_cast<long long>(c.suggestions), static_cast<long long>(c.directory_only),
                static_cast<long long>(c.inactive_left_out));
    std::printf("  plan                %7.3f s  (%zu operations: %lld links, %lld creates, %lld "
                "updates; %lld skipped)\n",
                plan_time, plan.operations.size(), static_cast<long long>(p.links),
                static_cast<long long>(p.creates), static_cast<long long>(p.updates),
                static_cast<long long>(p.skipped));
    std::printf("  total               %7.3f s\n", all);
    std::printf("  peak RSS            %7.0f MiB\n", bench::PeakRssMiB());
    std::printf("total_seconds=%.3f\n", all);
    return 0;
}
