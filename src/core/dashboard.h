// The city dashboard (数据) and the awards on brand pages: the city's figures computed by the
// server from its data (volunteers and their share of residents, teams, projects, service
// hours, 老帮老 pairs and visits, by district and by month) and the honours from /awards.
// Screens: screen_dashboard.cpp; the awards block in screen_brand.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/care_model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct DashboardSlice {
    Remote<CityDashboard> dashboard;
    Remote<std::vector<Award>> awards;
};

// The awards of a brand (by slug), in the order the server gives.
std::vector<const Award*> awards_of(const State& s, const std::string& brand_slug);
// The largest month's service minutes (for the chart's scale; 0 when none).
int64_t busiest_month_minutes(const CityDashboard& d);

namespace dashboard {
std::optional<HttpRequest> request_dashboard(State& s);
std::optional<HttpRequest> request_awards(State& s);
}  // namespace dashboard

}  // namespace zygc
