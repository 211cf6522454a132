// Migration 8 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration008 =
    // 8: eldercare (issue 13): 老帮老 ledger (needs, helpers), pairs and their visits (each an
    // attendance record of the district's 老帮老结对探访 project, certified by social
    // workers), 有困难找志愿者 requests, awards. Personal data: masked copies only, the
    // full name and phones sealed (AES-256-GCM, NULL without a server secret).
    R"SQL(
CREATE TABLE eldercare_needs (
    id                    INTEGER PRIMARY KEY,
    district_id           INTEGER NOT NULL REFERENCES districts(id),
    community             TEXT    NOT NULL,
    name_masked           TEXT    NOT NULL,
    phone_masked          TEXT,
    guardian_name_masked  TEXT    NOT NULL,
    guardian_phone_masked TEXT    NOT NULL,
    guardian_relation     TEXT    NOT NULL DEFAULT '',
    pii_cipher            BLOB,
    birth_year            INTEGER,
    needs                 TEXT    NOT NULL,  -- JSON array of service codes
    slots                 TEXT    NOT NULL,  -- JSON array of weekly slots
    mobility              TEXT    NOT NULL CHECK (mobility IN ('independent', 'cane', 'wheelchair', 'bedridden')),
    lat                   REAL    NOT NULL,
    lng                   REAL    NOT NULL,
    note                  TEXT    NOT NULL DEFAULT '',
    consent_at            INTEGER NOT NULL,
    created_by            INTEGER NOT NULL REFERENCES users(id),
    created_at            INTEGER NOT NULL
);
CREATE INDEX eldercare_needs_district ON eldercare_needs(district_id, id);

CREATE TABLE eldercare_helpers (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),  -- whose hours the visits are
    district_id  INTEGER NOT NULL REFERENCES districts(id),
    community    TEXT    NOT NULL,
    name_masked  TEXT    NOT NULL,
    phone_masked TEXT    NOT NULL,
    pii_cipher   BLOB,
    birth_year   INTEGER,
    abilities    TEXT    NOT NULL,
    slots        TEXT    NOT NULL,
    walk_m       INTEGER NOT NULL CHECK (walk_m > 0),
    capacity     INTEGER NOT NULL CHECK (capacity > 0),
    lat          REAL    NOT NULL,
    lng          REAL    NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    consent_at   INTEGER NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES users(id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX eldercare_helpers_district ON eldercare_helpers(district_id, id);

-- The team and (closed) project of each district that visit records belong to.
CREATE TABLE eldercare_projects (
    district_id INTEGER PRIMARY KEY REFERENCES districts(id),
    team_id     INTEGER NOT NULL UNIQUE REFERENCES teams(id),
    project_id  INTEGER NOT NULL UNIQUE REFERENCES projects(id)
);

CREATE TABLE eldercare_pairs (
    id          INTEGER PRIMARY KEY,
    need_id     INTEGER NOT NULL REFERENCES eldercare_needs(id),
    helper_id   INTEGER NOT NULL REFERENCES eldercare_helpers(id),
    district_id INTEGER NOT NULL REFERENCES districts(id),
    project_id  INTEGER NOT NULL REFERENCES projects(id),
    status      TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    rhythm_days INTEGER NOT NULL CHECK (rhythm_days > 0),
    score       INTEGER NOT NULL DEFAULT 0,
    created_by  INTEGER NOT NULL REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    ended_at    INTEGER
);
CREATE UNIQUE INDEX eldercare_pairs_need_active ON eldercare_pairs(need_id) WHERE status = 'active';
CREATE INDEX eldercare_pairs_helper ON eldercare_pairs(helper_id, status);
CREATE INDEX eldercare_pairs_district ON eldercare_pairs(district_id, id);

CREATE TABLE eldercare_visits (
    id            INTEGER PRIMARY KEY,
    pair_id       INTEGER NOT NULL REFERENCES eldercare_pairs(id),
    attendance_id INTEGER NOT NULL UNIQUE REFERENCES attendance(id),
    start_at      INTEGER NOT NULL,
    end_at        INTEGER NOT NULL CHECK (end_at > start_at),
    note          TEXT    NOT NULL DEFAULT '',
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    INTEGER NOT NULL
);
CREATE INDEX eldercare_visits_pair ON eldercare_visits(pair_id, start_at);

CREATE TABLE help_requests (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    district_id INTEGER NOT NULL REFERENCES districts(id),
    title       TEXT    NOT NULL,
    description TEXT    NOT NULL,
    category    TEXT    NOT NULL DEFAULT 'community',
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'closed', 'converted')),
    team_id     INTEGER REFERENCES teams(id),
    project_id  INTEGER REFERENCES projects(id),
    note        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX help_requests_district ON help_requests(district_id, id);
CREATE INDEX help_requests_user ON help_requests(user_id, id);

-- Honours (brand: a brand slug, not a foreign key: migrations run before the seed).
CREATE TABLE awards (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    year        INTEGER,
    level       TEXT    NOT NULL CHECK (level IN ('national', 'provincial', 'city')),
    issuer      TEXT    NOT NULL DEFAULT '',
    brand       TEXT,
    description TEXT    NOT NULL DEFAULT ''
);
INSERT INTO awards(title, year, level, issuer, brand, description) VALUES
    ('2024年全国学雷锋志愿服务“四个100”先进典型 最佳志愿服务项目', 2024, 'national',
     '全国学雷锋志愿服务“四个100”先进典型宣传推选活动', 'aixinwucan',
     '山区孩子爱心午餐入选2024年全国学雷锋志愿服务“四个100”先进典型，获评最佳志愿服务项目。'),
    ('河北省志愿服务项目大赛金奖', NULL, 'provincial', '河北省志愿服务项目大赛', 'yuanmengchangcheng',
     '圆肢残人登长城之梦获河北省志愿服务项目大赛金奖。');
)SQL";

}  // namespace zygc::server
