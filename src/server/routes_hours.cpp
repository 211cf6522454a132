// [SECTION] Hour tracking (issue 9): the organizer's queue, 时长认定 (certify, bulk,
// corrections), disputes, 我的时长. Check-in/out and the organizer's code are in
// routes_attendance.cpp; what both use is in hours_common.cpp (hours_internal.h). Rules:
// API.md "Hour rules" and /work/wt/prompts/hours-api.md. Every change appends to
// attendance_history.
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
#include "server/eldercare.h"  // eldercare (issue 13): keeps_eldercare_team
#include "server/points.h"  // points (issue 12)

namespace zygc::server {
namespace {

using namespace hours;

using Fail = std::function<Reply(int, const char*, std::string, std::vector<FieldError>, Params)>;

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

// eldercare (issue 13): a social worker certifies the 老帮老 visit records of a district's
// 老帮老 team (and sees their queue) as the team's organizer would.
std::optional<bool> certifies_team(Db& db, Id user, Id team) {
    auto leads = leads_team(db, user, team);
    if (!leads || *leads) return leads;
    return keeps_eldercare_team(db, user, team);
}

// Loads the record and checks that `user` leads its team. On failure the reply is set.
std::optional<Reply> as_leader(App& app, Id user, const std::optional<int64_t>& id, RecordRow& rec, ShiftInfo& sh) {
    if (!id) return not_found_reply("attendance");
    if (!auto_close_due(app)) return problem_reply(internal_problem());
    int found = load_row(app, *id, rec);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("attendance");
    auto leads = certifies_team(app.db, user, rec.team);
    if (!leads) return problem_reply(internal_problem());
    if (!*leads) return not_team_leader(rec.team);
    if (load_shift(app.db, rec.shift, sh) != 1) return problem_reply(internal_problem());
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
    int found = load_shift(app.db, *shift, sh);
    if (found < 0) return problem_reply(internal_problem());
    if (found == 0) return not_found_reply("shift");
    auto leads = leads_team(app.db, user, sh.team);
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

// Reads only: the caller has closed what was due (auto_close_due) or found nothing due.
// A page of my records, newest check-in first (limit 1..500, keyset cursor); the open record,
// the totals and the months count all of them.
Reply my_hours(Db& db, int64_t now, Id user, const httplib::Request& req) {
    Query qp(req);
    const int limit = qp.limit(500, 500);
    const uint64_t signature = fnv1a64("me/hours|" + std::to_string(user));
    const std::optional<Keyset> after = qp.keyset(signature);
    if (!qp.ok()) return problem_reply(qp.problem());
    MyHours out;
    std::string where = "WHERE a.user_id = ?";
    std::vector<SqlValue> args = {SqlValue(user)};
    if (after) {
        where += " AND (a.check_in, a.id) < (?, ?)";
        args.insert(args.end(), {SqlValue(after->second), SqlValue(after->id)});
    }
    where += " ORDER BY a.check_in DESC, a.id DESC LIMIT " + std::to_string(limit + 1);
    if (!load_records(db, now, where, args, out.items)) return problem_reply(internal_problem());
    if (static_cast<int>(out.items.size()) > limit) {
        out.items.pop_back();
        Stmt k(db, "SELECT check_in FROM attendance WHERE id = ?");
        k.bind(1, out.items.back().id);
        if (k.step() != Step::Row) return internal_error(k.error());
        out.next_cursor = make_keyset_cursor({0, k.i64(0), out.items.back().id}, signature);
    }
    std::vector<HourRecord> open;
    if (!load_records(db, now, "WHERE a.user_id = ? AND a.status = 'open'", {SqlValue(user)}, open))
        return problem_reply(internal_problem());
    if (!open.empty()) out.open = std::move(open[0]);
    CivilDate today = civil_from_days(cst_day(now));
    std::map<std::string, MonthHours> months;
    for (int i = 11; i >= 0; --i) {
        int y = today.year, m = today.month - i;
        while (m <= 0) m += 12, --y;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        months[buf] = MonthHours{buf, 0, 0};
    }
    // Certified: minutes certified and not superseded by a correction (a dispute on a
    // certified record keeps them certified); pending: closed, not yet decided.
    Stmt st(db,
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

// Reads only: the caller has closed what was due (auto_close_due) or found nothing due.
// A page of the project's records in shift order (limit 1..100, keyset cursor), the number of
// all that match, and — with shift_id, on the first page — who signed up for that shift.
Reply attendance_page(Db& db, int64_t now, Id user, const std::optional<int64_t>& project, const httplib::Request& req) {
    if (!project) return not_found_reply("project");
    Stmt p(db, "SELECT team_id FROM projects WHERE id = ?");
    p.bind(1, *project);
    Step s = p.step();
    if (s == Step::Error) return internal_error(p.error());
    if (s == Step::Done) return problem_reply(404, "not_found", "项目不存在", {}, {{"resource", "project"}});
    Id team = p.i64(0);
    auto leads = certifies_team(db, user, team);
    if (!leads) return problem_reply(internal_problem());
    if (!*leads) return not_team_leader(team);
    Query qp(req);
    const std::optional<Id> shift = qp.id("shift_id");
    const std::string status =
        qp.one_of("status", {"open", "pending", "certified", "rejected", "disputed"}).value_or("");
    const int limit = qp.limit();
    const uint64_t signature = fnv1a64(std::to_string(*project) + "|" + std::to_string(shift.value_or(0)) + "|" + status);
    const std::optional<Keyset> after = qp.keyset(signature);
    if (!qp.ok()) return problem_reply(qp.problem());

    std::string filter = "a.project_id = ?";
    std::vector<SqlValue> args = {SqlValue(*project)};
    if (shift) filter += " AND a.shift_id = ?", args.push_back(*shift);
    if (!status.empty()) filter += " AND a.status = ?", args.push_back(status);
    AttendancePage out;
    Stmt count(db, "SELECT count(*) FROM attendance a WHERE " + filter);
    count.bind_all(args);
    if ((s = count.step()) != Step::Row) return internal_error(count.error());
    out.total = count.i64(0);

    std::string where = "WHERE " + filter;
    std::vector<SqlValue> page_args = args;
    if (after) {
        where += " AND (s.start_at, a.check_in, a.id) > (?, ?, ?)";
        page_args.insert(page_args.end(), {SqlValue(after->first), SqlValue(after->second), SqlValue(after->id)});
    }
    where += " ORDER BY s.start_at, a.check_in, a.id LIMIT " + std::to_string(limit + 1);
    if (!load_records(db, now, where, page_args, out.items)) return problem_reply(internal_problem());
    if (static_cast<int>(out.items.size()) > limit) {
        out.items.pop_back();
        Stmt k(db, "SELECT s.start_at, a.check_in FROM attendance a JOIN shifts s ON s.id = a.shift_id WHERE a.id = ?");
        k.bind(1, out.items.back().id);
        if ((s = k.step()) != Step::Row) return internal_error(k.error());
        out.next_cursor = make_keyset_cursor({k.i64(0), k.i64(1), out.items.back().id}, signature);
    }
    if (!shift || after) return json_reply(encode(out));
    // Who signed up for the shift (at most its capacity), where they are and since when: each
    // one's first record of the shift (not a correction).
    Stmt r(db,
           "SELECT g.user_id, COALESCE(v.real_name, u.display_name), g.shift_id, a.id, a.status, a.check_in, a.check_out "
           "FROM signups g JOIN shifts s ON s.id = g.shift_id JOIN users u ON u.id = g.user_id "
           "LEFT JOIN volunteers v ON v.user_id = g.user_id "
           "LEFT JOIN attendance a ON a.id = (SELECT min(x.id) FROM attendance x WHERE x.user_id = g.user_id "
           " AND x.shift_id = g.shift_id AND x.corrects IS NULL) "
           "WHERE s.project_id = ? AND g.shift_id = ? AND g.status = 'confirmed' ORDER BY g.id");
    r.bind(1, *project).bind(2, *shift);
    while ((s = r.step()) == Step::Row) {
        RosterEntry e{{r.i64(0), masked_name(r.text(1))}, r.i64(2), "expected", opt_id(r, 3)};
        if (e.attendance_id) {
            e.state = r.text(4) == "open" ? "in" : "out";
            e.check_in = format_cst(r.i64(5));
            if (!r.is_null(6)) e.check_out = format_cst(r.i64(6));
        }
        out.roster.push_back(std::move(e));
    }
    if (s == Step::Error) return internal_error(r.error());
    return json_reply(encode(out));
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
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) {
        return when_none_due(app, db, on_writer, [&] { return my_hours(db, app.now(), user, req); });
    });
}

void get_attendance(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) {
        return when_none_due(app, db, on_writer, [&] { return attendance_page(db, app.now(), user, id, req); });
    });
}

}  // namespace

void register_hours_routes(App& app) {
    hours::register_attendance_routes(app);
    app.route("GET", R"(/api/v1/me/hours)", get_my_hours);
    app.route("GET", R"(/api/v1/projects/([^/]+)/attendance)", get_attendance);
    hours::register_checkin_code_route(app);
    app.route("POST", R"(/api/v1/hours/([^/]+)/certify)", post_certify);
    app.route("POST", R"(/api/v1/shifts/([^/]+)/certify-all)", post_certify_all);
    app.route("POST", R"(/api/v1/hours/([^/]+)/corrections)", post_correction);
    app.route("POST", R"(/api/v1/hours/([^/]+)/disputes)", post_dispute);
    app.route("POST", R"(/api/v1/hours/([^/]+)/disputes/resolve)", post_resolve);
}

}  // namespace zygc::server
