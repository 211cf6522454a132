// [SECTION] Accounts: SMS / WeChat login (limits in guards.h), sessions, /me, team joins,
// sign-ups. 实名注册 and its appeals live in routes_identity.cpp.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/idcard.h"
#include "core/validate.h"
#include "core/calendar.h"
#include "server/crypto.h"
#include "server/guards.h"
#include "server/identity.h"
#include "server/mutation.h"

namespace zygc::server {

namespace {

std::optional<std::string> string_field(const json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::string code_hash(const std::string& phone, const std::string& code) {
    return sha256(phone + ":" + code);
}

// Finds or creates the user for a phone / WeChat openid (0 on a database error, logged).
Id user_for(App& app, const char* column, const std::string& value, const std::string& display) {
    std::string sel = std::string("SELECT id FROM users WHERE ") + column + " = ?";
    Stmt st(app.db, sel);
    st.bind(1, value);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), 0;
    if (s == Step::Row) return st.i64(0);
    std::string ins = std::string("INSERT INTO users(") + column + ", display_name, created_at) VALUES (?, ?, ?)";
    Stmt in(app.db, ins);
    in.bind(1, value).bind(2, display).bind(3, app.now());
    if (!in.exec()) return log_db_error(in.error()), 0;
    return app.db.last_insert_rowid();
}

Reply session_reply(App& app, Id user) {
    Session s;
    std::string token = create_session(app, user);
    if (token.empty() || !load_me(app.db, user, s.user)) return problem_reply(internal_problem());
    Reply r = json_reply(encode(s));
    r.headers.push_back({"Set-Cookie", session_cookie(app, token)});
    return r;
}

// Production without an SMS gateway: nothing could deliver a code, so say so (503).
bool login_unavailable(const App& app) { return !app.opts.dev && app.opts.sms_gateway_cmd.empty(); }

Reply login_disabled() {
    return problem_reply(503, "login_disabled", "登录暂不可用（服务器未配置短信通道）");
}

// The first of several limit checks that refuses, or nullopt.
std::optional<Reply> first_refusal(std::initializer_list<std::function<std::optional<Reply>()>> checks) {
    for (const auto& c : checks)
        if (auto r = c()) return r;
    return std::nullopt;
}

// Failures in a window: {count, oldest}; nullopt on a database error (logged).
std::optional<std::pair<int64_t, int64_t>> failures(App& app, const char* where, const std::string& a,
                                                    const std::string& b, int64_t since) {
    Stmt st(app.db, std::string("SELECT count(*), MIN(at) FROM login_failures WHERE ") + where);
    st.bind(1, a);
    if (b.empty()) st.bind(2, since);
    else st.bind(2, b).bind(3, since);
    if (st.step() != Step::Row) return log_db_error(st.error()), std::nullopt;
    return std::make_pair(st.i64(0), st.i64(1));
}

// ---- auth -------------------------------------------------------------------------------

Reply sms_code_locked(App& app, const std::string& phone, const std::string& addr, std::string& code) {
    int64_t now = app.now();
    maybe_prune(app);
    Stmt st(app.db, "SELECT sent_at FROM sms_codes WHERE phone = ?");
    st.bind(1, phone);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    if (s == Step::Row && now - st.i64(0) < kSmsInterval)
        return rate_limited(kSmsInterval - (now - st.i64(0)), "发送过于频繁，请稍后再试");
    if (auto r = first_refusal({[&] { return check_limit(app, kSmsPerAddr, addr); },
                                [&] { return check_limit(app, kSmsOverall); }}))
        return *r;
    // Codes are stored for a bounded number of phones (expired ones are pruned).
    Stmt pending(app.db, "SELECT count(*) FROM sms_codes WHERE expires_at > ? AND used = 0");
    pending.bind(1, now);
    if (pending.step() != Step::Row) return internal_error(pending.error());
    if (s == Step::Done && pending.i64(0) >= kMaxPendingCodes)
        return rate_limited(kSmsLifetime, "请求过于频繁，请稍后再试");
    uint32_t r = 0;
    for (unsigned char c : random_bytes(4)) r = (r << 8) | c;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", r % 1000000);
    code = buf;
    Stmt up(app.db,
            "INSERT INTO sms_codes(phone, code_hash, sent_at, expires_at, used) VALUES (?, ?, ?, ?, 0) "
            "ON CONFLICT(phone) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, "
            "expires_at = excluded.expires_at, used = 0");
    std::string h = code_hash(phone, code);
    up.bind(1, phone).bind(2, std::string_view(h)).bind(3, now).bind(4, now + kSmsLifetime);
    if (!up.exec()) return internal_error(up.error());
    if (!record_event(app, kSmsPerAddr, addr) || !record_event(app, kSmsOverall))
        return problem_reply(internal_problem());
    SmsCodeSent sent;
    if (app.opts.dev) sent.dev_code = code;  // dev mode shows the code instead of texting it
    sent.retry_after_s = kSmsInterval;
    return json_reply(encode(sent));
}

void post_sms_code(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    auto phone = string_field(body, "phone");
    if (!phone || !valid_phone(*phone))
        return send_reply(req, res,
                          problem_reply(422, "invalid", "手机号格式不正确",
                                        {field_error("phone", "phone_format", "请输入11位手机号")}));
    if (login_unavailable(app)) return send_reply(req, res, login_disabled());
    std::string addr = client_addr(app, req), code;
    Reply reply = on_writer(app, [&] { return sms_code_locked(app, *phone, addr, code); });
    // The gateway runs without the database lock (it may take seconds).
    if (reply.status == 200 && !app.opts.dev && !deliver_sms(app.opts.sms_gateway_cmd, *phone, code)) {
        reply = on_writer(app, [&] {
            Stmt del(app.db, "DELETE FROM sms_codes WHERE phone = ?");
            del.bind(1, *phone);
            if (!del.exec()) log_db_error(del.error());
            return problem_reply(503, "sms_unavailable", "短信发送失败，请稍后再试");
        });
    }
    send_reply(req, res, reply);
}

Reply login_locked(App& app, const std::string& phone, const std::string& code, const std::string& addr) {
    int64_t now = app.now();
    maybe_prune(app);
    if (auto r = first_refusal({[&] { return check_limit(app, kLoginPerAddr, addr); },
                                [&] { return check_limit(app, kLoginOverall); }}))
        return *r;
    if (!record_event(app, kLoginPerAddr, addr) || !record_event(app, kLoginOverall))
        return problem_reply(internal_problem());
    // Wrong guesses lock out the guessing address only: per (phone, address), per address.
    auto mine = failures(app, "phone = ? AND addr = ? AND at > ?", phone, addr, now - kFailPerPhoneAddrWindow);
    auto spray = failures(app, "addr = ? AND at > ?", addr, "", now - kFailPerAddrWindow);
    if (!mine || !spray) return problem_reply(internal_problem());
    if (mine->first >= kFailPerPhoneAddr)
        return rate_limited(mine->second + kFailPerPhoneAddrWindow - now, "尝试次数过多，请稍后再试");
    if (spray->first >= kFailPerAddr)
        return rate_limited(spray->second + kFailPerAddrWindow - now, "尝试次数过多，请稍后再试");
    Stmt st(app.db, "SELECT code_hash, expires_at, used, sent_at FROM sms_codes WHERE phone = ?");
    st.bind(1, phone);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    bool ok = s == Step::Row && st.i64(2) == 0 && now < st.i64(1) && equal_ct(st.text(0), code_hash(phone, code));
    if (ok) {
        // The per-phone ceiling (any address) voids the current code; a fresh one resets it.
        int64_t since = std::max(now - kFailPerCodeWindow, st.i64(3) - 1);
        auto all = failures(app, "phone = ? AND at > ?", phone, "", since);
        if (!all) return problem_reply(internal_problem());
        ok = all->first < kFailPerCode;
    }
    if (!ok) {
        Stmt f(app.db, "INSERT INTO login_failures(phone, addr, at) VALUES (?, ?, ?)");
        f.bind(1, phone).bind(2, addr).bind(3, now);
        if (!f.exec()) return internal_error(f.error());
        return problem_reply(401, "code_invalid", "验证码错误或已过期");
    }
    Stmt used(app.db, "UPDATE sms_codes SET used = 1 WHERE phone = ?");
    used.bind(1, phone);
    Stmt clear(app.db, "DELETE FROM login_failures WHERE phone = ? AND addr = ?");
    clear.bind(1, phone).bind(2, addr);
    if (!used.exec()) return internal_error(used.error());
    if (!clear.exec()) return internal_error(clear.error());
    Id user = user_for(app, "phone", phone, "用户" + phone.substr(7));
    if (!user) return problem_reply(internal_problem());
    return session_reply(app, user);
}

void post_login(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    auto phone = string_field(body, "phone");
    auto code = string_field(body, "code");
    std::vector<FieldError> errs;
    if (!phone || !valid_phone(*phone)) errs.push_back(field_error("phone", "phone_format", "请输入11位手机号"));
    if (!code || code->size() != 6 || code->find_first_not_of("0123456789") != std::string::npos)
        errs.push_back(field_error("code", "code_format", "请输入6位验证码"));
    if (!errs.empty()) return send_reply(req, res, problem_reply(422, "invalid", "请检查手机号和验证码", errs));
    if (login_unavailable(app)) return send_reply(req, res, login_disabled());
    std::string addr = client_addr(app, req);
    send_reply(req, res, on_writer(app, [&] { return login_locked(app, *phone, *code, addr); }));
}

bool valid_openid(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    return true;
}

void post_wechat(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    auto code = string_field(body, "code");
    if (!code || code->empty() || code->size() > 256)
        return send_reply(req, res, problem_reply(422, "invalid", "缺少微信登录凭证",
                                                  {field_error("code", "required", "required")}));
    std::string addr = client_addr(app, req);
    auto reply = on_writer(app, [&]() -> Reply {
        if (auto r = first_refusal({[&] { return check_limit(app, kWechatPerAddr, addr); },
                                    [&] { return check_limit(app, kWechatOverall); }}))
            return *r;
        if (!record_event(app, kWechatPerAddr, addr) || !record_event(app, kWechatOverall))
            return problem_reply(internal_problem());
        // Without a configured WeChat app only dev codes ("dev-<openid>", dev mode) are known.
        if (!app.opts.dev || code->rfind("dev-", 0) != 0 || !valid_openid(code->substr(4)))
            return problem_reply(401, "wechat_code_invalid", "微信登录凭证无效或已过期");
        Id user = user_for(app, "wechat_openid", code->substr(4), "微信用户");
        if (!user) return problem_reply(internal_problem());
        return session_reply(app, user);
    });
    send_reply(req, res, reply);
}

void post_logout(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, false)) return;
    res.set_header("Set-Cookie", cleared_cookie(app));
    if (auto no = no_session(app, req)) return send_reply(req, res, *no);
    send_reply(req, res, on_writer(app, [&] {
        auto user = session_user(app, req);
        if (!user) return problem_reply(internal_problem());
        if (!*user) return not_logged_in();
        std::string hash = sha256(session_token(req));
        Stmt del(app.db, "DELETE FROM sessions WHERE token_hash = ?");
        del.bind(1, std::string_view(hash));
        if (!del.exec()) return internal_error(del.error());
        return no_content();
    }));
}

// ---- me ---------------------------------------------------------------------------------

void get_me(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool) -> std::optional<Reply> {
        Me me;
        bool failed = false;
        if (!load_me(db, user, me, &failed)) return failed ? problem_reply(internal_problem()) : not_logged_in();
        return json_reply(encode(me));
    });
}

// ---- teams ------------------------------------------------------------------------------

Reply join_team(App& app, Id user, const std::optional<int64_t>& id) {
    auto volunteer = has_role(app.db, user, "volunteer");
    if (!volunteer) return problem_reply(internal_problem());
    if (!*volunteer) return forbidden_role("volunteer", "实名注册后才能加入队伍");
    Reply not_found = problem_reply(404, "not_found", "队伍不存在", {}, {{"resource", "team"}});
    if (!id) return not_found;
    Stmt t(app.db, "SELECT name FROM teams WHERE id = ?");
    t.bind(1, *id);
    Step s = t.step();
    if (s == Step::Error) return internal_error(t.error());
    if (s == Step::Done) return not_found;
    std::string team_name = t.text(0);
    Stmt m(app.db, "SELECT role FROM team_members WHERE team_id = ? AND user_id = ?");
    m.bind(1, *id).bind(2, user);
    s = m.step();
    if (s == Step::Error) return internal_error(m.error());
    if (s == Step::Row) return problem_reply(409, "already_member", "你已经是该队伍成员");
    if (!app.db.begin()) return internal_error(app.db.last_error());
    Stmt ins(app.db, "INSERT INTO team_members(team_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)");
    ins.bind(1, *id).bind(2, user).bind(3, app.now());
    Stmt cnt(app.db, "UPDATE teams SET member_count = member_count + 1 WHERE id = ?");
    cnt.bind(1, *id);
    if (!ins.exec() || !cnt.exec() || !app.db.commit()) {
        std::string e = ins.failed() ? ins.error() : cnt.failed() ? cnt.error() : app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return json_reply(encode(TeamMembership{*id, team_name, "member"}), 201);
}

void post_team_member(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, false, [&](Id user, const json&) { return join_team(app, user, id); });
}

// leave team (issue 10): a member leaves (204); not a member: 404 not_member; the team's
// leader cannot leave their own team (409 leader_cannot_leave).
Reply leave_team(App& app, Id user, const std::optional<int64_t>& id) {
    Reply not_found = problem_reply(404, "not_found", "队伍不存在", {}, {{"resource", "team"}});
    if (!id) return not_found;
    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto fail = [&](Reply r) {
        app.db.rollback();
        return r;
    };
    Stmt m(app.db, "SELECT m.role FROM teams t LEFT JOIN team_members m ON m.team_id = t.id AND m.user_id = ? "
                   "WHERE t.id = ?");
    m.bind(1, user).bind(2, *id);
    Step s = m.step();
    if (s == Step::Error) return fail(internal_error(m.error()));
    if (s == Step::Done) return fail(not_found);
    if (m.is_null(0)) return fail(problem_reply(404, "not_member", "你不是该队伍成员"));
    if (m.text(0) == "leader") return fail(problem_reply(409, "leader_cannot_leave", "队长不能退出自己带领的队伍"));
    Stmt del(app.db, "DELETE FROM team_members WHERE team_id = ? AND user_id = ?");
    del.bind(1, *id).bind(2, user);
    Stmt cnt(app.db, "UPDATE teams SET member_count = member_count - 1 WHERE id = ? AND member_count > 0");
    cnt.bind(1, *id);
    if (!del.exec() || !cnt.exec() || !app.db.commit()) {
        std::string e = del.failed() ? del.error() : cnt.failed() ? cnt.error() : app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return no_content();
}

void delete_team_member(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, false, [&](Id user, const json&) { return leave_team(app, user, id); });
}

// ---- sign-ups ---------------------------------------------------------------------------

constexpr const char* kSignupSelect =
    "SELECT g.id, g.shift_id, s.project_id, p.title, s.start_at, s.end_at, p.site_name, g.status, "
    "g.created_at FROM signups g JOIN shifts s ON s.id = g.shift_id JOIN projects p ON p.id = s.project_id ";

Signup read_signup(const Stmt& st) {
    return Signup{st.i64(0), st.i64(1), st.i64(2), st.text(3), format_cst(st.i64(4)),
                  format_cst(st.i64(5)), st.text(6), st.text(7), format_cst(st.i64(8))};
}

// Inside one BEGIN IMMEDIATE transaction: the checks, the capacity update and the insert.
Reply do_signup(App& app, Id user, Id project, const json& body) {
    auto it = body.find("shift_id");
    if (it == body.end() || !it->is_number_integer() || it->get<int64_t>() <= 0)
        return problem_reply(422, "invalid", "请选择班次",
                             {field_error("shift_id", "required", "must be a positive integer")});
    Id shift = it->get<int64_t>();
    int64_t now = app.now();
    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto fail = [&](int status, const char* code, std::string detail, std::vector<FieldError> e = {},
                    Params params = {}) {
        app.db.rollback();
        return problem_reply(status, code, std::move(detail), std::move(e), std::move(params));
    };
    auto broken = [&](const Stmt& st) {
        std::string e = st.error();
        app.db.rollback();
        return internal_error(e);
    };
    Stmt sh(app.db,
            "SELECT s.start_at, s.end_at, s.capacity, s.signed_up, p.status FROM shifts s "
            "JOIN projects p ON p.id = s.project_id WHERE s.id = ? AND s.project_id = ?");
    sh.bind(1, shift).bind(2, project);
    Step s = sh.step();
    if (s == Step::Error) return broken(sh);
    if (s == Step::Done)
        return fail(422, "invalid", "该项目没有这个班次",
                     {field_error("shift_id", "no_such_shift", "no such shift in this project")});
    int64_t start = sh.i64(0), end = sh.i64(1);
    if (sh.text(4) != "open") return fail(409, "project_closed", "该项目已结束报名");
    if (now >= start) return fail(409, "shift_started", "该班次已开始，不能再报名");
    Stmt dup(app.db, "SELECT 1 FROM signups WHERE user_id = ? AND shift_id = ? AND status = 'confirmed'");
    dup.bind(1, user).bind(2, shift);
    s = dup.step();
    if (s == Step::Error) return broken(dup);
    if (s == Step::Row) return fail(409, "already_signed_up", "你已报名该班次");
    Stmt ov(app.db,
            "SELECT p.title FROM signups g JOIN shifts s ON s.id = g.shift_id "
            "JOIN projects p ON p.id = s.project_id WHERE g.user_id = ? AND g.status = 'confirmed' "
            "AND s.start_at < ? AND ? < s.end_at LIMIT 1");
    ov.bind(1, user).bind(2, end).bind(3, start);
    s = ov.step();
    if (s == Step::Error) return broken(ov);
    if (s == Step::Row)
        return fail(409, "overlap", "与你已报名的「" + ov.text(0) + "」时间冲突", {}, {{"project", ov.text(0)}});
    Stmt take(app.db, "UPDATE shifts SET signed_up = signed_up + 1 WHERE id = ? AND signed_up < capacity");
    take.bind(1, shift);
    if (!take.exec()) return broken(take);
    if (app.db.changes() == 0) return fail(409, "shift_full", "手慢了，该班次名额已满");
    Stmt ins(app.db, "INSERT INTO signups(user_id, shift_id, status, created_at) VALUES (?, ?, 'confirmed', ?)");
    ins.bind(1, user).bind(2, shift).bind(3, now);
    if (!ins.exec()) return broken(ins);
    Id id = app.db.last_insert_rowid();
    if (!app.db.commit()) {
        std::string e = app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    Stmt st(app.db, std::string(kSignupSelect) + "WHERE g.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) return internal_error(st.error());
    Reply r = json_reply(encode(read_signup(st)), 201);
    r.headers.push_back({"Location", "/api/v1/me/signups"});
    return r;
}

Reply sign_up(App& app, const httplib::Request& req, Id user, const json& body) {
    auto volunteer = has_role(app.db, user, "volunteer");
    if (!volunteer) return problem_reply(internal_problem());
    if (!*volunteer) return forbidden_role("volunteer", "请先完成实名注册");
    Reply not_found = problem_reply(404, "not_found", "项目不存在", {}, {{"resource", "project"}});
    auto project = path_id(req.matches[1]);
    if (!project) return not_found;
    Stmt p(app.db, "SELECT 1 FROM projects WHERE id = ?");
    p.bind(1, *project);
    Step s = p.step();
    if (s == Step::Error) return internal_error(p.error());
    if (s == Step::Done) return not_found;
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, true, idem.key)) return *bad;
    idem.active = true;
    idem.user = user;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    return idempotency_finish(app, idem, do_signup(app, user, *project, body));
}

void post_signup(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return sign_up(app, req, user, body); });
}

Reply cancel_signup(App& app, Id user, const std::optional<int64_t>& id) {
    // Someone else's sign-up answers exactly like a missing one: no existence oracle.
    Reply not_found = problem_reply(404, "not_found", "报名记录不存在", {}, {{"resource", "signup"}});
    if (!id) return not_found;
    Stmt st(app.db,
            "SELECT g.user_id, g.status, s.start_at, g.shift_id FROM signups g "
            "JOIN shifts s ON s.id = g.shift_id WHERE g.id = ?");
    st.bind(1, *id);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    if (s == Step::Done || st.i64(0) != user) return not_found;
    Id shift = st.i64(3);
    if (st.text(1) == "cancelled") return no_content();
    if (app.now() >= st.i64(2)) return problem_reply(409, "shift_started", "班次已开始，不能取消");
    if (!app.db.begin()) return internal_error(app.db.last_error());
    Stmt up(app.db, "UPDATE signups SET status = 'cancelled', cancelled_at = ? WHERE id = ?");
    up.bind(1, app.now()).bind(2, *id);
    Stmt dec(app.db, "UPDATE shifts SET signed_up = MAX(0, signed_up - 1) WHERE id = ?");
    dec.bind(1, shift);
    if (!up.exec() || !dec.exec() || !app.db.commit()) {
        std::string e = up.failed() ? up.error() : dec.failed() ? dec.error() : app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return no_content();
}

void delete_signup(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, false, [&](Id user, const json&) { return cancel_signup(app, user, id); });
}

// A page of my confirmed sign-ups: upcoming ones (not yet ended) soonest first, then past ones
// latest first. One integer orders both: the start for upcoming ones, 2^41 minus the start for
// past ones (unix seconds stay below 2^40). The cursor keeps the first page's moment, so a
// sign-up that ends while someone pages stays on the side it was on.
void get_my_signups(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool) -> std::optional<Reply> {
        Query qp(req);
        const int limit = qp.limit(500, 500);
        const uint64_t signature = fnv1a64("me/signups|" + std::to_string(user));
        const std::optional<Keyset> after = qp.keyset(signature);
        if (!qp.ok()) return problem_reply(qp.problem());
        const int64_t moment = after ? after->first : app.now();
        constexpr int64_t kPast = int64_t{1} << 41;
        const std::string key =
            "(CASE WHEN s.end_at <= ?2 THEN " + std::to_string(kPast) + " - s.start_at ELSE s.start_at END)";
        // The page is chosen from the sign-ups and their shifts alone; only its rows then read
        // their project (read and sorted with every sign-up of a volunteer with years of them,
        // the projects were three quarters of a page's time).
        Stmt st(db, "SELECT x.id, x.shift_id, x.project_id, p.title, x.start_at, x.end_at, p.site_name, x.status, "
                    "x.created_at FROM (SELECT g.id, g.shift_id, s.project_id, s.start_at, s.end_at, g.status, "
                    "g.created_at, " + key + " AS k FROM signups g JOIN shifts s ON s.id = g.shift_id "
                    "WHERE g.user_id = ?1 AND g.status = 'confirmed' " +
                        (after ? "AND (" + key + ", g.id) > (?3, ?4) " : std::string()) +
                        "ORDER BY k, g.id LIMIT " + std::to_string(limit + 1) +
                        ") x JOIN projects p ON p.id = x.project_id ORDER BY x.k, x.id");
        st.bind(1, user).bind(2, moment);
        if (after) st.bind(3, after->second).bind(4, after->id);
        std::vector<Signup> out;
        Step s;
        int64_t last_key = 0;
        while ((s = st.step()) == Step::Row) {
            if (static_cast<int>(out.size()) == limit) break;  // one more than the page: a next page
            out.push_back(read_signup(st));
            last_key = st.i64(5) <= moment ? kPast - st.i64(4) : st.i64(4);
        }
        if (s == Step::Error) return internal_error(st.error());
        Reply r = json_reply(encode(out));
        if (s == Step::Row) {
            const std::string cursor = make_keyset_cursor({moment, last_key, out.back().id}, signature);
            r.headers.push_back({"Link", "</api/v1/me/signups?limit=" + std::to_string(limit) + "&cursor=" + cursor +
                                             ">; rel=\"next\""});
        }
        return r;
    });
}

}  // namespace

void register_account_routes(App& app) {
    using Fn = void (*)(App&, const httplib::Request&, httplib::Response&);
    struct R {
        const char* method;
        const char* path;
        Fn fn;
    };
    const R routes[] = {
        {"POST", R"(/api/v1/auth/sms-code)", post_sms_code},
        {"POST", R"(/api/v1/auth/login)", post_login},
        {"POST", R"(/api/v1/auth/wechat)", post_wechat},
        {"POST", R"(/api/v1/auth/logout)", post_logout},
        {"GET", R"(/api/v1/me)", get_me},
        {"PUT", R"(/api/v1/me/volunteer)", put_volunteer},                              // routes_identity.cpp
        {"GET", R"(/api/v1/identity-appeals)", get_identity_appeals},                   // routes_identity.cpp
        {"POST", R"(/api/v1/identity-appeals/([^/]+)/decision)", post_appeal_decision},  // routes_identity.cpp
        {"GET", R"(/api/v1/me/signups)", get_my_signups},
        {"POST", R"(/api/v1/teams/([^/]+)/members)", post_team_member},
        {"POST", R"(/api/v1/projects/([^/]+)/signups)", post_signup},
        {"DELETE", R"(/api/v1/signups/([^/]+))", delete_signup},
        // leave team (issue 10)
        {"DELETE", R"(/api/v1/teams/([^/]+)/members/me)", delete_team_member},
    };
    for (const R& r : routes) app.route(r.method, r.path, r.fn);
}

}  // namespace zygc::server
