// [SECTION] Catalogue reads: districts, city stats, brands, teams, projects.
#include <cmath>
#include <string>
#include <vector>

#include "core/codec.h"
#include "server/app.h"
#include "server/http_util.h"
#include "server/mutation.h"
#include "core/calendar.h"

namespace zygc::server {

namespace {

using json = nlohmann::json;

constexpr int kBrandProjectsMax = 50;

// 404 not_found {resource: project|brand|team}; the app words it from the code.
void not_found(const httplib::Request& req, httplib::Response& res, const char* resource) {
    const std::string zh = std::string(resource) == "project" ? "项目" : std::string(resource) == "brand" ? "品牌" : "队伍";
    send_problem(req, res, make_problem(404, Code{"not_found"}, zh + "不存在", {}, {{"resource", resource}}));
}

void db_failure(const httplib::Request& req, httplib::Response& res, const std::string& e) {
    std::fprintf(stderr, "zygc-server: database error: %s\n", e.c_str());
    send_problem(req, res, internal_problem());
}

std::vector<std::string> json_strings(const std::string& text) {
    std::vector<std::string> out;
    json j = json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& x : j)
        if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

std::vector<BrandStat> json_stats(const std::string& text) {
    std::vector<BrandStat> out;
    json j = json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& x : j) {
        if (!x.is_object()) continue;
        BrandStat s;
        if (x.contains("label") && x["label"].is_string()) s.label = x["label"].get<std::string>();
        if (x.contains("value")) s.value = x["value"].is_string() ? x["value"].get<std::string>()
                                                                  : x["value"].dump();
        out.push_back(std::move(s));
    }
    return out;
}

double distance_m(double lat1, double lng1, double lat2, double lng2) {
    constexpr double r = 6371000.0, rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlng = (lng2 - lng1) * rad;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlng / 2) * std::sin(dlng / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}

// ---- projects ---------------------------------------------------------------------------

constexpr const char* kProjectSelect = R"SQL(
SELECT p.id, p.title, p.summary, p.category, p.brand, COALESCE(b.name, ''), p.team_id, t.name,
       p.district_id, d.name, p.site_name, p.site_lat, p.site_lng, p.site_radius_m, p.status,
       a.first_start, a.last_end, COALESCE(a.capacity, 0), COALESCE(a.signed_up, 0),
       p.description
FROM projects p
JOIN teams t ON t.id = p.team_id
JOIN districts d ON d.id = p.district_id
LEFT JOIN brands b ON b.slug = p.brand
LEFT JOIN (SELECT project_id, MIN(start_at) AS first_start, MAX(end_at) AS last_end,
                  SUM(capacity) AS capacity, SUM(signed_up) AS signed_up
           FROM shifts GROUP BY project_id) a ON a.project_id = p.id
)SQL";

Project read_project(const Stmt& st, bool detail) {
    Project p;
    p.id = st.i64(0);
    p.title = st.text(1);
    p.summary = st.text(2);
    p.category = st.text(3);
    if (!st.is_null(4)) p.brand = st.text(4);
    p.brand_name = st.text(5);
    p.team_id = st.i64(6);
    p.team_name = st.text(7);
    p.district_id = st.i64(8);
    p.district_name = st.text(9);
    p.site.name = st.text(10);
    p.site.lat = st.f64(11);
    p.site.lng = st.f64(12);
    p.site.radius_m = st.i64(13);
    p.status = st.text(14);
    if (!st.is_null(15)) p.start = format_cst(st.i64(15));
    if (!st.is_null(16)) p.end = format_cst(st.i64(16));
    p.capacity = st.i64(17);
    p.signed_up = st.i64(18);
    if (detail) p.description = st.text(19);
    return p;
}

// Runs kProjectSelect + where + order + limit/offset.
bool query_projects(App& app, const std::string& where, const std::vector<SqlValue>& args,
                    const std::string& order, int64_t limit, int64_t offset,
                    std::vector<Project>& out, std::string& err) {
    std::string sql = std::string(kProjectSelect) + where + " ORDER BY " + order +
                      " LIMIT ? OFFSET ?";
    Stmt st(app.db, sql);
    if (!st.ok()) {
        err = st.error();
        return false;
    }
    st.bind_all(args);
    st.bind(static_cast<int>(args.size()) + 1, limit).bind(static_cast<int>(args.size()) + 2, offset);
    while (st.step() == Step::Row) out.push_back(read_project(st, false));
    if (st.failed()) {
        err = st.error();
        return false;
    }
    return true;
}

constexpr const char* kOrderStart = "(a.first_start IS NULL), a.first_start, p.id";

// A filter naming a row that does not exist is 422 on its field; a failed lookup is a
// database error (500), never a claim about the request. False when the answer was sent.
bool check_exists(App& app, const char* sql, const SqlValue& v, Query& qp, const char* field,
                  const char* message, const httplib::Request& req, httplib::Response& res) {
    Stmt st(app.db, sql);
    st.bind(1, v);
    Step s = st.step();
    if (s == Step::Error) return db_failure(req, res, st.error()), false;
    if (s == Step::Done) qp.invalid(field, message);
    return true;
}

void get_projects(App& app, const httplib::Request& req, httplib::Response& res) {
    Query qp(req);
    auto q = qp.text("q");
    auto district = qp.id("district_id");
    auto team = qp.id("team_id");
    auto brand = qp.text("brand");
    auto category = qp.text("category");
    auto status = qp.one_of("status", {"open", "closed"});
    auto from = qp.date("date_from");
    auto to = qp.date("date_to");
    auto sort = qp.one_of("sort", {"start", "-start", "popular", "distance"});
    auto lat = qp.number("lat", -90, 90);
    auto lng = qp.number("lng", -180, 180);
    int limit = qp.limit();
    if (category && !find_category(*category)) qp.invalid("category", "unknown category code");
    if (from && to && *from > *to) qp.invalid("date_to", "must not be before date_from");
    if (req.has_param("lat") != req.has_param("lng"))
        qp.invalid(req.has_param("lat") ? "lng" : "lat", "lat and lng must be given together");
    if (sort && *sort == "distance" && !req.has_param("lat") && !req.has_param("lng")) {
        qp.invalid("lat", "required when sort=distance");
        qp.invalid("lng", "required when sort=distance");
    }

    // The cursor is bound to everything that shapes the result order.
    std::string canon;
    for (const char* k : {"q", "district_id", "team_id", "brand", "category", "status",
                          "date_from", "date_to", "sort", "lat", "lng"})
        canon += std::string(k) + "=" + (req.has_param(k) ? req.get_param_value(k) : "") + "\x1f";
    int64_t offset = qp.cursor(fnv1a64(canon));

    std::lock_guard lock(app.db_mutex);
    if (qp.ok()) {
        if (district && !check_exists(app, "SELECT 1 FROM districts WHERE id = ?", *district, qp,
                                      "district_id", "no such district", req, res))
            return;
        if (team && !check_exists(app, "SELECT 1 FROM teams WHERE id = ?", *team, qp, "team_id",
                                  "no such team", req, res))
            return;
        if (brand && !check_exists(app, "SELECT 1 FROM brands WHERE slug = ?", *brand, qp, "brand",
                                   "no such brand", req, res))
            return;
    }
    if (!qp.ok()) return send_problem(req, res, qp.problem());

    std::string where = " WHERE 1";
    std::vector<SqlValue> args;
    if (q) {
        if (utf8_length(*q) >= 3) {
            // Trigram index: the whole query as one quoted phrase = substring match.
            std::string phrase = "\"";
            for (char c : *q) {
                if (c == '"') phrase += "\"\"";
                else phrase += c;
            }
            phrase += "\"";
            where += " AND p.id IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?)";
            args.push_back(phrase);
        } else {
            // Too short for trigrams: scan (ASCII case-insensitive, like the index).
            where += " AND (instr(lower(p.title), lower(?)) > 0"
                     " OR instr(lower(p.summary), lower(?)) > 0"
                     " OR instr(lower(p.description), lower(?)) > 0)";
            for (int i = 0; i < 3; ++i) args.push_back(*q);
        }
    }
    if (district) where += " AND p.district_id = ?", args.push_back(*district);
    if (team) where += " AND p.team_id = ?", args.push_back(*team);
    if (brand) where += " AND p.brand = ?", args.push_back(*brand);
    if (category) where += " AND p.category = ?", args.push_back(*category);
    if (status) where += " AND p.status = ?", args.push_back(*status);
    if (from || to) {
        where += " AND EXISTS (SELECT 1 FROM shifts s WHERE s.project_id = p.id";
        if (from) where += " AND s.start_at >= ?", args.push_back(*from * 86400 - kCstOffsetSeconds);
        if (to) where += " AND s.start_at < ?", args.push_back((*to + 1) * 86400 - kCstOffsetSeconds);
        where += ")";
    }

    std::string order = kOrderStart;
    std::vector<SqlValue> order_args;
    std::string s = sort.value_or("start");
    if (s == "-start") {
        order = "(a.first_start IS NULL), a.first_start DESC, p.id DESC";
    } else if (s == "popular") {
        order = "COALESCE(a.signed_up, 0) DESC, p.id";
    } else if (s == "distance") {
        // Equirectangular distance: exact enough to order sites within a city.
        double k = std::cos(*lat * M_PI / 180.0);
        order = "((p.site_lat - ?) * (p.site_lat - ?) + (p.site_lng - ?) * (p.site_lng - ?) * ?), p.id";
        order_args = {*lat, *lat, *lng, *lng, k * k};
    }

    Stmt count(app.db, "SELECT count(*) FROM projects p" + where);
    count.bind_all(args);
    if (count.step() != Step::Row) return db_failure(req, res, count.error());
    int64_t total = count.i64(0);

    std::vector<SqlValue> all = args;
    all.insert(all.end(), order_args.begin(), order_args.end());
    Page<Project> page;
    std::string err;
    if (!query_projects(app, where, all, order, limit, offset, page.items, err))
        return db_failure(req, res, err);
    page.total = total;
    if (offset + limit < total) page.next_cursor = make_cursor(offset + limit, fnv1a64(canon));
    json j = encode(page);
    if (lat && lng)
        for (size_t i = 0; i < page.items.size(); ++i)
            j["items"][i]["distance_m"] = std::llround(
                distance_m(*lat, *lng, page.items[i].site.lat, page.items[i].site.lng));
    send_json(req, res, j);
}

void get_project(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (!id) return not_found(req, res, "project");
    std::lock_guard lock(app.db_mutex);
    json j;
    std::string err;
    int found = project_detail_json(app, *id, j, err);
    if (found < 0) return db_failure(req, res, err);
    if (found == 0) return not_found(req, res, "project");
    send_json(req, res, j);
}

}  // namespace

int project_detail_json(App& app, int64_t id, json& j, std::string& err) {
    Stmt st(app.db, std::string(kProjectSelect) + " WHERE p.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) {
        if (st.failed()) {
            err = st.error();
            return -1;
        }
        return 0;
    }
    Project p = read_project(st, true);
    Stmt sh(app.db,
            "SELECT id, start_at, end_at, capacity, signed_up FROM shifts WHERE project_id = ? "
            "ORDER BY start_at, id");
    sh.bind(1, id);
    while (sh.step() == Step::Row)
        p.shifts.push_back({sh.i64(0), format_cst(sh.i64(1)), format_cst(sh.i64(2)), sh.i64(3),
                            sh.i64(4)});
    if (sh.failed()) {
        err = sh.error();
        return -1;
    }
    j = encode(p);
    if (!j.contains("shifts")) j["shifts"] = json::array();
    if (!j.contains("description")) j["description"] = "";
    return 1;
}

namespace {

// ---- districts & stats ------------------------------------------------------------------

void get_districts(App& app, const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(app.db_mutex);
    std::vector<District> out;
    Stmt st(app.db, "SELECT id, name, population FROM districts ORDER BY id");
    while (st.step() == Step::Row) out.push_back({st.i64(0), st.text(1), st.i64(2)});
    if (st.failed()) return db_failure(req, res, st.error());
    send_json(req, res, encode(out));
}

void get_city_stats(App& app, const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(app.db_mutex);
    CityStats cs;
    Stmt st(app.db,
            "SELECT id, name, population, registered_volunteers, service_minutes + "
            // hours: the seeded baseline plus certified minutes recorded since (issue 9)
            "COALESCE((SELECT SUM(a.minutes) FROM attendance a JOIN projects p ON p.id = a.project_id "
            "WHERE p.district_id = districts.id AND a.certified = 1 AND a.corrected_by IS NULL), 0) "
            "FROM districts ORDER BY id");
    while (st.step() == Step::Row) {
        DistrictStats d{st.i64(0), st.text(1), st.i64(2), st.i64(3), st.i64(4)};
        cs.registered_volunteers += d.registered_volunteers;
        cs.resident_population += d.population;
        cs.service_minutes += d.service_minutes;
        cs.by_district.push_back(std::move(d));
    }
    if (st.failed()) return db_failure(req, res, st.error());
    Stmt counts(app.db, "SELECT (SELECT count(*) FROM teams), (SELECT count(*) FROM projects)");
    if (counts.step() != Step::Row) return db_failure(req, res, counts.error());
    cs.teams = counts.i64(0);
    cs.projects = counts.i64(1);
    if (cs.resident_population > 0)
        cs.share_of_population_pct =
            std::round(static_cast<double>(cs.registered_volunteers) * 1000.0 /
                       static_cast<double>(cs.resident_population)) / 10.0;
    send_json(req, res, encode(cs));
}

// ---- brands -----------------------------------------------------------------------------

constexpr const char* kBrandSelect =
    "SELECT slug, name, owner_org, summary, story, highlights, awards, stats, cover_url, "
    "(SELECT count(*) FROM projects p WHERE p.brand = brands.slug) FROM brands ";

Brand read_brand(const Stmt& st, bool detail) {
    Brand b;
    b.slug = st.text(0);
    b.name = st.text(1);
    b.owner_org = st.text(2);
    b.summary = st.text(3);
    if (detail) b.story = st.text(4);
    b.highlights = json_strings(st.text(5));
    b.awards = json_strings(st.text(6));
    b.stats = json_stats(st.text(7));
    b.cover_url = st.text(8);
    b.project_count = st.i64(9);
    return b;
}

void get_brands(App& app, const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(app.db_mutex);
    std::vector<Brand> out;
    Stmt st(app.db, std::string(kBrandSelect) + "ORDER BY position, slug");
    while (st.step() == Step::Row) out.push_back(read_brand(st, false));
    if (st.failed()) return db_failure(req, res, st.error());
    send_json(req, res, encode(out));
}

void get_brand(App& app, const httplib::Request& req, httplib::Response& res) {
    std::string slug = req.matches[1];
    std::lock_guard lock(app.db_mutex);
    Stmt st(app.db, std::string(kBrandSelect) + "WHERE slug = ?");
    st.bind(1, slug);
    if (st.step() != Step::Row) {
        if (st.failed()) return db_failure(req, res, st.error());
        return not_found(req, res, "brand");
    }
    Brand b = read_brand(st, true);
    std::string err;
    if (!query_projects(app, " WHERE p.brand = ?", {slug}, kOrderStart, kBrandProjectsMax, 0,
                        b.projects, err))
        return db_failure(req, res, err);
    json j = encode(b);
    if (!j.contains("story")) j["story"] = "";
    if (!j.contains("projects")) j["projects"] = json::array();
    send_json(req, res, j);
}

// ---- teams ------------------------------------------------------------------------------

constexpr const char* kTeamSelect =
    "SELECT t.id, t.name, t.org, t.district_id, d.name, t.leader_name, t.member_count, "
    "(SELECT count(*) FROM projects p WHERE p.team_id = t.id), t.summary, t.founded "
    "FROM teams t JOIN districts d ON d.id = t.district_id ";

Team read_team(const Stmt& st) {
    return Team{st.i64(0), st.text(1), st.text(2), st.i64(3), st.text(4), st.text(5),
                st.i64(6), st.i64(7),  st.text(8), st.text(9), {}};
}

void get_teams(App& app, const httplib::Request& req, httplib::Response& res) {
    Query qp(req);
    auto q = qp.text("q");
    auto district = qp.id("district_id");
    int limit = qp.limit();
    std::string canon = "q=" + (req.has_param("q") ? req.get_param_value("q") : "") +
                        "\x1f" "district_id=" +
                        (req.has_param("district_id") ? req.get_param_value("district_id") : "");
    int64_t offset = qp.cursor(fnv1a64(canon));
    std::lock_guard lock(app.db_mutex);
    if (qp.ok() && district &&
        !check_exists(app, "SELECT 1 FROM districts WHERE id = ?", *district, qp, "district_id",
                      "no such district", req, res))
        return;
    if (!qp.ok()) return send_problem(req, res, qp.problem());

    std::string where = "WHERE 1";
    std::vector<SqlValue> args;
    if (q) {
        where += " AND (instr(lower(t.name), lower(?)) > 0 OR instr(lower(t.org), lower(?)) > 0"
                 " OR instr(lower(t.summary), lower(?)) > 0 OR instr(lower(t.leader_name), lower(?)) > 0)";
        for (int i = 0; i < 4; ++i) args.push_back(*q);
    }
    if (district) where += " AND t.district_id = ?", args.push_back(*district);

    Stmt count(app.db, "SELECT count(*) FROM teams t " + where);
    count.bind_all(args);
    if (count.step() != Step::Row) return db_failure(req, res, count.error());
    Page<Team> page;
    page.total = count.i64(0);
    Stmt st(app.db, std::string(kTeamSelect) + where + " ORDER BY t.id LIMIT ? OFFSET ?");
    st.bind_all(args);
    st.bind(static_cast<int>(args.size()) + 1, static_cast<int64_t>(limit))
        .bind(static_cast<int>(args.size()) + 2, offset);
    while (st.step() == Step::Row) page.items.push_back(read_team(st));
    if (st.failed()) return db_failure(req, res, st.error());
    if (offset + limit < page.total) page.next_cursor = make_cursor(offset + limit, fnv1a64(canon));
    send_json(req, res, encode(page));
}

void get_team(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (!id) return not_found(req, res, "team");
    std::lock_guard lock(app.db_mutex);
    Stmt st(app.db, std::string(kTeamSelect) + "WHERE t.id = ?");
    st.bind(1, *id);
    if (st.step() != Step::Row) {
        if (st.failed()) return db_failure(req, res, st.error());
        return not_found(req, res, "team");
    }
    Team t = read_team(st);
    std::string err;
    if (!query_projects(app, " WHERE p.team_id = ?", {*id}, kOrderStart, 1000, 0, t.projects, err))
        return db_failure(req, res, err);
    json j = encode(t);
    if (!j.contains("projects")) j["projects"] = json::array();
    send_json(req, res, j);
}

}  // namespace

// Paths served under /api/v1 by GET; the fallback uses them to tell 405 from 404.
const char* const kCatalogGetPaths[] = {
    R"(/api/v1/districts)",      R"(/api/v1/stats/city)", R"(/api/v1/brands)",
    R"(/api/v1/brands/([^/]+))", R"(/api/v1/teams)",      R"(/api/v1/teams/([^/]+))",
    R"(/api/v1/projects)",       R"(/api/v1/projects/([^/]+))",
};
const size_t kCatalogGetPathCount = sizeof(kCatalogGetPaths) / sizeof(kCatalogGetPaths[0]);

void register_catalog_routes(App& app) {
    auto on = [&](const char* pattern, App::Handler fn) { app.route("GET", pattern, std::move(fn)); };
    on(kCatalogGetPaths[0], get_districts);
    on(kCatalogGetPaths[1], get_city_stats);
    on(kCatalogGetPaths[2], get_brands);
    on(kCatalogGetPaths[3], get_brand);
    on(kCatalogGetPaths[4], get_teams);
    on(kCatalogGetPaths[5], get_team);
    on(kCatalogGetPaths[6], get_projects);
    on(kCatalogGetPaths[7], get_project);
}

}  // namespace zygc::server
