// Migration 14 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration014 =
    // 14: the points ledger's totals per district (0: none), calendar month (+08:00) and kind
    // of posting, kept by a trigger. The admin's /stats/points summed the whole ledger seven
    // times per request: ~7 million postings at the city's size, tens of seconds. The ledger
    // is append-only, so one trigger on insert keeps them.
    R"SQL(
CREATE TABLE points_totals (
    district_id INTEGER NOT NULL,  -- 0: a posting without a district
    month       TEXT    NOT NULL,  -- 'YYYY-MM', +08:00
    kind        TEXT    NOT NULL,
    points      INTEGER NOT NULL,
    PRIMARY KEY (district_id, month, kind)
) WITHOUT ROWID;
INSERT INTO points_totals(district_id, month, kind, points)
SELECT COALESCE(district_id, 0), strftime('%Y-%m', at + 28800, 'unixepoch'), kind, SUM(points)
FROM points_postings GROUP BY 1, 2, 3;
CREATE TRIGGER points_totals_ai AFTER INSERT ON points_postings BEGIN
    INSERT INTO points_totals(district_id, month, kind, points)
    VALUES (COALESCE(new.district_id, 0), strftime('%Y-%m', new.at + 28800, 'unixepoch'), new.kind, new.points)
    ON CONFLICT(district_id, month, kind) DO UPDATE SET points = points + excluded.points;
END;
)SQL";

}  // namespace zygc::server
