// Hour tracking over real HTTP (issue 9): one test per rule of API.md "Hour rules" and
// hours-api.md, both sides of each boundary. The server clock is placed with advance_clock.
#include <cmath>

#include "accounts.h"

using namespace zt;

namespace {

constexpr double kSiteLat = 39.93, kSiteLng = 119.60;  // draft()'s site, radius 200 m

// A latitude `metres` north of the site (great-circle distance exactly `metres`).
double north_of_site(double metres) { return kSiteLat + metres / 6371008.8 * 180.0 / 3.14159265358979323846; }

// "2026-01-15" + days at HH:MM (+08:00) as Unix seconds.
int64_t when(int days, int hour, int minute = 0) { return *zygc::parse_rfc3339(at(days, hour, minute)); }

struct Hours {
    std::unique_ptr<TestServer> srv = dev_server();
    std::string org = login(*srv, "13800000002");  // leads team 1
    std::string vol = login(*srv, "13800000001");
    int64_t vol_id = srv->get("/api/v1/me", {{"Authorization", "Bearer " + vol}}).j["id"];
    int64_t skew = 0;
    int keys = 0;

    // Places the server clock at `t` (plus the few real seconds a test takes).
    void clock(int64_t t) {
        srv->server().advance_clock(t - fixture_now() - skew);
        skew = t - fixture_now();
    }
    // A project of team 1 (organizer) or another team (admin publishes) with one shift.
    std::pair<int64_t, int64_t> project(int days, int h0, int h1, const std::string& title, int64_t team = 1) {
        std::string who = team == 1 ? org : login(*srv, "13800000009");
        json p = publish(*srv, who, draft(team, title, {shift(at(days, h0), at(days, h1), 10)}));
        return {p["id"].get<int64_t>(), p["shifts"][0]["id"].get<int64_t>()};
    }
    void sign(const std::string& token, std::pair<int64_t, int64_t> ps) {
        auto r = signup(*srv, token, ps.first, ps.second, "signup-" + std::to_string(++keys));
        INFO(r.body);
        REQUIRE(r.status == 201);
    }
    Response post(const std::string& path, const std::string& token, const json& body, const std::string& key) {
        auto h = as(token);
        if (!key.empty()) h.emplace("Idempotency-Key", key);
        return srv->send("POST", path, h, body.dump());
    }
    Response check_in(const std::string& token, json body, std::string key = "") {
        if (key.empty()) key = "in-" + std::to_string(++keys);
        return post("/api/v1/attendance/check-in", token, body, key);
    }
    Response check_out(const std::string& token, json body, std::string key = "") {
        if (key.empty()) key = "out-" + std::to_string(++keys);
        return post("/api/v1/attendance/check-out", token, body, key);
    }
    // A check-in body sent "now" by the phone (client_time = t).
    static json gps_at(int64_t shift, int64_t t, double metres = 10) {
        return {{"shift_id", shift}, {"method", "gps"}, {"lat", north_of_site(metres)}, {"lng", kSiteLng},
                {"client_time", zygc::format_cst(t)}};
    }
    static json out_at(int64_t record, int64_t t) { return {{"attendance_id", record}, {"client_time", zygc::format_cst(t)}}; }
    std::string code(std::pair<int64_t, int64_t> ps) {
        auto r = srv->get("/api/v1/projects/" + std::to_string(ps.first) + "/checkin-code?shift_id=" +
                              std::to_string(ps.second),
                          {{"Authorization", "Bearer " + org}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.j["code"];
    }
    json my_hours(const std::string& token) {
        auto r = srv->get("/api/v1/me/hours", {{"Authorization", "Bearer " + token}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.j;
    }
    json attendance(int64_t project, const std::string& token = "", const std::string& query = "") {
        auto r = srv->get("/api/v1/projects/" + std::to_string(project) + "/attendance" + query,
                          {{"Authorization", "Bearer " + (token.empty() ? org : token)}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.j;
    }
    Response certify(int64_t record, const json& body, const std::string& token = "") {
        return post("/api/v1/hours/" + std::to_string(record) + "/certify", token.empty() ? org : token, body, "");
    }
    // Checks in at `t_in` and out at `t_out` by GPS; returns the record.
    json attend(const std::string& token, int64_t shift, int64_t t_in, int64_t t_out) {
        clock(t_in);
        auto in = check_in(token, gps_at(shift, t_in));
        INFO(in.body);
        REQUIRE(in.status == 201);
        clock(t_out);
        auto out = check_out(token, out_at(in.j["id"], t_out));
        INFO(out.body);
        REQUIRE(out.status == 200);
        return out.j;
    }
};

bool has_flag(const json& r, const char* f) {
    for (const auto& x : r["flags"])
        if (x == f) return true;
    return false;
}

}  // namespace

TEST_CASE("hours: check-in opens 30 minutes before the start (31 refused, 29 accepted)", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "海滩清洁行动");
    h.sign(h.vol, ps);
    int64_t start = when(2, 9);
    h.clock(start - 31 * 60);
    auto early = h.check_in(h.vol, Hours::gps_at(ps.second, start - 31 * 60));
    check_problem(early, 422);
    CHECK(early.j["code"] == "window_not_open");
    CHECK(early.j["params"]["opens_at"] == at(2, 8, 30));
    h.clock(start - 29 * 60);
    auto ok = h.check_in(h.vol, Hours::gps_at(ps.second, start - 29 * 60));
    INFO(ok.body);
    REQUIRE(ok.status == 201);
    CHECK(ok.j["status"] == "open");
    CHECK(ok.j["minutes"] == 0);
    CHECK(ok.j["check_out"].is_null());
    CHECK(ok.j["method"] == "gps");
    CHECK(ok.j["project"]["id"] == ps.first);
    CHECK(ok.j["shift"]["id"] == ps.second);
    CHECK(ok.j["distance_m"] == 10);
    CHECK(ok.j["history"][0]["action"] == "check_in");
}

TEST_CASE("hours: check-in closes at the shift end", "[server][hours]") {
    Hours h;
    std::string other = new_volunteer(*h.srv, "13500000021", make_id("130302", "19900301", 21));
    auto ps = h.project(2, 9, 11, "老人防诈骗宣讲");
    h.sign(h.vol, ps);
    h.sign(other, ps);
    int64_t end = when(2, 11);
    h.clock(end - 60);
    REQUIRE(h.check_in(h.vol, Hours::gps_at(ps.second, end - 60)).status == 201);
    h.clock(end);
    auto late = h.check_in(other, Hours::gps_at(ps.second, end));
    check_problem(late, 422);
    CHECK(late.j["code"] == "window_closed");
}

TEST_CASE("hours: one open check-in per volunteer across teams", "[server][hours]") {
    Hours h;
    auto a = h.project(2, 9, 11, "社区助老·上午");
    auto b = h.project(2, 11, 13, "古城讲解·午间", 3);  // another team
    h.sign(h.vol, a);
    h.sign(h.vol, b);
    h.clock(when(2, 9));
    auto in = h.check_in(h.vol, Hours::gps_at(a.second, when(2, 9)));
    REQUIRE(in.status == 201);
    h.clock(when(2, 10, 40));
    auto second = h.check_in(h.vol, Hours::gps_at(b.second, when(2, 10, 40)));
    check_problem(second, 409);
    CHECK(second.j["code"] == "already_checked_in");
    CHECK(second.j["params"]["project"] == "社区助老·上午");
    // After checking out of the first, the second opens.
    REQUIRE(h.check_out(h.vol, Hours::out_at(in.j["id"], when(2, 10, 41))).status == 200);
    REQUIRE(h.check_in(h.vol, Hours::gps_at(b.second, when(2, 10, 41))).status == 201);
}

TEST_CASE("hours: no overlapping minutes across projects (an offline check-in inside another record)", "[server][hours]") {
    Hours h;
    auto a = h.project(2, 9, 11, "净滩·早班");
    auto b = h.project(2, 11, 13, "护海宣传·午班", 4);
    h.sign(h.vol, a);
    h.sign(h.vol, b);
    h.attend(h.vol, a.second, when(2, 9), when(2, 10, 55));
    // Queued offline at 10:50 (inside the first record), sent at 11:10.
    h.clock(when(2, 11, 10));
    auto over = h.check_in(h.vol, Hours::gps_at(b.second, when(2, 10, 50)));
    check_problem(over, 409);
    CHECK(over.j["code"] == "overlap");
    CHECK(over.j["params"]["project"] == "净滩·早班");
    // At 10:56 (after the first check-out) it is accepted, flagged offline.
    auto ok = h.check_in(h.vol, Hours::gps_at(b.second, when(2, 10, 56)));
    INFO(ok.body);
    REQUIRE(ok.status == 201);
    CHECK(has_flag(ok.j, "offline"));
    CHECK(ok.j["check_in"] == at(2, 10, 56));
}

TEST_CASE("hours: an open record closes at shift end as pending, flagged auto_closed", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "图书馆整理");
    h.sign(h.vol, ps);
    h.clock(when(2, 9));
    auto in = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9)));
    REQUIRE(in.status == 201);
    h.clock(when(2, 10, 59));
    json mine = h.my_hours(h.vol);
    REQUIRE(mine["open"].is_object());
    CHECK(mine["open"]["id"] == in.j["id"]);
    h.clock(when(2, 11, 5));
    mine = h.my_hours(h.vol);
    CHECK(mine["open"].is_null());
    REQUIRE(mine["items"].size() == 1);
    json r = mine["items"][0];
    CHECK(r["status"] == "pending");
    CHECK(r["check_out"] == at(2, 11));
    CHECK(r["minutes"] == 120);
    CHECK(has_flag(r, "auto_closed"));
    REQUIRE(r["history"].size() == 2);
    CHECK(r["history"][1]["action"] == "auto_close");
    CHECK(r["history"][1]["actor"]["id"] == 0);
    // A later online check-out finds nothing open.
    auto out = h.check_out(h.vol, Hours::out_at(in.j["id"], when(2, 11, 5)));
    check_problem(out, 409);
    CHECK(out.j["code"] == "not_checked_in");
}

TEST_CASE("hours: a read within the session's minute still closes what is due first", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "图书馆整理");
    h.sign(h.vol, ps);
    h.clock(when(2, 9));
    REQUIRE(h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9))).status == 201);
    h.clock(when(2, 11, 5));
    // /me refreshes the session (on the writer) and closes nothing. /me/hours, within the same
    // minute, reads on a reader unless a record is due: then the writer closes it first.
    REQUIRE(h.srv->get("/api/v1/me", as(h.vol)).status == 200);
    json mine = h.my_hours(h.vol);
    CHECK(mine["open"].is_null());
    REQUIRE(mine["items"].size() == 1);
    CHECK(mine["items"][0]["status"] == "pending");
    CHECK(has_flag(mine["items"][0], "auto_closed"));
}

TEST_CASE("hours: minutes clamp to the shift", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "助残出行");
    h.sign(h.vol, ps);
    // In at 8:40 (20 min early), out at 10:00: 60 minutes, not 80.
    json r = h.attend(h.vol, ps.second, when(2, 8, 40), when(2, 10));
    CHECK(r["status"] == "pending");
    CHECK(r["check_in"] == at(2, 8, 40));
    CHECK(r["check_out"] == at(2, 10));
    CHECK(r["minutes"] == 60);
}

TEST_CASE("hours: GPS check-in inside the radius (200 m ok, 201 m refused, 199 m ok)", "[server][hours]") {
    Hours h;
    std::string other = new_volunteer(*h.srv, "13500000022", make_id("130302", "19900302", 22));
    auto ps = h.project(2, 9, 11, "社区植树活动");
    h.sign(h.vol, ps);
    h.sign(other, ps);
    h.clock(when(2, 9));
    auto far = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9), 201));
    check_problem(far, 422);
    CHECK(far.j["code"] == "outside_radius");
    CHECK(far.j["params"]["distance_m"] == "201");
    CHECK(far.j["params"]["radius_m"] == "200");
    auto near = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9), 199));
    INFO(near.body);
    REQUIRE(near.status == 201);
    CHECK(near.j["distance_m"] == 199);
    auto edge = h.check_in(other, Hours::gps_at(ps.second, when(2, 9), 200));
    REQUIRE(edge.status == 201);
    CHECK(edge.j["distance_m"] == 200);
}

TEST_CASE("hours: GPS needs a location; other methods flag a far check-in", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "河道巡护");
    h.sign(h.vol, ps);
    h.clock(when(2, 9));
    json no_loc = {{"shift_id", ps.second}, {"method", "gps"}, {"client_time", at(2, 9)}};
    auto r = h.check_in(h.vol, no_loc);
    check_problem(r, 422);
    CHECK(r.j["code"] == "location_required");
    json by_code = {{"shift_id", ps.second}, {"method", "code"}, {"code", h.code(ps)}, {"client_time", at(2, 9)},
                    {"lat", north_of_site(500)}, {"lng", kSiteLng}};
    auto ok = h.check_in(h.vol, by_code);
    INFO(ok.body);
    REQUIRE(ok.status == 201);
    CHECK(has_flag(ok.j, "far_from_site"));
    CHECK(ok.j["distance_m"] == 500);
}

TEST_CASE("hours: the rotating code: current accepted, old expired, wrong refused", "[server][hours]") {
    Hours h;
    std::string other = new_volunteer(*h.srv, "13500000023", make_id("130302", "19900303", 23));
    auto ps = h.project(2, 9, 11, "文明交通劝导");
    h.sign(h.vol, ps);
    h.sign(other, ps);
    h.clock(when(2, 8, 50));
    auto c = h.srv->get("/api/v1/projects/" + std::to_string(ps.first) + "/checkin-code?shift_id=" +
                            std::to_string(ps.second),
                        {{"Authorization", "Bearer " + h.org}});
    REQUIRE(c.status == 200);
    std::string old_code = c.j["code"];
    CHECK(old_code.size() == 6);
    CHECK(c.j["qr_payload"] == "zygc:checkin:" + std::to_string(ps.second) + ":" + old_code);
    CHECK(c.j["life_s"] == 60);
    h.clock(when(2, 8, 55));
    std::string now_code = h.code(ps);
    CHECK(now_code != old_code);
    json body = {{"shift_id", ps.second}, {"method", "code"}, {"client_time", at(2, 8, 55)}};
    body["code"] = old_code;
    auto expired = h.check_in(h.vol, body);
    check_problem(expired, 422, "code");
    CHECK(expired.j["code"] == "code_expired");
    std::string wrong = now_code;
    wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
    body["code"] = wrong;
    auto bad = h.check_in(h.vol, body);
    check_problem(bad, 422, "code");
    CHECK((bad.j["code"] == "code_wrong" || bad.j["code"] == "code_expired"));
    body["code"] = now_code;
    auto ok = h.check_in(h.vol, body);
    INFO(ok.body);
    REQUIRE(ok.status == 201);
    CHECK(ok.j["method"] == "code");
    json qr = {{"shift_id", ps.second}, {"method", "qr"}, {"code", h.code(ps)}, {"client_time", at(2, 8, 55)}};
    auto okq = h.check_in(other, qr);
    REQUIRE(okq.status == 201);
    CHECK(okq.j["method"] == "qr");
    // Only the team's organizer sees the code.
    auto denied = h.srv->get("/api/v1/projects/" + std::to_string(ps.first) + "/checkin-code?shift_id=" +
                                 std::to_string(ps.second),
                             {{"Authorization", "Bearer " + h.vol}});
    check_problem(denied, 403);
    CHECK(denied.j["code"] == "not_team_leader");
}

TEST_CASE("hours: offline events inside the tolerance are kept with their time, outside refused", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 12, "社区义诊");
    h.sign(h.vol, ps);
    h.clock(when(2, 10));
    // 100 s old: online; the server's time counts, no flag.
    auto online = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 10) - 100));
    REQUIRE(online.status == 201);
    CHECK_FALSE(has_flag(online.j, "offline"));
    CHECK(online.j["client_check_in"] == zygc::format_cst(when(2, 10) - 100));
    int64_t rec = online.j["id"];
    // Check-out queued at 11:00, sent at 11:30: its own time, flagged offline.
    h.clock(when(2, 11, 30));
    auto before_in = h.check_out(h.vol, Hours::out_at(rec, when(2, 9, 50)));
    check_problem(before_in, 422, "client_time");
    CHECK(before_in.j["code"] == "client_time_invalid");
    auto future = h.check_out(h.vol, Hours::out_at(rec, when(2, 11, 30) + 300));
    check_problem(future, 422);
    CHECK(future.j["code"] == "client_time_invalid");
    auto malformed = h.check_out(h.vol, {{"attendance_id", rec}, {"client_time", "yesterday"}});
    CHECK(malformed.j["code"] == "client_time_invalid");
    auto out = h.check_out(h.vol, Hours::out_at(rec, when(2, 11)));
    INFO(out.body);
    REQUIRE(out.status == 200);
    CHECK(has_flag(out.j, "offline"));
    CHECK(out.j["check_out"] == at(2, 11));
    CHECK(out.j["minutes"] >= 59);
    CHECK(out.j["minutes"] <= 61);
}

TEST_CASE("hours: offline age limit 24 h, and an offline check-in outside the window", "[server][hours]") {
    Hours h;
    std::string other = new_volunteer(*h.srv, "13500000024", make_id("130302", "19900304", 24));
    auto ps = h.project(2, 9, 12, "环保宣传");
    h.sign(h.vol, ps);
    h.sign(other, ps);
    // Offline, queued before the window opened (8:20 < 8:30): refused.
    h.clock(when(2, 8, 50));
    auto early = h.check_in(other, Hours::gps_at(ps.second, when(2, 8, 20)));
    check_problem(early, 422);
    CHECK(early.j["code"] == "client_time_invalid");
    // Sent 25 h after a 9:30 check-in: too old.
    h.clock(when(3, 10, 30));
    auto old = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9, 30)));
    check_problem(old, 422);
    CHECK(old.j["code"] == "client_time_invalid");
    // Sent 23 h later: accepted with its time, and closed at once at the shift end.
    h.clock(when(3, 8, 30));
    auto ok = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9, 30)));
    INFO(ok.body);
    REQUIRE(ok.status == 201);
    CHECK(has_flag(ok.j, "offline"));
    CHECK(ok.j["check_in"] == at(2, 9, 30));
    CHECK(ok.j["status"] == "pending");
    CHECK(has_flag(ok.j, "auto_closed"));
    CHECK(ok.j["minutes"] == 150);
}

TEST_CASE("hours: an offline check-out replaces the automatic one", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "敬老院陪伴");
    h.sign(h.vol, ps);
    h.clock(when(2, 9));
    auto in = h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9)));
    REQUIRE(in.status == 201);
    h.clock(when(2, 12));  // the phone was offline; the server closed the record at 11:00
    auto out = h.check_out(h.vol, Hours::out_at(in.j["id"], when(2, 10, 30)));
    INFO(out.body);
    REQUIRE(out.status == 200);
    CHECK(out.j["minutes"] == 90);
    CHECK(out.j["check_out"] == at(2, 10, 30));
    CHECK(has_flag(out.j, "offline"));
    CHECK_FALSE(has_flag(out.j, "auto_closed"));
    CHECK(out.j["history"].size() == 3);  // check_in, auto_close, check_out
}

TEST_CASE("hours: idempotent check-in: key required, replay, key reuse, never expires", "[server][hours]") {
    Hours h;
    auto a = h.project(2, 9, 11, "冬季送温暖");
    h.sign(h.vol, a);
    h.clock(when(2, 9));
    json body = Hours::gps_at(a.second, when(2, 9));
    auto none = h.post("/api/v1/attendance/check-in", h.vol, body, "");
    check_problem(none, 400, "Idempotency-Key");
    CHECK(none.j["code"] == "idempotency_key_required");
    check_problem(h.post("/api/v1/attendance/check-out", h.vol, Hours::out_at(1, when(2, 9)), ""), 400);
    auto first = h.check_in(h.vol, body, "evt-in-1");
    REQUIRE(first.status == 201);
    auto again = h.check_in(h.vol, body, "evt-in-1");
    CHECK(again.status == 201);
    CHECK(again.body == first.body);
    CHECK(again.header("Idempotent-Replayed") == "true");
    json other = body;
    other["lat"] = north_of_site(20);
    auto reused = h.check_in(h.vol, other, "evt-in-1");
    check_problem(reused, 422, "Idempotency-Key");
    CHECK(reused.j["code"] == "idempotency_key_reused");
    // A different key for the same shift is a second event: refused, one record only.
    auto dup = h.check_in(h.vol, body, "evt-in-2");
    check_problem(dup, 409);
    CHECK(h.my_hours(h.vol)["items"].size() == 1);
    // Check-out replays too, with the same status and body.
    h.clock(when(2, 10));
    auto out = h.check_out(h.vol, Hours::out_at(first.j["id"], when(2, 10)), "evt-out-1");
    REQUIRE(out.status == 200);
    auto out2 = h.check_out(h.vol, Hours::out_at(first.j["id"], when(2, 10)), "evt-out-1");
    CHECK(out2.status == 200);
    CHECK(out2.body == out.body);
    // Ten days on (past the 48 h retention of other keys, after a prune): still the same answer.
    h.clock(when(12, 10));
    std::string vol = login(*h.srv, "13800000001");
    auto late = h.check_in(vol, body, "evt-in-1");
    CHECK(late.status == 201);
    CHECK(late.body == first.body);
}

TEST_CASE("hours: certification: approve, reject/adjust need a reason, minutes range, decided once", "[server][hours]") {
    Hours h;
    std::string v2 = new_volunteer(*h.srv, "13500000025", make_id("130302", "19900305", 25));
    std::string v3 = new_volunteer(*h.srv, "13500000026", make_id("130302", "19900306", 26));
    auto ps = h.project(2, 9, 11, "社区清扫");
    for (auto* t : {&h.vol, &v2, &v3}) h.sign(*t, ps);
    json r1 = h.attend(h.vol, ps.second, when(2, 9), when(2, 10, 30));
    h.clock(when(2, 9));
    auto in2 = h.check_in(v2, Hours::gps_at(ps.second, when(2, 9)));
    auto in3 = h.check_in(v3, Hours::gps_at(ps.second, when(2, 9)));
    // An open record cannot be decided yet.
    auto open = h.certify(in2.j["id"], {{"decision", "approve"}});
    check_problem(open, 409);
    CHECK(open.j["code"] == "record_open");
    h.clock(when(2, 11, 1));  // auto-close the two others

    auto ok = h.certify(r1["id"], {{"decision", "approve"}});
    INFO(ok.body);
    REQUIRE(ok.status == 200);
    CHECK(ok.j["status"] == "certified");
    CHECK(ok.j["minutes"] == 90);
    CHECK(ok.j["certified_by"]["id"].is_number());
    CHECK(ok.j["history"].back()["action"] == "certify");
    auto again = h.certify(r1["id"], {{"decision", "approve"}});
    check_problem(again, 409);
    CHECK(again.j["code"] == "already_decided");

    auto no_reason = h.certify(in2.j["id"], {{"decision", "reject"}});
    check_problem(no_reason, 422, "reason");
    CHECK(no_reason.j["code"] == "reason_required");
    check_problem(h.certify(in2.j["id"], {{"decision", "reject"}, {"reason", "   "}}), 422, "reason");
    auto rej = h.certify(in2.j["id"], {{"decision", "reject"}, {"reason", "未到场"}});
    REQUIRE(rej.status == 200);
    CHECK(rej.j["status"] == "rejected");
    CHECK(rej.j["reason"] == "未到场");

    check_problem(h.certify(in3.j["id"], {{"decision", "adjust"}, {"minutes", 60}}), 422, "reason");
    auto zero = h.certify(in3.j["id"], {{"decision", "adjust"}, {"minutes", 0}, {"reason", "早退"}});
    check_problem(zero, 422, "minutes");
    CHECK(zero.j["code"] == "minutes_range");
    auto over = h.certify(in3.j["id"], {{"decision", "adjust"}, {"minutes", 121}, {"reason", "早退"}});
    check_problem(over, 422, "minutes");
    CHECK(over.j["params"]["max"] == "120");
    auto adj = h.certify(in3.j["id"], {{"decision", "adjust"}, {"minutes", 120}, {"reason", "补记"}});
    REQUIRE(adj.status == 200);
    CHECK(adj.j["minutes"] == 120);
    CHECK(adj.j["history"].back()["action"] == "adjust");
    CHECK(adj.j["history"].back()["reason"] == "补记");
}

TEST_CASE("hours: certified records are immutable; corrections are linked new records", "[server][hours]") {
    Hours h;
    auto ps = h.project(2, 9, 11, "应急演练");
    h.sign(h.vol, ps);
    json r = h.attend(h.vol, ps.second, when(2, 9), when(2, 10));
    REQUIRE(h.certify(r["id"], {{"decision", "approve"}}).status == 200);
    std::string path = "/api/v1/hours/" + std::to_string(r["id"].get<int64_t>()) + "/corrections";
    check_problem(h.post(path, h.org, {{"minutes", 90}}, ""), 422, "reason");
    check_problem(h.post(path, h.org, {{"minutes", 121}, {"reason", "x"}}, ""), 422, "minutes");
    check_problem(h.post(path, h.vol, {{"minutes", 90}, {"reason", "x"}}, ""), 403);
    auto c = h.post(path, h.org, {{"minutes", 90}, {"reason", "签退漏记"}}, "");
    INFO(c.body);
    REQUIRE(c.status == 201);
    CHECK(c.j["status"] == "certified");
    CHECK(c.j["minutes"] == 90);
    CHECK(c.j["corrects"] == r["id"]);
    CHECK(c.j["reason"] == "签退漏记");
    // The original keeps its minutes and points at the correction.
    json items = h.attendance(ps.first)["items"];
    REQUIRE(items.size() == 2);
    CHECK(items[0]["minutes"] == 60);
    CHECK(items[0]["status"] == "certified");
    CHECK(items[0]["corrected_by"] == c.j["id"]);
    CHECK(items[0]["history"].back()["action"] == "correct");
    auto twice = h.post(path, h.org, {{"minutes", 80}, {"reason", "再改"}}, "");
    check_problem(twice, 409);
    CHECK(twice.j["code"] == "already_corrected");
    // The volunteer's totals count the correction only.
    CHECK(h.my_hours(h.vol)["totals"]["certified_minutes"] == 90);
}

TEST_CASE("hours: bulk approve takes clean pending records and skips flagged ones", "[server][hours]") {
    Hours h;
    std::string v2 = new_volunteer(*h.srv, "13500000027", make_id("130302", "19900307", 27));
    std::string v3 = new_volunteer(*h.srv, "13500000028", make_id("130302", "19900308", 28));
    auto ps = h.project(2, 9, 11, "马拉松补给站");
    for (auto* t : {&h.vol, &v2, &v3}) h.sign(*t, ps);
    h.clock(when(2, 9));
    REQUIRE(h.check_in(h.vol, Hours::gps_at(ps.second, when(2, 9))).status == 201);
    REQUIRE(h.check_in(v2, Hours::gps_at(ps.second, when(2, 9))).status == 201);
    json far = {{"shift_id", ps.second}, {"method", "code"}, {"code", h.code(ps)}, {"client_time", at(2, 9)},
                {"lat", north_of_site(900)}, {"lng", kSiteLng}};
    REQUIRE(h.check_in(v3, far).status == 201);
    h.clock(when(2, 10));
    json queue = h.attendance(ps.first);
    for (const auto& it : queue["items"])
        if (it["volunteer"]["id"] == h.vol_id)
            REQUIRE(h.check_out(h.vol, Hours::out_at(it["id"], when(2, 10))).status == 200);
    h.clock(when(2, 11, 1));  // the other two close automatically (flag auto_closed)
    auto denied = h.post("/api/v1/shifts/" + std::to_string(ps.second) + "/certify-all", h.vol, json::object(), "");
    check_problem(denied, 403);
    auto r = h.post("/api/v1/shifts/" + std::to_string(ps.second) + "/certify-all", h.org, json::object(), "");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.j["approved"] == 1);
    CHECK(r.j["skipped"] == 2);
    json after = h.attendance(ps.first, "", "?shift_id=" + std::to_string(ps.second));
    int certified = 0;
    for (const auto& it : after["items"]) certified += it["status"] == "certified";
    CHECK(certified == 1);
    // The roster: everyone signed up, each out.
    REQUIRE(after["roster"].size() == 3);
    for (const auto& e : after["roster"]) {
        CHECK(e["state"] == "out");
        CHECK(e["check_out"].is_string());
    }
}

TEST_CASE("hours: authorization: volunteers cannot certify; organizers only their own team", "[server][hours]") {
    Hours h;
    auto mine = h.project(2, 9, 11, "社区活动·一队");
    auto theirs = h.project(2, 12, 14, "古城讲解·三队", 3);
    h.sign(h.vol, mine);
    h.sign(h.vol, theirs);
    json a = h.attend(h.vol, mine.second, when(2, 9), when(2, 10));
    json b = h.attend(h.vol, theirs.second, when(2, 12), when(2, 13));
    auto by_vol = h.certify(a["id"], {{"decision", "approve"}}, h.vol);
    check_problem(by_vol, 403);
    CHECK(by_vol.j["code"] == "not_team_leader");
    auto other_team = h.certify(b["id"], {{"decision", "approve"}});
    check_problem(other_team, 403);
    CHECK(other_team.j["code"] == "not_team_leader");
    auto list = h.srv->get("/api/v1/projects/" + std::to_string(theirs.first) + "/attendance",
                           {{"Authorization", "Bearer " + h.org}});
    check_problem(list, 403);
    check_problem(h.srv->get("/api/v1/projects/" + std::to_string(mine.first) + "/attendance",
                             {{"Authorization", "Bearer " + h.vol}}),
                  403);
    check_problem(h.srv->get("/api/v1/me/hours"), 401);
    CHECK(h.certify(a["id"], {{"decision", "approve"}}).status == 200);
}

TEST_CASE("hours: manual check-in/out by the organizer, only for signed-up volunteers", "[server][hours]") {
    Hours h;
    std::string other = new_volunteer(*h.srv, "13500000029", make_id("130302", "19900309", 29));
    int64_t other_id = h.srv->get("/api/v1/me", {{"Authorization", "Bearer " + other}}).j["id"];
    auto ps = h.project(2, 9, 11, "助老·代签");
    h.sign(h.vol, ps);
    h.clock(when(2, 9));
    json body = {{"shift_id", ps.second}, {"method", "manual"}, {"volunteer_id", h.vol_id}, {"client_time", at(2, 9)}};
    auto by_vol = h.check_in(other, body);
    check_problem(by_vol, 403);
    CHECK(by_vol.j["code"] == "not_team_leader");
    json not_signed = body;
    not_signed["volunteer_id"] = other_id;
    auto ns = h.check_in(h.org, not_signed);
    check_problem(ns, 403);
    CHECK(ns.j["code"] == "not_signed_up");
    auto in = h.check_in(h.org, body);
    INFO(in.body);
    REQUIRE(in.status == 201);
    CHECK(in.j["volunteer"]["id"] == h.vol_id);
    CHECK(has_flag(in.j, "manual"));
    CHECK(in.j["method"] == "manual");
    CHECK(h.attendance(ps.first)["roster"].empty());  // the roster is a shift's
    json roster = h.attendance(ps.first, "", "?shift_id=" + std::to_string(ps.second))["roster"];
    REQUIRE(roster.size() == 1);
    CHECK(roster[0]["state"] == "in");
    CHECK(roster[0]["attendance_id"] == in.j["id"]);
    CHECK(roster[0]["check_in"] == in.j["check_in"]);
    CHECK(roster[0]["check_out"].is_null());
    h.clock(when(2, 10));
    json out = {{"attendance_id", in.j["id"]}, {"client_time", at(2, 10)}, {"volunteer_id", h.vol_id}};
    auto o = h.check_out(h.org, out);
    INFO(o.body);
    REQUIRE(o.status == 200);
    CHECK(o.j["minutes"] == 60);
    // Someone else's record is not found for another volunteer.
    check_problem(h.check_out(other, Hours::out_at(in.j["id"], when(2, 10))), 404);
}

TEST_CASE("hours: more than 12 hours in a day is flagged", "[server][hours]") {
    Hours h;
    auto a = h.project(2, 6, 13, "长跑赛会·上");
    auto b = h.project(2, 13, 20, "长跑赛会·下");
    h.sign(h.vol, a);
    h.sign(h.vol, b);
    json r1 = h.attend(h.vol, a.second, when(2, 6), when(2, 12, 59));
    CHECK_FALSE(has_flag(r1, "over_12h"));
    json r2 = h.attend(h.vol, b.second, when(2, 13), when(2, 19, 59));
    CHECK(r1["minutes"].get<int>() + r2["minutes"].get<int>() > 720);
    CHECK(has_flag(r2, "over_12h"));
}

TEST_CASE("hours: the 10th working day after the shift (weekend, 春节, 调休) and overdue", "[server][hours]") {
    // Friday 2026-02-06 → 9,10,11,12,13 Feb, Sat 14 Feb (调休, worked), 24,25,26,27 Feb
    // (春节 15–23 Feb off): the 10th working day is Fri 27 Feb, the 11th Sat 28 Feb (调休).
    Hours h;
    std::string v2 = new_volunteer(*h.srv, "13500000030", make_id("130302", "19900310", 30));
    auto ps = h.project(22, 9, 11, "春节前慰问");
    CHECK(at(22, 9).substr(0, 10) == "2026-02-06");
    h.sign(h.vol, ps);
    h.sign(v2, ps);
    json r1 = h.attend(h.vol, ps.second, when(22, 9), when(22, 10));
    json r2 = h.attend(v2, ps.second, when(22, 9), when(22, 10));
    CHECK(r1["certify_by"] == "2026-02-27");
    int64_t feb27 = *zygc::parse_rfc3339("2026-02-27T23:00:00+08:00");
    int64_t feb28 = *zygc::parse_rfc3339("2026-02-28T00:30:00+08:00");
    h.clock(feb27);
    h.org = login(*h.srv, "13800000002");  // sessions end after 30 idle days
    json items = h.attendance(ps.first)["items"];
    for (const auto& it : items) CHECK(it["overdue"] == false);
    auto on_time = h.certify(r1["id"], {{"decision", "approve"}});
    REQUIRE(on_time.status == 200);
    CHECK(on_time.j["overdue"] == false);
    h.clock(feb28);
    items = h.attendance(ps.first)["items"];
    for (const auto& it : items)
        if (it["id"] == r2["id"]) CHECK(it["overdue"] == true);
        else CHECK(it["overdue"] == false);
    auto late = h.certify(r2["id"], {{"decision", "approve"}});
    REQUIRE(late.status == 200);  // still allowed, flagged overdue
    CHECK(late.j["overdue"] == true);
}

TEST_CASE("hours: disputes: the volunteer asks, the organizer resolves (keep, adjust → correction)", "[server][hours]") {
    Hours h;
    auto a = h.project(2, 9, 11, "净滩·申诉");
    auto b = h.project(3, 9, 11, "净滩·第二天");
    h.sign(h.vol, a);
    h.sign(h.vol, b);
    json r1 = h.attend(h.vol, a.second, when(2, 9), when(2, 10));
    REQUIRE(h.certify(r1["id"], {{"decision", "approve"}}).status == 200);
    std::string dpath = "/api/v1/hours/" + std::to_string(r1["id"].get<int64_t>()) + "/disputes";
    check_problem(h.post(dpath, h.vol, json::object(), ""), 422, "reason");
    check_problem(h.post(dpath, h.org, {{"reason", "x"}}, ""), 404);  // not the organizer's record to dispute
    auto d = h.post(dpath, h.vol, {{"reason", "我11点才离开"}}, "");
    INFO(d.body);
    REQUIRE(d.status == 200);
    CHECK(d.j["status"] == "disputed");
    CHECK(d.j["dispute"]["reason"] == "我11点才离开");
    CHECK(d.j["dispute"]["resolution"].is_null());
    check_problem(h.post(dpath, h.vol, {{"reason", "again"}}, ""), 409);
    check_problem(h.certify(r1["id"], {{"decision", "approve"}}), 409);
    // Still certified minutes while disputed.
    CHECK(h.my_hours(h.vol)["totals"]["certified_minutes"] == 60);
    auto res = h.post(dpath + "/resolve", h.org, {{"decision", "adjust"}, {"minutes", 120}, {"reason", "核实属实"}}, "");
    INFO(res.body);
    REQUIRE(res.status == 200);
    CHECK(res.j["status"] == "certified");
    CHECK(res.j["minutes"] == 60);  // immutable: the correction carries 120
    CHECK(res.j["corrected_by"].is_number());
    CHECK(res.j["dispute"]["resolution"] == "核实属实");
    CHECK(h.my_hours(h.vol)["totals"]["certified_minutes"] == 120);
    check_problem(h.post(dpath + "/resolve", h.org, {{"decision", "keep"}, {"reason", "x"}}, ""), 409);

    // A pending record disputed and kept goes back to pending.
    json r2 = h.attend(h.vol, b.second, when(3, 9), when(3, 10));
    std::string d2 = "/api/v1/hours/" + std::to_string(r2["id"].get<int64_t>()) + "/disputes";
    REQUIRE(h.post(d2, h.vol, {{"reason", "时间不对"}}, "").status == 200);
    check_problem(h.post(d2 + "/resolve", h.vol, {{"decision", "keep"}, {"reason", "x"}}, ""), 403);
    check_problem(h.post(d2 + "/resolve", h.org, {{"decision", "keep"}}, ""), 422, "reason");
    auto keep = h.post(d2 + "/resolve", h.org, {{"decision", "keep"}, {"reason", "签到记录无误"}}, "");
    REQUIRE(keep.status == 200);
    CHECK(keep.j["status"] == "pending");
    std::vector<std::string> actions;
    for (const auto& e : keep.j["history"]) actions.push_back(e["action"]);
    CHECK(actions == std::vector<std::string>{"check_in", "check_out", "dispute", "resolve"});

    // In the volunteer's list, each record carries its own history and dispute.
    json listed = h.my_hours(h.vol)["items"];
    int seen = 0;
    for (const auto& it : listed) {
        INFO(it.dump());
        if (it["id"] == r2["id"]) {
            ++seen;
            CHECK(it["history"] == keep.j["history"]);
            CHECK(it["dispute"]["reason"] == "时间不对");
        } else if (it["id"] == r1["id"]) {
            ++seen;
            CHECK(it["history"] == res.j["history"]);
            CHECK(it["dispute"]["reason"] == "我11点才离开");
        } else if (it["id"] == res.j["corrected_by"]) {
            ++seen;
            CHECK(it["dispute"].is_null());
            CHECK(it["history"].size() >= 1);
        }
    }
    CHECK(seen == 3);
}

TEST_CASE("hours: my hours totals and months; city service minutes grow with certified minutes", "[server][hours]") {
    Hours h;
    int64_t city_before = h.srv->get("/api/v1/stats/city").j["service_minutes"];
    auto a = h.project(2, 9, 11, "社区图书角");
    auto b = h.project(3, 9, 11, "社区图书角·次日");
    h.sign(h.vol, a);
    h.sign(h.vol, b);
    json r1 = h.attend(h.vol, a.second, when(2, 9), when(2, 10, 30));
    h.attend(h.vol, b.second, when(3, 9), when(3, 10));
    REQUIRE(h.certify(r1["id"], {{"decision", "approve"}}).status == 200);
    json mine = h.my_hours(h.vol);
    CHECK(mine["totals"]["certified_minutes"] == 90);
    CHECK(mine["totals"]["pending_minutes"] == 60);
    CHECK(mine["totals"]["records"] == 2);
    REQUIRE(mine["by_month"].size() == 12);
    CHECK(mine["by_month"].back()["month"] == "2026-01");
    CHECK(mine["by_month"].back()["certified_minutes"] == 90);
    CHECK(mine["by_month"].back()["pending_minutes"] == 60);
    CHECK(mine["by_month"][0]["month"] == "2025-02");
    CHECK(h.srv->get("/api/v1/stats/city").j["service_minutes"] == city_before + 90);
}

TEST_CASE("hours: my records come in pages, newest first, each once; open and totals on every page", "[server][hours]") {
    Hours h;
    std::vector<int64_t> newest_first;
    for (int day = 2; day <= 6; ++day) {
        auto ps = h.project(day, 9, 11, "社区图书角·第" + std::to_string(day) + "天");
        h.sign(h.vol, ps);
        newest_first.insert(newest_first.begin(), h.attend(h.vol, ps.second, when(day, 9), when(day, 10))["id"].get<int64_t>());
    }
    auto later = h.project(8, 9, 11, "社区图书角·翻页时");
    h.sign(h.vol, later);
    auto page = [&](const std::string& query, const std::string& token) {
        return h.srv->get("/api/v1/me/hours" + query, as(token));
    };
    std::vector<int64_t> seen;
    std::string query = "?limit=2";
    for (int n = 0;; ++n) {
        REQUIRE(n < 5);
        auto r = page(query, h.vol);
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(r.j["items"].size() <= 2);
        for (const auto& rec : r.j["items"]) seen.push_back(rec["id"]);
        CHECK(r.j["totals"]["records"] == 5 + (n > 0 ? 1 : 0));  // every record, on every page
        CHECK(r.j["by_month"].size() == 12);
        if (n == 0) {
            CHECK(r.j["open"].is_null());
            // A record added while paging is newer than the cursor: it is on no later page,
            // and the open one is reported on each of them.
            h.clock(when(8, 9));
            REQUIRE(h.check_in(h.vol, Hours::gps_at(later.second, when(8, 9))).status == 201);
        } else {
            REQUIRE(r.j["open"].is_object());
            CHECK(r.j["open"]["shift"]["id"] == later.second);
        }
        if (r.j["next_cursor"].is_null()) break;
        query = "?limit=2&cursor=" + r.j["next_cursor"].get<std::string>();
    }
    CHECK(seen == newest_first);

    // Without a limit: up to 500, the open one first (the newest check-in).
    json all = h.my_hours(h.vol);
    CHECK(all["items"].size() == 6);
    CHECK(all["next_cursor"].is_null());
    CHECK(all["items"][0]["status"] == "open");

    // A cursor is bound to its volunteer; malformed ones and limits out of range are refused.
    auto first = page("?limit=1", h.vol);
    const std::string cursor = first.j["next_cursor"];
    const std::string other = login(*h.srv, "13800000003");
    check_problem(page("?limit=1&cursor=" + cursor, other), 400);
    check_problem(page("?cursor=bm90LWEtY3Vyc29y", h.vol), 400);
    check_problem(page("?limit=0", h.vol), 422);
    check_problem(page("?limit=501", h.vol), 422);
    check_problem(page("?limit=ten", h.vol), 400);
    CHECK(page("?limit=500", h.vol).status == 200);
}
