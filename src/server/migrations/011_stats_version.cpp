// Migration 11 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration011 =
    // 11: stats_version, bumped by every change of what GET /stats/dashboard reads beyond the
    // catalogue (whose changes bump catalog_version): the counts kept by migration 10, and
    // the 老帮老 pairs, visits and help requests it counts. The dashboard's ETag is a hash of
    // both versions (issue 11: at 64 connections it was recomputed for every request).
    R"SQL(
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
CREATE TRIGGER stats_v_eldercare_pairs_i AFTER INSERT ON eldercare_pairs BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_eldercare_pairs_u AFTER UPDATE OF status, district_id, created_at ON eldercare_pairs
BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_eldercare_pairs_d AFTER DELETE ON eldercare_pairs BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_eldercare_visits_i AFTER INSERT ON eldercare_visits BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_eldercare_visits_u AFTER UPDATE OF pair_id, start_at ON eldercare_visits
BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_eldercare_visits_d AFTER DELETE ON eldercare_visits BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_help_requests_i AFTER INSERT ON help_requests BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_help_requests_u AFTER UPDATE OF district_id, created_at ON help_requests
BEGIN UPDATE stats_version SET v = v + 1; END;
CREATE TRIGGER stats_v_help_requests_d AFTER DELETE ON help_requests BEGIN UPDATE stats_version SET v = v + 1; END;
)SQL";

}  // namespace zygc::server
