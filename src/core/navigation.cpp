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
    s.route = a.route;
    if (!a.from_url) out.push_back(SetUrlHash{route_hash(a.route)});
    if (a.route.kind == Route::Login && s.after_login.kind == Route::Home) s.after_login = {};
    if (!redirect_to_login(s, out)) load_screen(s, out);
}

void update(State& s, const Back&, Effects& out) { out.push_back(GoBack{route_hash(parent_route(s.route))}); }

void update(State& s, const Refresh&, Effects& out) {
    for (Target t : screen_info(s.route.kind).refresh) append(out, load(s, t));
}

void update(State& s, const Retry& a, Effects& out) { append(out, load(s, a.target)); }

void update(State& s, const DismissNotice&, Effects&) { s.notice = {}; }

}  // namespace navigation
}  // namespace zygc
