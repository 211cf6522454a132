// The screens, one per file (screen_*.cpp). Each draws inside the scrolling content region
// that app.cpp opens, reads State only and emits Actions through widgets.h's emit().
#pragma once
#include "core/store.h"

namespace zygc::ui {

void screen_home(const State& state);
void screen_projects(const State& state);
void screen_project(const State& state);
void screen_brand(const State& state);
void screen_not_found(const State& state);

// Routes the screens navigate to.
inline Route route_home() { return Route{}; }
inline Route route_projects() { return Route{Route::Projects, 0, {}}; }
inline Route route_project(Id id) { return Route{Route::Project, id, {}}; }
inline Route route_brand(const std::string& slug) { return Route{Route::Brand, 0, slug}; }

}  // namespace zygc::ui
