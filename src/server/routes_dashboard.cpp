// [SECTION] City dashboard and awards (issue 13): GET /stats/dashboard — every figure counted
// from the database as it stands (the reference data is a sample: these are the sample's
// figures; the report's own totals stay words on brand and about pages) — and GET /awards.
#include <cmath>
#include <map>
#include <string>

#include "core/calendar.h"
#include "server/eldercare.h"
#include "server/versioned.h"

namespace zygc::server {

namespace {

struct Row {
    std::string name;
    int64_t population = 0, volunteers = 0, teams = 0, projects = 0, minutes = 0, pairs = 0, visits = 0, requests = 0;
};
struct Month {
    int64_t volunteers = 0, minutes = 0, pairs = 0, visits = 0, requests = 0;
};

double share_pct(int64_t volunteers, int64_t population) {
    if (population <= 0) return 0.0;
    return std::round(static_cast<double>(volunteers) * 10000.0 / static_cast<double>(population)) / 100.0;
}

// Runs `sql` and hands each row to `fn`. False when the query failed.
bool each(Db& db, const char* sql, const std::function<void(const Stmt&)>& fn, std::string& err) {
    Stmt st(db, sql);
    Step s;
    while ((s = st.step()) == Step::Row) fn(st);
    if (s == Step::Error) err = st.error();
    return s != Step::Error;
}

// The answer is a function of the catalogue's data, the statistics' (migration 11) and the
// minute (computed_at; the months shown), so its tag is a hash of the three.
std::string dashboard_tag(Db& db, int64_t minute) {
    Stmt st(db, "SELECT (SELECT v FROM catalog_version), (SELECT v FROM stats_version)");
    if (st.step() != Step::Row || st.is_null(0) || st.is_null(1)) return {};
    return answer_tag('d', std::to_string(st.i64(0)) + "|" + std::to_string(st.i64(1)) + "|" + std::to_string(minute));
}

void get_dashboard(App& app, const httplib::Request& req, httplib::Response& res) {
    auto lease = app.read();
    Db& db = lease.db();
    int64_t now = app.now();
    std::string tag = dashboard_tag(db, now / 60);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    std::map<int64_t, Row> rows;
    std::string err;
    bool ok = each(db, "SELECT id, name, population FROM districts ORDER BY id",
                   [&](const Stmt& st) { rows[st.i64(0)] = {st.text(1), st.i64(2)}; }, err);
    auto count_into = [&](const char* sql, int64_t Row::*field) {
        ok = ok && each(db, sql, [&](const Stmt& st) {
                 auto it = rows.find(st.i64(0));
                 if (it != rows.end()) it->second.*field = st.i64(1);
             }, err);
    };
    // Every count is kept by triggers (migrations 10 and 11, 6 for the minutes, 5 for projects)
    // but the teams' (4,248 rows at the city's size).
    count_into("SELECT district_id, n FROM district_volunteers", &Row::volunteers);
    count_into("SELECT district_id, count(*) FROM teams GROUP BY district_id", &Row::teams);
    count_into("SELECT CAST(val AS INTEGER), n FROM project_counts WHERE dim = 'district'", &Row::projects);
    count_into("SELECT id, certified_minutes FROM districts", &Row::minutes);
    ok = ok && each(db, "SELECT district_id, active_pairs, visits, help_requests FROM care_district_counts",
                    [&](const Stmt& st) {
                        auto it = rows.find(st.i64(0));
                        if (it != rows.end())
                            it->second.pairs = st.i64(1), it->second.visits = st.i64(2), it->second.requests = st.i64(3);
                    }, err);

    // The last 12 calendar months (+08:00), oldest first.
    CivilDate today = civil_from_days(cst_day(now));
    std::map<std::string, Month> months;
    int y0 = today.year, m0 = static_cast<int>(today.month) - 11;
    while (m0 <= 0) m0 += 12, --y0;
    for (int i = 0; i < 12; ++i) {
        int y = y0, m = m0 + i;
        while (m > 12) m -= 12, ++y;
        char key[16];
        std::snprintf(key, sizeof key, "%04d-%02d", y, m);
        months[key] = {};
    }
    ok = ok && each(db, "SELECT month, new_volunteers, certified_minutes FROM month_counts", [&](const Stmt& st) {
             auto it = months.find(st.text(0));
             if (it != months.end()) it->second.volunteers = st.i64(1), it->second.minutes = st.i64(2);
         }, err);
    ok = ok && each(db, "SELECT month, pairs, visits, help_requests FROM care_month_counts", [&](const Stmt& st) {
             auto it = months.find(st.text(0));
             if (it != months.end())
                 it->second.pairs = st.i64(1), it->second.visits = st.i64(2), it->second.requests = st.i64(3);
         }, err);
    if (!ok) return db_error(req, res, err);

    Row all;
    json by_district = json::array();
    for (const auto& [id, r] : rows) {
        all.population += r.population, all.volunteers += r.volunteers, all.teams += r.teams;
        all.projects += r.projects, all.minutes += r.minutes, all.pairs += r.pairs, all.visits += r.visits;
        all.requests += r.requests;
        by_district.push_back({{"district_id", id},
                               {"name", r.name},
                               {"population", r.population},
                               {"registered_volunteers", r.volunteers},
                               {"share_of_population_pct", share_pct(r.volunteers, r.population)},
                               {"teams", r.teams},
                               {"projects", r.projects},
                               {"service_minutes", r.minutes},
                               {"eldercare_pairs", r.pairs},
                               {"eldercare_visits", r.visits},
                               {"help_requests", r.requests}});
    }
    json by_month = json::array();
    for (const auto& [key, m] : months)
        by_month.push_back({{"month", key},
                            {"new_volunteers", m.volunteers},
                            {"service_minutes", m.minutes},
                            {"eldercare_pairs", m.pairs},
                            {"eldercare_visits", m.visits},
                            {"help_requests", m.requests}});
    send_versioned(app, req, res,
                   {{"computed_at", format_cst(now)},
                    {"registered_volunteers", all.volunteers},
                    {"resident_population", all.population},
                    {"share_of_population_pct", share_pct(all.volunteers, all.population)},
                    {"teams", all.teams},
                    {"projects", all.projects},
                    {"service_minutes", all.minutes},
                    {"eldercare_pairs", all.pairs},
                    {"eldercare_visits", all.visits},
                    {"help_requests", all.requests},
                    {"by_district", std::move(by_district)},
                    {"by_month", std::move(by_month)}},
                   tag);
}

void get_awards(App& app, const httplib::Request& req, httplib::Response& res) {
    std::string brand;
    if (req.has_param("brand")) {
        brand = req.get_param_value("brand");
        if (brand.empty() || brand.size() > 100 || req.get_param_value_count("brand") > 1)
            return send_problem(req, res, coded_problem(400, "invalid", "brand 无效", {},
                                                        {field_error("brand", "invalid", "brand 无效")}));
    }
    auto lease = app.read();
    Stmt st(lease.db(),
            "SELECT a.id, a.title, a.year, a.level, a.issuer, a.brand, b.name, a.description FROM awards a "
            "LEFT JOIN brands b ON b.slug = a.brand WHERE (?1 = '' OR a.brand = ?1) "
            "ORDER BY a.year IS NULL, a.year DESC, a.id");
    st.bind(1, brand);
    json items = json::array();
    Step s;
    while ((s = st.step()) == Step::Row)
        items.push_back({{"id", st.i64(0)},
                         {"title", st.text(1)},
                         {"year", st.is_null(2) ? json() : json(st.i64(2))},
                         {"level", st.text(3)},
                         {"issuer", st.text(4)},
                         {"brand", st.is_null(5) ? json() : json(st.text(5))},
                         {"brand_name", st.is_null(6) ? json() : json(st.text(6))},
                         {"description", st.text(7)}});
    if (s == Step::Error) return db_error(req, res, st.error());
    size_t n = items.size();
    send_json(req, res, {{"items", std::move(items)}, {"next_cursor", nullptr}, {"total", n}});
}

}  // namespace

void register_dashboard_routes(App& app) {
    app.route("GET", R"(/api/v1/stats/dashboard)", get_dashboard);
    app.route("GET", R"(/api/v1/awards)", get_awards);
}

}  // namespace zygc::server
