#include "server/db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#include <utility>

namespace zygc::server {

// ---- Stmt -------------------------------------------------------------------------------

namespace {
// ZYGC_EXPLAIN=1: every statement's EXPLAIN QUERY PLAN goes to stderr before it is
// prepared (tests/bench/plans.mjs and docs/query-plans.md).
const bool kExplain = [] {
    const char* v = std::getenv("ZYGC_EXPLAIN");
    return v && *v == '1';
}();

void explain(sqlite3* db, std::string_view sql) {
    std::string q = "EXPLAIN QUERY PLAN " + std::string(sql);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) != SQLITE_OK) return;
    std::string_view text = sql;
    while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
    std::string one;
    for (char c : text) one += c == '\n' ? ' ' : c;
    std::string out = "plan: " + one + "\n";
    std::vector<std::pair<int, int>> depth;  // id → depth
    while (sqlite3_step(st) == SQLITE_ROW) {
        int id = sqlite3_column_int(st, 0), parent = sqlite3_column_int(st, 1);
        int d = 0;
        for (auto& [i, dd] : depth)
            if (i == parent) d = dd + 1;
        depth.push_back({id, d});
        out += "plan:   " + std::string(static_cast<size_t>(d) * 2, ' ') +
               reinterpret_cast<const char*>(sqlite3_column_text(st, 3)) + "\n";
    }
    sqlite3_finalize(st);
    std::fputs(out.c_str(), stderr);
}
}  // namespace

Stmt::Stmt(Db& db, std::string_view sql) : db_(db.raw()) {
    if (kExplain) explain(db_, sql);
    if (db.keeps_statements_) kept_ = db.lend(sql);
    if (kept_ && kept_->stmt) {
        stmt_ = kept_->stmt;
        return;
    }
    const unsigned flags = kept_ ? SQLITE_PREPARE_PERSISTENT : 0;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr) !=
        SQLITE_OK) {
        error_ = sqlite3_errmsg(db_);
        failed_ = true;
        if (stmt_) sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
    if (kept_) kept_->stmt = stmt_;
}

// A kept statement goes back reset and unbound (a statement left mid-way would hold its
// read transaction open); any other is finalized.
void Stmt::let_go() {
    if (kept_) {
        if (stmt_) {
            sqlite3_reset(stmt_);
            sqlite3_clear_bindings(stmt_);
        }
        kept_->lent.store(false, std::memory_order_release);
    } else if (stmt_) {
        sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
    kept_ = nullptr;
}

Stmt::~Stmt() { let_go(); }

Stmt::Stmt(Stmt&& o) noexcept
    : stmt_(std::exchange(o.stmt_, nullptr)),
      db_(o.db_),
      kept_(std::exchange(o.kept_, nullptr)),
      error_(std::move(o.error_)),
      failed_(o.failed_) {}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
    if (this != &o) {
        let_go();
        stmt_ = std::exchange(o.stmt_, nullptr);
        db_ = o.db_;
        kept_ = std::exchange(o.kept_, nullptr);
        error_ = std::move(o.error_);
        failed_ = o.failed_;
    }
    return *this;
}

Stmt& Stmt::bind(int i, int64_t v) {
    if (stmt_) sqlite3_bind_int64(stmt_, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    if (stmt_) sqlite3_bind_double(stmt_, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
    if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::bind_null(int i) {
    if (stmt_) sqlite3_bind_null(stmt_, i);
    return *this;
}
Stmt& Stmt::bind(int i, const SqlValue& v) {
    if (std::holds_alternative<int64_t>(v)) return bind(i, std::get<int64_t>(v));
    if (std::holds_alternative<double>(v)) return bind(i, std::get<double>(v));
    if (std::holds_alternative<std::string>(v)) return bind(i, std::string_view(std::get<std::string>(v)));
    return bind_null(i);
}
Stmt& Stmt::bind_all(const std::vector<SqlValue>& vs, int first) {
    for (size_t k = 0; k < vs.size(); ++k) bind(first + static_cast<int>(k), vs[k]);
    return *this;
}

Step Stmt::step() {
    if (!stmt_) {
        failed_ = true;
        if (error_.empty()) error_ = "statement not prepared";
        return Step::Error;
    }
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return Step::Row;
    if (rc == SQLITE_DONE) return Step::Done;
    failed_ = true;
    error_ = sqlite3_errmsg(db_);
    return Step::Error;
}

bool Stmt::exec() {
    Step s;
    while ((s = step()) == Step::Row) {
    }
    return s == Step::Done;
}

void Stmt::reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    failed_ = false;
    error_.clear();
}

int64_t Stmt::i64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::f64(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string Stmt::text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

// ---- Db ---------------------------------------------------------------------------------

Db::~Db() { close(); }

void Db::close() {
    for (auto& k : kept_)
        if (k->stmt) sqlite3_finalize(k->stmt);
    kept_.clear();
    keeps_statements_ = false;
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

// The kept statement for this text, now lent; a new entry (the least recently lent idle
// one making room) when the text has none; null when a Stmt of the same text is still
// open on this connection (a nested query: it gets a statement of its own).
Stmt::Kept* Db::lend(std::string_view sql) {
    constexpr size_t kMaxKept = 64;
    std::lock_guard lock(kept_mu_);
    Stmt::Kept* oldest_idle = nullptr;
    for (auto& k : kept_) {
        if (k->sql == sql) {
            if (k->lent) return nullptr;
            k->lent = true;
            k->last_lent = ++lends_;
            return k.get();
        }
        if (!k->lent && (!oldest_idle || k->last_lent < oldest_idle->last_lent)) oldest_idle = k.get();
    }
    Stmt::Kept* k = oldest_idle;
    if (kept_.size() < kMaxKept) {
        k = kept_.emplace_back(std::make_unique<Stmt::Kept>()).get();
    } else if (!k) {
        return nullptr;  // all lent: this one is not kept
    } else if (k->stmt) {
        sqlite3_finalize(k->stmt);
    }
    k->sql = sql;
    k->stmt = nullptr;
    k->lent = true;
    k->last_lent = ++lends_;
    return k;
}

bool Db::open(const std::string& path, std::string* err) {
    close();
    // Created here with 0600 so that SQLite (which gives -wal/-shm the database file's mode)
    // never leaves ID-number ciphertexts and session hashes readable by other local users.
    if (!path.empty() && path != ":memory:") {
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd);
    }
    int rc = sqlite3_open_v2(path.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        if (err) *err = db_ ? sqlite3_errmsg(db_) : "cannot open database";
        close();
        return false;
    }
    sqlite3_busy_timeout(db_, 5000);
    keeps_statements_ = true;
    return exec_script(
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;",
        err);
}

bool Db::open_readonly(const std::string& path, int cache_kib, std::string* err) {
    close();
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        if (err) *err = db_ ? sqlite3_errmsg(db_) : "cannot open database";
        close();
        return false;
    }
    sqlite3_busy_timeout(db_, 5000);
    keeps_statements_ = true;
    return exec_script("PRAGMA cache_size=-" + std::to_string(cache_kib) +
                           ";PRAGMA mmap_size=0;PRAGMA temp_store=MEMORY;PRAGMA query_only=1;",
                       err);
}

bool ReadPool::open(const std::string& path, int connections, int cache_kib, std::string* err) {
    std::lock_guard lock(mu_);
    all_.clear();
    free_.clear();
    for (int i = 0; i < connections; ++i) {
        auto db = std::make_unique<Db>();
        if (!db->open_readonly(path, cache_kib, err)) {
            all_.clear();
            free_.clear();
            return false;
        }
        free_.push_back(db.get());
        all_.push_back(std::move(db));
    }
    return true;
}

Db* ReadPool::acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    Db* db = free_.back();
    free_.pop_back();
    return db;
}

void ReadPool::release(Db* db) {
    {
        std::lock_guard lock(mu_);
        free_.push_back(db);
    }
    cv_.notify_one();
}

// SQLite may end a transaction by itself (some errors roll it back): then nothing is open.
bool Db::begin() {
    if (sqlite3_get_autocommit(db_)) depth_ = 0;
    if (!exec_script(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", nullptr)) return false;
    ++depth_;
    return true;
}

bool Db::commit() {
    if (depth_ == 0 || sqlite3_get_autocommit(db_)) return depth_ = 0, false;
    if (!exec_script(depth_ == 1 ? "COMMIT" : "RELEASE nested", nullptr)) return false;
    --depth_;
    return true;
}

void Db::rollback() {
    if (depth_ == 0 || sqlite3_get_autocommit(db_)) {
        depth_ = 0;
        return;
    }
    (void)exec_script(depth_ == 1 ? "ROLLBACK" : "ROLLBACK TO nested; RELEASE nested", nullptr);
    --depth_;
}

bool Db::exec_script(std::string_view sql, std::string* err) {
    std::string s(sql);
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        if (err) *err = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

bool check_db_file_modes(const std::string& path, bool fix, std::string* err) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::string f = path + suffix;
        struct stat st {};
        if (::stat(f.c_str(), &st) != 0) continue;  // not there (yet): created 0600 by open()
        if ((st.st_mode & 077) == 0) continue;
        if (fix && ::chmod(f.c_str(), 0600) == 0) {
            std::fprintf(stderr, "zygc-server: %s was readable by group/others; changed to 0600\n", f.c_str());
            continue;
        }
        if (err)
            *err = f + " has mode " + std::to_string((st.st_mode >> 6) & 7) +
                   std::to_string((st.st_mode >> 3) & 7) + std::to_string(st.st_mode & 7) +
                   ": the database must not be readable by group or others (chmod 600 " + f + ")";
        return false;
    }
    return true;
}

int64_t Db::last_insert_rowid() const { return db_ ? sqlite3_last_insert_rowid(db_) : 0; }
int Db::changes() const { return db_ ? sqlite3_changes(db_) : 0; }

std::string Db::last_error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

}  // namespace zygc::server
