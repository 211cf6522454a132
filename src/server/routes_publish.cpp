// [SECTION] Publishing: POST /projects (organizer of the team, or admin) and
// PATCH /projects/{id} (If-Match; edit fields, shifts, or close/reopen).
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/validate.h"
#include "server/mutation.h"
#include "server/eldercare.h"  // help requests (issue 13): publish_draft
#include "core/calendar.h"
#include "core/utf8.h"

namespace zygc::server {

namespace {

constexpr size_t kMaxShifts = 50;

struct OldShift {
    Id id = 0;
    int64_t start = 0, end = 0, capacity = 0, signed_up = 0, live = 0;
};

void add_once(std::vector<FieldError>& errs, FieldError e) {
    for (const auto& x : errs)
        if (x.field == e.field) return;
    if (e.code.empty()) e.code = "invalid";
    errs.push_back(std::move(e));
}
void add_once(std::vector<FieldError>& errs, const std::string& field, const char* code,
              const std::string& msg, Params params = {}) {
    add_once(errs, field_error(field, code, msg, std::move(params)));
}

// Does the row exist: nullopt when the query failed (logged).
std::optional<bool> exists(App& app, const char* sql, const SqlValue& v) {
    Stmt st(app.db, sql);
    st.bind(1, v);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), std::nullopt;
    return s == Step::Row;
}

struct Times {
    int64_t start = 0, end = 0;
};

// The shared checks (check_draft) plus what only the server knows. `old` are the project's
// current shifts (PATCH) matched by position; unchanged old shifts may lie in the past.
// `db_failed` is set when a lookup failed (the caller answers 500, whatever errs says).
std::vector<FieldError> validate(App& app, ProjectDraft& d, const std::vector<OldShift>& old,
                                 std::vector<Times>& times, bool& db_failed) {
    std::vector<FieldError> errs = with_codes(check_draft(d));
    int64_t now = app.now();
    if (d.brand && d.brand->empty()) d.brand.reset();
    auto missing = [&](const char* sql, const SqlValue& v) {
        auto e = exists(app, sql, v);
        if (!e) db_failed = true;
        return e && !*e;
    };
    if (d.team_id > 0 && missing("SELECT 1 FROM teams WHERE id = ?", d.team_id))
        add_once(errs, "team_id", "not_found", "队伍不存在");
    if (d.district_id > 0 && missing("SELECT 1 FROM districts WHERE id = ?", d.district_id))
        add_once(errs, "district_id", "not_found", "区县不存在");
    if (d.brand && missing("SELECT 1 FROM brands WHERE slug = ?", *d.brand))
        add_once(errs, "brand", "not_found", "品牌不存在");
    if (utf8_length(d.description) > 5000) add_once(errs, "description", "too_long", "项目介绍最多5000字", {{"max", "5000"}});
    if (utf8_length(d.summary) > 200) add_once(errs, "summary", "too_long", "摘要最多200字", {{"max", "200"}});
    if (utf8_length(d.site.name) > 100) add_once(errs, "site.name", "too_long", "地点名称最多100字", {{"max", "100"}});
    if (d.shifts.size() > kMaxShifts) add_once(errs, "shifts", "too_many", "最多50个班次", {{"max", "50"}});
    times.assign(d.shifts.size(), {});
    for (size_t i = 0; i < d.shifts.size() && i < kMaxShifts; ++i) {
        std::string at = "shifts[" + std::to_string(i) + "]";
        auto s = parse_rfc3339(d.shifts[i].start);
        auto e = parse_rfc3339(d.shifts[i].end);
        if (!s) add_once(errs, at + ".start", "time_format", "请填写开始时间（如 2026-12-01T09:00:00+08:00）");
        if (!e) add_once(errs, at + ".end", "time_format", "请填写结束时间（如 2026-12-01T11:00:00+08:00）");
        if (!s || !e) continue;
        times[i] = {*s, *e};
        if (*e <= *s) add_once(errs, at + ".end", "end_before_start", "结束时间需晚于开始时间");
        else if (*e - *s > 24 * 3600) add_once(errs, at + ".end", "shift_too_long", "一个班次不能超过24小时", {{"max_hours", "24"}});
        bool unchanged_start = i < old.size() && old[i].start == *s;
        if (!unchanged_start && *s <= now) add_once(errs, at + ".start", "in_past", "开始时间已过");
        if (i < old.size() && d.shifts[i].capacity < old[i].signed_up)
            add_once(errs, at + ".capacity", "below_signed_up",
                     "名额不能少于已报名人数（" + std::to_string(old[i].signed_up) + "）",
                     {{"signed_up", std::to_string(old[i].signed_up)}});
    }
    for (size_t i = d.shifts.size(); i < old.size(); ++i)
        if (old[i].live > 0) {
            add_once(errs, "shifts", "shift_has_signups", "已有人报名的班次不能删除");
            break;
        }
    return errs;
}

std::string summary_of(const ProjectDraft& d) {
    if (!d.summary.empty()) return d.summary;
    // The first 60 code points of the description's first line.
    std::string_view text = d.description;
    return std::string(utf8::truncate_chars(text.substr(0, text.find('\n')), 60));
}

Reply detail_reply(App& app, Id id, int status) {
    json j;
    std::string err;
    if (project_detail_json(app, id, j, err) != 1) return internal_error(err.empty() ? "project vanished" : err);
    Reply r = json_reply(j, status);
    r.headers.push_back({"ETag", etag_for(r.body)});
    r.headers.push_back({"Location", "/api/v1/projects/" + std::to_string(id)});
    return r;
}

Reply create_project(App& app, const ProjectDraft& d, const std::vector<Times>& times,
                     const std::function<bool(Id)>& also = {}) {
    if (!app.db.begin()) return internal_error(app.db.last_error());
    Stmt p(app.db,
           "INSERT INTO projects(team_id, title, summary, description, category, brand, district_id, "
           "status, site_name, site_lat, site_lng, site_radius_m) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)");
    p.bind(1, d.team_id).bind(2, d.title).bind(3, summary_of(d)).bind(4, d.description)
        .bind(5, d.category);
    if (d.brand) p.bind(6, *d.brand);
    else p.bind_null(6);
    p.bind(7, d.district_id).bind(8, d.site.name).bind(9, d.site.lat).bind(10, d.site.lng)
        .bind(11, d.site.radius_m);
    bool ok = p.exec();
    Id id = app.db.last_insert_rowid();
    for (size_t i = 0; ok && i < d.shifts.size(); ++i) {
        Stmt s(app.db, "INSERT INTO shifts(project_id, start_at, end_at, capacity, signed_up) VALUES (?, ?, ?, ?, 0)");
        s.bind(1, id).bind(2, times[i].start).bind(3, times[i].end).bind(4, d.shifts[i].capacity);
        ok = s.exec();
    }
    if (ok && also) ok = also(id);  // help requests (issue 13): the caller's writes, same transaction
    if (!ok || !app.db.commit()) {
        std::string e = app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return detail_reply(app, id, 201);
}

Reply publish(App& app, const httplib::Request& req, Id user, const json& body) {
    auto admin = has_role(app.db, user, "admin");
    auto leader = leads_any_team(app.db, user);
    if (!admin || !leader) return problem_reply(internal_problem());
    if (!*admin && !*leader) return forbidden_role("organizer", "只有队伍负责人可以发布项目");
    auto team = body.find("team_id");
    if (!*admin && team != body.end() && team->is_number_integer() && team->get<int64_t>() > 0) {
        auto leads = leads_team(app.db, user, team->get<int64_t>());
        if (!leads) return problem_reply(internal_problem());
        if (!*leads) return problem_reply(403, "not_team_leader", "你不是该队伍的负责人");
    }
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, false, idem.key)) return *bad;
    idem.active = !idem.key.empty();
    idem.user = user;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    Reply reply;
    auto d = decode_json<ProjectDraft>(body);
    if (!d.ok()) {
        reply = problem_reply(422, "invalid", "请检查填写的内容", {decode_field_error(*d.error)});
    } else {
        std::vector<Times> times;
        bool db_failed = false;
        auto errs = validate(app, d.value, {}, times, db_failed);
        reply = db_failed ? problem_reply(internal_problem())
                : errs.empty() ? create_project(app, d.value, times)
                               : problem_reply(422, "invalid", "请检查填写的内容", errs);
    }
    return idempotency_finish(app, idem, reply);
}

void post_project(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return publish(app, req, user, body); });
}

// The project as a draft (what PATCH merges the changes into); null when the project is
// gone or a query failed (`db_failed`, logged).
json current_draft(App& app, Id id, std::vector<OldShift>& old, bool& db_failed) {
    Stmt p(app.db,
           "SELECT team_id, title, summary, description, category, brand, district_id, site_name, "
           "site_lat, site_lng, site_radius_m FROM projects WHERE id = ?");
    p.bind(1, id);
    Step ps = p.step();
    if (ps != Step::Row) {
        if (ps == Step::Error) log_db_error(p.error()), db_failed = true;
        return json();
    }
    json j = {{"team_id", p.i64(0)},     {"title", p.text(1)},    {"summary", p.text(2)},
              {"description", p.text(3)}, {"category", p.text(4)},
              {"brand", p.is_null(5) ? json() : json(p.text(5))}, {"district_id", p.i64(6)},
              {"site", {{"name", p.text(7)}, {"lat", p.f64(8)}, {"lng", p.f64(9)}, {"radius_m", p.i64(10)}}}};
    j["shifts"] = json::array();
    Stmt s(app.db,
           "SELECT s.id, s.start_at, s.end_at, s.capacity, s.signed_up, "
           "(SELECT count(*) FROM signups g WHERE g.shift_id = s.id AND g.status = 'confirmed') "
           "FROM shifts s WHERE s.project_id = ? ORDER BY s.start_at, s.id");
    s.bind(1, id);
    Step ss;
    while ((ss = s.step()) == Step::Row) {
        old.push_back({s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4), s.i64(5)});
        j["shifts"].push_back({{"start", format_cst(s.i64(1))}, {"end", format_cst(s.i64(2))},
                               {"capacity", s.i64(3)}});
    }
    if (ss == Step::Error) log_db_error(s.error()), db_failed = true;
    return j;
}

bool apply_patch(App& app, Id id, const ProjectDraft& d, const std::vector<Times>& times,
                 const std::vector<OldShift>& old, const std::optional<std::string>& status,
                 bool fields) {
    bool ok = true;
    if (fields) {
        Stmt p(app.db,
               "UPDATE projects SET title = ?, summary = ?, description = ?, category = ?, brand = ?, "
               "district_id = ?, site_name = ?, site_lat = ?, site_lng = ?, site_radius_m = ? WHERE id = ?");
        p.bind(1, d.title).bind(2, summary_of(d)).bind(3, d.description).bind(4, d.category);
        if (d.brand) p.bind(5, *d.brand);
        else p.bind_null(5);
        p.bind(6, d.district_id).bind(7, d.site.name).bind(8, d.site.lat).bind(9, d.site.lng)
            .bind(10, d.site.radius_m).bind(11, id);
        ok = p.exec();
        for (size_t i = 0; ok && i < d.shifts.size(); ++i) {
            if (i < old.size()) {
                if (old[i].start == times[i].start && old[i].end == times[i].end &&
                    old[i].capacity == d.shifts[i].capacity)
                    continue;
                Stmt s(app.db, "UPDATE shifts SET start_at = ?, end_at = ?, capacity = ? WHERE id = ?");
                s.bind(1, times[i].start).bind(2, times[i].end).bind(3, d.shifts[i].capacity).bind(4, old[i].id);
                ok = s.exec();
            } else {
                Stmt s(app.db, "INSERT INTO shifts(project_id, start_at, end_at, capacity, signed_up) VALUES (?, ?, ?, ?, 0)");
                s.bind(1, id).bind(2, times[i].start).bind(3, times[i].end).bind(4, d.shifts[i].capacity);
                ok = s.exec();
            }
        }
        for (size_t i = d.shifts.size(); ok && i < old.size(); ++i) {
            Stmt s(app.db, "DELETE FROM shifts WHERE id = ?");
            s.bind(1, old[i].id);
            ok = s.exec();
        }
    }
    if (ok && status) {
        Stmt s(app.db, "UPDATE projects SET status = ? WHERE id = ?");
        s.bind(1, *status).bind(2, id);
        ok = s.exec();
    }
    return ok;
}

Reply patch(App& app, const httplib::Request& req, Id user, const json& body) {
    Reply not_found = problem_reply(404, "not_found", "项目不存在", {}, {{"resource", "project"}});
    auto id = path_id(req.matches[1]);
    if (!id) return not_found;
    Stmt p(app.db, "SELECT team_id FROM projects WHERE id = ?");
    p.bind(1, *id);
    Step ps = p.step();
    if (ps == Step::Error) return internal_error(p.error());
    if (ps == Step::Done) return not_found;
    int64_t team = p.i64(0);
    auto admin = has_role(app.db, user, "admin");
    if (!admin) return problem_reply(internal_problem());
    if (!*admin) {
        auto leads = leads_team(app.db, user, team);
        if (!leads) return problem_reply(internal_problem());
        if (!*leads) return problem_reply(403, "not_team_leader", "你不是该队伍的负责人");
    }
    if (!req.has_header("If-Match"))
        return problem_reply(428, "if_match_required", "请带上 If-Match（项目的 ETag）后再修改");
    json detail;
    std::string err;
    if (project_detail_json(app, *id, detail, err) != 1) return internal_error(err.empty() ? "project vanished" : err);
    if (!if_none_match_hits(req.get_header_value("If-Match"), etag_for(dump_json(detail))))
        return problem_reply(412, "stale", "项目已被其他人修改，请重新加载后再编辑");

    std::vector<FieldError> errs;
    std::optional<std::string> status;
    if (auto it = body.find("status"); it != body.end()) {
        if (it->is_string() && (*it == "open" || *it == "closed")) status = it->get<std::string>();
        else errs.push_back(field_error("status", "one_of", "must be open or closed", {{"allowed", "open,closed"}}));
    }
    static const std::set<std::string> kFields = {"team_id", "title", "summary", "description", "category",
                                                  "brand", "district_id", "site", "shifts"};
    std::vector<OldShift> old;
    bool db_failed = false;
    json merged = current_draft(app, *id, old, db_failed);
    if (db_failed) return problem_reply(internal_problem());
    bool fields = false;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!kFields.count(it.key())) continue;
        fields = true;
        if (it.key() == "team_id" && (!it.value().is_number_integer() || it.value().get<int64_t>() != team))
            errs.push_back(field_error("team_id", "team_fixed", "项目不能转到其他队伍"));
        merged[it.key()] = it.value();
    }
    ProjectDraft d;
    std::vector<Times> times;
    if (fields) {
        auto dec = decode_json<ProjectDraft>(merged);
        if (!dec.ok()) {
            errs.push_back(decode_field_error(*dec.error));
        } else {
            d = std::move(dec.value);
            for (auto& e : validate(app, d, old, times, db_failed)) add_once(errs, e);
            if (db_failed) return problem_reply(internal_problem());
        }
    }
    if (!errs.empty()) return problem_reply(422, "invalid", "请检查填写的内容", errs);
    if (!app.db.begin()) return internal_error(app.db.last_error());
    if (!apply_patch(app, *id, d, times, old, status, fields) || !app.db.commit()) {
        std::string e = app.db.last_error();
        app.db.rollback();
        return internal_error(e);
    }
    return detail_reply(app, *id, 200);
}

void patch_project(App& app, const httplib::Request& req, httplib::Response& res) {
    with_user_mutation(app, req, res, true, [&](Id user, const json& body) { return patch(app, req, user, body); });
}

}  // namespace

// help requests (issue 13): POST /projects' checks and insert for a request turned into a
// project; field names get `prefix`, `also` runs in the same transaction.
Reply publish_draft(App& app, const json& draft, const std::string& prefix, const std::function<bool(Id)>& also) {
    auto d = decode_json<ProjectDraft>(draft);
    std::vector<FieldError> errs;
    std::vector<Times> times;
    bool db_failed = false;
    if (!d.ok()) errs.push_back(decode_field_error(*d.error));
    else errs = validate(app, d.value, {}, times, db_failed);
    if (db_failed) return problem_reply(internal_problem());
    if (!errs.empty()) {
        for (auto& e : errs) e.field = prefix + e.field;
        return problem_reply(422, "invalid", "请检查填写的内容", errs);
    }
    return create_project(app, d.value, times, also);
}

void register_publish_routes(App& app) {
    app.route("POST", R"(/api/v1/projects)", post_project);
    app.route("PATCH", R"(/api/v1/projects/([^/]+))", patch_project);
}

}  // namespace zygc::server
