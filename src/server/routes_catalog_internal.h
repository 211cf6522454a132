// Internal to the catalogue's server files (routes_catalog*.cpp): what they share. Not for
// other features: they use server/app.h (project_detail_json, kCatalogGetPaths).
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec.h"
#include "server/app.h"
#include "server/http_util.h"
#include "server/mutation.h"
#include "server/versioned.h"

namespace zygc::server::catalog {

using json = nlohmann::json;

inline constexpr const char* kOrderStart = "p.start_asc, p.id";

struct Keyset {
    bool given = false;
    std::string key;  // integer or floating-point text
    int64_t id = 0;
};

// routes_catalog.cpp
void not_found(const httplib::Request& req, httplib::Response& res, const char* resource);
void db_failure(const httplib::Request& req, httplib::Response& res, const std::string& e);
bool check_exists(Db& db, const char* sql, const SqlValue& v, Query& qp, const char* field,
                  const char* message, const httplib::Request& req, httplib::Response& res);
std::string make_keyset_cursor(const std::string& key, int64_t id, uint64_t signature);
Keyset read_keyset_cursor(const httplib::Request& req, uint64_t signature, Query& qp);
// minute: for answers that depend on the time too (a list's next_shift), the minute they
// were made (app.now() / 60); 0 for answers that depend on the data alone. params: the
// query parameters the route reads. No other parameter changes the answer, so none changes
// the tag: a URL varied by an unused parameter is served its kept answer, not recomputed.
std::string version_tag(Db& db, const httplib::Request& req, int64_t minute = 0,
                        std::initializer_list<std::string_view> params = {});

// routes_catalog_page_json.cpp: dump_json(encode(page)) with "total_estimated" and, when given,
// each item's "distance_m", written without nlohmann's tree.
std::string project_page_json(const Page<Project>& page, bool estimated, const std::vector<int64_t>& distance_m);

// routes_catalog_project.cpp
Project read_project(const Stmt& st, bool detail);
bool query_projects(Db& db, const std::string& where, const std::vector<SqlValue>& args,
                    const std::string& order, int64_t limit, std::vector<Project>& out,
                    std::string& err, const std::string& from = "FROM projects p");
// Fills each project's next_shift: the next shift that has not started at `now` and has a place.
bool add_next_shifts(Db& db, int64_t now, std::vector<Project>& items, std::string& err);
// The projects a brand's or a team's page lists (at most max; owner: "p.brand = ?" and its
// value): those still to come first, by their next shift, then the ended ones, latest first.
// Of the ones still to come, the first kShowcaseCurrentMax by start are looked at.
inline constexpr int64_t kShowcaseCurrentMax = 2000;
bool query_showcase(Db& db, int64_t now, const std::string& owner, const SqlValue& value, int64_t max,
                    std::vector<Project>& out, std::string& err);

// The handlers (registered in routes_catalog.cpp), one file per part.
void get_projects(App& app, const httplib::Request& req, httplib::Response& res);  // routes_catalog_projects.cpp
void get_project(App& app, const httplib::Request& req, httplib::Response& res);   // routes_catalog_project.cpp
void get_districts(App& app, const httplib::Request& req, httplib::Response& res);  // routes_catalog_districts.cpp
void get_city_stats(App& app, const httplib::Request& req, httplib::Response& res);
void get_brands(App& app, const httplib::Request& req, httplib::Response& res);  // routes_catalog_brands.cpp
void get_brand(App& app, const httplib::Request& req, httplib::Response& res);
void get_teams(App& app, const httplib::Request& req, httplib::Response& res);  // routes_catalog_teams.cpp
void get_team(App& app, const httplib::Request& req, httplib::Response& res);

}  // namespace zygc::server::catalog
