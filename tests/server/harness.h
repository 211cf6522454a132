// Test harness: a real zygc-server on 127.0.0.1 (ephemeral port), in-process on a thread,
// over a temporary SQLite file; a client that records every API response for the
// contract check (env ZYGC_CONTRACT_LOG → JSONL, validated by tests/contract/check.mjs).
#pragma once
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <functional>
#include <random>
#include <set>
#include <vector>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/server.h"
#include "core/calendar.h"

namespace zt {

using json = nlohmann::json;
namespace fs = std::filesystem;

inline fs::path make_temp_dir(const char* tag) {
    std::random_device rd;
    fs::path dir = fs::temp_directory_path() /
                   ("zygc-test-" + std::string(tag) + "-" + std::to_string(::getpid()) + "-" +
                    std::to_string(rd()));
    fs::create_directories(dir);
    return dir;
}

// A temporary directory removed when it goes out of scope, a failed REQUIRE included.
struct TempDir {
    fs::path path;
    explicit TempDir(const char* tag) : path(make_temp_dir(tag)) {}
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// ---- personal data scan ----------------------------------------------------------------
// Every full ID-card number a test uses is registered here (use_id); every response body
// and header the harness sees is checked against all of them, as the run goes.
struct IdRegistry {
    std::mutex mu;
    std::set<std::string> ids;
    size_t scanned = 0;  // responses scanned
};
inline IdRegistry& id_registry() {
    static IdRegistry r;
    return r;
}
inline const std::string& use_id(const std::string& id) {
    auto& r = id_registry();
    std::lock_guard lock(r.mu);
    r.ids.insert(id);
    std::string up = id;
    for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    r.ids.insert(up);
    return id;
}
// Returns the ID numbers found in `text` (empty: none).
inline std::vector<std::string> ids_in(const std::string& text) {
    auto& r = id_registry();
    std::lock_guard lock(r.mu);
    ++r.scanned;
    std::vector<std::string> hits;
    for (const auto& id : r.ids)
        if (id.size() >= 15 && text.find(id) != std::string::npos) hits.push_back(id);
    return hits;
}
inline void scan_response(const httplib::Response& r) {
    std::string all = r.body;
    for (const auto& [k, v] : r.headers) all += "\n" + k + ": " + v;
    auto hits = ids_in(all);
    INFO("a response contains a full ID number: " << r.body);
    CHECK(hits.empty());
}

inline void append_contract_log(const std::string& method, const std::string& target,
                                const httplib::Response& r, const httplib::Headers& req_headers = {},
                                const std::string& req_body = {}) {
    static std::mutex mu;
    const char* path = std::getenv("ZYGC_CONTRACT_LOG");
    if (!path || !*path || target.rfind("/api/", 0) != 0) return;
    json line = {{"method", method},
                 {"path", target},
                 {"status", r.status},
                 {"content_type", r.get_header_value("Content-Type")}};
    json body = json::parse(r.body, nullptr, false);
    line["body"] = body.is_discarded() ? json() : body;
    json rh = json::object();
    for (const auto& [k, v] : req_headers) {
        std::string lk = k;
        for (char& c : lk) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lk != "cookie" && lk != "authorization") rh[lk] = v;
    }
    line["request_headers"] = rh;
    json rb = json::parse(req_body, nullptr, false);
    line["request_body"] = req_body.empty() ? json() : rb.is_discarded() ? json(req_body) : rb;
    std::lock_guard lock(mu);
    std::ofstream out(path, std::ios::app);
    out << line.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
}

struct Response {
    int status = 0;
    httplib::Headers headers;
    std::string body;
    json j;  // parsed body (discarded when not JSON)
    std::string header(const char* k) const {
        auto it = headers.find(k);
        return it == headers.end() ? std::string() : it->second;
    }
};

class TestServer {
public:
    // seed_text: JSON seed written to the temp dir; now_unix fixes the seeding clock.
    // `tweak` may change the options (dev mode, secret) before the server starts.
    TestServer(const std::string& seed_text, int64_t now_unix, std::string static_dir = {},
               const std::function<void(zygc::server::Options&)>& tweak = {})
        : dir_(make_temp_dir("srv")) {
        zygc::server::Options o;
        o.secret_hex = "5a7967632d746573742d7365637265742d6b65792d3332627974657321212121";
        o.db_path = (dir_ / "test.db").string();
        if (!seed_text.empty()) {
            std::ofstream(dir_ / "seed.json") << seed_text;
            o.seed_path = (dir_ / "seed.json").string();
        }
        o.static_dir = std::move(static_dir);
        o.host = "127.0.0.1";
        o.port = 0;
        o.now_unix = now_unix;
        if (tweak) tweak(o);
        server_ = std::make_unique<zygc::server::Server>(o);
        std::string err;
        if (!server_->init(&err)) FAIL("server init: " << err);
        port_ = server_->bind();
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_->run(); });
    }
    ~TestServer() {
        server_->stop();
        if (thread_.joinable()) thread_.join();
        server_.reset();
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    int port() const { return port_; }
    zygc::server::Server& server() const { return *server_; }
    const fs::path& dir() const { return dir_; }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_connection_timeout(5);
        c.set_read_timeout(10);
        return c;
    }

    Response request(const std::string& method, const std::string& target,
                     const httplib::Headers& headers = {}, bool decompress = true) const {
        httplib::Client c = client();
        c.set_decompress(decompress);
        auto send = [&]() -> httplib::Result {
            if (method == "HEAD") return c.Head(target, headers);
            if (method == "POST") return c.Post(target, headers, "{}", "application/json");
            if (method == "PUT") return c.Put(target, headers, "{}", "application/json");
            if (method == "DELETE") return c.Delete(target, headers);
            if (method == "PATCH") return c.Patch(target, headers, "{}", "application/json");
            return c.Get(target, headers);
        };
        httplib::Result r = send();
        REQUIRE(r);
        scan_response(r.value());
        // Raw (still encoded) bodies are not logged: the check needs the JSON.
        if (decompress || r->get_header_value("Content-Encoding").empty())
            append_contract_log(method, target, r.value(), headers,
                                method == "GET" || method == "HEAD" || method == "DELETE" ? "" : "{}");
        Response out;
        out.status = r->status;
        out.headers = r->headers;
        out.body = r->body;
        out.j = json::parse(out.body, nullptr, false);
        return out;
    }
    Response get(const std::string& target, const httplib::Headers& headers = {}) const {
        return request("GET", target, headers);
    }

    // Any method with an explicit body and Content-Type ("" body: none sent).
    Response send(const std::string& method, const std::string& target, const httplib::Headers& headers,
                  const std::string& body, const std::string& content_type = "application/json") const {
        httplib::Client c = client();
        httplib::Result r = [&]() -> httplib::Result {
            const char* ct = content_type.c_str();
            if (method == "POST") return c.Post(target, headers, body, ct);
            if (method == "PUT") return c.Put(target, headers, body, ct);
            if (method == "PATCH") return c.Patch(target, headers, body, ct);
            if (method == "DELETE") return body.empty() ? c.Delete(target, headers) : c.Delete(target, headers, body, ct);
            return c.Get(target, headers);
        }();
        REQUIRE(r);
        scan_response(r.value());
        httplib::Headers logged = headers;
        if (!body.empty()) logged.emplace("Content-Type", content_type);
        append_contract_log(method, target, r.value(), logged, body);
        Response out;
        out.status = r->status;
        out.headers = r->headers;
        out.body = r->body;
        out.j = json::parse(out.body, nullptr, false);
        return out;
    }

private:
    fs::path dir_;
    std::unique_ptr<zygc::server::Server> server_;
    std::thread thread_;
    int port_ = -1;
};

// Percent-encodes a query value (UTF-8 bytes).
inline std::string qenc(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace zt
