// Migration 5 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration005 =
    // 5: the catalogue at city scale (issue 11)
    //   - per-project aggregates of the shifts (first start, last end, places, signed up),
    //     kept by triggers in the same transaction as every shift change (publishing,
    //     sign-up, cancel), so no read groups over all shifts;
    //   - an index per sort order (start, -start, popular) and per filter + start;
    //   - project_counts: maintained totals per filter dimension (no count(*) per page);
    //   - project_grams: 1- and 2-character search through an index (the FTS5 trigram
    //     index serves 3+ characters);
    //   - catalog_version: bumped by every catalogue change (cheap ETags).
    R"SQL(
PRAGMA cache_size = -131072;  -- 128 MiB while this migration fills its tables (reset below)
ALTER TABLE projects ADD COLUMN first_start INTEGER;
ALTER TABLE projects ADD COLUMN last_end INTEGER;
ALTER TABLE projects ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN signed_up INTEGER NOT NULL DEFAULT 0;
-- Sort keys: projects without shifts come last in both directions.
ALTER TABLE projects ADD COLUMN start_asc INTEGER
    GENERATED ALWAYS AS (COALESCE(first_start, 4611686018427387904)) VIRTUAL;
ALTER TABLE projects ADD COLUMN start_desc INTEGER
    GENERATED ALWAYS AS (COALESCE(first_start, -4611686018427387904)) VIRTUAL;

UPDATE projects SET (first_start, last_end, capacity, signed_up) =
    (SELECT MIN(s.start_at), MAX(s.end_at), COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.signed_up), 0)
     FROM shifts s WHERE s.project_id = projects.id);

CREATE TRIGGER shifts_agg_ai AFTER INSERT ON shifts BEGIN
    UPDATE projects SET (first_start, last_end, capacity, signed_up) =
        (SELECT MIN(s.start_at), MAX(s.end_at), COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.signed_up), 0)
         FROM shifts s WHERE s.project_id = new.project_id)
    WHERE id = new.project_id;
END;
CREATE TRIGGER shifts_agg_ad AFTER DELETE ON shifts BEGIN
    UPDATE projects SET (first_start, last_end, capacity, signed_up) =
        (SELECT MIN(s.start_at), MAX(s.end_at), COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.signed_up), 0)
         FROM shifts s WHERE s.project_id = old.project_id)
    WHERE id = old.project_id;
END;
-- A sign-up or cancel changes one shift's count: adjust, no re-aggregation.
CREATE TRIGGER shifts_agg_signed AFTER UPDATE OF signed_up ON shifts
WHEN new.project_id = old.project_id BEGIN
    UPDATE projects SET signed_up = signed_up + new.signed_up - old.signed_up WHERE id = new.project_id;
END;
CREATE TRIGGER shifts_agg_au AFTER UPDATE OF project_id, start_at, end_at, capacity ON shifts BEGIN
    UPDATE projects SET (first_start, last_end, capacity, signed_up) =
        (SELECT MIN(s.start_at), MAX(s.end_at), COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.signed_up), 0)
         FROM shifts s WHERE s.project_id = projects.id)
    WHERE id IN (new.project_id, old.project_id);
END;

DROP INDEX projects_team;
DROP INDEX projects_district;
DROP INDEX projects_brand;
DROP INDEX projects_category;
CREATE INDEX projects_start ON projects(start_asc, id);
CREATE INDEX projects_start_desc ON projects(start_desc, id);
CREATE INDEX projects_popular ON projects(signed_up DESC, id);
CREATE INDEX projects_status_start ON projects(status, start_asc, id);
CREATE INDEX projects_team_start ON projects(team_id, start_asc, id);
CREATE INDEX projects_district_start ON projects(district_id, start_asc, id);
CREATE INDEX projects_brand_start ON projects(brand, start_asc, id);
CREATE INDEX projects_category_start ON projects(category, start_asc, id);

-- Totals per filter dimension: ('all', ''), ('status', s), ('district', id), ('category', c),
-- ('team', id), ('brand', slug; '' = none).
CREATE TABLE project_counts (
    dim TEXT    NOT NULL,
    val TEXT    NOT NULL,
    n   INTEGER NOT NULL,
    PRIMARY KEY (dim, val)
) WITHOUT ROWID;
INSERT INTO project_counts SELECT 'all', '', count(*) FROM projects;
INSERT INTO project_counts SELECT 'status', status, count(*) FROM projects GROUP BY status;
INSERT INTO project_counts SELECT 'district', district_id, count(*) FROM projects GROUP BY district_id;
INSERT INTO project_counts SELECT 'category', category, count(*) FROM projects GROUP BY category;
INSERT INTO project_counts SELECT 'team', team_id, count(*) FROM projects GROUP BY team_id;
INSERT INTO project_counts SELECT 'brand', COALESCE(brand, ''), count(*) FROM projects GROUP BY COALESCE(brand, '');
CREATE TRIGGER project_counts_ai AFTER INSERT ON projects BEGIN
    INSERT INTO project_counts(dim, val, n) VALUES ('all', '', 1), ('status', new.status, 1),
        ('district', new.district_id, 1), ('category', new.category, 1), ('team', new.team_id, 1),
        ('brand', COALESCE(new.brand, ''), 1)
    ON CONFLICT(dim, val) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER project_counts_ad AFTER DELETE ON projects BEGIN
    INSERT INTO project_counts(dim, val, n) VALUES ('all', '', -1), ('status', old.status, -1),
        ('district', old.district_id, -1), ('category', old.category, -1), ('team', old.team_id, -1),
        ('brand', COALESCE(old.brand, ''), -1)
    ON CONFLICT(dim, val) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER project_counts_au AFTER UPDATE OF status, district_id, category, team_id, brand ON projects BEGIN
    INSERT INTO project_counts(dim, val, n) VALUES ('status', old.status, -1),
        ('district', old.district_id, -1), ('category', old.category, -1), ('team', old.team_id, -1),
        ('brand', COALESCE(old.brand, ''), -1)
    ON CONFLICT(dim, val) DO UPDATE SET n = n + excluded.n;
    INSERT INTO project_counts(dim, val, n) VALUES ('status', new.status, 1),
        ('district', new.district_id, 1), ('category', new.category, 1), ('team', new.team_id, 1),
        ('brand', COALESCE(new.brand, ''), 1)
    ON CONFLICT(dim, val) DO UPDATE SET n = n + excluded.n;
END;

-- Short search: every 2-character substring of title, summary and description (ASCII
-- lower-cased, like the old instr() scan), plus each field's last character alone, so a
-- 1-character query is a prefix range and a 2-character one an equality. Fields are
-- separated by a newline, so no gram crosses from one field into the next (as instr()).
-- seq holds the positions (texts are at most 5,000 + 200 + 200 characters).
CREATE TABLE seq (i INTEGER PRIMARY KEY);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
INSERT INTO seq SELECT i FROM n;
CREATE TABLE project_grams (
    gram       TEXT    NOT NULL,
    project_id INTEGER NOT NULL,
    PRIMARY KEY (gram, project_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO project_grams(gram, project_id)
    SELECT CASE WHEN substr(t, i + 1, 1) = char(10) THEN substr(t, i, 1) ELSE substr(t, i, 2) END, id
    FROM (SELECT id, lower(title || char(10) || summary || char(10) || description) AS t FROM projects),
         seq
    WHERE seq.i <= length(t) AND substr(t, i, 1) <> char(10)
    ORDER BY 1, 2;
CREATE TRIGGER project_grams_ai AFTER INSERT ON projects BEGIN
    INSERT OR IGNORE INTO project_grams(gram, project_id)
        SELECT CASE WHEN substr(t, i + 1, 1) = char(10) THEN substr(t, i, 1) ELSE substr(t, i, 2) END, new.id
        FROM (SELECT lower(new.title || char(10) || new.summary || char(10) || new.description) AS t), seq
        WHERE seq.i <= length(t) AND substr(t, i, 1) <> char(10);
END;
CREATE TRIGGER project_grams_ad AFTER DELETE ON projects BEGIN
    DELETE FROM project_grams WHERE project_id = old.id AND gram IN (
        SELECT CASE WHEN substr(t, i + 1, 1) = char(10) THEN substr(t, i, 1) ELSE substr(t, i, 2) END
        FROM (SELECT lower(old.title || char(10) || old.summary || char(10) || old.description) AS t), seq
        WHERE seq.i <= length(t) AND substr(t, i, 1) <> char(10));
END;
CREATE TRIGGER project_grams_au AFTER UPDATE OF title, summary, description ON projects BEGIN
    DELETE FROM project_grams WHERE project_id = old.id AND gram IN (
        SELECT CASE WHEN substr(t, i + 1, 1) = char(10) THEN substr(t, i, 1) ELSE substr(t, i, 2) END
        FROM (SELECT lower(old.title || char(10) || old.summary || char(10) || old.description) AS t), seq
        WHERE seq.i <= length(t) AND substr(t, i, 1) <> char(10));
    INSERT OR IGNORE INTO project_grams(gram, project_id)
        SELECT CASE WHEN substr(t, i + 1, 1) = char(10) THEN substr(t, i, 1) ELSE substr(t, i, 2) END, new.id
        FROM (SELECT lower(new.title || char(10) || new.summary || char(10) || new.description) AS t), seq
        WHERE seq.i <= length(t) AND substr(t, i, 1) <> char(10);
END;

CREATE TABLE catalog_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    v  INTEGER NOT NULL
);
INSERT INTO catalog_version VALUES (1, 1);
CREATE TRIGGER catalog_v_projects_i AFTER INSERT ON projects BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_projects_u AFTER UPDATE ON projects BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_projects_d AFTER DELETE ON projects BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_shifts_i AFTER INSERT ON shifts BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_shifts_u AFTER UPDATE ON shifts BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_shifts_d AFTER DELETE ON shifts BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_teams_i AFTER INSERT ON teams BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_teams_u AFTER UPDATE ON teams BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_teams_d AFTER DELETE ON teams BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_brands_i AFTER INSERT ON brands BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_brands_u AFTER UPDATE ON brands BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_brands_d AFTER DELETE ON brands BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_districts_i AFTER INSERT ON districts BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_districts_u AFTER UPDATE ON districts BEGIN UPDATE catalog_version SET v = v + 1; END;
CREATE TRIGGER catalog_v_districts_d AFTER DELETE ON districts BEGIN UPDATE catalog_version SET v = v + 1; END;
-- One FTS5 segment instead of one per inserted project: a 3-character search reads one doclist.
INSERT INTO projects_fts(projects_fts) VALUES ('optimize');
PRAGMA cache_size = -2000;
)SQL";

}  // namespace zygc::server
