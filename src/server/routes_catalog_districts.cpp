// [SECTION] Catalogue reads: districts and the city's stats.
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

// ---- districts & stats ------------------------------------------------------------------

void get_districts(App& app, const httplib::Request& req, httplib::Response& res) {
    ReadLease lease = app.read();
    std::string tag = version_tag(lease.db(), req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    std::vector<District> out;
    Stmt st(lease.db(), "SELECT id, name, population FROM districts ORDER BY id");
    while (st.step() == Step::Row) out.push_back({st.i64(0), st.text(1), st.i64(2)});
    if (st.failed()) return db_failure(req, res, st.error());
    send_versioned(app, req, res, encode(out), tag);
}

void get_city_stats(App& app, const httplib::Request& req, httplib::Response& res) {
    ReadLease lease = app.read();
    Db& db = lease.db();
    std::string tag = version_tag(db, req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    CityStats cs;
    // The seeded baseline plus the certified minutes recorded since (issue 9), kept per
    // district by triggers on attendance (migration 6).
    Stmt st(db,
            "SELECT id, name, population, registered_volunteers, service_minutes + certified_minutes "
            "FROM districts ORDER BY id");
    while (st.step() == Step::Row) {
        DistrictStats d{st.i64(0), st.text(1), st.i64(2), st.i64(3), st.i64(4)};
        cs.registered_volunteers += d.registered_volunteers;
        cs.resident_population += d.population;
        cs.service_minutes += d.service_minutes;
        cs.by_district.push_back(std::move(d));
    }
    if (st.failed()) return db_failure(req, res, st.error());
    Stmt counts(db, "SELECT (SELECT count(*) FROM teams), "
                    "(SELECT n FROM project_counts WHERE dim = 'all' AND val = '')");
    if (counts.step() != Step::Row) return db_failure(req, res, counts.error());
    cs.teams = counts.i64(0);
    cs.projects = counts.i64(1);
    if (cs.resident_population > 0)
        cs.share_of_population_pct =
            std::round(static_cast<double>(cs.registered_volunteers) * 1000.0 /
                       static_cast<double>(cs.resident_population)) / 10.0;
    send_versioned(app, req, res, encode(cs), tag);
}

}  // namespace zygc::server::catalog
