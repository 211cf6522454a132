// Migration 3 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration003 =
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
)SQL";

}  // namespace zygc::server
