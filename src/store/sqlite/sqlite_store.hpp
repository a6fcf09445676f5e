// The SQLite backend of the Store: one database file per workspace.
#pragma once

#include <memory>
#include <string>

#include "model/clock.hpp"
#include "store/store.hpp"

namespace crewsync::store {

// Opens (creating if missing) the database at `path` and brings its schema up to date.
// Fails with kCorrupt when the file was written by a newer crewsync (unknown schema
// version) or is not a database. `clock` must outlive the store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock);

}  // namespace crewsync::store
