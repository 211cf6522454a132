// Backup and restore of the server's SQLite database (zygc-backup, docs/deploy.md).
// Backup uses SQLite's online backup API: a consistent snapshot of a database that the
// running server keeps writing to (WAL: the copy holds a read transaction, writers go on).
// Restore verifies the copy first and replaces the database only while no process has it
// open. Errors are returned as text, never thrown.
#pragma once
#include <string>

namespace zygc::server {

struct DbCheck {
    bool ok = false;
    std::string integrity;   // PRAGMA integrity_check's first line ("ok" when sound)
    int schema_version = 0;  // PRAGMA user_version
    long long pages = 0;
};

// Copies the live database at `src` into `dest` (must not exist): written to dest.tmp,
// checked, made a self-contained file (journal_mode=DELETE), synced, then renamed.
bool backup_database(const std::string& src, const std::string& dest, DbCheck* out, std::string* err);

// integrity_check and a schema version this build knows (1..latest_schema_version()).
bool verify_database(const std::string& path, DbCheck* out, std::string* err);

// True when some process has `db` open through SQLite (it holds the shared-memory lock
// of the WAL index). The server keeps its connection open for its whole life.
bool database_in_use(const std::string& db);

// Puts the verified copy `backup` in place of `db`. Refuses while the database is in use.
// The previous database (if any) is kept as <db>.pre-restore (with its -wal), so a restore
// can be undone by hand.
bool restore_database(const std::string& backup, const std::string& db, DbCheck* out, std::string* err);

}  // namespace zygc::server
