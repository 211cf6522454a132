// Loaded data for UI tests, built in code (no JSON, no server).
#pragma once
#include "core/store.h"

namespace fixtures {

using namespace zygc;

template <class T>
Remote<T> loaded(T data) {
    Remote<T> r;
    r.succeed(std::move(data));
    return r;
}

template <class T>
Remote<T> loading() {
    Remote<T> r;
    r.start(1);
    return r;
}

template <class T>
Remote<T> failed(ApiError e) {
    Remote<T> r;
    r.fail(std::move(e));
    return r;
}

inline ApiError network_error() { return {ApiError::Network, 0, {}, "Failed to fetch"}; }
inline ApiError http_error(int status, std::string detail = "") {
    ApiError e;
    e.kind = ApiError::Http;
    e.status = status;
    e.problem.status = status;
    e.problem.detail = std::move(detail);
    return e;
}

inline CityStats city() {
    CityStats s;
    s.registered_volunteers = 609000;
    s.resident_population = 3107000;
    s.share_of_population_pct = 19.6;
    s.teams = 5231;
    s.projects = 12800;
    s.service_minutes = 25600000LL * 60;  // 2560万小时
    return s;
}

// eldercare (issue 13): the dashboard with city()'s figures, two districts and three months.
inline CityDashboard dashboard() {
    CityDashboard d;
    d.registered_volunteers = 609000;
    d.resident_population = 3107000;
    d.share_of_population_pct = 19.6;
    d.teams = 5231;
    d.projects = 12800;
    d.service_minutes = 25600000LL * 60;
    d.eldercare_pairs = 205;
    d.eldercare_visits = 24000;
    d.by_district = {{1, "海港区", 1500000, 300000, 3000, 7000, 15000000LL * 60, 120, 15000, 40},
                     {2, "山海关区", 200000, 40000, 400, 900, 2000000LL * 60, 30, 3000, 6}};
    d.by_month = {{"2026-09", 600 * 60, 40, 5, 100, 2}, {"2026-10", 900 * 60, 55, 8, 150, 3},
                  {"2026-11", 1200 * 60, 70, 9, 180, 4}};
    return d;
}

inline Project project(Id id, std::string title, int64_t capacity = 20, int64_t signed_up = 5) {
    Project p;
    p.id = id;
    p.title = std::move(title);
    p.summary = "一句话简介";
    p.category = "children";
    p.team_id = 7;
    p.team_name = "海港区青年志愿者协会";
    p.district_id = 1;
    p.district_name = "海港区";
    p.site.name = "海港区文化广场";
    p.status = "open";
    p.start = "2026-12-03T09:00:00+08:00";
    p.end = "2026-12-03T12:00:00+08:00";
    p.capacity = capacity;
    p.signed_up = signed_up;
    if (signed_up < capacity) p.next_shift = {1, p.start, p.end, capacity, signed_up};  // one shift
    return p;
}

inline Brand brand(std::string slug, std::string name) {
    Brand b;
    b.slug = std::move(slug);
    b.name = std::move(name);
    b.owner_org = "共青团秦皇岛市委";
    b.summary = "关爱留守儿童的品牌项目";
    return b;
}

inline Page<Project> page(std::vector<Project> items, int64_t total, const char* cursor = nullptr) {
    Page<Project> p;
    p.items = std::move(items);
    p.total = total;
    if (cursor) p.next_cursor = cursor;
    return p;
}

// A home screen with everything loaded.
inline State home() {
    State s;
    s.stats = loaded(city());
    s.dashboard = loaded(dashboard());  // eldercare (issue 13): home's figures
    s.brands = loaded(std::vector<Brand>{brand("xiaohouniao", "小候鸟"), brand("cuncaoxin", "寸草心")});
    s.home_projects = loaded(page({project(101, "小候鸟课后陪伴"), project(102, "海滩清洁日")}, 2));
    return s;
}

inline State projects_screen() {
    State s;
    s.route = Route{Route::Projects, 0, {}};
    s.districts = loaded(std::vector<District>{{1, "海港区", 0}, {2, "山海关区", 0}, {3, "北戴河区", 0}});
    s.brands = loaded(std::vector<Brand>{brand("xiaohouniao", "小候鸟")});
    s.projects = loaded(page({project(101, "小候鸟课后陪伴"), project(102, "海滩清洁日", 10, 10)}, 37, "c2"));
    return s;
}

}  // namespace fixtures
