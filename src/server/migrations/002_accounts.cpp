// Migration 2 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration002 =
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
)SQL";

}  // namespace zygc::server
