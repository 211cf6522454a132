// Thin RAII over sqlite3 / sqlite3_stmt. SQL goes through prepared statements with
// bound parameters only; errors are returned, never thrown, and every fallible call is
// [[nodiscard]]: "no row" and "the database failed" are different answers (a failed
// query must become a 500, never a 4xx such as "no such shift").
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace zygc::server {

class Db;

// One step of a statement: a row is available, the statement finished, or it failed
// (error() says why).
enum class Step { Row, Done, Error };

// A bound value for dynamically assembled queries (filters).
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

class Stmt {
public:
    Stmt() = default;
    Stmt(Db& db, std::string_view sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept;
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    const std::string& error() const { return error_; }

    // Parameters are 1-based, as in SQLite.
    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind_null(int i);
    Stmt& bind(int i, const SqlValue& v);
    Stmt& bind_all(const std::vector<SqlValue>& vs, int first = 1);

    [[nodiscard]] Step step();
    // Runs to completion; true on success.
    [[nodiscard]] bool exec();
    bool failed() const { return failed_; }
    void reset();

    int64_t i64(int col) const;
    double f64(int col) const;
    std::string text(int col) const;
    bool is_null(int col) const;

private:
    friend class Db;
    // A prepared statement a connection keeps for reuse, and whether a Stmt has it now.
    struct Kept {
        std::string sql;
        sqlite3_stmt* stmt = nullptr;  // null until prepared (or when preparing failed)
        std::atomic<bool> lent{false};  // set under Db::kept_mu_, cleared by the borrower
        uint64_t last_lent = 0;
    };
    void let_go();

    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
    Kept* kept_ = nullptr;  // the connection's kept statement this one borrows, if any
    std::string error_;
    bool failed_ = false;
};

class Db {
public:
    Db() = default;
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
    // The file (and its -wal/-shm) is created with mode 0600; an existing file readable
    // or writable by group/others is refused (err says so). Like a reader, it keeps its
    // prepared statements (the signed-in reads run on the writer: an organizer's attendance
    // queue prepared ~230 statements per request).
    [[nodiscard]] bool open(const std::string& path, std::string* err);
    // A read-only connection to an existing WAL database (the reader pool), with a page
    // cache of at most `cache_kib` KiB and no memory map (server RSS stays bounded). It
    // keeps its prepared statements by SQL text for the next Stmt of the same text: parsing
    // and planning was ~40 % of a project detail's CPU.
    [[nodiscard]] bool open_readonly(const std::string& path, int cache_kib, std::string* err);
    void close();
    sqlite3* raw() { return db_; }

    // Runs a script of statements without parameters (migrations, pragmas).
    [[nodiscard]] bool exec_script(std::string_view sql, std::string* err);
    std::string last_error() const;
    int64_t last_insert_rowid() const;
    int changes() const;  // rows changed by the last statement

    // Transactions nest: the outermost begin() is BEGIN IMMEDIATE (the write lock is taken,
    // waiting up to the busy timeout, before anything is read), an inner one a savepoint that
    // its commit() releases and its rollback() undoes alone. A failed commit() leaves the
    // transaction open for the caller's rollback().
    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    // Nothing to do when it fails: SQLite has rolled back already or there was no transaction.
    void rollback();

private:
    friend class Stmt;
    Stmt::Kept* lend(std::string_view sql);

    sqlite3* db_ = nullptr;
    bool keeps_statements_ = false;
    int depth_ = 0;  // begin()s not yet committed or rolled back
    // Lending is guarded: the writer is one connection any worker may use (under
    // App::db_mutex, and SQLite's own mutex), and a statement lent is never lent twice.
    std::mutex kept_mu_;
    std::vector<std::unique_ptr<Stmt::Kept>> kept_;  // at most kMaxKept, lent or idle
    uint64_t lends_ = 0;
};

// Read-only connections for GET routes: WAL lets them read in parallel with each other
// and with the one writer. acquire() blocks while all are leased.
class ReadPool {
public:
    [[nodiscard]] bool open(const std::string& path, int connections, int cache_kib, std::string* err);
    bool empty() const { return all_.empty(); }
    Db* acquire();
    void release(Db* db);

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Db>> all_;
    std::vector<Db*> free_;
};

// The database file and its -wal/-shm must not be accessible by group or others. With
// `fix` such modes are changed to 0600 (with a notice); otherwise false and err says which.
[[nodiscard]] bool check_db_file_modes(const std::string& path, bool fix, std::string* err);

// Schema (migrations.cpp). Applies pending migrations in one transaction each, up to
// `up_to` when given (tests: a database of an older version, filled, then migrated further);
// the version lives in PRAGMA user_version.
[[nodiscard]] bool migrate(Db& db, std::string* err, int up_to = -1);
int schema_version(Db& db);
int latest_schema_version();

}  // namespace zygc::server
