#include "core/route.h"

#include <charconv>

namespace zygc {
namespace {

bool parse_id(std::string_view s, Id& out) {
    if (s.empty() || s.size() > 18) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && out > 0;
}

bool valid_slug(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

Route parse_route(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    if (auto q = hash.find('?'); q != std::string_view::npos) hash = hash.substr(0, q);
    while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);

    Route r;
    if (hash.empty()) return r;
    if (hash == "projects") {
        r.kind = Route::Projects;
        return r;
    }
    struct Fixed {
        const char* path;
        Route::Kind kind;
    };
    static const Fixed fixed[] = {{"login", Route::Login},       {"me", Route::Me},
                                  {"me/volunteer", Route::Register}, {"me/signups", Route::MySignups},
                                  {"teams", Route::Teams},       {"projects/new", Route::NewProject}};
    for (const Fixed& f : fixed) {
        if (hash == f.path) {
            r.kind = f.kind;
            return r;
        }
    }
    if (hash.starts_with("teams/") && parse_id(hash.substr(6), r.id)) {
        r.kind = Route::Team;
        return r;
    }
    if (hash.starts_with("projects/") && hash.ends_with("/edit") &&
        parse_id(hash.substr(9, hash.size() - 9 - 5), r.id)) {
        r.kind = Route::EditProject;
        return r;
    }
    if (hash.starts_with("projects/") && parse_id(hash.substr(9), r.id)) {
        r.kind = Route::Project;
        return r;
    }
    if (hash.starts_with("brands/") && valid_slug(hash.substr(7))) {
        r.kind = Route::Brand;
        r.slug = std::string(hash.substr(7));
        return r;
    }
    r.kind = Route::NotFound;
    return r;
}

std::string route_hash(const Route& r) {
    switch (r.kind) {
        case Route::Home: return "#/";
        case Route::Projects: return "#/projects";
        case Route::Project: return "#/projects/" + std::to_string(r.id);
        case Route::Brand: return "#/brands/" + r.slug;
        case Route::NotFound: return "#/";
        case Route::Login: return "#/login";
        case Route::Me: return "#/me";
        case Route::Register: return "#/me/volunteer";
        case Route::MySignups: return "#/me/signups";
        case Route::Teams: return "#/teams";
        case Route::Team: return "#/teams/" + std::to_string(r.id);
        case Route::NewProject: return "#/projects/new";
        case Route::EditProject: return "#/projects/" + std::to_string(r.id) + "/edit";
    }
    return "#/";
}

}  // namespace zygc
