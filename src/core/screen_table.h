// The table of screens: everything core knows about a route kind, in one row. The view
// side (title words, draw function) is the matching table in ui/app.cpp. Adding a screen:
// a Route::Kind, a row here, a row there, and the screen's own files.
#pragma once
#include <initializer_list>

#include "core/request.h"
#include "core/route.h"

namespace zygc {

struct State;

enum class Tab { Home, Projects, Me };  // the bottom tab a screen belongs to

// A short fixed list of targets (constexpr-friendly).
struct Targets {
    Target items[3]{};
    int count = 0;
    constexpr Targets() = default;
    constexpr Targets(std::initializer_list<Target> ts) {
        for (Target t : ts) items[count++] = t;
    }
    constexpr const Target* begin() const { return items; }
    constexpr const Target* end() const { return items + count; }
    constexpr bool empty() const { return count == 0; }
};

struct ScreenInfo {
    Route::Kind kind;
    const char* path;      // hash path after "#/": "projects/{id}/edit"; nullptr: no URL of its own
    Tab tab;
    bool needs_login;      // logged-out users go to the login screen and come back
    bool keeps_scroll;     // a list that keeps its place when returned to (others start at the top)
    Route::Kind parent;    // where the back arrow leads without history (keeps the id)
    Targets loads;         // loaded on entering, unless already there
    Targets refresh;       // reloaded by pull-to-refresh; empty: not refreshable
    // Screen-specific work on entering, after `loads` (the publish form fills its draft).
    void (*enter)(State&, Effects&) = nullptr;
};

const ScreenInfo& screen_info(Route::Kind kind);
// All rows, in Route::Kind order: for (const ScreenInfo& s : screen_table()).
struct ScreenTable {
    const ScreenInfo* begin() const;
    const ScreenInfo* end() const;
};
inline ScreenTable screen_table() { return {}; }

// The screen the back arrow leads to when there is no history to go back to.
Route parent_route(const Route& r);

}  // namespace zygc
