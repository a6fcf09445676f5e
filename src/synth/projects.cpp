// The projects half of the synthetic company, and its trade classifications.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_set>

#include "synth/parts.hpp"
#include "synth/vocabulary.hpp"

namespace crewsync::synth::internal {
namespace {

using namespace std::chrono;

constexpr sync::ProcoreId kFirstProjectId = 8'000'000'000;
constexpr sync::ProcoreId kFirstClassificationId = 3'500'000;

// "2024-017": the year the job was won and its number in that year.
std::string ProjectNumber(int year, std::int64_t sequence) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%03lld", year, static_cast<long long>(sequence));
    return buf;
}

std::string Address(Random& random) {
    static constexpr std::string_view kDirections[] = {"N ", "S ", "E ", "W "};
    std::string out = std::to_string(random.Between(100, 9899)) + " ";
    if (random.Chance(0.3)) out += random.Pick(std::span<const std::string_view>(kDirections));
    out += random.Pick(StreetNames());
    out += " ";
    out += random.Pick(StreetSuffixes());
    return out;
}

class ProjectGenerator {
public:
    ProjectGenerator(const CompanyShape& shape, Random& random, Timestamp now, Company& company)
        : shape_(shape), random_(random), now_(now), company_(company) {}

    void Run();

private:
    Project MakeProject(std::int64_t id, const std::string& number, int year);
    sync::RemoteProject CopyOf(const Project& project);
    std::string FreshNumber(int year);

    const CompanyShape& shape_;
    Random& random_;
    Timestamp now_;
    Company& company_;
    std::vector<const City*> home_cities_;  // where most of the company's work is
    std::unordered_set<std::string> numbers_;
    std::int64_t procore_sequence_ = 500;   // numbers Procore users gave their own projects
};

Project ProjectGenerator::MakeProject(std::int64_t id, const std::string& number, int year) {
    Project p;
    p.id = ProjectId(id);
    p.project_number = number;
    p.name = std::string(random_.Pick(ProjectPlaces())) + " " + std::string(random_.Pick(ProjectKinds()));
    if (random_.Chance(0.1)) p.name += random_.Chance(0.5) ? " Phase 2" : " - Phase 1";
    const City& city = random_.Chance(0.85) ? *random_.Pick(home_cities_) : random_.Pick(Cities());
    p.address = Address(random_);
    p.city = city.name;
    p.postal_code = std::string(city.zip_prefix) + std::to_string(random_.Between(10, 99));
    if (random_.Chance(0.9)) p.time_zone = city.time_zone;
    const sys_days start = sys_days(std::chrono::year(year) / January / 1) + days(random_.Between(0, 364));
    if (random_.Chance(0.95)) p.start_date = year_month_day(start);
    if (p.start_date && random_.Chance(0.9)) {
        p.planned_end_date = year_month_day(start + days(random_.Between(120, 900)));
    }
    const sys_days today = floor<days>(now_);
    if (p.planned_end_date && sys_days(*p.planned_end_date) < today - days(30) &&
        random_.Chance(0.8)) {
        p.status = RecordStatus::kInactive;
    }
    p.groups.push_back(random_.Pick(company_.local.group_names));
    return p;
}

sync::RemoteProject ProjectGenerator::CopyOf(const Project& p) {
    sync::RemoteProject r;
    r.name = p.name;
    r.project_number = p.project_number;
    r.active = p.status == RecordStatus::kActive;
    r.start_date = p.start_date;
    r.completion_date = p.planned_end_date;
    r.address = p.address;
    r.city = p.city;
    r.zip = p.postal_code;
    r.time_zone = p.time_zone;
    r.updated_at = Before(random_, now_, seconds(365 * 24 * 3600));
    // Someone edited a few in Procore since they were set up.
    if (random_.Chance(0.1)) {
        if (random_.Chance(0.5) || !r.completion_date) {
            r.name += " (Rev)";
        } else {
            r.completion_date = year_month_day(sys_days(*r.completion_date) + days(random_.Between(14, 120)));
        }
    }
    return r;
}

std::string ProjectGenerator::FreshNumber(int year) {
    for (;;) {
        std::string number = ProjectNumber(year, procore_sequence_);
        procore_sequence_ += random_.Between(1, 3);
        if (numbers_.insert(number).second) return number;
    }
}

void ProjectGenerator::Run() {
    for (int k = 0; k < 3; ++k) home_cities_.push_back(&random_.Pick(Cities()));
    const int this_year = static_cast<int>(year_month_day(floor<days>(now_)).year());

    // Numbers run on within each year, so sort the years first.
    std::vector<int> years;
    for (std::int64_t k = 0; k < shape_.projects; ++k) {
        years.push_back(this_year - static_cast<int>(std::min<std::uint64_t>(random_.Below(8), 6)));
    }
    std::sort(years.begin(), years.end());
    std::int64_t sequence = 0;
    for (std::size_t k = 0; k < years.size(); ++k) {
        sequence = k > 0 && years[k] == years[k - 1] ? sequence + random_.Between(1, 3)
                                                      : random_.Between(1, 9);
        const std::string number = ProjectNumber(years[k], sequence);
        numbers_.insert(number);
        company_.local.projects.push_back(
            {MakeProject(static_cast<std::int64_t>(k) + 1, number, years[k]),
             Before(random_, now_, seconds(365 * 24 * 3600))});
    }

    // An exact share, as with people, so small companies get what the shape says.
    auto& remote = company_.remote.projects;
    const auto& local = company_.local.projects;
    std::vector<std::size_t> chosen(local.size());
    std::iota(chosen.begin(), chosen.end(), std::size_t{0});
    random_.Shuffle(chosen);
    const auto in_procore = std::clamp<std::int64_t>(
        std::llround(shape_.share_projects_in_procore * static_cast<double>(local.size())), 0,
        static_cast<std::int64_t>(local.size()));
    chosen.resize(static_cast<std::size_t>(in_procore));
    std::sort(chosen.begin(), chosen.end());
    for (std::size_t k : chosen) remote.push_back(CopyOf(local[k].project));
    for (std::int64_t k = 0; k < shape_.procore_only_projects; ++k) {
        const int year = this_year - static_cast<int>(random_.Below(2));
        Project made = MakeProject(0, random_.Chance(0.9) ? FreshNumber(year) : "", year);
        remote.push_back(CopyOf(made));
    }

    std::vector<sync::ProcoreId> ids(remote.size());
    sync::ProcoreId next = kFirstProjectId + random_.Between(0, 99'999);
    for (sync::ProcoreId& id : ids) {
        next += random_.Between(1, 500);
        id = next;
    }
    random_.Shuffle(ids);
    for (std::size_t k = 0; k < remote.size(); ++k) remote[k].id = ids[k];
    std::sort(remote.begin(), remote.end(),
              [](const sync::RemoteProject& a, const sync::RemoteProject& b) { return a.id < b.id; });
}

}  // namespace

std::vector<std::string> AddClassifications(const CompanyShape& shape, Random& random,
                                            Company& company) {
    const auto all = ClassificationNames();
    const auto n = std::clamp<std::int64_t>(shape.classifications, 0,
                                            static_cast<std::int64_t>(all.size()));
    // The list starts with the commonest trades, so a small company has the usual ones.
    std::vector<std::string> names(all.begin(), all.begin() + n);
    sync::ProcoreId next = kFirstClassificationId + random.Between(0, 99'999);
    for (const std::string& name : names) {
        next += random.Between(1, 9);
        company.remote.classifications.push_back({next, name});
    }
    return names;
}

void AddProjects(const CompanyShape& shape, Random& random, Timestamp now, Company& company) {
    ProjectGenerator(shape, random, now, company).Run();
}

}  // namespace crewsync::synth::internal
