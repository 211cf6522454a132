// Loading the demo seed (assets/README.md describes the format) into an empty database.
#pragma once
#include <cstdint>
#include <string>

#include "server/db.h"

namespace zygc::server {

struct SeedResult {
    bool skipped = false;    // the database already held data
    int64_t day_offset = 0;  // whole days the shifts moved
    int64_t districts = 0, brands = 0, teams = 0, projects = 0, shifts = 0;
};

// Loads the seed file in one transaction; skips (ok, skipped=true) when data exists.
bool load_seed_file(Db& db, const std::string& path, int64_t now_unix, SeedResult* out,
                    std::string* err);
bool load_seed_text(Db& db, const std::string& json_text, int64_t now_unix, SeedResult* out,
                    std::string* err);

}  // namespace zygc::server
