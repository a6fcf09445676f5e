// A thin RAII layer over the sqlite3 C API that reports failures as Results.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace crewsync::store::sqlite {

// A prepared statement. Bind parameters are 1-based, columns 0-based, as in SQLite.
// Owned by its Db's statement cache; Reset() happens when it is fetched again.
class Stmt {
public:
    explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& Bind(int index, std::int64_t value);
    Stmt& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Stmt& Bind(int index, std::string_view value);
    // Binds raw bytes as a BLOB (an empty view binds an empty BLOB, not NULL).
    Stmt& BindBlob(int index, std::string_view bytes);
    Stmt& BindNull(int index);
    // Binds the text, or NULL when it is nullopt.
    Stmt& BindOptional(int index, const std::optional<std::string>& value);

    // Steps once: true when a row is ready, false when done. Errors carry the SQL message.
    Result<bool> Step();
    // Steps until done; for statements that return no rows.
    Status Run();

    std::int64_t Int(int column) const;
    std::string Text(int column) const;
    // The column's bytes, unchanged (for BLOBs; NULL reads as empty).
    std::string Blob(int column) const;
    bool IsNull(int column) const;

    void Reset();

private:
    friend class Db;
    sqlite3_stmt* stmt_;
};

// One connection to a database file, with a cache of prepared statements.
class Db {
public:
    // Opens (creating if missing) the file, in WAL mode with a busy timeout and
    // foreign keys on. A file this call creates gets mode 0600 whatever the umask, because it
    // holds personal data and sealed credentials; SQLite gives the -wal and -shm files the
    // database file's mode. An existing file keeps its mode.
    static Result<std::unique_ptr<Db>> Open(const std::string& path);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // Runs one or more statements with no parameters and no result rows.
    Status Exec(std::string_view sql);
    // Returns the cached prepared statement for `sql`, reset and with bindings cleared.
    // The reference stays valid for the life of the Db.
    Result<Stmt*> Prepare(std::string_view sql);

    std::int64_t LastInsertId() const;
    int Changes() const;
    const std::string& path() const { return path_; }
    // Maps the connection's last error to an Error: constraint failures become
    // kConflict, a busy database kTransient, everything else kIo.
    Error LastError(std::string_view context) const;

private:
    Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_;
    std::string path_;
    std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

}  // namespace crewsync::store::sqlite
