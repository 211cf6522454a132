// Versioned schema. Append new migrations at the end; never edit a shipped one. Each one is
// its own file, src/server/migrations/NNN_name.cpp (declared in migrations/migrations.h).
// The applied version is PRAGMA user_version (= number of migrations applied).
#include <algorithm>
#include <string>

#include "server/db.h"
#include "server/migrations/migrations.h"

namespace zygc::server {

namespace {

const char* const kMigrations[] = {
    kMigration001,
    kMigration002,
    kMigration003,
    kMigration004,
    kMigration005,
    kMigration006,
    kMigration007,
    kMigration008,
    kMigration009,
    kMigration010,
    kMigration011,
    kMigration012,
    kMigration013,
    kMigration014,
};

constexpr int kCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

}  // namespace

int latest_schema_version() { return kCount; }

int schema_version(Db& db) {
    Stmt st(db, "PRAGMA user_version");
    return st.step() == Step::Row ? static_cast<int>(st.i64(0)) : -1;
}

bool migrate(Db& db, std::string* err, int up_to) {
    int v = schema_version(db);
    if (v < 0) {
        if (err) *err = "cannot read schema version: " + db.last_error();
        return false;
    }
    if (v > kCount) {
        if (err) *err = "database schema v" + std::to_string(v) + " is newer than this server (v" +
                        std::to_string(kCount) + ")";
        return false;
    }
    const int target = up_to < 0 ? kCount : std::min(up_to, kCount);
    for (; v < target; ++v) {
        std::string e;
        if (!db.begin()) {
            if (err) *err = "cannot begin migration: " + db.last_error();
            return false;
        }
        // user_version cannot take a bound parameter; v+1 is our own integer.
        std::string bump = "PRAGMA user_version = " + std::to_string(v + 1);
        if (!db.exec_script(kMigrations[v], &e) || !db.exec_script(bump, &e)) {
            db.rollback();
            if (err) *err = "migration " + std::to_string(v + 1) + " failed: " + e;
            return false;
        }
        if (!db.commit()) {
            db.rollback();
            if (err) *err = "cannot commit migration: " + db.last_error();
            return false;
        }
    }
    return true;
}

}  // namespace zygc::server
