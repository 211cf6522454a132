// Dev mode: the accounts of shared/API.md, created once (idempotent) after the seed.
#include <string>

#include "core/idcard.h"
#include "server/app.h"
#include "server/crypto.h"
#include "server/http_util.h"

namespace zygc::server {

std::string dev_id_number(int which) {
    // Valid GB 11643 numbers for 秦皇岛 海港区 (130302); not real people.
    std::string first17 = which == 0 ? "13030219900101123" : "13030219850505234";
    return first17 + id_check_char(first17);
}

namespace {

struct DevAccount {
    const char* phone;
    const char* name;
    const char* role;  // stored role ("" = none)
    int id_number;     // -1: not real-name registered
    bool leader;
};

const DevAccount kAccounts[] = {
    {"13800000001", "测试志愿者", "volunteer", 0, false},
    {"13800000002", "测试组织者", "organizer", 1, true},
    {"13800000003", "测试社工", "social_worker", -1, false},
    {"13800000009", "测试管理员", "admin", -1, false},
};

}  // namespace

bool ensure_dev_accounts(App& app, std::string* err) {
    std::lock_guard lock(app.db_mutex);
    auto fail = [&](const std::string& e) {
        app.db.rollback();
        if (err) *err = e;
        return false;
    };
    if (!app.db.begin()) return fail(app.db.last_error());
    int64_t now = app.now();
    Stmt first_team(app.db, "SELECT id FROM teams ORDER BY id LIMIT 1");
    Step ts = first_team.step();
    if (ts == Step::Error) return fail(first_team.error());
    int64_t team = ts == Step::Row ? first_team.i64(0) : 0;
    Stmt first_district(app.db, "SELECT id FROM districts ORDER BY id LIMIT 1");
    Step ds = first_district.step();
    if (ds == Step::Error) return fail(first_district.error());
    int64_t district = ds == Step::Row ? first_district.i64(0) : 0;
    for (const DevAccount& a : kAccounts) {
        Stmt find(app.db, "SELECT id FROM users WHERE phone = ?");
        find.bind(1, a.phone);
        Step fs = find.step();
        if (fs == Step::Error) return fail(find.error());
        if (fs == Step::Row) continue;  // already there (from an earlier start)
        Stmt ins(app.db, "INSERT INTO users(phone, display_name, created_at) VALUES (?, ?, ?)");
        ins.bind(1, a.phone).bind(2, a.name).bind(3, now);
        if (!ins.exec()) return fail(ins.error());
        int64_t user = app.db.last_insert_rowid();
        Stmt role(app.db, "INSERT OR IGNORE INTO user_roles(user_id, role) VALUES (?, ?)");
        role.bind(1, user).bind(2, a.role);
        if (!role.exec()) return fail(role.error());
        if (a.id_number >= 0 && district && app.have_secret()) {
            std::string id = dev_id_number(a.id_number);
            std::string cipher = aes256gcm_seal(app.id_aes_key, id, "user:" + std::to_string(user));
            std::string mac = hmac_sha256(app.id_hmac_key, id);
            Stmt v(app.db,
                   "INSERT INTO volunteers(user_id, real_name, id_hmac, id_cipher, id_masked, district_id, "
                   "skills, availability, consent_at, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            v.bind(1, user).bind(2, a.id_number == 0 ? "王小海" : "李港城").bind(3, std::string_view(mac))
                .bind(4, std::string_view(cipher)).bind(5, mask_id_number(id)).bind(6, district)
                .bind(7, "[\"急救\",\"讲解\"]").bind(8, "[\"weekend\"]").bind(9, now).bind(10, now);
            Stmt vr(app.db, "INSERT OR IGNORE INTO user_roles(user_id, role) VALUES (?, 'volunteer')");
            vr.bind(1, user);
            if (!v.exec() || !vr.exec()) return fail(app.db.last_error());
        }
        if (a.leader && team) {
            Stmt m(app.db, "INSERT OR IGNORE INTO team_members(team_id, user_id, role, joined_at) VALUES (?, ?, 'leader', ?)");
            m.bind(1, team).bind(2, user).bind(3, now);
            if (!m.exec()) return fail(m.error());
        }
    }
    if (!app.db.commit()) return fail(app.db.last_error());
    return true;
}

}  // namespace zygc::server
