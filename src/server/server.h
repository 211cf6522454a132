// The reference API server: options, lifecycle. Routes live in routes_*.cpp.
#pragma once
#include <memory>
#include <string>

namespace zygc::server {

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
    // Accounts (docs/security.md): the program that delivers login codes (reads
    // "PHONE CODE\n" on stdin, exit 0 = sent); without it production refuses to start
    // unless login_disabled (then sms-code/login answer 503 login_disabled).
    std::string sms_gateway_cmd;
    bool login_disabled = false;
    bool trust_proxy = false;  // client address from X-Real-IP / X-Forwarded-For, loopback peer only
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
