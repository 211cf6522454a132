// The connection layer: one event thread (epoll) owns every socket; two fixed lanes of
// workers (quick reads, everything else) run handlers on complete requests. Slow, idle or
// hostile connections cost a few KiB in the event loop and never hold a worker. See
// docs/architecture.md "Server connections".
#pragma once
#include <functional>
#include <memory>
#include <string>

#include <httplib.h>

#include "server/server.h"

namespace zygc::server {

class HttpFront {
public:
    // Called on a worker thread with a complete request (method, target, path, params,
    // headers, body, remote_addr filled in); fills res (status, headers, body).
    using Handler = std::function<void(httplib::Request&, httplib::Response&)>;
    // Called on the event thread with a complete request: true when it goes to the quick
    // lane (it must never wait for a lock another request holds long, e.g. the writer).
    using Quick = std::function<bool(const httplib::Request&)>;

    HttpFront(Limits limits, Handler handler, bool access_log, Quick quick = {});
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    // Listens on host:port (0: ephemeral); returns the bound port or -1.
    int bind(const std::string& host, int port);
    // Serves until stop(); false when not bound.
    bool run();
    // Thread-safe, also before run() (which then returns at once).
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Threads of the quick lane: lim.quick_workers, or one per core (2 to 16).
int quick_worker_count(const Limits& lim);

// The bytes of a response: status line, headers, Content-Length and (unless HEAD, 204 or
// 304) the body. `keep_alive` decides the Connection header.
std::string serialize_response(const httplib::Request& req, const httplib::Response& res,
                               bool keep_alive);

}  // namespace zygc::server
