#include "core/eldercare.h"

#include <cstdlib>

#include "core/care_codec.h"
#include "core/feature.h"
#include "core/requests.h"
#include "core/utf8.h"
#include "core/validate.h"

namespace zygc {
namespace {

using requests::get;
using requests::send;

bool on_eldercare(const State& s) {
    switch (s.route.kind) {
    case Route::Eldercare:
    case Route::ElderNeedNew:
    case Route::ElderHelperNew:
    case Route::ElderMatches:
    case Route::ElderPairs: return true;
    default: return false;
    }
}

std::string with_district(std::string path, Id d) { return d ? path + "?district_id=" + std::to_string(d) : path; }

// After a change of the ledger every list is stale: what the current screen shows loads
// again (now, or when the route changes), the rest when next shown.
void invalidate_ledger(State& s) {
    s.elder_needs.invalidate();
    s.elder_helpers.invalidate();
    s.matches.invalidate();
    s.pairs.invalidate();
}
void reload_ledger(State& s, Effects& out) {
    invalidate_ledger(s);
    load_screen(s, out);
}

std::optional<double> parse_double(const std::string& text) {
    const size_t b = text.find_first_not_of(' ');
    if (b == std::string::npos) return std::nullopt;
    char* end = nullptr;
    const std::string t = text.substr(b);
    const double v = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || (*end && *end != ' ')) return std::nullopt;
    return v;
}

nlohmann::json draft_body(const ElderDraft& d, bool helper) {
    nlohmann::json b = {{"name", d.name},   {"district_id", d.district_id},           {"community", d.community},
                        {"slots", d.times}, {"lat", parse_double(d.lat).value_or(0)}, {"lng", parse_double(d.lng).value_or(0)},
                        {"consent", d.consent}};
    if (helper) {
        b["abilities"] = d.skills;
        b["phone"] = d.phone;
        b["walk_m"] = parse_int(d.walk_m).value_or(0);
        b["capacity"] = parse_int(d.capacity).value_or(0);
    } else {
        b["needs"] = d.skills;
        b["mobility"] = d.mobility;
        b["guardian"] = {{"name", d.guardian_name}, {"phone", d.phone}, {"relation", d.guardian_relation}};
    }
    return b;
}

template <class T>
void submit(State& s, const ElderDraft& d, bool helper, Remote<T>& remote, Target target, Effects& out) {
    if (remote.loading()) return;
    s.elder_errors = validate_elder(d, helper);
    if (!s.elder_errors.empty()) {
        s.notice = {"form_has_errors"};
        return;
    }
    const char* path = helper ? "/eldercare/helpers" : "/eldercare/needs";
    out.push_back(begin(s, remote, target, send("POST", path, draft_body(d, helper), next_key(s))));
}

// A problem's field errors go next to the fields; else its message is the notice.
void read_problem(State& s, const ApiError& e, const char* fallback, Effects& out) {
    if (e.status == 401) {
        go_to_login(s, out);
        return;
    }
    if (!e.problem.errors.empty()) s.elder_errors = e.problem.errors;
    s.notice = problem_message(e, fallback);
}

}  // namespace

const std::vector<const char*>& elder_skill_codes() {
    static const std::vector<const char*> v = {"meal", "escort", "shopping", "companionship", "safety_visit"};
    return v;
}
const std::vector<const char*>& elder_time_codes() {
    static const std::vector<const char*> v = {"mon_am", "mon_pm", "tue_am", "tue_pm", "wed_am", "wed_pm", "thu_am",
                                               "thu_pm", "fri_am", "fri_pm", "sat_am", "sat_pm", "sun_am", "sun_pm"};
    return v;
}
const std::vector<const char*>& elder_mobility_codes() {
    static const std::vector<const char*> v = {"independent", "cane", "wheelchair", "bedridden"};
    return v;
}

std::vector<FieldError> validate_elder(const ElderDraft& d, bool helper) {
    std::vector<FieldError> e;
    const size_t name_len = utf8::count(d.name);
    if (blank(d.name) || name_len < 2 || name_len > 30) e.push_back(field_error("name", "name_length"));
    if (d.district_id == 0) e.push_back(field_error("district_id", "district_required"));
    const size_t community = utf8::count(d.community);
    if (blank(d.community) || community > 40) e.push_back(field_error("community", "text_length", {{"min", "1"}, {"max", "40"}}));
    if (d.skills.empty()) e.push_back(field_error(helper ? "abilities" : "needs", helper ? "abilities_required" : "needs_required"));
    if (d.times.empty()) e.push_back(field_error("slots", "times_required"));
    bool phone_ok = d.phone.size() == 11 && d.phone[0] == '1';
    for (char c : d.phone) phone_ok = phone_ok && c >= '0' && c <= '9';
    if (!phone_ok) e.push_back(field_error(helper ? "phone" : "guardian.phone", "phone_invalid"));
    auto lat = parse_double(d.lat), lng = parse_double(d.lng);
    if (!lat || *lat < -90 || *lat > 90) e.push_back(field_error("lat", "invalid"));
    if (!lng || *lng < -180 || *lng > 180) e.push_back(field_error("lng", "invalid"));
    if (helper) {
        auto m = parse_int(d.walk_m);
        if (!m || *m < 100 || *m > 5000) e.push_back(field_error("walk_m", "range", {{"min", "100"}, {"max", "5000"}}));
        auto cap = parse_int(d.capacity);
        if (!cap || *cap < 1 || *cap > 5) e.push_back(field_error("capacity", "range", {{"min", "1"}, {"max", "5"}}));
    } else {
        if (d.mobility.empty()) e.push_back(field_error("mobility", "mobility_required"));
        const size_t g = utf8::count(d.guardian_name);
        if (blank(d.guardian_name) || g < 2 || g > 30) e.push_back(field_error("guardian.name", "name_length"));
        if (blank(d.guardian_relation) || utf8::count(d.guardian_relation) > 20)
            e.push_back(field_error("guardian.relation", "text_length", {{"min", "1"}, {"max", "20"}}));
    }
    if (!d.consent) e.push_back(field_error("consent", "elder_consent_required"));
    return e;
}

Id care_district(const State& s) {
    if (s.care_district) return s.care_district;
    if (s.districts.loaded() && !s.districts.data().empty()) return s.districts.data().front().id;
    return 0;
}

namespace eldercare {

std::string district_key(const State& s) { return std::to_string(care_district(s)); }

std::optional<HttpRequest> request_needs(State& s) {
    if (!care_district(s)) return std::nullopt;
    return get(with_district("/eldercare/needs", care_district(s)));
}
std::optional<HttpRequest> request_helpers(State& s) {
    if (!care_district(s)) return std::nullopt;
    return get(with_district("/eldercare/helpers", care_district(s)));
}
std::optional<HttpRequest> request_matches(State& s) {
    if (!care_district(s)) return std::nullopt;
    return get(with_district("/eldercare/matches", care_district(s)));
}
std::optional<HttpRequest> request_pairs(State& s) {
    if (!care_district(s)) return std::nullopt;
    return get(with_district("/eldercare/pairs", care_district(s)));
}

void receive_districts(State& s, const Received& a, Effects& out) {
    fill(s.districts, a);
    if (s.districts.loaded() && (on_eldercare(s) || s.route.kind == Route::Help)) load_screen(s, out);
}

void update(State& s, const PickCareDistrict& a, Effects& out) {
    if (a.district_id == care_district(s)) return;
    s.care_district = a.district_id;
    load_screen(s, out);
}

void update(State& s, const EditElderNeed& a, Effects&) { s.need_draft = a.draft; }
void update(State& s, const EditElderHelper& a, Effects&) { s.helper_draft = a.draft; }

void update(State& s, const SubmitElderNeed&, Effects& out) {
    submit(s, s.need_draft, false, s.need_saved, Target::ElderNeedSave, out);
}
void update(State& s, const SubmitElderHelper&, Effects& out) {
    submit(s, s.helper_draft, true, s.helper_saved, Target::ElderHelperSave, out);
}

void update(State& s, const ConfirmPair& a, Effects& out) {
    if (s.pairing.loading()) return;
    nlohmann::json body = {{"need_id", a.need_id}, {"helper_id", a.helper_id}};
    out.push_back(begin(s, s.pairing, Target::ElderPairSave, send("POST", "/eldercare/pairs", body, next_key(s))));
}

void update(State& s, const LogVisit& a, Effects& out) {
    if (s.visit.loading()) return;
    nlohmann::json body = {{"start", a.start}, {"end", a.end}};
    out.push_back(begin(s, s.visit, Target::ElderVisitSave,
                        send("POST", "/eldercare/pairs/" + std::to_string(a.pair_id) + "/visits", body, next_key(s))));
}

void receive_need(State& s, const Received& a, Effects& out) {
    auto r = take(s.need_saved, a);
    if (!r) return;
    if (!r->ok()) return read_problem(s, r->error, "save_failed", out);
    s.notice = {"elder_need_saved"};
    s.elder_errors.clear();
    s.care_district = r->value->district_id ? r->value->district_id : s.care_district;
    s.need_draft = {};
    invalidate_ledger(s);
    go(s, Route{Route::Eldercare, 0, {}}, out);
}

void receive_helper(State& s, const Received& a, Effects& out) {
    auto r = take(s.helper_saved, a);
    if (!r) return;
    if (!r->ok()) return read_problem(s, r->error, "save_failed", out);
    s.notice = {"elder_helper_saved"};
    s.elder_errors.clear();
    s.care_district = r->value->district_id ? r->value->district_id : s.care_district;
    s.helper_draft = {};
    invalidate_ledger(s);
    go(s, Route{Route::Eldercare, 0, {}}, out);
}

void receive_pair(State& s, const Received& a, Effects& out) {
    auto r = take(s.pairing, a);
    if (!r) return;
    if (!r->ok()) return read_problem(s, r->error, "save_failed", out);
    s.notice = {"elder_paired", {{"need", r->value->need_name}, {"helper", r->value->helper_name}}, ""};
    reload_ledger(s, out);
}

void receive_visit(State& s, const Received& a, Effects& out) {
    auto r = take(s.visit, a);
    if (!r) return;
    if (!r->ok()) return read_problem(s, r->error, "save_failed", out);
    s.notice = {"elder_visit_logged", {{"minutes", std::to_string(r->value->minutes)}}, ""};
    s.visit_project = r->value->project_id;
    reload_ledger(s, out);
}

// A form starts clean: no errors of an earlier try, and no toast of the screen before (需求已
// 登记 sits above the tab bar, over the form's last controls: a tap meant for 保存登记 would
// only dismiss it, and the form would seem not to save).
void enter_need(State& s, Effects&) {
    if (s.need_draft == ElderDraft{}) s.need_draft.district_id = care_district(s);
    s.elder_errors.clear();
    s.notice = {};
}
void enter_helper(State& s, Effects&) {
    if (s.helper_draft == ElderDraft{}) s.helper_draft.district_id = care_district(s);
    s.elder_errors.clear();
    s.notice = {};
}

}  // namespace eldercare
}  // namespace zygc
