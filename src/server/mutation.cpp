// [SECTION] index: replies and problems · body rules · sessions · roles · the personal-
// handler wrapper · idempotency.
#include "server/mutation.h"

#include "core/json_guard.h"

#include <algorithm>
#include <cstdio>

#include "core/idcard.h"
#include "server/crypto.h"
#include "core/calendar.h"

namespace zygc::server {

// ---- [SECTION] replies and problems -----------------------------------------------------

Reply json_reply(const json& j, int status) {
    Reply r;
    r.status = status;
    r.body = dump_json(j);
    return r;
}

Reply no_content() {
    Reply r;
    r.status = 204;
    return r;
}

Problem coded_problem(int status, const char* code, std::string detail, Params params,
                      std::vector<FieldError> errors) {
    return make_problem(status, Code{code}, std::move(detail), std::move(errors), std::move(params));
}

Reply problem_reply(const Problem& p) {
    Reply r;
    r.status = p.status;
    r.body = dump_json(encode(p));
    r.content_type = "application/problem+json";
    return r;
}

Reply problem_reply(int status, const char* code, std::string detail, std::vector<FieldError> errors,
                    Params params) {
    return problem_reply(coded_problem(status, code, std::move(detail), std::move(params), std::move(errors)));
}

FieldError field_error(std::string field, const char* code, std::string message, Params params) {
    FieldError e;
    e.field = std::move(field);
    e.message = std::move(message);
    e.code = code;
    e.params = std::move(params);
    return e;
}

std::vector<FieldError> with_codes(std::vector<FieldError> errs) {
    for (auto& e : errs)
        if (e.code.empty()) e.code = "invalid";
    return errs;
}

void log_db_error(const std::string& cause) {
    std::fprintf(stderr, "zygc-server: database error: %s\n", cause.c_str());
}

Problem internal_problem() {
    return coded_problem(500, "internal", "服务器内部错误，请稍后再试");
}

Reply internal_error(const std::string& cause) {
    log_db_error(cause);
    return problem_reply(internal_problem());
}

void send_reply(const httplib::Request& req, httplib::Response& res, const Reply& r) {
    for (const auto& [k, v] : r.headers) res.set_header(k.c_str(), v);
    if (r.status == 204 || r.body.empty()) {
        res.status = r.status;
        res.set_header("Cache-Control", "no-cache");
        return;
    }
    send_body(req, res, r.status, r.body, r.content_type, true);
}

void db_error(const httplib::Request& req, httplib::Response& res, const std::string& cause) {
    send_reply(req, res, internal_error(cause));
}

std::optional<int64_t> path_id(const std::string& s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
}

// ---- [SECTION] body rules ---------------------------------------------------------------

static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

static std::optional<Reply> check_mutation(const httplib::Request& req, json& body, bool required) {
    if (req.get_header_value("X-Requested-With") != "zygc")
        return problem_reply(403, "csrf_header_missing",
                             "State-changing requests must carry the header X-Requested-With: zygc.");
    if (req.body.empty()) {
        if (required) return problem_reply(400, "body_required", "A JSON request body is required.");
        body = json::object();
        return std::nullopt;
    }
    std::string ct = lower(trim(req.get_header_value("Content-Type")));
    std::string base = trim(ct.substr(0, ct.find(';')));
    if (base != "application/json")
        return problem_reply(415, "unsupported_media_type", "The request body must be application/json.");
    // Nesting is measured before anything recursive (parser, destructor) sees the body.
    if (json_guard(req.body, {.max_depth = 32, .max_bytes = 64 * 1024}) != JsonGuard::Ok)
        return problem_reply(400, "body_too_deep", "The request body nests too deeply.");
    body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) return problem_reply(400, "malformed_json", "The request body is not valid JSON.");
    if (!body.is_object()) return problem_reply(400, "body_not_object", "The request body must be a JSON object.");
    return std::nullopt;
}

bool read_mutation(const httplib::Request& req, httplib::Response& res, json& body, bool required) {
    if (auto bad = check_mutation(req, body, required)) {
        send_reply(req, res, *bad);
        return false;
    }
    return true;
}

// ---- [SECTION] sessions -----------------------------------------------------------------

std::string session_token(const httplib::Request& req) {
    std::string auth = req.get_header_value("Authorization");
    if (auth.size() > 7 && lower(auth.substr(0, 7)) == "bearer ") return trim(auth.substr(7));
    std::string cookies = req.get_header_value("Cookie");
    size_t pos = 0;
    while (pos < cookies.size()) {
        size_t semi = cookies.find(';', pos);
        std::string part = trim(cookies.substr(pos, semi == std::string::npos ? std::string::npos : semi - pos));
        size_t eq = part.find('=');
        if (eq != std::string::npos && part.substr(0, eq) == kSessionCookie) return part.substr(eq + 1);
        if (semi == std::string::npos) break;
        pos = semi + 1;
    }
    return {};
}

namespace {

// A session as stored: whose, and what using it now would need of the writer.
struct SessionRow {
    bool failed = false;   // the database failed (logged)
    Id user = 0;           // 0: no such session
    bool ended = false;    // expired (absolute or idle): to be deleted, the request is anonymous
    bool stale = false;    // last used a minute ago or more: last_seen to be refreshed
};

SessionRow find_session(Db& db, int64_t now, const std::string& hash) {
    Stmt st(db, "SELECT user_id, last_seen, expires_at FROM sessions WHERE token_hash = ?");
    st.bind(1, std::string_view(hash));
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), SessionRow{true};
    if (s == Step::Done) return {};
    int64_t last_seen = st.i64(1), expires = st.i64(2);
    return {false, st.i64(0), now >= expires || now - last_seen >= kSessionIdle, now - last_seen >= 60};
}

}  // namespace

std::optional<Id> session_user(App& app, const httplib::Request& req) {
    std::string token = session_token(req);
    if (token.empty() || token.size() > 200) return Id{0};
    std::string hash = sha256(token);
    int64_t now = app.now();
    SessionRow row = find_session(app.db, now, hash);
    if (row.failed) return std::nullopt;
    if (row.ended) {
        Stmt del(app.db, "DELETE FROM sessions WHERE token_hash = ?");
        if (!del.bind(1, std::string_view(hash)).exec()) return log_db_error(del.error()), std::nullopt;
        return Id{0};
    }
    if (row.user && row.stale) {
        Stmt up(app.db, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
        if (!up.bind(1, now).bind(2, std::string_view(hash)).exec()) return log_db_error(up.error()), std::nullopt;
    }
    return row.user;
}

std::string create_session(App& app, Id user) {
    std::string token = base64url_encode(random_bytes(32));
    std::string hash = sha256(token);
    int64_t now = app.now();
    Stmt st(app.db,
            "INSERT INTO sessions(token_hash, user_id, created_at, last_seen, expires_at) "
            "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, std::string_view(hash)).bind(2, user).bind(3, now).bind(4, now).bind(5, now + kSessionAbsolute);
    if (!st.exec()) return log_db_error(st.error()), std::string();
    return token;
}

std::string session_cookie(const App& app, const std::string& token) {
    return std::string(kSessionCookie) + "=" + token + "; HttpOnly; SameSite=Lax; Path=/; Max-Age=" +
           std::to_string(kSessionIdle) + (app.opts.dev ? "" : "; Secure");
}

std::string cleared_cookie(const App& app) {
    return std::string(kSessionCookie) + "=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0" +
           (app.opts.dev ? "" : "; Secure");
}

// ---- [SECTION] roles --------------------------------------------------------------------

// A query that answers "is there a row": nullopt when it failed (logged).
static std::optional<bool> any_row(Stmt& st) {
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), std::nullopt;
    return s == Step::Row;
}

std::optional<bool> has_role(Db& db, Id user, const char* role) {
    if (std::string_view(role) == "resident") return user > 0;
    if (std::string_view(role) == "organizer") {
        auto leads = leads_any_team(db, user);
        if (!leads || *leads) return leads;
    }
    if (std::string_view(role) == "merchant") {  // points (issue 12): the clerk of a partner merchant
        Stmt st(db, "SELECT 1 FROM points_merchants WHERE owner_user_id = ?");
        st.bind(1, user);
        return any_row(st);
    }
    Stmt st(db, "SELECT 1 FROM user_roles WHERE user_id = ? AND role = ?");
    st.bind(1, user).bind(2, role);
    return any_row(st);
}

std::optional<bool> leads_team(Db& db, Id user, Id team) {
    Stmt st(db, "SELECT 1 FROM team_members WHERE user_id = ? AND team_id = ? AND role = 'leader'");
    st.bind(1, user).bind(2, team);
    return any_row(st);
}

std::optional<bool> leads_any_team(Db& db, Id user) {
    Stmt st(db, "SELECT 1 FROM team_members WHERE user_id = ? AND role = 'leader'");
    st.bind(1, user);
    return any_row(st);
}

static std::vector<std::string> json_string_list(const std::string& text) {
    std::vector<std::string> out;
    json j = json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

bool load_me(Db& db, Id user, Me& me, bool* db_failed) {
    auto failed = [&](const Stmt& st) {
        log_db_error(st.error());
        if (db_failed) *db_failed = true;
        return false;
    };
    Stmt u(db, "SELECT id, COALESCE(phone, ''), display_name FROM users WHERE id = ?");
    u.bind(1, user);
    Step s = u.step();
    if (s == Step::Error) return failed(u);
    if (s == Step::Done) return false;
    me = {};
    me.id = u.i64(0);
    std::string phone = u.text(1);
    me.phone_masked = phone.empty() ? "" : mask_phone(phone);
    me.display_name = u.text(2);
    me.roles.push_back("resident");
    for (const char* r : {"volunteer", "organizer", "social_worker", "admin", /* points (issue 12) */ "merchant"}) {
        auto has = has_role(db, user, r);
        if (!has) {
            if (db_failed) *db_failed = true;
            return false;
        }
        if (*has) me.roles.push_back(r);
    }
    Stmt t(db,
           "SELECT t.id, t.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id "
           "WHERE m.user_id = ? ORDER BY m.role = 'leader' DESC, t.id");
    t.bind(1, user);
    while ((s = t.step()) == Step::Row) me.teams.push_back({t.i64(0), t.text(1), t.text(2)});
    if (s == Step::Error) return failed(t);
    Stmt v(db,
           "SELECT real_name, id_masked, district_id, skills, availability, registered_at "
           "FROM volunteers WHERE user_id = ?");
    v.bind(1, user);
    s = v.step();
    if (s == Step::Error) return failed(v);
    if (s == Step::Row) {
        VolunteerProfile p;
        p.real_name = v.text(0);
        p.id_number_masked = v.text(1);
        p.district_id = v.i64(2);
        p.skills = json_string_list(v.text(3));
        p.availability = json_string_list(v.text(4));
        p.registered_at = format_cst(v.i64(5));
        me.volunteer = std::move(p);
    }
    return true;
}

std::string today_yyyymmdd(int64_t now) {
    return yyyymmdd(cst_day(now));
}

// ---- [SECTION] the personal-handler wrapper ----------------------------------------------

Reply not_logged_in() { return problem_reply(401, "not_logged_in", "未登录"); }

Reply forbidden_role(const char* role, std::string detail) {
    return problem_reply(403, "forbidden_role", std::move(detail), {}, {{"role", role}});
}

// ---- [SECTION] the writer ---------------------------------------------------------------

// fn's answer; when it throws (the dispatcher answers 500), its transaction is undone first.
static Reply run_or_undo(Db& db, const std::function<Reply()>& fn) {
    try {
        return fn();
    } catch (...) {
        db.rollback();
        throw;
    }
}

// Commits the open transaction: r, or a 500 when the commit fails (then rolled back).
static Reply committed(Db& db, Reply r) {
    if (db.commit()) return r;
    std::string e = db.last_error();
    db.rollback();
    return internal_error(e);
}

Reply on_writer(App& app, const std::function<Reply()>& fn) {
    std::lock_guard lock(app.db_mutex);
    if (!app.db.begin()) return internal_error(app.db.last_error());
    return committed(app.db, run_or_undo(app.db, fn));
}

Reply in_transaction(App& app, const std::function<Reply()>& fn) {
    if (!app.db.begin()) return internal_error(app.db.last_error());
    Reply r = run_or_undo(app.db, fn);
    if (r.status < 300) return committed(app.db, std::move(r));
    app.db.rollback();
    return r;
}

// The request's session as read on `db`: no user when it names none (no token, or too long).
static SessionRow request_session(App& app, Db& db, const httplib::Request& req) {
    std::string token = session_token(req);
    if (token.empty() || token.size() > 200) return {};
    return find_session(db, app.now(), sha256(token));
}

std::optional<Reply> no_session(App& app, const httplib::Request& req) {
    ReadLease lease = app.read();
    SessionRow row = request_session(app, lease.db(), req);
    if (row.failed) return problem_reply(internal_problem());
    if (!row.user) return not_logged_in();
    return std::nullopt;
}

void with_user_mutation(App& app, const httplib::Request& req, httplib::Response& res,
                        bool body_required, const UserMutation& fn) {
    json body;
    if (auto bad = check_mutation(req, body, body_required)) return send_reply(req, res, *bad);
    with_user(app, req, res, [&](Id user) { return fn(user, body); });
}

void with_user(App& app, const httplib::Request& req, httplib::Response& res,
               const std::function<Reply(Id user)>& fn) {
    if (auto no = no_session(app, req)) return send_reply(req, res, *no);
    send_reply(req, res, on_writer(app, [&] {
        auto user = session_user(app, req);
        return !user ? problem_reply(internal_problem()) : !*user ? not_logged_in() : fn(*user);
    }));
}

// A signed-in read runs on a reader (the pool of read-only connections) when nothing has to be
// written first: the session neither ended nor due for its once-a-minute refresh, and `fn`
// finds nothing to do on the writer (it returns nullopt when it does, e.g. records to
// auto-close). Otherwise the read runs on the writer, as with_user does, with on_writer set.
void with_user_read(App& app, const httplib::Request& req, httplib::Response& res, const UserRead& fn) {
    std::optional<Reply> reply;
    {
        ReadLease lease = app.read();
        SessionRow row = request_session(app, lease.db(), req);
        if (row.failed) reply = problem_reply(internal_problem());
        else if (!row.user) reply = not_logged_in();
        else if (!row.ended && !row.stale) reply = fn(lease.db(), row.user, false);
    }
    if (reply) return send_reply(req, res, *reply);
    with_user(app, req, res, [&](Id user) {
        std::optional<Reply> r = fn(app.db, user, true);
        return r ? std::move(*r) : problem_reply(internal_problem());
    });
}

// ---- [SECTION] idempotency --------------------------------------------------------------

std::optional<Reply> read_idempotency_key(const httplib::Request& req, bool required, std::string& key) {
    if (!req.has_header("Idempotency-Key")) {
        if (!required) return std::nullopt;
        return problem_reply(400, "idempotency_key_required", "This request needs an Idempotency-Key header.",
                             {field_error("Idempotency-Key", "required", "required")});
    }
    key = req.get_header_value("Idempotency-Key");
    bool ok = !key.empty() && key.size() <= 255;
    for (unsigned char c : key) ok = ok && c > 0x20 && c < 0x7f;
    if (!ok)
        return problem_reply(400, "idempotency_key_malformed",
                             "Idempotency-Key must be 1 to 255 visible ASCII characters.",
                             {field_error("Idempotency-Key", "malformed", "malformed")});
    return std::nullopt;
}

std::optional<Reply> idempotency_begin(App& app, const httplib::Request& req, Idempotency& idem,
                                       const json& body) {
    if (!idem.active) return std::nullopt;
    idem.fingerprint = sha256(req.method + " " + req.path + "\n" + dump_json(body));
    int64_t now = app.now();
    Stmt st(app.db,
            "SELECT fingerprint, state, status, content_type, body, created_at FROM idempotency "
            "WHERE user_id = ? AND key = ?");
    st.bind(1, idem.user).bind(2, idem.key);
    Step s = st.step();
    if (s == Step::Error) return internal_error(st.error());
    if (s == Step::Row) {
        if (!equal_ct(st.text(0), idem.fingerprint))
            return problem_reply(422, "idempotency_key_reused",
                                 "This Idempotency-Key was used with a different request.",
                                 {field_error("Idempotency-Key", "idempotency_key_reused",
                                              "reused with a different request body")});
        if (st.text(1) == "running" && now - st.i64(5) < 60)
            return problem_reply(409, "idempotency_in_progress",
                                 "The first request with this Idempotency-Key is still running.");
        if (st.text(1) == "done") {
            Reply r;
            r.status = static_cast<int>(st.i64(2));
            r.content_type = st.text(3);
            r.body = st.text(4);
            r.headers.push_back({"Idempotent-Replayed", "true"});
            return r;
        }
        // An abandoned "running" record (the server stopped mid-way): take it over.
    }
    Stmt ins(app.db,
             "INSERT INTO idempotency(user_id, key, fingerprint, state, created_at) "
             "VALUES (?, ?, ?, 'running', ?) "
             "ON CONFLICT(user_id, key) DO UPDATE SET state = 'running', created_at = excluded.created_at");
    ins.bind(1, idem.user).bind(2, idem.key).bind(3, std::string_view(idem.fingerprint)).bind(4, now);
    if (!ins.exec()) return internal_error(ins.error());
    return std::nullopt;
}

Reply idempotency_finish(App& app, const Idempotency& idem, Reply reply) {
    if (!idem.active) return reply;
    if (reply.status < 500) {
        Stmt st(app.db,
                "UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? "
                "WHERE user_id = ? AND key = ?");
        st.bind(1, static_cast<int64_t>(reply.status)).bind(2, reply.content_type).bind(3, reply.body)
            .bind(4, idem.user).bind(5, idem.key);
        // The work is committed; failing to remember the answer only loses the replay.
        if (!st.exec()) log_db_error(st.error());
    } else {
        Stmt st(app.db, "DELETE FROM idempotency WHERE user_id = ? AND key = ?");
        st.bind(1, idem.user).bind(2, idem.key);
        if (!st.exec()) log_db_error(st.error());
    }
    return reply;
}

FieldError decode_field_error(const DecodeError& e) {
    return field_error(e.path.empty() ? "body" : e.path, "wrong_type", e.message);
}

}  // namespace zygc::server
