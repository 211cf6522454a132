// Points routes (issue 12, 再奉献): funds and donations: /funds, /donations.
#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"
#include "server/routes_points_internal.h"

namespace zygc::server::points_routes {

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

void get_funds(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&](Db& db) -> Reply {
        Query q(req);
        auto brand = q.text("brand");
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (brand) where += " AND f.brand_slug = ?", args.push_back(*brand);
        return page_reply(db, req, q, {"brand", "limit"}, kFundCols, where, args, "f.id", fund_json);
    });
}

Reply post_donation(App& app, const httplib::Request& req, Id user, const json& body) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, false, idem.key)) return *bad;
    idem.active = !idem.key.empty();
    idem.user = user;
    if (auto bad = need_role(app.db, user, "volunteer", "完成实名注册的志愿者才能捐赠积分")) return *bad;
    if (auto due = settle_due(app)) return *due;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    Reply reply = [&]() -> Reply {
        if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
        Form f{body, {}};
        auto fund = f.integer("fund_id", 1, INT64_MAX, true);
        auto pts = f.integer("points", 1, 100000, true);
        std::string err;
        if (fund && !*count(app.db, "SELECT count(*) FROM points_funds WHERE id = ?", {*fund}, err))
            f.errs.push_back(field_error("fund_id", "not_found", "没有这个基金"));
        if (!err.empty()) return internal_error(err);
        if (!f.errs.empty()) return invalid_form(f.errs);
        points::Result res;
        Reply r = in_transaction(app, [&]() -> Reply {
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
    if (auto bad = need_role(app.db, user, "admin", "只有管理员可以添加基金")) return *bad;
    if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
    Form f{body, {}};
    auto name = f.text("name", 100, true);
    auto description = f.text("description", 2000, false);
    auto brand = f.text("brand_slug", 100, false);
    std::string err;
    if (brand && !brand->empty() && !*count(app.db, "SELECT count(*) FROM brands WHERE slug = ?", {*brand}, err))
        f.errs.push_back(field_error("brand_slug", "not_found", "没有这个品牌"));
    if (!err.empty()) return internal_error(err);
    if (!f.errs.empty()) return invalid_form(f.errs);
    Id created = 0;
    Reply r = in_transaction(app, [&]() -> Reply {
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

}  // namespace zygc::server::points_routes
