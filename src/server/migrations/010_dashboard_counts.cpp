// Migration 10 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration010 =
    // 10: the dashboard's large counts kept by triggers (issue 11: /stats/dashboard counted
    // every volunteer and summed every hours record on each request, ~6 s at the city's size):
    //   - district_volunteers: real-name volunteers per district;
    //   - month_counts: per calendar month in +08:00, the volunteers registered and the
    //     certified minutes (of records checked in that month; certified, not corrected: what
    //     migration 6 keeps per district).
    R"SQL(
CREATE TABLE district_volunteers (
    district_id INTEGER PRIMARY KEY,
    n           INTEGER NOT NULL
);
INSERT INTO district_volunteers(district_id, n) SELECT district_id, count(*) FROM volunteers GROUP BY district_id;
CREATE TRIGGER volunteers_district_ai AFTER INSERT ON volunteers BEGIN
    INSERT INTO district_volunteers(district_id, n) VALUES (new.district_id, 1)
    ON CONFLICT(district_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER volunteers_district_ad AFTER DELETE ON volunteers BEGIN
    UPDATE district_volunteers SET n = n - 1 WHERE district_id = old.district_id;
END;
CREATE TRIGGER volunteers_district_au AFTER UPDATE OF district_id ON volunteers
WHEN old.district_id IS NOT new.district_id BEGIN
    UPDATE district_volunteers SET n = n - 1 WHERE district_id = old.district_id;
    INSERT INTO district_volunteers(district_id, n) VALUES (new.district_id, 1)
    ON CONFLICT(district_id) DO UPDATE SET n = n + 1;
END;

CREATE TABLE month_counts (
    month             TEXT    PRIMARY KEY,  -- 'YYYY-MM', +08:00
    new_volunteers    INTEGER NOT NULL DEFAULT 0,
    certified_minutes INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO month_counts(month, new_volunteers)
SELECT strftime('%Y-%m', registered_at + 28800, 'unixepoch'), count(*) FROM volunteers GROUP BY 1;
INSERT INTO month_counts(month, certified_minutes)
SELECT strftime('%Y-%m', check_in + 28800, 'unixepoch'), SUM(minutes) FROM attendance
WHERE certified = 1 AND corrected_by IS NULL GROUP BY 1
ON CONFLICT(month) DO UPDATE SET certified_minutes = excluded.certified_minutes;

CREATE TRIGGER volunteers_month_ai AFTER INSERT ON volunteers BEGIN
    INSERT INTO month_counts(month, new_volunteers)
    VALUES (strftime('%Y-%m', new.registered_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET new_volunteers = new_volunteers + 1;
END;
CREATE TRIGGER volunteers_month_ad AFTER DELETE ON volunteers BEGIN
    UPDATE month_counts SET new_volunteers = new_volunteers - 1
    WHERE month = strftime('%Y-%m', old.registered_at + 28800, 'unixepoch');
END;
CREATE TRIGGER volunteers_month_au AFTER UPDATE OF registered_at ON volunteers
WHEN old.registered_at IS NOT new.registered_at BEGIN
    UPDATE month_counts SET new_volunteers = new_volunteers - 1
    WHERE month = strftime('%Y-%m', old.registered_at + 28800, 'unixepoch');
    INSERT INTO month_counts(month, new_volunteers)
    VALUES (strftime('%Y-%m', new.registered_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET new_volunteers = new_volunteers + 1;
END;

CREATE TRIGGER attendance_month_ai AFTER INSERT ON attendance
WHEN new.certified = 1 AND new.corrected_by IS NULL BEGIN
    INSERT INTO month_counts(month, certified_minutes)
    VALUES (strftime('%Y-%m', new.check_in + 28800, 'unixepoch'), new.minutes)
    ON CONFLICT(month) DO UPDATE SET certified_minutes = certified_minutes + excluded.certified_minutes;
END;
CREATE TRIGGER attendance_month_au AFTER UPDATE OF minutes, certified, corrected_by, check_in ON attendance
WHEN (old.certified = 1 AND old.corrected_by IS NULL) OR (new.certified = 1 AND new.corrected_by IS NULL) BEGIN
    UPDATE month_counts SET certified_minutes = certified_minutes - old.minutes
    WHERE old.certified = 1 AND old.corrected_by IS NULL
      AND month = strftime('%Y-%m', old.check_in + 28800, 'unixepoch');
    INSERT INTO month_counts(month, certified_minutes)
    SELECT strftime('%Y-%m', new.check_in + 28800, 'unixepoch'), new.minutes
    WHERE new.certified = 1 AND new.corrected_by IS NULL
    ON CONFLICT(month) DO UPDATE SET certified_minutes = certified_minutes + excluded.certified_minutes;
END;
CREATE TRIGGER attendance_month_ad AFTER DELETE ON attendance
WHEN old.certified = 1 AND old.corrected_by IS NULL BEGIN
    UPDATE month_counts SET certified_minutes = certified_minutes - old.minutes
    WHERE month = strftime('%Y-%m', old.check_in + 28800, 'unixepoch');
END;
)SQL";

}  // namespace zygc::server
