// Shared plumbing of the state-changing and personal routes: the CSRF guard, body rules
// (415 / 400), sessions (cookie or bearer), roles, idempotency records, replies.
#pragma once
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
Reply problem_reply(int status, std::string detail, std::vector<FieldError> errors = {});
void send_reply(const httplib::Request& req, httplib::Response& res, const Reply& r);

void db_error(const httplib::Request& req, httplib::Response& res, const std::string& e);
// Path ids: positive integers only; anything else is a 404 (documented in the OpenAPI).
std::optional<int64_t> path_id(const std::string& s);

// For POST/PUT/PATCH/DELETE: X-Requested-With: zygc (else 403), a non-empty body must be
// application/json (else 415) and parse (else 400). `required`: an empty body is 400.
// On failure a problem has been sent and false is returned.
bool read_mutation(const httplib::Request& req, httplib::Response& res, json& body, bool required);

// The session token from `Authorization: Bearer` or the zygc_session cookie ("" if none).
std::string session_token(const httplib::Request& req);
// The logged-in user (0 when none or expired). Caller holds db_mutex.
Id session_user(App& app, const httplib::Request& req);
std::string create_session(App& app, Id user);  // returns the token
std::string session_cookie(const App& app, const std::string& token);  // Set-Cookie value
std::string cleared_cookie(const App& app);

bool has_role(App& app, Id user, const char* role);
bool leads_team(App& app, Id user, Id team);
bool leads_any_team(App& app, Id user);
// Me for a user (caller holds db_mutex); false when the user does not exist.
bool load_me(App& app, Id user, Me& out);

// Today in +08:00 as YYYYMMDD (for ID-number birth dates).
std::string today_yyyymmdd(int64_t now_unix);

// Idempotency-Key (RFC draft semantics of API.md). Caller holds db_mutex.
struct Idempotency {
    bool active = false;  // a key was given
    Id user = 0;
    std::string key;
    std::string fingerprint;
};
// Validates the header (400 when `required` and missing, or malformed). Returns false after
// sending a problem.
bool read_idempotency_key(const httplib::Request& req, httplib::Response& res, bool required,
                          std::string& key);
// Looks the key up: replays the first response (true, sent), 422 for a different body,
// 409 while the first one is running; otherwise records it as running and returns false.
bool idempotency_begin(App& app, const httplib::Request& req, httplib::Response& res,
                       Idempotency& idem, const json& body);
// Stores the final reply (statuses < 500) or forgets the key, then sends it.
void idempotency_finish(App& app, const httplib::Request& req, httplib::Response& res,
                        const Idempotency& idem, const Reply& reply);

// Field errors from a codec DecodeError ("shifts[0].capacity: expected integer").
FieldError decode_field_error(const DecodeError& e);

}  // namespace zygc::server
