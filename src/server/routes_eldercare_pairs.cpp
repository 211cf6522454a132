// [SECTION] index: 老帮老 pairing (GET /eldercare/matches: a global assignment, eldercare_match.h;
// GET/POST /eldercare/pairs) · visits as hours records (POST /eldercare/pairs/{id}/visits).
// Social workers only; the ledger itself and the shared checks: routes_eldercare.cpp.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "server/eldercare.h"
#include "server/eldercare_ledger.h"
#include "server/eldercare_match.h"

namespace zygc::server {

namespace ec = eldercare;
using namespace ledger;

namespace {

constexpr int64_t kMaxVisitSeconds = 8 * 3600;

// ---- [SECTION] matching ---------------------------------------------------------------------

struct Brief {
    std::string name_masked, community, list;  // list: needs / abilities JSON
};

struct District {
    std::vector<ec::Need> needs;  // open needs
    std::vector<ec::Helper> helpers;
    std::map<Id, Brief> need_brief, helper_brief;
};

bool load_district(Db& db, Id district, District& d) {
    Stmt n(db,
           "SELECT n.id, n.community, n.lat, n.lng, n.needs, n.slots, n.name_masked FROM eldercare_needs n "
           "WHERE n.district_id = ? AND NOT EXISTS (SELECT 1 FROM eldercare_pairs p WHERE p.need_id = n.id "
           "AND p.status = 'active') ORDER BY n.id");
    n.bind(1, district);
    Step s;
    while ((s = n.step()) == Step::Row) {
        d.needs.push_back({n.i64(0), n.text(1), n.f64(2), n.f64(3), bits_of(n.text(4), ec::service_bit),
                           bits_of(n.text(5), ec::slot_bit)});
        d.need_brief[n.i64(0)] = {n.text(6), n.text(1), n.text(4)};
    }
    if (s == Step::Error) return log_db_error(n.error()), false;
    Stmt h(db,
           "SELECT h.id, h.community, h.lat, h.lng, h.walk_m, h.abilities, h.slots, h.capacity, "
           "(SELECT count(*) FROM eldercare_pairs p WHERE p.helper_id = h.id AND p.status = 'active'), h.name_masked "
           "FROM eldercare_helpers h WHERE h.district_id = ? ORDER BY h.id");
    h.bind(1, district);
    while ((s = h.step()) == Step::Row) {
        d.helpers.push_back({h.i64(0), h.text(1), h.f64(2), h.f64(3), static_cast<int>(h.i64(4)),
                             bits_of(h.text(5), ec::service_bit), bits_of(h.text(6), ec::slot_bit),
                             static_cast<int>(h.i64(7)), static_cast<int>(h.i64(8))});
        d.helper_brief[h.i64(0)] = {h.text(9), h.text(1), h.text(5)};
    }
    if (s == Step::Error) return log_db_error(h.error()), false;
    return true;
}

json reasons_json(const std::vector<ec::Reason>& rs) {
    json a = json::array();
    for (const auto& r : rs) {
        json p = json::object();
        for (const auto& [k, v] : r.params) p[k] = v;
        a.push_back({{"code", r.code}, {"points", r.points}, {"params", p}});
    }
    return a;
}

Reply matches(Db& db, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(db, req, q, true)) return *bad;
    District d;
    if (!load_district(db, *q.district, d)) return problem_reply(internal_problem());
    size_t feasible = 0;
    auto chosen = ec::assign(d.needs, d.helpers, &feasible);
    json items = json::array();
    std::set<Id> met;
    for (const auto& s : chosen) {
        met.insert(s.need_id);
        const Brief& nb = d.need_brief[s.need_id];
        const Brief& hb = d.helper_brief[s.helper_id];
        items.push_back({{"need_id", s.need_id},
                         {"helper_id", s.helper_id},
                         {"score", s.score},
                         {"reasons", reasons_json(s.reasons)},
                         {"distance_m", s.distance_m},
                         {"need", {{"id", s.need_id}, {"name_masked", nb.name_masked}, {"community", nb.community},
                                   {"needs", json::parse(nb.list, nullptr, false)}}},
                         {"helper", {{"id", s.helper_id}, {"name_masked", hb.name_masked}, {"community", hb.community},
                                     {"abilities", json::parse(hb.list, nullptr, false)}}}});
    }
    json unmatched = json::array();
    for (const auto& n : d.needs)
        if (!met.count(n.id)) unmatched.push_back(n.id);
    return json_reply({{"district_id", *q.district},
                       {"items", std::move(items)},
                       {"next_cursor", nullptr},
                       {"total", chosen.size()},
                       {"open_needs", d.needs.size()},
                       {"feasible_edges", feasible},
                       {"unmatched_need_ids", std::move(unmatched)}});
}

// ---- [SECTION] pairs ------------------------------------------------------------------------

const char* const kPairSelect =
    "SELECT p.id, p.need_id, p.helper_id, p.district_id, p.project_id, p.status, p.rhythm_days, p.created_at, "
    "(SELECT count(*) FROM eldercare_visits v WHERE v.pair_id = p.id), "
    "(SELECT COALESCE(SUM((v.end_at - v.start_at + 30) / 60), 0) FROM eldercare_visits v WHERE v.pair_id = p.id), "
    "(SELECT MAX(v.start_at) FROM eldercare_visits v WHERE v.pair_id = p.id), "
    "n.name_masked, n.community, n.needs, h.name_masked, h.community, h.abilities "
    "FROM eldercare_pairs p JOIN eldercare_needs n ON n.id = p.need_id JOIN eldercare_helpers h ON h.id = p.helper_id ";

json pair_json(const Stmt& st, int64_t now) {
    int64_t rhythm = st.i64(6);
    int64_t base = st.is_null(10) ? st.i64(7) : st.i64(10);
    int64_t due = base + rhythm * 86400;
    bool active = st.text(5) == "active";
    bool overdue = active && now > due;
    return {{"id", st.i64(0)},
            {"need_id", st.i64(1)},
            {"helper_id", st.i64(2)},
            {"district_id", st.i64(3)},
            {"project_id", st.i64(4)},
            {"status", st.text(5)},
            {"rhythm_days", rhythm},
            {"created_at", format_cst(st.i64(7))},
            {"visits", st.i64(8)},
            {"visit_minutes", st.i64(9)},
            {"last_visit_at", st.is_null(10) ? json() : json(format_cst(st.i64(10)))},
            {"next_visit_due", format_cst(due)},
            {"overdue", overdue},
            {"days_overdue", overdue ? (now - due) / 86400 : 0},
            {"need", {{"id", st.i64(1)}, {"name_masked", st.text(11)}, {"community", st.text(12)},
                      {"needs", json::parse(st.text(13), nullptr, false)}}},
            {"helper", {{"id", st.i64(2)}, {"name_masked", st.text(14)}, {"community", st.text(15)},
                        {"abilities", json::parse(st.text(16), nullptr, false)}}}};
}

Reply pair_reply(App& app, Id id, int status) {
    Stmt st(app.db, std::string(kPairSelect) + "WHERE p.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) return internal_error(st.error().empty() ? "pair vanished" : st.error());
    return json_reply(pair_json(st, app.now()), status);
}

Reply create_pair(App& app, Id user, const json& body) {
    Fields f{body, {}};
    auto need_id = f.integer(body, "need_id", "need_id", 1, INT64_MAX / 2, true);
    auto helper_id = f.integer(body, "helper_id", "helper_id", 1, INT64_MAX / 2, true);
    auto rhythm = f.integer(body, "rhythm_days", "rhythm_days", 1, 60, false);
    if (!f.errs.empty()) return invalid(std::move(f.errs));
    Stmt n(app.db,
           "SELECT id, district_id, community, lat, lng, needs, slots, "
           "EXISTS (SELECT 1 FROM eldercare_pairs p WHERE p.need_id = n.id AND p.status = 'active') "
           "FROM eldercare_needs n WHERE id = ?");
    n.bind(1, *need_id);
    Step s = n.step();
    if (s == Step::Error) return internal_error(n.error());
    if (s == Step::Done) f.fail("need_id", "not_found", "没有这位老人的登记");
    Stmt h(app.db,
           "SELECT id, district_id, community, lat, lng, walk_m, abilities, slots, capacity, "
           "(SELECT count(*) FROM eldercare_pairs p WHERE p.helper_id = h.id AND p.status = 'active') "
           "FROM eldercare_helpers h WHERE id = ?");
    h.bind(1, *helper_id);
    Step t = h.step();
    if (t == Step::Error) return internal_error(h.error());
    if (t == Step::Done) f.fail("helper_id", "not_found", "没有这位志愿者的登记");
    if (!f.errs.empty()) return invalid(std::move(f.errs));
    if (n.i64(7)) return problem_reply(409, "need_paired", "这位老人已经结对");
    ec::Need need{n.i64(0), n.text(2), n.f64(3), n.f64(4), bits_of(n.text(5), ec::service_bit), bits_of(n.text(6), ec::slot_bit)};
    ec::Helper helper{h.i64(0), h.text(2), h.f64(3), h.f64(4), static_cast<int>(h.i64(5)),
                      bits_of(h.text(6), ec::service_bit), bits_of(h.text(7), ec::slot_bit),
                      static_cast<int>(h.i64(8)), static_cast<int>(h.i64(9))};
    if (helper.load >= helper.capacity)
        return problem_reply(409, "helper_full", "这位志愿者的结对已满", {}, {{"capacity", std::to_string(helper.capacity)}});
    static const std::map<std::string, std::string> kWhy = {
        {"district", "不在同一区县"}, {"distance", "不在同一社区，也超出步行距离"},
        {"needs", "志愿者不能提供老人需要的服务"}, {"times", "双方没有共同的空闲时段"}};
    std::string why = n.i64(1) != h.i64(1) ? "district" : ec::infeasible(need, helper);
    if (!why.empty())
        return problem_reply(422, "pair_infeasible", "不能结对：" + kWhy.at(why),
                             {field_error("helper_id", "pair_infeasible", kWhy.at(why), {{"reason", why}})},
                             {{"reason", why}});
    Id district = n.i64(1);
    int score = ec::score(need, helper).score;
    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto fail = [&](const std::string& e) {
        app.db.rollback();
        return internal_error(e);
    };
    Id project = eldercare_project(app, district);
    if (!project) return fail("eldercare project");
    Stmt ins(app.db,
             "INSERT INTO eldercare_pairs(need_id, helper_id, district_id, project_id, status, rhythm_days, score, "
             "created_by, created_at) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)");
    ins.bind(1, need.id).bind(2, helper.id).bind(3, district).bind(4, project).bind(5, rhythm.value_or(7))
        .bind(6, score).bind(7, user).bind(8, app.now());
    if (!ins.exec()) return fail(ins.error());
    Id id = app.db.last_insert_rowid();
    if (!app.db.commit()) return fail(app.db.last_error());
    return pair_reply(app, id, 201);
}

Reply list_pairs(App& app, Db& db, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(db, req, q, false)) return *bad;
    int overdue = 0;
    if (req.has_param("overdue")) {
        std::string v = req.get_param_value("overdue");
        if (v != "0" && v != "1") return bad_query(400, "overdue", "invalid", "overdue 只能是 0 或 1");
        overdue = v == "1";
    }
    const std::string where =
        "WHERE (?1 IS NULL OR p.district_id = ?1) AND (?2 = 0 OR (p.status = 'active' AND "
        "COALESCE((SELECT MAX(v.start_at) FROM eldercare_visits v WHERE v.pair_id = p.id), p.created_at) "
        "+ p.rhythm_days * 86400 < ?3)) ";
    int64_t now = app.now();
    Stmt c(db, "SELECT count(*) FROM eldercare_pairs p " + where);
    if (q.district) c.bind(1, *q.district);
    else c.bind_null(1);
    c.bind(2, overdue).bind(3, now);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(db, std::string(kPairSelect) + where + "AND (?4 = 0 OR p.id < ?4) ORDER BY p.id DESC LIMIT ?5");
    if (q.district) st.bind(1, *q.district);
    else st.bind_null(1);
    st.bind(2, overdue).bind(3, now).bind(4, q.after).bind(5, q.limit);
    json items = json::array();
    int64_t last = 0;
    Step s;
    while ((s = st.step()) == Step::Row) items.push_back(pair_json(st, now)), last = st.i64(0);
    if (s == Step::Error) return internal_error(st.error());
    return json_reply(page_json(std::move(items), q, total, last));
}

// ---- [SECTION] visits -----------------------------------------------------------------------

Reply log_visit(App& app, const httplib::Request& req, Id user, const json& body) {
    auto pair_id = path_id(req.matches[1]);
    Reply not_found = problem_reply(404, "not_found", "结对不存在", {}, {{"resource", "pair"}});
    if (!pair_id) return not_found;
    Stmt p(app.db,
           "SELECT p.status, p.project_id, h.user_id, pr.team_id FROM eldercare_pairs p "
           "JOIN eldercare_helpers h ON h.id = p.helper_id JOIN projects pr ON pr.id = p.project_id WHERE p.id = ?");
    p.bind(1, *pair_id);
    Step ps = p.step();
    if (ps == Step::Error) return internal_error(p.error());
    if (ps == Step::Done) return not_found;
    Fields f{body, {}};
    auto time_of = [&](const char* k) -> std::optional<int64_t> {
        const json* v = f.get(body, k);
        auto t = v && v->is_string() ? parse_rfc3339(v->get<std::string>()) : std::nullopt;
        if (!t) f.fail(k, "time_format", "请填写时间（如 2026-12-01T09:00:00+08:00）");
        return t;
    };
    std::optional<int64_t> start = time_of("start"), end = time_of("end");
    std::string note = f.text(body, "note", "note", 0, 500);
    int64_t now = app.now();
    if (start && end) {
        if (*end <= *start) f.fail("end", "end_before_start", "结束时间需晚于开始时间");
        else if (*end - *start > kMaxVisitSeconds) f.fail("end", "shift_too_long", "一次探访不能超过8小时", {{"max_hours", "8"}});
        else if (*end - *start < 60) f.fail("end", "end_before_start", "探访至少1分钟");
        if (*end > now + 60) f.fail("end", "in_future", "探访结束后再登记");
    }
    if (!f.errs.empty() || !start || !end) return invalid(std::move(f.errs));
    if (p.text(0) != "active") return problem_reply(409, "pair_ended", "这个结对已经结束");
    Id project = p.i64(1), helper_user = p.i64(2), team = p.i64(3);
    {
        Stmt o(app.db,
               "SELECT pr.title FROM attendance a JOIN projects pr ON pr.id = a.project_id WHERE a.user_id = ? "
               "AND a.status <> 'rejected' AND a.corrected_by IS NULL AND a.check_in < ? AND COALESCE(a.check_out, a.check_in) > ? LIMIT 1");
        o.bind(1, helper_user).bind(2, *end).bind(3, *start);
        Step os = o.step();
        if (os == Step::Error) return internal_error(o.error());
        if (os == Step::Row)
            return problem_reply(409, "overlap", "这段时间志愿者已有其他服务记录：" + o.text(0), {}, {{"project", o.text(0)}});
    }
    int64_t minutes = (*end - *start + 30) / 60;
    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto fail = [&](const std::string& e) {
        app.db.rollback();
        return internal_error(e);
    };
    Stmt sh(app.db, "INSERT INTO shifts(project_id, start_at, end_at, capacity, signed_up) VALUES (?, ?, ?, 1, 0)");
    sh.bind(1, project).bind(2, *start).bind(3, *end);
    if (!sh.exec()) return fail(sh.error());
    Id shift = app.db.last_insert_rowid();
    Stmt a(app.db,
           "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, minutes, "
           "status, certified, flags, created_at) VALUES (?, ?, ?, ?, 'manual', ?, ?, ?, 'pending', 0, '[\"manual\"]', ?)");
    a.bind(1, helper_user).bind(2, shift).bind(3, project).bind(4, team).bind(5, *start).bind(6, *end).bind(7, minutes).bind(8, now);
    if (!a.exec()) return fail(a.error());
    Id record = app.db.last_insert_rowid();
    // The history a manual check-in and check-out would leave, by the social worker.
    if (!add_visit_history(app, record, user, now, *start, *end, minutes)) return fail("visit history");
    Stmt v(app.db,
           "INSERT INTO eldercare_visits(pair_id, attendance_id, start_at, end_at, note, created_by, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    v.bind(1, *pair_id).bind(2, record).bind(3, *start).bind(4, *end).bind(5, note).bind(6, user).bind(7, now);
    if (!v.exec()) return fail(v.error());
    Id visit = app.db.last_insert_rowid();
    if (!app.db.commit()) return fail(app.db.last_error());
    return json_reply({{"id", visit},
                       {"pair_id", *pair_id},
                       {"start", format_cst(*start)},
                       {"end", format_cst(*end)},
                       {"minutes", minutes},
                       {"note", note},
                       {"hours_record_id", record},
                       {"hours_status", "pending"},
                       {"project_id", project}},
                      201);
}

}  // namespace

void register_eldercare_pair_routes(App& app) {
    app.route("GET", R"(/api/v1/eldercare/matches)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Db& db, Id) { return matches(db, req); });
    });
    app.route("GET", R"(/api/v1/eldercare/pairs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Db& db, Id) { return list_pairs(a, db, req); });
    });
    app.route("POST", R"(/api/v1/eldercare/pairs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        mutate_as_social_worker(a, req, res, [&](Id u, const json& b) { return create_pair(a, u, b); }, true);
    });
    app.route("POST", R"(/api/v1/eldercare/pairs/([^/]+)/visits)",
              [](App& a, const httplib::Request& req, httplib::Response& res) {
                  mutate_as_social_worker(a, req, res, [&](Id u, const json& b) { return log_visit(a, req, u, b); }, true);
              });
}

}  // namespace zygc::server
