// Migration 7 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration007 =
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
)SQL";

}  // namespace zygc::server
