#include "core/navigation.h"

#include "core/feature.h"
#include "core/screen_table.h"

namespace zygc {

void go(State& s, const Route& r, Effects& out) {
    s.route = r;
    out.push_back(SetUrlHash{route_hash(r)});
    load_screen(s, out);
}

void go_to_login(State& s, Effects& out) {
    s.after_login = s.route;
    go(s, Route{Route::Login, 0, {}}, out);
}

void load_screen(State& s, Effects& out) {
    const ScreenInfo& screen = screen_info(s.route.kind);
    for (Target t : screen.loads) ensure(s, t, out);
    if (screen.enter) screen.enter(s, out);
    certification::route_changed(s, out);  // certification: the console's ticks
    points::route_changed(s, out);         // points: 我的兑换码's time left
    help::route_changed(s, out);           // eldercare (issue 13): 有困难找志愿者 fresh when opened
}

bool redirect_to_login(State& s, Effects& out) {
    if (!screen_info(s.route.kind).needs_login || !s.me.loaded() || s.logged_in()) return false;
    go_to_login(s, out);
    return true;
}

namespace navigation {

void update(State& s, const Navigate& a, Effects& out) {
    s.notice = {};  // look: a notice belongs to the screen it came on
    s.route = a.route;
    signups::route_changed(s);  // sign-up flow: another screen ends the login/registration detour
    // search typing: the list's URL carries its search; a new one loads the list again
    if (catalogue::route_query(s, a.from_url)) append(out, load(s, Target::Projects));
    if (!a.from_url) out.push_back(SetUrlHash{route_hash(s.route)});
    if (a.route.kind == Route::Login && s.after_login.kind == Route::Home) s.after_login = {};
    if (!redirect_to_login(s, out)) load_screen(s, out);
}

void update(State& s, const Back&, Effects& out) { out.push_back(GoBack{route_hash(parent_route(s.route))}); }

void update(State& s, const Refresh&, Effects& out) {
    for (Target t : screen_info(s.route.kind).refresh) append(out, load(s, t));
}

void update(State& s, const Retry& a, Effects& out) { append(out, load(s, a.target)); }

void update(State& s, const DismissNotice&, Effects&) { s.notice = {}; }

void update(State& s, const Tick& a, Effects&) {
    if (s.notice.empty() || !(s.notice == s.notice_timed)) return;
    if (s.notice_since_ms == 0) {
        s.notice_since_ms = a.now_ms;
        return;
    }
    const int64_t shown_for = s.settings.care_mode ? kNoticeCareMs : kNoticeMs;
    if (a.now_ms - s.notice_since_ms >= shown_for) s.notice = {};
}

void notice_clock(State& s, Effects& out) {
    if (!(s.notice == s.notice_timed)) {  // a new notice: a new clock
        s.notice_timed = s.notice;
        s.notice_since_ms = 0;
    }
    const bool want = !s.notice.empty();
    if (want == s.notice_ticking) return;
    s.notice_ticking = want;
    out.push_back(WantTicks{want ? kNoticeTickMs : 0, "notice"});
}

}  // namespace navigation
}  // namespace zygc
