#include "server/mutation.h"

#include "core/json_guard.h"

#include <algorithm>
#include <cstdio>

#include "core/idcard.h"
#include "server/crypto.h"
#include "core/timefmt.h"

namespace zygc::server {

Reply json_reply(const json& j, int status) {
    Reply r;
    r.status = status;
    r.body = dump_json(j);
    return r;
}

Reply problem_reply(int status, std::string detail, std::vector<FieldError> errors) {
    Reply r;
    r.status = status;
    r.body = dump_json(encode(make_problem(status, std::move(detail), std::move(errors))));
    r.content_type = "application/problem+json";
    return r;
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

void db_error(const httplib::Request& req, httplib::Response& res, const std::string& e) {
    std::fprintf(stderr, "zygc-server: database error: %s\n", e.c_str());
    send_problem(req, res, make_problem(500, "Database error."));
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

bool read_mutation(const httplib::Request& req, httplib::Response& res, json& body, bool required) {
    if (req.get_header_value("X-Requested-With") != "zygc")
        return send_problem(req, res,
                            make_problem(403, "State-changing requests must carry the header "
                                              "X-Requested-With: zygc.")),
               false;
    if (req.body.empty()) {
        if (required)
            return send_problem(req, res, make_problem(400, "A JSON request body is required.")), false;
        body = json::object();
        return true;
    }
    std::string ct = lower(trim(req.get_header_value("Content-Type")));
    std::string base = trim(ct.substr(0, ct.find(';')));
    if (base != "application/json")
        return send_problem(req, res,
                            make_problem(415, "The request body must be application/json.")),
               false;
    // Nesting is measured before anything recursive (parser, destructor) sees the body.
    if (json_guard(req.body, {.max_depth = 32, .max_bytes = 64 * 1024}) != JsonGuard::Ok)
        return send_problem(req, res, make_problem(400, "The request body nests too deeply.")), false;
    body = json::parse(req.body, nullptr, false);
    if (body.is_discarded())
        return send_problem(req, res, make_problem(400, "The request body is not valid JSON.")), false;
    if (!body.is_object())
        return send_problem(req, res, make_problem(400, "The request body must be a JSON object.")),
               false;
    return true;
}

// ---- sessions ---------------------------------------------------------------------------

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

Id session_user(App& app, const httplib::Request& req) {
    std::string token = session_token(req);
    if (token.empty() || token.size() > 200) return 0;
    std::string hash = sha256(token);
    Stmt st(app.db, "SELECT user_id, last_seen, expires_at FROM sessions WHERE token_hash = ?");
    st.bind(1, std::string_view(hash));
    if (!st.step()) return 0;
    Id user = st.i64(0);
    int64_t last_seen = st.i64(1), expires = st.i64(2), now = app.now();
    if (now >= expires || now - last_seen >= kSessionIdle) {
        Stmt del(app.db, "DELETE FROM sessions WHERE token_hash = ?");
        del.bind(1, std::string_view(hash)).exec();
        return 0;
    }
    if (now - last_seen >= 60) {
        Stmt up(app.db, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
        up.bind(1, now).bind(2, std::string_view(hash)).exec();
    }
    return user;
}

std::string create_session(App& app, Id user) {
    std::string token = base64url_encode(random_bytes(32));
    std::string hash = sha256(token);
    int64_t now = app.now();
    Stmt st(app.db,
            "INSERT INTO sessions(token_hash, user_id, created_at, last_seen, expires_at) "
            "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, std::string_view(hash)).bind(2, user).bind(3, now).bind(4, now).bind(5, now + kSessionAbsolute);
    if (!st.exec()) return {};
    // Expired sessions of anyone are swept now and then.
    Stmt sweep(app.db, "DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?");
    sweep.bind(1, now).bind(2, now - kSessionIdle).exec();
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

// ---- roles ------------------------------------------------------------------------------

bool has_role(App& app, Id user, const char* role) {
    if (std::string_view(role) == "resident") return user > 0;
    if (std::string_view(role) == "organizer" && leads_any_team(app, user)) return true;
    Stmt st(app.db, "SELECT 1 FROM user_roles WHERE user_id = ? AND role = ?");
    st.bind(1, user).bind(2, role);
    return st.step();
}

bool leads_team(App& app, Id user, Id team) {
    Stmt st(app.db, "SELECT 1 FROM team_members WHERE user_id = ? AND team_id = ? AND role = 'leader'");
    st.bind(1, user).bind(2, team);
    return st.step();
}

bool leads_any_team(App& app, Id user) {
    Stmt st(app.db, "SELECT 1 FROM team_members WHERE user_id = ? AND role = 'leader'");
    st.bind(1, user);
    return st.step();
}

static std::vector<std::string> json_string_list(const std::string& text) {
    std::vector<std::string> out;
    json j = json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

bool load_me(App& app, Id user, Me& me) {
    Stmt u(app.db, "SELECT id, COALESCE(phone, ''), display_name FROM users WHERE id = ?");
    u.bind(1, user);
    if (!u.step()) return false;
    me = {};
    me.id = u.i64(0);
    std::string phone = u.text(1);
    me.phone_masked = phone.empty() ? "" : mask_phone(phone);
    me.display_name = u.text(2);
    me.roles.push_back("resident");
    for (const char* r : {"volunteer", "organizer", "social_worker", "admin"})
        if (has_role(app, user, r)) me.roles.push_back(r);
    Stmt t(app.db,
           "SELECT t.id, t.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id "
           "WHERE m.user_id = ? ORDER BY m.role = 'leader' DESC, t.id");
    t.bind(1, user);
    while (t.step()) me.teams.push_back({t.i64(0), t.text(1), t.text(2)});
    Stmt v(app.db,
           "SELECT real_name, id_masked, district_id, skills, availability, registered_at "
           "FROM volunteers WHERE user_id = ?");
    v.bind(1, user);
    if (v.step()) {
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

// ---- idempotency ------------------------------------------------------------------------

bool read_idempotency_key(const httplib::Request& req, httplib::Response& res, bool required,
                          std::string& key) {
    if (!req.has_header("Idempotency-Key")) {
        if (!required) return true;
        send_problem(req, res, make_problem(400, "This request needs an Idempotency-Key header.",
                                            {{"Idempotency-Key", "required"}}));
        return false;
    }
    key = req.get_header_value("Idempotency-Key");
    bool ok = !key.empty() && key.size() <= 255;
    for (unsigned char c : key) ok = ok && c > 0x20 && c < 0x7f;
    if (!ok) {
        send_problem(req, res, make_problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters.",
                                            {{"Idempotency-Key", "malformed"}}));
        return false;
    }
    return true;
}

bool idempotency_begin(App& app, const httplib::Request& req, httplib::Response& res,
                       Idempotency& idem, const json& body) {
    if (!idem.active) return false;
    idem.fingerprint = sha256(req.method + " " + req.path + "\n" + dump_json(body));
    int64_t now = app.now();
    Stmt st(app.db,
            "SELECT fingerprint, state, status, content_type, body, created_at FROM idempotency "
            "WHERE user_id = ? AND key = ?");
    st.bind(1, idem.user).bind(2, idem.key);
    if (st.step()) {
        if (!equal_ct(st.text(0), idem.fingerprint)) {
            send_problem(req, res,
                         make_problem(422, "This Idempotency-Key was used with a different request.",
                                      {{"Idempotency-Key", "reused with a different request body"}}));
            return true;
        }
        if (st.text(1) == "running" && now - st.i64(5) < 60) {
            send_problem(req, res, make_problem(409, "The first request with this Idempotency-Key is still running."));
            return true;
        }
        if (st.text(1) == "done") {
            Reply r;
            r.status = static_cast<int>(st.i64(2));
            r.content_type = st.text(3);
            r.body = st.text(4);
            res.set_header("Idempotent-Replayed", "true");
            send_reply(req, res, r);
            return true;
        }
        // An abandoned "running" record (the server stopped mid-way): take it over.
    }
    Stmt ins(app.db,
             "INSERT INTO idempotency(user_id, key, fingerprint, state, created_at) "
             "VALUES (?, ?, ?, 'running', ?) "
             "ON CONFLICT(user_id, key) DO UPDATE SET state = 'running', created_at = excluded.created_at");
    ins.bind(1, idem.user).bind(2, idem.key).bind(3, std::string_view(idem.fingerprint)).bind(4, now);
    ins.exec();
    return false;
}

void idempotency_finish(App& app, const httplib::Request& req, httplib::Response& res,
                        const Idempotency& idem, const Reply& reply) {
    if (idem.active) {
        if (reply.status < 500) {
            Stmt st(app.db,
                    "UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? "
                    "WHERE user_id = ? AND key = ?");
            st.bind(1, static_cast<int64_t>(reply.status)).bind(2, reply.content_type).bind(3, reply.body)
                .bind(4, idem.user).bind(5, idem.key).exec();
        } else {
            Stmt st(app.db, "DELETE FROM idempotency WHERE user_id = ? AND key = ?");
            st.bind(1, idem.user).bind(2, idem.key).exec();
        }
    }
    send_reply(req, res, reply);
}

FieldError decode_field_error(const DecodeError& e) {
    return {e.path.empty() ? "body" : e.path, e.message};
}

}  // namespace zygc::server
