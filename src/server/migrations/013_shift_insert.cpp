// Migration 13 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration013 =
    // 13: a new shift moves its project's aggregates by itself (migration 5's trigger summed
    // every shift of the project again). Each 老帮老 visit is a shift of its district's one
    // project: at the city's size ~25,000 of them, and each visit logged cost the writer
    // ~9 ms, growing with every visit. An insert can only lower the first start, raise the
    // last end and add places, so the same figures come from the row alone.
    R"SQL(
DROP TRIGGER shifts_agg_ai;
CREATE TRIGGER shifts_agg_ai AFTER INSERT ON shifts BEGIN
    UPDATE projects SET
        first_start = CASE WHEN first_start IS NULL OR new.start_at < first_start THEN new.start_at ELSE first_start END,
        last_end = CASE WHEN last_end IS NULL OR new.end_at > last_end THEN new.end_at ELSE last_end END,
        capacity = capacity + new.capacity,
        signed_up = signed_up + new.signed_up
    WHERE id = new.project_id;
END;
)SQL";

}  // namespace zygc::server
