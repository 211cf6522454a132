#include "core/api.h"

#include "core/codec.h"

namespace zygc::api {
namespace {

HttpRequest get(std::string path) {
    HttpRequest r;
    r.path = std::move(path);
    r.headers.push_back({"Accept", "application/json"});
    return r;
}

HttpRequest send(const char* method, std::string path, const nlohmann::json& body) {
    HttpRequest r;
    r.method = method;
    r.path = std::move(path);
    r.headers.push_back({"Accept", "application/json"});
    r.headers.push_back({"X-Requested-With", "zygc"});
    if (!body.is_null()) {
        r.headers.push_back({"Content-Type", "application/json"});
        r.body = body.dump();
    }
    return r;
}

// Appends "&key=value" (or "?key=value" for the first) when value is not empty.
void param(std::string& path, const char* key, const std::string& value) {
    if (value.empty()) return;
    path += path.find('?') == std::string::npos ? '?' : '&';
    path += key;
    path += '=';
    path += url_encode(value);
}

void param(std::string& path, const char* key, Id value) {
    if (value != 0) param(path, key, std::to_string(value));
}

}  // namespace

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (unsigned char c : s) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

HttpRequest get_districts() { return get("/districts"); }
HttpRequest get_city_stats() { return get("/stats/city"); }
HttpRequest get_brands() { return get("/brands"); }
HttpRequest get_brand(const std::string& slug) { return get("/brands/" + url_encode(slug)); }

HttpRequest get_teams(const std::string& q, Id district_id, const std::string& cursor) {
    std::string path = "/teams";
    param(path, "q", q);
    param(path, "district_id", district_id);
    param(path, "cursor", cursor);
    return get(path);
}

HttpRequest get_team(Id id) { return get("/teams/" + std::to_string(id)); }

HttpRequest get_projects(const ProjectQuery& q) {
    std::string path = "/projects";
    param(path, "q", q.q);
    param(path, "district_id", q.district_id);
    param(path, "category", q.category);
    param(path, "brand", q.brand);
    param(path, "team_id", q.team_id);
    param(path, "status", q.status);
    param(path, "date_from", q.date_from);
    param(path, "date_to", q.date_to);
    param(path, "sort", q.sort);
    if (q.limit != 20) param(path, "limit", std::to_string(q.limit));
    param(path, "cursor", q.cursor);
    return get(path);
}

HttpRequest get_project(Id id) { return get("/projects/" + std::to_string(id)); }

HttpRequest post_sms_code(const std::string& phone) {
    return send("POST", "/auth/sms-code", {{"phone", phone}});
}

HttpRequest post_login(const std::string& phone, const std::string& code) {
    return send("POST", "/auth/login", {{"phone", phone}, {"code", code}});
}

HttpRequest post_wechat(const std::string& code) { return send("POST", "/auth/wechat", {{"code", code}}); }
HttpRequest post_logout() { return send("POST", "/auth/logout", nlohmann::json::object()); }
HttpRequest get_me() { return get("/me"); }

HttpRequest put_volunteer(const VolunteerApplication& application) {
    return send("PUT", "/me/volunteer", encode(application));
}

HttpRequest post_team_member(Id team_id) {
    return send("POST", "/teams/" + std::to_string(team_id) + "/members", nlohmann::json::object());
}

// leave team (issue 10)
HttpRequest delete_team_member(Id team_id) {
    return send("DELETE", "/teams/" + std::to_string(team_id) + "/members/me", {});
}

HttpRequest post_signup(Id project_id, Id shift_id, const std::string& idempotency_key) {
    HttpRequest r = send("POST", "/projects/" + std::to_string(project_id) + "/signups", {{"shift_id", shift_id}});
    r.headers.push_back({"Idempotency-Key", idempotency_key});
    return r;
}

HttpRequest delete_signup(Id signup_id) { return send("DELETE", "/signups/" + std::to_string(signup_id), {}); }
HttpRequest get_my_signups() { return get("/me/signups"); }

HttpRequest post_project(const ProjectDraft& draft, const std::string& idempotency_key) {
    HttpRequest r = send("POST", "/projects", encode(draft));
    r.headers.push_back({"Idempotency-Key", idempotency_key});
    return r;
}

HttpRequest patch_project(Id id, const nlohmann::json& changes, const std::string& if_match) {
    HttpRequest r = send("PATCH", "/projects/" + std::to_string(id), changes);
    r.headers.push_back({"If-Match", if_match});
    return r;
}

}  // namespace zygc::api
