// The reference API server: options, lifecycle. Routes live in routes_*.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace zygc::server {

// The connection layer's hard limits (http_front.cpp, http_parse.cpp; docs/architecture.md
// "Server connections"). Tests lower them to reach them quickly.
struct Limits {
    size_t max_head_bytes = 16 * 1024;   // request line + header fields
    size_t max_header_fields = 100;
    size_t max_body_bytes = 64 * 1024;   // decoded, however it is framed
    size_t max_chunk_line = 1024;        // one chunk-size line
    size_t max_trailer_bytes = 4 * 1024;
    int workers = 8;                     // threads running handlers (all but quick reads)
    int quick_workers = 0;               // threads running quick reads (0: one per core, 2–16)
    size_t queue_capacity = 1024;        // complete requests waiting in one lane (full: 503)
    size_t max_connections = 4096;       // open at once (idle keep-alive ones are closed first)
    size_t max_per_address = 512;        // open at once from one client address
    int head_timeout_ms = 10000;         // from a request's first byte to the end of its head
    int body_timeout_ms = 10000;         // from the end of the head to the end of the body
    int idle_timeout_ms = 5000;          // a connection between requests
    int write_timeout_ms = 10000;        // a response still unsent after this: connection closed
};

struct Options {
    std::string db_path;      // SQLite file (created when missing)
    std::string seed_path;    // optional: load into an empty database
    std::string static_dir;   // optional: the built app, served at /
    std::string host = "127.0.0.1";
    int port = 8080;          // 0: ephemeral
    bool dev = false;         // dev mode (dev codes, dev accounts) — later slices
    bool access_log = false;  // one line per request on stderr
    int64_t now_unix = 0;     // clock for seeding; 0 = system clock. When set, the
                              // server's clock starts there and runs in real time.
    std::string secret_file;  // hex key file (32+ bytes) for ID-number HMAC/encryption
    std::string secret_hex;   // the key itself (else env ZYGC_SECRET; dev mode generates
                              // <db>.secret with mode 0600 when neither is given)
    Limits limits;
    // Accounts (docs/security.md): the program that delivers login codes (reads
    // "PHONE CODE\n" on stdin, exit 0 = sent); without it production refuses to start
    // unless login_disabled (then sms-code/login answer 503 login_disabled).
    std::string sms_gateway_cmd;
    bool login_disabled = false;
    bool trust_proxy = false;  // client address from X-Real-IP / X-Forwarded-For, loopback peer only
    // hours: demo attendance and certified hours (seed_hours.cpp); the dev binary sets it.
    bool demo_hours = false;
};

class Server {
public:
    explicit Server(Options opts);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Opens the database, migrates, seeds, registers routes.
    bool init(std::string* err);
    // Binds host:port; returns the bound port (the ephemeral one for port 0) or -1.
    int bind();
    // Serves until stop(); returns false when the loop could not run.
    bool run();
    // Thread-safe; waits until a concurrent run() is actually listening before stopping.
    void stop();

    const Options& options() const;
    // Tests: moves the server's clock forward (sessions, codes, rate limits, shift starts).
    void advance_clock(int64_t seconds);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace zygc::server
