// How Suggest() scales: N crewsync people against a Directory of N records, for N = 10,000 and
// 100,000, from GenerateCompany. Every record on both sides is a candidate — the worst case; a
// link report passes only the records no key matched. Blocking keys must keep the work close to
// linear: 10× the records may cost at most 15× the time.
//   bench_suggest [SMALL [LARGE [SEED]]]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench_support.hpp"
#include "sync/settings.hpp"
#include "sync/suggest.hpp"

namespace {

using namespace crewsync;

struct Run {
    std::size_t local = 0, remote = 0, suggestions = 0;
    double best_seconds = 0;
};

Run Measure(std::int64_t n, std::uint64_t seed, int repeats) {
    synth::CompanyShape shape;
    shape.seed = seed;
    shape.people = n;
    const synth::Company company = synth::GenerateCompany(bench::SizedForDirectory(shape, n));
    std::vector<sync::SuggestionCandidate> local, remote;
    for (const sync::LocalPerson& lp : company.local.people) {
        const Person& p = lp.person;
        local.push_back({p.id.value(), sync::RemoteKind::kUser, p.first_name, p.last_name, p.email,
                         p.employee_id, p.mobile_phone});
    }
    for (const sync::RemoteUser& u : company.remote.users) {
        remote.push_back({u.id, sync::RemoteKind::kUser, u.first_name, u.last_name, u.email,
                          u.employee_id, u.mobile_phone});
    }
    for (const sync::RemoteContact& c : company.remote.contacts) {
        remote.push_back({c.id, sync::RemoteKind::kContact, c.first_name, c.last_name, c.email,
                          c.employee_id, {}});
    }
    const sync::Settings settings;
    Run run{local.size(), remote.size(), 0, 1e9};
    for (int k = 0; k < repeats; ++k) {
        bench::Stopwatch watch;
        const auto suggestions = sync::Suggest(local, remote, settings.suggestion_threshold,
                                               settings.default_country_code);
        run.best_seconds = std::min(run.best_seconds, watch.Lap());
        run.suggestions = suggestions.size();
    }
    return run;
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t small = argc > 1 ? std::strtoll(argv[1], nullptr, 10) : 10'000;
    const std::int64_t large = argc > 2 ? std::strtoll(argv[2], nullptr, 10) : 100'000;
    const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
    const Run a = Measure(small, seed, 5);
    const Run b = Measure(large, seed, 3);
    auto print = [](const Run& r, int repeats) {
        std::printf("suggest %zu x %zu: %.3f s (best of %d), %zu suggestions\n", r.local, r.remote,
                    r.best_seconds, repeats, r.suggestions);
    };
    print(a, 5);
    print(b, 3);
    const double ratio = b.best_seconds / a.best_seconds;
    const double size_ratio = static_cast<double>(large) / static_cast<double>(small);
    std::printf("suggest ratio: %.1fx the time for %.0fx the records (limit %.0fx): %s\n", ratio,
                size_ratio, 1.5 * size_ratio, ratio <= 1.5 * size_ratio ? "ok" : "TOO SLOW");
    std::printf("ratio=%.2f\n", ratio);
    return ratio <= 1.5 * size_ratio ? 0 : 1;
}
