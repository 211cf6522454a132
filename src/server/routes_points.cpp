// Points routes (issue 12, 回馈 · 再奉献): /points/rules, /me/points, /rewards, /merchants,
// /redemptions (+ verify), /me/redemptions, /merchant/redemptions, /funds, /donations,
// /stats/points, /points/holds. The ledger itself is points.cpp.
//
// Every points route takes the writer lock and first settles what is due (points::sweep:
// expired pickup codes are refunded, expired points posted to the expiry account) in its own
// transaction, so an answer never shows a code as reserved after its expiry, nor stock that
// an expired code still holds: expiry is lazy (on any points request) and exactly once.
#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"

namespace zygc::server {

namespace {

const char* const kCategories[] = {"transit", "museum", "park", "shop", "service"};

// Runs fn in BEGIN IMMEDIATE; a reply below 300 commits, anything else rolls back.
Reply in_tx(App& app, const std::function<Reply()>& fn) {
    if (!app.db.begin()) return internal_error(app.db.last_error());
    Reply r = fn();
    if (r.status >= 300) {
        app.db.rollback();
        return r;
    }
    if (!app.db.commit()) {
        std::string e = app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return r;
}

// Settles what is due (its own transaction); nullopt when fine, else the 500 to send.
std::optional<Reply> settle_due(App& app) {
    Reply r = in_tx(app, [&]() -> Reply {
        std::string err;
        if (!points::sweep(app.db, app.now(), err)) return internal_error(err);
        return Reply{200};
    });
    if (r.status != 200) return r;
    return std::nullopt;
}

// Public reads: the writer lock (the sweep may write), no session needed.
void public_read(App& app, const httplib::Request& req, httplib::Response& res, const std::function<Reply()>& fn) {
    Reply reply;
    {
        std::lock_guard lock(app.db_mutex);
        auto due = settle_due(app);
        reply = due ? *due : fn();
    }
    send_reply(req, res, reply);
}

Params to_params(const std::vector<std::pair<std::string, std::string>>& ps) {
    Params out;
    for (const auto& [k, v] : ps) out.push_back({k, v});
    return out;
}

json opt_time(const Stmt& st, int c) { return st.is_null(c) ? json(nullptr) : json(format_cst(st.i64(c))); }

// ---- pages ----------------------------------------------------------------------------------

struct PageQuery {
    int limit = 20;
    int64_t offset = 0;
};
// Offset cursors bound to the query's other parameters (Query::cursor).
std::string page_signature(const httplib::Request& req, std::initializer_list<const char*> names) {
    std::string canon = req.path;
    for (const char* n : names) canon += std::string("&") + n + "=" + (req.has_param(n) ? req.get_param_value(n) : "");
    return canon;
}

json page_json(json items, int64_t total, const PageQuery& pq, uint64_t sig) {
    json out = {{"items", items}, {"total", total}, {"next_cursor", nullptr}};
    int64_t next = pq.offset + static_cast<int64_t>(items.size());
    if (!items.empty() && next < total) out["next_cursor"] = make_cursor(next, sig);
    return out;
}

std::optional<Reply> district_missing(App& app, Id d) {
    Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
    st.bind(1, d);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    if (s == Step::Done)
        return problem_reply(422, "invalid", "没有这个区县", {field_error("district_id", "not_found", "no such district")});
    return std::nullopt;
}

// ---- JSON of the rows -------------------------------------------------------------------------

json rule_json(const points::Rule& r) {
    return {{"version", r.version}, {"minutes_per_point", r.minutes_per_point}, {"expiry_months", r.expiry_months},
            {"code_life_minutes", r.code_life_minutes}, {"effective_from", format_cst(r.effective_from)}, {"note", r.note}};
}

constexpr const char* kRewardCols =
    "w.id, w.name, w.description, w.category, w.merchant_id, m.name, m.district_id, w.points, w.stock, "
    "w.per_person_limit FROM points_rewards w JOIN points_merchants m ON m.id = w.merchant_id ";
json reward_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"name", st.text(1)}, {"description", st.text(2)}, {"category", st.text(3)},
            {"merchant", {{"id", st.i64(4)}, {"name", st.text(5)}}}, {"district_id", st.i64(6)},
            {"points", st.i64(7)}, {"stock", st.i64(8)}, {"per_person_limit", st.i64(9)}};
}

constexpr const char* kMerchantCols =
    "m.id, m.name, m.district_id, m.address, m.kind, m.owner_user_id, "
    "(SELECT count(*) FROM points_rewards w WHERE w.merchant_id = m.id) FROM points_merchants m ";
json merchant_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"name", st.text(1)}, {"district_id", st.i64(2)}, {"address", st.text(3)},
            {"kind", st.text(4)}, {"owner_user_id", st.is_null(5) ? json(nullptr) : json(st.i64(5))},
            {"reward_count", st.i64(6)}};
}

constexpr const char* kRedemptionCols =
    "r.id, r.reward_id, w.name, r.merchant_id, m.name, r.quantity, r.points, r.code, r.expires_at, r.status, "
    "r.created_at, r.settled_at, r.expired_at, u.display_name FROM points_redemptions r "
    "JOIN points_rewards w ON w.id = r.reward_id JOIN points_merchants m ON m.id = r.merchant_id "
    "JOIN users u ON u.id = r.user_id ";
json redemption_json(const Stmt& st, bool merchant_view) {
    std::string code = st.text(7), status = st.text(9);
    bool mask = merchant_view && status == "reserved";
    json j = {{"id", st.i64(0)},
              {"reward", {{"id", st.i64(1)}, {"name", st.text(2)}}},
              {"merchant", {{"id", st.i64(3)}, {"name", st.text(4)}}},
              {"quantity", st.i64(5)},
              {"points", st.i64(6)},
              {"code", mask ? "******" + code.substr(6) : code},
              {"qr_payload", mask ? "" : "zygc:pickup:" + code},
              {"expires_at", format_cst(st.i64(8))},
              {"status", status},
              {"created_at", format_cst(st.i64(10))},
              {"settled_at", opt_time(st, 11)},
              {"expired_at", opt_time(st, 12)}};
    if (merchant_view) j["volunteer_name"] = st.text(13);
    return j;
}

constexpr const char* kFundCols =
    "f.id, f.name, f.description, f.brand_slug, COALESCE(a.balance, 0), "
    "(SELECT count(*) FROM points_donations d WHERE d.fund_id = f.id), "
    "(SELECT count(DISTINCT d.user_id) FROM points_donations d WHERE d.fund_id = f.id) "
    "FROM points_funds f LEFT JOIN points_accounts a ON a.kind = 'fund' AND a.owner_id = f.id ";
json fund_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"name", st.text(1)}, {"description", st.text(2)},
            {"brand_slug", st.is_null(3) ? json(nullptr) : json(st.text(3))}, {"total_points", st.i64(4)},
            {"donation_count", st.i64(5)}, {"donor_count", st.i64(6)}};
}

constexpr const char* kHoldCols =
    "h.id, h.user_id, u.display_name, h.attendance_id, h.points, "
    "COALESCE((SELECT balance FROM points_accounts a WHERE a.kind = 'volunteer' AND a.owner_id = h.user_id), 0), "
    "h.reason, h.status, h.created_at, h.decided_at, h.decision_reason FROM points_holds h JOIN users u ON u.id = h.user_id ";
json hold_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"user_id", st.i64(1)}, {"display_name", st.text(2)}, {"attendance_id", st.i64(3)},
            {"points", st.i64(4)}, {"balance", st.i64(5)}, {"reason", st.text(6)}, {"status", st.text(7)},
            {"created_at", format_cst(st.i64(8))}, {"decided_at", opt_time(st, 9)},
            {"decision_reason", st.is_null(10) ? json(nullptr) : json(st.text(10))}};
}

// Rows of `sql` (bound to args) mapped by fn; false on a database failure (err set).
bool rows(App& app, const std::string& sql, const std::vector<SqlValue>& args, const std::function<json(const Stmt&)>& fn,
          json& out, std::string& err) {
    Stmt st(app.db, sql);
    st.bind_all(args);
    Step s;
    while ((s = st.step()) == Step::Row) out.push_back(fn(st));
    if (s == Step::Error) return err = st.error(), false;
    return true;
}
std::optional<int64_t> count(App& app, const std::string& sql, const std::vector<SqlValue>& args, std::string& err) {
    Stmt st(app.db, sql);
    st.bind_all(args);
    if (st.step() != Step::Row) return err = st.error(), std::nullopt;
    return st.i64(0);
}

// A page of `cols` + `from_where` ordered by `order`.
Reply page_reply(App& app, const httplib::Request& req, Query& q, std::initializer_list<const char*> names,
                 const char* cols, const std::string& where, const std::vector<SqlValue>& args, const char* order,
                 const std::function<json(const Stmt&)>& fn) {
    PageQuery pq;
    pq.limit = q.limit();
    uint64_t sig = fnv1a64(page_signature(req, names));
    pq.offset = q.cursor(sig);
    if (!q.ok()) return problem_reply(q.problem());
    std::string err;
    std::string from = std::string(cols);
    auto total = count(app, "SELECT count(*) FROM (SELECT " + from + where + ")", args, err);
    if (!total) return internal_error(err);
    std::vector<SqlValue> a = args;
    a.push_back(int64_t{pq.limit});
    a.push_back(pq.offset);
    json items = json::array();
    if (!rows(app, "SELECT " + from + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", a, fn, items, err))
        return internal_error(err);
    return json_reply(page_json(items, *total, pq, sig));
}

std::optional<Reply> need_role(App& app, Id user, const char* role, const char* detail) {
    auto has = has_role(app, user, role);
    if (!has) return problem_reply(internal_problem());
    if (!*has) return forbidden_role(role, detail);
    return std::nullopt;
}

// ---- handlers -------------------------------------------------------------------------------

void get_rules(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&]() -> Reply {
        json out = json::array();
        std::string err;
        auto fn = [](const Stmt& st) {
            points::Rule r{st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.i64(4), st.text(5)};
            return rule_json(r);
        };
        if (!rows(app,
                  "SELECT version, minutes_per_point, expiry_months, code_life_minutes, effective_from, note "
                  "FROM points_rules ORDER BY version DESC",
                  {}, fn, out, err))
            return internal_error(err);
        return json_reply(out);
    });
}

Reply my_points(App& app, Id user) {
    if (auto due = settle_due(app)) return *due;
    std::string err;
    auto acc = points::account(app.db, "volunteer", user, err);  // harmless: an empty account
    if (!acc) return internal_error(err);
    int64_t now = app.now();
    points::Rule rule;
    if (!points::rule_at(app.db, now, rule, err)) return internal_error(err);
    auto bal = points::balance(app.db, *acc, err);
    if (!bal) return internal_error(err);
    auto reserved = count(app, "SELECT COALESCE(SUM(points), 0) FROM points_redemptions WHERE user_id = ? AND status = 'reserved'",
                          {user}, err);
    auto earned = count(app,
                        "SELECT COALESCE(SUM(CASE WHEN kind = 'earn' THEN points ELSE -points END), 0) FROM points_postings "
                        "WHERE (kind = 'earn' AND to_account = ?1) OR (kind IN ('reversal', 'hold_applied') AND from_account = ?1)",
                        {*acc}, err);
    auto n_entries = count(app, "SELECT count(*) FROM points_postings WHERE from_account = ?1 OR to_account = ?1", {*acc}, err);
    if (!reserved || !earned || !n_entries) return internal_error(err);
    json expiring = json::array();
    {
        // Lots expiring within 90 days, grouped by their last day.
        Stmt st(app.db,
                "SELECT expires_at, SUM(remaining) FROM points_lots WHERE account_id = ? AND remaining > 0 "
                "AND expires_at > 0 AND expires_at <= ? GROUP BY expires_at ORDER BY expires_at");
        st.bind(1, *acc).bind(2, now + 90 * 86400);
        std::map<std::string, int64_t> by_day;
        std::vector<std::string> order;
        Step s;
        while ((s = st.step()) == Step::Row) {
            std::string day = format_cst(st.i64(0) - 1).substr(0, 10);
            if (!by_day.count(day)) order.push_back(day);
            by_day[day] += st.i64(1);
        }
        if (s == Step::Error) return internal_error(st.error());
        for (const auto& d : order) expiring.push_back({{"points", by_day[d]}, {"on", d}});
    }
    json entries = json::array();
    auto entry = [&](const Stmt& st) {
        bool in = st.i64(2) == *acc;
        std::string counter_kind = in ? st.text(11) : st.text(12);
        int64_t counter_owner = in ? st.i64(13) : st.i64(14);
        std::string counter_name = st.text(15);
        if (counter_kind == "issuance") counter_name = "城市积分发行";
        else if (counter_kind == "escrow") counter_name = "兑换托管";
        else if (counter_kind == "expiry") counter_name = "积分过期";
        return json{{"id", st.i64(0)},
                    {"at", format_cst(st.i64(1))},
                    {"points", in ? st.i64(4) : -st.i64(4)},
                    {"account", "volunteer:" + std::to_string(user)},
                    {"counter_account", counter_kind + ":" + std::to_string(counter_owner)},
                    {"counter_name", counter_name},
                    {"reason", st.text(5)},
                    {"detail", st.text(10)},
                    {"ref", {{"kind", st.text(6)}, {"id", st.i64(7)}}},
                    {"rule_version", st.is_null(8) ? json(nullptr) : json(st.i64(8))},
                    {"by", st.is_null(9) ? json(nullptr) : json(st.i64(9))}};
    };
    if (!rows(app,
              "SELECT p.id, p.at, p.to_account, p.from_account, p.points, p.kind, p.ref_kind, p.ref_id, p.rule_version, "
              "p.by_user, p.why, fa.kind, ta.kind, fa.owner_id, ta.owner_id, "
              "COALESCE((SELECT name FROM points_merchants WHERE id = CASE WHEN p.to_account = ?1 THEN fa.owner_id ELSE ta.owner_id END "
              "  AND (CASE WHEN p.to_account = ?1 THEN fa.kind ELSE ta.kind END) = 'merchant'), "
              "  (SELECT name FROM points_funds WHERE id = CASE WHEN p.to_account = ?1 THEN fa.owner_id ELSE ta.owner_id END "
              "  AND (CASE WHEN p.to_account = ?1 THEN fa.kind ELSE ta.kind END) = 'fund'), '') "
              "FROM points_postings p JOIN points_accounts fa ON fa.id = p.from_account "
              "JOIN points_accounts ta ON ta.id = p.to_account "
              "WHERE p.from_account = ?1 OR p.to_account = ?1 ORDER BY p.id DESC LIMIT 200",
              {*acc}, entry, entries, err))
        return internal_error(err);
    json holds = json::array();
    if (!rows(app, std::string("SELECT ") + kHoldCols + "WHERE h.user_id = ? ORDER BY h.id DESC LIMIT 50", {user},
              hold_json, holds, err))
        return internal_error(err);
    return json_reply({{"balance", *bal}, {"reserved", *reserved}, {"earned_total", *earned}, {"expiring", expiring},
                       {"entries", entries}, {"entry_count", *n_entries}, {"holds", holds}, {"rule", rule_json(rule)}});
}

void get_my_points(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user(app, req, res, [&](Id user) { return my_points(app, user); });
}

void get_rewards(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&]() -> Reply {
        Query q(req);
        auto district = q.id("district_id");
        auto category = q.one_of("category", {"transit", "museum", "park", "shop", "service"});
        auto merchant = q.id("merchant_id");
        if (q.ok() && district)
            if (auto bad = district_missing(app, *district)) return *bad;
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (district) where += " AND m.district_id = ?", args.push_back(*district);
        if (category) where += " AND w.category = ?", args.push_back(*category);
        if (merchant) where += " AND w.merchant_id = ?", args.push_back(*merchant);
        return page_reply(app, req, q, {"district_id", "category", "merchant_id", "limit"}, kRewardCols, where, args,
                          "w.id", reward_json);
    });
}

void get_reward(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    Reply reply;
    {
        std::lock_guard lock(app.db_mutex);
        auto due = settle_due(app);
        auto user = session_user(app, req);
        if (due) reply = *due;
        else if (!user) reply = problem_reply(internal_problem());
        else if (!id) reply = problem_reply(404, "not_found", "没有这个兑换项目");
        else {
            Stmt st(app.db, std::string("SELECT ") + kRewardCols + "WHERE w.id = ?");
            st.bind(1, *id);
            Step s = st.step();
            if (s == Step::Error) reply = internal_error(st.error());
            else if (s == Step::Done) reply = problem_reply(404, "not_found", "没有这个兑换项目");
            else {
                json j = reward_json(st);
                std::string err;
                if (*user) {
                    auto mine = count(app,
                                      "SELECT COALESCE(SUM(quantity), 0) FROM points_redemptions WHERE user_id = ? "
                                      "AND reward_id = ? AND status IN ('reserved', 'settled')",
                                      {*user, *id}, err);
                    if (!mine) reply = internal_error(err);
                    else j["my_redeemed"] = *mine;
                }
                if (err.empty()) reply = json_reply(j);
            }
        }
    }
    send_reply(req, res, reply);
}

// Body field helpers for the admin forms.
struct Form {
    const json& body;
    std::vector<FieldError> errs;
    std::optional<std::string> text(const char* f, size_t max, bool required) {
        auto it = body.find(f);
        if (it == body.end() || it->is_null()) {
            if (required) errs.push_back(field_error(f, "required", "必填"));
            return std::nullopt;
        }
        if (!it->is_string()) return errs.push_back(field_error(f, "invalid", "应为文字")), std::nullopt;
        std::string v = it->get<std::string>();
        size_t a = v.find_first_not_of(" \t\r\n"), b = v.find_last_not_of(" \t\r\n");
        v = a == std::string::npos ? "" : v.substr(a, b - a + 1);
        if (required && v.empty()) return errs.push_back(field_error(f, "required", "必填")), std::nullopt;
        if (utf8_length(v) > max)
            return errs.push_back(field_error(f, "too_long", "太长", {{"max", std::to_string(max)}})), std::nullopt;
        return v;
    }
    std::optional<int64_t> integer(const char* f, int64_t lo, int64_t hi, bool required) {
        auto it = body.find(f);
        if (it == body.end() || it->is_null()) {
            if (required) errs.push_back(field_error(f, "required", "必填"));
            return std::nullopt;
        }
        if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi)
            return errs.push_back(field_error(f, "out_of_range", std::to_string(lo) + ".." + std::to_string(hi),
                                              {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}})),
                   std::nullopt;
        return it->get<int64_t>();
    }
};

Reply invalid_form(std::vector<FieldError> errs) { return problem_reply(422, "invalid", "请检查填写的内容", std::move(errs)); }

Reply create_merchant(App& app, Id user, const json& body) {
    if (auto bad = need_role(app, user, "admin", "只有管理员可以添加商户")) return *bad;
    if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
    Form f{body, {}};
    auto name = f.text("name", 100, true);
    auto district = f.integer("district_id", 1, INT64_MAX, true);
    auto address = f.text("address", 200, false);
    auto kind = f.text("kind", 10, false);
    auto owner = f.integer("owner_user_id", 1, INT64_MAX, false);
    if (kind && *kind != "shop" && *kind != "public") f.errs.push_back(field_error("kind", "invalid", "shop|public"));
    std::string err;
    if (district && !*count(app, "SELECT count(*) FROM districts WHERE id = ?", {*district}, err))
        f.errs.push_back(field_error("district_id", "not_found", "没有这个区县"));
    if (owner && !*count(app, "SELECT count(*) FROM users WHERE id = ?", {*owner}, err))
        f.errs.push_back(field_error("owner_user_id", "not_found", "没有这个用户"));
    if (!err.empty()) return internal_error(err);
    if (!f.errs.empty()) return invalid_form(f.errs);
    Id created = 0;
    Reply r = in_tx(app, [&]() -> Reply {
        Stmt ins(app.db,
                 "INSERT INTO points_merchants(name, district_id, address, kind, owner_user_id, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, *name).bind(2, *district).bind(3, address.value_or("")).bind(4, kind.value_or("shop"));
        if (owner) ins.bind(5, *owner);
        else ins.bind_null(5);
        ins.bind(6, app.now());
        if (!ins.exec()) return internal_error(ins.error());
        created = app.db.last_insert_rowid();
        return Reply{201};
    });
    if (r.status != 201) return r;
    Stmt st(app.db, std::string("SELECT ") + kMerchantCols + "WHERE m.id = ?");
    st.bind(1, created);
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(merchant_json(st), 201);
}

Reply create_reward(App& app, Id user, const json& body) {
    if (auto bad = need_role(app, user, "admin", "只有管理员可以添加兑换项目")) return *bad;
    if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
    Form f{body, {}};
    auto merchant = f.integer("merchant_id", 1, INT64_MAX, true);
    auto name = f.text("name", 100, true);
    auto description = f.text("description", 2000, false);
    auto category = f.text("category", 20, true);
    auto pts = f.integer("points", 1, 100000, true);
    auto stock = f.integer("stock", 0, 1000000, true);
    auto limit = f.integer("per_person_limit", 1, 100, true);
    if (category && std::find_if(std::begin(kCategories), std::end(kCategories),
                                 [&](const char* c) { return *category == c; }) == std::end(kCategories))
        f.errs.push_back(field_error("category", "invalid", "transit|museum|park|shop|service"));
    std::string err;
    if (merchant && !*count(app, "SELECT count(*) FROM points_merchants WHERE id = ?", {*merchant}, err))
        f.errs.push_back(field_error("merchant_id", "not_found", "没有这个商户"));
    if (!err.empty()) return internal_error(err);
    if (!f.errs.empty()) return invalid_form(f.errs);
    Id created = 0;
    Reply r = in_tx(app, [&]() -> Reply {
        Stmt ins(app.db,
                 "INSERT INTO points_rewards(merchant_id, name, description, category, points, stock, per_person_limit, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, *merchant).bind(2, *name).bind(3, description.value_or("")).bind(4, *category).bind(5, *pts)
            .bind(6, *stock).bind(7, *limit).bind(8, app.now());
        if (!ins.exec()) return internal_error(ins.error());
        created = app.db.last_insert_rowid();
        return Reply{201};
    });
    if (r.status != 201) return r;
    Stmt st(app.db, std::string("SELECT ") + kRewardCols + "WHERE w.id = ?");
    st.bind(1, created);
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(reward_json(st), 201);
}

void get_merchants(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&]() -> Reply {
        Query q(req);
        auto district = q.id("district_id");
        if (q.ok() && district)
            if (auto bad = district_missing(app, *district)) return *bad;
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (district) where += " AND m.district_id = ?", args.push_back(*district);
        return page_reply(app, req, q, {"district_id", "limit"}, kMerchantCols, where, args, "m.id", merchant_json);
    });
}

Reply redemption_reply(App& app, Id id, int status, bool merchant_view) {
    Stmt st(app.db, std::string("SELECT ") + kRedemptionCols + "WHERE r.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) return internal_error(st.error().empty() ? "redemption vanished" : st.error());
    return json_reply(redemption_json(st, merchant_view), status);
}

Reply outcome_problem(const points::Result& r) {
    Params p = to_params(r.params);
    for (auto& [k, v] : p)
        if (k == "settled_at" || k == "expired_at") v = format_cst(std::stoll(v));
    switch (r.outcome) {
    case points::Outcome::Insufficient: return problem_reply(409, "insufficient_points", "积分不足", {}, p);
    case points::Outcome::OutOfStock: return problem_reply(409, "out_of_stock", "已兑完", {}, p);
    case points::Outcome::LimitReached: return problem_reply(409, "limit_reached", "已达到每人兑换上限", {}, p);
    case points::Outcome::Used: return problem_reply(409, "code_used", "该兑换码已核销", {}, p);
    case points::Outcome::Expired: return problem_reply(409, "code_expired", "该兑换码已过期，积分已退回", {}, p);
    case points::Outcome::Decided: return problem_reply(409, "hold_decided", "该更正已处理");
    case points::Outcome::NotFound: return problem_reply(404, "code_unknown", "没有这个兑换码");
    default: return problem_reply(internal_problem());
    }
}

Reply post_redemption(App& app, const httplib::Request& req, Id user, const json& body) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, true, idem.key)) return *bad;
    idem.active = true;
    idem.user = user;
    if (auto bad = need_role(app, user, "volunteer", "完成实名注册的志愿者才能兑换")) return *bad;
    if (auto due = settle_due(app)) return *due;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    Reply reply = [&]() -> Reply {
        if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
        Form f{body, {}};
        auto reward = f.integer("reward_id", 1, INT64_MAX, true);
        auto qty = f.integer("quantity", 1, 10, false);
        std::string err;
        if (reward && !*count(app, "SELECT count(*) FROM points_rewards WHERE id = ?", {*reward}, err))
            f.errs.push_back(field_error("reward_id", "not_found", "没有这个兑换项目"));
        if (!err.empty()) return internal_error(err);
        if (!f.errs.empty()) return invalid_form(f.errs);
        points::Result res;
        Reply r = in_tx(app, [&]() -> Reply {
            res = points::redeem(app.db, app.now(), user, *reward, qty.value_or(1), err);
            if (res.outcome == points::Outcome::Error) return internal_error(err);
            if (res.outcome != points::Outcome::Ok) return outcome_problem(res);
            return Reply{201};
        });
        if (r.status != 201) return r;
        return redemption_reply(app, res.id, 201, false);
    }();
    return idempotency_finish(app, idem, reply);
}

Reply verify(App& app, Id user, const json& body) {
    if (auto bad = need_role(app, user, "merchant", "只有合作商户的店员可以核销")) return *bad;
    std::string code;
    if (body.is_object())
        if (auto it = body.find("code"); it != body.end() && it->is_string()) code = it->get<std::string>();
    if (code.empty() || code.size() > 64)
        return invalid_form({field_error("code", "required", "请输入兑换码")});
    points::Result res;
    std::string err;
    // An expiry found here is committed (refund) even though the answer is a 409.
    Reply r = in_tx(app, [&]() -> Reply {
        res = points::settle(app.db, app.now(), user, code, err);
        if (res.outcome == points::Outcome::Error) return internal_error(err);
        return Reply{200};
    });
    if (r.status != 200) return r;
    if (res.outcome == points::Outcome::Expired) {
        Stmt st(app.db, "SELECT expired_at FROM points_redemptions WHERE id = ?");
        st.bind(1, res.id);
        if (st.step() == Step::Row) res.params = {{"expired_at", std::to_string(st.i64(0))}};
    }
    if (res.outcome != points::Outcome::Ok) return outcome_problem(res);
    return redemption_reply(app, res.id, 200, false);
}

void get_my_redemptions(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user(app, req, res, [&](Id user) -> Reply {
        if (auto due = settle_due(app)) return *due;
        Query q(req);
        auto status = q.one_of("status", {"reserved", "settled", "expired"});
        std::string where = "WHERE r.user_id = ?";
        std::vector<SqlValue> args{user};
        if (status) where += " AND r.status = ?", args.push_back(*status);
        return page_reply(app, req, q, {"status", "limit"}, kRedemptionCols, where, args, "r.id DESC",
                          [](const Stmt& st) { return redemption_json(st, false); });
    });
}

void get_merchant_redemptions(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user(app, req, res, [&](Id user) -> Reply {
        if (auto bad = need_role(app, user, "merchant", "只有合作商户的店员可以查看")) return *bad;
        if (auto due = settle_due(app)) return *due;
        Query q(req);
        auto status = q.one_of("status", {"reserved", "settled", "expired"});
        std::string where = "WHERE m.owner_user_id = ?";
        std::vector<SqlValue> args{user};
        if (status) where += " AND r.status = ?", args.push_back(*status);
        return page_reply(app, req, q, {"status", "limit"}, kRedemptionCols, where, args,
                          "r.id DESC",
                          [](const Stmt& st) { return redemption_json(st, true); });
    });
}

void get_funds(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&]() -> Reply {
        Query q(req);
        auto brand = q.text("brand");
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (brand) where += " AND f.brand_slug = ?", args.push_back(*brand);
        return page_reply(app, req, q, {"brand", "limit"}, kFundCols, where, args, "f.id", fund_json);
    });
}

Reply post_donation(App& app, const httplib::Request& req, Id user, const json& body) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, false, idem.key)) return *bad;
    idem.active = !idem.key.empty();
    idem.user = user;
    if (auto bad = need_role(app, user, "volunteer", "完成实名注册的志愿者才能捐赠积分")) return *bad;
    if (auto due = settle_due(app)) return *due;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    Reply reply = [&]() -> Reply {
        if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
        Form f{body, {}};
        auto fund = f.integer("fund_id", 1, INT64_MAX, true);
        auto pts = f.integer("points", 1, 100000, true);
        std::string err;
        if (fund && !*count(app, "SELECT count(*) FROM points_funds WHERE id = ?", {*fund}, err))
            f.errs.push_back(field_error("fund_id", "not_found", "没有这个基金"));
        if (!err.empty()) return internal_error(err);
        if (!f.errs.empty()) return invalid_form(f.errs);
        points::Result res;
        Reply r = in_tx(app, [&]() -> Reply {
            res = points::donate(app.db, app.now(), user, *fund, *pts, err);
            if (res.outcome == points::Outcome::Error) return internal_error(err);
            if (res.outcome != points::Outcome::Ok) return outcome_problem(res);
            return Reply{201};
        });
        if (r.status != 201) return r;
        Stmt fs(app.db, std::string("SELECT ") + kFundCols + "WHERE f.id = ?");
        fs.bind(1, *fund);
        if (fs.step() != Step::Row) return internal_error(fs.error());
        json fj = fund_json(fs);
        auto acc = points::account(app.db, "volunteer", user, err);
        auto bal = acc ? points::balance(app.db, *acc, err) : std::nullopt;
        Stmt ds(app.db, "SELECT at FROM points_donations WHERE id = ?");
        ds.bind(1, res.id);
        if (!bal || ds.step() != Step::Row) return internal_error(err.empty() ? ds.error() : err);
        return json_reply({{"id", res.id}, {"fund", fj}, {"points", *pts}, {"at", format_cst(ds.i64(0))}, {"balance", *bal}},
                          201);
    }();
    return idempotency_finish(app, idem, reply);
}

Reply create_fund(App& app, Id user, const json& body) {
    if (auto bad = need_role(app, user, "admin", "只有管理员可以添加基金")) return *bad;
    if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
    Form f{body, {}};
    auto name = f.text("name", 100, true);
    auto description = f.text("description", 2000, false);
    auto brand = f.text("brand_slug", 100, false);
    std::string err;
    if (brand && !brand->empty() && !*count(app, "SELECT count(*) FROM brands WHERE slug = ?", {*brand}, err))
        f.errs.push_back(field_error("brand_slug", "not_found", "没有这个品牌"));
    if (!err.empty()) return internal_error(err);
    if (!f.errs.empty()) return invalid_form(f.errs);
    Id created = 0;
    Reply r = in_tx(app, [&]() -> Reply {
        Stmt ins(app.db, "INSERT INTO points_funds(name, description, brand_slug, created_at) VALUES (?, ?, ?, ?)");
        ins.bind(1, *name).bind(2, description.value_or(""));
        if (brand && !brand->empty()) ins.bind(3, *brand);
        else ins.bind_null(3);
        ins.bind(4, app.now());
        if (!ins.exec()) return internal_error(ins.error());
        created = app.db.last_insert_rowid();
        return Reply{201};
    });
    if (r.status != 201) return r;
    Stmt st(app.db, std::string("SELECT ") + kFundCols + "WHERE f.id = ?");
    st.bind(1, created);
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(fund_json(st), 201);
}

Reply points_stats(App& app, Id user) {
    if (auto bad = need_role(app, user, "admin", "只有管理员可以查看积分统计")) return *bad;
    if (auto due = settle_due(app)) return *due;
    std::string err;
    auto sum_kind = [&](const char* kinds) {
        return count(app, std::string("SELECT COALESCE(SUM(points), 0) FROM points_postings WHERE kind IN (") + kinds + ")",
                     {}, err);
    };
    auto earned = sum_kind("'earn'");
    auto reversed = sum_kind("'reversal', 'hold_applied'");
    auto redeemed = sum_kind("'settle'");
    auto donated = sum_kind("'donate'");
    auto expired = sum_kind("'expire'");
    auto reserved = count(app, "SELECT balance FROM points_accounts WHERE kind = 'escrow'", {}, err);
    auto outstanding = count(app, "SELECT COALESCE(SUM(balance), 0) FROM points_accounts WHERE kind = 'volunteer'", {}, err);
    if (!earned || !reversed || !redeemed || !donated || !expired || !reserved || !outstanding) return internal_error(err);
    constexpr const char* kTotals =
        "SUM(CASE kind WHEN 'earn' THEN points WHEN 'reversal' THEN -points WHEN 'hold_applied' THEN -points ELSE 0 END), "
        "SUM(CASE kind WHEN 'settle' THEN points ELSE 0 END), SUM(CASE kind WHEN 'donate' THEN points ELSE 0 END), "
        "SUM(CASE kind WHEN 'expire' THEN points ELSE 0 END) ";
    constexpr const char* kMonth = "strftime('%Y-%m', p.at + 28800, 'unixepoch')";
    auto totals = [](const Stmt& st, int c) {
        return json{{"issued", st.i64(c)}, {"redeemed", st.i64(c + 1)}, {"donated", st.i64(c + 2)}, {"expired", st.i64(c + 3)}};
    };
    json by_district = json::array(), by_month = json::array(), by_dm = json::array();
    bool ok = rows(app,
                   std::string("SELECT d.id, d.name, ") + kTotals +
                       "FROM points_postings p JOIN districts d ON d.id = p.district_id GROUP BY d.id ORDER BY d.id",
                   {},
                   [&](const Stmt& st) {
                       json j = totals(st, 2);
                       j["district_id"] = st.i64(0), j["name"] = st.text(1);
                       return j;
                   },
                   by_district, err) &&
              rows(app,
                   std::string("SELECT ") + kMonth + ", " + kTotals + "FROM points_postings p GROUP BY 1 ORDER BY 1", {},
                   [&](const Stmt& st) {
                       json j = totals(st, 1);
                       j["month"] = st.text(0);
                       return j;
                   },
                   by_month, err) &&
              rows(app,
                   std::string("SELECT p.district_id, ") + kMonth + ", " + kTotals +
                       "FROM points_postings p WHERE p.district_id IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1",
                   {},
                   [&](const Stmt& st) {
                       json j = totals(st, 2);
                       j["district_id"] = st.i64(0), j["month"] = st.text(1);
                       return j;
                   },
                   by_dm, err);
    if (!ok) return internal_error(err);
    return json_reply({{"issued", *earned - *reversed}, {"reversed", *reversed}, {"redeemed", *redeemed},
                       {"reserved", *reserved}, {"donated", *donated}, {"expired", *expired},
                       {"outstanding", *outstanding}, {"by_district", by_district}, {"by_month", by_month},
                       {"by_district_month", by_dm}});
}

void get_holds(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user(app, req, res, [&](Id user) -> Reply {
        if (auto bad = need_role(app, user, "admin", "只有管理员可以查看待复核的更正")) return *bad;
        Query q(req);
        auto status = q.one_of("status", {"held", "applied", "waived"});
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (status) where += " AND h.status = ?", args.push_back(*status);
        return page_reply(app, req, q, {"status", "limit"}, kHoldCols, where, args, "h.id DESC", hold_json);
    });
}

Reply resolve(App& app, Id user, const std::optional<int64_t>& id, const json& body) {
    if (auto bad = need_role(app, user, "admin", "只有管理员可以处理")) return *bad;
    if (!id) return problem_reply(404, "not_found", "没有这条待复核的更正");
    if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
    Form f{body, {}};
    auto decision = f.text("decision", 10, true);
    auto reason = f.text("reason", 500, true);
    if (decision && *decision != "apply" && *decision != "waive")
        f.errs.push_back(field_error("decision", "invalid", "apply|waive"));
    if (!f.errs.empty()) return invalid_form(f.errs);
    points::Result res;
    std::string err;
    Reply r = in_tx(app, [&]() -> Reply {
        res = points::resolve_hold(app.db, app.now(), user, *id, *decision == "apply", *reason, err);
        if (res.outcome == points::Outcome::Error) return internal_error(err);
        if (res.outcome == points::Outcome::NotFound) return problem_reply(404, "not_found", "没有这条待复核的更正");
        if (res.outcome != points::Outcome::Ok) return outcome_problem(res);
        return Reply{200};
    });
    if (r.status != 200) return r;
    Stmt st(app.db, std::string("SELECT ") + kHoldCols + "WHERE h.id = ?");
    st.bind(1, *id);
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(hold_json(st));
}

}  // namespace

void register_points_routes(App& app) {
    app.route("GET", R"(/api/v1/points/rules)", get_rules);
    app.route("GET", R"(/api/v1/me/points)", get_my_points);
    app.route("GET", R"(/api/v1/rewards)", get_rewards);
    app.route("POST", R"(/api/v1/rewards)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return create_reward(a, user, body); });
    });
    app.route("GET", R"(/api/v1/rewards/([^/]+))", get_reward);
    app.route("GET", R"(/api/v1/merchants)", get_merchants);
    app.route("POST", R"(/api/v1/merchants)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return create_merchant(a, user, body); });
    });
    app.route("POST", R"(/api/v1/redemptions)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true,
                           [&](Id user, const json& body) { return post_redemption(a, req, user, body); });
    });
    app.route("POST", R"(/api/v1/redemptions/verify)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return verify(a, user, body); });
    });
    app.route("GET", R"(/api/v1/me/redemptions)", get_my_redemptions);
    app.route("GET", R"(/api/v1/merchant/redemptions)", get_merchant_redemptions);
    app.route("GET", R"(/api/v1/funds)", get_funds);
    app.route("POST", R"(/api/v1/funds)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return create_fund(a, user, body); });
    });
    app.route("POST", R"(/api/v1/donations)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return post_donation(a, req, user, body); });
    });
    app.route("GET", R"(/api/v1/stats/points)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user(a, req, res, [&](Id user) { return points_stats(a, user); });
    });
    app.route("GET", R"(/api/v1/points/holds)", get_holds);
    app.route("POST", R"(/api/v1/points/holds/([^/]+)/resolve)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        auto id = path_id(req.matches[1]);
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return resolve(a, user, id, body); });
    });
}

}  // namespace zygc::server
