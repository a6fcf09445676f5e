// Writes a people CSV of N realistic rows for the import benchmark:
//   make_people_csv N [SEED] > people.csv
// Deterministic for a given seed. Names mix accents, e-mails are unique, a third of
// the rows carry a custom field, and every person is in one or two of three groups.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "csv/writer.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_people_csv N [SEED]\n");
        return 2;
    }
    const long n = std::strtol(argv[1], nullptr, 10);
    std::mt19937_64 rng(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 42);
    const std::vector<std::string> first = {"Ana", "Bob", "Chloé", "Dmitri", "Eve", "Fatima",
                                            "Günter", "Hiro", "Isabel", "José", "Kwame", "Lena",
                                            "Marek", "Nia", "Omar", "Priya", "Quinn", "Rosa"};
    const std::vector<std::string> last = {"Smith", "García", "Müller", "Nguyen", "O'Brien",
                                           "Kowalski", "Okafor", "Rossi", "Sato", "Dubois",
                                           "Johnson", "Svensson", "Petrov", "Haddad"};
    const std::vector<std::string> titles = {"Foreman", "Journeyman Electrician", "Apprentice",
                                             "Superintendent", "Laborer", "Project Engineer",
                                             "Carpenter, Finish"};
    const std::vector<std::string> types = {"assignable", "assignable", "assignable", "both",
                                            "user"};
    const std::vector<std::string> groups = {"North", "South", "East"};
    std::string out;
    crewsync::csv::AppendRow(out, {"first_name", "last_name", "email", "employee_id",
                                   "mobile_phone", "job_title", "status", "type", "groups",
                                   "custom:shirt size"});
    std::fwrite(out.data(), 1, out.size(), stdout);
    for (long i = 0; i < n; ++i) {
        out.clear();
        const std::string& f = first[rng() % first.size()];
        const std::string& l = last[rng() % last.size()];
        char phone[32];
        std::snprintf(phone, sizeof phone, "(312) 555-%04d", static_cast<int>(rng() % 10000));
        std::string group = groups[rng() % groups.size()];
        if (rng() % 4 == 0) group += "; " + groups[rng() % groups.size()];
        crewsync::csv::AppendRow(
            out, {f, l, "person" + std::to_string(i) + "@acme-build.com",
                  "E" + std::to_string(100000 + i), phone, titles[rng() % titles.size()],
                  rng() % 20 == 0 ? "inactive" : "active", types[rng() % types.size()], group,
                  i % 3 == 0 ? std::string(rng() % 2 ? "L" : "XL") : ""});
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return 0;
}
