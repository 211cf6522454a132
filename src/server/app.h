// Internal: state shared by the route files.
#pragma once
#include <mutex>

#include <httplib.h>

#include "server/db.h"
#include "server/server.h"

namespace zygc::server {

struct App {
    Options opts;
    Db db;
    std::mutex db_mutex;  // one connection, one request at a time in it
};

// GET paths (regexes) of the catalogue; the fallback uses them to tell 405 from 404.
extern const char* const kCatalogGetPaths[];
extern const size_t kCatalogGetPathCount;

void register_catalog_routes(httplib::Server& svr, App& app);
void register_fallback_routes(httplib::Server& svr, App& app);  // 404/405, static files

// Static files (static_files.cpp).
void serve_static(const httplib::Request& req, httplib::Response& res, const std::string& root);
std::string mime_type_for(const std::string& path);

}  // namespace zygc::server
