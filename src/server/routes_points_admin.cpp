// Points routes (issue 12): the admin's: /stats/points, /points/holds (+ resolve).
#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"
#include "server/routes_points_internal.h"

namespace zygc::server::points_routes {

namespace {

// The ledger's totals, by district and month: from points_totals (migration 14), which a
// trigger keeps per district, month and kind of posting.
Reply stats(Db& db) {
    std::string err;
    auto sum_kind = [&](const char* kinds) {
        return count(db, std::string("SELECT COALESCE(SUM(points), 0) FROM points_totals WHERE kind IN (") + kinds + ")",
                     {}, err);
    };
    auto earned = sum_kind("'earn'");
    auto reversed = sum_kind("'reversal', 'hold_applied'");
    auto redeemed = sum_kind("'settle'");
    auto donated = sum_kind("'donate'");
    auto expired = sum_kind("'expire'");
    auto reserved = count(db, "SELECT balance FROM points_accounts WHERE kind = 'escrow'", {}, err);
    // What volunteers hold, from the few other accounts: all accounts sum to 0 (every posting
    // moves points from one to another). Summing the 600,000 volunteers' took ~2 s.
    auto outstanding = count(db,
                             "SELECT -COALESCE(SUM(balance), 0) FROM points_accounts "
                             "WHERE kind IN ('issuance', 'escrow', 'merchant', 'fund', 'expiry')",
                             {}, err);
    if (!earned || !reversed || !redeemed || !donated || !expired || !reserved || !outstanding) return internal_error(err);
    constexpr const char* kTotals =
        "SUM(CASE kind WHEN 'earn' THEN points WHEN 'reversal' THEN -points WHEN 'hold_applied' THEN -points ELSE 0 END), "
        "SUM(CASE kind WHEN 'settle' THEN points ELSE 0 END), SUM(CASE kind WHEN 'donate' THEN points ELSE 0 END), "
        "SUM(CASE kind WHEN 'expire' THEN points ELSE 0 END) ";
    auto totals = [](const Stmt& st, int c) {
        return json{{"issued", st.i64(c)}, {"redeemed", st.i64(c + 1)}, {"donated", st.i64(c + 2)}, {"expired", st.i64(c + 3)}};
    };
    json by_district = json::array(), by_month = json::array(), by_dm = json::array();
    bool ok = rows(db,
                   std::string("SELECT d.id, d.name, ") + kTotals +
                       "FROM points_totals t JOIN districts d ON d.id = t.district_id GROUP BY d.id ORDER BY d.id",
                   {},
                   [&](const Stmt& st) {
                       json j = totals(st, 2);
                       j["district_id"] = st.i64(0), j["name"] = st.text(1);
                       return j;
                   },
                   by_district, err) &&
              rows(db, std::string("SELECT month, ") + kTotals + "FROM points_totals GROUP BY 1 ORDER BY 1", {},
                   [&](const Stmt& st) {
                       json j = totals(st, 1);
                       j["month"] = st.text(0);
                       return j;
                   },
                   by_month, err) &&
              rows(db,
                   std::string("SELECT district_id, month, ") + kTotals +
                       "FROM points_totals WHERE district_id != 0 GROUP BY 1, 2 ORDER BY 2, 1",
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

}  // namespace

// On a reader (sums over the whole ledger: never on the writer) unless something is due first.
std::optional<Reply> points_stats(App& app, Db& db, Id user, bool on_writer) {
    if (auto bad = need_role(db, user, "admin", "只有管理员可以查看积分统计")) return *bad;
    return when_settled(app, db, on_writer, [&] { return stats(db); });
}

void get_holds(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool) -> std::optional<Reply> {
        if (auto bad = need_role(db, user, "admin", "只有管理员可以查看待复核的更正")) return *bad;
        Query q(req);
        auto status = q.one_of("status", {"held", "applied", "waived"});
        std::string where = "WHERE 1 = 1";
        std::vector<SqlValue> args;
        if (status) where += " AND h.status = ?", args.push_back(*status);
        return page_reply(db, req, q, {"status", "limit"}, kHoldCols, where, args, "h.id DESC", hold_json);
    });
}

Reply resolve(App& app, Id user, const std::optional<int64_t>& id, const json& body) {
    if (auto bad = need_role(app.db, user, "admin", "只有管理员可以处理")) return *bad;
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
    Reply r = in_transaction(app, [&]() -> Reply {
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

}  // namespace zygc::server::points_routes
