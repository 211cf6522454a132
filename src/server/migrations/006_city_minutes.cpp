// Migration 6 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration006 =
    // 6: certified minutes per district, kept by triggers on attendance, so /stats/city
    // reads seven rows instead of summing every record (and its ETag, bumped by the
    // districts trigger of migration 5, moves when hours are certified).
    R"SQL(
ALTER TABLE districts ADD COLUMN certified_minutes INTEGER NOT NULL DEFAULT 0;
UPDATE districts SET certified_minutes = (
    SELECT COALESCE(SUM(a.minutes), 0) FROM attendance a JOIN projects p ON p.id = a.project_id
    WHERE p.district_id = districts.id AND a.certified = 1 AND a.corrected_by IS NULL);
CREATE TRIGGER attendance_district_ai AFTER INSERT ON attendance
WHEN new.certified = 1 AND new.corrected_by IS NULL BEGIN
    UPDATE districts SET certified_minutes = certified_minutes + new.minutes
    WHERE id = (SELECT district_id FROM projects WHERE id = new.project_id);
END;
CREATE TRIGGER attendance_district_au AFTER UPDATE OF minutes, certified, corrected_by ON attendance BEGIN
    UPDATE districts SET certified_minutes = certified_minutes
        - (CASE WHEN old.certified = 1 AND old.corrected_by IS NULL THEN old.minutes ELSE 0 END)
        + (CASE WHEN new.certified = 1 AND new.corrected_by IS NULL THEN new.minutes ELSE 0 END)
    WHERE id = (SELECT district_id FROM projects WHERE id = new.project_id)
      AND (old.certified, old.corrected_by IS NULL, old.minutes)
          IS NOT (new.certified, new.corrected_by IS NULL, new.minutes);
END;
CREATE TRIGGER attendance_district_ad AFTER DELETE ON attendance
WHEN old.certified = 1 AND old.corrected_by IS NULL BEGIN
    UPDATE districts SET certified_minutes = certified_minutes - old.minutes
    WHERE id = (SELECT district_id FROM projects WHERE id = old.project_id);
END;
)SQL";

}  // namespace zygc::server
