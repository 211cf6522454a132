// [SECTION] Responses  [SECTION] Connections  [SECTION] Reading  [SECTION] Writing
// [SECTION] Workers  [SECTION] Event loop  [SECTION] Lifecycle
//
// One event thread owns all sockets (non-blocking, level-triggered epoll). A connection
// moves Head → Body → Busy (a worker has the request) → Write → Head again (keep-alive)
// or → Linger → closed. Every state but Busy has a deadline; the loop sweeps them every
// 100 ms. Workers never touch sockets: they hand the serialized response back through a
// queue and wake the loop with an eventfd.
//
// Workers come in two lanes, each with its own FIFO queue. Quick requests (the server's
// predicate: reads that never wait for the writer and cost about a page) run on one thread
// per core, so under load each runs to its end instead of being time-sliced against seven
// others: fresh pages at 64 connections went from p99 28 to 16 ms (docs/benchmarks.md,
// fifteenth session). Everything else runs on lim.workers threads, where a request waiting
// for the writer or computing for long holds up none of the quick ones.
#include "server/http_front.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/codec.h"
#include "server/http_parse.h"
#include "server/http_util.h"

namespace zygc::server {

using Clock = std::chrono::steady_clock;

// ---- [SECTION] Responses ---------------------------------------------------------------

static const char* reason_phrase(int status) {
    switch (status) {
        case 100: return "Continue";
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 304: return "Not Modified";
        default: return status_title(status);
    }
}

std::string serialize_response(const httplib::Request& req, const httplib::Response& res,
                               bool keep_alive) {
    int status = res.status > 0 ? res.status : 500;
    bool no_body = status == 204 || status == 304 || (status >= 100 && status < 200);
    std::string out;
    out.reserve(256 + (no_body || req.method == "HEAD" ? 0 : res.body.size()));
    out += "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
    for (const auto& [k, v] : res.headers) {
        // Framing is ours alone; a handler cannot set it.
        if (strcasecmp(k.c_str(), "Content-Length") == 0 || strcasecmp(k.c_str(), "Connection") == 0 ||
            strcasecmp(k.c_str(), "Transfer-Encoding") == 0)
            continue;
        out += k + ": " + v + "\r\n";
    }
    if (!no_body) out += "Content-Length: " + std::to_string(res.body.size()) + "\r\n";
    if (!keep_alive) out += "Connection: close\r\n";
    else if (req.version == "HTTP/1.0") out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!no_body && req.method != "HEAD") out += res.body;
    return out;
}

// A problem+json answer produced by this layer itself (the request never reached a handler).
static std::string problem_bytes(const HttpError& e, bool keep_alive, const char* retry_after = nullptr) {
    httplib::Request req;
    httplib::Response res;
    res.status = e.status;
    res.set_header("Content-Type", "application/problem+json");
    res.set_header("Cache-Control", "no-cache");
    if (retry_after) res.set_header("Retry-After", retry_after);
    res.body = dump_json(encode(make_problem(e.status, Code{e.code}, e.detail)));
    return serialize_response(req, res, keep_alive);
}

// ---- [SECTION] Connections -------------------------------------------------------------

namespace {

struct Conn {
    enum class St { Head, Body, Busy, Write, Linger };
    uint64_t id = 0;
    int fd = -1;
    std::string addr;
    int port = 0;
    St st = St::Head;
    std::string in;             // bytes read, not yet parsed
    std::string out;            // bytes to write
    size_t out_off = 0;
    bool close_after = false;   // after `out` is written
    bool head_started = false;  // a byte of the next request has arrived
    Clock::time_point deadline;
    Clock::time_point write_limit;  // a response's absolute end, however slowly read
    uint32_t events = 0;        // epoll interest now
    httplib::Request req;
    BodyFraming framing;
    std::optional<ChunkedDecoder> chunked;
};

struct Job {
    uint64_t conn = 0;
    httplib::Request req;
    bool keep_alive = true;
};

struct Done {
    uint64_t conn = 0;
    std::string bytes;
    bool keep_alive = true;
};

constexpr uint64_t kListenId = 0, kWakeId = 1;
constexpr int kLingerMs = 2000;  // after an error answer: read and drop, so no RST eats it

}  // namespace

struct HttpFront::Impl {
    Limits lim;
    Handler handler;
    bool access_log = false;

    int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
    std::atomic<bool> stopping{false};
    uint64_t next_id = 2;
    std::unordered_map<uint64_t, std::unique_ptr<Conn>> conns;
    std::unordered_map<std::string, size_t> per_address;

    Quick quick;
    struct Lane {
        std::condition_variable cv;
        std::deque<Job> jobs;
        int threads = 1;
    };
    Lane lanes[2];  // [0] everything else, [1] quick requests
    std::mutex mu;  // guards both lanes' jobs, done, workers_quit
    std::deque<Done> done;
    bool workers_quit = false;
    std::vector<std::thread> workers;

    void wake() {
        uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(wake_fd, &one, sizeof one);
    }

    void set_events(Conn& c, uint32_t ev) {
        if (c.events == ev) return;
        epoll_event e{};
        e.events = ev;
        e.data.u64 = c.id;
        epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &e);
        c.events = ev;
    }

    void close_conn(uint64_t id) {
        auto it = conns.find(id);
        if (it == conns.end()) return;
        Conn& c = *it->second;
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        auto pa = per_address.find(c.addr);
        if (pa != per_address.end() && --pa->second == 0) per_address.erase(pa);
        conns.erase(it);
    }

    void log(const Conn& c, const HttpError& e) {
        if (access_log)
            std::fprintf(stderr, "- %s:%d %d %s\n", c.addr.c_str(), c.port, e.status, e.code);
    }

    // Answers a request this layer refused, then closes (after lingering).
    void refuse(Conn& c, const HttpError& e) {
        log(c, e);
        start_write(c, problem_bytes(e, false), false);
    }

    // ---- [SECTION] Reading -------------------------------------------------------------

    void on_readable(Conn& c) {
        char buf[65536];
        ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            close_conn(c.id);
            return;
        }
        if (n < 0) return;
        if (c.st == Conn::St::Linger) return;  // dropped
        c.in.append(buf, static_cast<size_t>(n));
        advance(c);
    }

    // Parses what has been read; hands complete requests to the workers.
    void advance(Conn& c) {
        if (c.st == Conn::St::Head) {
            if (c.in.empty()) return;
            if (!c.head_started) {
                c.head_started = true;
                c.deadline = Clock::now() + std::chrono::milliseconds(lim.head_timeout_ms);
            }
            HeadResult h = parse_head(c.in, lim, c.req);
            if (h.state == ParseState::NeedMore) return;
            if (h.state == ParseState::Error) return refuse(c, h.error);
            c.in.erase(0, h.consumed);
            c.framing = h.body;
            if (c.framing.kind == BodyFraming::None) return dispatch(c);
            c.st = Conn::St::Body;
            c.deadline = Clock::now() + std::chrono::milliseconds(lim.body_timeout_ms);
            if (c.framing.kind == BodyFraming::Chunked) c.chunked.emplace(lim);
            if (c.framing.expect_continue && c.in.empty()) {
                // Tiny and first on the connection's send path: a short write means the
                // peer is not reading at all, and it is dropped.
                static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
                if (::send(c.fd, kContinue, sizeof kContinue - 1, MSG_NOSIGNAL) !=
                    static_cast<ssize_t>(sizeof kContinue - 1))
                    return close_conn(c.id);
            }
        }
        if (c.st == Conn::St::Body) {
            if (c.framing.kind == BodyFraming::Length) {
                if (c.in.size() < c.framing.length) return;
                c.req.body = c.in.substr(0, c.framing.length);
                c.in.erase(0, c.framing.length);
                return dispatch(c);
            }
            size_t used = 0;
            HttpError err;
            ParseState s = c.chunked->feed(c.in, c.req.body, used, err);
            c.in.erase(0, used);
            if (s == ParseState::Error) return refuse(c, err);
            if (s == ParseState::Done) return dispatch(c);
        }
    }

    void dispatch(Conn& c) {
        c.st = Conn::St::Busy;
        c.chunked.reset();
        set_events(c, 0);  // nothing read while a worker has the request
        c.req.remote_addr = c.addr;
        c.req.remote_port = c.port;
        bool keep_alive = c.framing.keep_alive;
        Lane& lane = lanes[quick && quick(c.req) ? 1 : 0];
        {
            std::lock_guard lock(mu);
            if (lane.jobs.size() < lim.queue_capacity) {
                lane.jobs.push_back({c.id, std::move(c.req), keep_alive});
                c.req = {};
                lane.cv.notify_one();
                return;
            }
        }
        HttpError e{503, "overloaded", "The server is busy; try again in a moment."};
        log(c, e);
        c.req = {};
        start_write(c, problem_bytes(e, keep_alive, "1"), keep_alive);
    }

    // ---- [SECTION] Writing -------------------------------------------------------------

    void start_write(Conn& c, std::string bytes, bool keep_alive) {
        c.st = Conn::St::Write;
        c.out = std::move(bytes);
        c.out_off = 0;
        c.close_after = !keep_alive;
        c.deadline = Clock::now() + std::chrono::milliseconds(lim.write_timeout_ms);
        c.write_limit = Clock::now() + std::chrono::milliseconds(6 * lim.write_timeout_ms);
        on_writable(c);
    }

    void on_writable(Conn& c) {
        while (c.out_off < c.out.size()) {
            ssize_t n = ::send(c.fd, c.out.data() + c.out_off, c.out.size() - c.out_off, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    set_events(c, EPOLLOUT);
                    return;
                }
                return close_conn(c.id);
            }
            c.out_off += static_cast<size_t>(n);
            // A slow but moving reader (a phone fetching the wasm) keeps its connection; a
            // stalled one is dropped write_timeout after its last progress.
            c.deadline = std::min(c.write_limit, Clock::now() + std::chrono::milliseconds(lim.write_timeout_ms));
        }
        c.out.clear();
        c.out.shrink_to_fit();
        c.out_off = 0;
        if (c.close_after) {
            // Half-close and drop whatever the peer still sends for a moment, so that the
            // answer is not destroyed by a reset from unread input.
            ::shutdown(c.fd, SHUT_WR);
            c.st = Conn::St::Linger;
            c.in.clear();
            c.deadline = Clock::now() + std::chrono::milliseconds(kLingerMs);
            set_events(c, EPOLLIN | EPOLLRDHUP);
            return;
        }
        // Keep-alive: ready for the next request (perhaps already read, pipelined).
        c.st = Conn::St::Head;
        c.head_started = false;
        c.framing = {};
        c.deadline = Clock::now() + std::chrono::milliseconds(lim.idle_timeout_ms);
        set_events(c, EPOLLIN | EPOLLRDHUP);
        advance(c);
    }

    void deliver_done() {
        std::deque<Done> ready;
        {
            std::lock_guard lock(mu);
            ready.swap(done);
        }
        for (Done& d : ready) {
            auto it = conns.find(d.conn);
            if (it == conns.end()) continue;  // the client went away meanwhile
            start_write(*it->second, std::move(d.bytes), d.keep_alive);
        }
    }

    // ---- [SECTION] Workers -------------------------------------------------------------

    void worker(Lane& lane) {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mu);
                lane.cv.wait(lock, [&] { return workers_quit || !lane.jobs.empty(); });
                if (workers_quit) return;
                job = std::move(lane.jobs.front());
                lane.jobs.pop_front();
            }
            httplib::Response res;
            try {
                handler(job.req, res);
            } catch (...) {
                res = {};
                res.status = 500;
                res.set_header("Content-Type", "application/problem+json");
                res.body = dump_json(encode(make_problem(500, Code{"internal"}, "Internal error.")));
            }
            if (access_log)
                std::fprintf(stderr, "%s %s %d\n", job.req.method.c_str(), job.req.target.c_str(), res.status);
            Done d{job.conn, serialize_response(job.req, res, job.keep_alive), job.keep_alive};
            {
                std::lock_guard lock(mu);
                done.push_back(std::move(d));
            }
            wake();
        }
    }

    // ---- [SECTION] Event loop ----------------------------------------------------------

    void accept_all() {
        for (;;) {
            sockaddr_storage sa{};
            socklen_t len = sizeof sa;
            int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&sa), &len,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) return;  // EAGAIN, or out of descriptors: try on the next event
            char host[INET6_ADDRSTRLEN] = "";
            int port = 0;
            if (sa.ss_family == AF_INET) {
                auto* a = reinterpret_cast<sockaddr_in*>(&sa);
                inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
                port = ntohs(a->sin_port);
            } else if (sa.ss_family == AF_INET6) {
                auto* a = reinterpret_cast<sockaddr_in6*>(&sa);
                inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
                port = ntohs(a->sin6_port);
            }
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            if (conns.size() >= lim.max_connections) evict_idle();
            const char* refuse_why = nullptr;
            if (conns.size() >= lim.max_connections) refuse_why = "Too many connections.";
            else if (per_address[host] >= lim.max_per_address)
                refuse_why = "Too many connections from this address.";
            if (refuse_why) {
                if (per_address[host] == 0) per_address.erase(host);
                std::string bytes = problem_bytes({503, "overloaded", refuse_why}, false, "5");
                [[maybe_unused]] ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
                ::close(fd);
                continue;
            }
            auto c = std::make_unique<Conn>();
            c->id = next_id++;
            c->fd = fd;
            c->addr = host;
            c->port = port;
            c->deadline = Clock::now() + std::chrono::milliseconds(lim.idle_timeout_ms);
            c->events = EPOLLIN | EPOLLRDHUP;
            epoll_event e{};
            e.events = c->events;
            e.data.u64 = c->id;
            if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &e) != 0) {
                ::close(fd);
                continue;
            }
            ++per_address[host];
            conns.emplace(c->id, std::move(c));
        }
    }

    // Makes room for a new connection by closing the longest-idle keep-alive one.
    void evict_idle() {
        Conn* oldest = nullptr;
        for (auto& [id, c] : conns)
            if (c->st == Conn::St::Head && !c->head_started && (!oldest || c->deadline < oldest->deadline))
                oldest = c.get();
        if (oldest) close_conn(oldest->id);
    }

    void sweep_deadlines() {
        auto now = Clock::now();
        std::vector<uint64_t> expired;
        for (auto& [id, c] : conns)
            if (c->st != Conn::St::Busy && now >= c->deadline) expired.push_back(id);
        for (uint64_t id : expired) {
            auto it = conns.find(id);
            if (it == conns.end()) continue;
            Conn& c = *it->second;
            if ((c.st == Conn::St::Head && c.head_started) || c.st == Conn::St::Body) {
                refuse(c, {408, "timeout", "The request was not received in time."});
            } else {
                close_conn(id);  // idle, stuck writing, or done lingering
            }
        }
    }

    bool loop() {
        epoll_event events[256];
        auto last_sweep = Clock::now();
        while (!stopping) {
            int n = epoll_wait(epoll_fd, events, 256, 100);
            if (n < 0 && errno != EINTR) return false;
            for (int i = 0; i < n; ++i) {
                uint64_t id = events[i].data.u64;
                uint32_t ev = events[i].events;
                if (id == kListenId) {
                    accept_all();
                } else if (id == kWakeId) {
                    uint64_t v;
                    [[maybe_unused]] ssize_t r = ::read(wake_fd, &v, sizeof v);
                    deliver_done();
                } else {
                    auto it = conns.find(id);
                    if (it == conns.end()) continue;
                    Conn& c = *it->second;
                    if (c.st == Conn::St::Write && (ev & EPOLLOUT)) on_writable(c);
                    else if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
                        if (c.st == Conn::St::Busy) {
                            if (ev & (EPOLLHUP | EPOLLERR)) close_conn(id);
                        } else if (c.st == Conn::St::Write) {
                            if (ev & (EPOLLHUP | EPOLLERR)) close_conn(id);
                        } else {
                            on_readable(c);
                        }
                    }
                }
            }
            auto now = Clock::now();
            if (now - last_sweep >= std::chrono::milliseconds(100)) {
                last_sweep = now;
                sweep_deadlines();
            }
        }
        return true;
    }
};

// ---- [SECTION] Lifecycle ---------------------------------------------------------------

int quick_worker_count(const Limits& lim) {
    if (lim.quick_workers > 0) return lim.quick_workers;
    // At most 16: each thread leases a reader with its own 8 MiB page cache.
    return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 2, 16);
}

HttpFront::HttpFront(Limits limits, Handler handler, bool access_log, Quick quick)
    : impl_(std::make_unique<Impl>()) {
    impl_->lim = limits;
    impl_->handler = std::move(handler);
    impl_->access_log = access_log;
    impl_->quick = std::move(quick);
    impl_->lanes[0].threads = std::max(1, limits.workers);
    impl_->lanes[1].threads = impl_->quick ? quick_worker_count(limits) : 0;
    impl_->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

HttpFront::~HttpFront() {
    if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
    if (impl_->wake_fd >= 0) ::close(impl_->wake_fd);
    if (impl_->epoll_fd >= 0) ::close(impl_->epoll_fd);
}

int HttpFront::bind(const std::string& host, int port) {
    // Room for max_connections descriptors (the soft limit is often 1024).
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        if (rl.rlim_cur < rl.rlim_max) {
            rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_NOFILE, &rl);
            getrlimit(RLIMIT_NOFILE, &rl);
        }
        // Never run out of descriptors before the cap (accept would fail in a loop).
        if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < impl_->lim.max_connections + 64)
            impl_->lim.max_connections = rl.rlim_cur > 128 ? rl.rlim_cur - 64 : 64;
    }
    addrinfo hints{}, *res = nullptr;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    std::string service = std::to_string(port);
    if (getaddrinfo(host.c_str(), service.c_str(), &hints, &res) != 0 || !res) return -1;
    int fd = -1;
    for (addrinfo* ai = res; ai && fd < 0; ai = ai->ai_next) {
        fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) continue;
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        // Bursts of connects queue in the kernel instead of being refused (httplib: 5).
        if (::bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) return -1;
    sockaddr_storage sa{};
    socklen_t len = sizeof sa;
    getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
    int bound = sa.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&sa)->sin6_port)
                                         : ntohs(reinterpret_cast<sockaddr_in*>(&sa)->sin_port);
    impl_->listen_fd = fd;
    return bound;
}

bool HttpFront::run() {
    Impl& m = *impl_;
    if (m.listen_fd < 0 || m.wake_fd < 0) return false;
    if (m.stopping) return true;
    m.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    if (m.epoll_fd < 0) return false;
    epoll_event e{};
    e.events = EPOLLIN;
    e.data.u64 = kListenId;
    epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, m.listen_fd, &e);
    e.data.u64 = kWakeId;
    epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, m.wake_fd, &e);
    for (Impl::Lane& lane : m.lanes)
        for (int i = 0; i < lane.threads; ++i) m.workers.emplace_back([&m, &lane] { m.worker(lane); });

    bool ok = m.loop();

    {
        std::lock_guard lock(m.mu);
        m.workers_quit = true;
    }
    for (Impl::Lane& lane : m.lanes) lane.cv.notify_all();
    for (auto& t : m.workers) t.join();
    m.workers.clear();
    std::vector<uint64_t> ids;
    for (auto& [id, c] : m.conns) ids.push_back(id);
    for (uint64_t id : ids) m.close_conn(id);
    ::close(m.listen_fd);
    m.listen_fd = -1;
    return ok;
}

void HttpFront::stop() {
    impl_->stopping = true;
    impl_->wake();
}

}  // namespace zygc::server
