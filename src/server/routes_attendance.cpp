// [SECTION] Hour tracking (issue 9): check-in and check-out (POST /attendance/check-in,
// /attendance/check-out: idempotent events, the offline rule, the window, code, QR, location
// and manual ways) and the organizer's rotating code (GET /projects/{id}/checkin-code).
// Rules: API.md "Hour rules". Every change appends to attendance_history.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/hours_codec.h"
#include "core/utf8.h"
#include "server/crypto.h"
#include "server/hours.h"
#include "server/hours_internal.h"
#include "server/mutation.h"

namespace zygc::server {
namespace {

using namespace hours;

// ---- event times (the offline rule) ----------------------------------------------------------

struct EventTime {
    int64_t at = 0;     // the event's time: server receive time, or client_time when offline
    bool offline = false;
};

// nullopt: client_time is not acceptable at all (malformed, from the future, too old).
std::optional<EventTime> event_time(int64_t now, const std::string& client_time) {
    auto ct = parse_rfc3339(client_time);
    if (!ct) return std::nullopt;
    if (*ct > now + kOfflineAfter) return std::nullopt;
    if (now - *ct <= kOfflineAfter) return EventTime{now, false};
    if (now - *ct > kOfflineMaxAge) return std::nullopt;
    return EventTime{*ct, true};
}

Reply client_time_invalid() {
    return problem_reply(422, "client_time_invalid", "设备时间无效或离线记录已超出允许范围",
                         {field_error("client_time", "client_time_invalid", "outside the tolerance")});
}
// The idempotent event wrapper of check-in / check-out: the key is required and kept forever.
Reply idempotent_event(App& app, const httplib::Request& req, Id user, const json& body,
                       const std::function<Reply(const std::string& event_id)>& fn) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, true, idem.key)) return *bad;
    idem.active = true;
    idem.user = user;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    Reply r = idempotency_finish(app, idem, fn(std::to_string(user) + ":" + idem.key));
    Stmt keep(app.db, "UPDATE idempotency SET keep = 1 WHERE user_id = ? AND key = ?");
    keep.bind(1, user).bind(2, idem.key);
    if (!keep.exec()) log_db_error(keep.error());
    return r;
}

// ---- check-in -----------------------------------------------------------------------------

Reply do_check_in(App& app, Id user, const json& body, const std::string& event_id) {
    auto d = decode_json<CheckInRequest>(body);
    if (!d.ok()) return decode_problem(*d.error);
    const CheckInRequest& q = d.value;
    const std::string& m = q.method;
    if (m != "qr" && m != "code" && m != "gps" && m != "manual")
        return problem_reply(422, "invalid", "签到方式无效", {field_error("method", "invalid", "qr|code|gps|manual")});
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    ShiftInfo sh;
    int found = load_shift(app.db, q.shift_id, sh);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("shift");
    Id volunteer = user;
    if (m == "manual") {
        if (!q.volunteer_id)
            return problem_reply(422, "invalid", "请选择志愿者", {field_error("volunteer_id", "required", "required")});
        auto leads = leads_team(app.db, user, sh.team);
        if (!leads) return problem_reply(internal_problem());
        if (!*leads) return not_team_leader(sh.team);
        volunteer = *q.volunteer_id;
    }
    Stmt su(app.db, "SELECT 1 FROM signups WHERE user_id = ? AND shift_id = ? AND status = 'confirmed'");
    su.bind(1, volunteer).bind(2, sh.id);
    Step s = su.step();
    if (s == Step::Error) return internal_error(su.error());
    if (s == Step::Done) return problem_reply(403, "not_signed_up", "你没有报名这个班次", {}, {{"shift", std::to_string(sh.id)}});

    int64_t now = app.now();
    auto et = event_time(now, q.client_time);
    if (!et) return client_time_invalid();
    int64_t t = et->at;
    if (t < sh.start - kWindowBefore) {
        if (et->offline) return client_time_invalid();
        return problem_reply(422, "window_not_open", "签到将于 " + format_cst(sh.start - kWindowBefore) + " 开放", {},
                             {{"opens_at", format_cst(sh.start - kWindowBefore)}});
    }
    if (t >= sh.end) {
        if (et->offline) return client_time_invalid();
        return problem_reply(422, "window_closed", "该班次已结束，不能签到");
    }
    std::vector<std::string> flags;
    if (et->offline) add_flag(flags, "offline");
    if (m == "manual") add_flag(flags, "manual");
    if (m == "code" || m == "qr") {
        std::string code = q.code.value_or("");
        int64_t w = t / kCodeLife;
        bool ok = !code.empty() && (code == checkin_code(app, sh.id, w) ||
                                    (t - w * kCodeLife < kCodeGrace && code == checkin_code(app, sh.id, w - 1)));
        if (!ok) {
            bool expired = false;
            for (int64_t k = 1; k <= kCodeExpiredWindows && !expired && !code.empty(); ++k)
                expired = code == checkin_code(app, sh.id, w - k);
            if (expired) return problem_reply(422, "code_expired", "签到码已过期，请看组织者屏幕上的新码",
                                              {field_error("code", "code_expired", "expired")});
            return problem_reply(422, "code_wrong", "签到码不正确", {field_error("code", "code_wrong", "wrong")});
        }
    }
    std::optional<int64_t> distance;
    if (q.lat && q.lng) distance = haversine_m(*q.lat, *q.lng, sh.lat, sh.lng);
    if (m == "gps") {
        if (!distance)
            return problem_reply(422, "location_required", "需要定位才能签到",
                                 {field_error("lat", "location_required", "required")});
        if (*distance > sh.radius_m)
            return problem_reply(422, "outside_radius",
                                 "你距活动地点约" + std::to_string(*distance) + "米，需在" +
                                     std::to_string(sh.radius_m) + "米内签到",
                                 {}, {{"distance_m", std::to_string(*distance)}, {"radius_m", std::to_string(sh.radius_m)}});
    } else if (distance && *distance > sh.radius_m) {
        add_flag(flags, "far_from_site");
    }

    Id created = 0;
    Reply r = in_transaction(app, [&]() -> Reply {
        Stmt open(app.db,
                  "SELECT p.title FROM attendance a JOIN projects p ON p.id = a.project_id "
                  "WHERE a.user_id = ? AND a.status = 'open'");
        open.bind(1, volunteer);
        Step st = open.step();
        if (st == Step::Error) return internal_error(open.error());
        if (st == Step::Row)
            return problem_reply(409, "already_checked_in", "你已在「" + open.text(0) + "」签到，请先签退", {},
                                 {{"project", open.text(0)}});
        Stmt same(app.db,
                  "SELECT p.title FROM attendance a JOIN projects p ON p.id = a.project_id "
                  "WHERE a.user_id = ? AND a.shift_id = ? AND a.corrects IS NULL");
        same.bind(1, volunteer).bind(2, sh.id);
        st = same.step();
        if (st == Step::Error) return internal_error(same.error());
        if (st == Step::Row)
            return problem_reply(409, "already_checked_in", "你已在「" + same.text(0) + "」签到过这个班次", {},
                                 {{"project", same.text(0)}});
        bool failed = false;
        auto other = overlapping(app, volunteer, 0, t, t + 1, failed);
        if (failed) return problem_reply(internal_problem());
        if (other)
            return problem_reply(409, "overlap", "与你在「" + *other + "」的服务时间重叠", {}, {{"project", *other}});
        Stmt ins(app.db,
                 "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, client_check_in, "
                 "status, flags, distance_m, checkin_event, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)");
        ins.bind(1, volunteer).bind(2, sh.id).bind(3, sh.project).bind(4, sh.team).bind(5, m).bind(6, t)
            .bind(7, q.client_time).bind(8, flags_text(flags));
        if (distance) ins.bind(9, *distance);
        else ins.bind_null(9);
        ins.bind(10, event_id).bind(11, now);
        if (!ins.exec()) return internal_error(ins.error());
        Id id = app.db.last_insert_rowid();
        if (!add_history(app, id, user, "check_in", nullptr,
                         {{"status", "open"}, {"check_in", format_cst(t)}, {"method", m}}, std::nullopt))
            return problem_reply(internal_problem());
        created = id;
        return Reply{201};
    });
    if (r.status != 201) return r;
    // An offline check-in for a shift that has already ended closes at once.
    if (sh.end <= now && !auto_close_due(app)) return problem_reply(internal_problem());
    return record_reply(app, created, 201);
}

// ---- check-out ----------------------------------------------------------------------------
Reply do_check_out(App& app, Id user, const json& body, const std::string& event_id) {
    auto d = decode_json<CheckOutRequest>(body);
    if (!d.ok()) return decode_problem(*d.error);
    const CheckOutRequest& q = d.value;
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    RecordRow rec;
    int found = load_row(app, q.attendance_id, rec);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("attendance");
    bool manual = false;
    if (rec.user != user) {
        // Someone else's record: only its team's organizer, checking the volunteer out by hand.
        auto leads = leads_team(app.db, user, rec.team);
        if (!leads) return problem_reply(internal_problem());
        if (!*leads) return not_found_reply("attendance");
        if (!q.volunteer_id || *q.volunteer_id != rec.user) return not_team_leader(rec.team);
        manual = true;
    }
    ShiftInfo sh;
    if (load_shift(app.db, rec.shift, sh) != 1) return problem_reply(internal_problem());
    int64_t now = app.now();
    auto et = event_time(now, q.client_time);
    if (!et) return client_time_invalid();
    int64_t t = et->at;
    auto flags = parse_flags(rec.flags);
    bool auto_closed = std::find(flags.begin(), flags.end(), "auto_closed") != flags.end();
    // An offline check-out that happened before the shift ended replaces the automatic one.
    bool replaces_auto = rec.status == "pending" && auto_closed && !rec.certified && !rec.has_checkout_event &&
                         et->offline && t <= sh.end;
    if (rec.status != "open" && !replaces_auto)
        return problem_reply(409, "not_checked_in", "这条记录已签退", {}, {{"attendance_id", std::to_string(rec.id)}});
    if (t < rec.check_in) return client_time_invalid();
    if (et->offline) add_flag(flags, "offline");
    if (manual) add_flag(flags, "manual");
    if (replaces_auto) drop_flag(flags, "auto_closed");
    if (q.lat && q.lng && haversine_m(*q.lat, *q.lng, sh.lat, sh.lng) > sh.radius_m) add_flag(flags, "far_from_site");
    int64_t minutes = clamp_minutes(rec.check_in, t, sh);
    Reply r = in_transaction(app, [&]() -> Reply {
        bool failed = false;
        if (overlapping(app, rec.user, rec.id, rec.check_in, std::max(t, rec.check_in + 1), failed))
            add_flag(flags, "overlap");
        if (failed) return problem_reply(internal_problem());
        auto other = day_minutes(app, rec.user, rec.id, cst_day(rec.check_in));
        if (!other) return problem_reply(internal_problem());
        if (*other + minutes > kDayLimitMinutes) add_flag(flags, "over_12h");
        Stmt up(app.db,
                "UPDATE attendance SET status = 'pending', check_out = ?, client_check_out = ?, minutes = ?, "
                "flags = ?, checkout_event = ? WHERE id = ?");
        up.bind(1, t).bind(2, q.client_time).bind(3, minutes).bind(4, flags_text(flags)).bind(5, event_id)
            .bind(6, rec.id);
        if (!up.exec()) return internal_error(up.error());
        json before = {{"status", rec.status}};
        if (rec.check_out) before["check_out"] = format_cst(*rec.check_out), before["minutes"] = rec.minutes;
        if (!add_history(app, rec.id, user, "check_out", before,
                         {{"status", "pending"}, {"check_out", format_cst(t)}, {"minutes", minutes}}, std::nullopt))
            return problem_reply(internal_problem());
        return Reply{200};
    });
    if (r.status != 200) return r;
    return record_reply(app, rec.id, 200);
}
// Read only (a reader): the code is an HMAC of the shift and the minute, nothing is stored.
Reply code_reply(App& app, Db& db, Id user, const std::optional<int64_t>& project, const httplib::Request& req) {
    if (!project) return problem_reply(404, "not_found", "项目不存在", {}, {{"resource", "project"}});
    auto shift = req.has_param("shift_id") ? path_id(req.get_param_value("shift_id")) : std::nullopt;
    if (!shift)
        return problem_reply(400, "invalid_query", "请指定班次", {field_error("shift_id", "required", "positive integer")});
    ShiftInfo sh;
    int found = load_shift(db, *shift, sh);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0 || sh.project != *project) return not_found_reply("shift");
    auto leads = leads_team(db, user, sh.team);
    if (!leads) return problem_reply(internal_problem());
    if (!*leads) return not_team_leader(sh.team);
    int64_t now = app.now();
    int64_t w = now / kCodeLife;
    CheckinCode c;
    c.shift_id = sh.id;
    c.code = checkin_code(app, sh.id, w);
    c.qr_payload = "zygc:checkin:" + std::to_string(sh.id) + ":" + c.code;
    c.expires_at = format_cst((w + 1) * kCodeLife);
    c.life_s = kCodeLife;
    Reply r = json_reply(encode(c));
    r.headers.push_back({"Cache-Control", "no-store"});
    return r;
}

// ---- handlers -------------------------------------------------------------------------------

void post_check_in(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) {
        return idempotent_event(app, req, user, body,
                                [&](const std::string& ev) { return do_check_in(app, user, body, ev); });
    });
}

void post_check_out(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) {
        return idempotent_event(app, req, user, body,
                                [&](const std::string& ev) { return do_check_out(app, user, body, ev); });
    });
}
void get_checkin_code(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_read(app, req, res, [&](Db& db, Id user, bool) -> std::optional<Reply> { return code_reply(app, db, user, id, req); });
}

}  // namespace

namespace hours {

void register_attendance_routes(App& app) {
    app.route("POST", R"(/api/v1/attendance/check-in)", post_check_in);
    app.route("POST", R"(/api/v1/attendance/check-out)", post_check_out);
}

void register_checkin_code_route(App& app) {
    app.route("GET", R"(/api/v1/projects/([^/]+)/checkin-code)", get_checkin_code);
}

}  // namespace hours
}  // namespace zygc::server
