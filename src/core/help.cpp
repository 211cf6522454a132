#include "core/help.h"

#include "core/care_codec.h"
#include "core/feature.h"
#include "core/requests.h"
#include "core/utf8.h"
#include "core/validate.h"

namespace zygc {
namespace {

using requests::get;
using requests::send;

bool organizer(const State& s) { return s.has_role("organizer"); }

void reload(State& s, Effects& out) {
    s.my_help.invalidate();
    s.district_help.invalidate();
    if (s.route.kind == Route::Help) {
        append(out, load(s, Target::MyHelp));
        append(out, load(s, Target::DistrictHelp));
    }
}

}  // namespace

Id led_team(const State& s) {
    if (!s.me.loaded()) return 0;
    for (const TeamMembership& t : s.me.data().teams)
        if (t.role == "leader") return t.id;
    return 0;
}

Id help_district(const State& s) {
    if (s.help_district) return s.help_district;
    if (s.districts.loaded() && !s.districts.data().empty()) return s.districts.data().front().id;
    return 0;
}

std::vector<FieldError> validate_help(const HelpDraft& d) {
    std::vector<FieldError> e;
    const size_t t = utf8::count(d.title), n = utf8::count(d.description);
    if (blank(d.title) || t < 4 || t > 60) e.push_back(field_error("title", "length", {{"min", "4"}, {"max", "60"}}));
    if (blank(d.description) || n > 2000)
        e.push_back(field_error("description", "length", {{"min", "1"}, {"max", "2000"}}));
    if (d.district_id == 0) e.push_back(field_error("district_id", "district_required"));
    return e;
}

namespace help {

std::string district_key(const State& s) { return std::to_string(help_district(s)); }

std::optional<HttpRequest> request_mine(State&) { return get("/me/help-requests"); }

std::optional<HttpRequest> request_district(State& s) {
    if (!organizer(s) || !help_district(s)) return std::nullopt;
    return get("/help-requests?district_id=" + std::to_string(help_district(s)));
}

void update(State& s, const PickHelpDistrict& a, Effects& out) {
    s.help_district = a.district_id;
    if (s.route.kind == Route::Help) append(out, load(s, Target::DistrictHelp));
}

void update(State& s, const EditHelp& a, Effects&) { s.help_draft = a.draft; }

void update(State& s, const SubmitHelp&, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    if (s.help_saved.loading()) return;
    s.help_errors = validate_help(s.help_draft);
    if (!s.help_errors.empty()) {
        s.notice = {"form_has_errors"};
        return;
    }
    const HelpDraft& d = s.help_draft;
    nlohmann::json body = {{"title", d.title}, {"description", d.description}, {"district_id", d.district_id}};
    out.push_back(begin(s, s.help_saved, Target::HelpSave, send("POST", "/help-requests", body, next_key(s))));
}

void update(State& s, const ChangeHelp& a, Effects& out) {
    if (s.help_change.loading()) return;
    nlohmann::json body = {{"action", a.action}};
    if (a.action != "close") {
        const Id team = led_team(s);
        if (!team) {
            s.notice = {"no_team_to_act"};
            return;
        }
        body["team_id"] = team;
    }
    if (a.action == "convert") {
        // The site: the centre of the city until the organizer edits the project.
        body["project"] = {{"site", {{"name", a.site_name}, {"lat", 39.9354}, {"lng", 119.6005}, {"radius_m", 500}}},
                           {"shifts", nlohmann::json::array({{{"start", a.start}, {"end", a.end}, {"capacity", a.capacity}}})}};
    }
    out.push_back(begin(s, s.help_change, Target::HelpChange,
                        send("PATCH", "/help-requests/" + std::to_string(a.request_id), body)));
}

void receive_saved(State& s, const Received& a, Effects& out) {
    auto r = take(s.help_saved, a);
    if (!r) return;
    if (!r->ok()) {
        if (r->error.status == 401) return go_to_login(s, out);
        if (!r->error.problem.errors.empty()) s.help_errors = r->error.problem.errors;
        s.notice = problem_message(r->error, "save_failed");
        return;
    }
    s.notice = {"help_sent"};
    s.help_errors.clear();
    s.help_draft = {};
    reload(s, out);
}

void receive_change(State& s, const Received& a, Effects& out) {
    auto r = take(s.help_change, a);
    if (!r) return;
    if (!r->ok()) {
        if (r->error.status == 401) return go_to_login(s, out);
        s.notice = problem_message(r->error, "save_failed");
    } else {
        const HelpRequest& h = *r->value;
        s.notice = {"help_" + h.status};
        if (h.status == "converted" && h.project_id) {
            catalogue::invalidate_lists(s);
            go(s, Route{Route::Project, h.project_id, {}}, out);
            return;
        }
    }
    reload(s, out);
}

//-----------------------------------------------------------------------------
// [SECTION] Freshness: reloaded on opening, and every kHelpPollMs while open
//-----------------------------------------------------------------------------

namespace {
// Reloads what the screen already shows; a list being loaded (just asked for by entering)
// or never loaded is left to the screen's own loads.
void refresh_shown(State& s, bool mine, Effects& out) {
    if (mine && s.my_help.loaded()) append(out, load(s, Target::MyHelp));
    if (s.district_help.loaded()) append(out, load(s, Target::DistrictHelp));
}
}  // namespace

void route_changed(State& s, Effects& out) {
    const bool open = s.route.kind == Route::Help;
    if (open == s.help_open) return;
    s.help_open = open;
    s.help_polled_ms = 0;
    out.push_back(WantTicks{open ? kHelpPollMs : 0, "help"});
    if (open && s.logged_in()) refresh_shown(s, true, out);
}

void update(State& s, const Tick& a, Effects& out) {
    if (s.route.kind != Route::Help) {
        route_changed(s, out);
        return;
    }
    // Once a period has passed since the last reload by a tick (a tenth of slack for the
    // platform's timer); the first tick after opening reloads.
    if (s.help_polled_ms && a.now_ms - s.help_polled_ms < kHelpPollMs - kHelpPollMs / 10) return;
    s.help_polled_ms = a.now_ms;
    if (!s.logged_in()) return;
    bool can_change = false;
    for (const HelpRequest& h : s.my_help.data().items) can_change = can_change || h.status == "open" || h.status == "taken";
    refresh_shown(s, can_change, out);
}

}  // namespace help
}  // namespace zygc
