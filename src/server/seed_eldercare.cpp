// Dev mode demo data for eldercare (issue 13), created once (when the ledger is empty):
// in every district four older residents who need help and three older helpers (their own
// demo accounts, phones 1391DDNN0HH), two confirmed pairs — one visited (a certified and a
// pending visit, the pending one in the social worker's certification queue), one overdue —
// and help requests in each state (open, taken, closed, converted into a seed project).
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/idcard.h"
#include "server/eldercare.h"
#include "server/eldercare_match.h"

namespace zygc::server {

namespace {

namespace ec = eldercare;

struct DemoNeed {
    const char* name;
    const char* guardian;
    const char* relation;
    const char* needs;
    const char* slots;
    const char* mobility;
    int community;  // index into kCommunities
    double dlat, dlng;
};
struct DemoHelper {
    const char* name;
    const char* abilities;
    const char* slots;
    int walk_m;
    int community;
    double dlat, dlng;
};

const char* const kCommunities[] = {"东山社区", "西港社区", "建设大街社区"};

const DemoNeed kNeeds[] = {
    {"王秀兰", "李建华", "儿子", R"(["meal","companionship"])", R"(["mon_am","wed_am","fri_am"])", "cane", 0, 0.001, 0.001},
    {"刘桂芬", "刘海燕", "女儿", R"(["escort","shopping"])", R"(["tue_pm","thu_pm"])", "wheelchair", 1, -0.002, 0.001},
    {"张玉珍", "张明", "侄子", R"(["safety_visit","companionship"])", R"(["sat_am","sun_am"])", "independent", 2, 0.003, -0.002},
    {"陈淑英", "陈磊", "孙子", R"(["meal","safety_visit"])", R"(["mon_pm","thu_am"])", "bedridden", 0, 0.0005, 0.002},
};
const DemoHelper kHelpers[] = {
    {"赵国庆", R"(["meal","companionship","safety_visit"])", R"(["mon_am","wed_am","sat_am"])", 800, 0, 0.0012, 0.0008},
    {"孙丽萍", R"(["escort","shopping","companionship"])", R"(["tue_pm","thu_pm","sun_am"])", 1500, 1, -0.0015, 0.0012},
    {"周德明", R"(["safety_visit","meal"])", R"(["sat_am","sun_am","thu_am"])", 600, 2, 0.0028, -0.0018},
};

struct Demo {
    App& app;
    std::string err;
    bool ok = true;

    bool run(Stmt& st) {
        if (ok && !st.exec()) ok = false, err = st.error();
        return ok;
    }
    Id user_for(const std::string& phone, const std::string& name) {
        Stmt f(app.db, "SELECT id FROM users WHERE phone = ?");
        f.bind(1, phone);
        if (f.step() == Step::Row) return f.i64(0);
        Stmt ins(app.db, "INSERT INTO users(phone, display_name, created_at) VALUES (?, ?, ?)");
        ins.bind(1, phone).bind(2, name).bind(3, app.now());
        return run(ins) ? app.db.last_insert_rowid() : 0;
    }
};

}  // namespace

bool ensure_demo_eldercare(App& app, std::string* err) {
    {
        Stmt st(app.db, "SELECT (SELECT count(*) FROM eldercare_needs), (SELECT id FROM users WHERE phone = '13800000003')");
        if (st.step() != Step::Row) return *err = st.error(), false;
        if (st.i64(0) > 0 || st.is_null(1)) return true;
    }
    Stmt sw_row(app.db, "SELECT id FROM users WHERE phone = '13800000003'");
    if (sw_row.step() != Step::Row) return *err = sw_row.error(), false;
    Id sw = sw_row.i64(0);
    struct D {
        Id id;
        double lat, lng;
    };
    std::vector<D> districts;
    {
        Stmt st(app.db,
                "SELECT d.id, COALESCE(AVG(p.site_lat), 39.93), COALESCE(AVG(p.site_lng), 119.60) FROM districts d "
                "LEFT JOIN projects p ON p.district_id = d.id AND p.site_lat <> 0 GROUP BY d.id ORDER BY d.id");
        Step s;
        while ((s = st.step()) == Step::Row) districts.push_back({st.i64(0), st.f64(1), st.f64(2)});
        if (s == Step::Error) return *err = st.error(), false;
    }
    if (!app.db.begin()) return *err = app.db.last_error(), false;
    Demo demo{app};
    int64_t now = app.now();
    int64_t today = cst_day(now) * 86400 - 8 * 3600;  // 00:00 +08:00
    for (size_t di = 0; di < districts.size() && demo.ok; ++di) {
        const D& d = districts[di];
        std::vector<ec::Need> needs;
        std::vector<ec::Helper> helpers;
        std::vector<Id> helper_users;
        for (size_t i = 0; i < std::size(kNeeds) && demo.ok; ++i) {
            const DemoNeed& n = kNeeds[i];
            char gphone[16];
            std::snprintf(gphone, sizeof gphone, "1371%02d%02d0%02d", static_cast<int>(d.id % 100), static_cast<int>(i), 1);
            Stmt ins(app.db,
                     "INSERT INTO eldercare_needs(district_id, community, name_masked, phone_masked, guardian_name_masked, "
                     "guardian_phone_masked, guardian_relation, birth_year, needs, slots, mobility, lat, lng, note, "
                     "consent_at, created_by, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)");
            ins.bind(1, d.id).bind(2, kCommunities[n.community]).bind(3, mask_person_name(n.name))
                .bind(4, mask_person_name(n.guardian)).bind(5, mask_phone(gphone)).bind(6, n.relation)
                .bind(7, static_cast<int64_t>(1936 + i * 3)).bind(8, n.needs).bind(9, n.slots).bind(10, n.mobility)
                .bind(11, d.lat + n.dlat).bind(12, d.lng + n.dlng).bind(13, now - 40 * 86400).bind(14, sw)
                .bind(15, now - 40 * 86400);
            if (!demo.run(ins)) break;
            ec::Need m{app.db.last_insert_rowid(), kCommunities[n.community], d.lat + n.dlat, d.lng + n.dlng, 0, 0};
            for (const auto& x : nlohmann::json::parse(n.needs)) m.services |= 1u << ec::service_bit(x);
            for (const auto& x : nlohmann::json::parse(n.slots)) m.slots |= 1u << ec::slot_bit(x);
            needs.push_back(m);
        }
        for (size_t i = 0; i < std::size(kHelpers) && demo.ok; ++i) {
            const DemoHelper& h = kHelpers[i];
            char phone[16];
            std::snprintf(phone, sizeof phone, "1391%02d%02d0%02d", static_cast<int>(d.id % 100), static_cast<int>(i), 2);
            Id u = demo.user_for(phone, h.name);
            if (!u) break;
            Stmt ins(app.db,
                     "INSERT INTO eldercare_helpers(user_id, district_id, community, name_masked, phone_masked, "
                     "birth_year, abilities, slots, walk_m, capacity, lat, lng, note, consent_at, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?, '', ?, ?, ?)");
            ins.bind(1, u).bind(2, d.id).bind(3, kCommunities[h.community]).bind(4, mask_person_name(h.name))
                .bind(5, mask_phone(phone)).bind(6, static_cast<int64_t>(1955 + i * 2)).bind(7, h.abilities)
                .bind(8, h.slots).bind(9, static_cast<int64_t>(h.walk_m)).bind(10, d.lat + h.dlat).bind(11, d.lng + h.dlng)
                .bind(12, now - 40 * 86400).bind(13, sw).bind(14, now - 40 * 86400);
            if (!demo.run(ins)) break;
            ec::Helper m{app.db.last_insert_rowid(), kCommunities[h.community], d.lat + h.dlat, d.lng + h.dlng,
                         h.walk_m, 0, 0, 2, 0};
            for (const auto& x : nlohmann::json::parse(h.abilities)) m.abilities |= 1u << ec::service_bit(x);
            for (const auto& x : nlohmann::json::parse(h.slots)) m.slots |= 1u << ec::slot_bit(x);
            helpers.push_back(m);
            helper_users.push_back(u);
        }
        if (!demo.ok) break;
        // Two pairs from the assignment: the first visited, the second overdue.
        auto chosen = ec::assign(needs, helpers);
        Id project = eldercare_project(app, d.id);
        if (!project) {
            demo.ok = false, demo.err = "eldercare project";
            break;
        }
        Stmt team_of(app.db, "SELECT team_id FROM projects WHERE id = ?");
        team_of.bind(1, project);
        if (team_of.step() != Step::Row) {
            demo.ok = false, demo.err = team_of.error();
            break;
        }
        Id team = team_of.i64(0);
        for (size_t k = 0; k < chosen.size() && k < 2 && demo.ok; ++k) {
            const auto& c = chosen[k];
            int64_t created = now - (k == 0 ? 30 : 12) * 86400;
            Stmt ins(app.db,
                     "INSERT INTO eldercare_pairs(need_id, helper_id, district_id, project_id, status, rhythm_days, score, "
                     "created_by, created_at) VALUES (?, ?, ?, ?, 'active', 7, ?, ?, ?)");
            ins.bind(1, c.need_id).bind(2, c.helper_id).bind(3, d.id).bind(4, project).bind(5, c.score).bind(6, sw)
                .bind(7, created);
            if (!demo.run(ins) || k != 0) continue;
            Id pair = app.db.last_insert_rowid();
            Id helper_user = 0;
            for (size_t h = 0; h < helpers.size(); ++h)
                if (helpers[h].id == c.helper_id) helper_user = helper_users[h];
            // A certified visit 9 days ago and a pending one 2 days ago.
            for (int v = 0; v < 2 && demo.ok; ++v) {
                int64_t start = today - (v == 0 ? 9 : 2) * 86400 + 9 * 3600, end = start + 90 * 60;
                Stmt sh(app.db, "INSERT INTO shifts(project_id, start_at, end_at, capacity, signed_up) VALUES (?, ?, ?, 1, 0)");
                sh.bind(1, project).bind(2, start).bind(3, end);
                if (!demo.run(sh)) break;
                Id shift = app.db.last_insert_rowid();
                bool certified = v == 0;
                Stmt a(app.db,
                       "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, minutes, "
                       "status, certified, flags, certified_by, certified_at, created_at) "
                       "VALUES (?, ?, ?, ?, 'manual', ?, ?, 90, ?, ?, '[\"manual\"]', ?, ?, ?)");
                a.bind(1, helper_user).bind(2, shift).bind(3, project).bind(4, team).bind(5, start).bind(6, end)
                    .bind(7, certified ? "certified" : "pending").bind(8, certified ? 1 : 0);
                if (certified) a.bind(9, sw).bind(10, end + 86400);
                else a.bind_null(9).bind_null(10);
                a.bind(11, end);
                if (!demo.run(a)) break;
                Id record = app.db.last_insert_rowid();
                if (!add_visit_history(app, record, sw, end, start, end, 90)) {
                    demo.ok = false, demo.err = "visit history";
                    break;
                }
                if (certified) {
                    Stmt c(app.db,
                           "INSERT INTO attendance_history(attendance_id, at, actor_id, action, before, after, reason) "
                           "VALUES (?, ?, ?, 'certify', '{\"status\":\"pending\",\"minutes\":90}', "
                           "'{\"status\":\"certified\",\"minutes\":90}', NULL)");
                    c.bind(1, record).bind(2, end + 86400).bind(3, sw);
                    if (!demo.run(c)) break;
                }
                Stmt vis(app.db,
                         "INSERT INTO eldercare_visits(pair_id, attendance_id, start_at, end_at, note, created_by, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
                vis.bind(1, pair).bind(2, record).bind(3, start).bind(4, end)
                    .bind(5, v == 0 ? "陪老人吃午饭，聊了家常" : "代购了药品和蔬菜").bind(6, sw).bind(7, end);
                demo.run(vis);
            }
        }
        // Help requests: one open in every district, and one more in the state of the district.
        static const char* const kStates[] = {"taken", "closed", "converted", "open"};
        const char* state = kStates[di % 4];
        char phone[16];
        std::snprintf(phone, sizeof phone, "1370%02d000%02d", static_cast<int>(d.id % 100), 1);
        Id requester = demo.user_for(phone, "居民");
        Stmt any_team(app.db,
                      "SELECT t.id, (SELECT p.id FROM projects p WHERE p.team_id = t.id ORDER BY p.id LIMIT 1) FROM teams t "
                      "WHERE t.district_id = ? AND t.id NOT IN (SELECT team_id FROM eldercare_projects) ORDER BY t.id LIMIT 1");
        any_team.bind(1, d.id);
        Step ts = any_team.step();
        bool has_team = ts == Step::Row, has_project = has_team && !any_team.is_null(1);
        if (std::string(state) == "converted" && !has_project) state = "closed";
        if (std::string(state) == "taken" && !has_team) state = "open";
        struct Req {
            const char* title;
            const char* description;
            const char* category;
            const char* status;
        };
        const Req reqs[] = {
            {"楼道灯坏了需要帮忙换", "三楼楼道的灯坏了一周，家里只有老人，晚上上下楼不安全。", "community", "open"},
            {"独居老人需要定期陪伴", "楼下的独居老人子女在外地，希望有志愿者每周来陪他聊聊天。", "elderly", state},
        };
        for (const Req& r : reqs) {
            if (!demo.ok || !requester) break;
            std::string st = r.status;
            Stmt ins(app.db,
                     "INSERT INTO help_requests(user_id, district_id, title, description, category, status, team_id, "
                     "project_id, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ins.bind(1, requester).bind(2, d.id).bind(3, r.title).bind(4, r.description).bind(5, r.category).bind(6, st);
            if (st == "taken" || st == "converted") ins.bind(7, any_team.i64(0));
            else ins.bind_null(7);
            if (st == "converted") ins.bind(8, any_team.i64(1));
            else ins.bind_null(8);
            ins.bind(9, st == "closed" ? "已由社区物业处理" : "").bind(10, now - 6 * 86400).bind(11, now - 2 * 86400);
            demo.run(ins);
        }
    }
    if (!demo.ok || !app.db.commit()) {
        std::string e = demo.ok ? app.db.last_error() : demo.err;
        app.db.rollback();
        *err = e;
        return false;
    }
    return true;
}

}  // namespace zygc::server
