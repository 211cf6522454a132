// Guards around accounts (docs/security.md): the client address, rate limits on login and
// SMS codes, the SMS gateway, pruning of expired rows, and the start-up refusals.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <httplib.h>

#include "server/app.h"
#include "server/mutation.h"

namespace zygc::server {

// ---- limits (the numbers are explained in docs/security.md) ---------------------------
struct Limit {
    const char* bucket_prefix;  // "sms:addr:" + address, "sms:all", ...
    int max;                    // events allowed ...
    int64_t window_s;           // ... per this sliding window
};
constexpr Limit kSmsPerAddr{"sms:addr:", 20, 3600};
constexpr Limit kSmsOverall{"sms:all", 1000, 3600};
constexpr Limit kLoginPerAddr{"login:addr:", 60, 3600};      // attempts, right or wrong
constexpr Limit kLoginOverall{"login:all", 6000, 3600};
constexpr Limit kWechatPerAddr{"wechat:addr:", 60, 3600};
constexpr Limit kWechatOverall{"wechat:all", 6000, 3600};
constexpr Limit kRegisterPerUser{"register:user:", 5, 86400}; // 实名注册 attempts per account
constexpr int64_t kSmsInterval = 60;          // one code per minute per phone
constexpr int64_t kSmsLifetime = 5 * 60;      // codes expire after 5 minutes
constexpr int kMaxPendingCodes = 10000;       // phones with a live code, server-wide
// Wrong guesses: per (phone, address) and per address lock only that address out; per
// phone (any address) they void the current code, and a fresh code starts again.
constexpr int kFailPerPhoneAddr = 5;
constexpr int64_t kFailPerPhoneAddrWindow = 15 * 60;
constexpr int kFailPerAddr = 20;
constexpr int64_t kFailPerAddrWindow = 3600;
constexpr int kFailPerCode = 100;             // per-phone daily ceiling, reset by a fresh code
constexpr int64_t kFailPerCodeWindow = 86400;

// The address the limits count by: the TCP peer, or with --trust-proxy and a loopback
// peer (nginx on the same host) X-Real-IP, else the last X-Forwarded-For entry.
std::string client_addr(const App& app, const httplib::Request& req);

// Sliding-window check of `limit` for `key` (appended to the bucket prefix): a 429
// `rate_limited` reply {retry_after} when the window is full, 500 on a database error,
// nullopt when the event may happen. record() counts one event. Caller holds db_mutex.
std::optional<Reply> check_limit(App& app, const Limit& limit, const std::string& key = "");
[[nodiscard]] bool record_event(App& app, const Limit& limit, const std::string& key = "");
Reply rate_limited(int64_t retry_after, std::string detail);

// Runs the configured gateway with "PHONE CODE\n" on stdin; true when it exited 0 within
// 10 s. Call without holding db_mutex.
bool deliver_sms(const std::string& cmd, const std::string& phone, const std::string& code);

// ---- pruning ---------------------------------------------------------------------------
constexpr int64_t kIdempotencyRetention = 48 * 3600;
constexpr int64_t kPruneEvery = 10 * 60;
// Deletes expired rows (idempotency records older than the retention unless kept, used or
// expired SMS codes, old failures and rate events, expired sessions), each in its own short
// transaction, when kPruneEvery has passed since the last run. Caller holds db_mutex.
void maybe_prune(App& app);
// Unconditionally (tests and start-up). Returns false on a database error (logged).
bool prune_now(App& app);

// ---- start-up --------------------------------------------------------------------------
// The reason production must not start with these options ("" = fine): --dev on a
// non-loopback host, a secret file readable by group/others, no SMS gateway without
// --login-disabled, a database file open to group/others (dev mode fixes it to 0600).
std::string startup_refusal(const Options& o);

}  // namespace zygc::server
