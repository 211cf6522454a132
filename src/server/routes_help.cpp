// [SECTION] 有困难找志愿者 (issue 13): POST /help-requests (any logged-in resident),
// GET /help-requests?district_id (organizers of a team in that district, admins),
// GET /me/help-requests (the requester), PATCH /help-requests/{id} (take · close · convert
// into a project with shifts, published as POST /projects does, in one transaction).
#include <string>

#include "core/calendar.h"
#include "core/idcard.h"
#include "server/eldercare.h"

namespace zygc::server {

namespace {

const char* const kCategories[] = {"elderly", "disability", "children", "community", "environment", "civility",
                                   "emergency", "events", "culture", "education", "health"};
const char* const kCategoryList = "elderly,disability,children,community,environment,civility,emergency,events,culture,education,health";

const char* const kSelect =
    "SELECT r.id, r.title, r.description, r.district_id, r.category, r.status, r.user_id, u.display_name, u.phone, "
    "r.team_id, t.name, r.project_id, r.note, r.created_at, r.updated_at "
    "FROM help_requests r JOIN users u ON u.id = r.user_id LEFT JOIN teams t ON t.id = r.team_id ";

json request_json(const Stmt& st, Id viewer) {
    std::string phone = st.is_null(8) ? "" : st.text(8);
    return {{"id", st.i64(0)},
            {"title", st.text(1)},
            {"description", st.text(2)},
            {"district_id", st.i64(3)},
            {"category", st.text(4)},
            {"status", st.text(5)},
            {"mine", st.i64(6) == viewer},
            {"requester", {{"display_name", mask_person_name(st.text(7))},
                           {"phone_masked", phone.empty() ? json() : json(mask_phone(phone))}}},
            {"team", st.is_null(9) ? json() : json({{"id", st.i64(9)}, {"name", st.text(10)}})},
            {"project_id", st.is_null(11) ? json() : json(st.i64(11))},
            {"note", st.text(12)},
            {"created_at", format_cst(st.i64(13))},
            {"updated_at", format_cst(st.i64(14))}};
}

Reply request_reply(App& app, Id id, Id viewer, int status) {
    Stmt st(app.db, std::string(kSelect) + "WHERE r.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) return internal_error(st.error().empty() ? "help request vanished" : st.error());
    return json_reply(request_json(st, viewer), status);
}

Reply invalid(std::vector<FieldError> errs) { return problem_reply(422, "invalid", "请检查填写的内容", std::move(errs)); }

std::optional<std::string> text_field(const json& body, const char* key, size_t lo, size_t hi, bool required,
                                      std::vector<FieldError>& errs) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        if (required) errs.push_back(field_error(key, "required", std::string("请填写") + key));
        return std::nullopt;
    }
    if (!it->is_string()) return errs.push_back(field_error(key, "wrong_type", "需为文字")), std::nullopt;
    std::string s = it->get<std::string>();
    size_t n = utf8_length(s);
    if (n < lo || n > hi)
        errs.push_back(field_error(key, "length", std::string(key) + " 需为" + std::to_string(lo) + "到" + std::to_string(hi) + "个字",
                                   {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}}));
    return s;
}

// Does the user lead a team in the district (or is an admin)? nullopt: database failed.
std::optional<bool> district_organizer(Db& db, Id user, Id district) {
    auto admin = has_role(db, user, "admin");
    if (!admin || *admin) return admin;
    Stmt st(db,
            "SELECT 1 FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ? AND m.role = 'leader' "
            "AND t.district_id = ?");
    st.bind(1, user).bind(2, district);
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error()), std::nullopt;
    return s == Step::Row;
}

Reply not_district_organizer() {
    return problem_reply(403, "not_district_organizer", "只有该区县队伍的负责人可以查看和承接求助");
}

Reply create(App& app, const httplib::Request& req, Id user, const json& body) {
    Idempotency idem;
    if (auto bad = read_idempotency_key(req, false, idem.key)) return *bad;
    idem.active = !idem.key.empty();
    idem.user = user;
    if (auto replay = idempotency_begin(app, req, idem, body)) return *replay;
    auto run = [&]() -> Reply {
        std::vector<FieldError> errs;
        auto title = text_field(body, "title", 4, 60, true, errs);
        auto description = text_field(body, "description", 1, 2000, true, errs);
        std::string category = "community";
        if (auto it = body.find("category"); it != body.end() && !it->is_null()) {
            bool known = false;
            for (const char* c : kCategories) known = known || (it->is_string() && *it == c);
            if (!known) errs.push_back(field_error("category", "one_of", "请选择服务类别", {{"allowed", kCategoryList}}));
            else category = it->get<std::string>();
        }
        int64_t district = 0;
        auto d = body.find("district_id");
        if (d == body.end() || !d->is_number_integer()) {
            errs.push_back(field_error("district_id", d == body.end() ? "required" : "wrong_type", "请选择区县"));
        } else {
            district = d->get<int64_t>();
            Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
            st.bind(1, district);
            Step s = st.step();
            if (s == Step::Error) return internal_error(st.error());
            if (s == Step::Done) errs.push_back(field_error("district_id", "not_found", "区县不存在"));
        }
        if (!errs.empty()) return invalid(std::move(errs));
        int64_t now = app.now();
        Stmt ins(app.db,
                 "INSERT INTO help_requests(user_id, district_id, title, description, category, status, created_at, "
                 "updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)");
        ins.bind(1, user).bind(2, district).bind(3, *title).bind(4, *description).bind(5, category).bind(6, now).bind(7, now);
        if (!ins.exec()) return internal_error(ins.error());
        return request_reply(app, app.db.last_insert_rowid(), user, 201);
    };
    return idempotency_finish(app, idem, run());
}

// Reads only (on a reader): a district's requests for its organizers, or mine.
Reply list(Db& db, const httplib::Request& req, Id user, bool mine) {
    ListQuery q;
    if (auto bad = read_list_query(db, req, q, !mine)) return *bad;
    std::string status;
    if (!mine && req.has_param("status")) {
        status = req.get_param_value("status");
        if (status != "open" && status != "taken" && status != "closed" && status != "converted")
            return problem_reply(422, "invalid", "status 无效",
                                 {field_error("status", "one_of", "status", {{"allowed", "open,taken,closed,converted"}})});
    }
    if (!mine) {
        auto ok = district_organizer(db, user, *q.district);
        if (!ok) return problem_reply(internal_problem());
        if (!*ok) return not_district_organizer();
    }
    std::string where = mine ? "WHERE r.user_id = ?1 " : "WHERE r.district_id = ?1 AND (?2 = '' OR r.status = ?2) ";
    auto bind_filter = [&](Stmt& st) {
        st.bind(1, mine ? user : *q.district).bind(2, status);
    };
    Stmt c(db, "SELECT count(*) FROM help_requests r " + where);
    bind_filter(c);
    if (c.step() != Step::Row) return internal_error(c.error());
    int64_t total = c.i64(0);
    Stmt st(db, std::string(kSelect) + where + "AND (?3 = 0 OR r.id < ?3) ORDER BY r.id DESC LIMIT ?4");
    bind_filter(st);
    st.bind(3, q.after).bind(4, q.limit);
    json items = json::array();
    int64_t last = 0;
    Step s;
    while ((s = st.step()) == Step::Row) items.push_back(request_json(st, user)), last = st.i64(0);
    if (s == Step::Error) return internal_error(st.error());
    return json_reply(page_json(std::move(items), q, total, last));
}

Reply wrong_state(const std::string& status) {
    return problem_reply(409, "help_request_state", "这条求助现在是“" + status + "”状态，不能这样处理", {}, {{"status", status}});
}

Reply patch(App& app, const httplib::Request& req, Id user, const json& body) {
    Reply not_found = problem_reply(404, "not_found", "求助不存在", {}, {{"resource", "help_request"}});
    auto id = path_id(req.matches[1]);
    if (!id) return not_found;
    Stmt r(app.db, "SELECT user_id, district_id, status, team_id, title, description, category FROM help_requests WHERE id = ?");
    r.bind(1, *id);
    Step rs = r.step();
    if (rs == Step::Error) return internal_error(r.error());
    if (rs == Step::Done) return not_found;
    Id requester = r.i64(0), district = r.i64(1);
    std::string status = r.text(2);
    Id taken_by = r.is_null(3) ? 0 : r.i64(3);  // 0: not taken

    std::vector<FieldError> errs;
    std::string action;
    if (auto a = body.find("action"); a != body.end() && a->is_string()) action = a->get<std::string>();
    if (action != "take" && action != "close" && action != "convert")
        return invalid({field_error("action", "one_of", "请选择处理方式", {{"allowed", "take,close,convert"}})});
    auto note = text_field(body, "note", 0, 500, false, errs);
    std::optional<Id> team;
    if (action != "close") {
        auto t = body.find("team_id");
        if (t == body.end() || !t->is_number_integer() || t->get<int64_t>() < 1)
            errs.push_back(field_error("team_id", t == body.end() ? "required" : "wrong_type", "请选择承接的队伍"));
        else team = t->get<int64_t>();
    }
    if (!errs.empty()) return invalid(std::move(errs));
    int64_t now = app.now();

    if (action == "close") {
        bool own = user == requester;
        if (!own) {
            auto ok = district_organizer(app.db, user, district);
            if (!ok) return problem_reply(internal_problem());
            if (!*ok) return problem_reply(403, "not_requester", "只有求助人或该区县队伍的负责人可以关闭");
            if (taken_by) {
                auto leads = leads_team(app.db, user, taken_by);
                auto admin = has_role(app.db, user, "admin");
                if (!leads || !admin) return problem_reply(internal_problem());
                if (!*leads && !*admin) return problem_reply(403, "not_team_leader", "只有承接队伍的负责人可以关闭", {}, {{"team", std::to_string(taken_by)}});
            }
        }
        if (status != "open" && status != "taken") return wrong_state(status);
        Stmt up(app.db, "UPDATE help_requests SET status = 'closed', note = ?, updated_at = ? WHERE id = ?");
        up.bind(1, note.value_or("")).bind(2, now).bind(3, *id);
        if (!up.exec()) return internal_error(up.error());
        return request_reply(app, *id, user, 200);
    }

    // take / convert: an organizer leading `team`, a team of the request's district.
    Stmt t(app.db, "SELECT district_id FROM teams WHERE id = ?");
    t.bind(1, *team);
    Step ts = t.step();
    if (ts == Step::Error) return internal_error(t.error());
    if (ts == Step::Done) return invalid({field_error("team_id", "not_found", "队伍不存在")});
    auto admin = has_role(app.db, user, "admin");
    auto leads = leads_team(app.db, user, *team);
    if (!admin || !leads) return problem_reply(internal_problem());
    if (!*admin && !*leads) return problem_reply(403, "not_team_leader", "你不是该队伍的负责人", {}, {{"team", std::to_string(*team)}});
    if (t.i64(0) != district) return not_district_organizer();
    bool open_or_ours = status == "open" || (status == "taken" && taken_by == *team);

    if (action == "take") {
        if (status != "open") return wrong_state(status);
        Stmt up(app.db, "UPDATE help_requests SET status = 'taken', team_id = ?, note = ?, updated_at = ? WHERE id = ? AND status = 'open'");
        up.bind(1, *team).bind(2, note.value_or("")).bind(3, now).bind(4, *id);
        if (!up.exec()) return internal_error(up.error());
        return request_reply(app, *id, user, 200);
    }

    // convert
    if (!open_or_ours) return wrong_state(status);
    json draft = json::object();
    if (auto p = body.find("project"); p != body.end()) {
        if (!p->is_object()) return invalid({field_error("project", "wrong_type", "project 需为对象")});
        draft = *p;
    }
    draft["team_id"] = *team;
    if (!draft.contains("title")) draft["title"] = r.text(4);
    if (!draft.contains("description")) draft["description"] = r.text(5);
    if (!draft.contains("district_id")) draft["district_id"] = district;
    if (!draft.contains("category")) draft["category"] = r.text(6);
    if (!draft.contains("summary")) draft["summary"] = "";
    if (!draft.contains("brand")) draft["brand"] = nullptr;
    Reply made = publish_draft(app, draft, "project.", [&](Id project) {
        Stmt up(app.db,
                "UPDATE help_requests SET status = 'converted', team_id = ?, project_id = ?, note = ?, updated_at = ? "
                "WHERE id = ?");
        up.bind(1, *team).bind(2, project).bind(3, note.value_or("")).bind(4, now).bind(5, *id);
        if (!up.exec()) return log_db_error(up.error()), false;
        return true;
    });
    if (made.status != 201) return made;
    return request_reply(app, *id, user, 200);
}

}  // namespace

void register_help_routes(App& app) {
    app.route("POST", R"(/api/v1/help-requests)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id u, const json& b) { return create(a, req, u, b); });
    });
    app.route("GET", R"(/api/v1/help-requests)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_read(a, req, res, [&](Db& db, Id u, bool) -> std::optional<Reply> { return list(db, req, u, false); });
    });
    app.route("GET", R"(/api/v1/me/help-requests)", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_read(a, req, res, [&](Db& db, Id u, bool) -> std::optional<Reply> { return list(db, req, u, true); });
    });
    app.route("PATCH", R"(/api/v1/help-requests/([^/]+))", [](App& a, const httplib::Request& req, httplib::Response& res) {
        with_user_mutation(a, req, res, true, [&](Id u, const json& b) { return patch(a, req, u, b); });
    });
}

}  // namespace zygc::server
