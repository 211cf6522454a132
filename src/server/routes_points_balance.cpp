// Points routes (issue 12): earning and the balance: /points/rules, /me/points.
#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"
#include "server/routes_points_internal.h"

namespace zygc::server::points_routes {

json rule_json(const points::Rule& r) {
    return {{"version", r.version}, {"minutes_per_point", r.minutes_per_point}, {"expiry_months", r.expiry_months},
            {"code_life_minutes", r.code_life_minutes}, {"effective_from", format_cst(r.effective_from)}, {"note", r.note}};
}

void get_rules(App& app, const httplib::Request& req, httplib::Response& res) {
    public_read(app, req, res, [&](Db& db) -> Reply {
        json out = json::array();
        std::string err;
        auto fn = [](const Stmt& st) {
            points::Rule r{st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.i64(4), st.text(5)};
            return rule_json(r);
        };
        if (!rows(db,
                  "SELECT version, minutes_per_point, expiry_months, code_life_minutes, effective_from, note "
                  "FROM points_rules ORDER BY version DESC",
                  {}, fn, out, err))
            return internal_error(err);
        return json_reply(out);
    });
}

// The volunteer's balance, a page of their ledger (newest first: limit 1..200, keyset cursor)
// and holds (`acc`: their account); reads only.
Reply my_points(Db& db, int64_t now, Id user, Id acc, const httplib::Request& req) {
    Query qp(req);
    const int limit = qp.limit(200, 200);
    const uint64_t signature = fnv1a64("me/points|" + std::to_string(user));
    const std::optional<Keyset> after = qp.keyset(signature);
    if (!qp.ok()) return problem_reply(qp.problem());
    std::string err;
    points::Rule rule;
    if (!points::rule_at(db, now, rule, err)) return internal_error(err);
    auto bal = points::balance(db, acc, err);
    if (!bal) return internal_error(err);
    auto reserved = count(db, "SELECT COALESCE(SUM(points), 0) FROM points_redemptions WHERE user_id = ? AND status = 'reserved'",
                          {user}, err);
    auto earned = count(db,
                        "SELECT COALESCE(SUM(CASE WHEN kind = 'earn' THEN points ELSE -points END), 0) FROM points_postings "
                        "WHERE (kind = 'earn' AND to_account = ?1) OR (kind IN ('reversal', 'hold_applied') AND from_account = ?1)",
                        {acc}, err);
    auto n_entries = count(db, "SELECT count(*) FROM points_postings WHERE from_account = ?1 OR to_account = ?1", {acc}, err);
    if (!reserved || !earned || !n_entries) return internal_error(err);
    json expiring = json::array();
    {
        // Lots expiring within 90 days, grouped by their last day.
        Stmt st(db,
                "SELECT expires_at, SUM(remaining) FROM points_lots WHERE account_id = ? AND remaining > 0 "
                "AND expires_at > 0 AND expires_at <= ? GROUP BY expires_at ORDER BY expires_at");
        st.bind(1, acc).bind(2, now + 90 * 86400);
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
        bool in = st.i64(2) == acc;
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
    if (!rows(db,
              "SELECT p.id, p.at, p.to_account, p.from_account, p.points, p.kind, p.ref_kind, p.ref_id, p.rule_version, "
              "p.by_user, p.why, fa.kind, ta.kind, fa.owner_id, ta.owner_id, "
              "COALESCE((SELECT name FROM points_merchants WHERE id = CASE WHEN p.to_account = ?1 THEN fa.owner_id ELSE ta.owner_id END "
              "  AND (CASE WHEN p.to_account = ?1 THEN fa.kind ELSE ta.kind END) = 'merchant'), "
              "  (SELECT name FROM points_funds WHERE id = CASE WHEN p.to_account = ?1 THEN fa.owner_id ELSE ta.owner_id END "
              "  AND (CASE WHEN p.to_account = ?1 THEN fa.kind ELSE ta.kind END) = 'fund'), '') "
              "FROM points_postings p JOIN points_accounts fa ON fa.id = p.from_account "
              "JOIN points_accounts ta ON ta.id = p.to_account "
              "WHERE (p.from_account = ?1 OR p.to_account = ?1) AND (?2 = 0 OR p.id < ?2) ORDER BY p.id DESC LIMIT ?3",
              {acc, after ? after->id : int64_t{0}, int64_t{limit + 1}}, entry, entries, err))
        return internal_error(err);
    json next = nullptr;
    if (static_cast<int>(entries.size()) > limit) {
        entries.erase(entries.end() - 1);
        next = make_keyset_cursor({0, 0, entries.back()["id"].get<int64_t>()}, signature);
    }
    json holds = json::array();
    if (!rows(db, std::string("SELECT ") + kHoldCols + "WHERE h.user_id = ? ORDER BY h.id DESC LIMIT 50", {user},
              hold_json, holds, err))
        return internal_error(err);
    return json_reply({{"balance", *bal}, {"reserved", *reserved}, {"earned_total", *earned}, {"expiring", expiring},
                       {"entries", entries}, {"next_cursor", next}, {"entry_count", *n_entries}, {"holds", holds}, {"rule", rule_json(rule)}});
}

void get_my_points(App& app, const httplib::Request& req, httplib::Response& res) {
    // A volunteer without an account yet gets one, empty, on the writer.
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) -> std::optional<Reply> {
        std::string err;
        auto acc = on_writer ? points::account(db, "volunteer", user, err)
                             : points::find_account(db, "volunteer", user, err);
        if (!acc) return internal_error(err);
        if (*acc == 0) return std::nullopt;
        return when_settled(app, db, on_writer, [&] { return my_points(db, app.now(), user, *acc, req); });
    });
}

}  // namespace zygc::server::points_routes
