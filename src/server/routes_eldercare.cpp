// [SECTION] index: 老帮老 供需台账 (GET/POST /eldercare/needs, /eldercare/helpers) · pairing
// (GET /eldercare/matches, GET/POST /eldercare/pairs) · visits as hours records
// (POST /eldercare/pairs/{id}/visits) · shared list queries and masking. Social workers only.
//
// Personal data: the ledger keeps masked copies (张*华, 138****0001) for every answer and the
// full name and phones sealed with the server key (AES-256-GCM; not kept without a secret).
// Home coordinates are used for distances and never returned.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/idcard.h"
#include "core/utf8.h"
#include "server/crypto.h"
#include "server/eldercare.h"
#include "server/eldercare_match.h"

namespace zygc::server {

namespace ec = eldercare;

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

Reply bad_query(int status, const char* field, const char* code, const std::string& msg, Params params = {}) {
    return problem_reply(status, "invalid", msg, {field_error(field, code, msg, std::move(params))});
}

}  // namespace

std::optional<Reply> read_list_query(App& app, const httplib::Request& req, ListQuery& q, bool district_required) {
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
        Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
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

std::optional<bool> keeps_eldercare_team(App& app, Id user, Id team) {
    Stmt st(app.db, "SELECT 1 FROM eldercare_projects WHERE team_id = ?");
    st.bind(1, team);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), std::nullopt;
    if (s == Step::Done) return false;
    return has_role(app, user, "social_worker");
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

// ---- [SECTION] field checks -----------------------------------------------------------------

const char* const kMobility[] = {"independent", "cane", "wheelchair", "bedridden"};
constexpr int64_t kMaxVisitSeconds = 8 * 3600;

struct Fields {
    const json& body;
    std::vector<FieldError> errs;

    void fail(const std::string& field, const char* code, const std::string& msg, Params p = {}) {
        for (const auto& e : errs)
            if (e.field == field) return;
        errs.push_back(field_error(field, code, msg, std::move(p)));
    }
    const json* get(const json& obj, const std::string& key) const {
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    std::string text(const json& obj, const std::string& key, const std::string& field, size_t lo, size_t hi,
                     const char* code = "length") {
        const json* v = get(obj, key);
        if (!v) {
            if (lo > 0) fail(field, "required", "请填写" + field);
            return {};
        }
        if (!v->is_string()) return fail(field, "wrong_type", field + " 需为文字"), std::string();
        std::string s = v->get<std::string>();
        size_t n = utf8_length(s);
        if (n < lo || n > hi)
            fail(field, code, field + " 需为" + std::to_string(lo) + "到" + std::to_string(hi) + "个字",
                 {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
        for (unsigned char c : s)
            if (c < 0x20 && c != '\n') return fail(field, "control_chars", field + " 含有无效字符"), s;
        return s;
    }
    std::string phone(const json& obj, const std::string& key, const std::string& field, bool required) {
        const json* v = get(obj, key);
        if (!v) {
            if (required) fail(field, "required", "请填写手机号");
            return {};
        }
        if (!v->is_string() || !valid_phone(v->get<std::string>()))
            return fail(field, "phone_format", "请填写11位手机号"), std::string();
        return v->get<std::string>();
    }
    std::optional<int64_t> integer(const json& obj, const std::string& key, const std::string& field, int64_t lo,
                                   int64_t hi, bool required) {
        const json* v = get(obj, key);
        if (!v) {
            if (required) fail(field, "required", "请填写" + field);
            return std::nullopt;
        }
        if (!v->is_number_integer()) return fail(field, "wrong_type", field + " 需为整数"), std::nullopt;
        int64_t x = v->get<int64_t>();
        if (x < lo || x > hi)
            return fail(field, "range", field + " 需在" + std::to_string(lo) + "到" + std::to_string(hi) + "之间",
                        {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}}),
                   std::nullopt;
        return x;
    }
    double number(const json& obj, const std::string& key, double lo, double hi) {
        const json* v = get(obj, key);
        if (!v || !v->is_number()) return fail(key, v ? "wrong_type" : "required", "请在地图上选择住址"), 0.0;
        double x = v->get<double>();
        if (!(x >= lo && x <= hi)) fail(key, "invalid", "坐标无效");
        return x;
    }
    // A non-empty list of codes from `allowed` (as a bit set; deduplicated).
    uint32_t codes(const json& obj, const std::string& key, int (*bit)(const std::string&), const std::string& allowed) {
        const json* v = get(obj, key);
        if (!v) return fail(key, "required", "请至少选择一项"), 0u;
        if (!v->is_array()) return fail(key, "wrong_type", key + " 需为列表"), 0u;
        uint32_t bits = 0;
        for (const auto& x : *v) {
            int b = x.is_string() ? bit(x.get<std::string>()) : -1;
            if (b < 0) return fail(key, "one_of", key + " 含有未知的选项", {{"allowed", allowed}}), 0u;
            bits |= 1u << b;
        }
        if (!bits) fail(key, "required", "请至少选择一项");
        return bits;
    }
    std::optional<Id> district(App& app, bool& db_failed) {
        auto d = integer(body, "district_id", "district_id", 1, INT64_MAX / 2, true);
        if (!d) return std::nullopt;
        Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
        st.bind(1, *d);
        Step s = st.step();
        if (s == Step::Error) return log_db_error(st.error()), db_failed = true, std::nullopt;
        if (s == Step::Done) return fail("district_id", "not_found", "区县不存在"), std::nullopt;
        return d;
    }
    void consent() {
        const json* v = get(body, "consent");
        if (!v || !v->is_boolean() || !v->get<bool>())
            fail("consent", "consent_required", "需本人或监护人同意登记个人信息");
    }
};

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

std::optional<Reply> social_worker_only(App& app, Id user) {
    auto sw = has_role(app, user, "social_worker");
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

Reply invalid(std::vector<FieldError> errs) { return problem_reply(422, "invalid", "请检查填写的内容", std::move(errs)); }

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

Reply list_needs(App& app, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(app, req, q, false)) return *bad;
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
    Stmt c(app.db, "SELECT count(*) FROM eldercare_needs n" + where);
    if (q.district) c.bind(1, *q.district);
    else c.bind_null(1);
    c.bind(2, status);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(app.db, std::string("SELECT ") + kNeedColumns + " FROM eldercare_needs n" + where +
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

Reply list_helpers(App& app, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(app, req, q, false)) return *bad;
    Stmt c(app.db, "SELECT count(*) FROM eldercare_helpers h WHERE (?1 IS NULL OR h.district_id = ?1)");
    if (q.district) c.bind(1, *q.district);
    else c.bind_null(1);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(app.db, std::string("SELECT ") + kHelperColumns +
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

// ---- [SECTION] matching ---------------------------------------------------------------------

struct Brief {
    std::string name_masked, community, list;  // list: needs / abilities JSON
};

struct District {
    std::vector<ec::Need> needs;  // open needs
    std::vector<ec::Helper> helpers;
    std::map<Id, Brief> need_brief, helper_brief;
};

bool load_district(App& app, Id district, District& d) {
    Stmt n(app.db,
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
    Stmt h(app.db,
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

Reply matches(App& app, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(app, req, q, true)) return *bad;
    District d;
    if (!load_district(app, *q.district, d)) return problem_reply(internal_problem());
    auto chosen = ec::assign(d.needs, d.helpers);
    size_t feasible = ec::feasible_pairs(d.needs, d.helpers).size();
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

Reply list_pairs(App& app, const httplib::Request& req) {
    ListQuery q;
    if (auto bad = read_list_query(app, req, q, false)) return *bad;
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
    Stmt c(app.db, "SELECT count(*) FROM eldercare_pairs p " + where);
    if (q.district) c.bind(1, *q.district);
    else c.bind_null(1);
    c.bind(2, overdue).bind(3, now);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(app.db, std::string(kPairSelect) + where + "AND (?4 = 0 OR p.id < ?4) ORDER BY p.id DESC LIMIT ?5");
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

// ---- [SECTION] routes -----------------------------------------------------------------------

void as_social_worker(App& app, const httplib::Request& req, httplib::Response& res,
                      const std::function<Reply(Id)>& fn) {
    with_user(app, req, res, [&](Id user) -> Reply {
        if (auto bad = social_worker_only(app, user)) return *bad;
        return fn(user);
    });
}
void mutate_as_social_worker(App& app, const httplib::Request& req, httplib::Response& res,
                             const std::function<Reply(Id, const json&)>& fn, bool idempotent_post) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) -> Reply {
        if (auto bad = social_worker_only(app, user)) return *bad;
        if (!idempotent_post) return fn(user, body);
        return idempotent(app, req, user, body, [&] { return fn(user, body); });
    });
}

}  // namespace

void register_eldercare_routes(App& app) {
    app.route("GET", R"(/api/v1/eldercare/needs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Id) { return list_needs(a, req); });
    });
    app.route("POST", R"(/api/v1/eldercare/needs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        mutate_as_social_worker(a, req, res, [&](Id u, const json& b) { return create_need(a, u, b); }, true);
    });
    app.route("GET", R"(/api/v1/eldercare/helpers)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Id) { return list_helpers(a, req); });
    });
    app.route("POST", R"(/api/v1/eldercare/helpers)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        mutate_as_social_worker(a, req, res, [&](Id u, const json& b) { return create_helper(a, u, b); }, true);
    });
    app.route("GET", R"(/api/v1/eldercare/matches)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Id) { return matches(a, req); });
    });
    app.route("GET", R"(/api/v1/eldercare/pairs)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        as_social_worker(a, req, res, [&](Id) { return list_pairs(a, req); });
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
