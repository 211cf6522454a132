#include "core/care_codec.h"

#include "core/codec_stream.h"
#include "core/decoding.h"

#include <type_traits>

namespace zygc {

using nlohmann::json;

// ---------------------------------------------------------------------------
// [SECTION] Decoding — on the toolkit of core/decoding.h.
// ---------------------------------------------------------------------------
namespace {

using decoding::dec;
using decoding::dec_params;
using decoding::maybe;
using decoding::object;
using decoding::opt;
using decoding::req;
using decoding::Scope;

// This codec's context: the toolkit's templates find the decoders below by it.
struct Ctx : decoding::Ctx {};

template <class T>
bool dec(const json& j, Page<T>& out, Ctx& c);

bool dec(const json& j, MatchReason& v, Ctx& c) {
    return object(j, c) && req(j, "code", v.code, c) && dec_params(j, v.params, c) && opt(j, "points", v.points, c);
}

// A nested {id, name_masked, …} person: its masked name.
bool dec_person(const json& o, const char* key, std::string& name, Ctx& c) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    Scope s(c, key);
    return object(*it, c) && opt(*it, "name_masked", name, c);
}

bool dec(const json& j, ElderNeed& v, Ctx& c) {
    if (!object(j, c) || !req(j, "id", v.id, c) || !req(j, "name_masked", v.name, c) ||
        !req(j, "district_id", v.district_id, c) || !opt(j, "community", v.community, c) ||
        !req(j, "needs", v.needs, c) || !opt(j, "slots", v.times, c) || !opt(j, "mobility", v.mobility, c) ||
        !req(j, "status", v.status, c))
        return false;
    auto g = j.find("guardian");
    if (g == j.end() || g->is_null()) return true;
    Scope s(c, "guardian");
    return object(*g, c) && opt(*g, "name_masked", v.guardian_name, c) && opt(*g, "phone_masked", v.guardian_phone, c) &&
           opt(*g, "relation", v.guardian_relation, c);
}

bool dec(const json& j, ElderHelper& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "name_masked", v.name, c) &&
           req(j, "district_id", v.district_id, c) && opt(j, "community", v.community, c) &&
           req(j, "abilities", v.abilities, c) && opt(j, "slots", v.times, c) && opt(j, "walk_m", v.walk_m, c) &&
           opt(j, "phone_masked", v.phone, c) && opt(j, "capacity", v.capacity, c) && opt(j, "load", v.load, c);
}

bool dec(const json& j, MatchSuggestion& v, Ctx& c) {
    return object(j, c) && req(j, "need_id", v.need_id, c) && req(j, "helper_id", v.helper_id, c) &&
           dec_person(j, "need", v.need_name, c) && dec_person(j, "helper", v.helper_name, c) &&
           req(j, "score", v.score, c) && opt(j, "distance_m", v.distance_m, c) && req(j, "reasons", v.reasons, c);
}

bool dec(const json& j, MatchList& v, Ctx& c) {
    return object(j, c) && opt(j, "district_id", v.district_id, c) && req(j, "items", v.items, c) &&
           opt(j, "open_needs", v.open_needs, c) && opt(j, "unmatched_need_ids", v.unmatched_need_ids, c);
}

bool dec(const json& j, ElderPair& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "need_id", v.need_id, c) &&
           req(j, "helper_id", v.helper_id, c) && dec_person(j, "need", v.need_name, c) &&
           dec_person(j, "helper", v.helper_name, c) && opt(j, "district_id", v.district_id, c) &&
           opt(j, "rhythm_days", v.rhythm_days, c) && maybe(j, "last_visit_at", v.last_visit, c) &&
           opt(j, "next_visit_due", v.next_due, c) && opt(j, "overdue", v.overdue, c) &&
           opt(j, "days_overdue", v.days_overdue, c) && opt(j, "visits", v.visits, c) &&
           opt(j, "visit_minutes", v.visit_minutes, c) && opt(j, "project_id", v.project_id, c) &&
           opt(j, "status", v.status, c);
}

bool dec(const json& j, ElderVisit& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "pair_id", v.pair_id, c) &&
           opt(j, "hours_record_id", v.attendance_id, c) && req(j, "project_id", v.project_id, c) &&
           req(j, "minutes", v.minutes, c) && opt(j, "hours_status", v.status, c);
}

bool dec(const json& j, HelpRequest& v, Ctx& c) {
    if (!object(j, c) || !req(j, "id", v.id, c) || !req(j, "title", v.title, c) ||
        !opt(j, "description", v.description, c) || !req(j, "district_id", v.district_id, c) ||
        !req(j, "status", v.status, c) || !opt(j, "mine", v.mine, c) || !opt(j, "project_id", v.project_id, c) ||
        !opt(j, "created_at", v.created_at, c))
        return false;
    if (auto r = j.find("requester"); r != j.end() && !r->is_null()) {
        Scope s(c, "requester");
        if (!object(*r, c) || !opt(*r, "display_name", v.requester, c)) return false;
    }
    v.taken_by.reset();
    v.team_id = 0;
    if (auto t = j.find("team"); t != j.end() && !t->is_null()) {
        Scope s(c, "team");
        std::string name;
        if (!object(*t, c) || !req(*t, "id", v.team_id, c) || !opt(*t, "name", name, c)) return false;
        v.taken_by = name;
    }
    return true;
}

bool dec(const json& j, DashDistrict& v, Ctx& c) {
    return object(j, c) && req(j, "district_id", v.district_id, c) && req(j, "name", v.name, c) &&
           opt(j, "population", v.population, c) && req(j, "registered_volunteers", v.registered_volunteers, c) &&
           opt(j, "teams", v.teams, c) && opt(j, "projects", v.projects, c) &&
           req(j, "service_minutes", v.service_minutes, c) && opt(j, "eldercare_pairs", v.pairs, c) &&
           opt(j, "eldercare_visits", v.visits, c) && opt(j, "help_requests", v.help_requests, c);
}

bool dec(const json& j, DashMonth& v, Ctx& c) {
    return object(j, c) && req(j, "month", v.month, c) && req(j, "service_minutes", v.service_minutes, c) &&
           opt(j, "eldercare_visits", v.visits, c) && opt(j, "eldercare_pairs", v.pairs, c) &&
           opt(j, "new_volunteers", v.new_volunteers, c) && opt(j, "help_requests", v.help_requests, c);
}

bool dec(const json& j, CityDashboard& v, Ctx& c) {
    return object(j, c) && req(j, "registered_volunteers", v.registered_volunteers, c) &&
           req(j, "resident_population", v.resident_population, c) &&
           req(j, "share_of_population_pct", v.share_of_population_pct, c) && req(j, "teams", v.teams, c) &&
           req(j, "projects", v.projects, c) && req(j, "service_minutes", v.service_minutes, c) &&
           req(j, "eldercare_pairs", v.eldercare_pairs, c) && req(j, "eldercare_visits", v.eldercare_visits, c) &&
           opt(j, "help_requests", v.help_requests, c) && opt(j, "computed_at", v.computed_at, c) &&
           req(j, "by_district", v.by_district, c) && req(j, "by_month", v.by_month, c);
}

bool dec(const json& j, Award& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "title", v.title, c) && opt(j, "year", v.year, c) &&
           opt(j, "level", v.level, c) && opt(j, "issuer", v.issuer, c) && opt(j, "brand", v.brand_slug, c) &&
           opt(j, "brand_name", v.brand_name, c) && opt(j, "description", v.description, c);
}

template <class T>
bool dec(const json& j, Page<T>& v, Ctx& c) {
    if (!object(j, c) || !req(j, "items", v.items, c) || !maybe(j, "next_cursor", v.next_cursor, c)) return false;
    v.total = static_cast<int64_t>(v.items.size());
    return opt(j, "total", v.total, c);
}

// /awards answers a page {items:[…]} (a bare list is read too).
bool dec_awards(const json& j, std::vector<Award>& out, Ctx& c) {
    if (j.is_object()) return req(j, "items", out, c);
    return dec(j, out, c);
}

}  // namespace

template <class T>
Decoded<T> decode_json(const json& j) {
    Decoded<T> out;
    Ctx c;
    bool ok;
    if constexpr (std::is_same_v<T, std::vector<Award>>) ok = dec_awards(j, out.value, c);
    else ok = dec(j, out.value, c);
    if (!ok) {
        out.error = c.error;
        out.value = T{};
    }
    return out;
}

template <class T>
Decoded<T> decode(std::string_view text) {
    Decoded<T> fast;  // the dashboard: straight from the text (codec_stream.h), else as below
    if (stream::read_document(text, fast.value)) return fast;
    json j;
    if (auto e = decoding::parse(text, j)) return Decoded<T>{T{}, *e};
    return decode_json<T>(j);
}

#define ZYGC_DECODER(T)                               \
    template Decoded<T> decode<T>(std::string_view); \
    template Decoded<T> decode_json<T>(const json&);
ZYGC_DECODER(ElderNeed)
ZYGC_DECODER(Page<ElderNeed>)
ZYGC_DECODER(ElderHelper)
ZYGC_DECODER(Page<ElderHelper>)
ZYGC_DECODER(MatchList)
ZYGC_DECODER(ElderPair)
ZYGC_DECODER(Page<ElderPair>)
ZYGC_DECODER(ElderVisit)
ZYGC_DECODER(HelpRequest)
ZYGC_DECODER(Page<HelpRequest>)
ZYGC_DECODER(CityDashboard)
ZYGC_DECODER(std::vector<Award>)
#undef ZYGC_DECODER

// ---------------------------------------------------------------------------
// [SECTION] Encoding
// ---------------------------------------------------------------------------

namespace {
json params_json(const Params& ps) {
    json o = json::object();
    for (const Param& p : ps) o[p.name] = p.value;
    return o;
}
json opt_str(const std::optional<std::string>& s) { return s ? json(*s) : json(); }
}  // namespace

json encode(const MatchReason& v) {
    json j = {{"code", v.code}, {"points", v.points}};
    if (!v.params.empty()) j["params"] = params_json(v.params);
    return j;
}
json encode(const ElderNeed& v) {
    return {{"id", v.id}, {"name_masked", v.name}, {"district_id", v.district_id}, {"community", v.community},
            {"needs", v.needs}, {"slots", v.times}, {"mobility", v.mobility}, {"status", v.status},
            {"guardian", {{"name_masked", v.guardian_name}, {"phone_masked", v.guardian_phone},
                          {"relation", v.guardian_relation}}}};
}
json encode(const ElderHelper& v) {
    return {{"id", v.id},         {"name_masked", v.name}, {"district_id", v.district_id}, {"community", v.community},
            {"abilities", v.abilities}, {"slots", v.times}, {"walk_m", v.walk_m}, {"phone_masked", v.phone},
            {"capacity", v.capacity}, {"load", v.load}};
}
json encode(const MatchSuggestion& v) {
    return {{"need_id", v.need_id},         {"helper_id", v.helper_id},
            {"need", {{"id", v.need_id}, {"name_masked", v.need_name}}},
            {"helper", {{"id", v.helper_id}, {"name_masked", v.helper_name}}},
            {"score", v.score},             {"distance_m", v.distance_m}, {"reasons", encode(v.reasons)}};
}
json encode(const MatchList& v) {
    return {{"district_id", v.district_id}, {"items", encode(v.items)}, {"open_needs", v.open_needs},
            {"unmatched_need_ids", v.unmatched_need_ids}};
}
json encode(const ElderPair& v) {
    return {{"id", v.id}, {"need_id", v.need_id}, {"helper_id", v.helper_id},
            {"need", {{"id", v.need_id}, {"name_masked", v.need_name}}},
            {"helper", {{"id", v.helper_id}, {"name_masked", v.helper_name}}}, {"district_id", v.district_id},
            {"rhythm_days", v.rhythm_days}, {"last_visit_at", opt_str(v.last_visit)}, {"next_visit_due", v.next_due},
            {"overdue", v.overdue}, {"days_overdue", v.days_overdue}, {"visits", v.visits},
            {"visit_minutes", v.visit_minutes}, {"project_id", v.project_id}, {"status", v.status}};
}
json encode(const ElderVisit& v) {
    return {{"id", v.id}, {"pair_id", v.pair_id}, {"hours_record_id", v.attendance_id},
            {"project_id", v.project_id}, {"minutes", v.minutes}, {"hours_status", v.status}};
}
json encode(const HelpRequest& v) {
    json j = {{"id", v.id}, {"title", v.title}, {"description", v.description}, {"district_id", v.district_id},
              {"status", v.status}, {"mine", v.mine}, {"requester", {{"display_name", v.requester}}},
              {"project_id", v.project_id ? json(v.project_id) : json()}, {"created_at", v.created_at}};
    j["team"] = v.taken_by ? json{{"id", v.team_id}, {"name", *v.taken_by}} : json();
    return j;
}
json encode(const DashDistrict& v) {
    return {{"district_id", v.district_id}, {"name", v.name}, {"population", v.population},
            {"registered_volunteers", v.registered_volunteers}, {"teams", v.teams}, {"projects", v.projects},
            {"service_minutes", v.service_minutes}, {"eldercare_pairs", v.pairs}, {"eldercare_visits", v.visits},
            {"help_requests", v.help_requests}};
}
json encode(const DashMonth& v) {
    return {{"month", v.month}, {"service_minutes", v.service_minutes}, {"eldercare_visits", v.visits},
            {"eldercare_pairs", v.pairs}, {"new_volunteers", v.new_volunteers}, {"help_requests", v.help_requests}};
}
json encode(const CityDashboard& v) {
    return {{"registered_volunteers", v.registered_volunteers}, {"resident_population", v.resident_population},
            {"share_of_population_pct", v.share_of_population_pct}, {"teams", v.teams}, {"projects", v.projects},
            {"service_minutes", v.service_minutes}, {"eldercare_pairs", v.eldercare_pairs},
            {"eldercare_visits", v.eldercare_visits}, {"help_requests", v.help_requests},
            {"computed_at", v.computed_at}, {"by_district", encode(v.by_district)}, {"by_month", encode(v.by_month)}};
}
json encode(const Award& v) {
    return {{"id", v.id}, {"title", v.title}, {"year", v.year ? json(v.year) : json()}, {"level", v.level},
            {"issuer", v.issuer}, {"brand", v.brand_slug.empty() ? json() : json(v.brand_slug)},
            {"brand_name", v.brand_name}, {"description", v.description}};
}

}  // namespace zygc
