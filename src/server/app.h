// Internal: state shared by the route files.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/answer_cache.h"
#include "server/db.h"
#include "server/server.h"

namespace zygc::server {

class ReadLease;

struct App {
    Options opts;
    Db db;
    std::mutex db_mutex;  // THE writer: one connection, one request at a time in it

    // city-api: read-only connections for the catalogue GETs (server.cpp opens them; empty
    // for an in-memory database, then read() leases the writer under db_mutex).
    ReadPool readers;
    ReadLease read();
    AnswerCache answers;  // catalogue answers by version tag (answer_cache.h)

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

// city-api: a connection to read from, inside one read transaction (one snapshot for all
// of a request's statements), given back when the lease ends.
class ReadLease {
public:
    ReadLease(App& app);
    ~ReadLease();
    ReadLease(const ReadLease&) = delete;
    ReadLease& operator=(const ReadLease&) = delete;
    Db& db() { return *db_; }

private:
    App& app_;
    Db* db_ = nullptr;
    std::unique_lock<std::mutex> writer_;  // held only when there is no pool
};
inline ReadLease App::read() { return ReadLease(*this); }

// GET paths (regexes) of the catalogue.
extern const char* const kCatalogGetPaths[];
extern const size_t kCatalogGetPathCount;
// True when path is one of kCatalogGetPaths (what their regexes match, without a regex).
bool is_catalog_get_path(std::string_view path);

void register_catalog_routes(App& app);  // routes_catalog.cpp
void register_account_routes(App& app);  // routes_account.cpp
void register_publish_routes(App& app);  // routes_publish.cpp

// Runs the route for req (or answers 404 / 405 / a static file). On a worker thread.
void dispatch(App& app, httplib::Request& req, httplib::Response& res);

// Project detail as GET /projects/{id} answers it (caller holds db_mutex): the latest
// kDetailShifts shifts by start and `shift_count`, all of them.
constexpr int64_t kDetailShifts = 100;
// Returns 1 found, 0 not found, -1 database error (err set).
int project_detail_json(App& app, int64_t id, nlohmann::json& out, std::string& err);
// The same on any connection (a reader's lease).
int project_detail_json(Db& db, int64_t id, nlohmann::json& out, std::string& err);

// Dev accounts (dev mode): 13800000001 volunteer, …02 organizer, …03 social_worker, …09 admin.
bool ensure_dev_accounts(App& app, std::string* err);
// The generated ID numbers of the dev volunteer and dev organizer (for tests and docs).
std::string dev_id_number(int which);  // 0: volunteer, 1: organizer

// Static files (static_files.cpp).
void serve_static(const httplib::Request& req, httplib::Response& res, const std::string& root);
std::string mime_type_for(const std::string& path);

}  // namespace zygc::server
