// [SECTION] index: 老帮老 供需台账 (GET/POST /eldercare/needs, /eldercare/helpers) · shared list
// queries and masking · field checks. Social workers only. Pairing (GET /eldercare/matches,
// GET/POST /eldercare/pairs) and visits (POST /eldercare/pairs/{id}/visits): routes_eldercare_pairs.cpp.
//
// Personal data: the ledger keeps masked copies (张*华, 138****0001) for every answer and the
// full name and phones sealed with the server key (AES-256-GCM; not kept without a secret).
// Home coordinates are used for distances and never returned.
#include <algorithm>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/idcard.h"
#include "core/utf8.h"
#include "server/crypto.h"
#include "server/eldercare.h"
#include "server/eldercare_ledger.h"
#include "server/eldercare_match.h"

namespace zygc::server {

namespace ec = eldercare;
using namespace ledger;

// ---- [SECTION] shared helpers ---------------------------------------------------------------

std::string mask_person_name(const std::string& name) {
    std::vector<std::string> cps;
    std::string_view rest = name;
    while (!rest.empty()) {
        std::string_view one = utf8::truncate_chars(rest, 1);
        if (one.empty()) one = rest.substr(0, 1);
        cps.emplace_back(one);
        rest.remove_prefix(one.size());
    }
    if (cps.empty()) return "";
    if (cps.size() == 1) return cps[0];
    if (cps.size() == 2) return cps[0] + "*";
    return cps[0] + std::string(cps.size() - 2, '*') + cps.back();
}

std::string next_cursor_of(int64_t last_id) { return "k" + std::to_string(last_id); }

json page_json(json items, const ListQuery& q, int64_t total, int64_t last_id) {
    bool more = static_cast<int64_t>(items.size()) == q.limit && last_id > 0;
    return {{"items", std::move(items)}, {"next_cursor", more ? json(next_cursor_of(last_id)) : json()}, {"total", total}};
}

namespace {

std::optional<int64_t> parse_int(const std::string& s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    for (size_t k = i; k < s.size(); ++k)
        if (s[k] < '0' || s[k] > '9') return std::nullopt;
    return std::stoll(s);
}

}  // namespace

namespace ledger {

Reply bad_query(int status, const char* field, const char* code, const std::string& msg, Params params) {
    return problem_reply(status, "invalid", msg, {field_error(field, code, msg, std::move(params))});
}

}  // namespace ledger


std::optional<Reply> read_list_query(Db& db, const httplib::Request& req, ListQuery& q, bool district_required) {
    if (req.has_param("limit")) {
        if (req.get_param_value_count("limit") > 1) return bad_query(400, "limit", "invalid", "limit 只能给一次");
        auto v = parse_int(req.get_param_value("limit"));
        if (!v) return bad_query(400, "limit", "invalid", "limit 需为整数");
        if (*v < 1 || *v > 100) return bad_query(422, "limit", "range", "limit 需在1到100之间", {{"min", "1"}, {"max", "100"}});
        q.limit = *v;
    }
    if (req.has_param("cursor")) {
        std::string c = req.get_param_value("cursor");
        auto v = c.size() > 1 && c[0] == 'k' ? parse_int(c.substr(1)) : std::nullopt;
        if (!v || *v < 1 || req.get_param_value_count("cursor") > 1) return bad_query(400, "cursor", "invalid", "cursor 无效");
        q.after = *v;
    }
    if (req.has_param("district_id")) {
        auto v = parse_int(req.get_param_value("district_id"));
        if (!v || req.get_param_value_count("district_id") > 1) return bad_query(400, "district_id", "invalid", "district_id 需为整数");
        Stmt st(db, "SELECT 1 FROM districts WHERE id = ?");
        st.bind(1, *v);
        Step s = st.step();
        if (s == Step::Error) return internal_error(st.error());
        if (s == Step::Done) return bad_query(422, "district_id", "not_found", "区县不存在");
        q.district = *v;
    } else if (district_required) {
        return bad_query(422, "district_id", "required", "请选择区县");
    }
    return std::nullopt;
}

bool add_visit_history(App& app, Id record, Id actor, int64_t at, int64_t start, int64_t end, int64_t minutes) {
    const json events[2][2] = {
        {json("check_in"), json({{"status", "open"}, {"check_in", format_cst(start)}, {"method", "manual"}})},
        {json("check_out"), json({{"status", "pending"}, {"check_out", format_cst(end)}, {"minutes", minutes}})}};
    for (const auto& e : events) {
        Stmt h(app.db,
               "INSERT INTO attendance_history(attendance_id, at, actor_id, action, before, after, reason) "
               "VALUES (?, ?, ?, ?, NULL, ?, '老帮老探访')");
        h.bind(1, record).bind(2, at).bind(3, actor).bind(4, e[0].get<std::string>()).bind(5, e[1].dump());
        if (!h.exec()) return log_db_error(h.error()), false;
    }
    return true;
}

std::optional<bool> keeps_eldercare_team(Db& db, Id user, Id team) {
    Stmt st(db, "SELECT 1 FROM eldercare_projects WHERE team_id = ?");
    st.bind(1, team);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), std::nullopt;
    if (s == Step::Done) return false;
    return has_role(db, user, "social_worker");
}

Id eldercare_project(App& app, Id district) {
    {
        Stmt st(app.db, "SELECT project_id FROM eldercare_projects WHERE district_id = ?");
        st.bind(1, district);
        Step s = st.step();
        if (s == Step::Error) return log_db_error(st.error()), 0;
        if (s == Step::Row) return st.i64(0);
    }
    std::string dname;
    {
        Stmt st(app.db, "SELECT name FROM districts WHERE id = ?");
        st.bind(1, district);
        if (st.step() != Step::Row) return log_db_error("district " + std::to_string(district) + ": " + st.error()), 0;
        dname = st.text(0);
    }
    int64_t now = app.now();
    Stmt t(app.db,
           "INSERT INTO teams(name, org, district_id, leader_name, member_count, summary, founded) "
           "VALUES (?, '秦小@老帮老', ?, '', 0, '社工登记、结对的老帮老互助：低龄老人探访高龄老人。', ?)");
    t.bind(1, dname + "老帮老互助队").bind(2, district).bind(3, format_date(cst_day(now)));
    if (!t.exec()) return log_db_error(t.error()), 0;
    Id team = app.db.last_insert_rowid();
    Stmt p(app.db,
           "INSERT INTO projects(team_id, title, summary, description, category, brand, district_id, status, "
           "site_name, site_lat, site_lng, site_radius_m) VALUES (?, ?, ?, ?, 'elderly', "
           "(SELECT slug FROM brands WHERE slug = 'qinxiaolaobanglao'), ?, 'closed', ?, "
           "COALESCE((SELECT AVG(lat) FROM eldercare_needs WHERE district_id = ?), 0), "
           "COALESCE((SELECT AVG(lng) FROM eldercare_needs WHERE district_id = ?), 0), 1000)");
    p.bind(1, team).bind(2, "老帮老结对探访（" + dname + "）")
        .bind(3, "社工结对的上门探访，每次探访记为志愿服务时长。")
        .bind(4, "由社工在老帮老供需台账中结对并登记每次探访；探访时长经社工认定后计入志愿者的服务时长。不接受报名。")
        .bind(5, district).bind(6, dname + "各社区").bind(7, district).bind(8, district);
    if (!p.exec()) return log_db_error(p.error()), 0;
    Id project = app.db.last_insert_rowid();
    Stmt m(app.db, "INSERT INTO eldercare_projects(district_id, team_id, project_id) VALUES (?, ?, ?)");
    m.bind(1, district).bind(2, team).bind(3, project);
    if (!m.exec()) return log_db_error(m.error()), 0;
    return project;
}

namespace {

// ---- [SECTION] field checks (struct Fields: eldercare_ledger.h) -----------------------------

const char* const kMobility[] = {"independent", "cane", "wheelchair", "bedridden"};

std::string joined(const char* const* names, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + std::string(names[i]);
    return s;
}
json names_of(uint32_t bits, const char* const* names, int n) {
    json a = json::array();
    for (int i = 0; i < n; ++i)
        if (bits & (1u << i)) a.push_back(names[i]);
    return a;
}

std::optional<Reply> social_worker_only(Db& db, Id user) {
    auto sw = has_role(db, user, "social_worker");
    if (!sw) return problem_reply(internal_problem());
    if (!*sw) return forbidden_role("social_worker", "只有社工可以查看和登记老帮老台账");
    return std::nullopt;
}

std::optional<std::string> seal(App& app, const json& pii, const char* aad) {
    if (!app.have_secret()) return std::nullopt;
    return aes256gcm_seal(app.id_aes_key, pii.dump(), aad);
}

// Runs a creating POST under its optional Idempotency-Key.
Reply idempotent(App& app, const httplib::Request& req, Id user, const json& body, const std::function<Reply()>& fn) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, false, idem.key)) return *bad;
    idem.active = !idem.key.empty();
    idem.user = user;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    return idempotency_finish(app, idem, fn());
}

}  // namespace

namespace ledger {

uint32_t bits_of(const std::string& json_text, int (*bit)(const std::string&)) {
    uint32_t bits = 0;
    json a = json::parse(json_text, nullptr, false);
    if (a.is_array())
        for (const auto& x : a)
            if (x.is_string()) {
                int b = bit(x.get<std::string>());
                if (b >= 0) bits |= 1u << b;
            }
    return bits;
}

Reply invalid(std::vector<FieldError> errs) { return problem_reply(422, "invalid", "请检查填写的内容", std::move(errs)); }

void as_social_worker(App& app, const httplib::Request& req, httplib::Response& res,
                      const std::function<Reply(Db&, Id)>& fn) {
    with_user_read(app, req, res, [&](Db& db, Id user, bool) -> std::optional<Reply> {
        if (auto bad = social_worker_only(db, user)) return *bad;
        return fn(db, user);
    });
}
void mutate_as_social_worker(App& app, const httplib::Request& req, httplib::Response& res,
                             const std::function<Reply(Id, const json&)>& fn, bool idempotent_post) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) -> Reply {
        if (auto bad = social_worker_only(app.db, user)) return *bad;
        if (!idempotent_post) return fn(user, body);
        return idempotent(app, req, user, body, [&] { return fn(user, body); });
    });
}

}  // namespace ledger

namespace {

// ---- [SECTION] needs ------------------------------------------------------------------------

const char* const kNeedColumns =
    "n.id, n.name_masked, n.phone_masked, n.birth_year, n.district_id, n.community, n.needs, n.slots, "
    "n.mobility, n.guardian_name_masked, n.guardian_phone_masked, n.guardian_relation, n.note, "
    "(SELECT p.id FROM eldercare_pairs p WHERE p.need_id = n.id AND p.status = 'active'), n.consent_at, n.created_at";

json need_json(const Stmt& st) {
    bool paired = !st.is_null(13);
    return {{"id", st.i64(0)},
            {"name_masked", st.text(1)},
            {"phone_masked", st.is_null(2) ? json() : json(st.text(2))},
            {"birth_year", st.is_null(3) ? json() : json(st.i64(3))},
            {"district_id", st.i64(4)},
            {"community", st.text(5)},
            {"needs", json::parse(st.text(6), nullptr, false)},
            {"slots", json::parse(st.text(7), nullptr, false)},
            {"mobility", st.text(8)},
            {"guardian", {{"name_masked", st.text(9)}, {"phone_masked", st.text(10)}, {"relation", st.text(11)}}},
            {"note", st.text(12)},
            {"status", paired ? "paired" : "open"},
            {"pair_id", paired ? json(st.i64(13)) : json()},
            {"consent_at", format_cst(st.i64(14))},
            {"created_at", format_cst(st.i64(15))}};
}

Reply create_need(App& app, Id user, const json& body) {
    Fields f{body, {}};
    bool db_failed = false;
    std::string name = f.text(body, "name", "name", 2, 30, "name_length");
    std::string phone = f.phone(body, "phone", "phone", false);
    int64_t this_year = civil_from_days(cst_day(app.now())).year;
    auto birth = f.integer(body, "birth_year", "birth_year", 1900, this_year, false);
    auto district = f.district(app, db_failed);
    if (db_failed) return problem_reply(internal_problem());
    std::string community = f.text(body, "community", "community", 1, 40);
    uint32_t needs = f.codes(body, "needs", ec::service_bit, joined(ec::kServices, 5));
    uint32_t slots = f.codes(body, "slots", ec::slot_bit, joined(ec::kSlots, 14));
    std::string mobility;
    if (const json* m = f.get(body, "mobility"); m && m->is_string()) mobility = m->get<std::string>();
    if (std::find(std::begin(kMobility), std::end(kMobility), mobility) == std::end(kMobility))
        f.fail("mobility", "one_of", "请选择行动能力", {{"allowed", "independent,cane,wheelchair,bedridden"}});
    double lat = f.number(body, "lat", -90, 90), lng = f.number(body, "lng", -180, 180);
    std::string gname, gphone, grel;
    if (const json* g = f.get(body, "guardian"); g && g->is_object()) {
        gname = f.text(*g, "name", "guardian.name", 2, 30, "name_length");
        gphone = f.phone(*g, "phone", "guardian.phone", true);
        grel = f.text(*g, "relation", "guardian.relation", 0, 20);
    } else {
        f.fail("guardian", g ? "wrong_type" : "required", "请填写监护人（联系人）");
    }
    std::string note = f.text(body, "note", "note", 0, 500);
    f.consent();
    if (!f.errs.empty()) return invalid(std::move(f.errs));

    int64_t now = app.now();
    auto sealed = seal(app, {{"name", name}, {"phone", phone}, {"guardian", {{"name", gname}, {"phone", gphone}}}},
                       "eldercare_need");
    Stmt ins(app.db,
             "INSERT INTO eldercare_needs(district_id, community, name_masked, phone_masked, guardian_name_masked, "
             "guardian_phone_masked, guardian_relation, pii_cipher, birth_year, needs, slots, mobility, lat, lng, "
             "note, consent_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, *district).bind(2, community).bind(3, mask_person_name(name));
    if (phone.empty()) ins.bind_null(4);
    else ins.bind(4, mask_phone(phone));
    ins.bind(5, mask_person_name(gname)).bind(6, mask_phone(gphone)).bind(7, grel);
    if (sealed) ins.bind(8, std::string_view(*sealed));
    else ins.bind_null(8);
    if (birth) ins.bind(9, *birth);
    else ins.bind_null(9);
    ins.bind(10, names_of(needs, ec::kServices, 5).dump()).bind(11, names_of(slots, ec::kSlots, 14).dump())
        .bind(12, mobility).bind(13, lat).bind(14, lng).bind(15, note).bind(16, now).bind(17, user).bind(18, now);
    if (!ins.exec()) return internal_error(ins.error());
    Stmt st(app.db, std::string("SELECT ") + kNeedColumns + " FROM eldercare_needs n WHERE n.id = ?");
    st.bind(1, app.db.last_insert_rowid());
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(need_json(st), 201);
}

Reply list_needs(Db& db, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(db, req, q, false)) return *bad;
    int status = 0;  // 0 any, 1 open, 2 paired
    if (req.has_param("status")) {
        std::string s = req.get_param_value("status");
        if (s == "open") status = 1;
        else if (s == "paired") status = 2;
        else return bad_query(422, "status", "one_of", "status 只能是 open 或 paired", {{"allowed", "open,paired"}});
    }
    const std::string where =
        " WHERE (?1 IS NULL OR n.district_id = ?1) AND (?2 = 0 OR (?2 = 1) = NOT EXISTS "
        "(SELECT 1 FROM eldercare_pairs p WHERE p.need_id = n.id AND p.status = 'active'))";
    Stmt c(db, "SELECT count(*) FROM eldercare_needs n" + where);
    if (q.district) c.bind(1, *q.district);
    else c.bind_null(1);
    c.bind(2, status);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(db, std::string("SELECT ") + kNeedColumns + " FROM eldercare_needs n" + where +
                        " AND (?3 = 0 OR n.id < ?3) ORDER BY n.id DESC LIMIT ?4");
    if (q.district) st.bind(1, *q.district);
    else st.bind_null(1);
    st.bind(2, status).bind(3, q.after).bind(4, q.limit);
    json items = json::array();
    int64_t last = 0;
    Step s;
    while ((s = st.step()) == Step::Row) items.push_back(need_json(st)), last = st.i64(0);
    if (s == Step::Error) return internal_error(st.error());
    return json_reply(page_json(std::move(items), q, total, last));
}

// ---- [SECTION] helpers ----------------------------------------------------------------------

const char* const kHelperColumns =
    "h.id, h.name_masked, h.phone_masked, h.birth_year, h.district_id, h.community, h.abilities, h.slots, "
    "h.walk_m, h.capacity, (SELECT count(*) FROM eldercare_pairs p WHERE p.helper_id = h.id AND p.status = 'active'), "
    "h.note, h.consent_at, h.created_at";

json helper_json(const Stmt& st) {
    return {{"id", st.i64(0)},
            {"name_masked", st.text(1)},
            {"phone_masked", st.text(2)},
            {"birth_year", st.is_null(3) ? json() : json(st.i64(3))},
            {"district_id", st.i64(4)},
            {"community", st.text(5)},
            {"abilities", json::parse(st.text(6), nullptr, false)},
            {"slots", json::parse(st.text(7), nullptr, false)},
            {"walk_m", st.i64(8)},
            {"capacity", st.i64(9)},
            {"load", st.i64(10)},
            {"note", st.text(11)},
            {"consent_at", format_cst(st.i64(12))},
            {"created_at", format_cst(st.i64(13))}};
}

// The account a phone logs in with (created when there is none). 0 on failure (logged).
Id account_for_phone(App& app, const std::string& phone) {
    Stmt st(app.db, "SELECT id FROM users WHERE phone = ?");
    st.bind(1, phone);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), 0;
    if (s == Step::Row) return st.i64(0);
    Stmt ins(app.db, "INSERT INTO users(phone, display_name, created_at) VALUES (?, '', ?)");
    ins.bind(1, phone).bind(2, app.now());
    if (!ins.exec()) return log_db_error(ins.error()), 0;
    return app.db.last_insert_rowid();
}

Reply create_helper(App& app, Id user, const json& body) {
    Fields f{body, {}};
    bool db_failed = false;
    std::string name = f.text(body, "name", "name", 2, 30, "name_length");
    std::string phone = f.phone(body, "phone", "phone", true);
    int64_t this_year = civil_from_days(cst_day(app.now())).year;
    auto birth = f.integer(body, "birth_year", "birth_year", 1900, this_year, false);
    auto district = f.district(app, db_failed);
    if (db_failed) return problem_reply(internal_problem());
    std::string community = f.text(body, "community", "community", 1, 40);
    uint32_t abilities = f.codes(body, "abilities", ec::service_bit, joined(ec::kServices, 5));
    uint32_t slots = f.codes(body, "slots", ec::slot_bit, joined(ec::kSlots, 14));
    auto walk = f.integer(body, "walk_m", "walk_m", 100, 5000, true);
    auto capacity = f.integer(body, "capacity", "capacity", 1, 5, false);
    double lat = f.number(body, "lat", -90, 90), lng = f.number(body, "lng", -180, 180);
    std::string note = f.text(body, "note", "note", 0, 500);
    f.consent();
    if (!f.errs.empty()) return invalid(std::move(f.errs));

    if (!app.db.begin()) return internal_error(app.db.last_error());
    auto fail = [&](const std::string& e) {
        app.db.rollback();
        return internal_error(e);
    };
    Id account = account_for_phone(app, phone);
    if (!account) return fail("helper account");
    int64_t now = app.now();
    auto sealed = seal(app, {{"name", name}, {"phone", phone}}, "eldercare_helper");
    Stmt ins(app.db,
             "INSERT INTO eldercare_helpers(user_id, district_id, community, name_masked, phone_masked, pii_cipher, "
             "birth_year, abilities, slots, walk_m, capacity, lat, lng, note, consent_at, created_by, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, account).bind(2, *district).bind(3, community).bind(4, mask_person_name(name)).bind(5, mask_phone(phone));
    if (sealed) ins.bind(6, std::string_view(*sealed));
    else ins.bind_null(6);
    if (birth) ins.bind(7, *birth);
    else ins.bind_null(7);
    ins.bind(8, names_of(abilities, ec::kServices, 5).dump()).bind(9, names_of(slots, ec::kSlots, 14).dump())
        .bind(10, *walk).bind(11, capacity.value_or(2)).bind(12, lat).bind(13, lng).bind(14, note).bind(15, now)
        .bind(16, user).bind(17, now);
    if (!ins.exec()) return fail(ins.error());
    Id id = app.db.last_insert_rowid();
    if (!app.db.commit()) return fail(app.db.last_error());
    Stmt st(app.db, std::string("SELECT ") + kHelperColumns + " FROM eldercare_helpers h WHERE h.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) return internal_error(st.error());
    return json_reply(helper_json(st), 201);
}

Reply list_helpers(Db& db, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(db, req, q, false)) return *bad;
    Stmt c(db, "SELECT count(*) FROM eldercare_helpers h WHERE (?1 IS NULL OR h.district_id = ?1)");
    if (q.district) c.bind(1, *q.district);
    else c.bind_null(1);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(db, std::string("SELECT ") + kHelperColumns +
                        " FROM eldercare_helpers h WHERE (?1 IS NULL OR h.district_id = ?1) AND (?2 = 0 OR h.id < ?2) "
                        "ORDER BY h.id DESC LIMIT ?3");
    if (q.district) st.bind(1, *q.district);
    else st.bind_null(1);
    st.bind(2, q.after).bind(3, q.limit);
    json items = json::array();
    int64_t last = 0;
    Step s;
    while ((s = st.step()) == Step::Row) items.push_back(helper_json(st)), last = st.i64(0);
    if (s == Step::Error) return internal_error(st.error());
    return json_reply(page_json(std::move(items), q, total, last));
}

}  // namespace

// ---- [SECTION] routes -----------------------------------------------------------------------

void register_eldercare_routes(App& app) {
    app.route("GET", R"(/api/v1/eldercare/needs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Db& db, Id) { return list_needs(db, req); });
    });
    app.route("POST", R"(/api/v1/eldercare/needs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        mutate_as_social_worker(a, req, res, [&](Id u, const json& b) { return create_need(a, u, b); }, true);
    });
    app.route("GET", R"(/api/v1/eldercare/helpers)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Db& db, Id) { return list_helpers(db, req); });
    });
    app.route("POST", R"(/api/v1/eldercare/helpers)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        mutate_as_social_worker(a, req, res, [&](Id u, const json& b) { return create_helper(a, u, b); }, true);
    });
    register_eldercare_pair_routes(app);
}

}  // namespace zygc::server
