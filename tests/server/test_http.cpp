// HTTP behaviour: problem+json errors, 404/405, ETag/304, static files, gzip.
#include <zlib.h>

#include "fixture.h"
#include "server/http_util.h"

using namespace zt;

namespace {

std::string gunzip(const std::string& in) {
    z_stream zs{};
    REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    std::string out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        char buf[16384];
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

void check_http_problem(const Response& r, int status, const std::string& field) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.header("Content-Type") == "application/problem+json");
    REQUIRE(r.j.is_object());
    CHECK(r.j["status"] == status);
    CHECK(r.j["title"].is_string());
    CHECK(r.j["type"].is_string());
    if (!field.empty()) {
        REQUIRE(r.j.contains("errors"));
        bool found = false;
        for (const auto& e : r.j["errors"]) {
            CHECK(e["message"].get<std::string>().size() > 0);
            found = found || e["field"] == field;
        }
        CHECK(found);
    }
}

}  // namespace

TEST_CASE("invalid query values are 400/422 problem+json naming the parameter", "[server][errors]") {
    const auto& srv = fixture_server();
    struct Case {
        const char* query;
        int status;
        const char* field;
    };
    const Case cases[] = {
        {"/api/v1/projects?limit=0", 422, "limit"},
        {"/api/v1/projects?limit=101", 422, "limit"},
        {"/api/v1/projects?limit=abc", 400, "limit"},
        {"/api/v1/projects?limit=-1", 400, "limit"},
        {"/api/v1/projects?limit=", 400, "limit"},
        {"/api/v1/projects?limit=5&limit=6", 400, "limit"},
        {"/api/v1/projects?district_id=abc", 400, "district_id"},
        {"/api/v1/projects?district_id=0", 400, "district_id"},
        {"/api/v1/projects?district_id=99", 422, "district_id"},
        {"/api/v1/projects?team_id=1.5", 400, "team_id"},
        {"/api/v1/projects?team_id=999", 422, "team_id"},
        {"/api/v1/projects?category=cooking", 422, "category"},
        {"/api/v1/projects?brand=nope", 422, "brand"},
        {"/api/v1/projects?status=pending", 422, "status"},
        {"/api/v1/projects?date_from=2026-02-30", 400, "date_from"},
        {"/api/v1/projects?date_to=tomorrow", 400, "date_to"},
        {"/api/v1/projects?date_from=2026-03-01&date_to=2026-02-01", 422, "date_to"},
        {"/api/v1/projects?cursor=!!!", 400, "cursor"},
        {"/api/v1/projects?cursor=bzEyMw", 400, "cursor"},
        {"/api/v1/projects?sort=name", 422, "sort"},
        {"/api/v1/projects?sort=distance", 422, "lat"},
        {"/api/v1/projects?sort=distance&lat=39.9", 422, "lng"},
        {"/api/v1/projects?lat=91&lng=119", 422, "lat"},
        {"/api/v1/projects?lat=x&lng=119", 400, "lat"},
        {"/api/v1/teams?limit=0", 422, "limit"},
        {"/api/v1/teams?district_id=x", 400, "district_id"},
        {"/api/v1/teams?cursor=abc", 400, "cursor"},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        check_http_problem(srv.get(c.query), c.status, c.field);
    }
    // Every problem is reported at once.
    auto r = srv.get("/api/v1/projects?limit=0&category=x&sort=y");
    check_http_problem(r, 422, "limit");
    CHECK(r.j["errors"].size() == 3);
}

TEST_CASE("unknown paths are 404, wrong methods 405, bad ids 404", "[server][errors]") {
    const auto& srv = fixture_server();
    for (const char* path : {"/api/v1/nope", "/api/v1/projects/abc", "/api/v1/projects/0",
                             "/api/v1/projects/-3", "/api/v1/projects/99999999999999999999",
                             "/api/v1/projects/100/extra", "/api/v2/projects", "/api/v1/teams/1x"}) {
        INFO(path);
        check_http_problem(srv.get(path), 404, "");
    }
    check_http_problem(srv.get("/api/v1/projects/99999"), 404, "");
    for (const char* m : {"POST", "PUT", "DELETE", "PATCH"}) {
        INFO(m);
        auto r = srv.request(m, "/api/v1/districts");
        check_http_problem(r, 405, "");
        CHECK(r.header("Allow") == "GET, HEAD");
        if (std::string(m) != "POST") {
            auto p = srv.request(m, "/api/v1/projects");
            check_http_problem(p, 405, "");
            CHECK(p.header("Allow") == "GET, HEAD, POST");
        }
        check_http_problem(srv.request(m, "/api/v1/brands/cuncaoxin"), 405, "");
        check_http_problem(srv.request(m, "/api/v1/nothing"), 404, "");
    }
}

TEST_CASE("GET responses carry an ETag; If-None-Match gives 304", "[server][etag]") {
    const auto& srv = fixture_server();
    for (const char* target : {"/api/v1/projects?limit=5", "/api/v1/projects/100", "/api/v1/stats/city",
                               "/api/v1/brands", "/api/v1/districts", "/api/v1/teams/1"}) {
        INFO(target);
        auto r = srv.get(target);
        REQUIRE(r.status == 200);
        CHECK(r.header("Content-Type") == "application/json");
        CHECK(r.header("Cache-Control") == "no-cache");
        std::string tag = r.header("ETag");
        REQUIRE(tag.size() > 2);
        CHECK(tag.front() == '"');
        CHECK(tag.back() == '"');
        auto again = srv.get(target, {{"If-None-Match", tag}});
        CHECK(again.status == 304);
        CHECK(again.body.empty());
        CHECK(again.header("ETag") == tag);
        CHECK(srv.get(target, {{"If-None-Match", "W/" + tag + ", \"other\""}}).status == 304);
        CHECK(srv.get(target, {{"If-None-Match", "\"other\""}}).status == 200);
    }
    // Different content, different tag.
    CHECK(srv.get("/api/v1/projects?limit=5").header("ETag") !=
          srv.get("/api/v1/projects?limit=6").header("ETag"));
}

TEST_CASE("a list's tag covers the parameters it reads and no other", "[server][etag]") {
    const auto& srv = fixture_server();
    // A parameter the route does not read changes neither the answer nor its tag, so a URL
    // varied by one is served the kept answer instead of being computed again.
    for (const char* target : {"/api/v1/projects?limit=5", "/api/v1/teams?limit=5", "/api/v1/projects/100",
                               "/api/v1/brands"}) {
        INFO(target);
        std::string sep = std::string(target).find('?') == std::string::npos ? "?" : "&";
        auto plain = srv.get(target);
        auto varied = srv.get(target + sep + "utm_source=wechat&n=12345");
        REQUIRE(plain.status == 200);
        REQUIRE(varied.status == 200);
        CHECK(varied.header("ETag") == plain.header("ETag"));
        CHECK(varied.body == plain.body);
    }
    // Each parameter the list reads gives another answer, under another tag.
    const std::string base = "/api/v1/projects?limit=3";
    auto first = srv.get(base);
    REQUIRE(first.j["next_cursor"].is_string());
    const std::string cursor = first.j["next_cursor"];
    for (const std::string& extra : std::vector<std::string>{
             "&q=%E8%80%81%E4%BA%BA", "&district_id=1", "&category=elderly", "&status=closed",
          "&sort=popular", "&sort=-start", "&lat=39.93&lng=119.6", "&date_from=2020-01-01&date_to=2020-01-02",
          "&brand=cuncaoxin", "&team_id=1", "&cursor=" + cursor}) {
        INFO(extra);
        auto r = srv.get(base + extra);
        REQUIRE(r.status == 200);
        CHECK(r.body != first.body);
        CHECK(r.header("ETag") != first.header("ETag"));
    }
    auto teams = srv.get("/api/v1/teams?limit=3");
    for (const char* extra : {"&q=%E5%BF%97%E6%84%BF", "&district_id=2"}) {
        INFO(extra);
        auto r = srv.get(std::string("/api/v1/teams?limit=3") + extra);
        REQUIRE(r.status == 200);
        CHECK(r.body != teams.body);
        CHECK(r.header("ETag") != teams.header("ETag"));
    }
}

TEST_CASE("gzip_compress: bodies in turn on one thread each come back whole", "[server][gzip]") {
    // The deflate state is kept per thread and reset for each body: nothing of one body may
    // reach the next (a longer one before a shorter one, empty, binary, repetitive).
    std::string binary;
    for (int i = 0; i < 70000; ++i) binary += static_cast<char>((i * 7919) % 251);
    const std::vector<std::string> bodies = {std::string(100000, 'a') + "tail", "{\"short\":1}", "",
                                             binary, std::string(300, 'x'), "{\"short\":1}"};
    std::vector<std::string> zipped;
    for (const auto& b : bodies) {
        zipped.push_back(zygc::server::gzip_compress(b));
        REQUIRE_FALSE(zipped.back().empty());
        CHECK(gunzip(zipped.back()) == b);
    }
    CHECK(zipped[1] == zipped[5]);  // the same body, the same bytes
    CHECK(zipped[0].size() < 1000);
}

TEST_CASE("API JSON is gzipped for clients that accept it", "[server][gzip]") {
    const auto& srv = fixture_server();
    auto plain = srv.get("/api/v1/projects?limit=50");
    auto gz = srv.request("GET", "/api/v1/projects?limit=50", {{"Accept-Encoding", "gzip, deflate"}}, false);
    REQUIRE(gz.status == 200);
    CHECK(gz.header("Content-Encoding") == "gzip");
    CHECK(gz.header("Vary") == "Accept-Encoding");
    CHECK(gunzip(gz.body) == plain.body);
    CHECK(gz.header("ETag") != plain.header("ETag"));
    // The compressed representation's tag still validates the resource.
    CHECK(srv.get("/api/v1/projects?limit=50", {{"If-None-Match", gz.header("ETag")}}).status == 304);
    auto refused = srv.request("GET", "/api/v1/projects?limit=50", {{"Accept-Encoding", "gzip;q=0"}}, false);
    CHECK(refused.header("Content-Encoding").empty());
}

TEST_CASE("static files: index, MIME types, gzip, no traversal, no listing", "[server][static]") {
    fs::path root = make_temp_dir("static");
    fs::create_directories(root / "app" / "sub");
    std::string wasm(40000, '\0');
    for (size_t i = 0; i < wasm.size(); ++i) wasm[i] = static_cast<char>(i % 7);
    std::memcpy(wasm.data(), "\0asm\1\0\0\0", 8);
    std::ofstream(root / "app" / "zygc.wasm", std::ios::binary) << wasm;
    std::string html = "<!doctype html><title>志愿港城</title>" + std::string(400, ' ');
    std::ofstream(root / "app" / "index.html") << html;
    std::ofstream(root / "app" / "zygc.js") << "console.log('zygc');\n";
    std::ofstream(root / "app" / "manifest.webmanifest") << "{\"name\":\"志愿港城\"}";
    std::ofstream(root / "app" / "icon.svg") << "<svg xmlns='http://www.w3.org/2000/svg'/>";
    std::ofstream(root / "app" / "config.json") << "{}";
    std::ofstream(root / "app" / "sub" / "a.png") << "PNG";
    std::ofstream(root / "secret.txt") << "secret";
    {
        TestServer srv("", fixture_now(), (root / "app").string());
        auto index = srv.get("/");
        REQUIRE(index.status == 200);
        CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
        CHECK(index.body == html);
        CHECK(srv.get("/index.html").body == html);

        const std::pair<const char*, const char*> types[] = {
            {"/zygc.wasm", "application/wasm"},
            {"/zygc.js", "text/javascript; charset=utf-8"},
            {"/manifest.webmanifest", "application/manifest+json"},
            {"/icon.svg", "image/svg+xml"},
            {"/config.json", "application/json"},
            {"/sub/a.png", "image/png"},
        };
        for (auto [path, type] : types) {
            INFO(path);
            auto r = srv.get(path);
            CHECK(r.status == 200);
            CHECK(r.header("Content-Type") == type);
        }
        auto w = srv.get("/zygc.wasm");
        CHECK(w.body == wasm);
        CHECK(w.header("Content-Encoding").empty());
        auto wz = srv.request("GET", "/zygc.wasm", {{"Accept-Encoding", "gzip"}}, false);
        REQUIRE(wz.status == 200);
        CHECK(wz.header("Content-Type") == "application/wasm");
        CHECK(wz.header("Content-Encoding") == "gzip");
        CHECK(wz.body.size() < wasm.size());
        CHECK(gunzip(wz.body) == wasm);
        auto hz = srv.request("GET", "/", {{"Accept-Encoding", "gzip, br"}}, false);
        CHECK(hz.header("Content-Encoding") == "gzip");
        CHECK(gunzip(hz.body) == html);
        CHECK(srv.get("/zygc.wasm", {{"If-None-Match", w.header("ETag")}}).status == 304);

        for (const char* bad : {"/../secret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt",
                                "/sub/", "/sub", "/missing.js", "/.hidden", "/sub/%2e%2e/%2e%2e/secret.txt"}) {
            INFO(bad);
            auto r = srv.get(bad);
            CHECK(r.status == 404);
            CHECK(r.body.find("secret") == std::string::npos);
        }
        // The API still answers next to the static files (empty database here).
        auto d = srv.get("/api/v1/districts");
        CHECK(d.status == 200);
        CHECK(d.j == json::array());
    }
    fs::remove_all(root);
}

TEST_CASE("helpers: cursors, If-None-Match, Accept-Encoding", "[server][unit]") {
    using namespace zygc::server;
    CHECK(base64url_decode(base64url_encode("o12.abc")) == std::optional<std::string>("o12.abc"));
    CHECK_FALSE(base64url_decode("a").has_value());
    CHECK_FALSE(base64url_decode("ab+c").has_value());
    CHECK(if_none_match_hits("*", "\"x\""));
    CHECK(if_none_match_hits("\"a\", \"x-gzip\"", "\"x\""));
    CHECK_FALSE(if_none_match_hits("\"a\"", "\"x\""));
    CHECK(accepts_gzip("gzip, deflate, br"));
    CHECK(accepts_gzip("br;q=1.0, gzip;q=0.8"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("deflate"));
    CHECK(utf8_length("防诈骗") == 3);
    CHECK(utf8_length("a㑇😀") == 3);
}
