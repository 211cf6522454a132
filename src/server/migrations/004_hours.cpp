// Migration 4 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration004 =
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
)SQL";

}  // namespace zygc::server
