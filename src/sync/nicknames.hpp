// Given names and their common nicknames ("Bob" ↔ "Robert"), from data/nicknames.csv, compiled
// into the program so the sync core reads no files.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace crewsync::sync {

// Whether two normalised first names (see NormalizeName) are the same name in nickname form:
// "bob"/"robert", "bill"/"william", "liz"/"elizabeth", also two nicknames of one name
// ("bob"/"rob"). Equal names are not nicknames of each other.
bool AreNicknames(std::string_view a, std::string_view b);

// The full given names a normalised first name stands for, sorted: its own row when it heads one
// and every row that lists it as a nickname ("bob" → {"robert", "roberto"}, "robert" →
// {"robert"}). Empty for a name the table does not know. The suggestion blocking key for
// nicknames, so "Bob Garcia" meets "Robert Garcia" even when "garcia" is too common to block on.
std::span<const std::string> FullNamesOf(std::string_view name);

}  // namespace crewsync::sync
