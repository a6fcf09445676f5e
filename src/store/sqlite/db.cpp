#include "store/sqlite/db.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace crewsync::store::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10'000;

// Creates `path` with mode 0600 if it does not exist yet, so SQLite then opens an existing
// file and never creates one with the umask's idea of a mode.
Status CreatePrivateFile(const std::string& path) {
    // O_EXCL: an existing database keeps its mode (its owner may have chosen it).
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        // Exists already, or cannot be created: SQLite's own open reports the latter better.
        return Ok();
    }
    // open() applies the umask, which could leave the owner without write access (umask 0277);
    // fchmod does not, so the mode is exactly 0600.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(path.c_str());
        return Fail(ErrorCode::kIo, fmt::format("cannot set the mode of database {}: {}", path,
                                                std::strerror(error)));
    }
    ::close(fd);
    return Ok();
}

Error ErrorFor(sqlite3* db, int rc, std::string_view context) {
    const int primary = rc & 0xff;
    const std::string message =
        fmt::format("{}: {}", context, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (primary == SQLITE_CONSTRAINT) return Error(ErrorCode::kConflict, message);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return Error(ErrorCode::kTransient, message);
    }
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        return Error(ErrorCode::kCorrupt, message);
    }
    return Error(ErrorCode::kIo, message);
}

}  // namespace

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Stmt& Stmt::Bind(int index, std::string_view value) {
    // SQLITE_TRANSIENT: SQLite copies the bytes, so temporaries are safe to pass.
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::BindBlob(int index, std::string_view bytes) {
    // A null pointer would bind NULL rather than an empty BLOB.
    if (bytes.empty()) {
        sqlite3_bind_zeroblob(stmt_, index, 0);
    } else {
        sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                          SQLITE_TRANSIENT);
    }
    return *this;
}

Stmt& Stmt::BindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Stmt& Stmt::BindOptional(int index, const std::optional<std::string>& value) {
    return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}

Result<bool> Stmt::Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3* db = sqlite3_db_handle(stmt_);
    return Fail(ErrorFor(db, sqlite3_extended_errcode(db), "database error"));
}

Status Stmt::Run() {
    while (true) {
        CREWSYNC_ASSIGN_OR_RETURN(const bool row, Step());
        if (!row) return Ok();
    }
}

std::int64_t Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Stmt::Text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Stmt::Blob(int column) const {
    // sqlite3_column_blob first, then _bytes: the documented order that gives the blob's size.
    const void* bytes = sqlite3_column_blob(stmt_, column);
    if (bytes == nullptr) return {};
    return std::string(static_cast<const char*>(bytes),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Stmt::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

void Stmt::Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
    // The database holds people's personal data and sealed credentials: create it readable by
    // its owner only. SQLite gives its -wal and -shm files the same mode as the database file
    // (and fchmods them if the umask got in the way). ":memory:", "" (a temporary database)
    // and URIs are not plain paths and are left to SQLite.
    if (!path.empty() && path[0] != ':' && path.rfind("file:", 0) != 0) {
        CREWSYNC_TRY(CreatePrivateFile(path));
    }
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                       SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        Error error = ErrorFor(handle, rc, fmt::format("cannot open database {}", path));
        sqlite3_close(handle);
        return Fail(std::move(error));
    }
    std::unique_ptr<Db> db(new Db(handle, path));
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    // WAL lets readers (the dashboard, a second CLI) work while a sync writes;
    // synchronous=NORMAL is durable across process crashes in WAL mode.
    CREWSYNC_TRY(db->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                          "PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;"));
    return db;
}

Db::~Db() {
    cache_.clear();  // statements must be finalised before the connection closes
    sqlite3_close(db_);
}

Status Db::Exec(std::string_view sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return Ok();
    sqlite3_free(message);
    return Fail(ErrorFor(db_, sqlite3_extended_errcode(db_), "database error"));
}

Result<Stmt*> Db::Prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) {
        it->second->Reset();
        return it->second.get();
    }
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) return Fail(ErrorFor(db_, rc, "cannot prepare statement"));
    auto stmt = std::make_unique<Stmt>(raw);
    Stmt* out = stmt.get();
    cache_.emplace(std::string(sql), std::move(stmt));
    return out;
}

std::int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

Error Db::LastError(std::string_view context) const {
    return ErrorFor(db_, sqlite3_extended_errcode(db_), context);
}

}  // namespace crewsync::store::sqlite
