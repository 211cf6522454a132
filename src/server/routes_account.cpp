// [SECTION] Accounts: SMS / WeChat login, sessions, /me, 实名注册, team joins, sign-ups.
#include <cstdio>
#include <string>
#include <vector>

#include "core/idcard.h"
#include "core/validate.h"
#include "server/crypto.h"
#include "server/mutation.h"
#include "core/timefmt.h"

namespace zygc::server {

namespace {

constexpr int64_t kSmsInterval = 60;        // 1 code per minute per phone
constexpr int64_t kSmsLifetime = 5 * 60;    // codes expire after 5 minutes
constexpr int64_t kFailWindow = 15 * 60;    // ≥ 5 failed logins per 15 min → 429
constexpr int kFailMax = 5;

void too_many(const httplib::Request& req, httplib::Response& res, int64_t retry_after,
              const std::string& detail) {
    if (retry_after < 1) retry_after = 1;
    res.set_header("Retry-After", std::to_string(retry_after));
    send_problem(req, res, make_problem(429, detail));
}

std::optional<std::string> string_field(const json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::string code_hash(const std::string& phone, const std::string& code) {
    return sha256(phone + ":" + code);
}

// Finds or creates the user for a phone / WeChat openid.
Id user_for(App& app, const char* column, const std::string& value, const std::string& display) {
    std::string sel = std::string("SELECT id FROM users WHERE ") + column + " = ?";
    Stmt st(app.db, sel);
    st.bind(1, value);
    if (st.step()) return st.i64(0);
    std::string ins = std::string("INSERT INTO users(") + column + ", display_name, created_at) VALUES (?, ?, ?)";
    Stmt in(app.db, ins);
    in.bind(1, value).bind(2, display).bind(3, app.now());
    if (!in.exec()) return 0;
    return app.db.last_insert_rowid();
}

void send_session(App& app, const httplib::Request& req, httplib::Response& res, Id user) {
    Session s;
    std::string token = create_session(app, user);
    if (token.empty() || !load_me(app, user, s.user)) return db_error(req, res, app.db.last_error());
    res.set_header("Set-Cookie", session_cookie(app, token));
    send_json(req, res, encode(s));
}

// ---- auth -------------------------------------------------------------------------------

void post_sms_code(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    auto phone = string_field(body, "phone");
    if (!phone || !valid_phone(*phone))
        return send_problem(req, res, make_problem(422, "手机号格式不正确", {{"phone", "请输入11位手机号"}}));
    std::lock_guard lock(app.db_mutex);
    int64_t now = app.now();
    Stmt st(app.db, "SELECT sent_at FROM sms_codes WHERE phone = ?");
    st.bind(1, *phone);
    if (st.step() && now - st.i64(0) < kSmsInterval)
        return too_many(req, res, kSmsInterval - (now - st.i64(0)), "发送过于频繁，请稍后再试");
    uint32_t r = 0;
    std::string rb = random_bytes(4);
    for (unsigned char c : rb) r = (r << 8) | c;
    char code[8];
    std::snprintf(code, sizeof code, "%06u", r % 1000000);
    Stmt up(app.db,
            "INSERT INTO sms_codes(phone, code_hash, sent_at, expires_at, used) VALUES (?, ?, ?, ?, 0) "
            "ON CONFLICT(phone) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, "
            "expires_at = excluded.expires_at, used = 0");
    std::string h = code_hash(*phone, code);
    up.bind(1, *phone).bind(2, std::string_view(h)).bind(3, now).bind(4, now + kSmsLifetime);
    if (!up.exec()) return db_error(req, res, up.error());
    // A deployment hands the code to its SMS gateway here; dev mode shows it instead.
    SmsCodeSent sent;
    if (app.opts.dev) sent.dev_code = code;
    sent.retry_after_s = kSmsInterval;
    send_json(req, res, encode(sent));
}

void post_login(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    auto phone = string_field(body, "phone");
    auto code = string_field(body, "code");
    std::vector<FieldError> errs;
    if (!phone || !valid_phone(*phone)) errs.push_back({"phone", "请输入11位手机号"});
    if (!code || code->size() != 6 || code->find_first_not_of("0123456789") != std::string::npos)
        errs.push_back({"code", "请输入6位验证码"});
    if (!errs.empty()) return send_problem(req, res, make_problem(422, "请检查手机号和验证码", errs));
    std::lock_guard lock(app.db_mutex);
    int64_t now = app.now();
    Stmt fails(app.db, "SELECT count(*), MIN(at) FROM login_failures WHERE phone = ? AND at > ?");
    fails.bind(1, *phone).bind(2, now - kFailWindow);
    if (fails.step() && fails.i64(0) >= kFailMax)
        return too_many(req, res, fails.i64(1) + kFailWindow - now, "尝试次数过多，请稍后再试");
    Stmt st(app.db, "SELECT code_hash, expires_at, used FROM sms_codes WHERE phone = ?");
    st.bind(1, *phone);
    bool ok = st.step() && st.i64(2) == 0 && now < st.i64(1) &&
              equal_ct(st.text(0), code_hash(*phone, *code));
    if (!ok) {
        Stmt f(app.db, "INSERT INTO login_failures(phone, at) VALUES (?, ?)");
        f.bind(1, *phone).bind(2, now).exec();
        Stmt sweep(app.db, "DELETE FROM login_failures WHERE at <= ?");
        sweep.bind(1, now - kFailWindow).exec();
        return send_problem(req, res, make_problem(401, "验证码错误或已过期"));
    }
    Stmt used(app.db, "UPDATE sms_codes SET used = 1 WHERE phone = ?");
    used.bind(1, *phone).exec();
    Stmt clear(app.db, "DELETE FROM login_failures WHERE phone = ?");
    clear.bind(1, *phone).exec();
    Id user = user_for(app, "phone", *phone, "用户" + phone->substr(7));
    if (!user) return db_error(req, res, app.db.last_error());
    send_session(app, req, res, user);
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
        return send_problem(req, res, make_problem(422, "缺少微信登录凭证", {{"code", "required"}}));
    // Without a configured WeChat app only dev codes ("dev-<openid>", dev mode) are known.
    if (!app.opts.dev || code->rfind("dev-", 0) != 0 || !valid_openid(code->substr(4)))
        return send_problem(req, res, make_problem(401, "微信登录凭证无效或已过期"));
    std::lock_guard lock(app.db_mutex);
    Id user = user_for(app, "wechat_openid", code->substr(4), "微信用户");
    if (!user) return db_error(req, res, app.db.last_error());
    send_session(app, req, res, user);
}

void post_logout(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, false)) return;
    std::lock_guard lock(app.db_mutex);
    res.set_header("Set-Cookie", cleared_cookie(app));
    if (!session_user(app, req)) return send_problem(req, res, make_problem(401, "未登录"));
    std::string hash = sha256(session_token(req));
    Stmt del(app.db, "DELETE FROM sessions WHERE token_hash = ?");
    del.bind(1, std::string_view(hash));
    if (!del.exec()) return db_error(req, res, del.error());
    res.status = 204;
    res.set_header("Cache-Control", "no-cache");
}

// ---- me ---------------------------------------------------------------------------------

void get_me(App& app, const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(app.db_mutex);
    Id user = session_user(app, req);
    if (!user) return send_problem(req, res, make_problem(401, "未登录"));
    Me me;
    if (!load_me(app, user, me)) return send_problem(req, res, make_problem(401, "未登录"));
    send_json(req, res, encode(me));
}

const char* const kAvailability[] = {"weekday_day", "weekday_evening", "weekend"};

void put_volunteer(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    std::unique_lock lock(app.db_mutex);
    Id user = session_user(app, req);
    if (!user) return send_problem(req, res, make_problem(401, "未登录"));
    lock.unlock();
    auto d = decode_json<VolunteerApplication>(body);
    if (!d.ok())
        return send_problem(req, res, make_problem(422, "请检查填写的内容", {decode_field_error(*d.error)}));
    VolunteerApplication& a = d.value;
    int64_t now = app.now();
    std::vector<FieldError> errs = check_registration(a, today_yyyymmdd(now));
    for (const auto& av : a.availability) {
        bool known = false;
        for (const char* k : kAvailability) known = known || av == k;
        if (!known) {
            errs.push_back({"availability", "未知的服务时间：" + av});
            break;
        }
    }
    if (a.skills.size() > 20) errs.push_back({"skills", "最多20项"});
    for (const auto& s : a.skills)
        if (s.empty() || utf8_length(s) > 30) {
            errs.push_back({"skills", "每项1到30个字"});
            break;
        }
    for (unsigned char c : a.real_name)
        if (c < 0x20) {
            errs.push_back({"real_name", "姓名含有无效字符"});
            break;
        }
    lock.lock();
    bool district_error = false;
    for (const auto& e : errs) district_error = district_error || e.field == "district_id";
    if (!district_error && a.district_id > 0) {
        Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
        st.bind(1, a.district_id);
        if (!st.step()) errs.push_back({"district_id", "所选区县不存在"});
    }
    if (!errs.empty()) return send_problem(req, res, make_problem(422, "请检查填写的内容", errs));
    if (!app.have_secret())
        return send_problem(req, res, make_problem(503, "实名注册暂不可用（服务器未配置密钥）"));

    std::string normalized = check_id_number(a.id_number, today_yyyymmdd(now)).normalized;
    std::string mac = hmac_sha256(app.id_hmac_key, normalized);
    std::string cipher = aes256gcm_seal(app.id_aes_key, normalized, "user:" + std::to_string(user));
    if (cipher.empty()) return db_error(req, res, "encryption failed");
    if (!app.db.begin()) return db_error(req, res, app.db.last_error());
    Stmt owner(app.db, "SELECT user_id FROM volunteers WHERE id_hmac = ?");
    owner.bind(1, std::string_view(mac));
    if (owner.step() && owner.i64(0) != user) {
        app.db.rollback();
        return send_problem(req, res, make_problem(409, "该身份证号码已注册", {{"id_number", "该身份证号码已注册"}}));
    }
    Stmt prev(app.db, "SELECT district_id FROM volunteers WHERE user_id = ?");
    prev.bind(1, user);
    int64_t old_district = prev.step() ? prev.i64(0) : 0;
    Stmt up(app.db,
            "INSERT INTO volunteers(user_id, real_name, id_hmac, id_cipher, id_masked, district_id, "
            "skills, availability, consent_at, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(user_id) DO UPDATE SET real_name = excluded.real_name, id_hmac = excluded.id_hmac, "
            "id_cipher = excluded.id_cipher, id_masked = excluded.id_masked, "
            "district_id = excluded.district_id, skills = excluded.skills, "
            "availability = excluded.availability, consent_at = excluded.consent_at");
    up.bind(1, user).bind(2, a.real_name).bind(3, std::string_view(mac)).bind(4, std::string_view(cipher))
        .bind(5, mask_id_number(normalized)).bind(6, a.district_id).bind(7, dump_json(a.skills))
        .bind(8, dump_json(a.availability)).bind(9, now).bind(10, now);
    Stmt role(app.db, "INSERT OR IGNORE INTO user_roles(user_id, role) VALUES (?, 'volunteer')");
    role.bind(1, user);
    bool ok = up.exec() && role.exec();
    // City figures: live registrations count in their district.
    if (ok && old_district != a.district_id) {
        Stmt inc(app.db, "UPDATE districts SET registered_volunteers = registered_volunteers + 1 WHERE id = ?");
        inc.bind(1, a.district_id);
        ok = inc.exec();
        if (ok && old_district) {
            Stmt dec(app.db, "UPDATE districts SET registered_volunteers = MAX(0, registered_volunteers - 1) WHERE id = ?");
            dec.bind(1, old_district);
            ok = dec.exec();
        }
    }
    if (!ok || !app.db.commit()) {
        std::string e = up.failed() ? up.error() : app.db.last_error();
        app.db.rollback();
        return db_error(req, res, e);
    }
    Me me;
    load_me(app, user, me);
    send_json(req, res, encode(me));
}

// ---- teams ------------------------------------------------------------------------------

void post_team_member(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, false)) return;
    std::lock_guard lock(app.db_mutex);
    Id user = session_user(app, req);
    if (!user) return send_problem(req, res, make_problem(401, "未登录"));
    if (!has_role(app, user, "volunteer"))
        return send_problem(req, res, make_problem(403, "实名注册后才能加入队伍"));
    auto id = path_id(req.matches[1]);
    std::string team_name;
    if (id) {
        Stmt t(app.db, "SELECT name FROM teams WHERE id = ?");
        t.bind(1, *id);
        if (t.step()) team_name = t.text(0);
        else id.reset();
    }
    if (!id) return send_problem(req, res, make_problem(404, "Team not found."));
    Stmt m(app.db, "SELECT role FROM team_members WHERE team_id = ? AND user_id = ?");
    m.bind(1, *id).bind(2, user);
    if (m.step()) return send_problem(req, res, make_problem(409, "你已经是该队伍成员"));
    if (!app.db.begin()) return db_error(req, res, app.db.last_error());
    Stmt ins(app.db, "INSERT INTO team_members(team_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)");
    ins.bind(1, *id).bind(2, user).bind(3, app.now());
    Stmt cnt(app.db, "UPDATE teams SET member_count = member_count + 1 WHERE id = ?");
    cnt.bind(1, *id);
    if (!ins.exec() || !cnt.exec() || !app.db.commit()) {
        std::string e = app.db.last_error();
        app.db.rollback();
        return db_error(req, res, e);
    }
    send_json(req, res, encode(TeamMembership{*id, team_name, "member"}), 201);
}

// ---- sign-ups ---------------------------------------------------------------------------

constexpr const char* kSignupSelect =
    "SELECT g.id, g.shift_id, s.project_id, p.title, s.start_at, s.end_at, p.site_name, g.status, "
    "g.created_at FROM signups g JOIN shifts s ON s.id = g.shift_id JOIN projects p ON p.id = s.project_id ";

Signup read_signup(const Stmt& st) {
    return Signup{st.i64(0), st.i64(1), st.i64(2), st.text(3), format_cst(st.i64(4)),
                  format_cst(st.i64(5)), st.text(6), st.text(7), format_cst(st.i64(8))};
}

Reply do_signup(App& app, Id user, Id project, const json& body) {
    auto it = body.find("shift_id");
    if (it == body.end() || !it->is_number_integer() || it->get<int64_t>() <= 0)
        return problem_reply(422, "请选择班次", {{"shift_id", "must be a positive integer"}});
    Id shift = it->get<int64_t>();
    int64_t now = app.now();
    if (!app.db.begin()) return problem_reply(500, "Database error.");
    auto fail = [&](int status, std::string detail, std::vector<FieldError> e = {}) {
        app.db.rollback();
        return problem_reply(status, std::move(detail), std::move(e));
    };
    Stmt sh(app.db,
            "SELECT s.start_at, s.end_at, s.capacity, s.signed_up, p.status FROM shifts s "
            "JOIN projects p ON p.id = s.project_id WHERE s.id = ? AND s.project_id = ?");
    sh.bind(1, shift).bind(2, project);
    if (!sh.step()) return fail(422, "该项目没有这个班次", {{"shift_id", "no such shift in this project"}});
    int64_t start = sh.i64(0), end = sh.i64(1);
    if (sh.text(4) != "open") return fail(409, "该项目已结束报名");
    if (now >= start) return fail(409, "该班次已开始，不能再报名");
    Stmt dup(app.db, "SELECT 1 FROM signups WHERE user_id = ? AND shift_id = ? AND status = 'confirmed'");
    dup.bind(1, user).bind(2, shift);
    if (dup.step()) return fail(409, "你已报名该班次");
    Stmt ov(app.db,
            "SELECT p.title FROM signups g JOIN shifts s ON s.id = g.shift_id "
            "JOIN projects p ON p.id = s.project_id WHERE g.user_id = ? AND g.status = 'confirmed' "
            "AND s.start_at < ? AND ? < s.end_at LIMIT 1");
    ov.bind(1, user).bind(2, end).bind(3, start);
    if (ov.step()) return fail(409, "与你已报名的「" + ov.text(0) + "」时间冲突");
    Stmt take(app.db, "UPDATE shifts SET signed_up = signed_up + 1 WHERE id = ? AND signed_up < capacity");
    take.bind(1, shift);
    if (!take.exec()) return fail(500, "Database error.");
    if (app.db.changes() == 0) return fail(409, "手慢了，该班次名额已满");
    Stmt ins(app.db, "INSERT INTO signups(user_id, shift_id, status, created_at) VALUES (?, ?, 'confirmed', ?)");
    ins.bind(1, user).bind(2, shift).bind(3, now);
    if (!ins.exec()) return fail(500, "Database error.");
    Id id = app.db.last_insert_rowid();
    if (!app.db.commit()) return fail(500, "Database error.");
    Stmt st(app.db, std::string(kSignupSelect) + "WHERE g.id = ?");
    st.bind(1, id);
    if (!st.step()) return problem_reply(500, "Database error.");
    Reply r = json_reply(encode(read_signup(st)), 201);
    r.headers.push_back({"Location", "/api/v1/me/signups"});
    return r;
}

void post_signup(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    std::lock_guard lock(app.db_mutex);
    Id user = session_user(app, req);
    if (!user) return send_problem(req, res, make_problem(401, "未登录"));
    if (!has_role(app, user, "volunteer"))
        return send_problem(req, res, make_problem(403, "请先完成实名注册"));
    auto project = path_id(req.matches[1]);
    if (project) {
        Stmt p(app.db, "SELECT 1 FROM projects WHERE id = ?");
        p.bind(1, *project);
        if (!p.step()) project.reset();
    }
    if (!project) return send_problem(req, res, make_problem(404, "Project not found."));
    Idempotency idem;
    if (!read_idempotency_key(req, res, true, idem.key)) return;
    idem.active = true;
    idem.user = user;
    if (idempotency_begin(app, req, res, idem, body)) return;
    idempotency_finish(app, req, res, idem, do_signup(app, user, *project, body));
}

void delete_signup(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, false)) return;
    std::lock_guard lock(app.db_mutex);
    Id user = session_user(app, req);
    if (!user) return send_problem(req, res, make_problem(401, "未登录"));
    auto id = path_id(req.matches[1]);
    if (!id) return send_problem(req, res, make_problem(404, "Sign-up not found."));
    Stmt st(app.db,
            "SELECT g.user_id, g.status, s.start_at, g.shift_id FROM signups g "
            "JOIN shifts s ON s.id = g.shift_id WHERE g.id = ?");
    st.bind(1, *id);
    if (!st.step()) return send_problem(req, res, make_problem(404, "Sign-up not found."));
    if (st.i64(0) != user) return send_problem(req, res, make_problem(403, "这不是你的报名"));
    Id shift = st.i64(3);
    if (st.text(1) == "cancelled") {
        res.status = 204;
        return;
    }
    if (app.now() >= st.i64(2)) return send_problem(req, res, make_problem(409, "班次已开始，不能取消"));
    if (!app.db.begin()) return db_error(req, res, app.db.last_error());
    Stmt up(app.db, "UPDATE signups SET status = 'cancelled', cancelled_at = ? WHERE id = ?");
    up.bind(1, app.now()).bind(2, *id);
    Stmt dec(app.db, "UPDATE shifts SET signed_up = MAX(0, signed_up - 1) WHERE id = ?");
    dec.bind(1, shift);
    if (!up.exec() || !dec.exec() || !app.db.commit()) {
        std::string e = app.db.last_error();
        app.db.rollback();
        return db_error(req, res, e);
    }
    res.status = 204;
    res.set_header("Cache-Control", "no-cache");
}

void get_my_signups(App& app, const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(app.db_mutex);
    Id user = session_user(app, req);
    if (!user) return send_problem(req, res, make_problem(401, "未登录"));
    Stmt st(app.db, std::string(kSignupSelect) +
                        "WHERE g.user_id = ? AND g.status = 'confirmed' "
                        "ORDER BY (s.end_at <= ?), s.start_at, g.id LIMIT 500");
    st.bind(1, user).bind(2, app.now());
    std::vector<Signup> out;
    while (st.step()) out.push_back(read_signup(st));
    if (st.failed()) return db_error(req, res, st.error());
    send_json(req, res, encode(out));
}

}  // namespace

void register_account_routes(httplib::Server& svr, App& app) {
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
        {"PUT", R"(/api/v1/me/volunteer)", put_volunteer},
        {"GET", R"(/api/v1/me/signups)", get_my_signups},
        {"POST", R"(/api/v1/teams/([^/]+)/members)", post_team_member},
        {"POST", R"(/api/v1/projects/([^/]+)/signups)", post_signup},
        {"DELETE", R"(/api/v1/signups/([^/]+))", delete_signup},
    };
    for (const R& r : routes) {
        auto h = [&app, fn = r.fn](const httplib::Request& req, httplib::Response& res) { fn(app, req, res); };
        std::string m = r.method;
        if (m == "GET") svr.Get(r.path, h);
        else if (m == "POST") svr.Post(r.path, h);
        else if (m == "PUT") svr.Put(r.path, h);
        else if (m == "DELETE") svr.Delete(r.path, h);
        app.add_route(r.path, m == "GET" ? "GET, HEAD" : r.method);
    }
}

}  // namespace zygc::server
