#include "core/codec.h"
#include "core/decoding.h"

#include "core/codec_stream.h"
#include "core/json_guard.h"

namespace zygc {

using nlohmann::json;

// ---------------------------------------------------------------------------
// [SECTION] Decoding
// Every decoder checks the JSON type before reading, so nothing throws. The first
// problem found is kept, with the path of the field that has it.
// ---------------------------------------------------------------------------
// The toolkit (declared in core/decoding.h).
namespace decoding {

bool dec(const json& j, int64_t& out, Ctx& c) {
    if (!j.is_number_integer()) return c.fail("expected integer");
    out = j.get<int64_t>();
    return true;
}

bool dec(const json& j, int& out, Ctx& c) {
    int64_t v = 0;
    if (!dec(j, v, c)) return false;
    out = static_cast<int>(v);
    return true;
}

bool dec(const json& j, double& out, Ctx& c) {
    if (!j.is_number()) return c.fail("expected number");
    out = j.get<double>();
    return true;
}

bool dec(const json& j, bool& out, Ctx& c) {
    if (!j.is_boolean()) return c.fail("expected boolean");
    out = j.get<bool>();
    return true;
}

bool dec(const json& j, std::string& out, Ctx& c) {
    if (!j.is_string()) return c.fail("expected string");
    out = j.get_ref<const std::string&>();
    return true;
}

bool dec(const json& j, std::optional<std::string>& out, Ctx& c) {
    if (j.is_null()) {
        out.reset();
        return true;
    }
    std::string s;
    if (!dec(j, s, c)) return false;
    out = std::move(s);
    return true;
}

bool object(const json& j, Ctx& c) { return j.is_object() || c.fail("expected object"); }

bool nullable(const json& o, const char* key, std::optional<std::string>& out, Ctx& c) {
    auto it = o.find(key);
    if (it == o.end()) return true;
    Scope s(c, key);
    return dec(*it, out, c);
}

bool dec_params(const json& j, Params& out, Ctx& c) {
    if (!j.contains("params") || j["params"].is_null()) return true;
    Scope s(c, "params");
    const json& p = j["params"];
    if (!p.is_object()) return c.fail("expected object");
    for (auto it = p.begin(); it != p.end(); ++it) {
        const json& v = it.value();
        if (v.is_string()) out.push_back({it.key(), v.get_ref<const std::string&>()});
        else if (v.is_number() || v.is_boolean()) out.push_back({it.key(), v.dump()});
        else { Scope k(c, it.key().c_str()); return c.fail("expected string or number"); }
    }
    return true;
}

std::optional<DecodeError> parse(std::string_view text, json& j) {
    switch (json_guard(text)) {
    case JsonGuard::Ok: break;
    case JsonGuard::TooDeep: return DecodeError{"", "nested too deeply"};
    case JsonGuard::TooLarge: return DecodeError{"", "too large"};
    }
    j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return DecodeError{"", "not valid JSON"};
    return std::nullopt;
}

}  // namespace decoding

namespace {

using decoding::dec;
using decoding::dec_params;
using decoding::nullable;
using decoding::object;
using decoding::opt;
using decoding::req;
using decoding::Scope;

// This codec's context: the toolkit's templates find the decoders below by it.
struct Ctx : decoding::Ctx {};

bool dec(const json& j, District& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name", v.name, c) &&
           req(j, "population", v.population, c);
}

bool dec(const json& j, DistrictStats& v, Ctx& c) {
    return object(j, c) && req(j, "district_id", v.district_id, c) && req(j, "name", v.name, c) &&
           req(j, "population", v.population, c) &&
           req(j, "registered_volunteers", v.registered_volunteers, c) &&
           req(j, "service_minutes", v.service_minutes, c);
}

bool dec(const json& j, CityStats& v, Ctx& c) {
    return object(j, c) && req(j, "registered_volunteers", v.registered_volunteers, c) &&
           req(j, "resident_population", v.resident_population, c) &&
           req(j, "share_of_population_pct", v.share_of_population_pct, c) &&
           req(j, "teams", v.teams, c) && req(j, "projects", v.projects, c) &&
           req(j, "service_minutes", v.service_minutes, c) && opt(j, "by_district", v.by_district, c);
}

bool dec(const json& j, BrandStat& v, Ctx& c) {
    return object(j, c) && req(j, "label", v.label, c) && req(j, "value", v.value, c);
}

bool dec(const json& j, Site& v, Ctx& c) {
    return object(j, c) && req(j, "name", v.name, c) && req(j, "lat", v.lat, c) &&
           req(j, "lng", v.lng, c) && req(j, "radius_m", v.radius_m, c);
}

bool dec(const json& j, Shift& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "start", v.start, c) &&
           req(j, "end", v.end, c) && req(j, "capacity", v.capacity, c) &&
           req(j, "signed_up", v.signed_up, c);
}

bool dec(const json& j, Project& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "title", v.title, c) &&
           opt(j, "summary", v.summary, c) && opt(j, "description", v.description, c) &&
           req(j, "category", v.category, c) && nullable(j, "brand", v.brand, c) &&
           opt(j, "brand_name", v.brand_name, c) && req(j, "team_id", v.team_id, c) &&
           opt(j, "team_name", v.team_name, c) && req(j, "district_id", v.district_id, c) &&
           opt(j, "district_name", v.district_name, c) && req(j, "site", v.site, c) &&
           req(j, "status", v.status, c) && opt(j, "start", v.start, c) && opt(j, "end", v.end, c) &&
           opt(j, "capacity", v.capacity, c) && opt(j, "signed_up", v.signed_up, c) &&
           opt(j, "shifts", v.shifts, c) && opt(j, "shift_count", v.shift_count, c) &&
           opt(j, "next_shift", v.next_shift, c);
}

bool dec(const json& j, Brand& v, Ctx& c) {
    return object(j, c) && req(j, "slug", v.slug, c) && req(j, "name", v.name, c) &&
           req(j, "owner_org", v.owner_org, c) && opt(j, "summary", v.summary, c) &&
           opt(j, "story", v.story, c) && opt(j, "highlights", v.highlights, c) &&
           opt(j, "awards", v.awards, c) && opt(j, "stats", v.stats, c) &&
           opt(j, "cover_url", v.cover_url, c) && opt(j, "project_count", v.project_count, c) &&
           opt(j, "projects", v.projects, c) && opt(j, "cover_widths", v.cover_widths, c);  // images (issue 10)
}

bool dec(const json& j, Team& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name", v.name, c) &&
           opt(j, "org", v.org, c) && req(j, "district_id", v.district_id, c) &&
           opt(j, "district_name", v.district_name, c) && opt(j, "leader_name", v.leader_name, c) &&
           opt(j, "member_count", v.member_count, c) && opt(j, "project_count", v.project_count, c) &&
           opt(j, "summary", v.summary, c) && opt(j, "founded", v.founded, c) &&
           opt(j, "projects", v.projects, c);
}

bool dec(const json& j, FieldError& v, Ctx& c) {
    return object(j, c) && opt(j, "field", v.field, c) && req(j, "message", v.message, c) &&
           opt(j, "code", v.code, c) && dec_params(j, v.params, c);
}

bool dec(const json& j, Problem& v, Ctx& c) {
    return object(j, c) && opt(j, "type", v.type, c) && req(j, "title", v.title, c) &&
           req(j, "status", v.status, c) && opt(j, "detail", v.detail, c) &&
           opt(j, "errors", v.errors, c) && opt(j, "code", v.code, c) && dec_params(j, v.params, c);
}

bool dec(const json& j, TeamMembership& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name", v.name, c) && req(j, "role", v.role, c);
}

bool dec(const json& j, VolunteerProfile& v, Ctx& c) {
    return object(j, c) && req(j, "real_name", v.real_name, c) &&
           req(j, "id_number_masked", v.id_number_masked, c) && req(j, "district_id", v.district_id, c) &&
           opt(j, "skills", v.skills, c) && opt(j, "availability", v.availability, c) &&
           opt(j, "registered_at", v.registered_at, c);
}

bool dec(const json& j, std::optional<VolunteerProfile>& out, Ctx& c) {
    if (j.is_null()) {
        out.reset();
        return true;
    }
    VolunteerProfile v;
    if (!dec(j, v, c)) return false;
    out = std::move(v);
    return true;
}

bool dec(const json& j, Me& v, Ctx& c) {
    if (!object(j, c) || !req(j, "id", v.id, c) || !opt(j, "phone_masked", v.phone_masked, c) ||
        !opt(j, "display_name", v.display_name, c) || !req(j, "roles", v.roles, c) ||
        !opt(j, "teams", v.teams, c))
        return false;
    auto it = j.find("volunteer");
    if (it == j.end()) return true;
    Scope s(c, "volunteer");
    return dec(*it, v.volunteer, c);
}

bool dec(const json& j, Session& v, Ctx& c) { return object(j, c) && req(j, "user", v.user, c); }

bool dec(const json& j, SmsCodeSent& v, Ctx& c) {
    return object(j, c) && nullable(j, "dev_code", v.dev_code, c) && opt(j, "retry_after_s", v.retry_after_s, c);
}

bool dec(const json& j, VolunteerApplication& v, Ctx& c) {
    return object(j, c) && req(j, "real_name", v.real_name, c) && req(j, "id_number", v.id_number, c) &&
           req(j, "district_id", v.district_id, c) && opt(j, "skills", v.skills, c) &&
           opt(j, "availability", v.availability, c) && req(j, "consent", v.consent, c);
}

bool dec(const json& j, Signup& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "shift_id", v.shift_id, c) &&
           req(j, "project_id", v.project_id, c) && opt(j, "project_title", v.project_title, c) &&
           req(j, "start", v.start, c) && req(j, "end", v.end, c) && opt(j, "site_name", v.site_name, c) &&
           req(j, "status", v.status, c) && opt(j, "created_at", v.created_at, c);
}

bool dec(const json& j, ShiftDraft& v, Ctx& c) {
    return object(j, c) && req(j, "start", v.start, c) && req(j, "end", v.end, c) &&
           req(j, "capacity", v.capacity, c);
}

bool dec(const json& j, ProjectDraft& v, Ctx& c) {
    return object(j, c) && req(j, "team_id", v.team_id, c) && req(j, "title", v.title, c) &&
           opt(j, "summary", v.summary, c) && req(j, "description", v.description, c) &&
           req(j, "category", v.category, c) && nullable(j, "brand", v.brand, c) &&
           req(j, "district_id", v.district_id, c) && req(j, "site", v.site, c) && req(j, "shifts", v.shifts, c);
}

template <class T>
bool dec(const json& j, Page<T>& v, Ctx& c) {
    return object(j, c) && req(j, "items", v.items, c) && nullable(j, "next_cursor", v.next_cursor, c) &&
           req(j, "total", v.total, c);
}

}  // namespace

template <class T>
Decoded<T> decode_json(const json& j) {
    return decoding::decode_as<T, Ctx>(j);
}

template <class T>
Decoded<T> decode(std::string_view text) {
    // The pages the app reads most go straight from the text into the structs (issue 11);
    // anything that path is unsure of, errors included, is decoded below as it always was.
    Decoded<T> fast;
    if (stream::read_document(text, fast.value)) return fast;
    json j;
    if (auto e = decoding::parse(text, j)) return Decoded<T>{T{}, *e};
    return decode_json<T>(j);
}

#define ZYGC_DECODER(T)                                 \
    template Decoded<T> decode<T>(std::string_view);   \
    template Decoded<T> decode_json<T>(const json&);
ZYGC_DECODER(std::vector<District>)
ZYGC_DECODER(CityStats)
ZYGC_DECODER(std::vector<Brand>)
ZYGC_DECODER(Brand)
ZYGC_DECODER(Team)
ZYGC_DECODER(Page<Team>)
ZYGC_DECODER(Project)
ZYGC_DECODER(Page<Project>)
ZYGC_DECODER(Problem)
ZYGC_DECODER(Me)
ZYGC_DECODER(Session)
ZYGC_DECODER(SmsCodeSent)
ZYGC_DECODER(VolunteerApplication)
ZYGC_DECODER(Signup)
ZYGC_DECODER(std::vector<Signup>)
ZYGC_DECODER(Page<Signup>)
ZYGC_DECODER(ProjectDraft)
#undef ZYGC_DECODER

// ---------------------------------------------------------------------------
// [SECTION] Encoding
// ---------------------------------------------------------------------------

json encode(const District& v) { return {{"id", v.id}, {"name", v.name}, {"population", v.population}}; }

json encode(const DistrictStats& v) {
    return {{"district_id", v.district_id},
            {"name", v.name},
            {"population", v.population},
            {"registered_volunteers", v.registered_volunteers},
            {"service_minutes", v.service_minutes}};
}

json encode(const CityStats& v) {
    return {{"registered_volunteers", v.registered_volunteers},
            {"resident_population", v.resident_population},
            {"share_of_population_pct", v.share_of_population_pct},
            {"teams", v.teams},
            {"projects", v.projects},
            {"service_minutes", v.service_minutes},
            {"by_district", encode(v.by_district)}};
}

json encode(const BrandStat& v) { return {{"label", v.label}, {"value", v.value}}; }

json encode(const Site& v) {
    return {{"name", v.name}, {"lat", v.lat}, {"lng", v.lng}, {"radius_m", v.radius_m}};
}

json encode(const Shift& v) {
    return {{"id", v.id}, {"start", v.start}, {"end", v.end}, {"capacity", v.capacity}, {"signed_up", v.signed_up}};
}

json encode(const Project& v) {
    json j = {{"id", v.id},
              {"title", v.title},
              {"summary", v.summary},
              {"category", v.category},
              {"brand", v.brand ? json(*v.brand) : json()},
              {"brand_name", v.brand_name},
              {"team_id", v.team_id},
              {"team_name", v.team_name},
              {"district_id", v.district_id},
              {"district_name", v.district_name},
              {"site", encode(v.site)},
              {"status", v.status},
              {"start", v.start},
              {"end", v.end},
              {"capacity", v.capacity},
              {"signed_up", v.signed_up}};
    if (!v.description.empty()) j["description"] = v.description;
    if (!v.shifts.empty()) j["shifts"] = encode(v.shifts);
    if (v.shift_count) j["shift_count"] = v.shift_count;
    if (v.next_shift.id) j["next_shift"] = encode(v.next_shift);
    return j;
}

json encode(const Brand& v) {
    json j = {{"slug", v.slug},
              {"name", v.name},
              {"owner_org", v.owner_org},
              {"summary", v.summary},
              {"highlights", v.highlights},
              {"awards", v.awards},
              {"stats", encode(v.stats)},
              {"cover_url", v.cover_url},
              {"project_count", v.project_count}};
    if (!v.story.empty()) j["story"] = v.story;
    if (!v.projects.empty()) j["projects"] = encode(v.projects);
    if (!v.cover_widths.empty()) j["cover_widths"] = v.cover_widths;  // images (issue 10)
    return j;
}

json encode(const Team& v) {
    json j = {{"id", v.id},
              {"name", v.name},
              {"org", v.org},
              {"district_id", v.district_id},
              {"district_name", v.district_name},
              {"leader_name", v.leader_name},
              {"member_count", v.member_count},
              {"project_count", v.project_count},
              {"summary", v.summary},
              {"founded", v.founded}};
    if (!v.projects.empty()) j["projects"] = encode(v.projects);
    return j;
}

static json encode_params(const Params& ps) {
    json j = json::object();
    for (const auto& p : ps) j[p.name] = p.value;
    return j;
}

json encode(const FieldError& v) {
    json j = {{"field", v.field}, {"message", v.message}};
    if (!v.code.empty()) j["code"] = v.code;
    if (!v.params.empty()) j["params"] = encode_params(v.params);
    return j;
}

json encode(const Problem& v) {
    json j = {{"type", v.type}, {"title", v.title}, {"status", v.status}};
    if (!v.code.empty()) j["code"] = v.code;
    if (!v.params.empty()) j["params"] = encode_params(v.params);
    if (!v.detail.empty()) j["detail"] = v.detail;
    if (!v.errors.empty()) j["errors"] = encode(v.errors);
    return j;
}

json encode(const TeamMembership& v) { return {{"id", v.id}, {"name", v.name}, {"role", v.role}}; }

json encode(const VolunteerProfile& v) {
    return {{"real_name", v.real_name},         {"id_number_masked", v.id_number_masked},
            {"district_id", v.district_id},     {"skills", v.skills},
            {"availability", v.availability},   {"registered_at", v.registered_at}};
}

json encode(const Me& v) {
    return {{"id", v.id},
            {"phone_masked", v.phone_masked},
            {"display_name", v.display_name},
            {"roles", v.roles},
            {"teams", encode(v.teams)},
            {"volunteer", v.volunteer ? encode(*v.volunteer) : json()}};
}

json encode(const Session& v) { return {{"user", encode(v.user)}}; }

json encode(const SmsCodeSent& v) {
    return {{"dev_code", v.dev_code ? json(*v.dev_code) : json()}, {"retry_after_s", v.retry_after_s}};
}

json encode(const VolunteerApplication& v) {
    return {{"real_name", v.real_name},       {"id_number", v.id_number}, {"district_id", v.district_id},
            {"skills", v.skills},             {"availability", v.availability},
            {"consent", v.consent}};
}

json encode(const Signup& v) {
    return {{"id", v.id},       {"shift_id", v.shift_id},   {"project_id", v.project_id},
            {"project_title", v.project_title}, {"start", v.start}, {"end", v.end},
            {"site_name", v.site_name}, {"status", v.status}, {"created_at", v.created_at}};
}

json encode(const ShiftDraft& v) { return {{"start", v.start}, {"end", v.end}, {"capacity", v.capacity}}; }

json encode(const ProjectDraft& v) {
    return {{"team_id", v.team_id},
            {"title", v.title},
            {"summary", v.summary},
            {"description", v.description},
            {"category", v.category},
            {"brand", v.brand ? json(*v.brand) : json()},
            {"district_id", v.district_id},
            {"site", encode(v.site)},
            {"shifts", encode(v.shifts)}};
}

// ---------------------------------------------------------------------------
// [SECTION] Categories
// ---------------------------------------------------------------------------

const std::vector<Category>& categories() {
    static const std::vector<Category> list = {
        {"elderly", "助老服务", "Elderly care"},     {"disability", "助残服务", "Disability support"},
        {"children", "关爱儿童", "Children"},        {"community", "社区治理", "Community"},
        {"environment", "生态环保", "Environment"},  {"civility", "文明实践", "Civility"},
        {"emergency", "应急救援", "Emergency"},      {"events", "赛会服务", "Events"},
        {"culture", "文化旅游", "Culture & tourism"}, {"education", "教育助学", "Education"},
        {"health", "医疗卫生", "Health"},
    };
    return list;
}

const Category* find_category(std::string_view code) {
    for (const Category& c : categories())
        if (code == c.code) return &c;
    return nullptr;
}

}  // namespace zygc
