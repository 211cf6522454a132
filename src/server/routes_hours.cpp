// [SECTION] Hour tracking (issue 9): check-in/out, the organizer's code and queue,
// 时长认定 (certify, bulk, corrections), disputes, 我的时长. Rules: API.md "Hour rules" and
// /work/wt/prompts/hours-api.md. Every change appends to attendance_history.
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
#include "server/eldercare.h"  // eldercare (issue 13): keeps_eldercare_team
#include "server/mutation.h"
#include "server/points.h"  // points (issue 12)

namespace zygc::server {

// ---- shared with routes_certificates.cpp ---------------------------------------------------

std::string hours_key(const App& app) {
    // With a server secret: derived from it (through the ID-number HMAC key, which is).
    // Without one (dev, tests without a secret): a fixed, public dev key.
    if (app.have_secret()) return hmac_sha256(app.id_hmac_key, "zygc/hours/v1");
    return hmac_sha256("zygc-dev-hours-key (no secret configured)", "zygc/hours/v1");
}

std::string masked_name(const std::string& name) {
    if (name.empty()) return name;
    std::string_view first = utf8::truncate_chars(name, 1);
    return std::string(first) + "**";
}

std::string checkin_code(const App& app, Id shift, int64_t window) {
    std::string mac = hmac_sha256(hours_key(app), "checkin:" + std::to_string(shift) + ":" + std::to_string(window));
    uint32_t v = (static_cast<uint32_t>(static_cast<unsigned char>(mac[0])) << 24) |
                 (static_cast<uint32_t>(static_cast<unsigned char>(mac[1])) << 16) |
                 (static_cast<uint32_t>(static_cast<unsigned char>(mac[2])) << 8) |
                 static_cast<uint32_t>(static_cast<unsigned char>(mac[3]));
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", v % 1000000u);
    return buf;
}

int64_t haversine_m(double lat1, double lng1, double lat2, double lng2) {
    constexpr double kR = 6371008.8;  // mean Earth radius, metres
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * kRad, dlng = (lng2 - lng1) * kRad;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
    return std::llround(2 * kR * std::asin(std::min(1.0, std::sqrt(a))));
}

namespace {

constexpr int64_t kWindowBefore = 30 * 60;    // check-in opens 30 min before the start
constexpr int64_t kOfflineAfter = 120;        // client_time older than this: an offline event
constexpr int64_t kOfflineMaxAge = 24 * 3600;  // offline events older than this are refused
constexpr int64_t kCodeLife = 60;             // a check-in code lives one 60 s window
constexpr int64_t kCodeGrace = 15;            // the previous code still counts this long
constexpr int64_t kCodeExpiredWindows = 30;   // older codes (30 min) answer code_expired
constexpr int64_t kDayLimitMinutes = 12 * 60;  // over_12h flag
constexpr size_t kMaxReason = 500;

using Fail = std::function<Reply(int, const char*, std::string, std::vector<FieldError>, Params)>;

Reply not_found_reply(const char* resource) {
    return problem_reply(404, "not_found", "记录不存在", {}, {{"resource", resource}});
}

Reply not_team_leader(Id team) {
    return problem_reply(403, "not_team_leader", "只有该队伍的组织者可以操作", {}, {{"team", std::to_string(team)}});
}

// eldercare (issue 13): a social worker certifies the 老帮老 visit records of a district's
// 老帮老 team (and sees their queue) as the team's organizer would.
std::optional<bool> certifies_team(App& app, Id user, Id team) {
    auto leads = leads_team(app, user, team);
    if (!leads || *leads) return leads;
    return keeps_eldercare_team(app, user, team);
}

// ---- flags --------------------------------------------------------------------------------

std::vector<std::string> parse_flags(const std::string& text) {
    std::vector<std::string> out;
    json j = json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}
void add_flag(std::vector<std::string>& flags, const char* f) {
    if (std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(f);
}
void drop_flag(std::vector<std::string>& flags, const char* f) {
    flags.erase(std::remove(flags.begin(), flags.end(), f), flags.end());
}
std::string flags_text(const std::vector<std::string>& flags) { return json(flags).dump(); }

// ---- shifts -------------------------------------------------------------------------------

struct ShiftInfo {
    Id id = 0, project = 0, team = 0;
    int64_t start = 0, end = 0;
    std::string title, team_name;
    double lat = 0, lng = 0;
    int64_t radius_m = 0;
    int64_t length_min() const { return (end - start) / 60; }
};

// 1 found, 0 none, -1 database error (logged).
int load_shift(App& app, Id id, ShiftInfo& out) {
    Stmt st(app.db,
            "SELECT s.id, s.project_id, p.team_id, s.start_at, s.end_at, p.title, t.name, p.site_lat, "
            "p.site_lng, p.site_radius_m FROM shifts s JOIN projects p ON p.id = s.project_id "
            "JOIN teams t ON t.id = p.team_id WHERE s.id = ?");
    st.bind(1, id);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), -1;
    if (s == Step::Done) return 0;
    out = {st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.i64(4), st.text(5), st.text(6),
           st.f64(7), st.f64(8), st.i64(9)};
    return 1;
}

int64_t clamp_minutes(int64_t in, int64_t out, const ShiftInfo& sh) {
    // Whole minutes, rounded to the nearest (a check-in at 9:00:03 still counts 9:00–11:00 as 120).
    int64_t a = std::max(in, sh.start), b = std::min(out, sh.end);
    return b > a ? (b - a + 30) / 60 : 0;
}

// ---- history ------------------------------------------------------------------------------

bool add_history(App& app, Id record, Id actor, const char* action, const json& before, const json& after,
                 const std::optional<std::string>& reason) {
    Stmt st(app.db,
            "INSERT INTO attendance_history(attendance_id, at, actor_id, action, before, after, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, record).bind(2, app.now()).bind(3, actor).bind(4, action);
    if (before.is_null()) st.bind_null(5);
    else st.bind(5, before.dump());
    if (after.is_null()) st.bind_null(6);
    else st.bind(6, after.dump());
    if (reason) st.bind(7, *reason);
    else st.bind_null(7);
    if (!st.exec()) return log_db_error(st.error()), false;
    return true;
}

// ---- over_12h and overlap -------------------------------------------------------------------

// Minutes of the volunteer's other live records whose check-in falls on `day` (+08:00).
std::optional<int64_t> day_minutes(App& app, Id user, Id except, int64_t day) {
    int64_t from = day * 86400 - kCstOffsetSeconds;
    Stmt st(app.db,
            "SELECT COALESCE(SUM(minutes), 0) FROM attendance WHERE user_id = ? AND id != ? AND "
            "status != 'rejected' AND corrected_by IS NULL AND check_in >= ? AND check_in < ?");
    st.bind(1, user).bind(2, except).bind(3, from).bind(4, from + 86400);
    if (st.step() != Step::Row) return log_db_error(st.error()), std::nullopt;
    return st.i64(0);
}

// The title of another live record of the volunteer whose time overlaps [in, out).
std::optional<std::string> overlapping(App& app, Id user, Id except, int64_t in, int64_t out, bool& failed) {
    Stmt st(app.db,
            "SELECT p.title FROM attendance a JOIN projects p ON p.id = a.project_id WHERE a.user_id = ? "
            "AND a.id != ? AND a.status != 'rejected' AND a.corrected_by IS NULL AND a.corrects IS NULL "
            "AND a.check_in < ? AND ? < COALESCE(a.check_out, a.check_in + 1) LIMIT 1");
    st.bind(1, user).bind(2, except).bind(3, out).bind(4, in);
    Step s = st.step();
    if (s == Step::Error) return failed = true, log_db_error(st.error()), std::nullopt;
    if (s == Step::Row) return st.text(0);
    return std::nullopt;
}

}  // namespace

// ---- auto-close -----------------------------------------------------------------------------

bool auto_close_due(App& app) {
    int64_t now = app.now();
    struct Due {
        Id id, user;
        int64_t check_in;
        std::string flags;
        ShiftInfo sh;
    };
    std::vector<Due> due;
    {
        Stmt st(app.db,
                "SELECT a.id, a.user_id, a.check_in, a.flags, a.shift_id, s.start_at, s.end_at FROM attendance a "
                "JOIN shifts s ON s.id = a.shift_id WHERE a.status = 'open' AND s.end_at <= ? LIMIT 1000");
        st.bind(1, now);
        Step s;
        while ((s = st.step()) == Step::Row) {
            Due d{st.i64(0), st.i64(1), st.i64(2), st.text(3), {}};
            d.sh.id = st.i64(4);
            d.sh.start = st.i64(5);
            d.sh.end = st.i64(6);
            due.push_back(std::move(d));
        }
        if (s == Step::Error) return log_db_error(st.error()), false;
    }
    if (due.empty()) return true;
    if (!app.db.begin()) return log_db_error(app.db.last_error()), false;
    for (const Due& d : due) {
        auto flags = parse_flags(d.flags);
        add_flag(flags, "auto_closed");
        int64_t minutes = clamp_minutes(d.check_in, d.sh.end, d.sh);
        auto other = day_minutes(app, d.user, d.id, cst_day(d.check_in));
        if (!other) return app.db.rollback(), false;
        if (*other + minutes > kDayLimitMinutes) add_flag(flags, "over_12h");
        Stmt up(app.db,
                "UPDATE attendance SET status = 'pending', check_out = ?, minutes = ?, flags = ? "
                "WHERE id = ? AND status = 'open'");
        up.bind(1, d.sh.end).bind(2, minutes).bind(3, flags_text(flags)).bind(4, d.id);
        if (!up.exec()) return log_db_error(up.error()), app.db.rollback(), false;
        if (!add_history(app, d.id, 0, "auto_close", {{"status", "open"}},
                         {{"status", "pending"}, {"check_out", format_cst(d.sh.end)}, {"minutes", minutes}},
                         std::nullopt))
            return app.db.rollback(), false;
    }
    if (!app.db.commit()) return log_db_error(app.db.last_error()), app.db.rollback(), false;
    return true;
}

// ---- reading records ------------------------------------------------------------------------

namespace {

constexpr const char* kRecordSelect =
    "SELECT a.id, a.user_id, COALESCE(v.real_name, u.display_name), a.project_id, p.title, a.team_id, "
    "t.name, a.shift_id, s.start_at, s.end_at, a.method, a.check_in, a.check_out, a.client_check_in, "
    "a.client_check_out, a.minutes, a.status, a.flags, a.distance_m, a.certified_by, "
    "COALESCE(cu.display_name, ''), a.certified_at, a.reason, a.corrects, a.corrected_by "
    "FROM attendance a JOIN users u ON u.id = a.user_id LEFT JOIN volunteers v ON v.user_id = a.user_id "
    "JOIN shifts s ON s.id = a.shift_id JOIN projects p ON p.id = a.project_id "
    "JOIN teams t ON t.id = a.team_id LEFT JOIN users cu ON cu.id = a.certified_by ";

std::optional<std::string> opt_text(const Stmt& st, int c) {
    return st.is_null(c) ? std::nullopt : std::optional<std::string>(st.text(c));
}
std::optional<Id> opt_id(const Stmt& st, int c) {
    return st.is_null(c) ? std::nullopt : std::optional<Id>(st.i64(c));
}

HourRecord read_record_row(const Stmt& st, int64_t now) {
    HourRecord r;
    r.id = st.i64(0);
    r.volunteer = {st.i64(1), masked_name(st.text(2))};
    r.project = {st.i64(3), st.text(4)};
    r.team = {st.i64(5), st.text(6)};
    int64_t start = st.i64(8);
    r.shift = {st.i64(7), format_cst(start), format_cst(st.i64(9))};
    r.method = st.text(10);
    r.check_in = format_cst(st.i64(11));
    if (!st.is_null(12)) r.check_out = format_cst(st.i64(12));
    r.client_check_in = opt_text(st, 13);
    r.client_check_out = opt_text(st, 14);
    r.minutes = st.i64(15);
    r.status = st.text(16);
    r.flags = parse_flags(st.text(17));
    if (!st.is_null(18)) r.distance_m = st.i64(18);
    int64_t due = add_working_days(cst_day(start), 10);
    r.certify_by = format_date(due);
    if (!st.is_null(19)) r.certified_by = PersonRef{st.i64(19), st.text(20)};
    if (!st.is_null(21)) {
        r.certified_at = format_cst(st.i64(21));
        r.overdue = cst_day(st.i64(21)) > due;
    } else {
        r.overdue = r.status != "rejected" && cst_day(now) > due;
    }
    r.reason = opt_text(st, 22);
    r.corrects = opt_id(st, 23);
    r.corrected_by = opt_id(st, 24);
    return r;
}

// History and the latest dispute of a record.
bool fill_record(App& app, HourRecord& r) {
    Stmt h(app.db,
           "SELECT h.at, h.actor_id, COALESCE(u.display_name, ''), h.action, h.before, h.after, h.reason "
           "FROM attendance_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.attendance_id = ? "
           "ORDER BY h.id");
    h.bind(1, r.id);
    Step s;
    while ((s = h.step()) == Step::Row) {
        HistoryEvent e;
        e.at = format_cst(h.i64(0));
        e.actor = {h.i64(1), h.i64(1) == 0 ? std::string("系统") : h.text(2)};
        e.action = h.text(3);
        e.before = h.is_null(4) ? "" : h.text(4);
        e.after = h.is_null(5) ? "" : h.text(5);
        e.reason = opt_text(h, 6);
        r.history.push_back(std::move(e));
    }
    if (s == Step::Error) return log_db_error(h.error()), false;
    Stmt d(app.db,
           "SELECT reason, at, resolution, resolved_at FROM disputes WHERE attendance_id = ? ORDER BY id DESC LIMIT 1");
    d.bind(1, r.id);
    s = d.step();
    if (s == Step::Error) return log_db_error(d.error()), false;
    if (s == Step::Row) {
        Dispute x{d.text(0), format_cst(d.i64(1)), opt_text(d, 2), std::nullopt};
        if (!d.is_null(3)) x.resolved_at = format_cst(d.i64(3));
        r.dispute = std::move(x);
    }
    return true;
}

// Records matching `where` (bound values `args`), each with history and dispute.
bool load_records(App& app, const std::string& where, const std::vector<SqlValue>& args,
                  std::vector<HourRecord>& out) {
    Stmt st(app.db, std::string(kRecordSelect) + where);
    st.bind_all(args);
    Step s;
    int64_t now = app.now();
    while ((s = st.step()) == Step::Row) out.push_back(read_record_row(st, now));
    if (s == Step::Error) return log_db_error(st.error()), false;
    for (HourRecord& r : out)
        if (!fill_record(app, r)) return false;
    return true;
}

}  // namespace

// 1 found, 0 none, -1 database error.
int load_record(App& app, Id id, HourRecord& out) {
    std::vector<HourRecord> rs;
    if (!load_records(app, "WHERE a.id = ?", {SqlValue(id)}, rs)) return -1;
    if (rs.empty()) return 0;
    out = std::move(rs[0]);
    return 1;
}

namespace {

Reply record_reply(App& app, Id id, int status) {
    HourRecord r;
    if (load_record(app, id, r) != 1) return problem_reply(internal_problem());
    return json_reply(encode(r), status);
}

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

Reply decode_problem(const DecodeError& e) {
    return problem_reply(422, "invalid", "请求内容不完整", {decode_field_error(e)});
}

// Runs `fn` inside BEGIN IMMEDIATE; fn's reply with status < 300 commits, anything else rolls back.
Reply in_transaction(App& app, const std::function<Reply()>& fn) {
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
    int found = load_shift(app, q.shift_id, sh);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("shift");
    Id volunteer = user;
    if (m == "manual") {
        if (!q.volunteer_id)
            return problem_reply(422, "invalid", "请选择志愿者", {field_error("volunteer_id", "required", "required")});
        auto leads = leads_team(app, user, sh.team);
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

struct RecordRow {
    Id id = 0, user = 0, shift = 0, team = 0;
    int64_t check_in = 0;
    std::optional<int64_t> check_out;
    int64_t minutes = 0;
    std::string status, flags;
    bool certified = false;
    std::optional<Id> corrected_by, corrects;
    bool has_checkout_event = false;
};

int load_row(App& app, Id id, RecordRow& r) {
    Stmt st(app.db,
            "SELECT id, user_id, shift_id, team_id, check_in, check_out, minutes, status, flags, certified, "
            "corrected_by, corrects, checkout_event IS NOT NULL FROM attendance WHERE id = ?");
    st.bind(1, id);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), -1;
    if (s == Step::Done) return 0;
    r = {st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.i64(4), opt_id(st, 5), st.i64(6), st.text(7),
         st.text(8), st.i64(9) != 0, opt_id(st, 10), opt_id(st, 11), st.i64(12) != 0};
    return 1;
}

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
        auto leads = leads_team(app, user, rec.team);
        if (!leads) return problem_reply(internal_problem());
        if (!*leads) return not_found_reply("attendance");
        if (!q.volunteer_id || *q.volunteer_id != rec.user) return not_team_leader(rec.team);
        manual = true;
    }
    ShiftInfo sh;
    if (load_shift(app, rec.shift, sh) != 1) return problem_reply(internal_problem());
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

// ---- certification --------------------------------------------------------------------------

std::optional<std::string> trimmed_reason(const std::optional<std::string>& r) {
    if (!r) return std::nullopt;
    size_t a = r->find_first_not_of(" \t\r\n"), b = r->find_last_not_of(" \t\r\n");
    if (a == std::string::npos) return std::nullopt;
    return r->substr(a, b - a + 1);
}

std::optional<Reply> check_reason(const std::optional<std::string>& reason) {
    if (!reason) return problem_reply(422, "reason_required", "请填写理由", {field_error("reason", "reason_required", "required")});
    if (utf8_length(*reason) > kMaxReason)
        return problem_reply(422, "invalid", "理由最多500字", {field_error("reason", "too_long", "at most 500", {{"max", "500"}})});
    return std::nullopt;
}

std::optional<Reply> check_minutes(const std::optional<int64_t>& minutes, int64_t lo, int64_t hi) {
    if (!minutes || *minutes < lo || *minutes > hi)
        return problem_reply(422, "minutes_range", "时长需在" + std::to_string(lo) + "到" + std::to_string(hi) + "分钟之间",
                             {field_error("minutes", "minutes_range", "out of range")},
                             {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
    return std::nullopt;
}

// Loads the record and checks that `user` leads its team. On failure the reply is set.
std::optional<Reply> as_leader(App& app, Id user, const std::optional<int64_t>& id, RecordRow& rec, ShiftInfo& sh) {
    if (!id) return not_found_reply("attendance");
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    int found = load_row(app, *id, rec);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("attendance");
    auto leads = certifies_team(app, user, rec.team);
    if (!leads) return problem_reply(internal_problem());
    if (!*leads) return not_team_leader(rec.team);
    if (load_shift(app, rec.shift, sh) != 1) return problem_reply(internal_problem());
    return std::nullopt;
}

// A new certified record correcting `rec` (which gets corrected_by); returns its id (0 on failure).
Id add_correction(App& app, Id actor, const RecordRow& rec, int64_t minutes, const std::string& reason) {
    int64_t now = app.now();
    Stmt ins(app.db,
             "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, "
             "client_check_in, client_check_out, minutes, status, certified, flags, distance_m, certified_by, "
             "certified_at, reason, corrects, created_at) "
             "SELECT user_id, shift_id, project_id, team_id, method, check_in, check_out, client_check_in, "
             "client_check_out, ?, 'certified', 1, flags, distance_m, ?, ?, ?, id, ? FROM attendance WHERE id = ?");
    ins.bind(1, minutes).bind(2, actor).bind(3, now).bind(4, reason).bind(5, now).bind(6, rec.id);
    if (!ins.exec()) return log_db_error(ins.error()), 0;
    Id id = app.db.last_insert_rowid();
    Stmt up(app.db, "UPDATE attendance SET corrected_by = ? WHERE id = ?");
    up.bind(1, id).bind(2, rec.id);
    if (!up.exec()) return log_db_error(up.error()), 0;
    if (!add_history(app, id, actor, "correct", {{"minutes", rec.minutes}, {"corrects", rec.id}},
                     {{"minutes", minutes}, {"status", "certified"}}, reason) ||
        !add_history(app, rec.id, actor, "correct", nullptr, {{"corrected_by", id}}, reason))
        return 0;
    return id;
}

Reply certify(App& app, Id user, const std::optional<int64_t>& id, const json& body) {
    RecordRow rec;
    ShiftInfo sh;
    if (auto bad = as_leader(app, user, id, rec, sh)) return *bad;
    auto d = decode_json<CertifyRequest>(body);
    if (!d.ok()) return decode_problem(*d.error);
    const std::string& decision = d.value.decision;
    if (decision != "approve" && decision != "reject" && decision != "adjust")
        return problem_reply(422, "invalid", "请选择认定结果", {field_error("decision", "invalid", "approve|reject|adjust")});
    if (rec.status == "open") return problem_reply(409, "record_open", "志愿者尚未签退");
    if (rec.status == "disputed") return problem_reply(409, "record_disputed", "该记录有待处理的申诉");
    if (rec.status != "pending") return problem_reply(409, "already_decided", "该记录已认定，如需修改请提交更正");
    auto reason = trimmed_reason(d.value.reason);
    if (decision != "approve")
        if (auto bad = check_reason(reason)) return *bad;
    int64_t minutes = rec.minutes;
    if (decision == "adjust") {
        if (auto bad = check_minutes(d.value.minutes, 1, sh.length_min())) return *bad;
        minutes = *d.value.minutes;
    }
    Reply r = in_transaction(app, [&]() -> Reply {
        bool ok_ = decision != "reject";
        Stmt up(app.db,
                "UPDATE attendance SET status = ?, certified = ?, minutes = ?, certified_by = ?, certified_at = ?, "
                "reason = ? WHERE id = ? AND status = 'pending'");
        up.bind(1, ok_ ? "certified" : "rejected").bind(2, ok_ ? 1 : 0).bind(3, minutes).bind(4, user)
            .bind(5, app.now());
        if (reason) up.bind(6, *reason);
        else up.bind_null(6);
        up.bind(7, rec.id);
        if (!up.exec()) return internal_error(up.error());
        const char* action = decision == "approve" ? "certify" : decision.c_str();
        if (!add_history(app, rec.id, user, action, {{"status", rec.status}, {"minutes", rec.minutes}},
                         {{"status", ok_ ? "certified" : "rejected"}, {"minutes", minutes}}, reason))
            return problem_reply(internal_problem());
        if (std::string e; !points::on_record_certified(app.db, rec.id, user, app.now(), e)) return internal_error(e);  // points (issue 12)
        return Reply{200};
    });
    if (r.status != 200) return r;
    return record_reply(app, rec.id, 200);
}

Reply certify_all(App& app, Id user, const std::optional<int64_t>& shift) {
    if (!shift) return not_found_reply("shift");
    ShiftInfo sh;
    int found = load_shift(app, *shift, sh);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("shift");
    auto leads = leads_team(app, user, sh.team);
    if (!leads) return problem_reply(internal_problem());
    if (!*leads) return not_team_leader(sh.team);
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    CertifyAllResult out;
    Reply r = in_transaction(app, [&]() -> Reply {
        std::vector<std::pair<Id, int64_t>> clean;
        Stmt st(app.db, "SELECT id, minutes, flags FROM attendance WHERE shift_id = ? AND status = 'pending' ORDER BY id");
        st.bind(1, sh.id);
        Step s;
        while ((s = st.step()) == Step::Row) {
            if (parse_flags(st.text(2)).empty()) clean.push_back({st.i64(0), st.i64(1)});
            else ++out.skipped;
        }
        if (s == Step::Error) return internal_error(st.error());
        int64_t now = app.now();
        for (auto [id, minutes] : clean) {
            Stmt up(app.db,
                    "UPDATE attendance SET status = 'certified', certified = 1, certified_by = ?, certified_at = ? "
                    "WHERE id = ? AND status = 'pending'");
            up.bind(1, user).bind(2, now).bind(3, id);
            if (!up.exec()) return internal_error(up.error());
            if (!add_history(app, id, user, "certify", {{"status", "pending"}, {"minutes", minutes}},
                             {{"status", "certified"}, {"minutes", minutes}}, std::nullopt))
                return problem_reply(internal_problem());
            if (std::string e; !points::on_record_certified(app.db, id, user, app.now(), e)) return internal_error(e);  // points (issue 12)
            ++out.approved;
        }
        return Reply{200};
    });
    if (r.status != 200) return r;
    return json_reply(encode(out));
}

Reply correct(App& app, Id user, const std::optional<int64_t>& id, const json& body) {
    RecordRow rec;
    ShiftInfo sh;
    if (auto bad = as_leader(app, user, id, rec, sh)) return *bad;
    if (!body.is_object()) return problem_reply(422, "invalid", "请求内容不完整");
    std::optional<int64_t> minutes;
    if (auto it = body.find("minutes"); it != body.end() && it->is_number_integer()) minutes = it->get<int64_t>();
    std::optional<std::string> reason;
    if (auto it = body.find("reason"); it != body.end() && it->is_string()) reason = trimmed_reason(it->get<std::string>());
    if (rec.corrected_by) return problem_reply(409, "already_corrected", "该记录已被更正，请更正最新的记录", {},
                                               {{"corrected_by", std::to_string(*rec.corrected_by)}});
    if (rec.status != "certified") return problem_reply(409, "not_certified", "只有已认定的记录可以更正");
    if (auto bad = check_minutes(minutes, 0, sh.length_min())) return *bad;
    if (auto bad = check_reason(reason)) return *bad;
    Id created = 0;
    Reply r = in_transaction(app, [&]() -> Reply {
        created = add_correction(app, user, rec, *minutes, *reason);
        if (std::string e; created && !points::on_record_certified(app.db, created, user, app.now(), e)) return internal_error(e);  // points (issue 12)
        return created ? Reply{201} : problem_reply(internal_problem());
    });
    if (r.status != 201) return r;
    return record_reply(app, created, 201);
}

// ---- disputes -------------------------------------------------------------------------------

Reply open_dispute(App& app, Id user, const std::optional<int64_t>& id, const json& body) {
    RecordRow rec;
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    int found = id ? load_row(app, *id, rec) : 0;
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0 || rec.user != user) return not_found_reply("attendance");
    std::optional<std::string> reason;
    if (body.is_object())
        if (auto it = body.find("reason"); it != body.end() && it->is_string()) reason = trimmed_reason(it->get<std::string>());
    if (rec.status == "open") return problem_reply(409, "record_open", "请先签退");
    if (rec.status == "disputed") return problem_reply(409, "already_disputed", "该记录已在申诉中");
    if (rec.corrected_by) return problem_reply(409, "already_corrected", "该记录已被更正，请对最新的记录申诉", {},
                                               {{"corrected_by", std::to_string(*rec.corrected_by)}});
    if (auto bad = check_reason(reason)) return *bad;
    Reply r = in_transaction(app, [&]() -> Reply {
        Stmt ins(app.db, "INSERT INTO disputes(attendance_id, user_id, reason, at, prior_status) VALUES (?, ?, ?, ?, ?)");
        ins.bind(1, rec.id).bind(2, user).bind(3, *reason).bind(4, app.now()).bind(5, rec.status);
        Stmt up(app.db, "UPDATE attendance SET status = 'disputed' WHERE id = ?");
        up.bind(1, rec.id);
        if (!ins.exec()) return internal_error(ins.error());
        if (!up.exec()) return internal_error(up.error());
        if (!add_history(app, rec.id, user, "dispute", {{"status", rec.status}}, {{"status", "disputed"}}, reason))
            return problem_reply(internal_problem());
        return Reply{200};
    });
    if (r.status != 200) return r;
    return record_reply(app, rec.id, 200);
}

Reply resolve_dispute(App& app, Id user, const std::optional<int64_t>& id, const json& body) {
    RecordRow rec;
    ShiftInfo sh;
    if (auto bad = as_leader(app, user, id, rec, sh)) return *bad;
    if (!body.is_object()) return problem_reply(422, "invalid", "请求内容不完整");
    std::string decision;
    if (auto it = body.find("decision"); it != body.end() && it->is_string()) decision = it->get<std::string>();
    std::optional<int64_t> minutes;
    if (auto it = body.find("minutes"); it != body.end() && it->is_number_integer()) minutes = it->get<int64_t>();
    std::optional<std::string> reason;
    if (auto it = body.find("reason"); it != body.end() && it->is_string()) reason = trimmed_reason(it->get<std::string>());
    if (decision != "adjust" && decision != "keep")
        return problem_reply(422, "invalid", "请选择处理结果", {field_error("decision", "invalid", "adjust|keep")});
    if (rec.status != "disputed") return problem_reply(409, "not_disputed", "该记录没有待处理的申诉");
    if (auto bad = check_reason(reason)) return *bad;
    if (decision == "adjust")
        if (auto bad = check_minutes(minutes, 1, sh.length_min())) return *bad;
    Reply r = in_transaction(app, [&]() -> Reply {
        Stmt dq(app.db, "SELECT id, prior_status FROM disputes WHERE attendance_id = ? AND resolved_at IS NULL");
        dq.bind(1, rec.id);
        if (dq.step() != Step::Row) return internal_error(dq.error().empty() ? "dispute vanished" : dq.error());
        Id dispute = dq.i64(0);
        std::string prior = dq.text(1);
        int64_t now = app.now();
        Stmt res(app.db, "UPDATE disputes SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?");
        res.bind(1, *reason).bind(2, user).bind(3, now).bind(4, dispute);
        if (!res.exec()) return internal_error(res.error());
        std::string status = prior;
        int64_t new_minutes = rec.minutes;
        if (decision == "adjust" && rec.certified) {
            // Certified minutes never change: the adjustment is a linked correction.
            Stmt back(app.db, "UPDATE attendance SET status = 'certified' WHERE id = ?");
            back.bind(1, rec.id);
            if (!back.exec()) return internal_error(back.error());
            if (!add_correction(app, user, rec, *minutes, *reason)) return problem_reply(internal_problem());
            status = "certified";
        } else if (decision == "adjust") {
            new_minutes = *minutes;
            status = "certified";
            Stmt up(app.db,
                    "UPDATE attendance SET status = 'certified', certified = 1, minutes = ?, certified_by = ?, "
                    "certified_at = ?, reason = ? WHERE id = ?");
            up.bind(1, new_minutes).bind(2, user).bind(3, now).bind(4, *reason).bind(5, rec.id);
            if (!up.exec()) return internal_error(up.error());
        } else {
            Stmt up(app.db, "UPDATE attendance SET status = ? WHERE id = ?");
            up.bind(1, prior).bind(2, rec.id);
            if (!up.exec()) return internal_error(up.error());
        }
        if (!add_history(app, rec.id, user, "resolve", {{"status", "disputed"}, {"minutes", rec.minutes}},
                         {{"status", status}, {"minutes", new_minutes}, {"decision", decision}}, reason))
            return problem_reply(internal_problem());
        if (std::string e; !points::on_record_certified(app.db, rec.id, user, app.now(), e)) return internal_error(e);  // points (issue 12)
        return Reply{200};
    });
    if (r.status != 200) return r;
    return record_reply(app, rec.id, 200);
}

// ---- reads ----------------------------------------------------------------------------------

Reply my_hours(App& app, Id user) {
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    MyHours out;
    if (!load_records(app, "WHERE a.user_id = ? ORDER BY a.check_in DESC, a.id DESC LIMIT 500", {SqlValue(user)},
                      out.items))
        return problem_reply(internal_problem());
    int64_t now = app.now();
    CivilDate today = civil_from_days(cst_day(now));
    std::map<std::string, MonthHours> months;
    for (int i = 11; i >= 0; --i) {
        int y = today.year, m = today.month - i;
        while (m <= 0) m += 12, --y;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        months[buf] = MonthHours{buf, 0, 0};
    }
    for (const HourRecord& r : out.items)
        if (r.status == "open") out.open = r;
    // Certified: minutes certified and not superseded by a correction (a dispute on a
    // certified record keeps them certified); pending: closed, not yet decided.
    Stmt st(app.db,
            "SELECT strftime('%Y-%m', check_in + 28800, 'unixepoch'), "
            "SUM(CASE WHEN certified = 1 AND corrected_by IS NULL THEN minutes ELSE 0 END), "
            "SUM(CASE WHEN certified = 0 AND status IN ('pending', 'disputed') THEN minutes ELSE 0 END), count(*) "
            "FROM attendance WHERE user_id = ? GROUP BY 1");
    st.bind(1, user);
    Step s;
    while ((s = st.step()) == Step::Row) {
        out.totals.certified_minutes += st.i64(1);
        out.totals.pending_minutes += st.i64(2);
        out.totals.records += st.i64(3);
        auto it = months.find(st.text(0));
        if (it != months.end()) it->second.certified_minutes = st.i64(1), it->second.pending_minutes = st.i64(2);
    }
    if (s == Step::Error) return internal_error(st.error());
    for (auto& [k, v] : months) out.by_month.push_back(v);
    return json_reply(encode(out));
}

Reply attendance_page(App& app, Id user, const std::optional<int64_t>& project, const httplib::Request& req) {
    if (!project) return not_found_reply("project");
    Stmt p(app.db, "SELECT team_id FROM projects WHERE id = ?");
    p.bind(1, *project);
    Step s = p.step();
    if (s == Step::Error) return internal_error(p.error());
    if (s == Step::Done) return problem_reply(404, "not_found", "项目不存在", {}, {{"resource", "project"}});
    Id team = p.i64(0);
    auto leads = certifies_team(app, user, team);
    if (!leads) return problem_reply(internal_problem());
    if (!*leads) return not_team_leader(team);
    std::optional<Id> shift;
    if (req.has_param("shift_id")) {
        shift = path_id(req.get_param_value("shift_id"));
        if (!shift)
            return problem_reply(400, "invalid_query", "shift_id 无效", {field_error("shift_id", "invalid", "positive integer")});
    }
    std::string status;
    if (req.has_param("status")) {
        status = req.get_param_value("status");
        if (status != "open" && status != "pending" && status != "certified" && status != "rejected" && status != "disputed")
            return problem_reply(400, "invalid_query", "status 无效", {field_error("status", "invalid", "open|pending|certified|rejected|disputed")});
    }
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    AttendancePage out;
    std::string where = "WHERE a.project_id = ?";
    std::vector<SqlValue> args = {SqlValue(*project)};
    if (shift) where += " AND a.shift_id = ?", args.push_back(*shift);
    if (!status.empty()) where += " AND a.status = ?", args.push_back(status);
    where += " ORDER BY s.start_at, a.check_in, a.id LIMIT 1000";
    if (!load_records(app, where, args, out.items)) return problem_reply(internal_problem());
    out.total = static_cast<int64_t>(out.items.size());
    // Who signed up, and where they are.
    std::string rq =
        "SELECT g.user_id, COALESCE(v.real_name, u.display_name), g.shift_id, "
        "(SELECT a.id FROM attendance a WHERE a.user_id = g.user_id AND a.shift_id = g.shift_id AND a.corrects IS NULL "
        " ORDER BY a.id LIMIT 1), "
        "(SELECT a.status FROM attendance a WHERE a.user_id = g.user_id AND a.shift_id = g.shift_id AND a.corrects IS NULL "
        " ORDER BY a.id LIMIT 1) "
        "FROM signups g JOIN shifts s ON s.id = g.shift_id JOIN users u ON u.id = g.user_id "
        "LEFT JOIN volunteers v ON v.user_id = g.user_id WHERE s.project_id = ? AND g.status = 'confirmed'";
    std::vector<SqlValue> rargs = {SqlValue(*project)};
    if (shift) rq += " AND g.shift_id = ?", rargs.push_back(*shift);
    rq += " ORDER BY s.start_at, g.id LIMIT 1000";
    Stmt r(app.db, rq);
    r.bind_all(rargs);
    while ((s = r.step()) == Step::Row) {
        RosterEntry e{{r.i64(0), masked_name(r.text(1))}, r.i64(2), "expected", opt_id(r, 3)};
        if (e.attendance_id) e.state = r.text(4) == "open" ? "in" : "out";
        out.roster.push_back(std::move(e));
    }
    if (s == Step::Error) return internal_error(r.error());
    return json_reply(encode(out));
}

Reply code_reply(App& app, Id user, const std::optional<int64_t>& project, const httplib::Request& req) {
    if (!project) return problem_reply(404, "not_found", "项目不存在", {}, {{"resource", "project"}});
    auto shift = req.has_param("shift_id") ? path_id(req.get_param_value("shift_id")) : std::nullopt;
    if (!shift)
        return problem_reply(400, "invalid_query", "请指定班次", {field_error("shift_id", "required", "positive integer")});
    ShiftInfo sh;
    int found = load_shift(app, *shift, sh);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0 || sh.project != *project) return not_found_reply("shift");
    auto leads = leads_team(app, user, sh.team);
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

void post_certify(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return certify(app, user, id, body); });
}

void post_certify_all(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, false, [&](Id user, const json&) { return certify_all(app, user, id); });
}

void post_correction(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return correct(app, user, id, body); });
}

void post_dispute(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return open_dispute(app, user, id, body); });
}

void post_resolve(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, true,
                       [&](Id user, const json& body) { return resolve_dispute(app, user, id, body); });
}

void get_my_hours(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user(app, req, res, [&](Id user) { return my_hours(app, user); });
}

void get_attendance(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user(app, req, res, [&](Id user) { return attendance_page(app, user, id, req); });
}

void get_checkin_code(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user(app, req, res, [&](Id user) { return code_reply(app, user, id, req); });
}

}  // namespace

void register_hours_routes(App& app) {
    app.route("POST", R"(/api/v1/attendance/check-in)", post_check_in);
    app.route("POST", R"(/api/v1/attendance/check-out)", post_check_out);
    app.route("GET", R"(/api/v1/me/hours)", get_my_hours);
    app.route("GET", R"(/api/v1/projects/([^/]+)/attendance)", get_attendance);
    app.route("GET", R"(/api/v1/projects/([^/]+)/checkin-code)", get_checkin_code);
    app.route("POST", R"(/api/v1/hours/([^/]+)/certify)", post_certify);
    app.route("POST", R"(/api/v1/shifts/([^/]+)/certify-all)", post_certify_all);
    app.route("POST", R"(/api/v1/hours/([^/]+)/corrections)", post_correction);
    app.route("POST", R"(/api/v1/hours/([^/]+)/disputes)", post_dispute);
    app.route("POST", R"(/api/v1/hours/([^/]+)/disputes/resolve)", post_resolve);
}

}  // namespace zygc::server
