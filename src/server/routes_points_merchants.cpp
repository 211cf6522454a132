// Points routes (issue 12): merchants and the clerk's verify: /merchants, /redemptions/verify.
#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"
#include "server/routes_points_internal.h"

namespace zygc::server::points_routes {

constexpr const char* kMerchantCols =
    "m.id, m.name, m.district_id, m.address, m.kind, m.owner_user_id, "
    "(SELECT count(*) FROM points_rewards w WHERE w.merchant_id = m.id) FROM points_merchants m ";
json merchant_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"name", st.text(1)}, {"district_id", st.i64(2)}, {"address", st.text(3)},
            {"kind", st.text(4)}, {"owner_user_id", st.is_null(5) ? json(nullptr) : json(st.i64(5))},
            {"reward_count", st.i64(6)}};
}

Reply create_merchant(App& app, Id user, const json& body) {
    if (auto bad = need_role(app.db, user, "admin", "只有管理员可以添加商户")) return *bad;
    if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
    Form f{body, {}};
    auto name = f.text("name", 100, true);
    auto district = f.integer("district_id", 1, INT64_MAX, true);
    auto address = f.text("address", 200, false);
    auto kind = f.text("kind", 10, false);
    auto owner = f.integer("owner_user_id", 1, INT64_MAX, false);
    if (kind && *kind != "shop" && *kind != "public") f.errs.push_back(field_error("kind", "invalid", "shop|public"));
    std::string err;
    if (district && !*count(app.db, "SELECT count(*) FROM districts WHERE id = ?", {*district}, err))
        f.errs.push_back(field_error("district_id", "not_found", "没有这个区县"));
    if (owner && !*count(app.db, "SELECT count(*) FROM users WHERE id = ?", {*owner}, err))
        f.errs.push_back(field_error("owner_user_id", "not_found", "没有这个用户"));
    if (!err.empty()) return internal_error(err);
    if (!f.errs.empty()) return invalid_form(f.errs);
    Id created = 0;
    Reply r = in_transaction(app, [&]() -> Reply {
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

void get_merchants(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&](Db& db) -> Reply {
        Query q(req);
        auto district = q.id("district_id");
        if (q.ok() && district)
            if (auto bad = district_missing(db, *district)) return *bad;
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (district) where += " AND m.district_id = ?", args.push_back(*district);
        return page_reply(db, req, q, {"district_id", "limit"}, kMerchantCols, where, args, "m.id", merchant_json);
    });
}

Reply verify(App& app, Id user, const json& body) {
    if (auto bad = need_role(app.db, user, "merchant", "只有合作商户的店员可以核销")) return *bad;
    std::string code;
    if (body.is_object())
        if (auto it = body.find("code"); it != body.end() && it->is_string()) code = it->get<std::string>();
    if (code.empty() || code.size() > 64)
        return invalid_form({field_error("code", "required", "请输入兑换码")});
    points::Result res;
    std::string err;
    // An expiry found here is committed (refund) even though the answer is a 409.
    Reply r = in_transaction(app, [&]() -> Reply {
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

}  // namespace zygc::server::points_routes
