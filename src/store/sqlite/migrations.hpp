// The SQLite schema, as numbered migrations. A migration is never edited once
// released: schema changes are new migrations appended to the list.
#pragma once

#include <span>

namespace crewsync::store::sqlite {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

std::span<const Migration> Migrations();

}  // namespace crewsync::store::sqlite
