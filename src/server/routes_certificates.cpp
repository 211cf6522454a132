// [SECTION] 志愿服务记录证明: GET /me/certificate issues (stores) a certificate from the
// volunteer's certified records (one issued already is read on a reader), GET
// /certificates/{serial} and POST /certificates/verify check one. The MAC is HMAC-SHA256 (hours_key) over certificate_canonical(): every field
// but the MAC, serial included, so any changed byte of a copy fails verification.
#include <map>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/hours_codec.h"
#include "server/crypto.h"
#include "server/hours.h"
#include "server/mutation.h"

namespace zygc::server {

namespace {

std::string mac_of(const App& app, const std::string& canonical) {
    return to_hex(hmac_sha256(hours_key(app), canonical));
}

std::string origin_of(const App& app, const httplib::Request& req) {
    std::string host = req.get_header_value("Host");
    if (host.empty()) return "";
    std::string scheme = app.opts.trust_proxy && req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    return scheme + "://" + host;
}

// Builds the certificate's hours from certified, uncorrected records. false: database error.
bool certified_hours(Db& db, Id user, Certificate& c) {
    Stmt st(db,
            "SELECT a.team_id, t.name, a.project_id, p.title, MIN(s.start_at), MAX(s.start_at), SUM(a.minutes), count(*) "
            "FROM attendance a JOIN teams t ON t.id = a.team_id JOIN projects p ON p.id = a.project_id "
            "JOIN shifts s ON s.id = a.shift_id WHERE a.user_id = ? AND a.certified = 1 AND a.corrected_by IS NULL "
            "AND a.minutes > 0 GROUP BY a.team_id, a.project_id ORDER BY a.team_id, MIN(s.start_at), a.project_id");
    st.bind(1, user);
    Step s;
    while ((s = st.step()) == Step::Row) {
        if (c.organisations.empty() || c.organisations.back().team.id != st.i64(0))
            c.organisations.push_back({{st.i64(0), st.text(1)}, 0, {}});
        CertificateOrganisation& o = c.organisations.back();
        CertificateProject p{st.i64(2), st.text(3), format_date(cst_day(st.i64(4))), format_date(cst_day(st.i64(5))),
                             st.i64(6), st.i64(7)};
        o.minutes += p.minutes;
        c.total_minutes += p.minutes;
        o.projects.push_back(std::move(p));
    }
    if (s == Step::Error) return log_db_error(st.error()), false;
    return true;
}

// The volunteer's name and certified hours as of now, and the key of that content; the reply
// that ends the request instead (not registered, no certified hours, a database error).
std::optional<Reply> certificate_content(Db& db, Id user, Certificate& c, std::string& content_key) {
    Stmt v(db, "SELECT real_name, id_masked FROM volunteers WHERE user_id = ?");
    v.bind(1, user);
    Step s = v.step();
    if (s == Step::Error) return internal_error(v.error());
    if (s == Step::Done) return forbidden_role("volunteer", "请先完成实名注册");
    c.name = v.text(0);
    c.id_masked = v.text(1);
    if (!certified_hours(db, user, c)) return problem_reply(internal_problem());
    if (c.organisations.empty()) return problem_reply(404, "no_certified_hours", "还没有已认定的服务时长");
    // The same hours (and name) → the same certificate.
    json key = {{"user", user}, {"name", c.name}, {"id_masked", c.id_masked},
                {"organisations", encode(c.organisations)}, {"total_minutes", c.total_minutes}};
    content_key = to_hex(sha256(key.dump()));
    return std::nullopt;
}

// The certificate already issued for this content; nullopt when there is none yet.
std::optional<Reply> issued_certificate(Db& db, Id user, const std::string& content_key) {
    Stmt old(db, "SELECT content, mac FROM certificates WHERE user_id = ? AND content_key = ?");
    old.bind(1, user).bind(2, content_key);
    Step s = old.step();
    if (s == Step::Error) return internal_error(old.error());
    if (s == Step::Done) return std::nullopt;
    json j = json::parse(old.text(0), nullptr, false);
    if (!j.is_object()) return internal_error("stored certificate is not JSON");
    j["mac"] = old.text(1);
    return json_reply(j);
}

// Issues (stores) the certificate of content `c` (key `content_key`): on the writer.
Reply issue_certificate(App& app, Id user, const httplib::Request& req, Certificate& c,
                        const std::string& content_key) {
    int64_t now = app.now();
    if (!app.db.begin()) return internal_error(app.db.last_error());
    Stmt ins(app.db,
             "INSERT INTO certificates(serial, user_id, content_key, content, mac, issued_at) VALUES (?, ?, ?, '', '', ?)");
    ins.bind(1, "pending:" + content_key).bind(2, user).bind(3, content_key).bind(4, now);
    if (!ins.exec()) {
        std::string e = ins.error();
        app.db.rollback();
        return internal_error(e);
    }
    Id id = app.db.last_insert_rowid();
    CivilDate today = civil_from_days(cst_day(now));
    char prefix[40];
    std::snprintf(prefix, sizeof prefix, "ZYGC-%04d-%07lld", today.year, static_cast<long long>(id));
    std::string check = to_hex(hmac_sha256(hours_key(app), std::string("serial:") + prefix)).substr(0, 4);
    for (char& ch : check) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    c.serial = std::string(prefix) + "-" + check;
    c.issued_on = format_date(cst_day(now));
    c.verify_url = "/#/verify/" + c.serial;
    c.qr_payload = origin_of(app, req) + c.verify_url;
    std::string canonical = certificate_canonical(c);
    c.mac = mac_of(app, canonical);
    Stmt up(app.db, "UPDATE certificates SET serial = ?, content = ?, mac = ? WHERE id = ?");
    up.bind(1, c.serial).bind(2, canonical).bind(3, c.mac).bind(4, id);
    if (!up.exec() || !app.db.commit()) {
        std::string e = up.failed() ? up.error() : app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return json_reply(encode(c));
}

void get_my_certificate(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool on_writer) {
        return when_none_due(app, db, on_writer, [&]() -> std::optional<Reply> {
            Certificate c;
            std::string content_key;
            if (auto end = certificate_content(db, user, c, content_key)) return end;
            if (auto issued = issued_certificate(db, user, content_key)) return issued;
            if (!on_writer) return std::nullopt;  // issuing writes: the writer does it
            return issue_certificate(app, user, req, c, content_key);
        });
    });
}

void get_certificate(App& app, const httplib::Request& req, httplib::Response& res) {
    std::string serial = req.matches[1];
    Reply reply;
    {
        ReadLease lease = app.read();  // a public read: never waits for, or holds, the writer
        Stmt st(lease.db(), "SELECT content, mac FROM certificates WHERE serial = ?");
        st.bind(1, serial);
        Step s = st.step();
        if (s == Step::Error) reply = internal_error(st.error());
        else if (s == Step::Done || serial.rfind("ZYGC-", 0) != 0)
            reply = problem_reply(404, "not_found", "未找到该证明，请核对编号", {}, {{"resource", "certificate"}});
        else {
            std::string content = st.text(0), mac = st.text(1);
            json j = json::parse(content, nullptr, false);
            if (j.is_object()) j["mac"] = mac;
            auto d = decode_json<Certificate>(j);
            CertificateCheck check;
            check.genuine = d.ok() && equal_ct(mac, mac_of(app, content)) &&
                            equal_ct(mac, mac_of(app, certificate_canonical(d.value)));
            check.certificate = d.value;
            if (!d.ok()) check.certificate.serial = serial;
            reply = json_reply(encode(check));
        }
    }
    send_reply(req, res, reply);
}

void post_verify(App& app, const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!read_mutation(req, res, body, true)) return;
    Reply reply;
    auto it = body.is_object() ? body.find("certificate") : body.end();
    if (it == body.end()) {
        reply = problem_reply(422, "invalid", "请提交证明内容", {field_error("certificate", "required", "required")});
        return send_reply(req, res, reply);
    }
    auto d = decode_json<Certificate>(*it);
    if (!d.ok()) {
        FieldError e = decode_field_error(*d.error);
        e.field = "certificate." + e.field;
        reply = problem_reply(422, "invalid", "证明内容不完整", {e});
        return send_reply(req, res, reply);
    }
    const Certificate& c = d.value;
    CertificateVerdict v{false, c.serial};
    {
        ReadLease lease = app.read();  // a public read, as above
        Stmt st(lease.db(), "SELECT mac FROM certificates WHERE serial = ?");
        st.bind(1, c.serial);
        Step s = st.step();
        if (s == Step::Error) return send_reply(req, res, internal_error(st.error()));
        std::string expect = mac_of(app, certificate_canonical(c));
        v.genuine = s == Step::Row && c.mac.size() == expect.size() && equal_ct(c.mac, expect) &&
                    equal_ct(st.text(0), expect);
    }
    send_reply(req, res, json_reply(encode(v)));
}

}  // namespace

void register_certificate_routes(App& app) {
    app.route("GET", R"(/api/v1/me/certificate)", get_my_certificate);
    app.route("GET", R"(/api/v1/certificates/([^/]+))", get_certificate);
    app.route("POST", R"(/api/v1/certificates/verify)", post_verify);
}

}  // namespace zygc::server
