// Writes the input files of the link-and-plan benchmark from a synthetic company:
//   bench_company OUT_DIR [PEOPLE [DIRECTORY_USERS [SEED]]]
// OUT_DIR/people.csv is crewsync's people CSV (the export format, ids included) of PEOPLE people
// (default 100,000); OUT_DIR/directory_users.json is Procore's company users list as the API
// returns it, DIRECTORY_USERS users (default 100,000): the Users among the people's
// counterparts, then Directory-only Users for the rest. The Contacts of the company (the
// counterparts of assignable people) belong to another endpoint and are left out, so those
// people are ones a first sync would create.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "bench_support.hpp"
#include "csv/writer.hpp"
#include "model/text.hpp"
#include "procore/directory_json.hpp"

namespace {

using namespace crewsync;

bool WriteFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return static_cast<bool>(out);
}

std::string PeopleCsv(const sync::LocalSnapshot& local) {
    std::string out;
    out.reserve(local.people.size() * 160);
    csv::AppendRow(out, {"id", "first_name", "last_name", "email", "employee_id", "mobile_phone",
                         "job_title", "status", "type", "permission", "classification", "groups"});
    for (const sync::LocalPerson& lp : local.people) {
        const Person& p = lp.person;
        csv::AppendRow(out, {std::to_string(p.id.value()), p.first_name, p.last_name, p.email,
                             p.employee_id, p.mobile_phone, p.job_title,
                             std::string(Name(p.status)), std::string(Name(p.type)),
                             std::string(Name(p.permission)), p.classification,
                             JoinList(p.groups, "; ")});
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_company OUT_DIR [PEOPLE [DIRECTORY_USERS [SEED]]]\n");
        return 2;
    }
    const std::string dir = argv[1];
    synth::CompanyShape shape;
    shape.people = argc > 2 ? std::strtoll(argv[2], nullptr, 10) : 100'000;
    const std::int64_t directory_users = argc > 3 ? std::strtoll(argv[3], nullptr, 10) : 100'000;
    shape.seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 42;
    shape.directory_only_share_user = 1.0;  // the file is the users list

    // Size the Directory by its Users: the people part does not depend on directory_only.
    shape.directory_only = 0;
    const auto counterpart_users =
        static_cast<std::int64_t>(synth::GenerateCompany(shape).remote.users.size());
    shape.directory_only = std::max<std::int64_t>(0, directory_users - counterpart_users);
    const synth::Company company = synth::GenerateCompany(shape);

    const std::string csv_text = PeopleCsv(company.local);
    const std::string json_text = procore::EncodeUsers(company.remote.users);
    if (!WriteFile(dir + "/people.csv", csv_text) ||
        !WriteFile(dir + "/directory_users.json", json_text)) {
        std::fprintf(stderr, "bench_company: cannot write into %s\n", dir.c_str());
        return 1;
    }
    std::printf("%s: %zu people (%.1f MB people.csv), %zu Directory users (%.1f MB "
                "directory_users.json; %zu contacts left out), seed %llu\n",
                company.name.c_str(), company.local.people.size(),
                static_cast<double>(csv_text.size()) / 1e6, company.remote.users.size(),
                static_cast<double>(json_text.size()) / 1e6, company.remote.contacts.size(),
                static_cast<unsigned long long>(shape.seed));
    return 0;
}
