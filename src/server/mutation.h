// Shared plumbing of the state-changing and personal routes: the CSRF guard, body rules
// (415 / 400), sessions (cookie or bearer), roles, idempotency records, replies.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/model.h"
#include "server/app.h"
#include "server/http_util.h"

namespace zygc::server {

using json = nlohmann::json;

constexpr const char* kSessionCookie = "zygc_session";
constexpr int64_t kSessionIdle = 30LL * 86400;       // idle expiry
constexpr int64_t kSessionAbsolute = 90LL * 86400;   // absolute expiry

// A response prepared before it is sent (so it can be stored for idempotent replay).
struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};
Reply json_reply(const json& j, int status = 200);
Reply no_content();  // 204
void send_reply(const httplib::Request& req, httplib::Response& res, const Reply& r);

// ---- problems ---------------------------------------------------------------------------
// Every problem carries a stable `code` (documented in docs/api/openapi.yaml, Problem) and
// its `params`, next to the Chinese `detail` the app may show as it is.
Problem coded_problem(int status, const char* code, std::string detail, Params params = {},
                      std::vector<FieldError> errors = {});
Reply problem_reply(const Problem& p);
Reply problem_reply(int status, const char* code, std::string detail,
                    std::vector<FieldError> errors = {}, Params params = {});
FieldError field_error(std::string field, const char* code, std::string message, Params params = {});
// Field errors from shared checks that carry no code yet get a generic one ("invalid").
std::vector<FieldError> with_codes(std::vector<FieldError> errs);

// A database failure: the cause goes to stderr, the client gets 500 `internal` (never a
// 4xx that would blame the request).
void log_db_error(const std::string& cause);
Problem internal_problem();
Reply internal_error(const std::string& cause);
void db_error(const httplib::Request& req, httplib::Response& res, const std::string& cause);

// Path ids: positive integers only; anything else is a 404 (documented in the OpenAPI).
std::optional<int64_t> path_id(const std::string& s);

// For POST/PUT/PATCH/DELETE: X-Requested-With: zygc (else 403), a non-empty body must be
// application/json (else 415) and parse (else 400). `required`: an empty body is 400.
// On failure a problem has been sent and false is returned.
bool read_mutation(const httplib::Request& req, httplib::Response& res, json& body, bool required);

// The session token from `Authorization: Bearer` or the zygc_session cookie ("" if none).
std::string session_token(const httplib::Request& req);
// The logged-in user (0 when none or expired; nullopt when the database failed, cause
// logged). Caller holds db_mutex.
[[nodiscard]] std::optional<Id> session_user(App& app, const httplib::Request& req);
[[nodiscard]] std::string create_session(App& app, Id user);  // the token; "" on failure (logged)
std::string session_cookie(const App& app, const std::string& token);  // Set-Cookie value
std::string cleared_cookie(const App& app);

// Role checks: nullopt when the database failed (cause logged).
[[nodiscard]] std::optional<bool> has_role(Db& db, Id user, const char* role);
[[nodiscard]] std::optional<bool> leads_team(Db& db, Id user, Id team);
[[nodiscard]] std::optional<bool> leads_any_team(Db& db, Id user);
// Me for a user (caller holds db_mutex); false when the user does not exist or the
// database failed (then `db_failed` is set and the cause logged).
[[nodiscard]] bool load_me(Db& db, Id user, Me& out, bool* db_failed = nullptr);

// ---- the writer ---------------------------------------------------------------------------
// Every write runs through on_writer: the writer's mutex, and one transaction that takes the
// database's write lock before anything is read (so a write never meets a snapshot another
// program made stale: it waits for that program instead of failing). What fn wrote is
// committed whatever it answers, as statement by statement; a failed commit is a 500.
Reply on_writer(App& app, const std::function<Reply()>& fn);
// fn's writes as one (nested) transaction: a reply below 300 keeps them, anything else undoes them.
Reply in_transaction(App& app, const std::function<Reply()>& fn);

// ---- the opening every personal handler shares -------------------------------------------
// with_user_mutation: CSRF + body rules (read_mutation), then the database lock, then the
// session (401 `not_logged_in`); `fn(user, body)` runs with the lock held and returns the
// reply to send. with_user: the same for reads (no body rules).
using UserMutation = std::function<Reply(Id user, const json& body)>;
void with_user_mutation(App& app, const httplib::Request& req, httplib::Response& res,
                        bool body_required, const UserMutation& fn);
void with_user(App& app, const httplib::Request& req, httplib::Response& res,
               const std::function<Reply(Id user)>& fn);
// The 401 (or 500) for a request without a token, or whose token names no session, found on a
// reader: a flood of them neither waits for the writer nor holds it; nullopt when the token
// names a session (an expired one too: the writer deletes it). with_user* call it first.
std::optional<Reply> no_session(App& app, const httplib::Request& req);
// with_user_read: a signed-in read, on a reader when nothing is to be written first (the
// session's refresh, or what `fn` returns nullopt for when on_writer is false), else on the
// writer with on_writer true (then nullopt is a 500). `db` is the connection to read from.
using UserRead = std::function<std::optional<Reply>(Db& db, Id user, bool on_writer)>;
void with_user_read(App& app, const httplib::Request& req, httplib::Response& res, const UserRead& fn);
Reply not_logged_in();
Reply forbidden_role(const char* role, std::string detail);

// Today in +08:00 as YYYYMMDD (for ID-number birth dates).
std::string today_yyyymmdd(int64_t now_unix);

// Idempotency-Key (RFC draft semantics of API.md). Caller holds db_mutex.
struct Idempotency {
    bool active = false;  // a key was given
    Id user = 0;
    std::string key;
    std::string fingerprint;
};
// Validates the header: a 400 reply when `required` and missing, or malformed.
std::optional<Reply> read_idempotency_key(const httplib::Request& req, bool required, std::string& key);
// Looks the key up: a reply to send instead of running the request (the replayed first
// response, 422 for a different body, 409 while the first one is running, 500 when the
// database failed); otherwise records the key as running and returns nullopt.
std::optional<Reply> idempotency_begin(App& app, const httplib::Request& req, Idempotency& idem,
                                       const json& body);
// Stores the final reply (statuses < 500) or forgets the key; returns the reply to send.
Reply idempotency_finish(App& app, const Idempotency& idem, Reply reply);

// Field errors from a codec DecodeError ("shifts[0].capacity: expected integer").
FieldError decode_field_error(const DecodeError& e);

}  // namespace zygc::server
