// [SECTION] Hour tracking (issue 9), shared by routes_attendance.cpp and routes_hours.cpp:
// flags, shifts, history, overlap and the day limit, auto-close, reading records
// (hours_internal.h), and what routes_certificates.cpp and the seed use (server/hours.h).
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

namespace hours {

Reply not_found_reply(const char* resource) {
    return problem_reply(404, "not_found", "记录不存在", {}, {{"resource", resource}});
}

Reply not_team_leader(Id team) {
    return problem_reply(403, "not_team_leader", "只有该队伍的组织者可以操作", {}, {{"team", std::to_string(team)}});
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
int load_shift(Db& db, Id id, ShiftInfo& out) {
    Stmt st(db,
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

}  // namespace hours

using namespace hours;

// ---- auto-close -----------------------------------------------------------------------------

// The records auto_close_due() would close, as one query.
constexpr const char* kDueSelect =
    "SELECT a.id, a.user_id, a.check_in, a.flags, a.shift_id, s.start_at, s.end_at FROM attendance a "
    "JOIN shifts s ON s.id = a.shift_id WHERE a.status = 'open' AND s.end_at <= ? LIMIT 1000";

std::optional<bool> auto_close_pending(Db& db, int64_t now) {
    Stmt st(db, kDueSelect);
    st.bind(1, now);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), std::nullopt;
    return s == Step::Row;
}

std::optional<Reply> when_none_due(App& app, Db& db, bool on_writer,
                                   const std::function<std::optional<Reply>()>& read) {
    if (on_writer) {
        if (!auto_close_due(app)) return problem_reply(internal_problem());
    } else {
        auto due = auto_close_pending(db, app.now());
        if (!due) return problem_reply(internal_problem());
        if (*due) return std::nullopt;
    }
    return read();
}

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
        Stmt st(app.db, kDueSelect);
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

namespace hours {

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
bool fill_record(Db& db, HourRecord& r) {
    Stmt h(db,
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
    Stmt d(db,
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
bool load_records(Db& db, int64_t now, const std::string& where, const std::vector<SqlValue>& args,
                  std::vector<HourRecord>& out) {
    Stmt st(db, std::string(kRecordSelect) + where);
    st.bind_all(args);
    Step s;
    while ((s = st.step()) == Step::Row) out.push_back(read_record_row(st, now));
    if (s == Step::Error) return log_db_error(st.error()), false;
    for (HourRecord& r : out)
        if (!fill_record(db, r)) return false;
    return true;
}

}  // namespace hours

// 1 found, 0 none, -1 database error.
int load_record(App& app, Id id, HourRecord& out) {
    std::vector<HourRecord> rs;
    if (!load_records(app.db, app.now(), "WHERE a.id = ?", {SqlValue(id)}, rs)) return -1;
    if (rs.empty()) return 0;
    out = std::move(rs[0]);
    return 1;
}

namespace hours {

Reply record_reply(App& app, Id id, int status) {
    HourRecord r;
    if (load_record(app, id, r) != 1) return problem_reply(internal_problem());
    return json_reply(encode(r), status);
}
Reply decode_problem(const DecodeError& e) {
    return problem_reply(422, "invalid", "请求内容不完整", {decode_field_error(e)});
}

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

}  // namespace hours
}  // namespace zygc::server
