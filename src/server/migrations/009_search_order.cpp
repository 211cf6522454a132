// Migration 9 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration009 =
    // 9: a search in the list's default order costs about a page, not its matches
    // (issue 11; routes_catalog_projects.cpp walks the query's rarest gram):
    //   - each project_grams entry carries its project's start key (projects.start_asc),
    //     indexed after the gram, so the matches of a gram are walked in start order from
    //     the cursor (as the list walks projects_start); kept by a trigger when a project's
    //     first shift moves, and by one on each new entry;
    //   - gram_counts: the number of projects per gram, kept by triggers on project_grams,
    //     so a search's total is one row read instead of a count over its matches.
    R"SQL(
PRAGMA cache_size = -131072;  -- 128 MiB while this migration fills its index (reset below)
ALTER TABLE project_grams ADD COLUMN start_asc INTEGER NOT NULL DEFAULT 4611686018427387904;
UPDATE project_grams
SET start_asc = (SELECT p.start_asc FROM projects p WHERE p.id = project_grams.project_id);
CREATE INDEX project_grams_start ON project_grams(gram, start_asc, project_id);

CREATE TABLE gram_counts (
    gram TEXT    PRIMARY KEY,
    n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO gram_counts(gram, n) SELECT gram, count(*) FROM project_grams GROUP BY gram;
CREATE TRIGGER gram_counts_ai AFTER INSERT ON project_grams BEGIN
    INSERT INTO gram_counts(gram, n) VALUES (new.gram, 1) ON CONFLICT(gram) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER gram_counts_ad AFTER DELETE ON project_grams BEGIN
    UPDATE gram_counts SET n = n - 1 WHERE gram = old.gram;
END;

-- A gram entry made by migration 5's triggers (a new project, a new text) takes its
-- project's start key at once, when that is not the default.
CREATE TRIGGER project_grams_start_ai AFTER INSERT ON project_grams
WHEN new.start_asc IS NOT (SELECT start_asc FROM projects WHERE id = new.project_id) BEGIN
    UPDATE project_grams SET start_asc = (SELECT start_asc FROM projects WHERE id = new.project_id)
    WHERE gram = new.gram AND project_id = new.project_id;
END;
-- The grams of each project's present text, as migration 5's triggers make them (the
-- primary key is gram, project_id: a project's entries are found from its text).
CREATE VIEW project_text_grams AS
    SELECT id AS project_id,
           CASE WHEN substr(t, i + 1, 1) = char(10) THEN substr(t, i, 1) ELSE substr(t, i, 2) END AS gram
    FROM (SELECT id, lower(title || char(10) || summary || char(10) || description) AS t FROM projects), seq
    WHERE seq.i <= length(t) AND substr(t, i, 1) <> char(10);
CREATE TRIGGER project_grams_start_au AFTER UPDATE OF first_start ON projects
WHEN old.first_start IS NOT new.first_start BEGIN
    UPDATE project_grams SET start_asc = new.start_asc
    WHERE project_id = new.id AND gram IN (SELECT gram FROM project_text_grams WHERE project_id = new.id);
END;
PRAGMA cache_size = -2000;
)SQL";

}  // namespace zygc::server
