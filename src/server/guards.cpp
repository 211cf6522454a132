// [SECTION] index: client address · rate limits · SMS gateway · pruning · start-up refusals.
#include "server/guards.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

namespace zygc::server {

// ---- [SECTION] client address -----------------------------------------------------------

static bool loopback(const std::string& a) {
    return a == "::1" || a.rfind("127.", 0) == 0 || a == "::ffff:127.0.0.1";
}

static std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t i = s.find_first_not_of(" \t");
    return i == std::string::npos ? std::string() : s.substr(i);
}

static bool plausible_addr(const std::string& a) {
    if (a.empty() || a.size() > 45) return false;
    for (char c : a)
        if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':')) return false;
    return true;
}

std::string client_addr(const App& app, const httplib::Request& req) {
    const std::string peer = req.remote_addr.empty() ? "unknown" : req.remote_addr;
    if (!app.opts.trust_proxy || !loopback(peer)) return peer;
    // nginx sets X-Real-IP to the peer it saw; X-Forwarded-For's last entry is the same
    // (earlier entries are whatever the client claimed, never trusted).
    std::string real = trimmed(req.get_header_value("X-Real-IP"));
    if (plausible_addr(real)) return real;
    std::string xff = req.get_header_value("X-Forwarded-For");
    size_t comma = xff.rfind(',');
    std::string last = trimmed(comma == std::string::npos ? xff : xff.substr(comma + 1));
    return plausible_addr(last) ? last : peer;
}

// ---- [SECTION] rate limits --------------------------------------------------------------

Reply rate_limited(int64_t retry_after, std::string detail) {
    if (retry_after < 1) retry_after = 1;
    Reply r = problem_reply(429, "rate_limited", std::move(detail), {},
                            {{"retry_after", std::to_string(retry_after)}});
    r.headers.push_back({"Retry-After", std::to_string(retry_after)});
    return r;
}

std::optional<Reply> check_limit(App& app, const Limit& limit, const std::string& key) {
    int64_t now = app.now();
    Stmt st(app.db, "SELECT count(*), MIN(at) FROM rate_events WHERE bucket = ? AND at > ?");
    st.bind(1, std::string(limit.bucket_prefix) + key).bind(2, now - limit.window_s);
    if (st.step() != Step::Row) return internal_error(st.error());
    if (st.i64(0) < limit.max) return std::nullopt;
    return rate_limited(st.i64(1) + limit.window_s - now, "请求过于频繁，请稍后再试");
}

bool record_event(App& app, const Limit& limit, const std::string& key) {
    Stmt st(app.db, "INSERT INTO rate_events(bucket, at) VALUES (?, ?)");
    st.bind(1, std::string(limit.bucket_prefix) + key).bind(2, app.now());
    if (!st.exec()) return log_db_error(st.error()), false;
    return true;
}

// ---- [SECTION] SMS gateway --------------------------------------------------------------

bool deliver_sms(const std::string& cmd, const std::string& phone, const std::string& code) {
    int in[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return false;
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(in[0]);
        ::close(in[1]);
        return false;
    }
    if (pid == 0) {
        // Child: stdin from the pipe; no shell, the command is one executable path.
        ::dup2(in[0], 0);
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, nullptr);
        ::execl(cmd.c_str(), cmd.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(in[0]);
    std::string line = phone + " " + code + "\n";
    bool wrote = ::write(in[1], line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(in[1]);
    int status = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0 || std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            std::fprintf(stderr, "zygc-server: SMS gateway did not finish in 10 s\n");
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    bool ok = wrote && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok) std::fprintf(stderr, "zygc-server: SMS gateway failed (status %d)\n", status);
    return ok;
}

// ---- [SECTION] pruning ------------------------------------------------------------------

static bool prune_step(App& app, const char* sql, int64_t before) {
    // One short transaction per table, so writers wait milliseconds at most.
    if (!app.db.begin()) return log_db_error(app.db.last_error()), false;
    Stmt st(app.db, sql);
    st.bind(1, before);
    if (!st.exec() || !app.db.commit()) {
        log_db_error(st.failed() ? st.error() : app.db.last_error());
        app.db.rollback();
        return false;
    }
    return true;
}

bool prune_now(App& app) {
    int64_t now = app.now();
    bool ok = true;
    // `keep` is the hook for records that must outlive the retention (attendance check-ins
    // will set it: their keys never expire).
    ok = prune_step(app, "DELETE FROM idempotency WHERE created_at < ? AND keep = 0",
                    now - kIdempotencyRetention) && ok;
    ok = prune_step(app, "DELETE FROM sms_codes WHERE expires_at <= ? OR used = 1", now) && ok;
    ok = prune_step(app, "DELETE FROM login_failures WHERE at <= ?", now - kFailPerCodeWindow) && ok;
    ok = prune_step(app, "DELETE FROM rate_events WHERE at <= ?", now - 86400) && ok;
    ok = prune_step(app, "DELETE FROM sessions WHERE expires_at <= ?", now) && ok;
    ok = prune_step(app, "DELETE FROM sessions WHERE last_seen <= ?", now - kSessionIdle) && ok;
    Stmt mark(app.db,
              "INSERT INTO housekeeping(name, value) VALUES ('last_prune', ?) "
              "ON CONFLICT(name) DO UPDATE SET value = excluded.value");
    mark.bind(1, now);
    if (!mark.exec()) return log_db_error(mark.error()), false;
    return ok;
}

void maybe_prune(App& app) {
    Stmt st(app.db, "SELECT value FROM housekeeping WHERE name = 'last_prune'");
    Step s = st.step();
    if (s == Step::Error) return log_db_error(st.error());
    if (s == Step::Row && app.now() - st.i64(0) < kPruneEvery) return;
    (void)prune_now(app);  // failures are logged; the request itself goes on
}

// ---- [SECTION] start-up refusals --------------------------------------------------------

static bool loopback_host(const std::string& h) {
    return h == "127.0.0.1" || h == "::1" || h == "localhost" || h.rfind("127.", 0) == 0;
}

std::string startup_refusal(const Options& o) {
    if (o.dev && !loopback_host(o.host))
        return "--dev on " + o.host + " refused: dev mode shows login codes and has a dev admin; "
               "it listens on loopback only (--host 127.0.0.1)";
    if (!o.secret_file.empty()) {
        struct stat st {};
        if (::stat(o.secret_file.c_str(), &st) == 0 && (st.st_mode & 077))
            return "--secret-file " + o.secret_file + " is readable by group or others: chmod 600 it";
    }
    if (!o.dev && o.sms_gateway_cmd.empty() && !o.login_disabled)
        return "no SMS gateway configured (--sms-gateway-cmd): logins could not work. Pass "
               "--login-disabled to run without logins (sms-code and login then answer 503)";
    if (!o.sms_gateway_cmd.empty() && ::access(o.sms_gateway_cmd.c_str(), X_OK) != 0)
        return "--sms-gateway-cmd " + o.sms_gateway_cmd + " is not an executable file";
    std::string err;
    if (!o.db_path.empty() && !check_db_file_modes(o.db_path, o.dev, &err)) return err;
    return {};
}

}  // namespace zygc::server
