// [SECTION] Catalogue reads: one project (GET /projects/{id}, project_detail_json) and the
// project rows every catalogue read shares (kProjectSelect, read_project, query_projects).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/codec.h"
#include "server/app.h"
#include "server/http_util.h"
#include "server/mutation.h"
#include "core/calendar.h"
#include "server/routes_catalog_internal.h"

namespace zygc::server::catalog {

constexpr const char* kProjectSelect = R"SQL(
SELECT p.id, p.title, p.summary, p.category, p.brand, COALESCE(b.name, ''), p.team_id, t.name,
       p.district_id, d.name, p.site_name, p.site_lat, p.site_lng, p.site_radius_m, p.status,
       p.first_start, p.last_end, p.capacity, p.signed_up, p.description
)SQL";
// The projects row drives every join (CROSS JOIN fixes the order: never a scan of teams).
constexpr const char* kProjectJoins =
    " CROSS JOIN teams t ON t.id = p.team_id CROSS JOIN districts d ON d.id = p.district_id"
    " LEFT JOIN brands b ON b.slug = p.brand ";

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

// sign-up flow (issue 10): each listed project's next shift that has not started and has a
// place (shifts_project index: one short range per row); none for a closed project (its
// sign-ups are refused). False on a database error (err set).
bool add_next_shifts(Db& db, int64_t now, std::vector<Project>& items, std::string& err) {
    const std::string now_text = format_cst(now);  // same offset and width: text order is time order
    for (Project& p : items) {
        if (p.status == "closed") continue;
        if (p.end.empty() || p.end <= now_text) continue;  // every shift starts before its end
        Stmt st(db,
                "SELECT id, start_at, end_at, capacity, signed_up FROM shifts WHERE project_id = ? "
                "AND start_at > ? AND signed_up < capacity ORDER BY start_at, id LIMIT 1");
        st.bind(1, p.id);
        st.bind(2, now);
        const Step s = st.step();
        if (s == Step::Error) {
            err = st.error();
            return false;
        }
        if (s == Step::Row)
            p.next_shift = {st.i64(0), format_cst(st.i64(1)), format_cst(st.i64(2)), st.i64(3), st.i64(4)};
    }
    return true;
}

// A brand's or a team's page: what a resident can still join comes first, the project whose
// next shift with a place starts soonest first; then the ones still running with no such shift
// (full, or every shift started) or with no shifts yet; then the ones that have ended, the
// latest first, up to `max` in all. (By start alone the page of a brand with 500 projects over
// two years was its 50 oldest, all ended.) `owner` selects them ("p.brand = ?" with its value).
bool query_showcase(Db& db, int64_t now, const std::string& owner, const SqlValue& value, int64_t max,
                    std::vector<Project>& out, std::string& err) {
    std::vector<Project> current;
    if (!query_projects(db, " WHERE " + owner + " AND (p.last_end > ? OR p.last_end IS NULL)", {value, now},
                        kOrderStart, kShowcaseCurrentMax, current, err) ||
        !add_next_shifts(db, now, current, err))
        return false;
    std::stable_sort(current.begin(), current.end(), [](const Project& a, const Project& b) {
        if (!a.next_shift.id || !b.next_shift.id) return a.next_shift.id && !b.next_shift.id;
        return a.next_shift.start < b.next_shift.start;  // same offset and width: text order is time order
    });
    if (static_cast<int64_t>(current.size()) > max) current.resize(static_cast<size_t>(max));
    out = std::move(current);
    const int64_t room = max - static_cast<int64_t>(out.size());
    return room <= 0 || query_projects(db, " WHERE " + owner + " AND p.last_end <= ?", {value, now},
                                       "p.start_asc DESC, p.id DESC", room, out, err);
}

// Runs kProjectSelect FROM projects p + joins + where + order + limit (no offset: callers
// page by keyset or read a bounded list).
bool query_projects(Db& db, const std::string& where, const std::vector<SqlValue>& args,
                    const std::string& order, int64_t limit, std::vector<Project>& out,
                    std::string& err, const std::string& from) {
    std::string sql = std::string(kProjectSelect) + from + kProjectJoins + where + " ORDER BY " +
                      order + " LIMIT ?";
    Stmt st(db, sql);
    if (!st.ok()) {
        err = st.error();
        return false;
    }
    st.bind_all(args);
    st.bind(static_cast<int>(args.size()) + 1, limit);
    while (st.step() == Step::Row) out.push_back(read_project(st, false));
    if (st.failed()) {
        err = st.error();
        return false;
    }
    return true;
}

void get_project(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (!id) return not_found(req, res, "project");
    ReadLease lease = app.read();
    // The ETag stays the body's own hash (PATCH's If-Match compares against it); the answer
    // is kept under the version key, like the lists', so a popular project costs one row read.
    const std::string key = version_tag(lease.db(), req);
    if (answered_before(app, req, res, key)) {
        if (req.has_header("If-None-Match") &&
            if_none_match_hits(req.get_header_value("If-None-Match"), res.get_header_value("ETag"))) {
            res.status = 304;
            res.body.clear();
            res.headers.erase("Content-Encoding");
            res.headers.erase("Content-Type");
        }
        return;
    }
    json j;
    std::string err;
    int found = project_detail_json(lease.db(), *id, j, err);
    if (found < 0) return db_failure(req, res, err);
    if (found == 0) return not_found(req, res, "project");
    send_json(req, res, j);
    app.answers.keep(key, accepts_gzip(req.get_header_value("Accept-Encoding")), res);
}

}  // namespace zygc::server::catalog

namespace zygc::server {

using namespace catalog;

int project_detail_json(App& app, int64_t id, json& j, std::string& err) {
    return project_detail_json(app.db, id, j, err);
}

int project_detail_json(Db& db, int64_t id, json& j, std::string& err) {
    Stmt st(db, std::string(kProjectSelect) + "FROM projects p" + kProjectJoins + " WHERE p.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) {
        if (st.failed()) {
            err = st.error();
            return -1;
        }
        return 0;
    }
    Project p = read_project(st, true);
    // The latest kDetailShifts by start, in start order: every shift of a published project
    // (at most 50), the recent visits of a 老帮老 project (one shift per visit, tens of
    // thousands at the city's size: 2.8 MB of detail). Not the time of day: the answer is
    // kept under the catalogue's version.
    Stmt sh(db,
            "SELECT id, start_at, end_at, capacity, signed_up FROM (SELECT * FROM shifts WHERE project_id = ? "
            "ORDER BY start_at DESC, id DESC LIMIT ?) ORDER BY start_at, id");
    sh.bind(1, id).bind(2, kDetailShifts);
    while (sh.step() == Step::Row)
        p.shifts.push_back({sh.i64(0), format_cst(sh.i64(1)), format_cst(sh.i64(2)), sh.i64(3),
                            sh.i64(4)});
    if (sh.failed()) {
        err = sh.error();
        return -1;
    }
    int64_t shift_count = static_cast<int64_t>(p.shifts.size());
    if (shift_count == kDetailShifts) {
        Stmt n(db, "SELECT count(*) FROM shifts WHERE project_id = ?");
        n.bind(1, id);
        if (n.step() != Step::Row) {
            err = n.error();
            return -1;
        }
        shift_count = n.i64(0);
    }
    j = encode(p);
    if (!j.contains("shifts")) j["shifts"] = json::array();
    j["shift_count"] = shift_count;
    if (!j.contains("description")) j["description"] = "";
    return 1;
}

}  // namespace zygc::server
