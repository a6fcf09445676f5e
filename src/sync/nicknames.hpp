// Given names and their common nicknames ("Bob" ↔ "Robert"), from data/nicknames.csv, compiled
// into the program so the sync core reads no files.
#pragma once

#include <string_view>

namespace crewsync::sync {

// Whether two normalised first names (see NormalizeName) are the same name in nickname form:
// "bob"/"robert", "bill"/"william", "liz"/"elizabeth", also two nicknames of one name
// ("bob"/"rob"). Equal names are not nicknames of each other.
bool AreNicknames(std::string_view a, std::string_view b);

}  // namespace crewsync::sync
