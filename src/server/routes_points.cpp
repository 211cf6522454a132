// Points routes (issue 12, 回馈 · 再奉献): /points/rules, /me/points, /rewards, /merchants,
// /redemptions (+ verify), /me/redemptions, /merchant/redemptions, /funds, /donations,
// /stats/points, /points/holds. The ledger itself is points.cpp.
// The parts are routes_points_{balance,rewards,merchants,funds,admin}.cpp; here what they
// share (transactions, pages, rows, forms, outcomes) and the registration of the routes.
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
#include "server/routes_points_internal.h"

namespace zygc::server::points_routes {

// Settles what is due (its own transaction); nullopt when fine, else the 500 to send.
std::optional<Reply> settle_due(App& app) {
    Reply r = in_transaction(app, [&]() -> Reply {
        std::string err;
        if (!points::sweep(app.db, app.now(), err)) return internal_error(err);
        return Reply{200};
    });
    if (r.status != 200) return r;
    return std::nullopt;
}

// Public reads, no session needed: on a reader of the pool, unless the sweep has something
// to settle (an expired reservation's stock to return, expired lots); then on the writer,
// after settling it. An anonymous flood of them does not hold the writer.
void public_read(App& app, const httplib::Request& req, httplib::Response& res, const std::function<Reply(Db& db)>& fn) {
    std::optional<Reply> reply;
    {
        ReadLease lease = app.read();
        reply = when_settled(app, lease.db(), false, [&] { return fn(lease.db()); });
    }
    if (!reply) reply = on_writer(app, [&] { return *when_settled(app, app.db, true, [&] { return fn(app.db); }); });
    send_reply(req, res, *reply);
}

std::optional<Reply> when_settled(App& app, Db& db, bool on_writer, const std::function<Reply()>& read) {
    if (on_writer) {
        if (auto due = settle_due(app)) return *due;
        return read();
    }
    std::string err;
    auto due = points::sweep_pending(db, app.now(), err);
    if (!due) return internal_error(err);
    if (*due) return std::nullopt;
    return read();
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

std::optional<Reply> district_missing(Db& db, Id d) {
    Stmt st(db, "SELECT 1 FROM districts WHERE id = ?");
    st.bind(1, d);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    if (s == Step::Done)
        return problem_reply(422, "invalid", "没有这个区县", {field_error("district_id", "not_found", "no such district")});
    return std::nullopt;
}

json hold_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"user_id", st.i64(1)}, {"display_name", st.text(2)}, {"attendance_id", st.i64(3)},
            {"points", st.i64(4)}, {"balance", st.i64(5)}, {"reason", st.text(6)}, {"status", st.text(7)},
            {"created_at", format_cst(st.i64(8))}, {"decided_at", opt_time(st, 9)},
            {"decision_reason", st.is_null(10) ? json(nullptr) : json(st.text(10))}};
}

// Rows of `sql` (bound to args) mapped by fn; false on a database failure (err set).
bool rows(Db& db, const std::string& sql, const std::vector<SqlValue>& args, const std::function<json(const Stmt&)>& fn,
          json& out, std::string& err) {
    Stmt st(db, sql);
    st.bind_all(args);
    Step s;
    while ((s = st.step()) == Step::Row) out.push_back(fn(st));
    if (s == Step::Error) return err = st.error(), false;
    return true;
}
std::optional<int64_t> count(Db& db, const std::string& sql, const std::vector<SqlValue>& args, std::string& err) {
    Stmt st(db, sql);
    st.bind_all(args);
    if (st.step() != Step::Row) return err = st.error(), std::nullopt;
    return st.i64(0);
}

// A page of `cols` + `from_where` ordered by `order`.
Reply page_reply(Db& db, const httplib::Request& req, Query& q, std::initializer_list<const char*> names,
                 const char* cols, const std::string& where, const std::vector<SqlValue>& args, const char* order,
                 const std::function<json(const Stmt&)>& fn) {
    PageQuery pq;
    pq.limit = q.limit();
    uint64_t sig = fnv1a64(page_signature(req, names));
    pq.offset = q.cursor(sig);
    if (!q.ok()) return problem_reply(q.problem());
    std::string err;
    std::string from = std::string(cols);
    auto total = count(db, "SELECT count(*) FROM (SELECT " + from + where + ")", args, err);
    if (!total) return internal_error(err);
    std::vector<SqlValue> a = args;
    a.push_back(int64_t{pq.limit});
    a.push_back(pq.offset);
    json items = json::array();
    if (!rows(db, "SELECT " + from + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", a, fn, items, err))
        return internal_error(err);
    return json_reply(page_json(items, *total, pq, sig));
}

std::optional<Reply> need_role(Db& db, Id user, const char* role, const char* detail) {
    auto has = has_role(db, user, role);
    if (!has) return problem_reply(internal_problem());
    if (!*has) return forbidden_role(role, detail);
    return std::nullopt;
}

Reply invalid_form(std::vector<FieldError> errs) { return problem_reply(422, "invalid", "请检查填写的内容", std::move(errs)); }

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

}  // namespace zygc::server::points_routes

namespace zygc::server {

using namespace points_routes;

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
        with_user_read(a, req, res, [&](Db& db, Id user, bool on_writer) { return points_stats(a, db, user, on_writer); });
    });
    app.route("GET", R"(/api/v1/points/holds)", get_holds);
    app.route("POST", R"(/api/v1/points/holds/([^/]+)/resolve)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        auto id = path_id(req.matches[1]);
        with_user_mutation(a, req, res, true, [&](Id user, const json& body) { return resolve(a, user, id, body); });
    });
}

}  // namespace zygc::server
