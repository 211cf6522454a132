// Dev mode demo hours (issue 9): attendance in every state for the dev volunteer
// (13800000001) and four demo volunteers, in the projects of the dev organizer's team
// (13800000002), so `scripts/run` shows certified, adjusted, corrected, pending, overdue,
// disputed and rejected records, a queue to certify and a certificate to issue. Created
// once (housekeeping 'demo_hours'); a shift running now that the dev volunteer is signed
// up for is ensured on every start. Certified minutes count in /stats/city on top of the
// seed's district baselines.
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/idcard.h"
#include "server/crypto.h"
#include "server/hours.h"
#include "server/mutation.h"

namespace zygc::server {

namespace {

struct DemoPerson {
    const char* phone;
    const char* name;
    const char* id17;  // first 17 digits of a generated (not real) ID number
};

const DemoPerson kPeople[] = {
    {"13900000101", "张丽华", "13030219780312045"},
    {"13900000102", "刘建国", "13030219620708031"},
    {"13900000103", "陈思远", "13030220010925062"},
    {"13900000104", "赵敏", "13030219951130084"},
};

struct DemoShift {
    int days_ago, hour, minute, length_min, project;  // project: index into the team's projects
};

// Shifts in the past, oldest first.
const DemoShift kShifts[] = {
    {130, 9, 0, 150, 0}, {95, 14, 0, 180, 1}, {60, 9, 0, 180, 2}, {40, 8, 30, 180, 0},
    {25, 9, 0, 120, 1},  {16, 9, 0, 120, 2},  {3, 14, 0, 120, 0},
};

struct DemoRecord {
    int person;  // -1: the dev volunteer; else index into kPeople
    int shift;   // index into kShifts
    const char* outcome;  // certify adjust correct reject dispute pending auto offline far
    int minutes;          // adjust / correct: the decided minutes
    const char* reason;
};

const DemoRecord kRecords[] = {
    {-1, 0, "certify", 0, nullptr},
    {-1, 1, "adjust", 170, "提前10分钟离场，按实际时间认定"},
    {-1, 2, "correct", 150, "复核签到记录：当天12:00前已离场"},
    {-1, 3, "certify", 0, nullptr},
    {-1, 4, "pending", 0, nullptr},  // overdue: past the 10th working day
    {-1, 5, "dispute", 0, "我实际服务到11:30，签退时手机没电了"},
    {-1, 6, "offline", 0, nullptr},
    {0, 3, "certify", 0, nullptr},
    {1, 3, "reject", 0, "当天未到场，签到为误操作"},
    {0, 4, "far", 0, nullptr},
    {0, 6, "pending", 0, nullptr},
    {1, 6, "auto", 0, nullptr},
    {2, 6, "pending", 0, nullptr},
    {3, 6, "pending", 0, nullptr},
    {2, 1, "certify", 0, nullptr},
    {3, 2, "certify", 0, nullptr},
};

struct Seeder {
    App& app;
    std::string error;

    bool run(Stmt& st) {
        if (st.exec()) return true;
        if (error.empty()) error = st.error();
        return false;
    }
    std::optional<Id> user_by_phone(const char* phone) {
        Stmt st(app.db, "SELECT id FROM users WHERE phone = ?");
        st.bind(1, phone);
        Step s = st.step();
        if (s == Step::Error) return error = st.error(), std::nullopt;
        return s == Step::Row ? st.i64(0) : 0;
    }
    bool history(Id record, int64_t at, Id actor, const char* action, const json& before, const json& after,
                 const char* reason) {
        Stmt st(app.db,
                "INSERT INTO attendance_history(attendance_id, at, actor_id, action, before, after, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, record).bind(2, at).bind(3, actor).bind(4, action);
        if (before.is_null()) st.bind_null(5);
        else st.bind(5, before.dump());
        if (after.is_null()) st.bind_null(6);
        else st.bind(6, after.dump());
        if (reason) st.bind(7, reason);
        else st.bind_null(7);
        return run(st);
    }
    bool sign_up(Id user, Id shift, int64_t at) {
        Stmt g(app.db, "INSERT OR IGNORE INTO signups(user_id, shift_id, status, created_at) VALUES (?, ?, 'confirmed', ?)");
        g.bind(1, user).bind(2, shift).bind(3, at);
        if (!run(g)) return false;
        if (app.db.changes() == 0) return true;
        Stmt c(app.db, "UPDATE shifts SET signed_up = signed_up + 1 WHERE id = ?");
        c.bind(1, shift);
        return run(c);
    }
    Id add_shift(Id project, int64_t start, int64_t end, int capacity) {
        Stmt st(app.db, "INSERT INTO shifts(project_id, start_at, end_at, capacity, signed_up) VALUES (?, ?, ?, ?, 0)");
        st.bind(1, project).bind(2, start).bind(3, end).bind(4, capacity);
        return run(st) ? app.db.last_insert_rowid() : 0;
    }
};

int64_t day_start(int64_t day) { return day * 86400 - kCstOffsetSeconds; }

// The demo volunteers (created once; real-name rows only when a secret is configured).
bool demo_people(Seeder& s, std::vector<Id>& out, int64_t now) {
    for (const DemoPerson& p : kPeople) {
        auto id = s.user_by_phone(p.phone);
        if (!id) return false;
        if (*id == 0) {
            Stmt ins(s.app.db, "INSERT INTO users(phone, display_name, created_at) VALUES (?, ?, ?)");
            ins.bind(1, p.phone).bind(2, p.name).bind(3, now);
            if (!s.run(ins)) return false;
            id = s.app.db.last_insert_rowid();
            Stmt role(s.app.db, "INSERT OR IGNORE INTO user_roles(user_id, role) VALUES (?, 'volunteer')");
            role.bind(1, *id);
            if (!s.run(role)) return false;
            if (s.app.have_secret()) {
                std::string number = std::string(p.id17) + id_check_char(p.id17);
                Stmt v(s.app.db,
                       "INSERT OR IGNORE INTO volunteers(user_id, real_name, id_hmac, id_cipher, id_masked, district_id, "
                       "skills, availability, consent_at, registered_at) "
                       "SELECT ?, ?, ?, ?, ?, id, '[]', '[\"weekend\"]', ?, ? FROM districts ORDER BY id LIMIT 1");
                std::string mac = hmac_sha256(s.app.id_hmac_key, number);
                std::string cipher = aes256gcm_seal(s.app.id_aes_key, number, "user:" + std::to_string(*id));
                v.bind(1, *id).bind(2, p.name).bind(3, std::string_view(mac)).bind(4, std::string_view(cipher))
                    .bind(5, mask_id_number(number)).bind(6, now).bind(7, now);
                if (!s.run(v)) return false;
            }
        }
        out.push_back(*id);
    }
    return true;
}

bool demo_history(Seeder& s, Id vol, Id org, Id team, const std::vector<Id>& projects, int64_t now) {
    std::vector<Id> people;
    if (!demo_people(s, people, now)) return false;
    int64_t today = cst_day(now);
    std::vector<Id> shifts;
    std::vector<int64_t> starts;
    for (const DemoShift& d : kShifts) {
        int64_t start = day_start(today - d.days_ago) + d.hour * 3600 + d.minute * 60;
        Id id = s.add_shift(projects[d.project % projects.size()], start, start + d.length_min * 60, 20);
        if (!id) return false;
        shifts.push_back(id);
        starts.push_back(start);
    }
    for (const DemoRecord& r : kRecords) {
        Id user = r.person < 0 ? vol : people[r.person];
        const DemoShift& d = kShifts[r.shift];
        Id shift = shifts[r.shift];
        int64_t start = starts[r.shift], end = start + d.length_min * 60;
        if (!s.sign_up(user, shift, start - 3 * 86400)) return false;
        std::string outcome = r.outcome;
        bool offline = outcome == "offline", far = outcome == "far", automatic = outcome == "auto";
        int64_t in = start - 6 * 60, out = end + 4 * 60;
        if (outcome == "adjust") out = end - 10 * 60;
        int64_t minutes = (std::min(out, end) - start + 30) / 60;
        json flags = json::array();
        if (offline) flags.push_back("offline");
        if (far) flags.push_back("far_from_site");
        if (automatic) flags.push_back("auto_closed"), out = end, minutes = d.length_min;
        Stmt ins(s.app.db,
                 "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, "
                 "client_check_in, client_check_out, minutes, status, flags, distance_m, created_at) "
                 "SELECT ?, ?, project_id, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ? FROM shifts WHERE id = ?");
        ins.bind(1, user).bind(2, shift).bind(3, team).bind(4, far ? "code" : "qr").bind(5, in).bind(6, out)
            .bind(7, format_cst(in));
        if (automatic) ins.bind_null(8);
        else ins.bind(8, format_cst(out));
        ins.bind(9, minutes).bind(10, flags.dump());
        if (far) ins.bind(11, int64_t{1460});
        else ins.bind(11, int64_t{35});
        ins.bind(12, in).bind(13, shift);
        if (!s.run(ins)) return false;
        Id rec = s.app.db.last_insert_rowid();
        if (!s.history(rec, in, user, "check_in", nullptr, {{"status", "open"}, {"check_in", format_cst(in)}}, nullptr))
            return false;
        if (automatic) {
            if (!s.history(rec, end, 0, "auto_close", {{"status", "open"}},
                           {{"status", "pending"}, {"check_out", format_cst(end)}, {"minutes", minutes}}, nullptr))
                return false;
        } else if (!s.history(rec, out, user, "check_out", {{"status", "open"}},
                              {{"status", "pending"}, {"check_out", format_cst(out)}, {"minutes", minutes}}, nullptr)) {
            return false;
        }
        if (outcome == "pending" || offline || far || automatic) continue;
        // Decided two days after the shift by the organizer.
        int64_t decided = end + 2 * 86400;
        bool reject = outcome == "reject";
        int64_t certified_minutes = outcome == "adjust" ? r.minutes : minutes;
        Stmt up(s.app.db,
                "UPDATE attendance SET status = ?, certified = ?, minutes = ?, certified_by = ?, certified_at = ?, "
                "reason = ? WHERE id = ?");
        up.bind(1, reject ? "rejected" : "certified").bind(2, reject ? 0 : 1).bind(3, certified_minutes).bind(4, org)
            .bind(5, decided);
        if (reject || outcome == "adjust") up.bind(6, r.reason);
        else up.bind_null(6);
        up.bind(7, rec);
        if (!s.run(up)) return false;
        const char* action = reject ? "reject" : outcome == "adjust" ? "adjust" : "certify";
        if (!s.history(rec, decided, org, action, {{"status", "pending"}, {"minutes", minutes}},
                       {{"status", reject ? "rejected" : "certified"}, {"minutes", certified_minutes}},
                       reject || outcome == "adjust" ? r.reason : nullptr))
            return false;
        if (outcome == "correct") {
            int64_t at = decided + 5 * 86400;
            Stmt c(s.app.db,
                   "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, "
                   "client_check_in, client_check_out, minutes, status, certified, flags, distance_m, certified_by, "
                   "certified_at, reason, corrects, created_at) SELECT user_id, shift_id, project_id, team_id, method, "
                   "check_in, check_out, client_check_in, client_check_out, ?, 'certified', 1, flags, distance_m, ?, ?, "
                   "?, id, ? FROM attendance WHERE id = ?");
            c.bind(1, r.minutes).bind(2, org).bind(3, at).bind(4, r.reason).bind(5, at).bind(6, rec);
            if (!s.run(c)) return false;
            Id fix = s.app.db.last_insert_rowid();
            Stmt link(s.app.db, "UPDATE attendance SET corrected_by = ? WHERE id = ?");
            link.bind(1, fix).bind(2, rec);
            if (!s.run(link) ||
                !s.history(fix, at, org, "correct", {{"minutes", minutes}, {"corrects", rec}},
                           {{"minutes", r.minutes}, {"status", "certified"}}, r.reason) ||
                !s.history(rec, at, org, "correct", nullptr, {{"corrected_by", fix}}, r.reason))
                return false;
        }
        if (outcome == "dispute") {
            int64_t at = decided + 86400;
            Stmt dq(s.app.db,
                    "INSERT INTO disputes(attendance_id, user_id, reason, at, prior_status) VALUES (?, ?, ?, ?, 'certified')");
            dq.bind(1, rec).bind(2, user).bind(3, r.reason).bind(4, at);
            Stmt st(s.app.db, "UPDATE attendance SET status = 'disputed' WHERE id = ?");
            st.bind(1, rec);
            if (!s.run(dq) || !s.run(st) ||
                !s.history(rec, at, user, "dispute", {{"status", "certified"}}, {{"status", "disputed"}}, r.reason))
                return false;
        }
    }
    Stmt mark(s.app.db, "INSERT INTO housekeeping(name, value) VALUES ('demo_hours', ?)");
    mark.bind(1, now);
    return s.run(mark);
}

// A shift of the team running now (window open) that the dev volunteer is signed up for.
bool demo_today(Seeder& s, Id vol, const std::vector<Id>& projects, int64_t now) {
    Stmt have(s.app.db,
              "SELECT 1 FROM signups g JOIN shifts sh ON sh.id = g.shift_id WHERE g.user_id = ? AND "
              "g.status = 'confirmed' AND sh.start_at <= ? AND sh.end_at > ?");
    have.bind(1, vol).bind(2, now + 30 * 60).bind(3, now + 30 * 60);
    Step st = have.step();
    if (st == Step::Error) return s.error = have.error(), false;
    if (st == Step::Row) return true;
    int64_t start = now / 600 * 600 - 20 * 60;
    Id shift = s.add_shift(projects[0], start, start + 3 * 3600, 20);
    if (!shift || !s.sign_up(vol, shift, now)) return false;
    for (const DemoPerson& p : kPeople) {
        auto id = s.user_by_phone(p.phone);
        if (!id) return false;
        if (*id && !s.sign_up(*id, shift, now)) return false;
    }
    return true;
}

}  // namespace

bool ensure_demo_hours(App& app, std::string* err) {
    std::lock_guard lock(app.db_mutex);
    Seeder s{app, {}};
    auto fail = [&](const std::string& e) {
        if (err) *err = e;
        return false;
    };
    auto vol = s.user_by_phone("13800000001");
    auto org = s.user_by_phone("13800000002");
    if (!vol || !org) return fail(s.error);
    if (!*vol || !*org) return true;
    Stmt t(app.db, "SELECT team_id FROM team_members WHERE user_id = ? AND role = 'leader' ORDER BY team_id LIMIT 1");
    t.bind(1, *org);
    Step st = t.step();
    if (st == Step::Error) return fail(t.error());
    if (st == Step::Done) return true;
    Id team = t.i64(0);
    std::vector<Id> projects;
    Stmt p(app.db, "SELECT id FROM projects WHERE team_id = ? ORDER BY id LIMIT 3");
    p.bind(1, team);
    while ((st = p.step()) == Step::Row) projects.push_back(p.i64(0));
    if (st == Step::Error) return fail(p.error());
    if (projects.empty()) return true;
    Stmt mark(app.db, "SELECT 1 FROM housekeeping WHERE name = 'demo_hours'");
    st = mark.step();
    if (st == Step::Error) return fail(mark.error());
    bool done = st == Step::Row;
    int64_t now = app.now();
    if (!app.db.begin()) return fail(app.db.last_error());
    bool ok = (done || demo_history(s, *vol, *org, team, projects, now)) && demo_today(s, *vol, projects, now);
    if (!ok || !app.db.commit()) {
        if (err) *err = s.error.empty() ? app.db.last_error() : s.error;
        app.db.rollback();
        return false;
    }
    return true;
}

}  // namespace zygc::server
