// The API client: builds HttpRequests for the endpoints and decodes their responses.
// It knows paths, query encoding and status handling; it never performs I/O itself —
// requests go out through a Transport (see store.h / runtime.h).
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "decode.h"
#include "http.h"
#include "model.h"

namespace zygc {

struct ProjectQuery {
    std::string q;
    Id district_id = 0;     // 0: any
    std::string category;   // "": any
    std::string brand;      // "": any
    Id team_id = 0;
    std::string status;     // "": any
    std::string date_from;  // YYYY-MM-DD
    std::string date_to;
    std::string sort;       // "", "start", "-start", "popular", "distance"
    int limit = 20;
    std::string cursor;
    bool operator==(const ProjectQuery&) const = default;
};

namespace api {

HttpRequest get_districts();
HttpRequest get_city_stats();
HttpRequest get_brands();
HttpRequest get_brand(const std::string& slug);
HttpRequest get_teams(const std::string& q, Id district_id, const std::string& cursor = "");
HttpRequest get_team(Id id);
HttpRequest get_projects(const ProjectQuery& query);
HttpRequest get_project(Id id);

// Accounts and sign-ups. State-changing requests carry X-Requested-With: zygc (CSRF guard)
// and a JSON body; the session itself is an HttpOnly cookie the app never sees.
HttpRequest post_sms_code(const std::string& phone);
HttpRequest post_login(const std::string& phone, const std::string& code);
HttpRequest post_wechat(const std::string& code);
HttpRequest post_logout();
HttpRequest get_me();
HttpRequest put_volunteer(const VolunteerApplication& application);
HttpRequest post_team_member(Id team_id);
HttpRequest delete_team_member(Id team_id);  // leave team (issue 10): DELETE /teams/{id}/members/me
HttpRequest post_signup(Id project_id, Id shift_id, const std::string& idempotency_key);
HttpRequest delete_signup(Id signup_id);
// A page of my sign-ups (upcoming soonest first, then past latest first); page_query: the
// next page's query from the last answer's Link (next_page_query), "" for the first.
HttpRequest get_my_signups(int limit, std::string_view page_query = {});
HttpRequest post_project(const ProjectDraft& draft, const std::string& idempotency_key);
HttpRequest patch_project(Id id, const nlohmann::json& changes, const std::string& if_match);

std::string url_encode(std::string_view s);  // RFC 3986 unreserved kept, rest %XX

// The query ("?limit=…&cursor=…") of the rel="next" target in a Link header (RFC 8288), ""
// when there is none. Only the query is taken: the app asks its own path with it, so an
// answer can name the next page but never send the app elsewhere.
std::string next_page_query(std::string_view link);

}  // namespace api

// What went wrong with a call, in a form the UI turns into a readable message.
struct ApiError {
    enum Kind { Network, Http, BadPayload };
    Kind kind = Network;
    int status = 0;           // Http
    Problem problem;          // Http, when the server sent problem+json
    std::string detail;       // network error text or decode error path + message
};

template <class T>
struct ApiResult {
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value(); }
};

// Decode a response: 2xx → decode<T>(body); otherwise an ApiError carrying the problem.
template <class T>
ApiResult<T> read_response(const HttpResponse& r) {
    ApiResult<T> out;
    if (r.status == 0) {
        out.error = {ApiError::Network, 0, {}, r.network_error};
        return out;
    }
    if (r.status < 200 || r.status >= 300) {
        out.error.kind = ApiError::Http;
        out.error.status = r.status;
        auto p = decode<Problem>(r.body);
        if (p.ok()) out.error.problem = p.value;
        out.error.problem.status = r.status;
        return out;
    }
    auto d = decode<T>(r.body);
    if (!d.ok()) {
        out.error = {ApiError::BadPayload, r.status, {}, d.error->to_string()};
        return out;
    }
    out.value = std::move(d.value);
    return out;
}

}  // namespace zygc
