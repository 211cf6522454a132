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
#include <random>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/server.h"
#include "server/timefmt.h"

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

inline void append_contract_log(const std::string& method, const std::string& target,
                                const httplib::Response& r) {
    static std::mutex mu;
    const char* path = std::getenv("ZYGC_CONTRACT_LOG");
    if (!path || !*path || target.rfind("/api/", 0) != 0) return;
    json line = {{"method", method},
                 {"path", target},
                 {"status", r.status},
                 {"content_type", r.get_header_value("Content-Type")}};
    json body = json::parse(r.body, nullptr, false);
    line["body"] = body.is_discarded() ? json() : body;
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
    TestServer(const std::string& seed_text, int64_t now_unix, std::string static_dir = {})
        : dir_(make_temp_dir("srv")) {
        zygc::server::Options o;
        o.db_path = (dir_ / "test.db").string();
        if (!seed_text.empty()) {
            std::ofstream(dir_ / "seed.json") << seed_text;
            o.seed_path = (dir_ / "seed.json").string();
        }
        o.static_dir = std::move(static_dir);
        o.host = "127.0.0.1";
        o.port = 0;
        o.now_unix = now_unix;
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
        // Raw (still encoded) bodies are not logged: the check needs the JSON.
        if (decompress || r->get_header_value("Content-Encoding").empty())
            append_contract_log(method, target, r.value());
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
