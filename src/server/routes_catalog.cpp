// [SECTION] Catalogue reads: districts, city stats, brands, teams, projects. The parts are
// routes_catalog_{projects,project,districts,brands,teams}.cpp; here what they share (errors,
// keyset cursors, versioned answers) and the registration of the catalogue's routes.
#include <algorithm>
#include <cerrno>
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
#include "server/versioned.h"
#include "core/calendar.h"

#include "server/routes_catalog_internal.h"

namespace zygc::server::catalog {

// 404 not_found {resource: project|brand|team}; the app words it from the code.
void not_found(const httplib::Request& req, httplib::Response& res, const char* resource) {
    const std::string zh = std::string(resource) == "project" ? "项目" : std::string(resource) == "brand" ? "品牌" : "队伍";
    send_problem(req, res, make_problem(404, Code{"not_found"}, zh + "不存在", {}, {{"resource", resource}}));
}

void db_failure(const httplib::Request& req, httplib::Response& res, const std::string& e) {
    std::fprintf(stderr, "zygc-server: database error: %s\n", e.c_str());
    send_problem(req, res, internal_problem());
}

// A filter naming a row that does not exist is 422 on its field; a failed lookup is a
// database error (500), never a claim about the request. False when the answer was sent.
bool check_exists(Db& db, const char* sql, const SqlValue& v, Query& qp, const char* field,
                  const char* message, const httplib::Request& req, httplib::Response& res) {
    Stmt st(db, sql);
    st.bind(1, v);
    Step s = st.step();
    if (s == Step::Error) return db_failure(req, res, st.error()), false;
    if (s == Step::Done) qp.invalid(field, message);
    return true;
}

// ---- keyset cursors ----------------------------------------------------------------------
// base64url("k" key "." id "." signature): the last row's sort key and id, bound to the
// query's other parameters (signature), like the offset cursors they replace.

std::string make_keyset_cursor(const std::string& key, int64_t id, uint64_t signature) {
    char tail[64];
    std::snprintf(tail, sizeof tail, ".%lld.%016llx", static_cast<long long>(id),
                  static_cast<unsigned long long>(signature));
    return base64url_encode("k" + key + tail);
}


Keyset read_keyset_cursor(const httplib::Request& req, uint64_t signature, Query& qp) {
    Keyset k;
    if (!req.has_param("cursor")) return k;
    auto text = base64url_decode(req.get_param_value("cursor"));
    size_t d2 = text ? text->rfind('.') : std::string::npos;
    size_t d1 = d2 == std::string::npos || d2 == 0 ? std::string::npos : text->rfind('.', d2 - 1);
    if (!text || text->empty() || (*text)[0] != 'k' || d1 == std::string::npos || d1 < 2) {
        qp.bad("cursor", "is not a cursor returned by this list");
        return k;
    }
    char sig[20];
    std::snprintf(sig, sizeof sig, "%016llx", static_cast<unsigned long long>(signature));
    if (text->substr(d2 + 1) != sig) {
        qp.bad("cursor", "belongs to a different query (filters or sort changed)");
        return k;
    }
    k.key = text->substr(1, d1 - 1);
    std::string id = text->substr(d1 + 1, d2 - d1 - 1);
    char* endp = nullptr;
    errno = 0;
    long long v = std::strtoll(id.c_str(), &endp, 10);
    const char* kp = k.key.c_str();
    char* kend = nullptr;
    (void)std::strtod(kp, &kend);
    bool numeric = k.key.find_first_not_of("0123456789-+.eE") == std::string::npos;
    if (id.empty() || errno || *endp || v < 0 || k.key.empty() || *kend || !numeric) {
        qp.bad("cursor", "is not a cursor returned by this list");
        return k;
    }
    k.id = v;
    k.given = true;
    return k;
}

// ---- versioned answers (cheap ETags, versioned.h) -----------------------------------------
// A catalogue answer depends only on the URL and the catalogue's data, and every change
// of that data bumps catalog_version (triggers). So the tag is a hash of the two, known
// before any query runs: a matching If-None-Match costs one row read.

// The tag for this request at the lease's snapshot ("" when the version cannot be read:
// then the body's own hash is used).
std::string version_tag(Db& db, const httplib::Request& req, int64_t minute,
                        std::initializer_list<std::string_view> params) {
    Stmt st(db, "SELECT v FROM catalog_version WHERE id = 1");
    if (st.step() != Step::Row) return {};
    std::string key = std::to_string(st.i64(0)) + "|" + std::to_string(minute) + "|" + req.path;
    for (const auto& [k, v] : req.params)
        if (std::find(params.begin(), params.end(), k) != params.end()) key += "|" + k + "=" + v;
    return answer_tag('c', key);
}

}  // namespace zygc::server::catalog

namespace zygc::server {

using namespace catalog;

// Paths served under /api/v1 by GET; the fallback uses them to tell 405 from 404.
const char* const kCatalogGetPaths[] = {
    R"(/api/v1/districts)",      R"(/api/v1/stats/city)", R"(/api/v1/brands)",
    R"(/api/v1/brands/([^/]+))", R"(/api/v1/teams)",      R"(/api/v1/teams/([^/]+))",
    R"(/api/v1/projects)",       R"(/api/v1/projects/([^/]+))",
};
const size_t kCatalogGetPathCount = sizeof(kCatalogGetPaths) / sizeof(kCatalogGetPaths[0]);

bool is_catalog_get_path(std::string_view path) {
    constexpr std::string_view segment = "/([^/]+)";  // the only group the table uses
    for (std::string_view p : kCatalogGetPaths) {
        if (p.size() > segment.size() && p.substr(p.size() - segment.size()) == segment) {
            std::string_view prefix = p.substr(0, p.size() - segment.size() + 1);  // ends in '/'
            if (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix &&
                path.find('/', prefix.size()) == std::string_view::npos)
                return true;
        } else if (path == p) {
            return true;
        }
    }
    return false;
}

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
