// Navigation: the route, moving between screens (via the screen table), back, refresh,
// retry, and the one-line notice the shell shows.
#pragma once
#include <string>

#include "core/device.h"
#include "core/message.h"
#include "core/request.h"
#include "core/route.h"

namespace zygc {

struct State;

struct NavigationSlice {
    Route route;
    Route after_login;   // where the login screen returns to
    Message notice;      // one-line message for the user (toast); empty() = none
    // look (issue 10): a notice leaves by itself after kNoticeMs (kNoticeCareMs in 关怀版),
    // timed by Ticks it asks for while one shows, and belongs to the screen it came on
    // (a Navigate drops it).
    Message notice_timed;          // the notice the clock runs for
    int64_t notice_since_ms = 0;   // the first Tick it was seen at (0: none yet)
    bool notice_ticking = false;   // WantTicks{kNoticeTickMs, "notice"} is on
};

constexpr int kNoticeMs = 3000;
constexpr int kNoticeCareMs = 5000;
constexpr int kNoticeTickMs = 250;

struct Navigate { Route route; bool from_url = false; };  // from_url: came from hash change, don't push
struct Back {};  // the app's own back arrow: like the browser's, but never leaves the app
struct Refresh {};  // pull-to-refresh: reload what the current screen shows
struct Retry { Target target; };
struct DismissNotice {};

namespace navigation {
void update(State& s, const Navigate& a, Effects& out);
void update(State& s, const Back& a, Effects& out);
void update(State& s, const Refresh& a, Effects& out);
void update(State& s, const Retry& a, Effects& out);
void update(State& s, const DismissNotice& a, Effects& out);
void update(State& s, const Tick& a, Effects& out);  // look: the notice's time is up
// look: after every action: (re)starts the clock for a new notice, stops the ticks when none shows.
void notice_clock(State& s, Effects& out);
}  // namespace navigation

}  // namespace zygc
