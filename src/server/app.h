// Internal: state shared by the route files.
#pragma once
#include <atomic>
#include <chrono>
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

    // API routes (path regex → methods) for 404 / 405 + Allow in the fallback.
    struct RouteSpec {
        std::regex re;
        std::string methods;  // "GET, HEAD" / "POST" / ...
    };
    std::vector<RouteSpec> routes;
    void add_route(const char* pattern, const char* method);
};

// GET paths (regexes) of the catalogue.
extern const char* const kCatalogGetPaths[];
extern const size_t kCatalogGetPathCount;

void register_catalog_routes(httplib::Server& svr, App& app);
void register_account_routes(httplib::Server& svr, App& app);   // routes_account.cpp
void register_publish_routes(httplib::Server& svr, App& app);   // routes_publish.cpp
void register_fallback_routes(httplib::Server& svr, App& app);  // 404/405, static files

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
