// zygc-backup: online backup, verification and restore of the zygc-server database.
//   zygc-backup backup  --db LIVE.db --out BACKUP.db   (while the server runs)
//   zygc-backup verify  FILE.db                        (integrity_check + schema version)
//   zygc-backup restore --from BACKUP.db --db LIVE.db  (server stopped; keeps LIVE.db.pre-restore)
// Prints one line of JSON on success; exit 1 on failure (the reason on stderr), 2 on usage.
#include <cstdio>
#include <cstring>
#include <string>

#include "server/backup.h"

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: zygc-backup backup --db LIVE --out FILE\n"
                 "       zygc-backup verify FILE\n"
                 "       zygc-backup restore --from FILE --db LIVE\n");
    return 2;
}

void print(const char* what, const std::string& path, const zygc::server::DbCheck& c) {
    std::printf("{\"%s\":\"%s\",\"integrity\":\"%s\",\"schema_version\":%d,\"pages\":%lld}\n", what,
                path.c_str(), c.integrity.c_str(), c.schema_version, c.pages);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::string cmd = argv[1], db, out, from;
    std::string file;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        bool has_value = i + 1 < argc;
        if (a == "--db" && has_value) db = argv[++i];
        else if (a == "--out" && has_value) out = argv[++i];
        else if (a == "--from" && has_value) from = argv[++i];
        else if (a[0] != '-' && file.empty()) file = a;
        else return usage();
    }
    zygc::server::DbCheck check;
    std::string err;
    bool ok = false;
    if (cmd == "backup" && !db.empty() && !out.empty()) {
        ok = zygc::server::backup_database(db, out, &check, &err);
        if (ok) print("backup", out, check);
    } else if (cmd == "verify" && !file.empty()) {
        ok = zygc::server::verify_database(file, &check, &err);
        if (ok) print("verified", file, check);
    } else if (cmd == "restore" && !from.empty() && !db.empty()) {
        ok = zygc::server::restore_database(from, db, &check, &err);
        if (ok) print("restored", db, check);
    } else {
        return usage();
    }
    if (!ok) std::fprintf(stderr, "zygc-backup: %s\n", err.c_str());
    return ok ? 0 : 1;
}
