// Points (issue 12): what server.cpp and the dev seed need from the points module.
#pragma once
#include <string>

#include "server/app.h"

namespace zygc::server {

void register_points_routes(App& app);  // routes_points.cpp
// Dev mode: the dev merchant clerk (13800000004); with demo data also merchants and rewards in
// every district, funds linked to brands, points for the demo hours and redemptions in every
// state (seed_points.cpp). Once (housekeeping 'demo_points').
bool ensure_demo_points(App& app, bool demo_data, std::string* err);

}  // namespace zygc::server
