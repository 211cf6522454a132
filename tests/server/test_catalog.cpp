// Catalogue reads over real HTTP: paging, search, filters, sorts, details, stats.
#include "fixture.h"

using namespace zt;

TEST_CASE("paging /projects with limit 7 returns every project exactly once", "[server][paging]") {
    const auto& srv = fixture_server();
    json seed = fixture_seed();
    int64_t total = -1;
    auto ids = page_through(srv, "/api/v1/projects", 7, &total);
    std::set<int64_t> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    CHECK(total == static_cast<int64_t>(seed["projects"].size()));
    CHECK(unique == ids_where(seed, [](const json&) { return true; }));

    SECTION("paging a filtered, differently sorted list too") {
        for (const char* sort : {"-start", "popular"}) {
            auto v = page_through(srv, std::string("/api/v1/projects?status=open&sort=") + sort, 7, &total);
            std::set<int64_t> s(v.begin(), v.end());
            CHECK(s.size() == v.size());
            CHECK(s == ids_where(seed, open_to_join));
            CHECK(total == static_cast<int64_t>(s.size()));
        }
        auto v = page_through(srv, "/api/v1/projects?sort=distance&lat=39.93&lng=119.55", 7, &total);
        CHECK(std::set<int64_t>(v.begin(), v.end()).size() == seed["projects"].size());
    }
    SECTION("a cursor only continues the query it came from") {
        auto r = srv.get("/api/v1/projects?limit=7");
        std::string cursor = r.j["next_cursor"];
        auto bad = srv.get("/api/v1/projects?limit=7&status=open&cursor=" + cursor);
        CHECK(bad.status == 400);
        CHECK(bad.j["errors"][0]["field"] == "cursor");
    }
}

TEST_CASE("teams page through and filter", "[server][paging]") {
    const auto& srv = fixture_server();
    int64_t total = -1;
    auto ids = page_through(srv, "/api/v1/teams", 3, &total);
    CHECK(total == 4);
    CHECK(ids == std::vector<int64_t>{1, 2, 3, 4});
    auto r = srv.get("/api/v1/teams?district_id=1");
    REQUIRE(r.status == 200);
    CHECK(r.j["total"] == 2);
    for (const auto& t : r.j["items"]) CHECK(t["district_id"] == 1);
    auto q = srv.get("/api/v1/teams?q=" + qenc("古城"));
    REQUIRE(q.status == 200);
    REQUIRE(q.j["items"].size() == 1);
    CHECK(q.j["items"][0]["id"] == 3);
    CHECK(q.j["items"][0]["district_name"] == "山海关区");
    CHECK(q.j["items"][0]["project_count"] == 10);
}

TEST_CASE("Chinese substring search finds exactly the projects containing it", "[server][search]") {
    const auto& srv = fixture_server();
    json seed = fixture_seed();
    // ≥3 code points (trigram index) and 1–2 (scan fallback), in title, summary, description.
    for (std::string q : {"防诈骗", "老龙头海滩", "白塔岭", "红马甲", "文化导览", "社区", "滩", "第1期", "第12期",
                          "海", "不存在的词", "\"红马甲\"", "劝导 OR 义诊", "a*", "NEAR(x y)"}) {
        INFO("q = " << q);
        auto expected = ids_where(seed, [&](const json& p) { return contains_text(p, q); });
        CHECK(all_ids(srv, "/api/v1/projects?q=" + qenc(q)) == expected);
    }
    // Search combines with filters.
    auto expected = ids_where(seed, [](const json& p) {
        return contains_text(p, "社区") && p["district_id"] == 1;
    });
    CHECK(all_ids(srv, "/api/v1/projects?district_id=1&q=" + qenc("社区")) == expected);
    // Blank q means no filter.
    CHECK(all_ids(srv, "/api/v1/projects?q=%20").size() == seed["projects"].size());
}

TEST_CASE("each filter returns only matching rows", "[server][filters]") {
    const auto& srv = fixture_server();
    json seed = fixture_seed();
    auto team_district = [&](int64_t team) {
        for (const auto& t : seed["teams"])
            if (t["id"] == team) return t["district_id"].get<int64_t>();
        return int64_t{0};
    };
    SECTION("district_id") {
        for (int d : {1, 2, 3}) {
            auto want = ids_where(seed, [&](const json& p) { return p["district_id"] == d; });
            CHECK(all_ids(srv, "/api/v1/projects?district_id=" + std::to_string(d)) == want);
        }
    }
    SECTION("category") {
        for (const char* c : {"elderly", "environment", "health", "education"}) {
            auto want = ids_where(seed, [&](const json& p) { return p["category"] == c; });
            CHECK(all_ids(srv, std::string("/api/v1/projects?category=") + c) == want);
        }
    }
    SECTION("brand") {
        for (const char* b : {"cuncaoxin", "haigang-star"}) {
            auto want = ids_where(seed, [&](const json& p) { return p["brand"] == b; });
            CHECK(!want.empty());
            CHECK(all_ids(srv, std::string("/api/v1/projects?brand=") + b) == want);
        }
    }
    SECTION("team_id") {
        for (int t : {1, 4}) {
            auto want = ids_where(seed, [&](const json& p) { return p["team_id"] == t; });
            auto r = srv.get("/api/v1/projects?limit=100&team_id=" + std::to_string(t));
            for (const auto& it : r.j["items"]) {
                CHECK(it["team_id"] == t);
                CHECK(it["district_id"] == team_district(t));
            }
            CHECK(all_ids(srv, "/api/v1/projects?team_id=" + std::to_string(t)) == want);
        }
    }
    SECTION("status") {
        // open: still open to join; one that is open but whose shifts are all over is not
        // listed under it (nor under closed), only without the filter.
        const auto open = ids_where(seed, open_to_join);
        CHECK(all_ids(srv, "/api/v1/projects?status=open") == open);
        CHECK(all_ids(srv, "/api/v1/projects?status=closed") ==
              ids_where(seed, [](const json& p) { return p["status"] == "closed"; }));
        CHECK(open.size() < ids_where(seed, [](const json& p) { return p["status"] == "open"; }).size());
    }
    SECTION("date range on shift dates (+08:00, after the seed offset)") {
        auto in_range = [&](const json& p, const std::string& from, const std::string& to) {
            for (const auto& s : p["shifts"]) {
                int64_t t = *zygc::parse_rfc3339(s["start"].get<std::string>()) + kOffsetDays * 86400;
                std::string day = zygc::format_cst(t).substr(0, 10);
                if ((from.empty() || day >= from) && (to.empty() || day <= to)) return true;
            }
            return false;
        };
        for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"2026-01-20", "2026-01-20"}, {"2026-01-16", "2026-01-22"}, {"2026-02-01", ""},
                 {"", "2026-01-18"}, {"2027-01-01", "2027-02-01"}}) {
            INFO(from << " .. " << to);
            std::string target = "/api/v1/projects?";
            if (!from.empty()) target += "date_from=" + from + "&";
            if (!to.empty()) target += "date_to=" + to;
            auto want = ids_where(seed, [&](const json& p) { return in_range(p, from, to); });
            CHECK(all_ids(srv, target) == want);
        }
    }
    SECTION("filters combine") {
        auto want = ids_where(seed, [](const json& p) {
            return open_to_join(p) && p["brand"] == "cuncaoxin" && p["district_id"] == 1;
        });
        CHECK(all_ids(srv, "/api/v1/projects?status=open&brand=cuncaoxin&district_id=1") == want);
    }
}

TEST_CASE("sorts order the list", "[server][sort]") {
    const auto& srv = fixture_server();
    SECTION("start ascending (default), projects without shifts last") {
        for (const char* target : {"/api/v1/projects?limit=100", "/api/v1/projects?limit=100&sort=start"}) {
            auto r = srv.get(target);
            REQUIRE(r.status == 200);
            const auto& items = r.j["items"];
            REQUIRE(items.size() == 41);
            CHECK(items.back()["id"] == 121);
            CHECK(items.back()["start"] == "");
            for (size_t i = 1; i + 1 < items.size(); ++i)
                CHECK(items[i - 1]["start"].get<std::string>() <= items[i]["start"].get<std::string>());
        }
    }
    SECTION("-start") {
        auto r = srv.get("/api/v1/projects?limit=100&sort=-start");
        const auto& items = r.j["items"];
        REQUIRE(items.size() == 41);
        CHECK(items.back()["id"] == 121);
        for (size_t i = 1; i + 1 < items.size(); ++i)
            CHECK(items[i - 1]["start"].get<std::string>() >= items[i]["start"].get<std::string>());
    }
    SECTION("popular") {
        auto r = srv.get("/api/v1/projects?limit=100&sort=popular");
        const auto& items = r.j["items"];
        for (size_t i = 1; i < items.size(); ++i)
            CHECK(items[i - 1]["signed_up"].get<int64_t>() >= items[i]["signed_up"].get<int64_t>());
    }
    SECTION("distance") {
        auto r = srv.get("/api/v1/projects?limit=100&sort=distance&lat=39.95&lng=119.56");
        REQUIRE(r.status == 200);
        const auto& items = r.j["items"];
        REQUIRE(items.size() == 41);
        for (size_t i = 1; i < items.size(); ++i)
            CHECK(items[i - 1]["distance_m"].get<int64_t>() <= items[i]["distance_m"].get<int64_t>() + 1);
    }
}

TEST_CASE("list items carry aggregates and names", "[server][projects]") {
    const auto& srv = fixture_server();
    json seed = fixture_seed();
    auto r = srv.get("/api/v1/projects?limit=100");
    REQUIRE(r.status == 200);
    for (const auto& it : r.j["items"]) {
        const json* src = nullptr;
        for (const auto& p : seed["projects"])
            if (p["id"] == it["id"]) src = &p;
        REQUIRE(src);
        int64_t cap = 0, su = 0;
        std::string first, last;
        for (const auto& s : (*src)["shifts"]) {
            cap += s["capacity"].get<int64_t>();
            su += s["signed_up"].get<int64_t>();
            int64_t a = *zygc::parse_rfc3339(s["start"].get<std::string>()) + kOffsetDays * 86400;
            int64_t b = *zygc::parse_rfc3339(s["end"].get<std::string>()) + kOffsetDays * 86400;
            std::string fa = zygc::format_cst(a), fb = zygc::format_cst(b);
            if (first.empty() || fa < first) first = fa;
            if (last.empty() || fb > last) last = fb;
        }
        CHECK(it["capacity"] == cap);
        CHECK(it["signed_up"] == su);
        CHECK(it["start"] == first);
        CHECK(it["end"] == last);
        CHECK(it["team_name"].get<std::string>().size() > 0);
        CHECK(it["district_name"].get<std::string>().size() > 0);
        CHECK(it["brand_name"] == ((*src)["brand"] == "cuncaoxin" ? "寸草心" : (*src)["brand"] == "haigang-star" ? "海港之星" : ""));
        CHECK_FALSE(it.contains("shifts"));
    }
}

TEST_CASE("details: project, brand, team", "[server][detail]") {
    const auto& srv = fixture_server();
    auto p = srv.get("/api/v1/projects/100");
    REQUIRE(p.status == 200);
    CHECK(p.j["id"] == 100);
    CHECK(p.j["description"] == "请穿\"红马甲\"，带好水杯。");
    REQUIRE(p.j["shifts"].size() == 1);
    CHECK(p.j["shift_count"] == 1);
    CHECK(p.j["shifts"][0]["start"] == "2026-01-15T08:30:00+08:00");  // 01-10 + 5 days
    CHECK(p.j["site"]["radius_m"] == 200);
    auto none = srv.get("/api/v1/projects/121");
    REQUIRE(none.status == 200);
    CHECK(none.j["shifts"].empty());

    auto b = srv.get("/api/v1/brands/cuncaoxin");
    REQUIRE(b.status == 200);
    CHECK(b.j["story"] == "从一个社区开始……");
    CHECK(b.j["awards"][0] == "全国\"四个100\"");
    CHECK(b.j["stats"][0]["value"] == "4000+");
    CHECK(b.j["projects"].size() == 14);
    CHECK(b.j["project_count"] == 14);
    auto list = srv.get("/api/v1/brands");
    REQUIRE(list.status == 200);
    REQUIRE(list.j.size() == 2);
    CHECK(list.j[0]["slug"] == "cuncaoxin");
    CHECK(list.j[0]["project_count"] == 14);
    CHECK_FALSE(list.j[0].contains("projects"));
    // images (issue 10): a cover this server serves lists its width variants; none, none.
    CHECK(list.j[0]["cover_widths"] == json::array({480, 960, 1440}));
    CHECK(b.j["cover_widths"] == json::array({480, 960, 1440}));
    CHECK(list.j[1]["cover_url"] == "");
    CHECK_FALSE(list.j[1].contains("cover_widths"));

    auto t = srv.get("/api/v1/teams/2");
    REQUIRE(t.status == 200);
    CHECK(t.j["name"] == "海港区青年志愿者协会");
    CHECK(t.j["projects"].size() == 10);
    for (const auto& it : t.j["projects"]) CHECK(it["team_id"] == 2);

    CHECK(srv.get("/api/v1/brands/nope").status == 404);
    CHECK(srv.get("/api/v1/teams/99").status == 404);
}

TEST_CASE("districts and city stats are computed from the data", "[server][stats]") {
    const auto& srv = fixture_server();
    json seed = fixture_seed();
    auto d = srv.get("/api/v1/districts");
    REQUIRE(d.status == 200);
    REQUIRE(d.j.size() == 3);
    CHECK(d.j[1]["name"] == "山海关区");
    CHECK(d.j[1]["population"] == 178000);

    auto s = srv.get("/api/v1/stats/city");
    REQUIRE(s.status == 200);
    int64_t vol = 0, pop = 0, minutes = 0;
    for (const auto& x : seed["districts"]) {
        vol += x["registered_volunteers"].get<int64_t>();
        pop += x["population"].get<int64_t>();
        minutes += x["service_minutes"].get<int64_t>();
    }
    CHECK(s.j["registered_volunteers"] == vol);
    CHECK(s.j["resident_population"] == pop);
    CHECK(s.j["service_minutes"] == minutes);
    CHECK(s.j["teams"] == seed["teams"].size());
    CHECK(s.j["projects"] == seed["projects"].size());
    CHECK(s.j["share_of_population_pct"].get<double>() == Approx(std::round(vol * 1000.0 / pop) / 10.0));
    CHECK(s.j["by_district"].size() == 3);
    CHECK(s.j["by_district"][2]["registered_volunteers"] == 20300);
}
