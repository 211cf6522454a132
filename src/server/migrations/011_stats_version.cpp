// Migration 11 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration011 =
    // 11: the rest of GET /stats/dashboard kept by triggers, and a version for its ETag
    // (issue 11: with a city's 老帮老 rows — 20,000 pairs, 300,000 visits, 30,000 help
    // requests — counting them took ~300 ms per request):
    //   - care_district_counts: per district, active pairs, visits (in their pair's
    //     district) and help requests;
    //   - care_month_counts: per calendar month in +08:00, pairs created, visits started and
    //     help requests made;
    //   - stats_version: bumped by every change of a count the dashboard reads beyond the
    //     catalogue (whose changes bump catalog_version). The dashboard's tag hashes both.
    R"SQL(
CREATE TABLE care_district_counts (
    district_id   INTEGER PRIMARY KEY,
    active_pairs  INTEGER NOT NULL DEFAULT 0,
    visits        INTEGER NOT NULL DEFAULT 0,
    help_requests INTEGER NOT NULL DEFAULT 0
);
INSERT INTO care_district_counts(district_id, active_pairs)
SELECT district_id, count(*) FROM eldercare_pairs WHERE status = 'active' GROUP BY 1;
INSERT INTO care_district_counts(district_id, visits)
SELECT p.district_id, count(*) FROM eldercare_visits v JOIN eldercare_pairs p ON p.id = v.pair_id WHERE true GROUP BY 1
ON CONFLICT(district_id) DO UPDATE SET visits = excluded.visits;
INSERT INTO care_district_counts(district_id, help_requests)
SELECT district_id, count(*) FROM help_requests WHERE true GROUP BY 1
ON CONFLICT(district_id) DO UPDATE SET help_requests = excluded.help_requests;

CREATE TABLE care_month_counts (
    month         TEXT    PRIMARY KEY,  -- 'YYYY-MM', +08:00
    pairs         INTEGER NOT NULL DEFAULT 0,
    visits        INTEGER NOT NULL DEFAULT 0,
    help_requests INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO care_month_counts(month, pairs)
SELECT strftime('%Y-%m', created_at + 28800, 'unixepoch'), count(*) FROM eldercare_pairs GROUP BY 1;
INSERT INTO care_month_counts(month, visits)
SELECT strftime('%Y-%m', start_at + 28800, 'unixepoch'), count(*) FROM eldercare_visits WHERE true GROUP BY 1
ON CONFLICT(month) DO UPDATE SET visits = excluded.visits;
INSERT INTO care_month_counts(month, help_requests)
SELECT strftime('%Y-%m', created_at + 28800, 'unixepoch'), count(*) FROM help_requests WHERE true GROUP BY 1
ON CONFLICT(month) DO UPDATE SET help_requests = excluded.help_requests;

-- Pairs: active ones per district, all by month of creation; a pair's visits count in its district.
CREATE TRIGGER care_pairs_ai AFTER INSERT ON eldercare_pairs BEGIN
    INSERT INTO care_district_counts(district_id, active_pairs, visits)
    SELECT new.district_id, new.status = 'active', (SELECT count(*) FROM eldercare_visits WHERE pair_id = new.id) WHERE true
    ON CONFLICT(district_id) DO UPDATE SET active_pairs = active_pairs + excluded.active_pairs,
        visits = visits + excluded.visits;
    INSERT INTO care_month_counts(month, pairs) VALUES (strftime('%Y-%m', new.created_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET pairs = pairs + 1;
END;
CREATE TRIGGER care_pairs_ad AFTER DELETE ON eldercare_pairs BEGIN
    UPDATE care_district_counts SET active_pairs = active_pairs - (old.status = 'active'),
        visits = visits - (SELECT count(*) FROM eldercare_visits WHERE pair_id = old.id)
    WHERE district_id = old.district_id;
    UPDATE care_month_counts SET pairs = pairs - 1 WHERE month = strftime('%Y-%m', old.created_at + 28800, 'unixepoch');
END;
CREATE TRIGGER care_pairs_au AFTER UPDATE OF status, district_id, created_at ON eldercare_pairs
WHEN old.status IS NOT new.status OR old.district_id IS NOT new.district_id OR old.created_at IS NOT new.created_at BEGIN
    UPDATE care_district_counts SET active_pairs = active_pairs - (old.status = 'active'),
        visits = visits - (SELECT count(*) FROM eldercare_visits WHERE pair_id = old.id)
    WHERE district_id = old.district_id;
    INSERT INTO care_district_counts(district_id, active_pairs, visits)
    SELECT new.district_id, new.status = 'active', (SELECT count(*) FROM eldercare_visits WHERE pair_id = new.id) WHERE true
    ON CONFLICT(district_id) DO UPDATE SET active_pairs = active_pairs + excluded.active_pairs,
        visits = visits + excluded.visits;
    UPDATE care_month_counts SET pairs = pairs - 1 WHERE month = strftime('%Y-%m', old.created_at + 28800, 'unixepoch');
    INSERT INTO care_month_counts(month, pairs) VALUES (strftime('%Y-%m', new.created_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET pairs = pairs + 1;
END;

-- Visits: in their pair's district, by month of start.
CREATE TRIGGER care_visits_ai AFTER INSERT ON eldercare_visits BEGIN
    INSERT INTO care_district_counts(district_id, visits) SELECT district_id, 1 FROM eldercare_pairs WHERE id = new.pair_id
    ON CONFLICT(district_id) DO UPDATE SET visits = visits + 1;
    INSERT INTO care_month_counts(month, visits) VALUES (strftime('%Y-%m', new.start_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET visits = visits + 1;
END;
CREATE TRIGGER care_visits_ad AFTER DELETE ON eldercare_visits BEGIN
    UPDATE care_district_counts SET visits = visits - 1
    WHERE district_id = (SELECT district_id FROM eldercare_pairs WHERE id = old.pair_id);
    UPDATE care_month_counts SET visits = visits - 1 WHERE month = strftime('%Y-%m', old.start_at + 28800, 'unixepoch');
END;
CREATE TRIGGER care_visits_au AFTER UPDATE OF pair_id, start_at ON eldercare_visits
WHEN old.pair_id IS NOT new.pair_id OR old.start_at IS NOT new.start_at BEGIN
    UPDATE care_district_counts SET visits = visits - 1
    WHERE district_id = (SELECT district_id FROM eldercare_pairs WHERE id = old.pair_id);
    INSERT INTO care_district_counts(district_id, visits) SELECT district_id, 1 FROM eldercare_pairs WHERE id = new.pair_id
    ON CONFLICT(district_id) DO UPDATE SET visits = visits + 1;
    UPDATE care_month_counts SET visits = visits - 1 WHERE month = strftime('%Y-%m', old.start_at + 28800, 'unixepoch');
    INSERT INTO care_month_counts(month, visits) VALUES (strftime('%Y-%m', new.start_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET visits = visits + 1;
END;

-- Help requests: every one, per district and by month of creation.
CREATE TRIGGER care_help_ai AFTER INSERT ON help_requests BEGIN
    INSERT INTO care_district_counts(district_id, help_requests) VALUES (new.district_id, 1)
    ON CONFLICT(district_id) DO UPDATE SET help_requests = help_requests + 1;
    INSERT INTO care_month_counts(month, help_requests) VALUES (strftime('%Y-%m', new.created_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET help_requests = help_requests + 1;
END;
CREATE TRIGGER care_help_ad AFTER DELETE ON help_requests BEGIN
    UPDATE care_district_counts SET help_requests = help_requests - 1 WHERE district_id = old.district_id;
    UPDATE care_month_counts SET help_requests = help_requests - 1
    WHERE month = strftime('%Y-%m', old.created_at + 28800, 'unixepoch');
END;
CREATE TRIGGER care_help_au AFTER UPDATE OF district_id, created_at ON help_requests
WHEN old.district_id IS NOT new.district_id OR old.created_at IS NOT new.created_at BEGIN
    UPDATE care_district_counts SET help_requests = help_requests - 1 WHERE district_id = old.district_id;
    INSERT INTO care_district_counts(district_id, help_requests) VALUES (new.district_id, 1)
    ON CONFLICT(district_id) DO UPDATE SET help_requests = help_requests + 1;
    UPDATE care_month_counts SET help_requests = help_requests - 1
    WHERE month = strftime('%Y-%m', old.created_at + 28800, 'unixepoch');
    INSERT INTO care_month_counts(month, help_requests) VALUES (strftime('%Y-%m', new.created_at + 28800, 'unixepoch'), 1)
    ON CONFLICT(month) DO UPDATE SET help_requests = help_requests + 1;
END;

CREATE TABLE stats_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    v  INTEGER NOT NULL
);
INSERT INTO stats_version VALUES (1, 1);
CREATE TRIGGER stats_v_month_counts_i AFTER INSERT ON month_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_month_counts_u AFTER UPDATE ON month_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_month_counts_d AFTER DELETE ON month_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_district_volunteers_i AFTER INSERT ON district_volunteers BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_district_volunteers_u AFTER UPDATE ON district_volunteers BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_district_volunteers_d AFTER DELETE ON district_volunteers BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_care_district_i AFTER INSERT ON care_district_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_care_district_u AFTER UPDATE ON care_district_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_care_district_d AFTER DELETE ON care_district_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_care_month_i AFTER INSERT ON care_month_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_care_month_u AFTER UPDATE ON care_month_counts BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_care_month_d AFTER DELETE ON care_month_counts BEGIN UPDATE stats_version SET v = v + 1; END;
)SQL";

}  // namespace zygc::server
