// The connection layer's limits and framing, over raw loopback sockets (so that no client
// library fixes up what is sent): caps, smuggling shapes, keep-alive, HEAD, Expect,
// timeouts, per-address caps, Range. Plus the parser's pure functions.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <future>
#include <regex>

#include "fixture.h"
#include "server/app.h"
#include "server/http_front.h"
#include "server/http_parse.h"

using namespace zt;

namespace {

// A blocking loopback connection with a 10 s guard on every read.
class Raw {
public:
    explicit Raw(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    }
    ~Raw() { ::close(fd_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    // False when the peer stopped reading (EPIPE/ECONNRESET).
    bool send(const std::string& s) {
        size_t off = 0;
        while (off < s.size()) {
            ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n <= 0) return false;
            off += static_cast<size_t>(n);
        }
        return true;
    }
    // Reads until `buf_` holds a complete response (Content-Length framed), or EOF.
    // Returns {status, headers, body}; status 0 when none arrived.
    struct Resp {
        int status = 0;
        std::map<std::string, std::string> headers;  // lower-case names
        std::string body;
        json j;
    };
    Resp read_response() {
        for (;;) {
            if (auto r = take()) return *r;
            if (!fill()) {
                Resp none;
                return none;
            }
        }
    }
    // True when the server closed the connection (EOF) within 10 s; keeps what it read.
    bool closed_by_server() {
        for (;;) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 10000) <= 0) return false;
            char b[4096];
            ssize_t n = ::recv(fd_, b, sizeof b, 0);
            if (n <= 0) return true;
            buf_.append(b, static_cast<size_t>(n));
        }
    }
    std::string& buffered() { return buf_; }
    int fd() const { return fd_; }

private:
    bool fill() {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 10000) <= 0) return false;
        char b[65536];
        ssize_t n = ::recv(fd_, b, sizeof b, 0);
        if (n <= 0) return false;
        buf_.append(b, static_cast<size_t>(n));
        return true;
    }
    std::optional<Resp> take() {
        size_t end = buf_.find("\r\n\r\n");
        if (end == std::string::npos) return std::nullopt;
        Resp r;
        std::istringstream head(buf_.substr(0, end));
        std::string line;
        std::getline(head, line);
        r.status = std::atoi(line.c_str() + 9);
        while (std::getline(head, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            size_t colon = line.find(':');
            std::string k = line.substr(0, colon);
            for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            r.headers[k] = line.substr(colon + 2);
        }
        size_t len = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
        if (buf_.size() < end + 4 + len) return std::nullopt;
        r.body = buf_.substr(end + 4, len);
        buf_.erase(0, end + 4 + len);
        r.j = json::parse(r.body, nullptr, false);
        return r;
    }
    int fd_ = -1;
    std::string buf_;
};

void check_problem(Raw::Resp r, int status, const char* code) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.headers["content-type"] == "application/problem+json");
    REQUIRE(r.j.is_object());
    CHECK(r.j["status"] == status);
    CHECK(r.j.value("code", "") == code);
}

std::string host_line(int port) { return "Host: 127.0.0.1:" + std::to_string(port) + "\r\n"; }

std::string post_head(int port, const std::string& target, const std::string& extra) {
    return "POST " + target + " HTTP/1.1\r\n" + host_line(port) +
           "Content-Type: application/json\r\nX-Requested-With: zygc\r\n" + extra + "\r\n";
}

}  // namespace

TEST_CASE("front: oversized heads are 431, oversized bodies 413, however framed", "[server][front]") {
    const auto& srv = fixture_server();
    int port = srv.port();
    {
        Raw c(port);
        c.send("GET /api/v1/districts HTTP/1.1\r\n" + host_line(port) + "X-Big: " + std::string(17000, 'a') + "\r\n\r\n");
        check_problem(c.read_response(), 431, "headers_too_large");
    }
    {
        std::string h;
        for (int i = 0; i < 101; ++i) h += "X-H" + std::to_string(i) + ": 1\r\n";
        Raw c(port);
        c.send("GET /api/v1/districts HTTP/1.1\r\n" + host_line(port) + h + "\r\n");
        check_problem(c.read_response(), 431, "headers_too_large");
    }
    {   // 100 fields is still fine.
        std::string h;
        for (int i = 0; i < 99; ++i) h += "X-H" + std::to_string(i) + ": 1\r\n";
        Raw c(port);
        c.send("GET /api/v1/districts HTTP/1.1\r\n" + host_line(port) + h + "\r\n");
        CHECK(c.read_response().status == 200);
    }
    {
        Raw c(port);
        c.send(post_head(port, "/api/v1/auth/sms-code", "Content-Length: 65537\r\n"));
        check_problem(c.read_response(), 413, "body_too_large");
    }
    {   // Chunked: the decoded total counts, whatever the chunk sizes.
        Raw c(port);
        c.send(post_head(port, "/api/v1/auth/sms-code", "Transfer-Encoding: chunked\r\n"));
        std::string chunk = "8000\r\n" + std::string(0x8000, ' ') + "\r\n";
        c.send(chunk);
        c.send(chunk);
        c.send("1\r\n \r\n");
        check_problem(c.read_response(), 413, "body_too_large");
        CHECK(c.closed_by_server());
    }
    {
        Raw c(port);
        c.send(post_head(port, "/api/v1/auth/sms-code", "Transfer-Encoding: chunked\r\n") + "123456789\r\n");
        check_problem(c.read_response(), 400, "bad_request");
    }
}

TEST_CASE("front: a chunked body is decoded and reaches the handler", "[server][front]") {
    const auto& srv = fixture_server();
    Raw c(srv.port());
    c.send(post_head(srv.port(), "/api/v1/auth/sms-code", "Transfer-Encoding: chunked\r\nIdempotency-Key: k1\r\n") +
           "5\r\n{\"pho\r\n3;ext=1\r\nne\"\r\n" "8\r\n:\"12345\"\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n");
    auto r = c.read_response();
    INFO(r.body);
    CHECK(r.status == 422);  // parsed: the phone itself is refused
    REQUIRE(r.j.contains("errors"));
    CHECK(r.j["errors"][0]["field"] == "phone");
}

TEST_CASE("front: smuggling shapes and compressed bodies are refused", "[server][front]") {
    const auto& srv = fixture_server();
    int port = srv.port();
    const std::string body = "{\"phone\":\"1\"}";
    const std::string n = std::to_string(body.size());
    const std::pair<std::string, int> cases[] = {
        {"Content-Length: " + n + "\r\nContent-Length: " + n + "\r\n", 400},
        {"Content-Length: " + n + "\r\nContent-Length: 3\r\n", 400},
        {"Content-Length: " + n + "\r\nTransfer-Encoding: chunked\r\n", 400},
        {"Content-Length: -1\r\n", 400},
        {"Content-Length: 0x10\r\n", 400},
        {"Transfer-Encoding: gzip, chunked\r\n", 501},
        {"Content-Length: " + n + "\r\nContent-Encoding: gzip\r\n", 415},
        {"Content-Length: " + n + "\r\nExpect: something\r\n", 417},
    };
    for (const auto& [extra, status] : cases) {
        INFO(extra);
        Raw c(port);
        c.send(post_head(port, "/api/v1/auth/sms-code", extra) + body);
        auto r = c.read_response();
        CHECK(r.status == status);
        CHECK(r.headers["content-type"] == "application/problem+json");
        CHECK(r.headers["connection"] == "close");
    }
    for (const char* bad : {"GET /api/v1/districts HTTP/1.1\r\nBad Name: x\r\n\r\n",
                            "GET /api/v1/districts HTTP/1.1\r\n folded\r\n\r\n",
                            "GET  /api/v1/districts HTTP/1.1\r\n\r\n", "GET api HTTP/1.1\r\n\r\n",
                            "GET /api/v1/districts HTTX/1.1\r\n\r\n"}) {
        INFO(bad);
        Raw c(port);
        c.send(bad);
        check_problem(c.read_response(), 400, "bad_request");
    }
}

TEST_CASE("front: keep-alive, pipelining, Connection: close, HTTP/1.0, HEAD, 100-continue", "[server][front]") {
    const auto& srv = fixture_server();
    int port = srv.port();
    const std::string get = "GET /api/v1/districts HTTP/1.1\r\n" + host_line(port) + "\r\n";
    {
        Raw c(port);
        c.send(get + get);  // pipelined
        auto a = c.read_response();
        auto b = c.read_response();
        CHECK(a.status == 200);
        CHECK(b.status == 200);
        CHECK(a.body == b.body);
        CHECK(a.headers.count("connection") == 0);
        c.send(get);  // still open
        CHECK(c.read_response().status == 200);
    }
    {
        Raw c(port);
        c.send("GET /api/v1/districts HTTP/1.1\r\n" + host_line(port) + "Connection: close\r\n\r\n");
        auto r = c.read_response();
        CHECK(r.status == 200);
        CHECK(r.headers["connection"] == "close");
        CHECK(c.closed_by_server());
    }
    {
        Raw c(port);
        c.send("GET /api/v1/districts HTTP/1.0\r\n\r\n");
        auto r = c.read_response();
        CHECK(r.status == 200);
        CHECK(r.j.is_array());
        CHECK(c.closed_by_server());
    }
    {
        Raw c(port);
        c.send("HEAD /api/v1/districts HTTP/1.1\r\n" + host_line(port) + "Connection: close\r\n\r\n");
        CHECK(c.closed_by_server());
        std::string all = c.buffered();
        auto get_r = srv.get("/api/v1/districts");
        CHECK(all.find("HTTP/1.1 200 OK\r\n") == 0);
        CHECK(all.find("Content-Length: " + std::to_string(get_r.body.size()) + "\r\n") != std::string::npos);
        CHECK(all.size() == all.find("\r\n\r\n") + 4);  // nothing after the head
    }
    {
        Raw c(port);
        const std::string body = "{\"phone\":\"1\"}";
        c.send(post_head(port, "/api/v1/auth/sms-code",
                         "Idempotency-Key: k2\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n"));
        auto interim = c.read_response();
        CHECK(interim.status == 100);
        c.send(body);
        CHECK(c.read_response().status == 422);
    }
}

TEST_CASE("front: Range is never honoured; bytes stay inside the body", "[server][front]") {
    const auto& srv = fixture_server();
    auto full = srv.get("/api/v1/stats/city");
    REQUIRE(full.status == 200);
    for (const char* range : {"bytes=0-65535", "bytes=999999999-", "bytes=0-0,5-65535", "bytes=-70000"}) {
        INFO(range);
        Raw c(srv.port());
        c.send("GET /api/v1/stats/city HTTP/1.1\r\n" + host_line(srv.port()) + "Range: " + range + "\r\n\r\n");
        auto r = c.read_response();
        CHECK(r.status == 200);
        CHECK(r.headers.count("content-range") == 0);
        CHECK(r.body == full.body);
    }
}

TEST_CASE("front: problems from the route table carry codes; q with NUL is 400", "[server][front]") {
    const auto& srv = fixture_server();
    auto nf = srv.get("/api/v1/nope");
    CHECK(nf.status == 404);
    CHECK(nf.j.value("code", "") == "not_found");
    auto na = srv.request("DELETE", "/api/v1/districts");
    CHECK(na.status == 405);
    CHECK(na.j.value("code", "") == "method_not_allowed");
    for (const char* q : {"q=%00", "q=a%00b", "q=%FF", "q=%C0%AF", "q=%ED%A0%80"}) {
        INFO(q);
        auto r = srv.get(std::string("/api/v1/projects?") + q);
        CHECK(r.status == 400);
        CHECK(r.j.value("code", "") == "bad_query");
    }
    CHECK(srv.get("/api/v1/projects?q=" + qenc("防诈骗")).status == 200);
}

TEST_CASE("front: a stalled head is 408; connections per address are capped", "[server][front]") {
    TestServer srv("", fixture_now(), {}, [](zygc::server::Options& o) {
        o.limits.head_timeout_ms = 300;
        o.limits.max_per_address = 3;
    });
    {
        Raw c(srv.port());
        c.send("GET /api/v1/districts HTTP/1.1\r\n");  // and then nothing
        check_problem(c.read_response(), 408, "timeout");
        CHECK(c.closed_by_server());
    }
    {
        Raw a(srv.port()), b(srv.port()), c(srv.port());
        a.send("GET /api/v1/districts HTTP/1.1\r\n\r\n");
        REQUIRE(a.read_response().status == 200);  // all three are accepted by now
        Raw d(srv.port());
        auto r = d.read_response();
        check_problem(r, 503, "overloaded");
        CHECK(r.headers.count("retry-after") == 1);
    }
    // Once they are gone, the address may connect again (as soon as the server has seen
    // them close: retried until then).
    int status = 0;
    for (int i = 0; i < 100 && status != 200; ++i) {
        Raw e(srv.port());
        e.send("GET /api/v1/districts HTTP/1.1\r\n\r\n");
        status = e.read_response().status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(status == 200);
}

TEST_CASE("front: a stalled body is 408, an idle connection closes, a full queue is 503", "[server][front]") {
    TestServer srv("", fixture_now(), {}, [](zygc::server::Options& o) {
        o.limits.body_timeout_ms = 300;
        o.limits.idle_timeout_ms = 300;
    });
    {
        Raw c(srv.port());
        c.send(post_head(srv.port(), "/api/v1/auth/sms-code", "Content-Length: 20\r\n") + "{\"ph");
        check_problem(c.read_response(), 408, "timeout");
    }
    {
        Raw c(srv.port());
        c.send("GET /api/v1/districts HTTP/1.1\r\n\r\n");
        CHECK(c.read_response().status == 200);
        CHECK(c.closed_by_server());  // after the idle timeout, without a word
        CHECK(c.buffered().empty());
    }
    TestServer none("", fixture_now(), {}, [](zygc::server::Options& o) { o.limits.queue_capacity = 0; });
    Raw c(none.port());
    c.send("GET /api/v1/districts HTTP/1.1\r\n\r\n");
    auto r = c.read_response();
    check_problem(r, 503, "overloaded");
    CHECK(r.headers["retry-after"] == "1");
}

TEST_CASE("front: quick reads have their own lane; a held worker does not hold them up", "[server][front]") {
    using namespace zygc::server;
    Limits lim;
    lim.workers = 1;
    lim.quick_workers = 1;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    HttpFront front(
        lim,
        [released](httplib::Request& req, httplib::Response& res) {
            if (req.path == "/slow") released.wait();  // holds the only other worker
            res.status = 200;
            res.body = req.path;
        },
        false, [](const httplib::Request& req) { return req.path.rfind("/quick", 0) == 0; });
    int port = front.bind("127.0.0.1", 0);
    REQUIRE(port > 0);
    std::thread loop([&] { front.run(); });
    struct Stop {
        HttpFront& f;
        std::thread& t;
        ~Stop() { f.stop(); t.join(); }
    } stop{front, loop};

    Raw slow(port), other(port), quick(port);
    slow.send("GET /slow HTTP/1.1\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the worker has it now
    other.send("GET /other HTTP/1.1\r\n\r\n");
    quick.send("GET /quick/1 HTTP/1.1\r\n\r\n");
    auto q = quick.read_response();
    CHECK(q.status == 200);
    CHECK(q.body == "/quick/1");
    pollfd p{other.fd(), POLLIN, 0};
    CHECK(::poll(&p, 1, 300) == 0);  // queued behind /slow in its lane
    release.set_value();
    auto o = other.read_response();
    CHECK(o.status == 200);
    CHECK(o.body == "/other");
    CHECK(slow.read_response().body == "/slow");
}

TEST_CASE("front: the quick lane's paths are exactly the catalogue's GET paths", "[server][front][unit]") {
    using namespace zygc::server;
    for (const char* path : {"/api/v1/projects", "/api/v1/projects/12", "/api/v1/projects/12/shifts",
                             "/api/v1/projects/", "/api/v1/projectsx", "/api/v1/teams/3", "/api/v1/teams/3/members",
                             "/api/v1/brands/cuncaoxin", "/api/v1/stats/city", "/api/v1/stats/city/x",
                             "/api/v1/districts", "/api/v1/me", "/api/v1/dashboard", "/", "/api/v1/brands//"}) {
        bool by_regex = false;
        for (size_t i = 0; i < kCatalogGetPathCount; ++i)
            by_regex = by_regex || std::regex_match(std::string(path), std::regex(kCatalogGetPaths[i]));
        INFO(path);
        CHECK(is_catalog_get_path(path) == by_regex);
    }
}

TEST_CASE("front: parser units", "[server][front][unit]") {
    using namespace zygc::server;
    HttpLimits lim;
    httplib::Request req;
    auto h = parse_head("\r\nGET /a%20b/c?x=1+2&y=%E9%98%B2&z HTTP/1.1\r\nHost: h\r\n\r\nrest", lim, req);
    REQUIRE(h.state == ParseState::Done);
    CHECK(h.consumed == std::string_view("\r\nGET /a%20b/c?x=1+2&y=%E9%98%B2&z HTTP/1.1\r\nHost: h\r\n\r\n").size());
    CHECK(req.path == "/a b/c");
    CHECK(req.get_param_value("x") == "1 2");
    CHECK(req.get_param_value("y") == "防");
    CHECK(req.has_param("z"));
    CHECK(req.get_header_value("host") == "h");
    CHECK(parse_head("GET / HTTP/1.1\r\nHost: h\r\n", lim, req).state == ParseState::NeedMore);

    ChunkedDecoder d(lim);
    std::string out;
    size_t used = 0;
    HttpError err;
    CHECK(d.feed("4\r\nab", out, used, err) == ParseState::NeedMore);
    CHECK(d.feed("cd\r\n0\r\n\r\nNEXT", out, used, err) == ParseState::Done);
    CHECK(out == "abcd");
    CHECK(used == std::string_view("cd\r\n0\r\n\r\n").size());

    CHECK(valid_utf8("防诈骗 abc"));
    CHECK_FALSE(valid_utf8("\xC0\xAF"));
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(valid_utf8("\xE9\x98"));
}
