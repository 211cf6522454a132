// Points (issue 12): the ledger and its operations (see points.h).
#include "server/points.h"

#include <algorithm>

#include "server/crypto.h"

namespace zygc::server::points {

namespace {

constexpr int64_t kDay = 86400;

bool fail(std::string& err, const std::string& e) {
    err = e;
    return false;
}

// A single integer (or nullopt for no row; err set on failure).
std::optional<int64_t> one(Stmt& st, std::string& err) {
    Step s = st.step();
    if (s == Step::Row) return st.i64(0);
    if (s == Step::Error) err = st.error();
    return std::nullopt;
}

std::optional<Id> volunteer_district(Db& db, Id user, std::string& err) {
    Stmt st(db, "SELECT district_id FROM volunteers WHERE user_id = ?");
    st.bind(1, user);
    return one(st, err);
}

}  // namespace

std::string code_of(const std::string& text) {
    std::string t = text;
    const std::string prefix = "zygc:pickup:";
    if (t.rfind(prefix, 0) == 0) t = t.substr(prefix.size());
    if (t.size() != 8 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
    return t;
}

bool rule_at(Db& db, int64_t at, Rule& out, std::string& err) {
    Stmt st(db,
            "SELECT version, minutes_per_point, expiry_months, code_life_minutes, effective_from, note "
            "FROM points_rules WHERE effective_from <= ? ORDER BY version DESC LIMIT 1");
    st.bind(1, at);
    Step s = st.step();
    if (s != Step::Row) return fail(err, s == Step::Error ? st.error() : "no points rule in force");
    out = {st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.i64(4), st.text(5)};
    return true;
}

std::optional<Id> account(Db& db, const char* kind, Id owner, std::string& err) {
    Stmt ins(db, "INSERT OR IGNORE INTO points_accounts(kind, owner_id) VALUES (?, ?)");
    ins.bind(1, kind).bind(2, owner);
    if (!ins.exec()) return err = ins.error(), std::nullopt;
    Stmt st(db, "SELECT id FROM points_accounts WHERE kind = ? AND owner_id = ?");
    st.bind(1, kind).bind(2, owner);
    auto id = one(st, err);
    if (!id && err.empty()) err = "account vanished";
    return id;
}

std::optional<Id> find_account(Db& db, const char* kind, Id owner, std::string& err) {
    Stmt st(db, "SELECT id FROM points_accounts WHERE kind = ? AND owner_id = ?");
    st.bind(1, kind).bind(2, owner);
    Step s = st.step();
    if (s == Step::Error) return err = st.error(), std::nullopt;
    return s == Step::Row ? st.i64(0) : Id{0};
}

std::optional<int64_t> balance(Db& db, Id acc, std::string& err) {
    Stmt st(db, "SELECT balance FROM points_accounts WHERE id = ?");
    st.bind(1, acc);
    auto b = one(st, err);
    if (!b && err.empty()) err = "no such account";
    return b;
}

static bool is_volunteer_account(Db& db, Id acc, bool& yes, std::string& err) {
    Stmt st(db, "SELECT kind = 'volunteer' FROM points_accounts WHERE id = ?");
    st.bind(1, acc);
    auto v = one(st, err);
    if (!v) return fail(err, err.empty() ? "no such account" : err);
    yes = *v != 0;
    return true;
}

// Takes n points out of the account's lots, oldest expiry first (never-expiring last).
static bool consume_lots(Db& db, Id acc, int64_t n, int64_t* first_expiry, std::string& err) {
    Stmt st(db,
            "SELECT id, remaining, expires_at FROM points_lots WHERE account_id = ? AND remaining > 0 "
            "ORDER BY expires_at = 0, expires_at, id");
    st.bind(1, acc);
    std::vector<std::pair<Id, int64_t>> take;
    bool first = true;
    Step s;
    while (n > 0 && (s = st.step()) == Step::Row) {
        int64_t t = std::min(n, st.i64(1));
        if (first && first_expiry) *first_expiry = st.i64(2);
        first = false;
        take.push_back({st.i64(0), t});
        n -= t;
    }
    if (n > 0 && st.failed()) return fail(err, st.error());
    if (n > 0) return fail(err, "lots do not cover the debit");
    for (auto [lot, t] : take) {
        Stmt up(db, "UPDATE points_lots SET remaining = remaining - ? WHERE id = ?");
        up.bind(1, t).bind(2, lot);
        if (!up.exec()) return fail(err, up.error());
    }
    return true;
}

Id post(Db& db, int64_t now, Id from, Id to, int64_t n, const Cause& c, int64_t lot_expires, std::string& err,
        int64_t* first_expiry) {
    if (n <= 0) return fail(err, "posting of no points"), 0;
    bool from_vol = false, to_vol = false;
    if (!is_volunteer_account(db, from, from_vol, err) || !is_volunteer_account(db, to, to_vol, err)) return 0;
    if (from_vol && c.kind != std::string_view("expire") && !consume_lots(db, from, n, first_expiry, err)) return 0;
    Stmt ins(db,
             "INSERT INTO points_postings(at, from_account, to_account, points, kind, ref_kind, ref_id, rule_version, "
             "by_user, why, district_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, now).bind(2, from).bind(3, to).bind(4, n).bind(5, c.kind).bind(6, c.ref_kind).bind(7, c.ref_id);
    if (c.rule_version) ins.bind(8, *c.rule_version);
    else ins.bind_null(8);
    if (c.by) ins.bind(9, c.by);
    else ins.bind_null(9);
    ins.bind(10, c.why);
    if (c.district) ins.bind(11, *c.district);
    else ins.bind_null(11);
    if (!ins.exec()) return fail(err, ins.error()), 0;
    Id posting = db.last_insert_rowid();
    if (to_vol) {
        Stmt lot(db, "INSERT INTO points_lots(account_id, posting_id, points, remaining, expires_at) VALUES (?, ?, ?, ?, ?)");
        lot.bind(1, to).bind(2, posting).bind(3, n).bind(4, n).bind(5, lot_expires);
        if (!lot.exec()) return fail(err, lot.error()), 0;
    }
    return posting;
}

// ---- earning --------------------------------------------------------------------------------

bool on_record_certified(Db& db, Id record, Id actor, int64_t now, std::string& err) {
    // The chain: back to the root through `corrects`, then forward through `corrected_by`.
    Id root = record;
    for (int guard = 0; guard < 1000; ++guard) {
        Stmt st(db, "SELECT corrects FROM attendance WHERE id = ?");
        st.bind(1, root);
        Step s = st.step();
        if (s != Step::Row) return fail(err, s == Step::Error ? st.error() : "no such attendance record");
        if (st.is_null(0)) break;
        root = st.i64(0);
    }
    std::vector<Id> chain{root};
    Id live = root, user = 0, project = 0;
    int64_t minutes = 0;
    bool certified = false;
    for (int guard = 0; guard < 1000; ++guard) {
        Stmt st(db, "SELECT corrected_by, user_id, project_id, minutes, certified FROM attendance WHERE id = ?");
        st.bind(1, live);
        Step s = st.step();
        if (s != Step::Row) return fail(err, s == Step::Error ? st.error() : "chain broken");
        user = st.i64(1), project = st.i64(2), minutes = st.i64(3), certified = st.i64(4) != 0;
        if (st.is_null(0)) break;
        live = st.i64(0);
        chain.push_back(live);
    }
    Rule rule;
    if (!rule_at(db, now, rule, err)) return false;
    int64_t target = certified ? minutes / rule.minutes_per_point : 0;
    std::string in = "(";
    for (size_t i = 0; i < chain.size(); ++i) in += (i ? "," : "") + std::to_string(chain[i]);
    in += ")";  // our own integers
    Stmt posted_q(db,
                  "SELECT COALESCE(SUM(CASE kind WHEN 'earn' THEN points ELSE -points END), 0) FROM points_postings "
                  "WHERE ref_kind = 'attendance' AND kind IN ('earn', 'reversal') AND ref_id IN " + in);
    auto posted = one(posted_q, err);
    if (!posted) return false;
    // Applied holds took their points back through the hold, so they count as posted reversals.
    Stmt applied_q(db, "SELECT COALESCE(SUM(points), 0) FROM points_holds WHERE status = 'applied' AND attendance_id IN " + in);
    auto applied = one(applied_q, err);
    if (!applied) return false;
    int64_t have = *posted - *applied;
    Stmt held_q(db, "SELECT COALESCE(SUM(points), 0) FROM points_holds WHERE status = 'held' AND attendance_id IN " + in);
    auto held = one(held_q, err);
    if (!held) return false;
    if (target == have - *held) return true;  // nothing changed (e.g. a dispute kept the minutes)
    // A hold still waiting is superseded by this newer decision.
    Stmt waive(db,
               "UPDATE points_holds SET status = 'waived', decided_at = ?, decision_reason = '被后续更正取代' "
               "WHERE status = 'held' AND attendance_id IN " + in);
    waive.bind(1, now);
    if (!waive.exec()) return fail(err, waive.error());
    if (target == have) return true;
    auto vol = account(db, "volunteer", user, err);
    auto iss = account(db, "issuance", 0, err);
    if (!vol || !iss) return false;
    Stmt dq(db, "SELECT p.district_id, p.title FROM projects p WHERE p.id = ?");
    dq.bind(1, project);
    std::optional<Id> district;
    std::string title;
    if (dq.step() == Step::Row) district = dq.i64(0), title = dq.text(1);
    else if (dq.failed()) return fail(err, dq.error());
    if (target > have) {
        int64_t expires = rule.expiry_months > 0 ? now + rule.expiry_months * 30 * kDay : 0;
        Cause c{"earn", "attendance", live, rule.version, actor, title, district};
        return post(db, now, *iss, *vol, target - have, c, expires, err) != 0;
    }
    int64_t back = have - target;
    auto bal = balance(db, *vol, err);
    if (!bal) return false;
    if (*bal < back) {
        Stmt h(db,
               "INSERT INTO points_holds(user_id, attendance_id, points, reason, status, created_at) "
               "VALUES (?, ?, ?, ?, 'held', ?)");
        h.bind(1, user).bind(2, live).bind(3, back).bind(4, "时长更正：" + title).bind(5, now);
        return h.exec() || fail(err, h.error());
    }
    Cause c{"reversal", "attendance", live, rule.version, actor, title, district};
    return post(db, now, *vol, *iss, back, c, 0, err) != 0;
}

// ---- expiry ---------------------------------------------------------------------------------

static bool expire_code(Db& db, int64_t now, Id id, std::string& err) {
    Stmt st(db,
            "SELECT r.user_id, r.reward_id, r.quantity, r.points, r.refund_expires_at, w.name "
            "FROM points_redemptions r JOIN points_rewards w ON w.id = r.reward_id WHERE r.id = ? AND r.status = 'reserved'");
    st.bind(1, id);
    Step s = st.step();
    if (s == Step::Error) return fail(err, st.error());
    if (s != Step::Row) return true;  // already settled or expired: nothing to do (exactly once)
    Id user = st.i64(0), reward = st.i64(1);
    int64_t qty = st.i64(2), pts = st.i64(3), lot_exp = st.i64(4);
    std::string name = st.text(5);
    Stmt up(db, "UPDATE points_redemptions SET status = 'expired', expired_at = ? WHERE id = ? AND status = 'reserved'");
    up.bind(1, now).bind(2, id);
    if (!up.exec()) return fail(err, up.error());
    if (db.changes() != 1) return true;
    Stmt stock(db, "UPDATE points_rewards SET stock = stock + ? WHERE id = ?");
    stock.bind(1, qty).bind(2, reward);
    if (!stock.exec()) return fail(err, stock.error());
    auto esc = account(db, "escrow", 0, err);
    auto vol = account(db, "volunteer", user, err);
    if (!esc || !vol) return false;
    auto district = volunteer_district(db, user, err);
    if (!err.empty()) return false;
    // A refunded lot keeps the earliest expiry it was taken from (but is not already past it:
    // those points expire at the next sweep, as they would have).
    Cause c{"refund", "redemption", id, std::nullopt, 0, "兑换码过期退回：" + name, district};
    return post(db, now, *esc, *vol, pts, c, lot_exp, err) != 0;
}

std::optional<bool> sweep_pending(Db& db, int64_t now, std::string& err) {
    for (const char* sql : {"SELECT 1 FROM points_redemptions WHERE status = 'reserved' AND expires_at <= ? LIMIT 1",
                            "SELECT 1 FROM points_lots WHERE remaining > 0 AND expires_at > 0 AND expires_at <= ? LIMIT 1"}) {
        Stmt st(db, sql);
        st.bind(1, now);
        Step s = st.step();
        if (s == Step::Error) return err = st.error(), std::nullopt;
        if (s == Step::Row) return true;
    }
    return false;
}

bool sweep(Db& db, int64_t now, std::string& err) {
    std::vector<Id> due;
    {
        // Sorted here, not by ORDER BY id: that made the planner scan every redemption in id
        // order instead of reading the few due ones from points_redemptions_due.
        Stmt st(db, "SELECT id FROM points_redemptions WHERE status = 'reserved' AND expires_at <= ?");
        st.bind(1, now);
        Step s;
        while ((s = st.step()) == Step::Row) due.push_back(st.i64(0));
        if (s == Step::Error) return fail(err, st.error());
        std::sort(due.begin(), due.end());
    }
    for (Id id : due)
        if (!expire_code(db, now, id, err)) return false;
    struct Lot {
        Id id, account, owner;
        int64_t remaining;
    };
    std::vector<Lot> lots;
    {
        Stmt st(db,
                "SELECT l.id, l.account_id, a.owner_id, l.remaining FROM points_lots l JOIN points_accounts a "
                "ON a.id = l.account_id WHERE l.remaining > 0 AND l.expires_at > 0 AND l.expires_at <= ? ORDER BY l.id");
        st.bind(1, now);
        Step s;
        while ((s = st.step()) == Step::Row) lots.push_back({st.i64(0), st.i64(1), st.i64(2), st.i64(3)});
        if (s == Step::Error) return fail(err, st.error());
    }
    auto exp = account(db, "expiry", 0, err);
    if (!exp) return false;
    for (const Lot& l : lots) {
        Stmt up(db, "UPDATE points_lots SET remaining = 0 WHERE id = ?");
        up.bind(1, l.id);
        if (!up.exec()) return fail(err, up.error());
        auto district = volunteer_district(db, l.owner, err);
        if (!err.empty()) return false;
        Cause c{"expire", "lot", l.id, std::nullopt, 0, "积分到期", district};
        if (!post(db, now, l.account, *exp, l.remaining, c, 0, err)) return false;
    }
    return true;
}

// ---- redemption -----------------------------------------------------------------------------

Result redeem(Db& db, int64_t now, Id user, Id reward, int64_t quantity, std::string& err) {
    Result r;
    auto error = [&]() { r.outcome = Outcome::Error; return r; };
    Stmt st(db,
            "SELECT w.merchant_id, w.points, w.stock, w.per_person_limit, w.name, m.district_id "
            "FROM points_rewards w JOIN points_merchants m ON m.id = w.merchant_id WHERE w.id = ?");
    st.bind(1, reward);
    Step s = st.step();
    if (s == Step::Error) return err = st.error(), error();
    if (s != Step::Row) return r.outcome = Outcome::NotFound, r;
    Id merchant = st.i64(0);
    int64_t price = st.i64(1), stock = st.i64(2), limit = st.i64(3);
    std::string name = st.text(4);
    Id district = st.i64(5);
    Stmt used_q(db,
                "SELECT COALESCE(SUM(quantity), 0) FROM points_redemptions WHERE user_id = ? AND reward_id = ? "
                "AND status IN ('reserved', 'settled')");
    used_q.bind(1, user).bind(2, reward);
    auto used = one(used_q, err);
    if (!used) return error();
    if (*used + quantity > limit) {
        r.outcome = Outcome::LimitReached;
        r.params = {{"limit", std::to_string(limit)}, {"used", std::to_string(*used)}};
        return r;
    }
    if (stock < quantity) {
        r.outcome = Outcome::OutOfStock;
        r.params = {{"stock", std::to_string(stock)}};
        return r;
    }
    auto vol = account(db, "volunteer", user, err);
    auto esc = account(db, "escrow", 0, err);
    if (!vol || !esc) return error();
    auto bal = balance(db, *vol, err);
    if (!bal) return error();
    int64_t need = price * quantity;
    if (*bal < need) {
        r.outcome = Outcome::Insufficient;
        r.params = {{"balance", std::to_string(*bal)}, {"needed", std::to_string(need)}};
        return r;
    }
    Rule rule;
    if (!rule_at(db, now, rule, err)) return error();
    Stmt take(db, "UPDATE points_rewards SET stock = stock - ? WHERE id = ? AND stock >= ?");
    take.bind(1, quantity).bind(2, reward).bind(3, quantity);
    if (!take.exec()) return err = take.error(), error();
    if (db.changes() != 1) return r.outcome = Outcome::OutOfStock, r.params = {{"stock", "0"}}, r;
    // A fresh 8-digit code (unique over all codes ever issued).
    std::string code;
    for (int attempt = 0; attempt < 20 && code.empty(); ++attempt) {
        std::string b = random_bytes(8);
        uint64_t v = 0;
        for (unsigned char c : b) v = v << 8 | c;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>(v % 100000000ULL));
        Stmt dup(db, "SELECT 1 FROM points_redemptions WHERE code = ?");
        dup.bind(1, std::string(buf));
        Step ds = dup.step();
        if (ds == Step::Error) return err = dup.error(), error();
        if (ds == Step::Done) code = buf;
    }
    if (code.empty()) return err = "no free pickup code", error();
    Stmt ins(db,
             "INSERT INTO points_redemptions(user_id, reward_id, merchant_id, quantity, points, code, status, "
             "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 'reserved', ?, ?)");
    ins.bind(1, user).bind(2, reward).bind(3, merchant).bind(4, quantity).bind(5, need).bind(6, code).bind(7, now)
        .bind(8, now + rule.code_life_minutes * 60);
    if (!ins.exec()) return err = ins.error(), error();
    r.id = db.last_insert_rowid();
    int64_t first_expiry = 0;
    Cause c{"redeem", "redemption", r.id, std::nullopt, user, name, district};
    if (!post(db, now, *vol, *esc, need, c, 0, err, &first_expiry)) return error();
    Stmt keep(db, "UPDATE points_redemptions SET refund_expires_at = ? WHERE id = ?");
    keep.bind(1, first_expiry).bind(2, r.id);
    if (!keep.exec()) return err = keep.error(), error();
    return r;
}

Result settle(Db& db, int64_t now, Id clerk, const std::string& text, std::string& err) {
    Result r;
    std::string code = code_of(text);
    if (code.empty()) return r.outcome = Outcome::NotFound, r;
    Stmt st(db,
            "SELECT r.id, r.status, r.expires_at, r.settled_at, r.expired_at, r.points, r.merchant_id, w.name, m.district_id "
            "FROM points_redemptions r JOIN points_merchants m ON m.id = r.merchant_id "
            "JOIN points_rewards w ON w.id = r.reward_id WHERE r.code = ? AND m.owner_user_id = ?");
    st.bind(1, code).bind(2, clerk);
    Step s = st.step();
    if (s == Step::Error) return err = st.error(), r.outcome = Outcome::Error, r;
    if (s != Step::Row) return r.outcome = Outcome::NotFound, r;
    r.id = st.i64(0);
    std::string status = st.text(1);
    int64_t expires = st.i64(2), pts = st.i64(5);
    Id merchant = st.i64(6), district = st.i64(8);
    std::string name = st.text(7);
    if (status == "settled") {
        r.outcome = Outcome::Used;
        r.params = {{"settled_at", std::to_string(st.i64(3))}};
        return r;
    }
    if (status == "reserved" && expires <= now) {
        if (!expire_code(db, now, r.id, err)) return r.outcome = Outcome::Error, r;
        status = "expired";
    }
    if (status == "expired") {
        r.outcome = Outcome::Expired;
        return r;
    }
    Stmt up(db,
            "UPDATE points_redemptions SET status = 'settled', settled_at = ?, settled_by = ? "
            "WHERE id = ? AND status = 'reserved'");
    up.bind(1, now).bind(2, clerk).bind(3, r.id);
    if (!up.exec()) return err = up.error(), r.outcome = Outcome::Error, r;
    auto esc = account(db, "escrow", 0, err);
    auto acc = account(db, "merchant", merchant, err);
    if (!esc || !acc) return r.outcome = Outcome::Error, r;
    Cause c{"settle", "redemption", r.id, std::nullopt, clerk, name, district};
    if (!post(db, now, *esc, *acc, pts, c, 0, err)) r.outcome = Outcome::Error;
    return r;
}

// ---- donation, holds --------------------------------------------------------------------------

Result donate(Db& db, int64_t now, Id user, Id fund, int64_t pts, std::string& err) {
    Result r;
    Stmt f(db, "SELECT name FROM points_funds WHERE id = ?");
    f.bind(1, fund);
    Step s = f.step();
    if (s == Step::Error) return err = f.error(), r.outcome = Outcome::Error, r;
    if (s != Step::Row) return r.outcome = Outcome::NotFound, r;
    std::string name = f.text(0);
    auto vol = account(db, "volunteer", user, err);
    auto acc = account(db, "fund", fund, err);
    if (!vol || !acc) return r.outcome = Outcome::Error, r;
    auto bal = balance(db, *vol, err);
    if (!bal) return r.outcome = Outcome::Error, r;
    if (*bal < pts) {
        r.outcome = Outcome::Insufficient;
        r.params = {{"balance", std::to_string(*bal)}, {"needed", std::to_string(pts)}};
        return r;
    }
    Stmt ins(db, "INSERT INTO points_donations(user_id, fund_id, points, at) VALUES (?, ?, ?, ?)");
    ins.bind(1, user).bind(2, fund).bind(3, pts).bind(4, now);
    if (!ins.exec()) return err = ins.error(), r.outcome = Outcome::Error, r;
    r.id = db.last_insert_rowid();
    auto district = volunteer_district(db, user, err);
    if (!err.empty()) return r.outcome = Outcome::Error, r;
    Cause c{"donate", "donation", r.id, std::nullopt, user, name, district};
    if (!post(db, now, *vol, *acc, pts, c, 0, err)) r.outcome = Outcome::Error;
    return r;
}

Result resolve_hold(Db& db, int64_t now, Id admin, Id hold, bool apply, const std::string& reason, std::string& err) {
    Result r;
    r.id = hold;
    Stmt st(db, "SELECT user_id, points, status, reason FROM points_holds WHERE id = ?");
    st.bind(1, hold);
    Step s = st.step();
    if (s == Step::Error) return err = st.error(), r.outcome = Outcome::Error, r;
    if (s != Step::Row) return r.outcome = Outcome::NotFound, r;
    Id user = st.i64(0);
    int64_t pts = st.i64(1);
    std::string why = st.text(3);
    if (st.text(2) != "held") return r.outcome = Outcome::Decided, r;
    if (apply) {
        auto vol = account(db, "volunteer", user, err);
        auto iss = account(db, "issuance", 0, err);
        if (!vol || !iss) return r.outcome = Outcome::Error, r;
        auto bal = balance(db, *vol, err);
        if (!bal) return r.outcome = Outcome::Error, r;
        if (*bal < pts) {
            r.outcome = Outcome::Insufficient;
            r.params = {{"balance", std::to_string(*bal)}, {"needed", std::to_string(pts)}};
            return r;
        }
        auto district = volunteer_district(db, user, err);
        if (!err.empty()) return r.outcome = Outcome::Error, r;
        Cause c{"hold_applied", "hold", hold, std::nullopt, admin, why, district};
        if (!post(db, now, *vol, *iss, pts, c, 0, err)) return r.outcome = Outcome::Error, r;
    }
    Stmt up(db,
            "UPDATE points_holds SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ? "
            "WHERE id = ? AND status = 'held'");
    up.bind(1, apply ? "applied" : "waived").bind(2, now).bind(3, admin).bind(4, reason).bind(5, hold);
    if (!up.exec()) return err = up.error(), r.outcome = Outcome::Error, r;
    return r;
}

// ---- invariants -------------------------------------------------------------------------------

std::string check_invariants(Db& db) {
    auto scalar = [&](const char* sql, int64_t& out) -> std::string {
        Stmt st(db, sql);
        Step s = st.step();
        if (s != Step::Row) return std::string("query failed: ") + sql + ": " + st.error();
        out = st.i64(0);
        return "";
    };
    int64_t v = 0;
    std::string e;
    if (!(e = scalar("SELECT COALESCE(SUM(balance), 0) FROM points_accounts", v)).empty()) return e;
    if (v != 0) return "accounts sum to " + std::to_string(v);
    if (!(e = scalar("SELECT count(*) FROM points_accounts WHERE kind != 'issuance' AND balance < 0", v)).empty()) return e;
    if (v != 0) return std::to_string(v) + " negative balances";
    // One pass over the postings and the lots, grouped, then joined: a correlated sum per
    // account read the whole lots table once per account (hours at the city's size).
    if (!(e = scalar("SELECT count(*) FROM points_accounts a LEFT JOIN "
                     "(SELECT account, SUM(points) AS net FROM (SELECT to_account AS account, points FROM points_postings "
                     "UNION ALL SELECT from_account, -points FROM points_postings) GROUP BY account) t "
                     "ON t.account = a.id WHERE a.balance != COALESCE(t.net, 0)",
                     v))
             .empty())
        return e;
    if (v != 0) return std::to_string(v) + " balances differ from the replayed ledger";
    if (!(e = scalar("SELECT count(*) FROM points_accounts a LEFT JOIN "
                     "(SELECT account_id, SUM(remaining) AS left_over FROM points_lots GROUP BY account_id) l "
                     "ON l.account_id = a.id WHERE a.kind = 'volunteer' AND a.balance != COALESCE(l.left_over, 0)",
                     v))
             .empty())
        return e;
    if (v != 0) return std::to_string(v) + " volunteers' lots differ from their balance";
    if (!(e = scalar("SELECT (SELECT balance FROM points_accounts WHERE kind = 'escrow') - "
                     "COALESCE((SELECT SUM(points) FROM points_redemptions WHERE status = 'reserved'), 0)",
                     v))
             .empty())
        return e;
    if (v != 0) return "escrow differs from the reserved codes by " + std::to_string(v);
    return "";
}

}  // namespace zygc::server::points
