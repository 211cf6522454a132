// [SECTION] index: registration (PUT /me/volunteer) · storing a volunteer · appeals
// (GET /identity-appeals, POST /identity-appeals/{id}/decision).
//
// An ID number already held by another account is never taken over by a form, and a
// registered volunteer's new number is never swapped in by a form: both become an appeal
// (202 pending_verification) that a social worker settles with the person and the physical
// card in front of them. The reasoning (what the answer reveals, why) is in docs/security.md.
#include "server/identity.h"

#include <string>
#include <vector>

#include "core/idcard.h"
#include "core/validate.h"
#include "core/calendar.h"
#include "server/crypto.h"
#include "server/guards.h"
#include "server/mutation.h"

namespace zygc::server {

namespace {

// ---- [SECTION] registration -------------------------------------------------------------

const char* const kAvailability[] = {"weekday_day", "weekday_evening", "weekend"};

// What the shared check says, with a stable code for each field.
std::vector<FieldError> registration_errors(const VolunteerApplication& a, const std::string& today) {
    std::vector<FieldError> errs = check_registration(a, today);  // each error carries its code
    for (const auto& av : a.availability) {
        bool known = false;
        for (const char* k : kAvailability) known = known || av == k;
        if (!known) {
            errs.push_back(field_error("availability", "unknown_availability", "未知的服务时间：" + av, {{"value", av}}));
            break;
        }
    }
    if (a.skills.size() > 20) errs.push_back(field_error("skills", "too_many", "最多20项", {{"max", "20"}}));
    for (const auto& s : a.skills)
        if (s.empty() || utf8_length(s) > 30) {
            errs.push_back(field_error("skills", "length", "每项1到30个字", {{"min", "1"}, {"max", "30"}}));
            break;
        }
    for (unsigned char c : a.real_name)
        if (c < 0x20) {
            errs.push_back(field_error("real_name", "control_chars", "姓名含有无效字符"));
            break;
        }
    return errs;
}

// A volunteer's real-name data as stored (in volunteers, or waiting in identity_appeals).
struct Record {
    std::string real_name, mac, cipher, masked, skills, availability;
    int64_t district_id = 0, consent_at = 0;
};

// ---- [SECTION] storing a volunteer ------------------------------------------------------

// Inside a transaction: creates or updates `user`'s volunteers row and role, keeping the
// districts' live registration counts right. false on a database error (logged).
bool store_volunteer(App& app, Id user, const Record& r) {
    Stmt prev(app.db, "SELECT district_id FROM volunteers WHERE user_id = ?");
    prev.bind(1, user);
    Step s = prev.step();
    if (s == Step::Error) return log_db_error(prev.error()), false;
    int64_t old_district = s == Step::Row ? prev.i64(0) : 0;
    int64_t now = app.now();
    Stmt up(app.db,
            "INSERT INTO volunteers(user_id, real_name, id_hmac, id_cipher, id_masked, district_id, "
            "skills, availability, consent_at, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(user_id) DO UPDATE SET real_name = excluded.real_name, id_hmac = excluded.id_hmac, "
            "id_cipher = excluded.id_cipher, id_masked = excluded.id_masked, "
            "district_id = excluded.district_id, skills = excluded.skills, "
            "availability = excluded.availability, consent_at = excluded.consent_at");
    up.bind(1, user).bind(2, r.real_name).bind(3, std::string_view(r.mac)).bind(4, std::string_view(r.cipher))
        .bind(5, r.masked).bind(6, r.district_id).bind(7, r.skills).bind(8, r.availability)
        .bind(9, r.consent_at).bind(10, now);
    if (!up.exec()) return log_db_error(up.error()), false;
    Stmt role(app.db, "INSERT OR IGNORE INTO user_roles(user_id, role) VALUES (?, 'volunteer')");
    role.bind(1, user);
    if (!role.exec()) return log_db_error(role.error()), false;
    // City figures: live registrations count in their district.
    if (old_district != r.district_id) {
        Stmt inc(app.db, "UPDATE districts SET registered_volunteers = registered_volunteers + 1 WHERE id = ?");
        inc.bind(1, r.district_id);
        if (!inc.exec()) return log_db_error(inc.error()), false;
        if (old_district) {
            Stmt dec(app.db, "UPDATE districts SET registered_volunteers = MAX(0, registered_volunteers - 1) WHERE id = ?");
            dec.bind(1, old_district);
            if (!dec.exec()) return log_db_error(dec.error()), false;
        }
    }
    return true;
}

// Inside a transaction: `user` loses real-name status (the volunteers row and role). What
// they did stays theirs: sign-ups and (later) hours are keyed by the account, not the number.
bool drop_volunteer(App& app, Id user) {
    Stmt d(app.db, "SELECT district_id FROM volunteers WHERE user_id = ?");
    d.bind(1, user);
    Step s = d.step();
    if (s == Step::Error) return log_db_error(d.error()), false;
    if (s == Step::Done) return true;
    Stmt dec(app.db, "UPDATE districts SET registered_volunteers = MAX(0, registered_volunteers - 1) WHERE id = ?");
    dec.bind(1, d.i64(0));
    Stmt del(app.db, "DELETE FROM volunteers WHERE user_id = ?");
    del.bind(1, user);
    Stmt role(app.db, "DELETE FROM user_roles WHERE user_id = ? AND role = 'volunteer'");
    role.bind(1, user);
    for (Stmt* st : {&dec, &del, &role})
        if (!st->exec()) return log_db_error(st->error()), false;
    return true;
}

Reply pending_verification(Id appeal, const char* kind) {
    json j = {{"code", "pending_verification"},
              {"detail", "请携带身份证到所在社区核验"},
              {"appeal_id", appeal},
              {"kind", kind}};
    return json_reply(j, 202);
}

Reply register_volunteer(App& app, Id user, const json& body) {
    auto d = decode_json<VolunteerApplication>(body);
    if (!d.ok()) return problem_reply(422, "invalid", "请检查填写的内容", {decode_field_error(*d.error)});
    VolunteerApplication& a = d.value;
    int64_t now = app.now();
    std::string today = today_yyyymmdd(now);
    std::vector<FieldError> errs = registration_errors(a, today);
    bool district_error = false;
    for (const auto& e : errs) district_error = district_error || e.field == "district_id";
    if (!district_error && a.district_id > 0) {
        Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
        st.bind(1, a.district_id);
        Step s = st.step();
        if (s == Step::Error) return internal_error(st.error());
        if (s == Step::Done) errs.push_back(field_error("district_id", "not_found", "所选区县不存在"));
    }
    if (!errs.empty()) return problem_reply(422, "invalid", "请检查填写的内容", errs);
    if (!app.have_secret())
        return problem_reply(503, "registration_unavailable", "实名注册暂不可用（服务器未配置密钥）");

    std::string normalized = check_id_number(a.id_number, today).normalized;
    Record r;
    r.real_name = a.real_name;
    r.mac = hmac_sha256(app.id_hmac_key, normalized);
    r.cipher = aes256gcm_seal(app.id_aes_key, normalized, "user:" + std::to_string(user));
    r.masked = mask_id_number(normalized);
    r.district_id = a.district_id;
    r.skills = dump_json(a.skills);
    r.availability = dump_json(a.availability);
    r.consent_at = now;
    if (r.cipher.empty()) return internal_error("encryption failed");
    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto broken = [&](const std::string& e) {
        app.db.rollback();
        return e.empty() ? problem_reply(internal_problem()) : internal_error(e);
    };
    Stmt holder(app.db, "SELECT user_id FROM volunteers WHERE id_hmac = ?");
    holder.bind(1, std::string_view(r.mac));
    Step hs = holder.step();
    if (hs == Step::Error) return broken(holder.error());
    Stmt mine(app.db, "SELECT id_hmac FROM volunteers WHERE user_id = ?");
    mine.bind(1, user);
    Step ms = mine.step();
    if (ms == Step::Error) return broken(mine.error());
    if (ms == Step::Done) {
        // Until an account is registered, each attempt may tell it whether a number is held:
        // a few a day only. (Registered volunteers get 202 for every new number, held or not.)
        if (auto limited = check_limit(app, kRegisterPerUser, std::to_string(user))) {
            app.db.rollback();
            return *limited;
        }
        if (!record_event(app, kRegisterPerUser, std::to_string(user))) return broken("");
    }
    bool held_by_other = hs == Step::Row && holder.i64(0) != user;
    bool changes_number = ms == Step::Row && mine.text(0) != r.mac;
    if (held_by_other || changes_number) {
        const char* kind = changes_number ? "change" : "claim";
        // One open appeal per account: a new one replaces it.
        Stmt drop(app.db, "DELETE FROM identity_appeals WHERE user_id = ? AND status = 'pending'");
        drop.bind(1, user);
        Stmt ins(app.db,
                 "INSERT INTO identity_appeals(user_id, kind, real_name, id_hmac, id_cipher, id_masked, "
                 "district_id, skills, availability, consent_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, user).bind(2, kind).bind(3, r.real_name).bind(4, std::string_view(r.mac))
            .bind(5, std::string_view(r.cipher)).bind(6, r.masked).bind(7, r.district_id).bind(8, r.skills)
            .bind(9, r.availability).bind(10, r.consent_at).bind(11, now);
        if (!drop.exec()) return broken(drop.error());
        if (!ins.exec()) return broken(ins.error());
        Id appeal = app.db.last_insert_rowid();
        if (!app.db.commit()) return broken(app.db.last_error());
        return pending_verification(appeal, kind);
    }
    if (ms == Step::Done) {
        // Registered directly with a free number: an earlier claim is moot.
        Stmt moot(app.db, "DELETE FROM identity_appeals WHERE user_id = ? AND status = 'pending'");
        moot.bind(1, user);
        if (!moot.exec()) return broken(moot.error());
    }
    if (!store_volunteer(app, user, r)) return broken("");
    if (!app.db.commit()) return broken(app.db.last_error());
    Me me;
    if (!load_me(app.db, user, me)) return problem_reply(internal_problem());
    return json_reply(encode(me));
}

// ---- [SECTION] appeals ------------------------------------------------------------------

std::optional<Reply> require_social_worker(Db& db, Id user) {
    auto sw = has_role(db, user, "social_worker");
    auto admin = has_role(db, user, "admin");
    if (!sw || !admin) return problem_reply(internal_problem());
    if (!*sw && !*admin) return forbidden_role("social_worker", "只有社工或管理员可以核验实名");
    return std::nullopt;
}

json person(const Stmt& st, int col) {  // id, display_name, phone at col, col+1, col+2
    if (st.is_null(col)) return nullptr;
    std::string phone = st.text(col + 2);
    return {{"id", st.i64(col)}, {"display_name", st.text(col + 1)},
            {"phone_masked", phone.empty() ? "" : mask_phone(phone)}};
}

constexpr const char* kAppealSelect =
    "SELECT a.id, a.kind, a.status, a.real_name, a.id_masked, a.district_id, a.created_at, "
    "a.decided_at, a.note, u.id, u.display_name, COALESCE(u.phone, ''), "
    "h.id, h.display_name, COALESCE(h.phone, '') FROM identity_appeals a JOIN users u ON u.id = a.user_id "
    "LEFT JOIN volunteers v ON v.id_hmac = a.id_hmac AND v.user_id != a.user_id "
    "LEFT JOIN users h ON h.id = v.user_id ";

json read_appeal(const Stmt& st) {
    return {{"id", st.i64(0)},
            {"kind", st.text(1)},
            {"status", st.text(2)},
            {"real_name", st.text(3)},
            {"id_number_masked", st.text(4)},
            {"district_id", st.i64(5)},
            {"created_at", format_cst(st.i64(6))},
            {"decided_at", st.is_null(7) ? json() : json(format_cst(st.i64(7)))},
            {"note", st.text(8)},
            {"applicant", person(st, 9)},
            {"holder", person(st, 12)}};
}

// Reads only (on a reader).
Reply list_appeals(Db& db, Id user) {
    if (auto no = require_social_worker(db, user)) return *no;
    Stmt st(db, std::string(kAppealSelect) + "WHERE a.status = 'pending' ORDER BY a.created_at, a.id LIMIT 200");
    json out = json::array();
    Step s;
    while ((s = st.step()) == Step::Row) out.push_back(read_appeal(st));
    if (s == Step::Error) return internal_error(st.error());
    return json_reply(out);
}

Reply decide(App& app, Id worker, const std::optional<int64_t>& id, const json& body) {
    if (auto no = require_social_worker(app.db, worker)) return *no;
    std::vector<FieldError> errs;
    auto dec = body.find("decision");
    bool confirm = dec != body.end() && *dec == "confirm";
    if (dec == body.end() || !dec->is_string() || (*dec != "confirm" && *dec != "reject"))
        errs.push_back(field_error("decision", "one_of", "must be confirm or reject", {{"allowed", "confirm,reject"}}));
    std::string note;
    if (auto n = body.find("note"); n != body.end()) {
        if (!n->is_string() || utf8_length(n->get<std::string>()) > 500)
            errs.push_back(field_error("note", "length", "最多500字", {{"max", "500"}}));
        else note = n->get<std::string>();
    }
    Reply not_found = problem_reply(404, "not_found", "核验申请不存在", {}, {{"resource", "appeal"}});
    if (!id) return not_found;
    if (!errs.empty()) return problem_reply(422, "invalid", "请检查填写的内容", errs);
    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto broken = [&](const std::string& e) {
        app.db.rollback();
        return e.empty() ? problem_reply(internal_problem()) : internal_error(e);
    };
    Stmt a(app.db,
           "SELECT user_id, status, real_name, id_hmac, id_cipher, id_masked, district_id, skills, "
           "availability, consent_at FROM identity_appeals WHERE id = ?");
    a.bind(1, *id);
    Step s = a.step();
    if (s == Step::Error) return broken(a.error());
    if (s == Step::Done) {
        app.db.rollback();
        return not_found;
    }
    if (a.text(1) != "pending") {
        app.db.rollback();
        return problem_reply(409, "appeal_decided", "该申请已处理");
    }
    Id applicant = a.i64(0);
    if (applicant == worker) {  // four eyes: nobody verifies themselves
        app.db.rollback();
        return problem_reply(403, "own_appeal", "不能核验自己的申请");
    }
    if (confirm) {
        Record r{a.text(2), a.text(3), a.text(4), a.text(5), a.text(7), a.text(8), a.i64(6), a.i64(9)};
        // The number moves to the applicant; whoever held it loses real-name status.
        Stmt h(app.db, "SELECT user_id FROM volunteers WHERE id_hmac = ? AND user_id != ?");
        h.bind(1, std::string_view(r.mac)).bind(2, applicant);
        Step hs = h.step();
        if (hs == Step::Error) return broken(h.error());
        if (hs == Step::Row && !drop_volunteer(app, h.i64(0))) return broken("");
        if (!store_volunteer(app, applicant, r)) return broken("");
    }
    Stmt up(app.db, "UPDATE identity_appeals SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?");
    up.bind(1, confirm ? "confirmed" : "rejected").bind(2, worker).bind(3, app.now()).bind(4, note).bind(5, *id);
    if (!up.exec()) return broken(up.error());
    if (!app.db.commit()) return broken(app.db.last_error());
    Stmt st(app.db, std::string(kAppealSelect) + "WHERE a.id = ?");
    st.bind(1, *id);
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(read_appeal(st));
}

}  // namespace

void put_volunteer(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return register_volunteer(app, user, body); });
}

void get_identity_appeals(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool) -> std::optional<Reply> { return list_appeals(db, user); });
}

void post_appeal_decision(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return decide(app, user, id, body); });
}

}  // namespace zygc::server
