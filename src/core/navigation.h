// Navigation: the route, moving between screens (via the screen table), back, refresh,
// retry, and the one-line notice the shell shows.
#pragma once
#include <string>

#include "core/message.h"
#include "core/request.h"
#include "core/route.h"

namespace zygc {

struct State;

struct NavigationSlice {
    Route route;
    Route after_login;   // where the login screen returns to
    Message notice;      // one-line message for the user (toast); empty() = none
};

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
}  // namespace navigation

}  // namespace zygc
