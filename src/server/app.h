// Internal: state shared by the route files.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/db.h"
#include "server/server.h"

namespace zygc::server {

struct App {
    Options opts;
    Db db;
    std::mutex db_mutex;  // one connection, one request at a time in it

    // Keys derived from the server secret (empty when none is configured).
    std::string id_hmac_key;  // HMAC-SHA256 of normalized ID numbers (uniqueness)
    std::string id_aes_key;   // AES-256-GCM of ID numbers
    bool have_secret() const { return id_aes_key.size() == 32; }

    // Clock: the system clock, or opts.now_unix + time since start; plus a test skew.
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::atomic<int64_t> clock_skew{0};
    int64_t now() const;

    // The route table: every API route, registered by the routes_*.cpp files through
    // route(). Dispatch, 404, 405 + Allow and HEAD (= GET without the body) all come
    // from it (server.cpp).
    using Handler = std::function<void(App&, const httplib::Request&, httplib::Response&)>;
    struct Route {
        std::string method;   // "GET", "POST", … (GET also answers HEAD)
        std::string pattern;  // regex over the decoded path; groups land in req.matches
        std::regex re;
        Handler fn;
    };
    std::vector<Route> routes;
    void route(const char* method, const char* pattern, Handler fn);
};

// GET paths (regexes) of the catalogue.
extern const char* const kCatalogGetPaths[];
extern const size_t kCatalogGetPathCount;

void register_catalog_routes(App& app);  // routes_catalog.cpp
void register_account_routes(App& app);  // routes_account.cpp
void register_publish_routes(App& app);  // routes_publish.cpp

// Runs the route for req (or answers 404 / 405 / a static file). On a worker thread.
void dispatch(App& app, httplib::Request& req, httplib::Response& res);

// Project detail as GET /projects/{id} answers it (caller holds db_mutex).
// Returns 1 found, 0 not found, -1 database error (err set).
int project_detail_json(App& app, int64_t id, nlohmann::json& out, std::string& err);

// Dev accounts (dev mode): 13800000001 volunteer, …02 organizer, …03 social_worker, …09 admin.
bool ensure_dev_accounts(App& app, std::string* err);
// The generated ID numbers of the dev volunteer and dev organizer (for tests and docs).
std::string dev_id_number(int which);  // 0: volunteer, 1: organizer

// Static files (static_files.cpp).
void serve_static(const httplib::Request& req, httplib::Response& res, const std::string& root);
std::string mime_type_for(const std::string& path);

}  // namespace zygc::server
