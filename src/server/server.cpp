// [SECTION] Server lifecycle and fallback routing (404 / 405 / static files).
#include "server/server.h"

#include <atomic>
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
#include "server/http_util.h"
#include "server/seed.h"

namespace zygc::server {

namespace {

bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// "GET, HEAD, POST" for the routes matching path; "" when none.
std::string allowed_methods(const App& app, const std::string& path) {
    std::string allow;
    for (const auto& r : app.routes)
        if (std::regex_match(path, r.re) && allow.find(r.methods) == std::string::npos)
            allow += (allow.empty() ? "" : ", ") + r.methods;
    return allow;
}

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

void App::add_route(const char* pattern, const char* method) {
    routes.push_back({std::regex(pattern), method});
}

void register_fallback_routes(httplib::Server& svr, App& app) {
    svr.Get(".*", [&app](const httplib::Request& req, httplib::Response& res) {
        if (is_api(req.path)) {
            std::string allow = allowed_methods(app, req.path);
            if (allow.empty())
                return send_problem(req, res, make_problem(404, "No such API resource: " + req.path));
            res.set_header("Allow", allow);
            return send_problem(req, res,
                                make_problem(405, req.method + " is not allowed on " + req.path));
        }
        if (app.opts.static_dir.empty()) {
            res.status = 404;
            res.set_content("Not Found", "text/plain; charset=utf-8");
            return;
        }
        serve_static(req, res, app.opts.static_dir);
    });
    auto other = [&app](const httplib::Request& req, httplib::Response& res) {
        std::string allow = is_api(req.path) ? allowed_methods(app, req.path) : "GET, HEAD";
        if (is_api(req.path) && allow.empty())
            return send_problem(req, res, make_problem(404, "No such API resource: " + req.path));
        res.set_header("Allow", allow);
        if (is_api(req.path))
            return send_problem(req, res,
                                make_problem(405, req.method + " is not allowed on " + req.path));
        res.status = 405;
        res.set_content("Method Not Allowed", "text/plain; charset=utf-8");
    };
    svr.Post(".*", other);
    svr.Put(".*", other);
    svr.Patch(".*", other);
    svr.Delete(".*", other);
    svr.Options(".*", other);
}

struct Server::Impl {
    App app;
    httplib::Server svr;
    std::atomic<bool> running{false};
    std::atomic<bool> stop_requested{false};
    int port = -1;
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

    httplib::Server& svr = impl_->svr;
    svr.set_payload_max_length(64 * 1024);
    svr.set_keep_alive_timeout(5);
    // Small JSON answers on keep-alive connections otherwise wait ~40 ms for the peer's
    // delayed ACK (Nagle); measured in docs/benchmarks.md.
    svr.set_tcp_nodelay(true);
    register_catalog_routes(svr, app);
    register_account_routes(svr, app);
    register_publish_routes(svr, app);
    register_fallback_routes(svr, app);
    svr.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
        // Only for errors httplib produced itself (e.g. 413, 400 on a bad request line).
        if (!res.body.empty() || res.has_header("Content-Type"))
            return httplib::Server::HandlerResponse::Unhandled;
        send_problem(req, res, make_problem(res.status, ""));
        return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                 std::exception_ptr) {
        res.headers.clear();
        send_problem(req, res, make_problem(500, "Internal error."));
    });
    if (app.opts.access_log) {
        svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.target.c_str(), res.status);
        });
    }
    return true;
}

int Server::bind() {
    const Options& o = impl_->app.opts;
    if (o.port == 0) {
        impl_->port = impl_->svr.bind_to_any_port(o.host);
    } else {
        impl_->port = impl_->svr.bind_to_port(o.host, o.port) ? o.port : -1;
    }
    return impl_->port;
}

bool Server::run() {
    if (impl_->port < 0) return false;
    impl_->running = true;
    if (impl_->stop_requested) {
        impl_->running = false;
        return true;
    }
    bool ok = impl_->svr.listen_after_bind();
    impl_->running = false;
    return ok;
}

void Server::stop() {
    impl_->stop_requested = true;
    if (!impl_->running) return;
    // listen_after_bind() may not have flagged itself running yet.
    for (int i = 0; i < 200 && impl_->running && !impl_->svr.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    impl_->svr.stop();
}

}  // namespace zygc::server
