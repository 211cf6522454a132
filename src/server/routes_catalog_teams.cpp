// [SECTION] Catalogue reads: teams (GET /teams, /teams/{id}).
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

// ---- teams ------------------------------------------------------------------------------

constexpr int64_t kTeamProjectsMax = 1000;

constexpr const char* kTeamSelect =
    "SELECT t.id, t.name, t.org, t.district_id, d.name, t.leader_name, t.member_count, "
    "COALESCE((SELECT n FROM project_counts c WHERE c.dim = 'team' AND c.val = CAST(t.id AS TEXT)), 0), "
    "t.summary, t.founded FROM teams t JOIN districts d ON d.id = t.district_id ";

Team read_team(const Stmt& st) {
    return Team{st.i64(0), st.text(1), st.text(2), st.i64(3), st.text(4), st.text(5),
                st.i64(6), st.i64(7),  st.text(8), st.text(9), {}};
}

// Teams page by keyset on id (the cursor holds the last id). 4,248 teams at city scale:
// the name search still reads the team rows (docs/query-plans.md).
void get_teams(App& app, const httplib::Request& req, httplib::Response& res) {
    Query qp(req);
    auto q = qp.text("q");
    auto district = qp.id("district_id");
    int limit = qp.limit();
    std::string canon = "q=" + (req.has_param("q") ? req.get_param_value("q") : "") +
                        "\x1f" "district_id=" +
                        (req.has_param("district_id") ? req.get_param_value("district_id") : "");
    Keyset after = read_keyset_cursor(req, fnv1a64(canon), qp);
    ReadLease lease = app.read();
    Db& db = lease.db();
    if (qp.ok() && district &&
        !check_exists(db, "SELECT 1 FROM districts WHERE id = ?", *district, qp, "district_id",
                      "no such district", req, res))
        return;
    if (!qp.ok()) return send_problem(req, res, qp.problem());
    std::string tag = version_tag(db, req, 0, {"q", "district_id", "cursor", "limit"});
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;

    std::string where = "WHERE 1";
    std::vector<SqlValue> args;
    if (q) {
        where += " AND (instr(lower(t.name), lower(?)) > 0 OR instr(lower(t.org), lower(?)) > 0"
                 " OR instr(lower(t.summary), lower(?)) > 0 OR instr(lower(t.leader_name), lower(?)) > 0)";
        for (int i = 0; i < 4; ++i) args.push_back(*q);
    }
    if (district) where += " AND t.district_id = ?", args.push_back(*district);

    Stmt count(db, "SELECT count(*) FROM teams t " + where);
    count.bind_all(args);
    if (count.step() != Step::Row) return db_failure(req, res, count.error());
    Page<Team> page;
    page.total = count.i64(0);
    Stmt st(db, std::string(kTeamSelect) + where + " AND t.id > ? ORDER BY t.id LIMIT ?");
    st.bind_all(args);
    st.bind(static_cast<int>(args.size()) + 1, after.given ? after.id : int64_t{-1})
        .bind(static_cast<int>(args.size()) + 2, static_cast<int64_t>(limit + 1));
    while (st.step() == Step::Row) page.items.push_back(read_team(st));
    if (st.failed()) return db_failure(req, res, st.error());
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next_cursor = make_keyset_cursor(std::to_string(page.items.back().id),
                                              page.items.back().id, fnv1a64(canon));
    }
    send_versioned(app, req, res, encode(page), tag);
}

void get_team(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (!id) return not_found(req, res, "team");
    ReadLease lease = app.read();
    Db& db = lease.db();
    // Its projects' next shifts change as shifts start, with no write: the minute is in the tag.
    std::string tag = version_tag(db, req, app.now() / 60);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    Stmt st(db, std::string(kTeamSelect) + "WHERE t.id = ?");
    st.bind(1, *id);
    if (st.step() != Step::Row) {
        if (st.failed()) return db_failure(req, res, st.error());
        return not_found(req, res, "team");
    }
    Team t = read_team(st);
    std::string err;
    if (!query_showcase(db, app.now(), "p.team_id = ?", *id, kTeamProjectsMax, t.projects, err))
        return db_failure(req, res, err);
    json j = encode(t);
    if (!j.contains("projects")) j["projects"] = json::array();
    send_versioned(app, req, res, j, tag);
}

}  // namespace zygc::server::catalog
