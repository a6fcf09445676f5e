// String similarity measures for near-duplicate detection, on Unicode code points.
#pragma once

#include <cstddef>
#include <string_view>

namespace crewsync::sync {

// Jaro-Winkler similarity in [0, 1] of two UTF-8 strings (1 = equal), prefix scale 0.1 over at
// most 4 code points. Both empty → 1; one empty → 0.
double JaroWinkler(std::string_view a, std::string_view b);

// Levenshtein distance in code points, stopping early: returns `limit + 1` as soon as the
// distance is known to exceed `limit`.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace crewsync::sync
