// Points (issue 12): what server.cpp and the dev seed need from the points module.
#pragma once
#include <string>
#include <vector>

#include "server/app.h"

namespace zygc::server {

void register_points_routes(App& app);  // routes_points.cpp
// Dev mode: the dev merchant clerk (13800000004); with demo data also merchants and rewards in
// every district, funds linked to brands, points for the demo hours and redemptions in every
// state (seed_points.cpp). Once (housekeeping 'demo_points').
bool ensure_demo_points(App& app, bool demo_data, std::string* err);
// The two funds of the demo and of the generated city (linked to their brands where the
// database has them), created at `at`; their ids appended to `ids` when given.
bool points_funds(Db& db, int64_t at, std::vector<int64_t>* ids, std::string& err);

}  // namespace zygc::server
