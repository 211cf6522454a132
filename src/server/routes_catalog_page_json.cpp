// A page of projects as JSON text, written straight from the structs: the bytes
// dump_json(encode(page)) gives, with total_estimated and the items' distance_m, without
// nlohmann's tree. For a fresh page (one no kept answer serves) the tree's allocations and its
// dump were most of the server's time after gzip (issue 11, docs/benchmarks.md).
#include <cstdio>

#include "core/utf8.h"
#include "server/routes_catalog_internal.h"

namespace zygc::server::catalog {
namespace {

// Keys are written in nlohmann's order (its objects are std::maps: sorted by key).
struct Writer {
    std::string out;
    bool first = true;  // no member written yet in the object being written

    void open() {
        out += '{';
        first = true;
    }
    void close() {
        out += '}';
        first = false;
    }
    void name(const char* k) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += k;
        out += "\":";
    }
    void text(std::string_view s) {  // UTF-8 already checked; escaped as nlohmann's dump does
        out += '"';
        size_t plain = 0;  // start of the bytes not written yet, none of which needs escaping
        for (size_t i = 0; i < s.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s, plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                }
            }
        }
        out.append(s, plain, s.size() - plain);
        out += '"';
    }
    void number(int64_t v) { out += std::to_string(v); }
    void number(double v) { out += nlohmann::json(v).dump(); }  // nlohmann's own float format
    void text_or_null(const std::optional<std::string>& s) {
        if (s) text(*s);
        else out += "null";
    }

    void shift(const Shift& v) {
        open();
        name("capacity"); number(v.capacity);
        name("end"); text(v.end);
        name("id"); number(v.id);
        name("signed_up"); number(v.signed_up);
        name("start"); text(v.start);
        close();
    }
    void project(const Project& v, const int64_t* distance_m) {
        open();
        name("brand"); text_or_null(v.brand);
        name("brand_name"); text(v.brand_name);
        name("capacity"); number(v.capacity);
        name("category"); text(v.category);
        if (!v.description.empty()) {
            name("description");
            text(v.description);
        }
        if (distance_m) {
            name("distance_m");
            number(*distance_m);
        }
        name("district_id"); number(v.district_id);
        name("district_name"); text(v.district_name);
        name("end"); text(v.end);
        name("id"); number(v.id);
        if (v.next_shift.id) {
            name("next_shift");
            shift(v.next_shift);
        }
        if (!v.shifts.empty()) {
            name("shifts");
            out += '[';
            for (size_t i = 0; i < v.shifts.size(); ++i) {
                if (i) out += ',';
                shift(v.shifts[i]);
            }
            out += ']';
        }
        name("signed_up"); number(v.signed_up);
        name("site");
        open();
        name("lat"); number(v.site.lat);
        name("lng"); number(v.site.lng);
        name("name"); text(v.site.name);
        name("radius_m"); number(v.site.radius_m);
        close();
        name("start"); text(v.start);
        name("status"); text(v.status);
        name("summary"); text(v.summary);
        name("team_id"); number(v.team_id);
        name("team_name"); text(v.team_name);
        name("title"); text(v.title);
        close();
    }
};

bool valid_text(const Project& p) {
    using utf8::valid;
    bool ok = valid(p.title) && valid(p.summary) && valid(p.description) && valid(p.category) &&
              (!p.brand || valid(*p.brand)) && valid(p.brand_name) && valid(p.team_name) &&
              valid(p.district_name) && valid(p.site.name) && valid(p.status) && valid(p.start) && valid(p.end) &&
              valid(p.next_shift.start) && valid(p.next_shift.end);
    for (const Shift& s : p.shifts) ok = ok && valid(s.start) && valid(s.end);
    return ok;
}

}  // namespace

std::string project_page_json(const Page<Project>& page, bool estimated, const std::vector<int64_t>& distance_m) {
    bool valid = !page.next_cursor || utf8::valid(*page.next_cursor);
    for (const Project& p : page.items) valid = valid && valid_text(p);
    if (!valid) {  // nlohmann's dump replaces what is not UTF-8; its way, then
        json j = encode(page);
        j["total_estimated"] = estimated;
        for (size_t i = 0; i < distance_m.size() && i < page.items.size(); ++i) j["items"][i]["distance_m"] = distance_m[i];
        return dump_json(j);
    }
    Writer w;
    w.out.reserve(256 + page.items.size() * 640);
    w.open();
    w.name("items");
    w.out += '[';
    for (size_t i = 0; i < page.items.size(); ++i) {
        if (i) w.out += ',';
        w.project(page.items[i], i < distance_m.size() ? &distance_m[i] : nullptr);
    }
    w.out += ']';
    w.name("next_cursor"); w.text_or_null(page.next_cursor);
    w.name("total"); w.number(page.total);
    w.name("total_estimated");
    w.out += estimated ? "true" : "false";
    w.close();
    return std::move(w.out);
}

}  // namespace zygc::server::catalog
