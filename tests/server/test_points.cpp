// Points (issue 12, 回馈 · 再奉献) over real HTTP on real SQLite files, plus the ledger's
// invariants as properties over thousands of random operation sequences (points.cpp on a
// real database).
#include <atomic>
#include <random>
#include <thread>

#include "accounts.h"
#include "clocked_server.h"
#include "server/db.h"
#include "server/points.h"
#include "server/seed.h"

using namespace zt;
namespace points = zygc::server::points;

namespace {

constexpr double kDraftSiteLat = 39.93, kDraftSiteLng = 119.60;

struct Points : ClockedServer {
    std::string admin = login(*srv, "13800000009");
    std::string clerk = login(*srv, "13800000004");
    int64_t last_shift = 0;

    json get_ok(const std::string& path, const std::string& token = "") {
        auto r = token.empty() ? srv->get(path) : srv->get(path, {{"Authorization", "Bearer " + token}});
        INFO(path << " " << r.body);
        REQUIRE(r.status == 200);
        return r.j;
    }
    int64_t id_of(const std::string& token) { return get_ok("/api/v1/me", token)["id"]; }
    json me_points(const std::string& token) { return get_ok("/api/v1/me/points", token); }
    int64_t balance(const std::string& token) { return me_points(token)["balance"]; }

    // A project of team 1 with one shift `days` ahead from h0 to h1; the volunteers sign up,
    // check in at the start and out at the end; returns their records.
    std::vector<int64_t> served(int days, int h0, int h1, const std::vector<std::string>& who) {
        json p = publish(*srv, org, draft(1, "海滩清洁行动" + std::to_string(++keys), {shift(at(days, h0), at(days, h1), 10)}));
        int64_t project = p["id"], sh = p["shifts"][0]["id"];
        last_shift = sh;
        for (const auto& t : who) {
            auto r = signup(*srv, t, project, sh, "su-" + std::to_string(++keys));
            INFO(r.body);
            REQUIRE(r.status == 201);
        }
        // Out 20 s before the end (whole minutes round to the full shift; at the end itself the
        // open record would already be closed automatically).
        int64_t t_in = *zygc::parse_rfc3339(at(days, h0)), t_out = *zygc::parse_rfc3339(at(days, h1)) - 20;
        std::vector<int64_t> recs;
        clock(t_in);
        for (const auto& t : who) {
            auto in = post("/api/v1/attendance/check-in", t,
                           {{"shift_id", sh}, {"method", "gps"}, {"lat", kDraftSiteLat}, {"lng", kDraftSiteLng},
                            {"client_time", zygc::format_cst(t_in)}},
                           "in-" + std::to_string(++keys));
            INFO(in.body);
            REQUIRE(in.status == 201);
            recs.push_back(in.j["id"]);
        }
        clock(t_out);
        for (size_t i = 0; i < who.size(); ++i) {
            auto out = post("/api/v1/attendance/check-out", who[i],
                            {{"attendance_id", recs[i]}, {"client_time", zygc::format_cst(t_out)}},
                            "out-" + std::to_string(++keys));
            INFO(out.body);
            REQUIRE(out.status == 200);
        }
        return recs;
    }
    void certify(int64_t record, const json& body) {
        auto r = post("/api/v1/hours/" + std::to_string(record) + "/certify", org, body);
        INFO(r.body);
        REQUIRE(r.status == 200);
    }
    json merchant(const std::string& name, int64_t district, std::optional<int64_t> owner) {
        json b = {{"name", name}, {"district_id", district}, {"address", "人民路1号"}};
        if (owner) b["owner_user_id"] = *owner;
        auto r = post("/api/v1/merchants", admin, b);
        INFO(r.body);
        REQUIRE(r.status == 201);
        return r.j;
    }
    json reward(int64_t merchant, int pts, int stock, int limit, const char* category = "transit") {
        auto r = post("/api/v1/rewards", admin,
                      {{"merchant_id", merchant}, {"name", "公交乘车券"}, {"description", "单次"}, {"category", category},
                       {"points", pts}, {"stock", stock}, {"per_person_limit", limit}});
        INFO(r.body);
        REQUIRE(r.status == 201);
        return r.j;
    }
    Response redeem(const std::string& token, int64_t reward, int quantity = 1) {
        return post("/api/v1/redemptions", token, {{"reward_id", reward}, {"quantity", quantity}},
                    "rd-" + std::to_string(++keys));
    }
    Response verify(const std::string& token, const std::string& code) {
        return post("/api/v1/redemptions/verify", token, {{"code", code}});
    }
};

}  // namespace

TEST_CASE("points: certification posts points by the rule; a correction posts a reversing entry", "[server][points]") {
    Points p;
    auto rules = p.get_ok("/api/v1/points/rules");
    REQUIRE(rules.size() >= 1);
    CHECK(rules[0]["minutes_per_point"] == 30);
    CHECK(p.balance(p.vol) == 0);
    auto recs = p.served(1, 9, 11, {p.vol});  // 120 minutes
    CHECK(p.balance(p.vol) == 0);             // pending hours earn nothing
    p.certify(recs[0], {{"decision", "approve"}});
    auto mine = p.me_points(p.vol);
    CHECK(mine["balance"] == 4);  // 120 / 30
    REQUIRE(mine["entries"].size() == 1);
    auto e = mine["entries"][0];
    CHECK(e["points"] == 4);
    CHECK(e["reason"] == "earn");
    CHECK(e["ref"]["kind"] == "attendance");
    CHECK(e["ref"]["id"] == recs[0]);
    CHECK(e["rule_version"] == rules[0]["version"]);
    CHECK(e["counter_account"] == "issuance:0");
    CHECK(mine["expiring"].empty());  // 360 days away

    // A correction down to 65 minutes: a reversal of 2, never an edit of the first entry.
    auto c = p.post("/api/v1/hours/" + std::to_string(recs[0]) + "/corrections", p.org,
                    {{"minutes", 65}, {"reason", "提前离场"}});
    INFO(c.body);
    REQUIRE(c.status == 201);
    mine = p.me_points(p.vol);
    CHECK(mine["balance"] == 2);
    REQUIRE(mine["entries"].size() == 2);
    CHECK(mine["entries"][0]["reason"] == "reversal");
    CHECK(mine["entries"][0]["points"] == -2);
    CHECK(mine["entries"][0]["ref"]["id"] == c.j["id"]);
    CHECK(mine["entries"][1]["points"] == 4);
    CHECK(mine["earned_total"] == 2);

    // A rejection-like correction to 0 after the points were spent is held, not applied.
    auto m = p.merchant("海港区公共服务中心", 1, std::nullopt);
    auto w = p.reward(m["id"], 2, 10, 5);
    auto rd = p.redeem(p.vol, w["id"]);
    INFO(rd.body);
    REQUIRE(rd.status == 201);
    CHECK(p.balance(p.vol) == 0);
    auto c2 = p.post("/api/v1/hours/" + std::to_string(c.j["id"].get<int64_t>()) + "/corrections", p.org,
                     {{"minutes", 0}, {"reason", "核实未到岗"}});
    INFO(c2.body);
    REQUIRE(c2.status == 201);
    mine = p.me_points(p.vol);
    CHECK(mine["balance"] == 0);
    REQUIRE(mine["holds"].size() == 1);
    CHECK(mine["holds"][0]["status"] == "held");
    CHECK(mine["holds"][0]["points"] == 2);
    auto holds = p.get_ok("/api/v1/points/holds?status=held", p.admin);
    REQUIRE(holds["total"] == 1);
    int64_t hold = holds["items"][0]["id"];
    auto forbidden = p.srv->get("/api/v1/points/holds", {{"Authorization", "Bearer " + p.vol}});
    check_problem(forbidden, 403);
    // Applying it needs the points: 409 until then; waiving decides it.
    auto apply = p.post("/api/v1/points/holds/" + std::to_string(hold) + "/resolve", p.admin,
                        {{"decision", "apply"}, {"reason", "追回"}});
    check_problem(apply, 409);
    CHECK(apply.j["code"] == "insufficient_points");
    auto waive = p.post("/api/v1/points/holds/" + std::to_string(hold) + "/resolve", p.admin,
                        {{"decision", "waive"}, {"reason", "已兑换，免予追回"}});
    INFO(waive.body);
    REQUIRE(waive.status == 200);
    CHECK(waive.j["status"] == "waived");
    auto again = p.post("/api/v1/points/holds/" + std::to_string(hold) + "/resolve", p.admin,
                        {{"decision", "waive"}, {"reason", "再次"}});
    check_problem(again, 409);
    CHECK(again.j["code"] == "hold_decided");
    check_problem(p.post("/api/v1/points/holds/999/resolve", p.admin, {{"decision", "waive"}, {"reason", "x"}}), 404);
    check_problem(p.post("/api/v1/points/holds/" + std::to_string(hold) + "/resolve", p.admin, {{"decision", "keep"}}), 422);
}

TEST_CASE("points: a held reversal is applied once the balance covers it", "[server][points]") {
    Points p;
    auto recs = p.served(1, 9, 11, {p.vol});
    p.certify(recs[0], {{"decision", "approve"}});  // 4
    auto w = p.reward(p.merchant("店", 1, std::nullopt)["id"], 4, 10, 5);
    REQUIRE(p.redeem(p.vol, w["id"]).status == 201);
    auto c = p.post("/api/v1/hours/" + std::to_string(recs[0]) + "/corrections", p.org, {{"minutes", 30}, {"reason", "更正"}});
    REQUIRE(c.status == 201);
    auto mine = p.me_points(p.vol);
    REQUIRE(mine["holds"].size() == 1);
    CHECK(mine["holds"][0]["points"] == 3);
    auto more = p.served(2, 9, 12, {p.vol});  // 180 → 6
    p.certify(more[0], {{"decision", "approve"}});
    CHECK(p.balance(p.vol) == 6);
    auto r = p.post("/api/v1/points/holds/" + std::to_string(mine["holds"][0]["id"].get<int64_t>()) + "/resolve", p.admin,
                    {{"decision", "apply"}, {"reason", "余额已足，追回"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.j["status"] == "applied");
    mine = p.me_points(p.vol);
    CHECK(mine["balance"] == 3);
    CHECK(mine["entries"][0]["reason"] == "hold_applied");
    CHECK(mine["earned_total"] == 7);  // 4 + 6 - 3
    // Later decisions see the applied hold: correcting back up to 120 minutes earns 3 again.
    auto up = p.post("/api/v1/hours/" + std::to_string(c.j["id"].get<int64_t>()) + "/corrections", p.org,
                     {{"minutes", 120}, {"reason", "复核后恢复"}});
    REQUIRE(up.status == 201);
    CHECK(p.balance(p.vol) == 6);
}

TEST_CASE("points: 100 concurrent redemptions of stock 5 give exactly 5 codes; the others are 409 with points untouched",
          "[server][points]") {
    Points p;
    std::vector<std::string> vols{p.vol};
    for (int i = 0; i < 3; ++i)
        vols.push_back(new_volunteer(*p.srv, "1370000000" + std::to_string(i), make_id("130302", "19900101", 200 + i)));
    auto recs = p.served(1, 8, 16, vols);  // 480 minutes → 16 points each
    auto all = p.post("/api/v1/shifts/" + std::to_string(p.last_shift) +
                          "/certify-all",
                      p.org, json::object());
    INFO(all.body);
    REQUIRE(all.status == 200);
    CHECK(all.j["approved"] == 4);
    for (const auto& t : vols) REQUIRE(p.balance(t) == 16);
    auto w = p.reward(p.merchant("海港区公交", 1, std::nullopt)["id"], 3, 5, 100);
    std::atomic<int> created{0}, conflict{0}, other{0};
    std::vector<std::thread> threads;
    std::vector<int> wins(vols.size(), 0);
    std::mutex mu;
    std::vector<std::string> codes;
    for (int i = 0; i < 100; ++i)
        threads.emplace_back([&, i] {
            // The client directly: Catch2's assertions (the harness's send() makes some) are
            // not thread-safe, and they crashed this test now and then.
            auto h = as(vols[i % vols.size()]);
            h.emplace("Idempotency-Key", "race-" + std::to_string(i));
            // A transport error is retried with the same Idempotency-Key, as a client would.
            auto post = [&] {
                httplib::Client c = p.srv->client();
                return c.Post("/api/v1/redemptions", h, json({{"reward_id", w["id"]}}).dump(), "application/json");
            };
            httplib::Result r = post();
            for (int attempt = 0; attempt < 4 && !r; ++attempt) r = post();
            json j = r ? json::parse(r->body, nullptr, false) : json();
            if (r && r->status == 201) {
                ++created;
                std::lock_guard lock(mu);
                ++wins[i % vols.size()];
                codes.push_back(j["code"]);
            } else if (r && r->status == 409 && j.is_object() && j["code"] == "out_of_stock") ++conflict;
            else ++other;
        });
    for (auto& t : threads) t.join();
    CHECK(created == 5);
    CHECK(conflict == 95);
    CHECK(other == 0);
    CHECK(p.get_ok("/api/v1/rewards/" + std::to_string(w["id"].get<int64_t>()))["stock"] == 0);
    std::set<std::string> distinct(codes.begin(), codes.end());
    CHECK(distinct.size() == 5);
    for (size_t v = 0; v < vols.size(); ++v) {
        auto mine = p.me_points(vols[v]);
        CHECK(mine["balance"] == 16 - 3 * wins[v]);
        CHECK(mine["reserved"] == 3 * wins[v]);
    }
    auto stats = p.get_ok("/api/v1/stats/points", p.admin);
    CHECK(stats["issued"] == 64);
    CHECK(stats["reserved"] == 15);
    CHECK(stats["outstanding"] == 64 - 15);
    CHECK(stats["by_district"][0]["issued"] == 64);
    REQUIRE(stats["by_month"].size() == 1);
    CHECK(stats["by_month"][0]["month"] == "2026-01");
    check_problem(p.srv->get("/api/v1/stats/points", {{"Authorization", "Bearer " + p.vol}}), 403);
}

TEST_CASE("points: a code verifies once, only at its own merchant; an expired code refunds exactly once", "[server][points]") {
    Points p;
    auto recs = p.served(1, 9, 12, {p.vol});  // 180 → 6
    p.certify(recs[0], {{"decision", "approve"}});
    int64_t clerk_id = p.id_of(p.clerk);
    // Before owning a merchant the clerk is no merchant.
    check_problem(p.verify(p.clerk, "12345678"), 403);
    auto mine_m = p.merchant("老龙头早餐店", 2, clerk_id);
    CHECK(mine_m["owner_user_id"] == clerk_id);
    auto me = p.get_ok("/api/v1/me", p.clerk);
    CHECK(std::find(me["roles"].begin(), me["roles"].end(), "merchant") != me["roles"].end());
    auto other_m = p.merchant("鸽子窝景区", 3, p.id_of(p.org));  // the organizer clerks elsewhere
    auto w = p.reward(mine_m["id"], 2, 3, 2, "shop");
    auto rd = p.redeem(p.vol, w["id"]);
    INFO(rd.body);
    REQUIRE(rd.status == 201);
    std::string code = rd.j["code"];
    CHECK(rd.j["status"] == "reserved");
    CHECK(rd.j["qr_payload"] == "zygc:pickup:" + code);
    CHECK(p.balance(p.vol) == 4);
    // Idempotent replay: the same key gives the same code, nothing twice.
    auto h = as(p.vol);
    h.emplace("Idempotency-Key", "same-key");
    auto first = p.srv->send("POST", "/api/v1/redemptions", h, json({{"reward_id", w["id"]}}).dump());
    auto replay = p.srv->send("POST", "/api/v1/redemptions", h, json({{"reward_id", w["id"]}}).dump());
    REQUIRE(first.status == 201);
    CHECK(replay.status == 201);
    CHECK(replay.j["code"] == first.j["code"]);
    CHECK(p.balance(p.vol) == 2);
    check_problem(p.post("/api/v1/redemptions", p.vol, {{"reward_id", w["id"]}}), 400);  // key required
    auto limit = p.redeem(p.vol, w["id"]);
    check_problem(limit, 409);
    CHECK(limit.j["code"] == "limit_reached");
    CHECK(limit.j["params"]["limit"] == "2");
    // Authorization: a volunteer cannot settle; another merchant's clerk sees no such code.
    check_problem(p.verify(p.vol, code), 403);
    auto foreign = p.verify(p.org, code);
    check_problem(foreign, 404);
    CHECK(foreign.j["code"] == "code_unknown");
    auto ok = p.verify(p.clerk, "zygc:pickup:" + code);
    INFO(ok.body);
    REQUIRE(ok.status == 200);
    CHECK(ok.j["status"] == "settled");
    auto twice = p.verify(p.clerk, code);
    check_problem(twice, 409);
    CHECK(twice.j["code"] == "code_used");
    check_problem(p.verify(p.clerk, "00000000"), 404);
    check_problem(p.verify(p.clerk, ""), 422);
    auto list = p.get_ok("/api/v1/merchant/redemptions", p.clerk);
    CHECK(list["total"] == 2);
    CHECK(list["items"][0]["code"].get<std::string>().substr(0, 6) == "******");  // reserved: masked
    CHECK(list["items"][0]["qr_payload"] == "");
    CHECK(list["items"][1]["status"] == "settled");
    CHECK(list["items"][1]["code"] == code);
    check_problem(p.srv->get("/api/v1/merchant/redemptions", {{"Authorization", "Bearer " + p.vol}}), 403);
    CHECK(p.get_ok("/api/v1/merchant/redemptions", p.org)["total"] == 0);

    // The second code expires: points and stock come back once, whatever reads it.
    std::string late = first.j["code"];
    CHECK(p.get_ok("/api/v1/rewards/" + std::to_string(w["id"].get<int64_t>()))["stock"] == 1);
    p.clock(*zygc::parse_rfc3339(first.j["expires_at"].get<std::string>()) + 1);
    auto mine = p.me_points(p.vol);
    CHECK(mine["balance"] == 4);
    CHECK(mine["reserved"] == 0);
    CHECK(mine["entries"][0]["reason"] == "refund");
    auto expired = p.verify(p.clerk, late);
    check_problem(expired, 409);
    CHECK(expired.j["code"] == "code_expired");
    CHECK(p.balance(p.vol) == 4);
    CHECK(p.get_ok("/api/v1/rewards/" + std::to_string(w["id"].get<int64_t>()))["stock"] == 2);
    auto reds = p.get_ok("/api/v1/me/redemptions?status=expired", p.vol);
    REQUIRE(reds["total"] == 1);
    CHECK(reds["items"][0]["code"] == late);
    CHECK(p.get_ok("/api/v1/me/redemptions", p.vol)["total"] == 2);
    int refunds = 0;
    json after = p.me_points(p.vol);
    for (const auto& e : after["entries"]) refunds += e["reason"] == "refund";
    CHECK(refunds == 1);
    // The limit counts reserved and settled codes only: the expired one frees a place.
    CHECK(p.redeem(p.vol, w["id"]).status == 201);
    auto poor = p.redeem(p.vol, p.reward(other_m["id"], 50, 5, 1, "park")["id"]);
    check_problem(poor, 409);
    CHECK(poor.j["code"] == "insufficient_points");
    CHECK(poor.j["params"]["needed"] == "50");
    check_problem(p.redeem(p.vol, 9999), 422);
    check_problem(p.redeem(p.vol, w["id"], 11), 422);
    auto stock_out = p.reward(other_m["id"], 1, 0, 1, "museum");
    auto so = p.redeem(p.vol, stock_out["id"]);
    check_problem(so, 409);
    CHECK(so.j["code"] == "out_of_stock");
}

// The volunteer earns 6 points and reserves a code (2 points) for reward w (stock 3) of
// merchant m: what the tests of settling before a read start from.
struct Reserved : Points {
    json m, w;
    Response rd;
    Reserved() {
        auto recs = served(1, 9, 12, {vol});  // 180 → 6
        certify(recs[0], {{"decision", "approve"}});
        m = merchant("老龙头早餐店", 2, id_of(clerk));
        w = reward(m["id"], 2, 3, 2, "shop");
        rd = redeem(vol, w["id"]);
        REQUIRE(rd.status == 201);
    }
    int64_t expires_at() const { return *zygc::parse_rfc3339(rd.j["expires_at"].get<std::string>()); }
};

TEST_CASE("points: the public reward list settles an expired code before it answers", "[server][points]") {
    Reserved p;
    const json &m = p.m, &w = p.w;
    auto stock = [&] {
        json list = p.get_ok("/api/v1/rewards?merchant_id=" + std::to_string(m["id"].get<int64_t>()));
        for (const json& r : list["items"])
            if (r["id"] == w["id"]) return r["stock"].get<int64_t>();
        FAIL("reward not listed");
        return int64_t{-1};
    };
    CHECK(stock() == 2);  // nothing due: read on a reader
    // Past the code's expiry, the first read is this anonymous list: it must not show the
    // reader's stale stock but hand over to the writer, which returns the stock first.
    p.clock(p.expires_at() + 1);
    CHECK(stock() == 3);
    CHECK(p.balance(p.vol) == 6);
    CHECK(stock() == 3);  // once
}

TEST_CASE("points: /me/points within the session's minute still settles an expired code first", "[server][points]") {
    Reserved p;
    CHECK(p.me_points(p.vol)["reserved"] == 2);
    p.clock(p.expires_at() + 1);
    // /me refreshes the session (on the writer) and settles nothing. /me/points, within the
    // same minute, reads on a reader unless a code is due: then the writer settles it first.
    REQUIRE(p.get_ok("/api/v1/me", p.vol)["id"].is_number());
    auto mine = p.me_points(p.vol);
    CHECK(mine["reserved"] == 0);
    CHECK(mine["balance"] == 6);
    CHECK(mine["entries"][0]["reason"] == "refund");
}

TEST_CASE("points: donations move points to a fund; funds show running totals by brand", "[server][points]") {
    Points p;
    auto recs = p.served(1, 9, 12, {p.vol});
    p.certify(recs[0], {{"decision", "approve"}});  // 6
    auto bad = p.post("/api/v1/funds", p.admin, {{"name", "x"}, {"brand_slug", "no-such-brand"}});
    check_problem(bad, 422);
    check_problem(p.post("/api/v1/funds", p.vol, {{"name", "x"}}), 403);
    auto f = p.post("/api/v1/funds", p.admin, {{"name", "寸草心关爱基金"}, {"description", "关爱老人"}, {"brand_slug", "cuncaoxin"}});
    INFO(f.body);
    REQUIRE(f.status == 201);
    CHECK(f.j["total_points"] == 0);
    auto d = p.post("/api/v1/donations", p.vol, {{"fund_id", f.j["id"]}, {"points", 4}}, "don-1");
    INFO(d.body);
    REQUIRE(d.status == 201);
    CHECK(d.j["balance"] == 2);
    CHECK(d.j["fund"]["total_points"] == 4);
    auto replay = p.post("/api/v1/donations", p.vol, {{"fund_id", f.j["id"]}, {"points", 4}}, "don-1");
    CHECK(replay.status == 201);
    CHECK(p.balance(p.vol) == 2);
    auto poor = p.post("/api/v1/donations", p.vol, {{"fund_id", f.j["id"]}, {"points", 3}});
    check_problem(poor, 409);
    CHECK(poor.j["code"] == "insufficient_points");
    check_problem(p.post("/api/v1/donations", p.vol, {{"fund_id", 999}, {"points", 1}}), 422);
    check_problem(p.post("/api/v1/donations", p.vol, {{"fund_id", f.j["id"]}, {"points", 0}}), 422);
    auto funds = p.get_ok("/api/v1/funds?brand=cuncaoxin");
    REQUIRE(funds["total"] == 1);
    CHECK(funds["items"][0]["total_points"] == 4);
    CHECK(funds["items"][0]["donor_count"] == 1);
    CHECK(p.get_ok("/api/v1/funds?brand=haigang-star")["total"] == 0);
    auto e = p.me_points(p.vol)["entries"][0];
    CHECK(e["reason"] == "donate");
    CHECK(e["points"] == -4);
    CHECK(e["counter_name"] == "寸草心关爱基金");
    CHECK(p.get_ok("/api/v1/stats/points", p.admin)["donated"] == 4);
}

TEST_CASE("points: catalogue reads, filters and admin forms", "[server][points]") {
    Points p;
    auto m1 = p.merchant("海港区公交", 1, std::nullopt);
    auto m2 = p.merchant("山海关博物馆", 2, std::nullopt);
    for (int i = 0; i < 3; ++i) p.reward(m1["id"], 5, 10, 2, "transit");
    p.reward(m2["id"], 30, 10, 2, "museum");
    auto all = p.get_ok("/api/v1/rewards?limit=2");
    CHECK(all["total"] == 4);
    REQUIRE(all["items"].size() == 2);
    REQUIRE(all["next_cursor"].is_string());
    auto next = p.get_ok("/api/v1/rewards?limit=2&cursor=" + all["next_cursor"].get<std::string>());
    CHECK(next["items"].size() == 2);
    CHECK(next["next_cursor"].is_null());
    CHECK(p.get_ok("/api/v1/rewards?district_id=2")["total"] == 1);
    CHECK(p.get_ok("/api/v1/rewards?category=transit")["total"] == 3);
    CHECK(p.get_ok("/api/v1/rewards?merchant_id=" + std::to_string(m2["id"].get<int64_t>()))["total"] == 1);
    check_problem(p.srv->get("/api/v1/rewards?district_id=99"), 422);
    check_problem(p.srv->get("/api/v1/rewards?category=cash"), 422);
    check_problem(p.srv->get("/api/v1/rewards?limit=abc"), 400);
    check_problem(p.srv->get("/api/v1/rewards/999"), 404);
    auto one = p.get_ok("/api/v1/rewards/" + std::to_string(all["items"][0]["id"].get<int64_t>()), p.vol);
    CHECK(one["my_redeemed"] == 0);
    CHECK(one["merchant"]["name"] == "海港区公交");
    json anonymous = p.get_ok("/api/v1/rewards/" + std::to_string(all["items"][0]["id"].get<int64_t>()));
    CHECK_FALSE(anonymous.contains("my_redeemed"));
    CHECK(anonymous["merchant"]["name"] == "海港区公交");
    CHECK(p.get_ok("/api/v1/merchants")["total"] == 2);
    CHECK(p.get_ok("/api/v1/merchants?district_id=2")["items"][0]["reward_count"] == 1);
    check_problem(p.post("/api/v1/merchants", p.vol, {{"name", "x"}, {"district_id", 1}}), 403);
    check_problem(p.post("/api/v1/merchants", p.admin, {{"name", ""}, {"district_id", 99}}), 422);
    check_problem(p.post("/api/v1/merchants", p.admin, {{"name", "x"}, {"district_id", 1}, {"owner_user_id", 9999}}), 422);
    check_problem(p.post("/api/v1/rewards", p.org, {{"merchant_id", m1["id"]}}), 403);
    auto bad = p.post("/api/v1/rewards", p.admin,
                      {{"merchant_id", 999}, {"name", "x"}, {"category", "cash"}, {"points", 0}, {"stock", -1},
                       {"per_person_limit", 1}});
    check_problem(bad, 422);
    CHECK(bad.j["errors"].size() == 4);
    check_problem(p.srv->get("/api/v1/me/points"), 401);
    check_problem(p.srv->get("/api/v1/me/redemptions?status=lost", {{"Authorization", "Bearer " + p.vol}}), 422);
}

// ---- the ledger's invariants over random operation sequences (points.cpp on real SQLite files) 

TEST_CASE("points: ledger invariants hold over thousands of random operation sequences", "[server][points][property]") {
    using zygc::server::Db;
    using zygc::server::Stmt;
    using zygc::server::Step;
    auto dir = make_temp_dir("points-prop");
    std::mt19937_64 rng(20261130);
    auto pick = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
    int sequences = 0, operations = 0;
    std::map<std::string, int> done;
    // One migrated, seeded database file; every sequence starts on a fresh copy of it.
    std::string err;
    const fs::path base = dir / "base.db";
    {
        Db db;
        REQUIRE(db.open(base.string(), &err));
        REQUIRE(zygc::server::migrate(db, &err));
        REQUIRE(zygc::server::load_seed_text(db, fixture_seed().dump(), fixture_now(), nullptr, &err));
        REQUIRE(db.exec_script("PRAGMA wal_checkpoint(TRUNCATE)", &err));
    }
    constexpr int kSequences = 1000, kOps = 30;
    for (int seq = 0; seq < kSequences; ++seq) {
        const fs::path path = dir / "seq.db";
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
        fs::copy_file(base, path);
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
        Db db;
        REQUIRE(db.open(path.string(), &err));
        REQUIRE(db.exec_script("PRAGMA synchronous = OFF", &err));  // a test file: no need to survive power loss
        auto exec = [&](const std::string& sql) {
            REQUIRE(db.exec_script(sql, &err));
        };
        exec("INSERT INTO users(id, phone, display_name, created_at) VALUES "
             "(1,'1','a',0),(2,'2','b',0),(3,'3','c',0),(4,'4','clerk',0),(5,'5','clerk2',0)");
        exec("INSERT INTO points_merchants(id, name, district_id, owner_user_id, created_at) VALUES (1,'m1',1,4,0),(2,'m2',2,5,0)");
        exec("INSERT INTO points_funds(id, name, created_at) VALUES (1,'f',0)");
        for (int r = 1; r <= 4; ++r)
            exec("INSERT INTO points_rewards(merchant_id, name, category, points, stock, per_person_limit, created_at) VALUES (" +
                 std::to_string(r % 2 + 1) + ",'r','shop'," + std::to_string(pick(1, 12)) + "," + std::to_string(pick(0, 8)) +
                 "," + std::to_string(pick(1, 4)) + ",0)");
        int64_t now = fixture_now();
        for (int op = 0; op < kOps; ++op, ++operations) {
            REQUIRE(db.begin());
            int kind = static_cast<int>(pick(0, 8));
            int64_t user = pick(1, 3);
            bool ok = true;
            std::string name;
            auto live_record = [&]() -> int64_t {
                Stmt st(db, "SELECT id FROM attendance WHERE certified = 1 AND corrected_by IS NULL ORDER BY random() LIMIT 1");
                return st.step() == Step::Row ? st.i64(0) : 0;
            };
            if (kind <= 2) {  // earn: a record certified
                name = "earn";
                Stmt ins(db,
                         "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, minutes, "
                         "status, certified, certified_by, certified_at, created_at) "
                         "VALUES (?, 1000, 100, 1, 'gps', ?, ?, ?, 'certified', 1, 4, ?, ?)");
                int64_t minutes = pick(0, 600);
                ins.bind(1, user).bind(2, now - 7200).bind(3, now).bind(4, minutes).bind(5, now).bind(6, now);
                REQUIRE(ins.exec());
                ok = points::on_record_certified(db, db.last_insert_rowid(), 4, now, err);
            } else if (kind == 3) {  // adjust / reject after posting: a correction (0 = rejected)
                name = "correct";
                if (int64_t rec = live_record()) {
                    int64_t minutes = pick(0, 3) == 0 ? 0 : pick(0, 600);
                    Stmt ins(db,
                             "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, "
                             "minutes, status, certified, certified_by, certified_at, corrects, created_at) "
                             "SELECT user_id, shift_id, project_id, team_id, method, check_in, check_out, ?, 'certified', 1, 4, "
                             "?, id, ? FROM attendance WHERE id = ?");
                    ins.bind(1, minutes).bind(2, now).bind(3, now).bind(4, rec);
                    REQUIRE(ins.exec());
                    int64_t created = db.last_insert_rowid();
                    Stmt up(db, "UPDATE attendance SET corrected_by = ? WHERE id = ?");
                    up.bind(1, created).bind(2, rec);
                    REQUIRE(up.exec());
                    ok = points::on_record_certified(db, created, 4, now, err);
                }
            } else if (kind == 4) {
                name = "redeem";
                auto r = points::redeem(db, now, user, pick(1, 5), pick(1, 3), err);
                ok = r.outcome != points::Outcome::Error;
            } else if (kind == 5) {
                name = "settle";
                Stmt st(db, "SELECT r.code, m.owner_user_id FROM points_redemptions r JOIN points_merchants m "
                            "ON m.id = r.merchant_id ORDER BY random() LIMIT 1");
                if (st.step() == Step::Row) {
                    int64_t clerk = pick(0, 4) == 0 ? 9 - st.i64(1) : st.i64(1);  // sometimes the other clerk
                    auto r = points::settle(db, now, clerk, st.text(0), err);
                    ok = r.outcome != points::Outcome::Error;
                    if (clerk != st.i64(1)) CHECK(r.outcome == points::Outcome::NotFound);
                }
            } else if (kind == 6) {  // time passes (sometimes past the points' expiry)
                name = "expire";
                now += pick(0, 9) == 0 ? 370 * 86400 : pick(0, 4 * 86400);
                ok = points::sweep(db, now, err);
            } else if (kind == 7) {
                name = "donate";
                auto r = points::donate(db, now, user, 1, pick(1, 20), err);
                ok = r.outcome != points::Outcome::Error;
            } else {
                name = "hold";
                Stmt st(db, "SELECT id FROM points_holds WHERE status = 'held' ORDER BY random() LIMIT 1");
                if (st.step() == Step::Row) {
                    auto r = points::resolve_hold(db, now, 9, st.i64(0), pick(0, 1) == 1, "复核", err);
                    ok = r.outcome != points::Outcome::Error;
                }
            }
            INFO("sequence " << seq << " op " << op << " " << name << ": " << err);
            REQUIRE(ok);
            REQUIRE(db.commit());
            ++done[name];
            std::string broken = points::check_invariants(db);
            INFO("after " << name);
            REQUIRE(broken == "");
            // Each code: refunded iff expired, settled iff settled, each at most once.
            Stmt once(db,
                      "SELECT count(*) FROM points_redemptions r WHERE "
                      "(SELECT count(*) FROM points_postings p WHERE p.ref_kind = 'redemption' AND p.ref_id = r.id AND p.kind = 'refund') "
                      "  != (r.status = 'expired') OR "
                      "(SELECT count(*) FROM points_postings p WHERE p.ref_kind = 'redemption' AND p.ref_id = r.id AND p.kind = 'settle') "
                      "  != (r.status = 'settled')");
            REQUIRE(once.step() == Step::Row);
            REQUIRE(once.i64(0) == 0);
        }
        // The ledger refuses edits.
        CHECK_FALSE(db.exec_script("UPDATE points_postings SET points = points + 1", nullptr));
        CHECK_FALSE(db.exec_script("DELETE FROM points_postings", nullptr));
        ++sequences;
    }
    CHECK(sequences == kSequences);
    CHECK(operations == kSequences * kOps);
    for (const char* k : {"earn", "correct", "redeem", "settle", "expire", "donate", "hold"}) CHECK(done[k] > 0);
    std::error_code ec;
    fs::remove_all(dir, ec);
}

TEST_CASE("points: my ledger comes in pages, newest first, each entry once; the balance on every page", "[server][points]") {
    Points p;
    auto recs = p.served(1, 9, 12, {p.vol});
    p.certify(recs[0], {{"decision", "approve"}});  // 6 points: one entry
    auto f = p.post("/api/v1/funds", p.admin, {{"name", "寸草心关爱基金"}, {"description", "关爱老人"}, {"brand_slug", "cuncaoxin"}});
    REQUIRE(f.status == 201);
    auto donate = [&] {
        auto d = p.post("/api/v1/donations", p.vol, {{"fund_id", f.j["id"]}, {"points", 1}}, "don-" + std::to_string(++p.keys));
        INFO(d.body);
        REQUIRE(d.status == 201);
    };
    for (int i = 0; i < 4; ++i) donate();  // 5 entries in all
    std::vector<int64_t> newest_first;
    const json all = p.me_points(p.vol);
    for (const auto& e : all["entries"]) newest_first.push_back(e["id"]);
    REQUIRE(newest_first.size() == 5);
    auto page = [&](const std::string& query, const std::string& token) {
        return p.srv->get("/api/v1/me/points" + query, as(token));
    };
    std::vector<int64_t> seen;
    std::string query = "?limit=2";
    for (int n = 0;; ++n) {
        REQUIRE(n < 4);
        auto r = page(query, p.vol);
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(r.j["entries"].size() <= 2);
        for (const auto& e : r.j["entries"]) seen.push_back(e["id"]);
        CHECK(r.j["entry_count"] == 5 + (n > 0 ? 1 : 0));  // all of them, on every page
        CHECK(r.j["balance"] == 2 - (n > 0 ? 1 : 0));
        if (n == 0) donate();  // newer than the cursor: on no later page
        if (r.j["next_cursor"].is_null()) break;
        query = "?limit=2&cursor=" + r.j["next_cursor"].get<std::string>();
    }
    CHECK(seen == newest_first);
    CHECK(p.me_points(p.vol)["next_cursor"].is_null());  // 6 entries: one page of up to 200

    // A cursor is bound to its volunteer; malformed ones and limits out of range are refused.
    const std::string cursor = page("?limit=1", p.vol).j["next_cursor"];
    check_problem(page("?limit=1&cursor=" + cursor, p.org), 400);
    check_problem(page("?cursor=", p.vol), 400);
    check_problem(page("?limit=0", p.vol), 422);
    check_problem(page("?limit=201", p.vol), 422);
    check_problem(page("?limit=x", p.vol), 400);
}
