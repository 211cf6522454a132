// [SECTION] index: helpers · verify · backup · in use · restore
#include "server/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "server/db.h"

namespace zygc::server {

namespace {

// [SECTION] helpers

bool fail(std::string* err, const std::string& msg) {
    if (err) *err = msg;
    return false;
}

bool exists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0;
}

// fsync a file or directory by path (after writing a file and after renaming into a dir).
bool sync_path(const std::string& p) {
    int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string dir_of(const std::string& p) {
    auto slash = p.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : p.substr(0, slash);
}

// A connection for tools: no CREATE (a typo must not make an empty database).
struct Conn {
    sqlite3* db = nullptr;
    ~Conn() {
        if (db) sqlite3_close_v2(db);
    }
    bool open(const std::string& path, int flags, std::string* err) {
        if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            return fail(err, path + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
        }
        sqlite3_busy_timeout(db, 10000);
        return true;
    }
    // First column of the first row as text ("" when no row).
    std::string scalar(const char* sql, std::string* err = nullptr) {
        sqlite3_stmt* st = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            if (err) *err = sqlite3_errmsg(db);
            return out;
        }
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const unsigned char* t = sqlite3_column_text(st, 0);
            out = t ? reinterpret_cast<const char*>(t) : "";
        } else if (rc != SQLITE_DONE && err) {
            *err = sqlite3_errmsg(db);
        }
        sqlite3_finalize(st);
        return out;
    }
};

// [SECTION] verify

bool check_conn(Conn& c, const std::string& path, DbCheck* out, std::string* err) {
    DbCheck chk;
    std::string e;
    chk.integrity = c.scalar("PRAGMA integrity_check", &e);
    if (!e.empty()) return fail(err, path + ": integrity_check failed: " + e);
    chk.schema_version = std::atoi(c.scalar("PRAGMA user_version").c_str());
    chk.pages = std::atoll(c.scalar("PRAGMA page_count").c_str());
    if (out) *out = chk;
    if (chk.integrity != "ok") return fail(err, path + ": integrity_check: " + chk.integrity);
    if (chk.schema_version < 1 || chk.schema_version > latest_schema_version()) {
        return fail(err, path + ": schema version " + std::to_string(chk.schema_version) +
                             " is not one this build knows (1.." +
                             std::to_string(latest_schema_version()) + ")");
    }
    // A zygc database, not some other SQLite file.
    if (c.scalar("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='users'") != "1") {
        return fail(err, path + ": not a zygc database (no users table)");
    }
    chk.ok = true;
    if (out) *out = chk;
    return true;
}

}  // namespace

bool verify_database(const std::string& path, DbCheck* out, std::string* err) {
    if (!exists(path)) return fail(err, path + ": no such file");
    Conn c;
    // Read-write without CREATE: a database left by a killed server may need its WAL
    // recovered, which a read-only connection cannot do.
    if (!c.open(path, SQLITE_OPEN_READWRITE, err)) return false;
    return check_conn(c, path, out, err);
}

// [SECTION] backup

// Copies src into a new file `tmp` (mode 0600: it holds everything the server holds) with
// SQLite's backup API, as one self-contained file, and checks the copy. Removes `tmp` on
// failure.
static bool copy_database(const std::string& src, const std::string& tmp, DbCheck* out,
                          std::string* err) {
    ::unlink(tmp.c_str());
    Conn from, to;
    if (!from.open(src, SQLITE_OPEN_READONLY, err)) return false;
    mode_t old = ::umask(077);
    bool opened = to.open(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
    ::umask(old);
    if (!opened) return false;
    sqlite3_backup* b = sqlite3_backup_init(to.db, "main", from.db, "main");
    if (!b) return fail(err, std::string("backup_init: ") + sqlite3_errmsg(to.db));
    // One step of all pages: the copy is read inside one read transaction, i.e. one
    // snapshot. In WAL mode that transaction does not block the server's writers
    // (smaller steps would restart whenever the server wrote in between).
    int rc;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        ::unlink(tmp.c_str());
        return fail(err, std::string("backup_step: ") + sqlite3_errstr(rc));
    }
    // A single self-contained file (the source's WAL flag is copied with the pages).
    to.scalar("PRAGMA journal_mode=DELETE");
    if (!check_conn(to, tmp, out, err)) {
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

bool backup_database(const std::string& src, const std::string& dest, DbCheck* out,
                     std::string* err) {
    if (!exists(src)) return fail(err, src + ": no such file");
    if (exists(dest)) return fail(err, dest + ": exists; will not overwrite a backup");
    const std::string tmp = dest + ".tmp";
    if (!copy_database(src, tmp, out, err)) return false;
    if (!sync_path(tmp) || ::rename(tmp.c_str(), dest.c_str()) != 0 || !sync_path(dir_of(dest))) {
        ::unlink(tmp.c_str());
        return fail(err, dest + ": " + std::strerror(errno));
    }
    return true;
}

// [SECTION] in use

bool database_in_use(const std::string& db) {
    // SQLite's unix VFS: every connection to a WAL database holds a shared lock on the
    // "DMS" byte of <db>-shm (offset 128) for as long as it is open. F_GETLK asks whether
    // a write lock there would conflict, i.e. whether any process holds it.
    const std::string shm = db + "-shm";
    int fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;  // no WAL index: nobody has it open in WAL mode
    struct flock fl;
    std::memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 128;
    fl.l_len = 1;
    bool used = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    ::close(fd);
    return used;
}

// [SECTION] restore

bool restore_database(const std::string& backup, const std::string& db, DbCheck* out,
                      std::string* err) {
    if (!verify_database(backup, out, err)) return false;
    if (database_in_use(db)) return fail(err, db + ": in use (stop the server first)");

    // Copy with the backup API too, into a temporary file next to the target.
    const std::string tmp = db + ".restore-tmp";
    if (!copy_database(backup, tmp, nullptr, err)) return false;
    if (!sync_path(tmp)) return fail(err, tmp + ": " + std::strerror(errno));

    // The old database (and its WAL, which belongs to it) step aside, then the copy moves
    // in. A stale -wal next to the restored file would be replayed into it: never leave one.
    const std::string keep = db + ".pre-restore";
    for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((keep + suffix).c_str());
    if (exists(db) && ::rename(db.c_str(), keep.c_str()) != 0) {
        return fail(err, db + ": " + std::strerror(errno));
    }
    if (exists(db + "-wal")) ::rename((db + "-wal").c_str(), (keep + "-wal").c_str());
    ::unlink((db + "-shm").c_str());
    if (::rename(tmp.c_str(), db.c_str()) != 0 || !sync_path(dir_of(db))) {
        return fail(err, db + ": " + std::strerror(errno));
    }
    // Check what is now in place.
    return verify_database(db, out, err);
}

}  // namespace zygc::server
