// Migration 12 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration012 =
    // 12: `status=open` lists what is still open to join: status open and not ended (the last
    // shift ends after now, or no shifts yet). At the city's size a tenth of the old projects
    // stay open after their last shift (3,793 of 58,000), and in start order they all come
    // first: the app's first page was projects that had ended a year before.
    //   - projects_status_start carries last_end, so a page skips the ended ones in the index
    //     alone (8 ms → 0.3 ms for the first page at the city's size);
    //   - projects_status_end counts the open ones that have ended (the total is the
    //     maintained count of open ones less those).
    R"SQL(
DROP INDEX projects_status_start;
CREATE INDEX projects_status_start ON projects(status, start_asc, id, last_end);
CREATE INDEX projects_status_end ON projects(status, last_end);
)SQL";

}  // namespace zygc::server
