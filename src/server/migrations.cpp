// Versioned schema. Append new migrations at the end; never edit a shipped one.
// The applied version is PRAGMA user_version (= number of migrations applied).
#include <string>

#include "server/db.h"

namespace zygc::server {

namespace {

const char* const kMigrations[] = {
    // 1: catalogue (districts, brands, teams, projects, shifts) + trigram search index
    R"SQL(
CREATE TABLE districts (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL,
    population            INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
    registered_volunteers INTEGER NOT NULL DEFAULT 0 CHECK (registered_volunteers >= 0),
    service_minutes       INTEGER NOT NULL DEFAULT 0 CHECK (service_minutes >= 0)
);

CREATE TABLE brands (
    slug        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    owner_org   TEXT NOT NULL DEFAULT '',
    district_id INTEGER REFERENCES districts(id),
    summary     TEXT NOT NULL DEFAULT '',
    story       TEXT NOT NULL DEFAULT '',
    highlights  TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    awards      TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    stats       TEXT NOT NULL DEFAULT '[]',  -- JSON array of {label,value}
    cover_url   TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0   -- display order (seed order)
);

CREATE TABLE teams (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    org          TEXT    NOT NULL DEFAULT '',
    district_id  INTEGER NOT NULL REFERENCES districts(id),
    leader_name  TEXT    NOT NULL DEFAULT '',
    member_count INTEGER NOT NULL DEFAULT 0,
    summary      TEXT    NOT NULL DEFAULT '',
    founded      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX teams_district ON teams(district_id);

CREATE TABLE projects (
    id            INTEGER PRIMARY KEY,
    team_id       INTEGER NOT NULL REFERENCES teams(id),
    title         TEXT    NOT NULL,
    summary       TEXT    NOT NULL DEFAULT '',
    description   TEXT    NOT NULL DEFAULT '',
    category      TEXT    NOT NULL,
    brand         TEXT    REFERENCES brands(slug),
    district_id   INTEGER NOT NULL REFERENCES districts(id),
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    site_name     TEXT    NOT NULL DEFAULT '',
    site_lat      REAL    NOT NULL DEFAULT 0,
    site_lng      REAL    NOT NULL DEFAULT 0,
    site_radius_m INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX projects_team ON projects(team_id);
CREATE INDEX projects_district ON projects(district_id);
CREATE INDEX projects_brand ON projects(brand);
CREATE INDEX projects_category ON projects(category);

-- Times are Unix seconds; the API renders them in +08:00.
CREATE TABLE shifts (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    start_at   INTEGER NOT NULL,
    end_at     INTEGER NOT NULL CHECK (end_at > start_at),
    capacity   INTEGER NOT NULL CHECK (capacity >= 0),
    signed_up  INTEGER NOT NULL DEFAULT 0 CHECK (signed_up >= 0)
);
CREATE INDEX shifts_project ON shifts(project_id, start_at);
CREATE INDEX shifts_start ON shifts(start_at);

-- Chinese substring search: trigram tokens over the project text, external content.
CREATE VIRTUAL TABLE projects_fts USING fts5(
    title, summary, description,
    content='projects', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER projects_fts_ai AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts(rowid, title, summary, description)
    VALUES (new.id, new.title, new.summary, new.description);
END;
CREATE TRIGGER projects_fts_ad AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, description)
    VALUES ('delete', old.id, old.title, old.summary, old.description);
END;
CREATE TRIGGER projects_fts_au AFTER UPDATE OF title, summary, description ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, description)
    VALUES ('delete', old.id, old.title, old.summary, old.description);
    INSERT INTO projects_fts(rowid, title, summary, description)
    VALUES (new.id, new.title, new.summary, new.description);
END;
)SQL",
    // 2: accounts, roles, sessions, 实名注册, team members, sign-ups, idempotency records
    R"SQL(
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    phone         TEXT UNIQUE,           -- NULL for WeChat-only users
    wechat_openid TEXT UNIQUE,
    display_name  TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL
);

-- Stored roles; "resident" is implied for everyone, "organizer" also follows from leading a team.
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role    TEXT    NOT NULL CHECK (role IN ('volunteer', 'organizer', 'social_worker', 'admin')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- token_hash = SHA-256 of the random session token; the token itself is never stored.
CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL       -- absolute limit; idle limit is applied to last_seen
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- One pending code per phone (SHA-256 of phone + code), single use.
CREATE TABLE sms_codes (
    phone      TEXT    PRIMARY KEY,
    code_hash  BLOB    NOT NULL,
    sent_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE login_failures (
    phone TEXT    NOT NULL,
    at    INTEGER NOT NULL
);
CREATE INDEX login_failures_phone ON login_failures(phone, at);

-- 实名注册. The ID number is kept as HMAC-SHA256 (uniqueness), AES-256-GCM ciphertext
-- (nonce || ct || tag, for lawful disclosure) and a masked copy; never in plain text.
CREATE TABLE volunteers (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    real_name     TEXT    NOT NULL,
    id_hmac       BLOB    NOT NULL UNIQUE,
    id_cipher     BLOB    NOT NULL,
    id_masked     TEXT    NOT NULL,
    district_id   INTEGER NOT NULL REFERENCES districts(id),
    skills        TEXT    NOT NULL DEFAULT '[]',
    availability  TEXT    NOT NULL DEFAULT '[]',
    consent_at    INTEGER NOT NULL,
    registered_at INTEGER NOT NULL
);

CREATE TABLE team_members (
    team_id   INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('leader', 'member')),
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (team_id, user_id)
) WITHOUT ROWID;
CREATE INDEX team_members_user ON team_members(user_id);

-- shifts.signed_up keeps counting: seeded baseline + live confirmed sign-ups.
CREATE TABLE signups (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    shift_id     INTEGER NOT NULL REFERENCES shifts(id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
    created_at   INTEGER NOT NULL,
    cancelled_at INTEGER
);
CREATE UNIQUE INDEX signups_live ON signups(user_id, shift_id) WHERE status = 'confirmed';
CREATE INDEX signups_shift ON signups(shift_id);

-- Idempotency-Key records: per user, the request fingerprint and the first response.
CREATE TABLE idempotency (
    user_id      INTEGER NOT NULL,
    key          TEXT    NOT NULL,
    fingerprint  BLOB    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('running', 'done')),
    status       INTEGER NOT NULL DEFAULT 0,
    content_type TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
)SQL",
    // 3: login limits (failures by client address, rate events), pruning hooks, 实名 appeals
    R"SQL(
ALTER TABLE login_failures ADD COLUMN addr TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failures_addr ON login_failures(addr, at);
CREATE INDEX login_failures_at ON login_failures(at);

-- One row per counted event (an SMS code sent, a login attempt ...), for sliding windows.
-- Bounded by the overall limits; rows older than a day are pruned.
CREATE TABLE rate_events (
    bucket TEXT    NOT NULL,   -- "sms:addr:1.2.3.4", "sms:all", ...
    at     INTEGER NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events(bucket, at);
CREATE INDEX rate_events_at ON rate_events(at);

-- keep = 1: never pruned (the hook for attendance check-ins, whose keys never expire).
ALTER TABLE idempotency ADD COLUMN keep INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idempotency_created ON idempotency(created_at);
CREATE INDEX sms_codes_expires ON sms_codes(expires_at);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE housekeeping (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

-- 实名注册 that needs in-person verification: a number another account holds ('claim') or
-- a registered volunteer's new number ('change'). The applicant's data waits here, stored
-- like volunteers' (HMAC, ciphertext, masked), until a social worker confirms or rejects.
CREATE TABLE identity_appeals (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('claim', 'change')),
    real_name    TEXT    NOT NULL,
    id_hmac      BLOB    NOT NULL,
    id_cipher    BLOB    NOT NULL,
    id_masked    TEXT    NOT NULL,
    district_id  INTEGER NOT NULL REFERENCES districts(id),
    skills       TEXT    NOT NULL DEFAULT '[]',
    availability TEXT    NOT NULL DEFAULT '[]',
    consent_at   INTEGER NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'confirmed', 'rejected')),
    created_at   INTEGER NOT NULL,
    decided_by   INTEGER REFERENCES users(id),
    decided_at   INTEGER,
    note         TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX identity_appeals_pending ON identity_appeals(user_id) WHERE status = 'pending';
CREATE INDEX identity_appeals_status ON identity_appeals(status, created_at);
)SQL",
    // 4: hour tracking (issue 9): attendance records, their append-only history, disputes,
    // issued certificates
    R"SQL(
-- One row per attendance record. Times are Unix seconds (server event times); the phone's
-- own times are kept as it sent them, for audit. A certified record's minutes never change:
-- a correction is a new row (corrects → the original, whose corrected_by → the new one).
CREATE TABLE attendance (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER NOT NULL REFERENCES users(id),
    shift_id         INTEGER NOT NULL REFERENCES shifts(id),
    project_id       INTEGER NOT NULL REFERENCES projects(id),
    team_id          INTEGER NOT NULL REFERENCES teams(id),
    method           TEXT    NOT NULL CHECK (method IN ('qr', 'code', 'gps', 'manual')),
    check_in         INTEGER NOT NULL,
    check_out        INTEGER,
    client_check_in  TEXT,              -- RFC 3339 as the phone said
    client_check_out TEXT,
    minutes          INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    status           TEXT    NOT NULL
                     CHECK (status IN ('open', 'pending', 'certified', 'rejected', 'disputed')),
    certified        INTEGER NOT NULL DEFAULT 0,  -- 1: minutes certified (approve/adjust/correction)
    flags            TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
    distance_m       INTEGER,
    -- The events' idempotency keys ("<user>:<Idempotency-Key>"): each event exists once.
    checkin_event    TEXT UNIQUE,
    checkout_event   TEXT UNIQUE,
    certified_by     INTEGER REFERENCES users(id),
    certified_at     INTEGER,
    reason           TEXT,
    corrects         INTEGER REFERENCES attendance(id),
    corrected_by     INTEGER REFERENCES attendance(id),
    created_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX attendance_one_open ON attendance(user_id) WHERE status = 'open';
CREATE INDEX attendance_user ON attendance(user_id, check_in);
CREATE INDEX attendance_shift ON attendance(shift_id, user_id);
CREATE INDEX attendance_project_status ON attendance(project_id, status);
CREATE INDEX attendance_open ON attendance(shift_id) WHERE status = 'open';
CREATE INDEX attendance_certified ON attendance(team_id, user_id) WHERE certified = 1 AND corrected_by IS NULL;

CREATE TRIGGER attendance_certified_minutes BEFORE UPDATE OF minutes, check_in, check_out ON attendance
WHEN old.certified = 1
BEGIN SELECT RAISE(ABORT, 'certified attendance is immutable'); END;

-- Append-only audit trail of every change (who, when, before, after, why).
CREATE TABLE attendance_history (
    id            INTEGER PRIMARY KEY,
    attendance_id INTEGER NOT NULL REFERENCES attendance(id),
    at            INTEGER NOT NULL,
    actor_id      INTEGER NOT NULL,  -- 0: the system (auto-close)
    action        TEXT    NOT NULL,
    before        TEXT,              -- JSON object or NULL
    after         TEXT,
    reason        TEXT
);
CREATE INDEX attendance_history_record ON attendance_history(attendance_id, id);
CREATE TRIGGER attendance_history_no_update BEFORE UPDATE ON attendance_history
BEGIN SELECT RAISE(ABORT, 'attendance_history is append-only'); END;
CREATE TRIGGER attendance_history_no_delete BEFORE DELETE ON attendance_history
BEGIN SELECT RAISE(ABORT, 'attendance_history is append-only'); END;

-- A volunteer's request for a correction and the organizer's answer.
CREATE TABLE disputes (
    id            INTEGER PRIMARY KEY,
    attendance_id INTEGER NOT NULL REFERENCES attendance(id),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    reason        TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    prior_status  TEXT    NOT NULL,  -- the record's status before the dispute
    resolution    TEXT,
    resolved_by   INTEGER REFERENCES users(id),
    resolved_at   INTEGER
);
CREATE INDEX disputes_record ON disputes(attendance_id, id);
CREATE UNIQUE INDEX disputes_open ON disputes(attendance_id) WHERE resolved_at IS NULL;

-- 志愿服务记录证明: content is the canonical JSON (all but the MAC); content_key identifies
-- the hours it states, so the same hours get the same serial.
CREATE TABLE certificates (
    id          INTEGER PRIMARY KEY,
    serial      TEXT    NOT NULL UNIQUE,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    content_key TEXT    NOT NULL,
    content     TEXT    NOT NULL,
    mac         TEXT    NOT NULL,
    issued_at   INTEGER NOT NULL,
    UNIQUE (user_id, content_key)
);
)SQL",
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
)SQL",
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
)SQL",
    // 7: points (issue 12, 回馈 · 再奉献): rules, a double-entry ledger (one row per posting,
    // append-only), lots for expiry, merchants, rewards, redemptions, funds, donations, holds.
    R"SQL(
CREATE TABLE points_rules (
    version            INTEGER PRIMARY KEY,
    minutes_per_point  INTEGER NOT NULL CHECK (minutes_per_point > 0),
    expiry_months      INTEGER NOT NULL DEFAULT 0 CHECK (expiry_months >= 0),
    code_life_minutes  INTEGER NOT NULL CHECK (code_life_minutes > 0),
    effective_from     INTEGER NOT NULL,
    note               TEXT    NOT NULL DEFAULT ''
);
INSERT INTO points_rules VALUES (1, 30, 12, 4320, 0, '每认定30分钟志愿服务时长积1分；积分自获得起12个月（按360天计）内有效；兑换码3天内有效');
CREATE TRIGGER points_rules_no_update BEFORE UPDATE ON points_rules
BEGIN SELECT RAISE(ABORT, 'points rules are versioned, never edited'); END;
CREATE TRIGGER points_rules_no_delete BEFORE DELETE ON points_rules
BEGIN SELECT RAISE(ABORT, 'points rules are versioned, never deleted'); END;

CREATE TABLE points_accounts (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('issuance', 'volunteer', 'escrow', 'merchant', 'fund', 'expiry')),
    owner_id INTEGER NOT NULL,  -- user (volunteer), merchant, fund; 0 for the singletons
    balance  INTEGER NOT NULL DEFAULT 0 CHECK (kind = 'issuance' OR balance >= 0),
    UNIQUE (kind, owner_id)
);
INSERT INTO points_accounts(kind, owner_id) VALUES ('issuance', 0), ('escrow', 0), ('expiry', 0);

-- One posting = N > 0 points from one account to another (the sum over accounts stays 0).
CREATE TABLE points_postings (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    from_account INTEGER NOT NULL REFERENCES points_accounts(id),
    to_account   INTEGER NOT NULL REFERENCES points_accounts(id),
    points       INTEGER NOT NULL CHECK (points > 0),
    kind         TEXT    NOT NULL CHECK (kind IN ('earn', 'reversal', 'redeem', 'settle', 'refund', 'donate',
                                                  'expire', 'hold_applied')),
    ref_kind     TEXT    NOT NULL CHECK (ref_kind IN ('attendance', 'redemption', 'donation', 'lot', 'hold')),
    ref_id       INTEGER NOT NULL,
    rule_version INTEGER REFERENCES points_rules(version),
    by_user      INTEGER,  -- NULL: the system
    why          TEXT    NOT NULL DEFAULT '',
    district_id  INTEGER,  -- for the statistics: earning project / merchant / volunteer district
    CHECK (from_account != to_account)
);
CREATE INDEX points_postings_from ON points_postings(from_account, id);
CREATE INDEX points_postings_to ON points_postings(to_account, id);
CREATE INDEX points_postings_ref ON points_postings(ref_kind, ref_id);
CREATE TRIGGER points_postings_no_update BEFORE UPDATE ON points_postings
BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;
CREATE TRIGGER points_postings_no_delete BEFORE DELETE ON points_postings
BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;
CREATE TRIGGER points_postings_balance AFTER INSERT ON points_postings BEGIN
    UPDATE points_accounts SET balance = balance - new.points WHERE id = new.from_account;
    UPDATE points_accounts SET balance = balance + new.points WHERE id = new.to_account;
END;

-- What a volunteer's balance is made of (expiry): credits add a lot, debits consume lots.
CREATE TABLE points_lots (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES points_accounts(id),
    posting_id INTEGER NOT NULL REFERENCES points_postings(id),
    points     INTEGER NOT NULL CHECK (points > 0),
    remaining  INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    expires_at INTEGER NOT NULL  -- Unix seconds; 0 = never
);
CREATE INDEX points_lots_open ON points_lots(account_id, expires_at, id) WHERE remaining > 0;
CREATE INDEX points_lots_due ON points_lots(expires_at) WHERE remaining > 0 AND expires_at > 0;

CREATE TABLE points_merchants (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    district_id   INTEGER NOT NULL REFERENCES districts(id),
    address       TEXT    NOT NULL DEFAULT '',
    kind          TEXT    NOT NULL DEFAULT 'shop' CHECK (kind IN ('shop', 'public')),
    owner_user_id INTEGER REFERENCES users(id),
    created_at    INTEGER NOT NULL
);
CREATE INDEX points_merchants_owner ON points_merchants(owner_user_id);
CREATE TABLE points_rewards (
    id               INTEGER PRIMARY KEY,
    merchant_id      INTEGER NOT NULL REFERENCES points_merchants(id),
    name             TEXT    NOT NULL,
    description      TEXT    NOT NULL DEFAULT '',
    category         TEXT    NOT NULL CHECK (category IN ('transit', 'museum', 'park', 'shop', 'service')),
    points           INTEGER NOT NULL CHECK (points > 0),
    stock            INTEGER NOT NULL CHECK (stock >= 0),
    per_person_limit INTEGER NOT NULL CHECK (per_person_limit >= 1),
    created_at       INTEGER NOT NULL
);
CREATE INDEX points_rewards_merchant ON points_rewards(merchant_id);
CREATE TABLE points_redemptions (
    id                INTEGER PRIMARY KEY,
    user_id           INTEGER NOT NULL REFERENCES users(id),
    reward_id         INTEGER NOT NULL REFERENCES points_rewards(id),
    merchant_id       INTEGER NOT NULL REFERENCES points_merchants(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    points            INTEGER NOT NULL CHECK (points > 0),
    code              TEXT    NOT NULL UNIQUE,
    status            TEXT    NOT NULL CHECK (status IN ('reserved', 'settled', 'expired')),
    created_at        INTEGER NOT NULL,
    expires_at        INTEGER NOT NULL,
    settled_at        INTEGER,
    settled_by        INTEGER REFERENCES users(id),
    expired_at        INTEGER,
    refund_expires_at INTEGER NOT NULL DEFAULT 0  -- the expiry the refunded points keep
);
CREATE INDEX points_redemptions_user ON points_redemptions(user_id, id);
CREATE INDEX points_redemptions_merchant ON points_redemptions(merchant_id, id);
CREATE INDEX points_redemptions_due ON points_redemptions(expires_at) WHERE status = 'reserved';
CREATE TRIGGER points_redemptions_final BEFORE UPDATE OF status ON points_redemptions
WHEN old.status != 'reserved'
BEGIN SELECT RAISE(ABORT, 'a settled or expired redemption is final'); END;
CREATE TABLE points_funds (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    brand_slug  TEXT,
    created_at  INTEGER NOT NULL
);
CREATE TABLE points_donations (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    fund_id INTEGER NOT NULL REFERENCES points_funds(id),
    points  INTEGER NOT NULL CHECK (points > 0),
    at      INTEGER NOT NULL
);
CREATE INDEX points_donations_fund ON points_donations(fund_id, user_id);
-- A reversal the balance could not cover, waiting for an admin.
CREATE TABLE points_holds (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    attendance_id   INTEGER NOT NULL REFERENCES attendance(id),
    points          INTEGER NOT NULL CHECK (points > 0),
    reason          TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('held', 'applied', 'waived')),
    created_at      INTEGER NOT NULL,
    decided_at      INTEGER,
    decided_by      INTEGER,
    decision_reason TEXT
);
CREATE INDEX points_holds_status ON points_holds(status, id);
CREATE INDEX points_holds_user ON points_holds(user_id, status);
)SQL",
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
)SQL",
};

constexpr int kCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

}  // namespace

int latest_schema_version() { return kCount; }

int schema_version(Db& db) {
    Stmt st(db, "PRAGMA user_version");
    return st.step() == Step::Row ? static_cast<int>(st.i64(0)) : -1;
}

bool migrate(Db& db, std::string* err) {
    int v = schema_version(db);
    if (v < 0) {
        if (err) *err = "cannot read schema version: " + db.last_error();
        return false;
    }
    if (v > kCount) {
        if (err) *err = "database schema v" + std::to_string(v) + " is newer than this server (v" +
                        std::to_string(kCount) + ")";
        return false;
    }
    for (; v < kCount; ++v) {
        std::string e;
        if (!db.begin()) {
            if (err) *err = "cannot begin migration: " + db.last_error();
            return false;
        }
        // user_version cannot take a bound parameter; v+1 is our own integer.
        std::string bump = "PRAGMA user_version = " + std::to_string(v + 1);
        if (!db.exec_script(kMigrations[v], &e) || !db.exec_script(bump, &e)) {
            db.rollback();
            if (err) *err = "migration " + std::to_string(v + 1) + " failed: " + e;
            return false;
        }
        if (!db.commit()) {
            db.rollback();
            if (err) *err = "cannot commit migration: " + db.last_error();
            return false;
        }
    }
    return true;
}

}  // namespace zygc::server
