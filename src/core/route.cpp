// Hash ↔ Route, from the paths of the screen table: "projects/{id}/edit" matches
// "projects/12/edit" with id 12; "brands/{slug}" takes a slug.
#include "core/route.h"

#include <charconv>

#include "core/screen_table.h"

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

// A certificate serial ("ZYGC-2026-0000123-AB12"): letters, digits and '-'.
bool valid_serial(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

// The next '/'-separated segment of s (s advances past it).
std::string_view next_segment(std::string_view& s) {
    size_t slash = s.find('/');
    std::string_view seg = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash + 1);
    return seg;
}

// Does `path` match `pattern`? Fills r.id / r.slug / r.shift from {id} / {slug} or
// {serial} / {shift}.
bool match(std::string_view pattern, std::string_view path, Route& r) {
    if (pattern.empty() || path.empty()) return pattern.empty() && path.empty();
    while (!pattern.empty() || !path.empty()) {
        if (pattern.empty() || path.empty()) return false;
        std::string_view want = next_segment(pattern), got = next_segment(path);
        if (want == "{id}") {
            if (!parse_id(got, r.id)) return false;
        } else if (want == "{slug}") {
            if (!valid_slug(got)) return false;
            r.slug = std::string(got);
        } else if (want == "{shift}") {  // certification
            if (!parse_id(got, r.shift)) return false;
        } else if (want == "{serial}") {  // certification
            if (!valid_serial(got)) return false;
            r.slug = std::string(got);
        } else if (want != got) {
            return false;
        }
    }
    return true;
}

}  // namespace

Route parse_route(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    std::string_view query;  // search typing
    if (auto q = hash.find('?'); q != std::string_view::npos) {
        query = hash.substr(q + 1);
        hash = hash.substr(0, q);
    }
    while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);

    for (const ScreenInfo& s : screen_table()) {
        if (!s.path) continue;
        Route r;
        r.kind = s.kind;
        if (match(s.path, hash, r)) {
            r.query = std::string(query.substr(0, 1024));
            return r;
        }
    }
    Route r;
    r.kind = Route::NotFound;
    return r;
}

std::string route_hash(const Route& r) {
    const char* pattern = screen_info(r.kind).path;
    if (!pattern) return "#/";
    std::string out = "#/";
    std::string_view p = pattern;
    while (!p.empty()) {
        std::string_view seg = next_segment(p);
        if (seg == "{id}") out += std::to_string(r.id);
        else if (seg == "{slug}" || seg == "{serial}") out += r.slug;
        else if (seg == "{shift}") out += std::to_string(r.shift);
        else out += seg;
        if (!p.empty()) out += '/';
    }
    if (!r.query.empty()) out += "?" + r.query;  // search typing
    return out;
}

}  // namespace zygc
