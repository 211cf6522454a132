#include "core/api.h"

#include <algorithm>

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

std::string next_page_query(std::string_view link) {
    auto trim = [](std::string_view v) {
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
        return v;
    };
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    // Each link: <target> followed by ;-separated parameters, up to the next <.
    for (size_t open = link.find('<'); open != std::string_view::npos;) {
        const size_t close = link.find('>', open);
        if (close == std::string_view::npos) return {};
        const std::string_view target = link.substr(open + 1, close - open - 1);
        open = link.find('<', close);
        std::string_view params = link.substr(close + 1, open == std::string_view::npos ? open : open - close - 1);
        bool next = false;
        while (!params.empty() && !next) {
            const size_t semi = params.find(';');
            std::string_view p = trim(params.substr(0, semi));
            params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
            const size_t eq = p.find('=');
            if (eq == std::string_view::npos || trim(p.substr(0, eq)) != "rel") continue;
            std::string_view v = trim(p.substr(eq + 1));
            while (!v.empty() && (v.back() == ',' || v.back() == ' ')) v.remove_suffix(1);
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
            // rel may hold several space-separated relation types, in any case.
            for (size_t at = 0; at <= v.size() && !next;) {
                const size_t sp = std::min(v.find(' ', at), v.size());
                const std::string_view word = v.substr(at, sp - at);
                next = word.size() == 4 && lower(word[0]) == 'n' && lower(word[1]) == 'e' && lower(word[2]) == 'x' &&
                       lower(word[3]) == 't';
                at = sp + 1;
            }
        }
        if (!next) continue;
        const size_t q = target.find('?');
        if (q == std::string_view::npos) return {};
        const std::string_view query = target.substr(q);
        for (unsigned char c : query)
            if (c <= ' ' || c == '#' || c >= 0x7f) return {};  // not a query this app sends on
        return std::string(query);
    }
    return {};
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
HttpRequest get_my_signups(int limit, std::string_view page_query) {
    return get(page_query.empty() ? "/me/signups?limit=" + std::to_string(limit) : "/me/signups" + std::string(page_query));
}

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
