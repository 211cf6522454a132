#include "core/dashboard.h"

#include <algorithm>

#include "core/care_codec.h"
#include "core/feature.h"
#include "core/requests.h"

namespace zygc {

std::vector<const Award*> awards_of(const State& s, const std::string& brand_slug) {
    std::vector<const Award*> out;
    for (const Award& a : s.awards.data())
        if (a.brand_slug == brand_slug) out.push_back(&a);
    return out;
}

int64_t busiest_month_minutes(const CityDashboard& d) {
    int64_t m = 0;
    for (const DashMonth& x : d.by_month) m = std::max(m, x.service_minutes);
    return m;
}

namespace dashboard {
std::optional<HttpRequest> request_dashboard(State&) { return requests::get("/stats/dashboard"); }
std::optional<HttpRequest> request_awards(State&) { return requests::get("/awards"); }
}  // namespace dashboard

}  // namespace zygc
