// The fast path of decode<T>() (see codec_stream.h): each struct's fields read in whatever
// order they come, with the same rules as codec.cpp's decoders (req: present and not null;
// opt: missing or null leaves the default; nullable: null clears). Any doubt → false, and
// codec.cpp decodes the slow way.
#include "core/codec_stream.h"

#include <cstdint>
#include <optional>
#include <string>

#include "core/json_guard.h"
#include "core/json_reader.h"

namespace zygc::stream {

namespace {

bool read(JsonReader& r, int64_t& v) { return r.read(v); }
bool read(JsonReader& r, double& v) { return r.read(v); }
// An int field (cover widths): out of range is "unsure", so the old path decides.
bool read(JsonReader& r, int& v) {
    int64_t wide = 0;
    if (!r.read(wide) || wide < INT32_MIN || wide > INT32_MAX) return false;
    v = static_cast<int>(wide);
    return true;
}
bool read(JsonReader& r, std::string& v) { return r.read(v); }
bool read(JsonReader& r, Site& v);
bool read(JsonReader& r, Shift& v);
bool read(JsonReader& r, Project& v);
bool read(JsonReader& r, BrandStat& v);
bool read(JsonReader& r, Brand& v);
bool read(JsonReader& r, Team& v);
bool read(JsonReader& r, Signup& v);
bool read(JsonReader& r, District& v);
bool read(JsonReader& r, DistrictStats& v);
bool read(JsonReader& r, DashDistrict& v);
bool read(JsonReader& r, DashMonth& v);

template <class T>
bool read(JsonReader& r, std::vector<T>& out) {
    out.clear();
    for (bool more = r.begin_array(); more; more = r.next_item())
        if (!read(r, out.emplace_back())) return false;
    return !r.failed();
}

// One object's fields, in the order they come:
//   Fields f(r);
//   while (f.next()) {
//       if (f.is("id")) f.req(v.id);
//       else if (f.is("summary")) f.opt(v.summary);
//       else f.skip();
//   }
//   return f.done(1);  // the number of req() fields
// is() numbers the names it is asked about in the order asked (an if/else chain asks them in
// the same order for every key), so a key seen twice is noticed without a table.
class Fields {
public:
    explicit Fields(JsonReader& r) : r_(r) {}

    bool next() {
        probe_ = 0;
        if (first_) {
            first_ = false;
            return r_.begin_object(key_);
        }
        return r_.next_key(key_);
    }

    bool is(std::string_view name) {
        const uint64_t bit = uint64_t{1} << probe_++;
        if (key_.size() != name.size() || key_[0] != name[0] || key_ != name) return false;
        if (seen_ & bit) ok_ = false;  // a repeated key: nlohmann keeps the last; left to it
        seen_ |= bit;
        return true;
    }

    // Present and not null.
    template <class T>
    void req(T& out) {
        if (r_.null() || !read(r_, out)) ok_ = false;
        else ++required_;
    }
    // Null leaves the default.
    template <class T>
    void opt(T& out) {
        if (!r_.null() && !read(r_, out)) ok_ = false;
    }
    // Null clears.
    void nullable(std::optional<std::string>& out) {
        if (r_.null()) out.reset();
        else if (!read(r_, out.emplace())) ok_ = false;
    }
    void skip() {
        if (!r_.skip()) ok_ = false;
    }
    // A field only the slow path reads: fine when null, else left to it.
    void only_null() {
        if (!r_.null()) ok_ = false;
    }

    // The object ended well and had its `required` req() fields.
    bool done(int required) const { return ok_ && !r_.failed() && required_ == required; }

private:
    JsonReader& r_;
    std::string_view key_;
    uint64_t seen_ = 0;
    int probe_ = 0;
    int required_ = 0;
    bool first_ = true;
    bool ok_ = true;
};

bool read(JsonReader& r, Site& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("name")) f.req(v.name);
        else if (f.is("lat")) f.req(v.lat);
        else if (f.is("lng")) f.req(v.lng);
        else if (f.is("radius_m")) f.req(v.radius_m);
        else f.skip();
    }
    return f.done(4);
}

bool read(JsonReader& r, Shift& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("id")) f.req(v.id);
        else if (f.is("start")) f.req(v.start);
        else if (f.is("end")) f.req(v.end);
        else if (f.is("capacity")) f.req(v.capacity);
        else if (f.is("signed_up")) f.req(v.signed_up);
        else f.skip();
    }
    return f.done(5);
}

bool read(JsonReader& r, Project& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("id")) f.req(v.id);
        else if (f.is("title")) f.req(v.title);
        else if (f.is("summary")) f.opt(v.summary);
        else if (f.is("description")) f.opt(v.description);
        else if (f.is("category")) f.req(v.category);
        else if (f.is("brand")) f.nullable(v.brand);
        else if (f.is("brand_name")) f.opt(v.brand_name);
        else if (f.is("team_id")) f.req(v.team_id);
        else if (f.is("team_name")) f.opt(v.team_name);
        else if (f.is("district_id")) f.req(v.district_id);
        else if (f.is("district_name")) f.opt(v.district_name);
        else if (f.is("site")) f.req(v.site);
        else if (f.is("status")) f.req(v.status);
        else if (f.is("start")) f.opt(v.start);
        else if (f.is("end")) f.opt(v.end);
        else if (f.is("capacity")) f.opt(v.capacity);
        else if (f.is("signed_up")) f.opt(v.signed_up);
        else if (f.is("shifts")) f.opt(v.shifts);
        else if (f.is("shift_count")) f.opt(v.shift_count);
        else if (f.is("next_shift")) f.opt(v.next_shift);
        else f.skip();
    }
    return f.done(7);
}

bool read(JsonReader& r, BrandStat& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("label")) f.req(v.label);
        else if (f.is("value")) f.req(v.value);
        else f.skip();
    }
    return f.done(2);
}

bool read(JsonReader& r, Brand& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("slug")) f.req(v.slug);
        else if (f.is("name")) f.req(v.name);
        else if (f.is("owner_org")) f.req(v.owner_org);
        else if (f.is("summary")) f.opt(v.summary);
        else if (f.is("story")) f.opt(v.story);
        else if (f.is("highlights")) f.opt(v.highlights);
        else if (f.is("awards")) f.opt(v.awards);
        else if (f.is("stats")) f.opt(v.stats);
        else if (f.is("cover_url")) f.opt(v.cover_url);
        else if (f.is("project_count")) f.opt(v.project_count);
        else if (f.is("projects")) f.opt(v.projects);
        else if (f.is("cover_widths")) f.opt(v.cover_widths);  // images (issue 10)
        else f.skip();
    }
    return f.done(3);
}

bool read(JsonReader& r, Team& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("id")) f.req(v.id);
        else if (f.is("name")) f.req(v.name);
        else if (f.is("org")) f.opt(v.org);
        else if (f.is("district_id")) f.req(v.district_id);
        else if (f.is("district_name")) f.opt(v.district_name);
        else if (f.is("leader_name")) f.opt(v.leader_name);
        else if (f.is("member_count")) f.opt(v.member_count);
        else if (f.is("project_count")) f.opt(v.project_count);
        else if (f.is("summary")) f.opt(v.summary);
        else if (f.is("founded")) f.opt(v.founded);
        else if (f.is("projects")) f.opt(v.projects);
        else f.skip();
    }
    return f.done(3);
}

bool read(JsonReader& r, Signup& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("id")) f.req(v.id);
        else if (f.is("shift_id")) f.req(v.shift_id);
        else if (f.is("project_id")) f.req(v.project_id);
        else if (f.is("project_title")) f.opt(v.project_title);
        else if (f.is("start")) f.req(v.start);
        else if (f.is("end")) f.req(v.end);
        else if (f.is("site_name")) f.opt(v.site_name);
        else if (f.is("status")) f.req(v.status);
        else if (f.is("created_at")) f.opt(v.created_at);
        else f.skip();
    }
    return f.done(6);
}

bool read(JsonReader& r, District& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("id")) f.req(v.id);
        else if (f.is("name")) f.req(v.name);
        else if (f.is("population")) f.req(v.population);
        else f.skip();
    }
    return f.done(3);
}

bool read(JsonReader& r, DistrictStats& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("district_id")) f.req(v.district_id);
        else if (f.is("name")) f.req(v.name);
        else if (f.is("population")) f.req(v.population);
        else if (f.is("registered_volunteers")) f.req(v.registered_volunteers);
        else if (f.is("service_minutes")) f.req(v.service_minutes);
        else f.skip();
    }
    return f.done(5);
}

bool read(JsonReader& r, CityStats& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("registered_volunteers")) f.req(v.registered_volunteers);
        else if (f.is("resident_population")) f.req(v.resident_population);
        else if (f.is("share_of_population_pct")) f.req(v.share_of_population_pct);
        else if (f.is("teams")) f.req(v.teams);
        else if (f.is("projects")) f.req(v.projects);
        else if (f.is("service_minutes")) f.req(v.service_minutes);
        else if (f.is("by_district")) f.opt(v.by_district);
        else f.skip();
    }
    return f.done(6);
}

bool read(JsonReader& r, DashDistrict& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("district_id")) f.req(v.district_id);
        else if (f.is("name")) f.req(v.name);
        else if (f.is("population")) f.opt(v.population);
        else if (f.is("registered_volunteers")) f.req(v.registered_volunteers);
        else if (f.is("teams")) f.opt(v.teams);
        else if (f.is("projects")) f.opt(v.projects);
        else if (f.is("service_minutes")) f.req(v.service_minutes);
        else if (f.is("eldercare_pairs")) f.opt(v.pairs);
        else if (f.is("eldercare_visits")) f.opt(v.visits);
        else if (f.is("help_requests")) f.opt(v.help_requests);
        else f.skip();
    }
    return f.done(4);
}

bool read(JsonReader& r, DashMonth& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("month")) f.req(v.month);
        else if (f.is("service_minutes")) f.req(v.service_minutes);
        else if (f.is("eldercare_visits")) f.opt(v.visits);
        else if (f.is("eldercare_pairs")) f.opt(v.pairs);
        else if (f.is("new_volunteers")) f.opt(v.new_volunteers);
        else if (f.is("help_requests")) f.opt(v.help_requests);
        else f.skip();
    }
    return f.done(2);
}

bool read(JsonReader& r, CityDashboard& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("registered_volunteers")) f.req(v.registered_volunteers);
        else if (f.is("resident_population")) f.req(v.resident_population);
        else if (f.is("share_of_population_pct")) f.req(v.share_of_population_pct);
        else if (f.is("teams")) f.req(v.teams);
        else if (f.is("projects")) f.req(v.projects);
        else if (f.is("service_minutes")) f.req(v.service_minutes);
        else if (f.is("eldercare_pairs")) f.req(v.eldercare_pairs);
        else if (f.is("eldercare_visits")) f.req(v.eldercare_visits);
        else if (f.is("help_requests")) f.opt(v.help_requests);
        else if (f.is("computed_at")) f.opt(v.computed_at);
        else if (f.is("by_district")) f.req(v.by_district);
        else if (f.is("by_month")) f.req(v.by_month);
        else f.skip();
    }
    return f.done(10);
}

bool read(JsonReader& r, Problem& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("type")) f.opt(v.type);
        else if (f.is("title")) f.req(v.title);
        else if (f.is("status")) f.req(v.status);
        else if (f.is("detail")) f.opt(v.detail);
        else if (f.is("code")) f.opt(v.code);
        else if (f.is("errors")) f.only_null();
        else if (f.is("params")) f.only_null();
        else f.skip();
    }
    return f.done(2);
}

template <class T>
bool read(JsonReader& r, Page<T>& v) {
    Fields f(r);
    while (f.next()) {
        if (f.is("items")) f.req(v.items);
        else if (f.is("next_cursor")) f.nullable(v.next_cursor);
        else if (f.is("total")) f.req(v.total);
        else f.skip();
    }
    return f.done(2);
}

template <class T>
bool read_whole(std::string_view text, T& out) {
    if (text.size() > JsonLimits{}.max_bytes) return false;
    JsonReader r(text);
    return read(r, out) && r.finish();
}

}  // namespace

bool read_document(std::string_view text, Page<Project>& out) { return read_whole(text, out); }
bool read_document(std::string_view text, Project& out) { return read_whole(text, out); }
bool read_document(std::string_view text, Page<Team>& out) { return read_whole(text, out); }
bool read_document(std::string_view text, Team& out) { return read_whole(text, out); }
bool read_document(std::string_view text, std::vector<Brand>& out) { return read_whole(text, out); }
bool read_document(std::string_view text, Brand& out) { return read_whole(text, out); }
bool read_document(std::string_view text, Page<Signup>& out) { return read_whole(text, out); }
bool read_document(std::string_view text, std::vector<Signup>& out) { return read_whole(text, out); }
bool read_document(std::string_view text, std::vector<District>& out) { return read_whole(text, out); }
bool read_document(std::string_view text, CityStats& out) { return read_whole(text, out); }
bool read_document(std::string_view text, CityDashboard& out) { return read_whole(text, out); }
bool read_document(std::string_view text, Problem& out) { return read_whole(text, out); }

}  // namespace zygc::stream
