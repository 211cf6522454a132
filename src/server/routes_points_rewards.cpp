// Points routes (issue 12): rewards and their redemption: /rewards, /redemptions,
// /me/redemptions, /merchant/redemptions.
#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"
#include "server/routes_points_internal.h"

namespace zygc::server::points_routes {

const char* const kCategories[] = {"transit", "museum", "park", "shop", "service"};

constexpr const char* kRewardCols =
    "w.id, w.name, w.description, w.category, w.merchant_id, m.name, m.district_id, w.points, w.stock, "
    "w.per_person_limit FROM points_rewards w JOIN points_merchants m ON m.id = w.merchant_id ";
json reward_json(const Stmt& st) {
    return {{"id", st.i64(0)}, {"name", st.text(1)}, {"description", st.text(2)}, {"category", st.text(3)},
            {"merchant", {{"id", st.i64(4)}, {"name", st.text(5)}}}, {"district_id", st.i64(6)},
            {"points", st.i64(7)}, {"stock", st.i64(8)}, {"per_person_limit", st.i64(9)}};
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

void get_rewards(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&](Db& db) -> Reply {
        Query q(req);
        auto district = q.id("district_id");
        auto category = q.one_of("category", {"transit", "museum", "park", "shop", "service"});
        auto merchant = q.id("merchant_id");
        if (q.ok() && district)
            if (auto bad = district_missing(db, *district)) return *bad;
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (district) where += " AND m.district_id = ?", args.push_back(*district);
        if (category) where += " AND w.category = ?", args.push_back(*category);
        if (merchant) where += " AND w.merchant_id = ?", args.push_back(*merchant);
        return page_reply(db, req, q, {"district_id", "category", "merchant_id", "limit"}, kRewardCols, where, args,
                          "w.id", reward_json);
    });
}

// A reward, with how many of it `user` (0: anonymous) has redeemed.
Reply reward_reply(Db& db, const std::optional<int64_t>& id, Id user) {
    Reply not_found = problem_reply(404, "not_found", "没有这个兑换项目");
    if (!id) return not_found;
    Stmt st(db, std::string("SELECT ") + kRewardCols + "WHERE w.id = ?");
    st.bind(1, *id);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    if (s == Step::Done) return not_found;
    json j = reward_json(st);
    if (user) {
        std::string err;
        auto mine = count(db,
                          "SELECT COALESCE(SUM(quantity), 0) FROM points_redemptions WHERE user_id = ? "
                          "AND reward_id = ? AND status IN ('reserved', 'settled')",
                          {user, *id}, err);
        if (!mine) return internal_error(err);
        j["my_redeemed"] = *mine;
    }
    return json_reply(j);
}

// A public read when anonymous; signed in, with the volunteer's own count, on a reader unless
// something is due to settle (or the session to refresh) first.
void get_reward(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (no_session(app, req)) return public_read(app, req, res, [&](Db& db) { return reward_reply(db, id, 0); });
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) {
        return when_settled(app, db, on_writer, [&] { return reward_reply(db, id, user); });
    });
}

Reply create_reward(App& app, Id user, const json& body) {
    if (auto bad = need_role(app.db, user, "admin", "只有管理员可以添加兑换项目")) return *bad;
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
    if (merchant && !*count(app.db, "SELECT count(*) FROM points_merchants WHERE id = ?", {*merchant}, err))
        f.errs.push_back(field_error("merchant_id", "not_found", "没有这个商户"));
    if (!err.empty()) return internal_error(err);
    if (!f.errs.empty()) return invalid_form(f.errs);
    Id created = 0;
    Reply r = in_transaction(app, [&]() -> Reply {
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

Reply redemption_reply(App& app, Id id, int status, bool merchant_view) {
    Stmt st(app.db, std::string("SELECT ") + kRedemptionCols + "WHERE r.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) return internal_error(st.error().empty() ? "redemption vanished" : st.error());
    return json_reply(redemption_json(st, merchant_view), status);
}

Reply post_redemption(App& app, const httplib::Request& req, Id user, const json& body) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, true, idem.key)) return *bad;
    idem.active = true;
    idem.user = user;
    if (auto bad = need_role(app.db, user, "volunteer", "完成实名注册的志愿者才能兑换")) return *bad;
    if (auto due = settle_due(app)) return *due;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    Reply reply = [&]() -> Reply {
        if (!body.is_object()) return invalid_form({field_error("body", "invalid", "应为对象")});
        Form f{body, {}};
        auto reward = f.integer("reward_id", 1, INT64_MAX, true);
        auto qty = f.integer("quantity", 1, 10, false);
        std::string err;
        if (reward && !*count(app.db, "SELECT count(*) FROM points_rewards WHERE id = ?", {*reward}, err))
            f.errs.push_back(field_error("reward_id", "not_found", "没有这个兑换项目"));
        if (!err.empty()) return internal_error(err);
        if (!f.errs.empty()) return invalid_form(f.errs);
        points::Result res;
        Reply r = in_transaction(app, [&]() -> Reply {
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

// A page of the redemptions whose `owner` column is `user` (the volunteer's, or those at the
// clerk's merchant), newest first, ?status= filtering.
Reply redemptions_page(Db& db, const httplib::Request& req, const char* owner, Id user, bool merchant_view) {
    Query q(req);
    auto status = q.one_of("status", {"reserved", "settled", "expired"});
    std::string where = std::string("WHERE ") + owner + " = ?";
    std::vector<SqlValue> args{user};
    if (status) where += " AND r.status = ?", args.push_back(*status);
    return page_reply(db, req, q, {"status", "limit"}, kRedemptionCols, where, args, "r.id DESC",
                      [merchant_view](const Stmt& st) { return redemption_json(st, merchant_view); });
}

void get_my_redemptions(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) {
        return when_settled(app, db, on_writer, [&] { return redemptions_page(db, req, "r.user_id", user, false); });
    });
}

void get_merchant_redemptions(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) -> std::optional<Reply> {
        if (auto bad = need_role(db, user, "merchant", "只有合作商户的店员可以查看")) return *bad;
        return when_settled(app, db, on_writer, [&] { return redemptions_page(db, req, "m.owner_user_id", user, true); });
    });
}

}  // namespace zygc::server::points_routes
