// [SECTION] Secret  [SECTION] Dispatch  [SECTION] Server lifecycle
#include "server/server.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "server/app.h"
#include "server/crypto.h"
#include "server/hours.h"  // hours
#include "server/points_routes.h"  // points (issue 12)
#include "server/http_front.h"
#include "server/http_util.h"
#include "server/seed.h"
#include "server/eldercare.h"  // eldercare (issue 13)

namespace zygc::server {

namespace {

bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

bool read_file(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

// Loads (or in dev mode creates) the server secret and derives the ID-number keys.
bool load_secret(App& app, std::string* err) {
    std::string hex = app.opts.secret_hex;
    if (hex.empty() && !app.opts.secret_file.empty() && !read_file(app.opts.secret_file, hex)) {
        if (err) *err = "cannot read --secret-file " + app.opts.secret_file;
        return false;
    }
    if (hex.empty())
        if (const char* env = std::getenv("ZYGC_SECRET")) hex = env;
    if (hex.empty() && app.opts.dev) {
        std::string path = app.opts.db_path + ".secret";
        if (!read_file(path, hex)) {
            hex = to_hex(random_bytes(32));
            int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
            std::string line = hex + "\n";
            if (fd < 0 || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
                if (fd >= 0) ::close(fd);
                if (err) *err = "cannot write dev secret " + path;
                return false;
            }
            ::close(fd);
        }
    }
    if (hex.empty()) return true;  // no secret: 实名注册 answers 503
    auto key = from_hex(hex);
    if (!key || key->size() < 32) {
        if (err) *err = "the secret must be at least 32 bytes of hex";
        return false;
    }
    app.id_hmac_key = hmac_sha256(*key, "zygc/id-number/hmac/v1");
    app.id_aes_key = hmac_sha256(*key, "zygc/id-number/aes-gcm/v1");
    return true;
}

}  // namespace

int64_t App::now() const {
    auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::steady_clock::now() - started).count();
    int64_t base = opts.now_unix ? opts.now_unix + elapsed : static_cast<int64_t>(std::time(nullptr));
    return base + clock_skew.load();
}

// city-api: the reader pool's lease. BEGIN starts a read transaction at the first read, so
// every statement of the request sees one snapshot of the database.
ReadLease::ReadLease(App& app) : app_(app) {
    if (app.readers.empty()) {
        writer_ = std::unique_lock(app.db_mutex);
        db_ = &app.db;
    } else {
        db_ = app.readers.acquire();
    }
    (void)Stmt(*db_, "BEGIN").exec();
}

ReadLease::~ReadLease() {
    (void)Stmt(*db_, "COMMIT").exec();
    if (!writer_.owns_lock()) app_.readers.release(db_);
}

void App::route(const char* method, const char* pattern, Handler fn) {
    routes.push_back({method, pattern, std::regex(pattern), std::move(fn)});
}

// [SECTION] Dispatch: the route table → handler, 404, 405 + Allow, HEAD, static files.
void dispatch(App& app, httplib::Request& req, httplib::Response& res) {
    const std::string want = req.method == "HEAD" ? "GET" : req.method;
    std::string allow;  // methods of the routes whose path matches, in table order
    for (const App::Route& r : app.routes) {
        std::smatch m;
        if (!std::regex_match(req.path, m, r.re)) continue;
        if (r.method == want) {
            req.matches = m;  // iterators into req.path, which stays put
            try {
                r.fn(app, req, res);
                if (res.status == -1) res.status = 200;  // httplib's default, kept
            } catch (const std::exception& e) {
                std::fprintf(stderr, "zygc-server: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
                res = {};
                send_problem(req, res, make_problem(500, Code{"internal"}, "Internal error."));
            }
            return;
        }
        std::string methods = r.method == "GET" ? "GET, HEAD" : r.method;
        if (allow.find(methods) == std::string::npos) allow += (allow.empty() ? "" : ", ") + methods;
    }
    if (is_api(req.path)) {
        if (allow.empty())
            return send_problem(req, res, make_problem(404, Code{"not_found"}, "No such API resource: " + req.path));
        res.set_header("Allow", allow);
        return send_problem(req, res, make_problem(405, Code{"method_not_allowed"},
                                                   req.method + " is not allowed on " + req.path));
    }
    if (want != "GET") {
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content("Method Not Allowed", "text/plain; charset=utf-8");
        return;
    }
    if (app.opts.static_dir.empty()) {
        res.status = 404;
        res.set_content("Not Found", "text/plain; charset=utf-8");
        return;
    }
    serve_static(req, res, app.opts.static_dir);
}

struct Server::Impl {
    App app;
    std::unique_ptr<HttpFront> front;
    std::mutex mu;  // front's creation vs stop()
    bool stop_requested = false;
};

Server::Server(Options opts) : impl_(std::make_unique<Impl>()) { impl_->app.opts = std::move(opts); }

Server::~Server() {
    stop();
}

const Options& Server::options() const { return impl_->app.opts; }

void Server::advance_clock(int64_t seconds) { impl_->app.clock_skew += seconds; }

bool Server::init(std::string* err) {
    App& app = impl_->app;
    std::string e;
    if (!app.db.open(app.opts.db_path, &e)) {
        if (err) *err = "cannot open database " + app.opts.db_path + ": " + e;
        return false;
    }
    if (!migrate(app.db, &e)) {
        if (err) *err = e;
        return false;
    }
    if (!app.opts.seed_path.empty()) {
        int64_t now = app.opts.now_unix ? app.opts.now_unix : static_cast<int64_t>(std::time(nullptr));
        SeedResult r;
        if (!load_seed_file(app.db, app.opts.seed_path, now, &r, &e)) {
            if (err) *err = "seed " + app.opts.seed_path + ": " + e;
            return false;
        }
        if (app.opts.access_log) {
            if (r.skipped)
                std::fprintf(stderr, "zygc-server: database has data; seed skipped\n");
            else
                std::fprintf(stderr,
                             "zygc-server: seeded %lld districts, %lld brands, %lld teams, %lld "
                             "projects, %lld shifts (shifted %lld days)\n",
                             (long long)r.districts, (long long)r.brands, (long long)r.teams,
                             (long long)r.projects, (long long)r.shifts, (long long)r.day_offset);
        }
    }

    if (!load_secret(app, &e)) {
        if (err) *err = e;
        return false;
    }
    if (!app.have_secret() && app.opts.access_log)
        std::fprintf(stderr, "zygc-server: no secret configured (--secret-file or ZYGC_SECRET): "
                             "实名注册 is disabled\n");
    if (app.opts.dev && !ensure_dev_accounts(app, &e)) {
        if (err) *err = "dev accounts: " + e;
        return false;
    }
    if (app.opts.dev && app.opts.demo_hours && !ensure_demo_hours(app, &e)) {  // hours
        if (err) *err = "demo hours: " + e;
        return false;
    }
    if (app.opts.dev && !ensure_demo_points(app, app.opts.demo_hours, &e)) {  // points (issue 12)
        if (err) *err = "demo points: " + e;
        return false;
    }
    if (app.opts.dev && app.opts.demo_hours && !ensure_demo_eldercare(app, &e)) {  // eldercare (issue 13)
        if (err) *err = "demo eldercare: " + e;
        return false;
    }

    // city-api: one read-only connection per worker thread of both lanes, each with an 8 MiB
    // page cache (the server's RSS stays bounded however large the database is).
    const int threads = std::max(1, app.opts.limits.workers) + quick_worker_count(app.opts.limits);
    if (app.opts.db_path != ":memory:" && !app.opts.db_path.empty() &&
        !app.readers.open(app.opts.db_path, threads, 8 * 1024, &e)) {
        if (err) *err = "cannot open read connections to " + app.opts.db_path + ": " + e;
        return false;
    }

    register_catalog_routes(app);
    register_account_routes(app);
    register_publish_routes(app);
    // hours (issue 9)
    register_hours_routes(app);
    register_certificate_routes(app);
    // eldercare (issue 13): 老帮老 ledger and pairing, help requests, dashboard, awards
    register_eldercare_routes(app);
    register_help_routes(app);
    register_dashboard_routes(app);
    // points (issue 12)
    register_points_routes(app);
    return true;
}

int Server::bind() {
    App& app = impl_->app;
    // The catalogue's GETs only lease a reader and cost about a page: the quick lane.
    auto quick = [](const httplib::Request& req) {
        return (req.method == "GET" || req.method == "HEAD") && is_catalog_get_path(req.path);
    };
    auto front = std::make_unique<HttpFront>(
        app.opts.limits, [&app](httplib::Request& req, httplib::Response& res) { dispatch(app, req, res); },
        app.opts.access_log, quick);
    int port = front->bind(app.opts.host, app.opts.port);
    if (port < 0) return -1;
    std::lock_guard lock(impl_->mu);
    impl_->front = std::move(front);
    return port;
}

bool Server::run() {
    HttpFront* front;
    {
        std::lock_guard lock(impl_->mu);
        front = impl_->front.get();
        if (!front) return false;
        if (impl_->stop_requested) return true;
    }
    return front->run();
}

void Server::stop() {
    std::lock_guard lock(impl_->mu);
    impl_->stop_requested = true;
    if (impl_->front) impl_->front->stop();
}

}  // namespace zygc::server
