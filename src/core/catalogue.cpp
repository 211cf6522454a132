#include "core/catalogue.h"

#include <algorithm>
#include <cstdlib>

#include "core/feature.h"
#include "core/utf8.h"
#include "core/publishing.h"

namespace zygc::catalogue {

namespace {
// search typing: the list's URL follows its search, rewriting the entry (back leaves the list).
void follow_url(State& s, Effects& out) {
    if (s.route.kind != Route::Projects) return;
    s.route.query = query_string(s.query);
    out.push_back(SetUrlHash{route_hash(s.route), true});
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX and '+' decoded; a malformed escape is kept as it is.
std::string url_decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
            out += char(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}
}  // namespace

std::string query_string(const ProjectQuery& q) {
    std::string out;
    auto add = [&](const char* key, const std::string& v) {
        if (v.empty()) return;
        out += (out.empty() ? "" : "&") + std::string(key) + "=" + api::url_encode(v);
    };
    add("q", q.q);
    add("district", q.district_id ? std::to_string(q.district_id) : "");
    add("category", q.category);
    add("brand", q.brand);
    add("ended", q.status.empty() ? "1" : "");
    return out;
}

ProjectQuery read_query_string(std::string_view qs, ProjectQuery q) {
    q.q.clear();
    q.district_id = 0;
    q.category.clear();
    q.brand.clear();
    q.status = "open";
    while (!qs.empty()) {
        const size_t amp = qs.find('&');
        const std::string_view pair = qs.substr(0, amp);
        qs = amp == std::string_view::npos ? std::string_view() : qs.substr(amp + 1);
        const size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, eq);
        std::string v = url_decode(pair.substr(eq + 1));
        if (!utf8::valid(v)) continue;
        if (key == "q") q.q = std::string(utf8::truncate_chars(v, 100));
        else if (key == "district") q.district_id = std::max<long long>(0, std::strtoll(v.c_str(), nullptr, 10));
        else if (key == "category" && v.size() <= 64) q.category = v;
        else if (key == "brand" && v.size() <= 64) q.brand = v;
        else if (key == "ended" && v == "1") q.status.clear();
    }
    return q;
}

bool route_query(State& s, bool from_url) {
    if (s.route.kind != Route::Projects) return false;
    bool changed = false;
    if (from_url || !s.route.query.empty()) {
        const ProjectQuery q = read_query_string(s.route.query, s.query);
        changed = !(q == s.query);
        s.query = q;
    }
    s.route.query = query_string(s.query);
    return changed;
}

void update(State& s, const SetSearch& a, Effects& out) {
    if (a.q == s.query.q) return;
    s.query.q = a.q;
    append(out, load(s, Target::Projects));
    follow_url(s, out);
}

void update(State& s, const SetFilter& a, Effects& out) {
    if (a.district_id == s.query.district_id && a.category == s.query.category && a.brand == s.query.brand)
        return;
    s.query.district_id = a.district_id;
    s.query.category = a.category;
    s.query.brand = a.brand;
    append(out, load(s, Target::Projects));
    follow_url(s, out);
}

void update(State& s, const ShowEnded& a, Effects& out) {
    const std::string status = a.on ? "" : "open";
    if (status == s.query.status) return;
    s.query.status = status;
    append(out, load(s, Target::Projects));
    follow_url(s, out);
}

void update(State& s, const LoadMore&, Effects& out) { append(out, load(s, Target::MoreProjects)); }

std::optional<HttpRequest> request_home_projects(State&) {
    ProjectQuery q;
    q.status = "open";
    q.sort = "start";
    q.limit = 10;
    return api::get_projects(q);
}

std::optional<HttpRequest> request_projects(State& s) {
    ProjectQuery q = s.query;
    q.cursor.clear();
    s.more.reset();  // an older "load more" must not append to the new list
    return api::get_projects(q);
}

std::optional<HttpRequest> request_more(State& s) {
    if (!s.projects.loaded() || !s.projects.data().next_cursor || s.more.loading()) return std::nullopt;
    ProjectQuery q = s.query;
    q.cursor = *s.projects.data().next_cursor;
    return api::get_projects(q);
}

std::optional<HttpRequest> request_project(State& s) {
    const bool certification = s.route.kind == Route::ShiftConsole || s.route.kind == Route::Hours;
    if (s.route.kind != Route::Project && s.route.kind != Route::EditProject && !certification) return std::nullopt;
    return api::get_project(s.route.id);
}

std::optional<HttpRequest> request_brand(State& s) {
    if (s.route.kind != Route::Brand) return std::nullopt;
    return api::get_brand(s.route.slug);
}

void receive_more(State& s, const Received& a, Effects& out) {
    take_page(s, s.projects, &Page<Project>::items, s.more, a, out);
}

void receive_project(State& s, const Received& a, Effects&) {
    if (fill(s.project, a) && s.project.loaded() && s.route.kind == Route::EditProject &&
        s.route.id == s.project.data().id)
        publishing::fill_draft_from_project(s);
}

void invalidate_lists(State& s) {
    s.home_projects.invalidate();
    s.projects.invalidate();
    s.stats.invalidate();
}

}  // namespace zygc::catalogue
